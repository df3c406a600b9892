package resolvers

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/graph/model"
)

// Conversions from the domain to gqlgen's models. Relational fields are
// left empty: their resolvers fill them through the loaders.

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func toActor(a *counterpoint.Actor) *model.Actor {
	if a == nil {
		return nil
	}
	return &model.Actor{
		ID: a.ID, Name: a.Name, Kind: model.ActorKind(a.Kind), Role: optional(a.Role),
		Description: optional(a.Description), Anonymous: a.Kind == counterpoint.ActorAnonymous, Version: a.Version,
	}
}

func toClaim(c *counterpoint.Claim) *model.Claim {
	if c == nil {
		return nil
	}
	return &model.Claim{ID: c.ID, Text: c.Text, Date: optional(c.Date), Dataset: optional(c.Dataset), Version: c.Version}
}

func toSource(s *counterpoint.Source) *model.Source {
	if s == nil {
		return nil
	}
	return &model.Source{
		ID: s.ID, Title: s.Title, Kind: model.SourceKind(s.Kind), Date: optional(s.Date),
		Publisher: optional(s.Publisher), ReportedInID: s.ReportedIn, URL: optional(s.URL), TextHash: optional(s.TextHash),
		Version: s.Version,
	}
}

func toQuote(q *counterpoint.Quote) *model.Quote {
	if q == nil {
		return nil
	}
	return &model.Quote{
		ID: q.ID, Text: q.Text, Kind: toQuoteKind(q.Kind), Start: q.Start, End: q.End,
		SourceID: q.Source, DocumentID: q.Document, ClaimID: q.Claim,
		Prefix: optional(q.Prefix), Suffix: optional(q.Suffix), SourceHash: optional(q.SourceHash), Anchor: toAnchor(q.Anchor),
	}
}

func toQuotes(qs []counterpoint.Quote) []*model.Quote {
	out := make([]*model.Quote, len(qs))
	for i := range qs {
		out[i] = toQuote(&qs[i])
	}
	return out
}

// toAnchor reads a quote without an anchor (written before quotes kept
// one) as anchored: its offsets were checked against the text it has.
func toAnchor(a counterpoint.Anchor) model.Anchor {
	if a == "" {
		return model.AnchorAnchored
	}
	return model.Anchor(a)
}

// toSpans gives code-point ranges of t with their words.
func toSpans(t *counterpoint.Text, ranges [][2]int) []*model.Span {
	out := make([]*model.Span, 0, len(ranges))
	for _, r := range ranges {
		words, _ := t.Slice(r[0], r[1])
		out = append(out, &model.Span{Start: r[0], End: r[1], Text: words})
	}
	return out
}

func toChange(c counterpoint.Change) *model.Change {
	out := &model.Change{Entity: c.Entity, Action: model.ChangeAction(c.Action), By: c.By, At: c.At.UTC().Format(time.RFC3339Nano),
		Before: optional(c.Before), After: optional(c.After), Note: optional(c.Note)}
	if c.Version > 0 {
		out.Version = &c.Version
	}
	return out
}

// toQuoteKind reads a quote without a kind (written before kinds existed)
// as a paraphrase: nothing is shown as someone's words unless it is known
// to be.
func toQuoteKind(k counterpoint.QuoteKind) model.QuoteKind { return model.QuoteKind(k.OrDefault()) }

// toStance reads an assertion without a stance (written before stances
// existed) as an endorsement, which it was taken to be.
func toStance(s counterpoint.Stance) model.Stance { return model.Stance(s.OrDefault()) }

func toEvidence(qs []counterpoint.Quote) []*model.Evidence {
	out := make([]*model.Evidence, len(qs))
	for i, q := range qs {
		out[i] = &model.Evidence{Text: q.Text, Start: q.Start, End: q.End, SourceID: q.Source, Anchor: toAnchor(q.Anchor)}
	}
	return out
}

// evidenceOf turns evidence input into quotes the domain checks.
func evidenceOf(in []*model.EvidenceInput) []counterpoint.Quote {
	var out []counterpoint.Quote
	for _, e := range in {
		out = append(out, counterpoint.Quote{Text: e.Text, Source: e.Source, Start: e.Start, End: e.End})
	}
	return out
}

// toRelation converts a relation with the claims at its two ends, which
// are struct fields of the model, not resolvers.
func toRelation(r counterpoint.Relation, from, to *model.Claim) *model.Relation {
	return &model.Relation{
		Kind: model.RelationKind(r.Kind), Note: optional(r.Note), From: from, To: to, SourceID: r.Source,
		Evidence: toEvidence(r.Evidence), Inferred: r.Inferred,
	}
}

func toAssertion(a counterpoint.Assertion) *model.Assertion {
	return &model.Assertion{
		Date: optional(a.Date), Attribution: model.Attribution(a.Attribution), Stance: toStance(a.Stance),
		ActorID: a.Actor, ClaimID: a.Claim, SourceID: a.Source,
	}
}

func toAssertions(as []counterpoint.Assertion) []*model.Assertion {
	out := make([]*model.Assertion, len(as))
	for i, a := range as {
		out[i] = toAssertion(a)
	}
	return out
}

// toCounter converts a counter with its two claims, which are struct
// fields of the model, not resolvers.
func toCounter(c counterpoint.Counter, counter, target *model.Claim) *model.Counter {
	return &model.Counter{
		Note: optional(c.Note), Counter: counter, Target: target,
		Evidence: toEvidence(c.Evidence), Inferred: c.Inferred,
	}
}

// toNode converts any domain node to its GraphQL type.
func toNode(n counterpoint.Node) model.Node {
	switch v := n.(type) {
	case *counterpoint.Actor:
		return toActor(v)
	case *counterpoint.Claim:
		return toClaim(v)
	case *counterpoint.Quote:
		return toQuote(v)
	case *counterpoint.Source:
		return toSource(v)
	}
	return nil
}

func relationKinds(kinds []model.RelationKind) []counterpoint.RelationKind {
	out := make([]counterpoint.RelationKind, len(kinds))
	for i, k := range kinds {
		out[i] = counterpoint.RelationKind(k)
	}
	return out
}

var nodeTypes = map[model.NodeType]counterpoint.NodeType{
	model.NodeTypeActor:  counterpoint.NodeActor,
	model.NodeTypeClaim:  counterpoint.NodeClaim,
	model.NodeTypeQuote:  counterpoint.NodeQuote,
	model.NodeTypeSource: counterpoint.NodeSource,
}

// paragraph returns the paragraphs of text (counterpoint.Text.Paragraphs)
// that hold the code points [start, end), "" when they are outside it.
func paragraph(t *counterpoint.Text, start, end int) string {
	words, _ := paragraphAt(t, start, end)
	return words
}

// paragraphSpan is paragraph with its code-point offsets, nil when the
// words are outside the text.
func paragraphSpan(t *counterpoint.Text, start, end int) *model.Span {
	words, at := paragraphAt(t, start, end)
	if words == "" {
		return nil
	}
	return &model.Span{Start: at, End: at + utf8.RuneCountInString(words), Text: words}
}

// paragraphAt is paragraph with the code point it starts at.
func paragraphAt(t *counterpoint.Text, start, end int) (string, int) {
	if _, ok := t.Slice(start, end); !ok || start == end {
		return "", 0
	}
	from, to := -1, -1
	for _, p := range t.Paragraphs() {
		if p[1] > start && p[0] < end {
			if from < 0 {
				from = p[0]
			}
			to = p[1]
		}
	}
	if from < 0 {
		return "", 0
	}
	words, _ := t.Slice(min(from, start), max(to, end))
	trimmed := strings.TrimLeftFunc(words, unicode.IsSpace)
	at := min(from, start) + utf8.RuneCountInString(words[:len(words)-len(trimmed)])
	return strings.TrimRightFunc(trimmed, unicode.IsSpace), at
}

// toTie translates one of the camps' ties. The domain's Tie says what makes
// it in Why ("counters: c1 rebuts c2", "supports: c1 supports c2",
// "both endorse c1", "a is a member of g"); its kind and claims are read
// from there, here only, until the domain's Tie carries them as fields. A
// Why of no known form is a counter or an agreement by its sign, with no
// claims (TestWeighedTiesOfTheArticle fails on it).
func toTie(t counterpoint.Tie) *model.Tie {
	out := &model.Tie{FromID: t.A, ToID: t.B, Sign: t.Sign, Why: t.Why, Claims: []string{}}
	pair := func(rest, verb string) {
		rest, _ = strings.CutSuffix(rest, " (inferred)")
		if from, to, ok := strings.Cut(rest, " "+verb+" "); ok {
			out.Claims = []string{from, to}
		}
	}
	if rest, ok := strings.CutPrefix(t.Why, "counters: "); ok {
		out.Kind = model.TieKindCounter
		pair(rest, "rebuts")
	} else if rest, ok := strings.CutPrefix(t.Why, "supports: "); ok {
		out.Kind = model.TieKindSupport
		pair(rest, "supports")
	} else if rest, ok := strings.CutPrefix(t.Why, "both endorse "); ok {
		out.Kind = model.TieKindSharedEndorsement
		out.Claims = []string{rest}
	} else if t.Sign > 0 && t.Why == t.A+" is a member of "+t.B {
		out.Kind = model.TieKindMembership
	} else if t.Sign < 0 {
		out.Kind = model.TieKindCounter
	} else {
		out.Kind = model.TieKindSharedEndorsement
	}
	return out
}
