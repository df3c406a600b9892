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

// TestDateSpanAndRange: each precision covers its days; a range holds a
// month-precision item that overlaps it, even from mid-month.
func TestDateSpanAndRange(t *testing.T) {
	spans := []struct{ date, p, first, last string }{
		{"2015", "YEAR", "2015-01-01", "2015-12-31"},
		{"2016-02", "MONTH", "2016-02-01", "2016-02-29"},
		{"2015-07-08", "DAY", "2015-07-08", "2015-07-08"},
		{"2015-02-30", "", "", ""},
		{"", "", "", ""},
	}
	for _, s := range spans {
		p, first, last, _ := counterpoint.DateSpan(s.date)
		if string(p) != s.p || first != s.first || last != s.last {
			t.Errorf("DateSpan(%q) = %s %s %s, want %s %s %s", s.date, p, first, last, s.p, s.first, s.last)
		}
	}
	r := counterpoint.TimeRange{From: "2015-07-15", To: "2015-08"}
	for date, want := range map[string]bool{"2015-07": true, "2015": true, "2015-07-14": false, "2015-08-31": true, "2015-09": false, "": false} {
		if got := r.Contains(date); got != want {
			t.Errorf("%v.Contains(%q) = %v, want %v", r, date, got, want)
		}
	}
	if err := (counterpoint.TimeRange{From: "2016", To: "2015-12"}).Validate(); err == nil {
		t.Errorf("a range that ends before it starts is accepted")
	}
}

// TestTies: a rebuttal ties the endorsers of its two claims negatively and
// a support positively, by the counter rule (an actor that only presents a
// claim, or endorses both, is on neither side); co-endorsers and members
// are tied positively.
func TestTies(t *testing.T) {
	endorse := func(actor string) counterpoint.Assertion { return counterpoint.Assertion{Actor: actor} }
	present := func(actor string) counterpoint.Assertion {
		return counterpoint.Assertion{Actor: actor, Stance: counterpoint.Presents}
	}
	g := counterpoint.TieGraph{
		Scoped: []string{"c1", "c2", "c3"},
		Asserted: map[string][]counterpoint.Assertion{
			"c1": {endorse("ana"), endorse("bo")},
			"c2": {endorse("cy"), present("paper")},
			"c3": {endorse("ana"), endorse("cy")},
		},
		Relations: []counterpoint.Relation{
			{Kind: counterpoint.Rebuts, From: "c1", To: "c2"},
			{Kind: counterpoint.Supports, From: "c3", To: "c1", Inferred: true},
			{Kind: counterpoint.Qualifies, From: "c2", To: "c1"},
		},
		Memberships: []counterpoint.Link{{From: "bo", To: "team"}},
	}
	var got []string
	for _, tie := range counterpoint.Ties(g) {
		got = append(got, fmt.Sprintf("%s %s %+d %s", tie.A, tie.B, tie.Sign, tie.Why))
	}
	want := []string{
		"ana bo +1 both endorse c1",
		"ana cy +1 both endorse c3",
		"ana cy -1 counters: c1 rebuts c2",
		"bo cy -1 counters: c1 rebuts c2",
		"cy bo +1 supports: c3 supports c1 (inferred)",
		"bo team +1 bo is a member of team",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Ties =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
