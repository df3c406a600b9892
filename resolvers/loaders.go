package resolvers

import (
	"context"
	"sync"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/internal/readahead"
)

// defaultBatchWait is how long a loader collects keys before it queries.
// gqlgen resolves the fields of list items concurrently, so every item's key
// arrives within microseconds; each level of nesting pays the wait once.
// Measured at 10k elements: 0.5 ms keeps the round trips of 2 ms and cuts
// p50 by a quarter to a third; 0.1 ms splits batches.
const defaultBatchWait = 500 * time.Microsecond

// loaders batch and cache the reads of one request: however many items a
// response holds, each loader makes one store call per level of nesting.
type loaders struct {
	actor             *dataloadgen.Loader[string, *counterpoint.Actor]
	claim             *dataloadgen.Loader[string, *counterpoint.Claim]
	source            *dataloadgen.Loader[string, *counterpoint.Source]
	sourceText        *dataloadgen.Loader[string, *counterpoint.Text] // nil: no text
	node              *dataloadgen.Loader[string, counterpoint.Node]
	quotesByClaim     *dataloadgen.Loader[string, []counterpoint.Quote]
	quotesBySource    *dataloadgen.Loader[string, []counterpoint.Quote]
	assertionsByClaim *dataloadgen.Loader[string, []counterpoint.Assertion]
	assertionsByActor *dataloadgen.Loader[string, []counterpoint.Assertion]
	relationsByClaim  *dataloadgen.Loader[string, []counterpoint.Relation]
	sided             sidedCache   // what a read-ahead read of one kind and direction
	plans             siblingPlans // what the claims under each selection load ahead
	aboutByClaim      *dataloadgen.Loader[string, []string]
	memberships       *dataloadgen.Loader[string, []counterpoint.Link]
	authorsBySource   *dataloadgen.Loader[string, []string]
	countersBy        *dataloadgen.Loader[string, []counterpoint.Counter]
	countersAgainst   *dataloadgen.Loader[string, []counterpoint.Counter]
	suggestions       *dataloadgen.Loader[string, *sourceSuggestions]
	passes            *passCache // shared by every request: one suggestions pass per text
}

type loadersKey struct{}

func withLoaders(ctx context.Context, s Store, wait time.Duration, passes *passCache) context.Context {
	l := newLoaders(s, wait)
	l.passes = passes
	return context.WithValue(ctx, loadersKey{}, l)
}

// errNoLoaders is the panic of a request served without API.Middleware:
// fresh loaders per field would answer, one query per item, and hide it.
const errNoLoaders = "resolvers: the request has no loaders; serve API.Schema behind API.Middleware"

// loadersFor returns the request's loaders. It panics (which the server
// turns into INTERNAL_SERVER_ERROR and logs) when the request did not pass
// through the API's middleware, as gqlgen's dataloader examples do.
func (r *Resolver) loadersFor(ctx context.Context) *loaders {
	l, ok := ctx.Value(loadersKey{}).(*loaders)
	if !ok {
		panic(errNoLoaders)
	}
	return l
}

// byID builds a loader of single items keyed by id; missing ids load nil.
func byID[T any](opt dataloadgen.Option, fetch func(context.Context, []string) ([]T, error), id func(*T) string) *dataloadgen.Loader[string, *T] {
	return dataloadgen.NewLoader(func(ctx context.Context, keys []string) ([]*T, []error) {
		items, err := fetch(ctx, keys)
		if err != nil {
			return failed[*T](len(keys), err)
		}
		found := make(map[string]*T, len(items))
		for i := range items {
			found[id(&items[i])] = &items[i]
		}
		out := make([]*T, len(keys))
		for i, k := range keys {
			out[i] = found[k]
		}
		return out, nil
	}, opt)
}

// grouped builds a loader of lists keyed by id, from a fetch whose rows
// each name the key they belong to.
func grouped[T any](opt dataloadgen.Option, fetch func(context.Context, []string) ([]T, error), key func(*T) string) *dataloadgen.Loader[string, []T] {
	return dataloadgen.NewLoader(func(ctx context.Context, keys []string) ([][]T, []error) {
		items, err := fetch(ctx, keys)
		if err != nil {
			return failed[[]T](len(keys), err)
		}
		groups := make(map[string][]T, len(keys))
		for _, it := range items {
			k := key(&it)
			groups[k] = append(groups[k], it)
		}
		out := make([][]T, len(keys))
		for i, k := range keys {
			out[i] = groups[k]
		}
		return out, nil
	}, opt)
}

// failed is a batch's answer when its store call failed: every key gets
// the store's error. It returns n zero values beside the n errors because
// dataloadgen checks the number of values before it looks at the errors:
// nil values with per-key errors read as "bug in fetch function: 0 values
// returned for n keys", an internal error that hides the store's
// (STORE_UNAVAILABLE while Neo4j is down, say).
func failed[V any](n int, err error) ([]V, []error) {
	errs := make([]error, n)
	for i := range errs {
		errs[i] = err
	}
	return make([]V, n), errs
}

func newLoaders(s Store, wait time.Duration) *loaders {
	l := &loaders{}
	opt := dataloadgen.WithWait(wait)
	l.actor = byID(opt, s.ActorsByID, func(a *counterpoint.Actor) string { return a.ID })
	l.claim = byID(opt, s.ClaimsByID, func(c *counterpoint.Claim) string { return c.ID })
	l.source = byID(opt, s.SourcesByID, func(s *counterpoint.Source) string { return s.ID })
	// Texts are indexed once per request, not once per quote that asks
	// for its paragraph or its direct words.
	l.sourceText = dataloadgen.NewLoader(func(ctx context.Context, keys []string) ([]*counterpoint.Text, []error) {
		texts, err := s.SourceTexts(ctx, keys)
		if err != nil {
			return failed[*counterpoint.Text](len(keys), err)
		}
		out := make([]*counterpoint.Text, len(keys))
		for i, k := range keys {
			if t, ok := texts[k]; ok && t != "" {
				out[i] = counterpoint.NewText(t)
			}
		}
		return out, nil
	}, opt)
	l.node = dataloadgen.NewLoader(func(ctx context.Context, keys []string) ([]counterpoint.Node, []error) {
		nodes, err := s.NodesByID(ctx, keys)
		if err != nil {
			return failed[counterpoint.Node](len(keys), err)
		}
		found := make(map[string]counterpoint.Node, len(nodes))
		for _, n := range nodes {
			found[n.NodeID()] = n
		}
		out := make([]counterpoint.Node, len(keys))
		for i, k := range keys {
			out[i] = found[k]
		}
		return out, nil
	}, opt)
	l.quotesByClaim = grouped(opt, s.QuotesByClaim, func(q *counterpoint.Quote) string { return q.Claim })
	l.quotesBySource = grouped(opt, s.QuotesBySource, func(q *counterpoint.Quote) string { return q.Source })

	// The loaders below read a relationship and the node at its other end
	// in one query, and prime the node loaders with those nodes, so that
	// resolving the other end costs no further round trip.
	l.assertionsByClaim = grouped(opt, func(ctx context.Context, ids []string) ([]counterpoint.Assertion, error) {
		as, actors, err := s.AssertionsByClaim(ctx, ids)
		l.primeActors(actors)
		return as, err
	}, func(a *counterpoint.Assertion) string { return a.Claim })
	l.assertionsByActor = grouped(opt, func(ctx context.Context, ids []string) ([]counterpoint.Assertion, error) {
		as, claims, err := s.AssertionsByActor(ctx, ids)
		l.primeClaims(claims)
		return as, err
	}, func(a *counterpoint.Assertion) string { return a.Actor })
	l.relationsByClaim = dataloadgen.NewLoader(func(ctx context.Context, keys []string) ([][]counterpoint.Relation, []error) {
		rels, others, err := s.RelationsOf(ctx, keys)
		if err != nil {
			return failed[[]counterpoint.Relation](len(keys), err)
		}
		l.primeClaims(others)
		groups := map[string][]counterpoint.Relation{}
		for _, r := range rels {
			groups[r.From] = append(groups[r.From], r)
			groups[r.To] = append(groups[r.To], r)
		}
		out := make([][]counterpoint.Relation, len(keys))
		for i, k := range keys {
			out[i] = dedupe(groups[k])
		}
		return out, nil
	}, opt)
	l.aboutByClaim = linkLoader(l, opt, s.AboutByClaim)
	l.authorsBySource = linkLoader(l, opt, s.AuthorsOf)
	l.memberships = dataloadgen.NewLoader(func(ctx context.Context, keys []string) ([][]counterpoint.Link, []error) {
		links, actors, err := s.MembershipsOf(ctx, keys)
		if err != nil {
			return failed[[]counterpoint.Link](len(keys), err)
		}
		l.primeActors(actors)
		// A link between two actors of the batch is read from both ends:
		// each is kept once.
		groups := map[string][]counterpoint.Link{}
		seen := map[counterpoint.Link]bool{}
		for _, lk := range links {
			if seen[lk] {
				continue
			}
			seen[lk] = true
			groups[lk.From] = append(groups[lk.From], lk)
			groups[lk.To] = append(groups[lk.To], lk)
		}
		out := make([][]counterpoint.Link, len(keys))
		for i, k := range keys {
			out[i] = groups[k]
		}
		return out, nil
	}, opt)
	l.countersBy = counterLoader(opt, s.CountersBy)
	l.countersAgainst = counterLoader(opt, s.CountersAgainst)
	l.suggestions = dataloadgen.NewLoader(func(ctx context.Context, keys []string) ([]*sourceSuggestions, []error) {
		out, errs := make([]*sourceSuggestions, len(keys)), make([]error, len(keys))
		for i, k := range keys {
			out[i], errs[i] = computeSuggestions(ctx, l, s, k)
		}
		return out, errs
	}, opt)
	return l
}

// linkLoader loads the ids at the To end of links keyed by their From end,
// priming the actor loader with the actors read alongside.
func linkLoader(l *loaders, opt dataloadgen.Option, fetch func(context.Context, []string) ([]counterpoint.Link, []counterpoint.Actor, error)) *dataloadgen.Loader[string, []string] {
	return dataloadgen.NewLoader(func(ctx context.Context, keys []string) ([][]string, []error) {
		links, actors, err := fetch(ctx, keys)
		if err != nil {
			return failed[[]string](len(keys), err)
		}
		l.primeActors(actors)
		groups := map[string][]string{}
		for _, lk := range links {
			groups[lk.From] = append(groups[lk.From], lk.To)
		}
		out := make([][]string, len(keys))
		for i, k := range keys {
			out[i] = groups[k]
		}
		return out, nil
	}, opt)
}

func counterLoader(opt dataloadgen.Option, fetch func(context.Context, []string) ([]counterpoint.ActorCounter, error)) *dataloadgen.Loader[string, []counterpoint.Counter] {
	return dataloadgen.NewLoader(func(ctx context.Context, keys []string) ([][]counterpoint.Counter, []error) {
		rows, err := fetch(ctx, keys)
		if err != nil {
			return failed[[]counterpoint.Counter](len(keys), err)
		}
		groups := map[string][]counterpoint.Counter{}
		for _, r := range rows {
			groups[r.Actor] = append(groups[r.Actor], r.Counter)
		}
		out := make([][]counterpoint.Counter, len(keys))
		for i, k := range keys {
			out[i] = groups[k]
		}
		return out, nil
	}, opt)
}

func (l *loaders) primeActors(actors []counterpoint.Actor) {
	for i := range actors {
		l.actor.Prime(actors[i].ID, &actors[i])
	}
}

func (l *loaders) primeClaims(claims []counterpoint.Claim) {
	for i := range claims {
		l.claim.Prime(claims[i].ID, &claims[i])
	}
}

// prime caches what a read-ahead found. Its lists are complete for their
// keys, so the loaders can answer from them as from their own queries.
func (l *loaders) prime(b readahead.Bundle) {
	l.primeActors(b.Actors)
	l.primeClaims(b.Claims)
	for id, qs := range b.Quotes {
		l.quotesByClaim.Prime(id, qs)
	}
	for id, as := range b.Assertions {
		l.assertionsByClaim.Prime(id, as)
	}
	for id, rels := range b.Relations {
		l.relationsByClaim.Prime(id, dedupe(rels))
	}
	l.sided.prime(b.Sided)
	for id, cs := range b.CountersBy {
		l.countersBy.Prime(id, cs)
	}
	for id, cs := range b.CountersAgainst {
		l.countersAgainst.Prime(id, cs)
	}
}

func dedupe(rels []counterpoint.Relation) []counterpoint.Relation {
	seen := make(map[string]bool, len(rels))
	out := rels[:0:0]
	for _, r := range rels {
		if !seen[r.Key()] {
			seen[r.Key()] = true
			out = append(out, r)
		}
	}
	return out
}

// clearAll empties every cache of the request, so that what a mutation
// returns, and anything read after it, is read after the write.
func (l *loaders) clearAll() {
	l.actor.ClearAll()
	l.claim.ClearAll()
	l.source.ClearAll()
	l.sourceText.ClearAll()
	l.node.ClearAll()
	l.quotesByClaim.ClearAll()
	l.quotesBySource.ClearAll()
	l.suggestions.ClearAll()
	l.assertionsByClaim.ClearAll()
	l.assertionsByActor.ClearAll()
	l.relationsByClaim.ClearAll()
	l.sided.clear()
	l.aboutByClaim.ClearAll()
	l.memberships.ClearAll()
	l.authorsBySource.ClearAll()
	l.countersBy.ClearAll()
	l.countersAgainst.ClearAll()
}

// sidedCache holds the relations of one kind and direction of a claim that
// a read-ahead read (rebuttedBy's, say) instead of all of them: a field of
// that side answers from it, any other reads relationsByClaim. It is safe
// for the concurrent resolvers of one request.
type sidedCache struct {
	mu   sync.Mutex
	rels map[readahead.Sided][]counterpoint.Relation
}

func (c *sidedCache) prime(sided map[readahead.Sided][]counterpoint.Relation) {
	if len(sided) == 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.rels == nil {
		c.rels = make(map[readahead.Sided][]counterpoint.Relation, len(sided))
	}
	for k, rels := range sided {
		c.rels[k] = rels
	}
}

// get returns the relations of one side of a claim and whether a
// read-ahead read them.
func (c *sidedCache) get(k readahead.Sided) ([]counterpoint.Relation, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	rels, ok := c.rels[k]
	return rels, ok
}

func (c *sidedCache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.rels = nil
}
