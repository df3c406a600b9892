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
	quotes  []suggest.Quote
	hints   []suggest.CounterHint
	reviews counterpoint.SuggestionReviews
}

// status is where suggestion id, with its parts, stands
// (counterpoint.SuggestionReviews.Status).
func (s *sourceSuggestions) status(id string, parts []suggest.Span) model.SuggestionStatus {
	spans := make([][2]int, len(parts))
	for i, p := range parts {
		spans[i] = [2]int{p.Start, p.End}
	}
	return model.SuggestionStatus(s.reviews.Status(id, spans...))
}

// suggestionsOf returns the suggestions of source id with their status,
// computed once per request however many fields ask (the suggestions and
// the counter hints of a source share one pass).
func (r *Resolver) suggestionsOf(ctx context.Context, id string) (*sourceSuggestions, error) {
	return r.loadersFor(ctx).suggestions.Load(ctx, id)
}

// computeSuggestions runs the suggestions pass over source id's text and
// judges its items by the curators' decisions and the source's quotes
// (counterpoint.SuggestionReviews).
func computeSuggestions(ctx context.Context, l *loaders, st Store, id string) (*sourceSuggestions, error) {
	t, err := l.sourceText.Load(ctx, id)
	if err != nil || t == nil {
		return &sourceSuggestions{}, err
	}
	decisions, err := st.Reviews(ctx, id)
	if err != nil {
		return nil, err
	}
	quotes, err := l.quotesBySource.Load(ctx, id)
	if err != nil {
		return nil, err
	}
	s := &sourceSuggestions{quotes: suggest.Quotes(t.String()), reviews: counterpoint.NewSuggestionReviews(decisions, quotes)}
	s.hints = suggest.CounterHints(t.String(), s.quotes)
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
