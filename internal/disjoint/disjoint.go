// Package disjoint keeps disjoint sets of the integers 0..n-1 (union-find),
// each set rooted at its smallest member, so that groups read in the order
// of their first member: AIF maps chained by shared node ids, spellings of
// one speaker.
package disjoint

// Sets is a partition of 0..n-1, every integer alone at first.
type Sets struct{ parent []int }

// New returns n sets of one member each.
func New(n int) *Sets {
	s := &Sets{parent: make([]int, n)}
	for i := range s.parent {
		s.parent[i] = i
	}
	return s
}

// Find returns the smallest member of i's set.
func (s *Sets) Find(i int) int {
	if s.parent[i] != i {
		s.parent[i] = s.Find(s.parent[i])
	}
	return s.parent[i]
}

// Union joins the sets of i and j.
func (s *Sets) Union(i, j int) {
	if a, b := s.Find(i), s.Find(j); a != b {
		s.parent[max(a, b)] = min(a, b)
	}
}
