package counterpoint_test

import (
	"errors"
	"testing"

	"github.com/counterpoint-news/counterpoint"
)

// TestRephrasing checks the link a curator makes from a similar claim: the
// curator's reading, with the default note when none is given.
func TestRephrasing(t *testing.T) {
	tests := []struct{ note, want string }{
		{"", counterpoint.RephraseNote},
		{"  ", counterpoint.RephraseNote},
		{"Both say the phones keep evidence from the police.", "Both say the phones keep evidence from the police."},
	}
	for _, tt := range tests {
		r := counterpoint.Rephrasing("b1", "a1", tt.note)
		if r.Kind != counterpoint.Rephrases || r.From != "b1" || r.To != "a1" || !r.Inferred || r.Note != tt.want {
			t.Errorf("Rephrasing(b1, a1, %q) = %+v, want b1 REPHRASES a1, inferred, note %q", tt.note, r, tt.want)
		}
		if err := r.Validate(); err != nil {
			t.Errorf("Rephrasing(b1, a1, %q) does not validate: %v", tt.note, err)
		}
	}
}

// TestValidateClaimRelations checks the relations written with a claim:
// each valid, each from the claim, none twice, problems named relations[i].
func TestValidateClaimRelations(t *testing.T) {
	ok := counterpoint.Rephrasing("b1", "a1", "")
	tests := []struct {
		name  string
		rels  []counterpoint.Relation
		field string // "" when valid
	}{
		{"none", nil, ""},
		{"one restatement", []counterpoint.Relation{ok}, ""},
		{"from another claim", []counterpoint.Relation{counterpoint.Rephrasing("c1", "a1", "")}, "relations[0].from"},
		{"to the claim itself", []counterpoint.Relation{ok, counterpoint.Rephrasing("b1", "b1", "")}, "relations[1].to"},
		{"twice", []counterpoint.Relation{ok, ok}, "relations[1]"},
		{"no evidence nor inference", []counterpoint.Relation{{Kind: counterpoint.Rephrases, From: "b1", To: "a1"}}, "relations[0].evidence"},
	}
	for _, tt := range tests {
		err := counterpoint.ValidateClaimRelations("b1", tt.rels)
		var e *counterpoint.Error
		switch {
		case tt.field == "" && err != nil:
			t.Errorf("%s: ValidateClaimRelations = %v, want nil", tt.name, err)
		case tt.field != "" && (!errors.As(err, &e) || e.Field != tt.field):
			t.Errorf("%s: ValidateClaimRelations = %v, want a problem at %q", tt.name, err, tt.field)
		}
	}
}
