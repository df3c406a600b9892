package storetest

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/counterpoint-news/counterpoint"
)

// ClaimSpec is a claim of a test graph: its id, its text, the actor who
// endorses it, and how many quotes it has (at least one).
type ClaimSpec struct {
	ID, Text, Actor string
	Quotes          int
}

// Dataset builds a valid dataset from claims and relations, for tests that
// need a small graph without writing one out: each claim quotes
// "words of <id>" (then "words 2 of <id>", ...) from a source of its own
// ("src-<id>"), each actor id is a
// person named in capitals, and a relation without evidence is inferred,
// with a note.
func Dataset(id string, claims []ClaimSpec, rels ...counterpoint.Relation) *counterpoint.Dataset {
	ds := &counterpoint.Dataset{ID: id, Title: "Test graph " + id}
	actors := map[string]bool{}
	for _, c := range claims {
		src := "src-" + c.ID
		claim := counterpoint.Claim{ID: c.ID, Text: c.Text,
			Assertions: []counterpoint.Assertion{{Actor: c.Actor, Source: src, Attribution: counterpoint.OnRecord}}}
		var text strings.Builder
		for n := 1; n <= max(1, c.Quotes); n++ {
			words := "words of " + c.ID
			if n > 1 {
				words = fmt.Sprintf("words %d of %s", n, c.ID)
			}
			text.WriteString("The ")
			start := utf8.RuneCountInString(text.String())
			text.WriteString(words + ". ")
			claim.Quotes = append(claim.Quotes, counterpoint.Quote{ID: counterpoint.QuoteID(c.ID, n), Text: words, Source: src, Start: start, End: start + utf8.RuneCountInString(words)})
		}
		ds.Sources = append(ds.Sources, counterpoint.Source{ID: src, Title: "Source of " + c.ID, Kind: counterpoint.SourceArticle, Text: strings.TrimSpace(text.String())})
		ds.Claims = append(ds.Claims, claim)
		if !actors[c.Actor] {
			actors[c.Actor] = true
			ds.Actors = append(ds.Actors, counterpoint.Actor{ID: c.Actor, Name: strings.ToUpper(c.Actor), Kind: counterpoint.ActorPerson})
		}
	}
	for _, r := range rels {
		if len(r.Evidence) == 0 {
			r.Inferred = true
			if r.Note == "" {
				r.Note = fmt.Sprintf("%s %s %s", r.From, r.Kind, r.To)
			}
		}
		ds.Relations = append(ds.Relations, r)
	}
	return ds
}

// MustGraph is a store holding Dataset("test", claims, rels...).
func MustGraph(tb testing.TB, claims []ClaimSpec, rels ...counterpoint.Relation) *Store {
	tb.Helper()
	return MustNew(tb, Dataset("test", claims, rels...))
}

// Claim is a ClaimSpec: claim id with text, endorsed by actor, with one
// quote.
func Claim(id, text, actor string) ClaimSpec {
	return ClaimSpec{ID: id, Text: text, Actor: actor, Quotes: 1}
}
