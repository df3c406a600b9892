package resolvers

import (
	"container/list"
	"context"
	"fmt"
	"sync"

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

// The pass cache's bounds: the results of at most passCacheEntries texts
// whose lengths add up to at most passCacheBytes (a text longer than that
// is computed on every read and not kept). The results take a few times
// their text's length, so the cache holds at most some tens of MB.
const (
	passCacheEntries = 128
	passCacheBytes   = 8 << 20
)

// passResult is what the suggestions pass found in one text; it is shared
// between requests and never modified.
type passResult struct {
	quotes []suggest.Quote
	hints  []suggest.CounterHint
}

// passCache runs the suggestions pass once per text version and serves it
// from there: keyed by the text's hash (counterpoint.TextHash), so that an
// edited text is a new key and no entry is ever stale, least recently used
// first out. A read that finds the pass of its text under way waits for it
// (or for its own request's end) instead of running it again.
type passCache struct {
	mu       sync.Mutex
	maxN     int
	maxBytes int
	bytes    int
	order    *list.List // of *passEntry, most recently used first
	byHash   map[string]*list.Element
	flights  map[string]*passFlight
	runs     int // passes run, for tests
}

type passEntry struct {
	hash  string
	bytes int
	res   *passResult
}

// passFlight is a pass under way; done closes when res or err is set.
type passFlight struct {
	done chan struct{}
	res  *passResult
	err  error
}

func newPassCache(entries, bytes int) *passCache {
	return &passCache{maxN: entries, maxBytes: bytes, order: list.New(), byHash: map[string]*list.Element{}, flights: map[string]*passFlight{}}
}

// get returns the pass over t, from the cache or run now within ctx: a
// request that is cut or past its deadline stops it with an error wrapping
// suggest.ErrStopped and ctx.Err(), and nothing is kept.
func (c *passCache) get(ctx context.Context, t *counterpoint.Text) (*passResult, error) {
	hash := t.Hash()
	for {
		c.mu.Lock()
		if e, ok := c.byHash[hash]; ok {
			c.order.MoveToFront(e)
			c.mu.Unlock()
			return e.Value.(*passEntry).res, nil
		}
		if f, ok := c.flights[hash]; ok {
			c.mu.Unlock()
			select {
			case <-f.done:
				if f.err == nil {
					return f.res, nil
				}
				continue // the request running it was cut: run it here
			case <-ctx.Done():
				return nil, fmt.Errorf("%w while waiting for the same text's pass: %w", suggest.ErrStopped, ctx.Err())
			}
		}
		f := &passFlight{done: make(chan struct{}), err: suggest.ErrStopped}
		c.flights[hash] = f
		c.runs++
		c.mu.Unlock()
		c.run(ctx, f, hash, t.String())
		return f.res, f.err
	}
}

// run runs the pass for flight f and publishes it, even if the pass panics.
func (c *passCache) run(ctx context.Context, f *passFlight, hash, text string) {
	defer func() {
		c.mu.Lock()
		delete(c.flights, hash)
		if f.err == nil {
			c.add(hash, len(text), f.res)
		}
		c.mu.Unlock()
		close(f.done)
	}()
	qs, hs, err := suggest.Suggestions(ctx, text)
	if err != nil {
		f.err = err
		return
	}
	f.res, f.err = &passResult{quotes: qs, hints: hs}, nil
}

// add keeps res under hash and drops the least recently used entries past
// the bounds; c.mu is held.
func (c *passCache) add(hash string, bytes int, res *passResult) {
	if bytes > c.maxBytes || c.maxN <= 0 {
		return
	}
	c.byHash[hash] = c.order.PushFront(&passEntry{hash: hash, bytes: bytes, res: res})
	c.bytes += bytes
	for c.order.Len() > c.maxN || c.bytes > c.maxBytes {
		e := c.order.Back()
		old := e.Value.(*passEntry)
		c.order.Remove(e)
		delete(c.byHash, old.hash)
		c.bytes -= old.bytes
	}
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
	pass, err := l.passes.get(ctx, t)
	if err != nil {
		return nil, err
	}
	return &sourceSuggestions{quotes: pass.quotes, hints: pass.hints, reviews: counterpoint.NewSuggestionReviews(decisions, quotes)}, nil
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
