package disjoint_test

import (
	"testing"

	"github.com/counterpoint-news/counterpoint/internal/disjoint"
)

func TestSetsRootAtTheirSmallestMember(t *testing.T) {
	s := disjoint.New(6)
	s.Union(4, 2)
	s.Union(5, 4)
	s.Union(3, 1)
	want := []int{0, 1, 2, 1, 2, 2}
	for i, w := range want {
		if got := s.Find(i); got != w {
			t.Errorf("after Union(4,2), Union(5,4), Union(3,1): Find(%d) = %d, want %d", i, got, w)
		}
	}
}
