// Package counterpoint holds the domain of the argument graph: actors, the
// claims they assert, the sources that record them, the verbatim quotes that
// evidence each claim, and the closed set of relations between claims.
//
// It imports only the standard library so that the store, the loader and the
// API can all share it without pulling in each other's dependencies.
//
// Each thing a journalist would name has a file holding its type, its
// checks (Validate), its rules and its filters: actor.go, claim.go,
// assertion.go, quote.go (and its anchoring in a corrected text),
// source.go (and its Text: offsets, quotations, paragraphs), relation.go,
// dataset.go (and scopes), counter.go (who countered whom, the ties
// between actors and their camps), timeline.go, change.go (versions and
// the audit trail), suggestion.go (where a suggestion stands with the
// curators). graph.go holds what reads of the graph share (nodes, paths,
// subgraphs, pages), camps.go the structural-balance search, and error.go
// every error code.
package counterpoint

import (
	"regexp"
	"strings"
)

var (
	slugPattern = regexp.MustCompile(`^[a-z0-9]+(?:[-_.][a-z0-9]+)*$`)
	datePattern = regexp.MustCompile(`^[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?$`)
)

// ValidID reports whether id is a stable slug: lower-case letters and digits
// separated by single '-', '_' or '.'.
func ValidID(id string) bool { return len(id) <= 200 && slugPattern.MatchString(id) }

// ValidDate reports whether d is a date as precise as a source allows:
// "2015", "2015-08" or "2015-08-04".
func ValidDate(d string) bool { return datePattern.MatchString(d) }

// The checks every write path runs: the loader on a dataset, the API's
// mutations on one node, and every later importer. Each returns Problems
// whose fields are relative to the value checked; the store adds only the
// checks that need the graph (does a referenced node exist), with the
// messages of UnknownRef and IDTaken, so that the same mistake reads the
// same whichever way it arrives.

// ids records the ids an input defines, to report duplicates with the place
// of their first definition. Ids are unique across every kind of node,
// since the API looks nodes up by id alone.
type ids struct {
	first map[string]string // id -> field of its first definition
	at    string            // the field of the node being checked
}

func newIDs() *ids { return &ids{first: map[string]string{}} }

func (seen *ids) define(ps *Problems, field, id string) {
	if !ValidID(id) {
		*ps = append(*ps, Invalidf(field, "id %q is not a slug (lower-case letters and digits separated by '-', '_' or '.')", id))
		return
	}
	if first, ok := seen.first[id]; ok {
		*ps = append(*ps, Invalidf(field, "duplicate id %q (first defined at %s)", id, first))
		return
	}
	seen.first[id] = joinField(seen.at, field)
}

func checkDate(ps *Problems, field, d string) {
	if d != "" && !ValidDate(d) {
		*ps = append(*ps, Invalidf(field, "date %q is not YYYY, YYYY-MM or YYYY-MM-DD", d))
	}
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }
