package counterpoint

import (
	"cmp"
	"slices"
	"strings"
)

// Camps: actors grouped by structural balance. The actors and the ties
// between them form a signed graph: an actor endorsing a claim another
// endorses, or one that supports another's, or belonging to it, is a
// positive tie; countering it is a negative one. A partition into camps is
// balanced when every positive tie lies within a camp and every negative one
// across two (Cartwright and Harary's structural balance); real debates are
// not quite, and the share of ties against the partition (the frustration,
// as Aref and Wilson measure it) says how well camps describe the debate.
// Two camps per connected group of actors: the ties of a debate are
// mostly "for" and "against".

// exactLimit is the largest group of actors split by trying every
// partition; larger ones are split by local search.
const exactLimit = 18

// SplitCamps partitions the actors the ties connect into two camps per
// connected group, with the fewest frustrated ties: exactly for groups of
// up to exactLimit actors, else by flipping one actor at a time from a
// two-colouring until no flip helps. It is deterministic: ties between
// equally frustrated partitions go to the one with fewer counters inside a
// camp, then to the first in the order of the search.
func SplitCamps(ties []Tie) CampSplit {
	var split CampSplit
	adj := map[string][]int{} // actor -> indexes of its ties
	for i, t := range ties {
		if t.A == t.B || t.Sign == 0 {
			continue
		}
		adj[t.A] = append(adj[t.A], i)
		adj[t.B] = append(adj[t.B], i)
		split.Ties++
	}
	actors := make([]string, 0, len(adj))
	for a := range adj {
		actors = append(actors, a)
	}
	slices.Sort(actors)
	seen := map[string]bool{}
	group := 0
	for _, start := range actors {
		if seen[start] {
			continue
		}
		group++
		members := component(start, ties, adj, seen)
		side := splitGroup(members, ties, adj)
		var a, b []string
		for _, m := range members {
			if side[m] {
				b = append(b, m)
			} else {
				a = append(a, m)
			}
		}
		for _, camp := range [][]string{a, b} {
			if len(camp) > 0 {
				split.Camps = append(split.Camps, Camp{Group: group, Actors: camp})
			}
		}
		for _, m := range members {
			if flipCost(m, side, ties, adj) == 0 && len(adj[m]) > 0 && hasTieAcross(m, side, ties, adj) {
				split.Unsure = append(split.Unsure, m)
			}
		}
		for _, i := range groupTies(members, adj) {
			if frustrated(ties[i], side) {
				split.Frustrated = append(split.Frustrated, ties[i])
			}
		}
	}
	slices.SortFunc(split.Frustrated, func(x, y Tie) int {
		return cmp.Or(strings.Compare(x.A, y.A), strings.Compare(x.B, y.B), strings.Compare(x.Why, y.Why))
	})
	return split
}

// component returns the actors connected to start, sorted.
func component(start string, ties []Tie, adj map[string][]int, seen map[string]bool) []string {
	var out []string
	queue := []string{start}
	seen[start] = true
	for len(queue) > 0 {
		a := queue[0]
		queue = queue[1:]
		out = append(out, a)
		for _, i := range adj[a] {
			other := ties[i].A
			if other == a {
				other = ties[i].B
			}
			if !seen[other] {
				seen[other] = true
				queue = append(queue, other)
			}
		}
	}
	slices.Sort(out)
	return out
}

// groupTies returns the indexes of the ties within a group, each once.
func groupTies(members []string, adj map[string][]int) []int {
	var out []int
	for _, m := range members {
		out = append(out, adj[m]...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func frustrated(t Tie, side map[string]bool) bool {
	same := side[t.A] == side[t.B]
	return (t.Sign > 0) != same
}

// frustration counts the frustrated ties of a group under side.
func frustration(tieIdx []int, ties []Tie, side map[string]bool) int {
	n := 0
	for _, i := range tieIdx {
		if frustrated(ties[i], side) {
			n++
		}
	}
	return n
}

// frustratedCounters counts the negative ties within a camp.
func frustratedCounters(tieIdx []int, ties []Tie, side map[string]bool) int {
	n := 0
	for _, i := range tieIdx {
		if ties[i].Sign < 0 && side[ties[i].A] == side[ties[i].B] {
			n++
		}
	}
	return n
}

// flipCost is how many more ties would be frustrated if m changed camp
// (negative when the flip helps).
func flipCost(m string, side map[string]bool, ties []Tie, adj map[string][]int) int {
	before := frustration(adj[m], ties, side)
	side[m] = !side[m]
	after := frustration(adj[m], ties, side)
	side[m] = !side[m]
	return after - before
}

// hasTieAcross reports whether m has a tie to the other camp, so that an
// actor tied only within its camp is not called unsure.
func hasTieAcross(m string, side map[string]bool, ties []Tie, adj map[string][]int) bool {
	for _, i := range adj[m] {
		if side[ties[i].A] != side[ties[i].B] {
			return true
		}
	}
	return false
}

// splitGroup returns the camp of each member (false: the first camp,
// which holds the group's first actor by id).
func splitGroup(members []string, ties []Tie, adj map[string][]int) map[string]bool {
	tieIdx := groupTies(members, adj)
	side := map[string]bool{}
	if len(members) <= exactLimit {
		best, bestCost := 0, [2]int{len(tieIdx) + 1, 0}
		// The first member stays in the first camp: each partition once.
		// Of equally frustrated partitions, the one with fewer counters
		// inside a camp wins: camps are about who counters whom.
		for mask := 0; mask < 1<<(len(members)-1); mask++ {
			for i, m := range members[1:] {
				side[m] = mask&(1<<i) != 0
			}
			c := [2]int{frustration(tieIdx, ties, side), frustratedCounters(tieIdx, ties, side)}
			if c[0] < bestCost[0] || (c[0] == bestCost[0] && c[1] < bestCost[1]) {
				best, bestCost = mask, c
			}
		}
		for i, m := range members[1:] {
			side[m] = best&(1<<i) != 0
		}
		side[members[0]] = false
		return side
	}
	// A two-colouring by the signs along a breadth-first tree, then single
	// flips in id order while one lowers the frustration.
	side[members[0]] = false
	queue := []string{members[0]}
	placed := map[string]bool{members[0]: true}
	for len(queue) > 0 {
		a := queue[0]
		queue = queue[1:]
		for _, i := range adj[a] {
			t := ties[i]
			other := t.A
			if other == a {
				other = t.B
			}
			if !placed[other] {
				placed[other] = true
				side[other] = side[a] != (t.Sign < 0)
				queue = append(queue, other)
			}
		}
	}
	for improved := true; improved; {
		improved = false
		for _, m := range members {
			if flipCost(m, side, ties, adj) < 0 {
				side[m] = !side[m]
				improved = true
			}
		}
	}
	if side[members[0]] { // the first actor's camp comes first
		for _, m := range members {
			side[m] = !side[m]
		}
	}
	return side
}
