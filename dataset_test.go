package counterpoint_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint"
)

func TestDatasetValidate(t *testing.T) {
	ds := counterpoint.Dataset{
		ID:      "d",
		Sources: []counterpoint.Source{{ID: "s", Title: "S", Kind: counterpoint.SourceArticle, Text: "He said “Really?”"}},
		Actors:  []counterpoint.Actor{{ID: "a", Name: "A", Kind: counterpoint.ActorPerson, MemberOf: []string{"g"}}},
		Claims:  []counterpoint.Claim{validClaim(), validClaim()},
		Relations: []counterpoint.Relation{
			{Kind: counterpoint.Rebuts, From: "c", To: "x", Inferred: true, Note: "why"},
			{Kind: counterpoint.Rebuts, From: "c", To: "x", Evidence: []counterpoint.Quote{{Text: "He said", Source: "s", Start: 0, End: 7}}},
		},
	}
	ds.Claims[0].Quotes[0].Start, ds.Claims[0].Quotes[0].End = 9, 16
	want := []string{
		`claims[1].id: duplicate id "c" (first defined at claims[0].id)`,
		`claims[1].quotes[0].id: duplicate id "c.q1" (first defined at claims[0].quotes[0].id)`,
		`actors[0].memberOf[0]: unknown actor "g"`,
		`claims[1].quotes[0]: quote "Really?" is not at [6, 13) in source "s", which holds "d “Real" there; it is at [9, 16)`,
		`relations[0].to: unknown claim "x"`,
		`relations[1].to: unknown claim "x"`,
		`relations[1]: duplicate relation c REBUTS x (first at relations[0])`,
	}
	if got := problemsOf(t, ds.Validate()); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Validate() =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestDatasetValidateNamesEachUnknownReference: every field that refers to
// an actor, a source or a claim names its own place when the id is
// unknown, and a quote with an unknown source is not checked against a
// text.
func TestDatasetValidateNamesEachUnknownReference(t *testing.T) {
	c := validClaim()
	c.About = []string{"a", "nobody"}
	c.Assertions = append(c.Assertions, counterpoint.Assertion{Actor: "ghost", Source: "memo", Attribution: counterpoint.OnRecord, Stance: counterpoint.Endorses})
	c.Quotes = append(c.Quotes, counterpoint.Quote{ID: "c.q2", Text: "said", Kind: counterpoint.Direct, Source: "memo", Document: "page", Start: 3, End: 7})
	ds := counterpoint.Dataset{
		ID:      "d",
		Sources: []counterpoint.Source{{ID: "s", Title: "S", Kind: counterpoint.SourceArticle, Text: "He s “Really?”", Authors: []string{"a", "writer"}, ReportedIn: "paper"}},
		Actors:  []counterpoint.Actor{{ID: "a", Name: "A", Kind: counterpoint.ActorPerson}},
		Claims:  []counterpoint.Claim{c},
		Relations: []counterpoint.Relation{
			{Kind: counterpoint.Rebuts, From: "elsewhere", To: "c", Source: "wire", Inferred: true, Note: "why"},
		},
	}
	want := []string{
		`sources[0].authors[1]: unknown actor "writer"`,
		`sources[0].reportedIn: unknown source "paper"`,
		`claims[0].about[1]: unknown actor "nobody"`,
		`claims[0].assertions[1].actor: unknown actor "ghost"`,
		`claims[0].assertions[1].source: unknown source "memo"`,
		`claims[0].quotes[1].document: unknown source "page"`,
		`claims[0].quotes[1].source: unknown source "memo"`,
		`relations[0].from: unknown claim "elsewhere"`,
		`relations[0].source: unknown source "wire"`,
	}
	if got := problemsOf(t, ds.Validate()); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Validate() =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestDatasetRequires: a relation may end at a claim the dataset does not
// hold only when the file names the datasets it requires; the requires
// list itself is checked, and ExternalRefs lists such relations.
func TestDatasetRequires(t *testing.T) {
	tests := []struct {
		name     string
		requires []string
		to       string
		want     []string
		wantRefs []counterpoint.ExternalRef
	}{
		{"no requires, another dataset's claim", nil, "x", []string{`relations[0].to: unknown claim "x"`}, []counterpoint.ExternalRef{{Field: "relations[0].to", Claim: "x"}}},
		{"requires, another dataset's claim", []string{"other"}, "x", nil, []counterpoint.ExternalRef{{Field: "relations[0].to", Claim: "x"}}},
		{"requires, its own claim", []string{"other"}, "c2", nil, nil},
		{"requires, a bad id", []string{"other"}, "X Y", []string{`relations[0].to: "X Y" is not a claim id`}, []counterpoint.ExternalRef{{Field: "relations[0].to", Claim: "X Y"}}},
		{"requires itself", []string{"d"}, "x", []string{`requires[0]: a dataset does not require itself`}, []counterpoint.ExternalRef{{Field: "relations[0].to", Claim: "x"}}},
		{"requires twice", []string{"other", "other"}, "x", []string{`requires[1]: dataset "other" is required twice`}, []counterpoint.ExternalRef{{Field: "relations[0].to", Claim: "x"}}},
		{"requires a non-slug", []string{"Other One"}, "x", []string{`requires[0]: "Other One" is not a dataset id (a slug)`}, []counterpoint.ExternalRef{{Field: "relations[0].to", Claim: "x"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			second := validClaim()
			second.ID, second.Quotes[0].ID = "c2", "c2.q1"
			ds := counterpoint.Dataset{
				ID: "d", Title: "D", Requires: tt.requires,
				Sources:   []counterpoint.Source{{ID: "s", Title: "S", Kind: counterpoint.SourceArticle, Text: "He said “Really?”"}},
				Actors:    []counterpoint.Actor{{ID: "a", Name: "A", Kind: counterpoint.ActorPerson}},
				Claims:    []counterpoint.Claim{validClaim(), second},
				Relations: []counterpoint.Relation{{Kind: counterpoint.Rebuts, From: "c", To: tt.to, Inferred: true, Note: "why"}},
			}
			ds.Claims[0].Quotes[0].Start, ds.Claims[0].Quotes[0].End = 9, 16
			ds.Claims[1].Quotes[0].Start, ds.Claims[1].Quotes[0].End = 9, 16
			if got := problemsOf(t, ds.Validate()); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("requires %q, relation to %q: Validate() =\n%s\nwant\n%s", tt.requires, tt.to, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if got := ds.ExternalRefs(); !slices.Equal(got, tt.wantRefs) {
				t.Errorf("requires %q, relation to %q: ExternalRefs() = %v, want %v", tt.requires, tt.to, got, tt.wantRefs)
			}
		})
	}
}

// TestRankRelatedDatasets: the most shared first (actors and relations
// either way count alike), then by id; a dataset sharing nothing is left
// out, and the input is not reordered.
func TestRankRelatedDatasets(t *testing.T) {
	in := []counterpoint.RelatedDataset{
		{ID: "b", SharedActors: []string{"x"}},
		{ID: "none"},
		{ID: "c", RelationsTo: 1, RelationsFrom: 1},
		{ID: "a", SharedActors: []string{"y"}},
		{ID: "d", SharedActors: []string{"x", "y"}, RelationsFrom: 1},
	}
	var got []string
	for _, r := range counterpoint.RankRelatedDatasets(in) {
		got = append(got, fmt.Sprintf("%s=%d", r.ID, r.Shared()))
	}
	if want := "d=3 c=2 a=1 b=1"; strings.Join(got, " ") != want {
		t.Errorf("RankRelatedDatasets(%v) = %s, want %s", in, strings.Join(got, " "), want)
	}
	if in[0].ID != "b" || in[1].ID != "none" {
		t.Errorf("RankRelatedDatasets reordered its input: %v", in)
	}
}
