package counterpoint_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint"
)

func TestCounterSides(t *testing.T) {
	a := func(actor string, s counterpoint.Stance) counterpoint.Assertion {
		return counterpoint.Assertion{Actor: actor, Stance: s}
	}
	tests := []struct {
		name              string
		counter, target   []counterpoint.Assertion
		wantBy, wantAgain string
	}{
		{"one against another", []counterpoint.Assertion{a("litt", counterpoint.Endorses)}, []counterpoint.Assertion{a("trade", counterpoint.Endorses)}, "litt", "trade"},
		{"an unset stance endorses", []counterpoint.Assertion{a("litt", "")}, []counterpoint.Assertion{a("trade", "")}, "litt", "trade"},
		{"a paper's own caveat about the option it presents", []counterpoint.Assertion{a("nsc", counterpoint.Presents)},
			[]counterpoint.Assertion{a("nsc", counterpoint.Presents), a("trade", counterpoint.Endorses)}, "", "trade"},
		{"a rebuttal of a presented claim", []counterpoint.Assertion{a("litt", counterpoint.Endorses)}, []counterpoint.Assertion{a("nsc", counterpoint.Presents)}, "litt", ""},
		{"no actor counters itself", []counterpoint.Assertion{a("x", counterpoint.Endorses), a("y", counterpoint.Endorses)},
			[]counterpoint.Assertion{a("x", counterpoint.Endorses), a("z", counterpoint.Endorses)}, "y", "z"},
	}
	for _, tt := range tests {
		by, against := counterpoint.CounterSides(tt.counter, tt.target)
		if strings.Join(by, ",") != tt.wantBy || strings.Join(against, ",") != tt.wantAgain {
			t.Errorf("%s: CounterSides = %v, %v; want [%s], [%s]", tt.name, by, against, tt.wantBy, tt.wantAgain)
		}
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

// TestTiesMembershipsInScope: in a scope, a membership ties its actors
// only when the member or the group asserts one of the scope's claims; in
// the whole graph every membership does. Camps splits by those ties.
func TestTiesMembershipsInScope(t *testing.T) {
	base := counterpoint.TieGraph{
		Scoped: []string{"c1", "c2"},
		Asserted: map[string][]counterpoint.Assertion{
			"c1": {{Actor: "comey"}},
			"c2": {{Actor: "litt"}},
		},
		Relations:   []counterpoint.Relation{{Kind: counterpoint.Rebuts, From: "c2", To: "c1"}},
		Memberships: []counterpoint.Link{{From: "comey", To: "fbi"}, {From: "aide", To: "nsc"}, {From: "nsc", To: "litt"}},
	}
	tests := []struct {
		scope     counterpoint.Scope
		wantTies  []string
		wantCamps string
	}{
		{nil, []string{"litt comey -1", "comey fbi +1", "aide nsc +1", "nsc litt +1"}, "aide litt nsc | comey fbi"},
		{counterpoint.Scope{"article"}, []string{"litt comey -1", "comey fbi +1", "nsc litt +1"}, "comey fbi | litt nsc"},
	}
	for _, tt := range tests {
		g := base
		g.Scope = tt.scope
		var got []string
		for _, tie := range counterpoint.Ties(g) {
			got = append(got, fmt.Sprintf("%s %s %+d", tie.A, tie.B, tie.Sign))
		}
		if strings.Join(got, "; ") != strings.Join(tt.wantTies, "; ") {
			t.Errorf("scope %v: Ties = %q, want %q", tt.scope, got, tt.wantTies)
		}
		if camps := campsString(g.Camps()); camps != tt.wantCamps {
			t.Errorf("scope %v: Camps = %q, want %q", tt.scope, camps, tt.wantCamps)
		}
	}
}
