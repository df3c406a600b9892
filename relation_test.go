package counterpoint_test

import (
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint"
)

func TestRelationGrounds(t *testing.T) {
	tests := []struct {
		name string
		rel  counterpoint.Relation
		want []string
	}{
		{"evidence", counterpoint.Relation{Kind: counterpoint.Rebuts, From: "a", To: "b", Evidence: []counterpoint.Quote{{Text: "x", Source: "s", Start: 0, End: 1}}}, nil},
		{"inferred with a reason", counterpoint.Relation{Kind: counterpoint.Rebuts, From: "a", To: "b", Inferred: true, Note: "the curator's reading"}, nil},
		{"neither", counterpoint.Relation{Kind: counterpoint.Rebuts, From: "a", To: "b"},
			[]string{"evidence: relation a REBUTS b has no evidence: give the source's words that make the link, or mark it inferred with a note saying why"}},
		{"inferred without a reason", counterpoint.Relation{Kind: counterpoint.Supports, From: "a", To: "b", Inferred: true},
			[]string{"note: relation a SUPPORTS b is inferred: its note must say why"}},
	}
	for _, tt := range tests {
		if got := problemsOf(t, tt.rel.Validate()); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s: Validate() = %q, want %q", tt.name, got, tt.want)
		}
	}
}
