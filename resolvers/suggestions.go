package resolvers

import (
	"context"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/graph/model"
	"github.com/counterpoint-news/counterpoint/suggest"
)

// sourceSuggestions runs the suggestions pass over a source's text: the
// pass is deterministic, so the same text always lists the same ids, and
// only the curators' decisions are stored.
type sourceSuggestions struct {
	quotes []suggest.Quote
	hints  []suggest.CounterHint
	status func(id string, parts []suggest.Span) model.SuggestionStatus
}

// suggestionsOf returns the suggestions of source id with their status,
// computed once per request however many fields ask (the suggestions and
// the counter hints of a source share one pass).
func (r *Resolver) suggestionsOf(ctx context.Context, id string) (*sourceSuggestions, error) {
	return r.loadersFor(ctx).suggestions.Load(ctx, id)
}

// computeSuggestions runs the suggestions pass over source id's text and
// gives each item its status: the last decision recorded, else ACCEPTED
// when a quote of the source has exactly a part's words, else OPEN.
func computeSuggestions(ctx context.Context, l *loaders, st Store, id string) (*sourceSuggestions, error) {
	t, err := l.sourceText.Load(ctx, id)
	if err != nil || t == nil {
		return &sourceSuggestions{status: func(string, []suggest.Span) model.SuggestionStatus { return model.SuggestionStatusOpen }}, err
	}
	reviews, err := st.Reviews(ctx, id)
	if err != nil {
		return nil, err
	}
	quotes, err := l.quotesBySource.Load(ctx, id)
	if err != nil {
		return nil, err
	}
	quoted := map[[2]int]bool{}
	for _, q := range quotes {
		quoted[[2]int{q.Start, q.End}] = true
	}
	s := &sourceSuggestions{quotes: suggest.Quotes(t.String())}
	s.hints = suggest.CounterHints(t.String(), s.quotes)
	s.status = func(id string, parts []suggest.Span) model.SuggestionStatus {
		switch reviews[id] {
		case counterpoint.ChangeAccept:
			return model.SuggestionStatusAccepted
		case counterpoint.ChangeDismiss:
			return model.SuggestionStatusDismissed
		case counterpoint.ChangeReopen:
			return model.SuggestionStatusOpen
		}
		for _, p := range parts {
			if quoted[[2]int{p.Start, p.End}] {
				return model.SuggestionStatusAccepted
			}
		}
		return model.SuggestionStatusOpen
	}
	return s, nil
}

// has reports whether id names one of the suggestions or hints.
func (s *sourceSuggestions) has(id string) bool {
	for _, q := range s.quotes {
		if q.ID == id {
			return true
		}
	}
	for _, h := range s.hints {
		if h.ID == id {
			return true
		}
	}
	return false
}

func toSuggestSpan(s suggest.Span) *model.Span {
	return &model.Span{Start: s.Start, End: s.End, Text: s.Text}
}

func toSuggestSpanPtr(s *suggest.Span) *model.Span {
	if s == nil {
		return nil
	}
	return toSuggestSpan(*s)
}

// reviewActions maps a curator's decision to the change it records.
var reviewActions = map[model.SuggestionStatus]counterpoint.ChangeAction{
	model.SuggestionStatusAccepted:  counterpoint.ChangeAccept,
	model.SuggestionStatusDismissed: counterpoint.ChangeDismiss,
	model.SuggestionStatusOpen:      counterpoint.ChangeReopen,
}
