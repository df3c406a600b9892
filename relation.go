package counterpoint

import (
	"slices"
	"strings"
)

// RelationKind names how one claim bears on another; the set is closed and
// its values double as Neo4j relationship types, so they never come from
// user text.
type RelationKind string

// The relation kinds between claims.
const (
	// Rebuts: the claim argues that the target is wrong.
	Rebuts RelationKind = "REBUTS"
	// Supports: the claim is offered as a reason for the target.
	Supports RelationKind = "SUPPORTS"
	// Qualifies: the claim corrects the target's scope or strength without
	// denying it (Litt's "not provide ANY relief, ever" against the paper's
	// "not provide any relief in the near term").
	Qualifies RelationKind = "QUALIFIES"
	// Rephrases: the claim restates the target in other words (AIF's MA
	// node); it neither argues for nor against it, so it counters no one.
	Rephrases RelationKind = "REPHRASES"
)

// RelationKinds lists every relation kind.
var RelationKinds = []RelationKind{Rebuts, Supports, Qualifies, Rephrases}

// Valid reports whether k belongs to the closed set.
func (k RelationKind) Valid() bool { return slices.Contains(RelationKinds, k) }

// Relation is a directed, typed link between two claims. A relation is a
// claim about the source too: Evidence holds the source's words that make
// the link, or Inferred says that the link is the curator's reading, with
// Note saying why.
type Relation struct {
	Kind     RelationKind
	From     string
	To       string
	Source   string
	Note     string
	Evidence []Quote
	Inferred bool
}

// Key identifies a relation within a graph: one relation per kind per
// ordered pair of claims.
func (r Relation) Key() string { return r.From + "|" + string(r.Kind) + "|" + r.To }

// ParseRelationKey is the inverse of Key: the kind and ends of a relation.
func ParseRelationKey(key string) (Relation, bool) {
	parts := strings.Split(key, "|")
	if len(parts) != 3 || !RelationKind(parts[1]).Valid() {
		return Relation{}, false
	}
	return Relation{From: parts[0], Kind: RelationKind(parts[1]), To: parts[2]}, true
}

// Validate checks a relation on its own: a kind of the closed set and two
// different claims.
func (r *Relation) Validate() error { return r.validate().Err() }

func (r *Relation) validate() Problems {
	var ps Problems
	if !r.Kind.Valid() {
		ps = append(ps, Invalidf("kind", "unknown relation kind %q (want one of %v)", r.Kind, RelationKinds))
	}
	if r.From == r.To {
		ps = append(ps, Invalidf("to", "claim %q cannot be related to itself (%s)", r.From, r.Kind))
	}
	if r.Inferred && blank(r.Note) {
		ps = append(ps, Invalidf("note", "relation %s %s %s is inferred: its note must say why", r.From, r.Kind, r.To))
	}
	if !r.Inferred && len(r.Evidence) == 0 {
		ps = append(ps, Invalidf("evidence", "relation %s %s %s has no evidence: give the source's words that make the link, or mark it inferred with a note saying why", r.From, r.Kind, r.To))
	}
	return ps
}

// ValidateEvidence checks a relation's evidence against the texts of its
// sources, like any quote; source returns a source's text (nil when it has
// none) and whether the source exists.
func (r *Relation) ValidateEvidence(source func(id string) (*Text, bool)) error {
	return r.validateEvidence(source).Err()
}

func (r *Relation) validateEvidence(source func(id string) (*Text, bool)) Problems {
	var ps Problems
	for j := range r.Evidence {
		q := &r.Evidence[j]
		f := indexField("evidence", j)
		text, ok := source(q.Source)
		if !ok {
			ps = append(ps, UnknownRef(joinField(f, "source"), NodeSource, q.Source))
			continue
		}
		if err := Within(f, q.Validate(text)); err != nil {
			ps = append(ps, err.(*Error))
		}
	}
	return ps
}
