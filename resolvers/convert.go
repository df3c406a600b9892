package resolvers

import (
	"time"
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

// optionalAt is optional for a string field of a domain value the model
// may share: it points at the field itself instead of a copy, so a page of
// claims and quotes makes no allocation per optional field. The domain
// values the converters read are not changed after they are read (the
// loaders' results, the store's answers).
func optionalAt(s *string) *string {
	if *s == "" {
		return nil
	}
	return s
}

func toActor(a *counterpoint.Actor) *model.Actor {
	if a == nil {
		return nil
	}
	return &model.Actor{
		ID: a.ID, Name: a.Name, Kind: model.ActorKind(a.Kind), Role: optionalAt(&a.Role),
		Description: optionalAt(&a.Description), Anonymous: a.Kind == counterpoint.ActorAnonymous, Version: a.Version,
	}
}

func toClaim(c *counterpoint.Claim) *model.Claim {
	if c == nil {
		return nil
	}
	return &model.Claim{ID: c.ID, Text: c.Text, Date: optionalAt(&c.Date), Dataset: optionalAt(&c.Dataset), Version: c.Version,
		DateBound: model.DateBound(c.DateBound.OrDefault()), DateInferred: c.DateInferred, DateNote: optionalAt(&c.DateNote)}
}

func toSource(s *counterpoint.Source) *model.Source {
	if s == nil {
		return nil
	}
	return &model.Source{
		ID: s.ID, Title: s.Title, Kind: model.SourceKind(s.Kind), Date: optionalAt(&s.Date),
		Publisher: optionalAt(&s.Publisher), ReportedInID: s.ReportedIn, URL: optionalAt(&s.URL), TextHash: optionalAt(&s.TextHash),
		TitleIsDescription: s.TitleIsDescription, Version: s.Version,
	}
}

func toQuote(q *counterpoint.Quote) *model.Quote {
	if q == nil {
		return nil
	}
	return &model.Quote{
		ID: q.ID, Text: q.Text, Kind: toQuoteKind(q.Kind), Start: q.Start, End: q.End,
		SourceID: q.Source, DocumentID: q.Document, ClaimID: q.Claim,
		Prefix: optionalAt(&q.Prefix), Suffix: optionalAt(&q.Suffix), SourceHash: optionalAt(&q.SourceHash), Anchor: toAnchor(q.Anchor),
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
		Inferred: a.Inferred, Note: optional(a.Note), ActorID: a.Actor, ClaimID: a.Claim, SourceID: a.Source,
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
		Evidence: toEvidence(c.Evidence), Inferred: c.Inferred, RelationInferred: c.RelationInferred, Notes: nonNilStrings(c.Notes),
	}
}

// toCounterSummary converts who countered whom, with its exchanges.
func toCounterSummary(s counterpoint.CounterSummary) *model.CounterSummary {
	out := &model.CounterSummary{Count: s.Count, Pairs: s.Pairs, Inferred: s.Inferred, ByID: s.By, AgainstID: s.Against,
		Exchanges: make([]*model.Exchange, len(s.Exchanges))}
	for i, e := range s.Exchanges {
		out.Exchanges[i] = &model.Exchange{TargetID: e.Target, CounterIDs: e.Counters, Inferred: e.Inferred}
	}
	return out
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
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

// paragraphSpan is the paragraph that holds [start, end) with its
// code-point offsets (counterpoint.Text.ParagraphAt), nil when the words
// are outside the text.
func paragraphSpan(t *counterpoint.Text, start, end int) *model.Span {
	words, at := t.ParagraphAt(start, end)
	if words == "" {
		return nil
	}
	return &model.Span{Start: at, End: at + utf8.RuneCountInString(words), Text: words}
}

// toTie translates one of the camps' ties.
func toTie(t counterpoint.Tie) *model.Tie {
	out := &model.Tie{FromID: t.A, ToID: t.B, Sign: t.Sign, Why: t.Why, Kind: model.TieKind(t.Kind), Claims: t.Claims, Inferred: t.Inferred}
	if out.Claims == nil {
		out.Claims = []string{}
	}
	return out
}
