package counterpoint

import (
	"fmt"
	"strings"
)

// RephraseNote is the note of a restatement a curator links without writing
// one: the link is the curator's reading, and the model wants it said.
const RephraseNote = "The curator's reading: it restates the other claim in other words (found among the similar claims)."

// Rephrasing is the relation that says claim from restates claim to, as the
// curator's reading (no words of a source make the link), so that linking a
// similar claim as a restatement needs no more than the two ids.
func Rephrasing(from, to, note string) Relation {
	if strings.TrimSpace(note) == "" {
		note = RephraseNote
	}
	return Relation{Kind: Rephrases, From: from, To: to, Inferred: true, Note: note}
}

// ValidateClaimRelations checks the relations written with claim id in one
// write (a claim and its REPHRASES link): each on its own, each from the
// claim, none twice; a problem names relations[i].
func ValidateClaimRelations(id string, rels []Relation) error {
	var ps Problems
	seen := map[string]bool{}
	for i, r := range rels {
		f := fmt.Sprintf("relations[%d]", i)
		if r.From != id {
			ps = append(ps, Invalidf(f+".from", "a relation written with claim %q must start at it, not at %q", id, r.From))
		}
		if seen[r.Key()] {
			ps = append(ps, Invalidf(f, "relation %s %s %s is given twice", r.From, r.Kind, r.To))
		}
		seen[r.Key()] = true
		if own := r.validate(); len(own) > 0 {
			ps = append(ps, own.under(f)...)
		}
	}
	return ps.Err()
}
