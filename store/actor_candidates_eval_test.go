package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/bench/aifcorpus"
	"github.com/counterpoint-news/counterpoint/internal/neo4jtest"
)

// candidateCase is one new speaker's name and the actor it should be
// proposed as ("" when it is someone new and nothing should be proposed).
type candidateCase struct {
	set, name string
	kind      counterpoint.ActorKind
	want      string
}

// candidateCases are the measured set: every variant spelling of the
// generated AIF corpus against its speakers (the corpus's own truth),
// names of the article's people and groups as other reports write them,
// and new people whose names share a first name, a surname or a near
// spelling with someone in the graph, or who are unnamed.
func candidateCases() []candidateCase {
	var cs []candidateCase
	for _, sp := range aifcorpus.Speakers() {
		for _, v := range sp[1:] {
			cs = append(cs, candidateCase{"corpus variants", v, counterpoint.ActorPerson, speakerID(sp[0])})
		}
	}
	for _, c := range []struct{ name, want string }{
		{"James Comey", "james-comey"}, {"Jim Comey", "james-comey"}, {"J. Comey", "james-comey"},
		{"Director Comey", "james-comey"}, {"James B. Comey Jr.", "james-comey"}, {"Comey", "james-comey"},
		{"Robert Litt", "robert-litt"}, {"Bob Litt", "robert-litt"}, {"Robert S. Litt", "robert-litt"},
		{"Sally Yates", "sally-yates"}, {"Sally Q. Yates", "sally-yates"}, {"Deputy Attorney General Yates", "sally-yates"},
	} {
		cs = append(cs, candidateCase{"article's people", c.name, counterpoint.ActorPerson, c.want})
	}
	for _, c := range []struct{ name, want string }{
		{"Federal Bureau of Investigation", "fbi"}, {"the FBI", "fbi"}, {"Washington Post", "washington-post"},
	} {
		cs = append(cs, candidateCase{"article's groups", c.name, counterpoint.ActorOrganization, c.want})
	}
	for _, n := range []string{
		"James Baker", "Robert Mueller", "Sally Field", "Peter Cole", "Dana Price", "Marcus Holt", "Ruth Keller",
		"Owen Richards", "Grace Okoro", "Victor Orban", "Tobias Berg", "Mary Yates", "John Comeau", "Lena Brooks",
	} {
		cs = append(cs, candidateCase{"someone new", n, counterpoint.ActorPerson, ""})
	}
	// Written after the rules were changed for the misses of the sets
	// above (particles, hyphens, a leading "the", a first name one letter
	// off), and not changed for since: the rules' figures on names they
	// were not fitted to.
	for _, c := range []struct{ name, want string }{
		{"H. Cole", speakerID("Harriet Cole")}, {"Ms. Okafor", speakerID("Grace Okafor")}, {"Samir Al Hadi", speakerID("Samir al-Hadi")},
		{"Priya Ramen", speakerID("Priya Raman")}, {"Tobias Lund Jr.", speakerID("Tobias Lund")}, {"Marcus J. Hale", speakerID("Marcus Hale")},
		{"Jonah Pryce", speakerID("Jonah Price")}, {"Rob Litt", "robert-litt"}, {"Jim B. Comey", "james-comey"}, {"Sally Yeats", "sally-yates"},
		{"Dr. Esther Nakamura", speakerID("Esther Nakamura")}, {"Agnes M. Whitlow", speakerID("Agnes Whitlow")},
	} {
		cs = append(cs, candidateCase{"later: known", c.name, counterpoint.ActorPerson, c.want})
	}
	for _, n := range []string{"Harriet Coleman", "Owen Pritchett", "Priya Patel", "James Cameron", "Robert Little", "Victor Hugo",
		"Sam Reid", "Ruth Bader Ginsburg", "Felicity Amadi", "Lena Brandtner"} {
		cs = append(cs, candidateCase{"later: someone new", n, counterpoint.ActorPerson, ""})
	}
	for _, n := range []string{"a senior administration official", "Audience member", "Male Aud 1"} {
		cs = append(cs, candidateCase{"unnamed", n, counterpoint.ActorAnonymous, ""})
	}
	return cs
}

func speakerID(name string) string {
	return "aif-speaker-" + strings.ToLower(strings.NewReplacer(" ", "-", ".", "").Replace(name))
}

// TestActorCandidatesMeasured measures actorCandidates as a curator meets
// it, against Neo4j: the article's actors and the generated corpus's
// speakers in the graph, each case's name asked of the store. It reports,
// by set, how often the right actor is proposed first and at all, and how
// often someone new gets a candidate; it fails below the bars the docs
// state (docs/debates.md): the right actor first for 90% of the names
// that are someone in the graph, and no candidate for 90% of new people
// and for every unnamed one.
func TestActorCandidatesMeasured(t *testing.T) {
	db := neo4jtest.MustOpen(t)
	neo4jtest.MustSeed(t, db)
	ctx := context.Background()
	for _, sp := range append(aifcorpus.Speakers(), []string{aifcorpus.Host}) {
		if err := db.UpsertActor(ctx, counterpoint.Actor{ID: speakerID(sp[0]), Name: sp[0], Kind: counterpoint.ActorPerson}); err != nil {
			t.Fatalf("upsert %s: %v", sp[0], err)
		}
	}
	t.Cleanup(func() { neo4jtest.MustSeed(t, db) })

	type tally struct{ cases, first, any, none int }
	sets := map[string]*tally{}
	var order []string
	for _, c := range candidateCases() {
		got, err := db.ActorCandidates(ctx, counterpoint.ActorQuery{Name: c.name, Kind: c.kind}, nil, 5)
		if err != nil {
			t.Fatalf("actorCandidates(%q): %v", c.name, err)
		}
		s := sets[c.set]
		if s == nil {
			s = &tally{}
			sets[c.set] = s
			order = append(order, c.set)
		}
		s.cases++
		var ids []string
		for _, g := range got {
			ids = append(ids, fmt.Sprintf("%s (%.2f %s)", g.Actor.ID, g.Score, g.Reasons))
		}
		switch {
		case c.want == "" && len(got) == 0:
			s.none++
		case c.want == "":
			t.Logf("%s: %q: want no candidate, got %v", c.set, c.name, ids)
		case len(got) > 0 && got[0].Actor.ID == c.want:
			s.first++
			s.any++
		default:
			for _, g := range got {
				if g.Actor.ID == c.want {
					s.any++
				}
			}
			t.Logf("%s: %q: want %s first, got %v", c.set, c.name, c.want, ids)
		}
	}
	var known, knownFirst, fresh, freshNone int
	for _, name := range order {
		s := sets[name]
		if !strings.HasSuffix(name, "someone new") && name != "unnamed" {
			t.Logf("%-18s %3d names: right actor first %d (%.3f), proposed at all %d (%.3f)", name, s.cases, s.first, float64(s.first)/float64(s.cases), s.any, float64(s.any)/float64(s.cases))
			known, knownFirst = known+s.cases, knownFirst+s.first
			continue
		}
		t.Logf("%-18s %3d names: no candidate %d (%.3f)", name, s.cases, s.none, float64(s.none)/float64(s.cases))
		fresh, freshNone = fresh+s.cases, freshNone+s.none
		if name == "unnamed" && s.none != s.cases {
			t.Errorf("unnamed speakers: %d of %d got a candidate; want none", s.cases-s.none, s.cases)
		}
	}
	t.Logf("in the graph: right actor first %d/%d (%.3f); someone new or unnamed: no candidate %d/%d (%.3f)",
		knownFirst, known, float64(knownFirst)/float64(known), freshNone, fresh, float64(freshNone)/float64(fresh))
	if float64(knownFirst) < 0.9*float64(known) {
		t.Errorf("the right actor first for %d of %d names; want at least 90%%", knownFirst, known)
	}
	if float64(freshNone) < 0.9*float64(fresh) {
		t.Errorf("no candidate for %d of %d new or unnamed speakers; want at least 90%%", freshNone, fresh)
	}
}
