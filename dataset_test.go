package counterpoint_test

import (
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
