package resolvers

import (
	"errors"
	"strings"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/graph/model"
)

// claimOf is a ClaimInput as the domain's claim, for upsertClaim and
// rephraseClaim alike.
func claimOf(input model.ClaimInput) counterpoint.Claim {
	c := counterpoint.Claim{ID: input.ID, Text: input.Text, Date: deref(input.Date), Dataset: deref(input.Dataset), About: input.About,
		DateBound: counterpoint.DateBound(derefEnum(input.DateBound)), DateInferred: input.DateInferred != nil && *input.DateInferred, DateNote: deref(input.DateNote),
		Versioned: counterpoint.Versioned{Base: input.Version}}
	for _, a := range input.Assertions {
		c.Assertions = append(c.Assertions, counterpoint.Assertion{
			Actor: a.Actor, Source: a.Source, Date: deref(a.Date), Attribution: counterpoint.Attribution(a.Attribution),
			Stance: counterpoint.Stance(derefEnum(a.Stance)), Inferred: a.Inferred != nil && *a.Inferred, Note: deref(a.Note),
		})
	}
	for _, q := range input.Quotes {
		c.Quotes = append(c.Quotes, counterpoint.Quote{
			ID: deref(q.ID), Text: q.Text, Kind: counterpoint.QuoteKind(derefEnum(q.Kind)), Source: q.Source,
			Document: deref(q.Document), Start: q.Start, End: q.End,
		})
	}
	return c
}

// rephraseFields names rephraseClaim's problems by its arguments: the
// claim's under input, its one relation's by rephrases (the claim it
// restates) or note, so that the studio puts each by its field.
func rephraseFields(err error) error {
	var ps counterpoint.Problems
	var one *counterpoint.Error
	switch {
	case errors.As(err, &ps):
	case errors.As(err, &one) && (one.Code == counterpoint.EINVALID || one.Field != ""):
		ps = counterpoint.Problems{one}
	default:
		return err
	}
	out := make(counterpoint.Problems, len(ps))
	for i, p := range ps {
		f := p.Field
		switch rel, ok := strings.CutPrefix(f, "relations[0]"); {
		case !ok:
			f = "input." + f
			if p.Field == "" {
				f = "input"
			}
		case strings.HasPrefix(rel, ".note"):
			f = "note"
		default:
			f = "rephrases"
		}
		out[i] = &counterpoint.Error{Code: p.Code, Message: p.Message, Field: f}
	}
	return out
}

// speakerKind is a suggested speaker's actor kind in the schema's enum; nil
// when the speaker is unknown.
func speakerKind(k counterpoint.ActorKind) *model.ActorKind {
	v := model.ActorKind(k)
	if !v.IsValid() {
		return nil
	}
	return &v
}
