package counterpoint_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint"
)

func tie(a, b string, sign int) counterpoint.Tie {
	return counterpoint.Tie{A: a, B: b, Sign: sign, Why: a + b}
}

// campsString renders a split as "a b | c ; d | e" (camps of one group
// joined by |, groups by ;) for comparison.
func campsString(s counterpoint.CampSplit) string {
	var groups []string
	var cur []string
	last := 0
	for _, c := range s.Camps {
		if c.Group != last && cur != nil {
			groups = append(groups, strings.Join(cur, " | "))
			cur = nil
		}
		last = c.Group
		cur = append(cur, strings.Join(c.Actors, " "))
	}
	if cur != nil {
		groups = append(groups, strings.Join(cur, " | "))
	}
	return strings.Join(groups, " ; ")
}

// TestSplitCamps: balanced graphs split with no frustrated tie; an
// unbalanced triangle leaves one tie of three against the camps; actors
// pulled both ways are unsure; unconnected groups are split apart.
func TestSplitCamps(t *testing.T) {
	tests := []struct {
		name        string
		ties        []counterpoint.Tie
		want        string
		frustration float64
		unsure      string
	}{
		{"two allies against one", []counterpoint.Tie{tie("a", "b", 1), tie("a", "c", -1), tie("b", "c", -1)}, "a b | c", 0, ""},
		{"three mutual enemies", []counterpoint.Tie{tie("a", "b", -1), tie("a", "c", -1), tie("b", "c", -1)}, "a c | b", 1.0 / 3, "a c"},
		{"pulled both ways", []counterpoint.Tie{tie("a", "b", -1), tie("x", "a", 1), tie("x", "b", 1)}, "a x | b", 1.0 / 3, "b x"},
		{"two debates", []counterpoint.Tie{tie("a", "b", -1), tie("c", "d", 1), tie("d", "e", -1)}, "a | b ; c d | e", 0, ""},
		{"self ties and zero signs are ignored", []counterpoint.Tie{tie("a", "a", -1), tie("a", "b", 0), tie("a", "c", -1)}, "a | c", 0, ""},
	}
	for _, tt := range tests {
		got := counterpoint.SplitCamps(tt.ties)
		if s := campsString(got); s != tt.want || got.Frustration() != tt.frustration || strings.Join(got.Unsure, " ") != tt.unsure {
			t.Errorf("%s: camps %q, frustration %.3f, unsure %q; want %q, %.3f, %q", tt.name, s, got.Frustration(), got.Unsure, tt.want, tt.frustration, tt.unsure)
		}
	}
}

// TestSplitCampsLargeGroup: a group beyond the exact search, two balanced
// camps of 15 joined by counters, is split without a frustrated tie, and
// the same way twice.
func TestSplitCampsLargeGroup(t *testing.T) {
	var ties []counterpoint.Tie
	for i := 1; i < 15; i++ {
		ties = append(ties, tie(fmt.Sprintf("a%02d", i-1), fmt.Sprintf("a%02d", i), 1), tie(fmt.Sprintf("b%02d", i-1), fmt.Sprintf("b%02d", i), 1))
	}
	for i := 0; i < 15; i += 3 {
		ties = append(ties, tie(fmt.Sprintf("a%02d", i), fmt.Sprintf("b%02d", i), -1))
	}
	first := counterpoint.SplitCamps(ties)
	if len(first.Camps) != 2 || first.Frustration() != 0 || !strings.HasPrefix(first.Camps[0].Actors[0], "a") || len(first.Camps[0].Actors) != 15 {
		t.Errorf("30 actors in two balanced camps: %q, frustration %.3f; want the a's and the b's, none frustrated", campsString(first), first.Frustration())
	}
	if again := counterpoint.SplitCamps(ties); campsString(again) != campsString(first) {
		t.Errorf("two runs differ: %q and %q", campsString(first), campsString(again))
	}
}
