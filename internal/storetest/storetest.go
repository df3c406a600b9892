// Package storetest is the one in-memory double of the graph store, for
// the unit tests that need a store but not Neo4j (the resolvers', the
// server's; the loader's through loader.Writer). It meets every store
// contract the code declares where it uses one (resolvers.Store,
// loader.Writer, server.Exporter) with
// the same domain types and rules as the real store, on a graph held in
// maps: a dataset loaded into it reads back as it would from Neo4j, within
// what a unit test asks (no full-text ranking, no query plans). A test can
// also make any method fail, and read which methods were called with what.
//
// Integration tests use the real store (internal/neo4jtest); this double
// is for tests of the code around it.
package storetest

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/internal/readahead"
)

// Store is an in-memory graph store. The zero value is not ready: use New.
// It is safe for concurrent use, as the per-request loaders need.
type Store struct {
	mu    sync.Mutex
	fail  map[string]error // by method; "" for every method
	calls []Call

	actors    map[string]counterpoint.Actor
	sources   map[string]counterpoint.Source
	claims    map[string]counterpoint.Claim // with their assertions, quotes and about
	relations map[string]counterpoint.Relation
	datasets  map[string]counterpoint.Dataset // title and description of the datasets loaded
	changes   map[string][]counterpoint.Change
	reviews   map[string]map[string]counterpoint.ChangeAction
	merges    map[string]merged // the last merge of each actor merged away (debates.go)
	clock     time.Time

	// Indexes built on the first read after a write (see changed).
	byClaim  map[string][]counterpoint.Relation // relations touching each claim, in key order
	claimIDs []string                           // every claim id, sorted
}

// changed drops the indexes; every write calls it.
func (s *Store) changed() { s.byClaim, s.claimIDs = nil, nil }

// Call is one call a test made of the store: the method's name and its
// arguments after the context.
type Call struct {
	Method string
	Args   []any
}

// New returns an empty store.
func New() *Store {
	return &Store{
		fail:      map[string]error{},
		actors:    map[string]counterpoint.Actor{},
		sources:   map[string]counterpoint.Source{},
		claims:    map[string]counterpoint.Claim{},
		relations: map[string]counterpoint.Relation{},
		datasets:  map[string]counterpoint.Dataset{},
		changes:   map[string][]counterpoint.Change{},
		reviews:   map[string]map[string]counterpoint.ChangeAction{},
		clock:     time.Date(2015, 10, 1, 12, 0, 0, 0, time.UTC),
	}
}

// MustNew returns a store holding the datasets, written as a load writes
// them, failing tb when one does not load.
func MustNew(tb testing.TB, datasets ...*counterpoint.Dataset) *Store {
	tb.Helper()
	s := New()
	for _, ds := range datasets {
		if _, err := s.WriteDataset(context.Background(), ds, nil); err != nil {
			tb.Fatalf("storetest: load dataset %q: %v", ds.ID, err)
		}
	}
	s.ResetCalls()
	return s
}

// Fail makes the named methods (every method when none is named) return
// err from now on; a nil err makes them succeed again.
func (s *Store) Fail(err error, methods ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(methods) == 0 {
		methods = []string{""}
	}
	for _, m := range methods {
		if err == nil {
			delete(s.fail, m)
		} else {
			s.fail[m] = err
		}
	}
}

// Calls returns the calls made so far of the named methods (of every
// method when none is named), in order.
func (s *Store) Calls(methods ...string) []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Call
	for _, c := range s.calls {
		if len(methods) == 0 || slices.Contains(methods, c.Method) {
			out = append(out, c)
		}
	}
	return out
}

// ResetCalls forgets the calls made so far.
func (s *Store) ResetCalls() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls = nil
}

// enter records a call and returns the error the test set for it. The
// caller holds s.mu.
func (s *Store) enter(method string, args ...any) error {
	s.calls = append(s.calls, Call{Method: method, Args: args})
	if err, ok := s.fail[method]; ok {
		return err
	}
	return s.fail[""]
}

// Unavailable is the error the real store gives while Neo4j is down, for
// Fail.
var Unavailable = counterpoint.Errorf(counterpoint.EUNAVAILABLE, "the graph store is unavailable or too slow; try again")

func notFound(what, id string) error {
	return counterpoint.Errorf(counterpoint.ENOTFOUND, "no %s has id %q", what, id)
}

// --- reads of nodes by id

// bare is a claim as the real store reads one: without the lists that
// have reads of their own.
func bare(c counterpoint.Claim) counterpoint.Claim {
	c.Assertions, c.Quotes, c.About = nil, nil, nil
	return c
}

func (s *Store) claimsByID(ids []string) []counterpoint.Claim {
	var out []counterpoint.Claim
	for _, id := range ids {
		if c, ok := s.claims[id]; ok {
			out = append(out, bare(c))
		}
	}
	return out
}

func (s *Store) actorsByID(ids []string) []counterpoint.Actor {
	var out []counterpoint.Actor
	seen := map[string]bool{}
	for _, id := range ids {
		if a, ok := s.actors[id]; ok && !seen[id] {
			seen[id] = true
			out = append(out, a)
		}
	}
	return out
}

// quote finds a quote by id.
func (s *Store) quote(id string) (counterpoint.Quote, bool) {
	for _, c := range s.claims {
		for _, q := range c.Quotes {
			if q.ID == id {
				q.Claim = c.ID
				return q, true
			}
		}
	}
	return counterpoint.Quote{}, false
}

// NodesByID reads nodes of any kind by id.
func (s *Store) NodesByID(_ context.Context, ids []string) ([]counterpoint.Node, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("NodesByID", ids); err != nil {
		return nil, err
	}
	var out []counterpoint.Node
	for _, id := range ids {
		if a, ok := s.actors[id]; ok {
			out = append(out, &a)
		} else if c, ok := s.claims[id]; ok {
			c = bare(c)
			out = append(out, &c)
		} else if src, ok := s.sources[id]; ok {
			out = append(out, &src)
		} else if q, ok := s.quote(id); ok {
			out = append(out, &q)
		}
	}
	return out, nil
}

// ActorsByID reads actors by id.
func (s *Store) ActorsByID(_ context.Context, ids []string) ([]counterpoint.Actor, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("ActorsByID", ids); err != nil {
		return nil, err
	}
	return s.actorsByID(ids), nil
}

// ClaimsByID reads claims by id.
func (s *Store) ClaimsByID(_ context.Context, ids []string) ([]counterpoint.Claim, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("ClaimsByID", ids); err != nil {
		return nil, err
	}
	return s.claimsByID(ids), nil
}

// SourcesByID reads sources by id, without their texts.
func (s *Store) SourcesByID(_ context.Context, ids []string) ([]counterpoint.Source, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("SourcesByID", ids); err != nil {
		return nil, err
	}
	var out []counterpoint.Source
	for _, id := range ids {
		if src, ok := s.sources[id]; ok {
			src.Text = ""
			out = append(out, src)
		}
	}
	return out, nil
}

// --- reads of lists by id

func (s *Store) quotesOf(claimID string) []counterpoint.Quote {
	c := s.claims[claimID]
	out := make([]counterpoint.Quote, 0, len(c.Quotes))
	for _, q := range c.Quotes {
		q.Claim = claimID
		out = append(out, q)
	}
	return out
}

// assertionsOf is who asserted a claim, in the real store's order (by
// date, actor and source).
func (s *Store) assertionsOf(claimID string) []counterpoint.Assertion {
	c := s.claims[claimID]
	out := make([]counterpoint.Assertion, 0, len(c.Assertions))
	for _, a := range c.Assertions {
		a.Claim = claimID
		out = append(out, a)
	}
	slices.SortStableFunc(out, func(x, y counterpoint.Assertion) int {
		return cmp.Or(strings.Compare(x.Date, y.Date), strings.Compare(x.Actor, y.Actor), strings.Compare(x.Source, y.Source))
	})
	return out
}

// QuotesByClaim reads the quotes of claims.
func (s *Store) QuotesByClaim(_ context.Context, claimIDs []string) ([]counterpoint.Quote, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("QuotesByClaim", claimIDs); err != nil {
		return nil, err
	}
	var out []counterpoint.Quote
	for _, id := range claimIDs {
		out = append(out, s.quotesOf(id)...)
	}
	return out, nil
}

// QuotesBySource reads the quotes cut from sources.
func (s *Store) QuotesBySource(_ context.Context, sourceIDs []string) ([]counterpoint.Quote, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("QuotesBySource", sourceIDs); err != nil {
		return nil, err
	}
	var out []counterpoint.Quote
	for _, id := range s.sortedClaimIDs() {
		for _, q := range s.quotesOf(id) {
			if slices.Contains(sourceIDs, q.Source) {
				out = append(out, q)
			}
		}
	}
	return out, nil
}

// AssertionsByClaim reads who asserted claims, with the actors.
func (s *Store) AssertionsByClaim(_ context.Context, claimIDs []string) ([]counterpoint.Assertion, []counterpoint.Actor, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("AssertionsByClaim", claimIDs); err != nil {
		return nil, nil, err
	}
	var out []counterpoint.Assertion
	var actors []string
	for _, id := range claimIDs {
		for _, a := range s.assertionsOf(id) {
			out = append(out, a)
			actors = append(actors, a.Actor)
		}
	}
	return out, s.actorsByID(actors), nil
}

// AssertionsByActor reads what actors asserted, with the claims.
func (s *Store) AssertionsByActor(_ context.Context, actorIDs []string) ([]counterpoint.Assertion, []counterpoint.Claim, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("AssertionsByActor", actorIDs); err != nil {
		return nil, nil, err
	}
	var out []counterpoint.Assertion
	var claims []string
	for _, id := range s.sortedClaimIDs() {
		for _, a := range s.assertionsOf(id) {
			if slices.Contains(actorIDs, a.Actor) {
				out = append(out, a)
				claims = append(claims, id)
			}
		}
	}
	return out, s.claimsByID(slices.Compact(claims)), nil
}

// relationsOf is every relation touching a claim, in key order.
func (s *Store) relationsOf(claimID string) []counterpoint.Relation {
	if s.byClaim == nil {
		s.byClaim = map[string][]counterpoint.Relation{}
		for _, k := range slices.Sorted(maps.Keys(s.relations)) {
			r := s.relations[k]
			s.byClaim[r.From] = append(s.byClaim[r.From], r)
			s.byClaim[r.To] = append(s.byClaim[r.To], r)
		}
	}
	return s.byClaim[claimID]
}

// RelationsOf reads every relation to or from claims, with the claims at
// their other ends.
func (s *Store) RelationsOf(_ context.Context, claimIDs []string) ([]counterpoint.Relation, []counterpoint.Claim, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("RelationsOf", claimIDs); err != nil {
		return nil, nil, err
	}
	var out []counterpoint.Relation
	var others []string
	seen := map[string]bool{}
	for _, id := range claimIDs {
		for _, r := range s.relationsOf(id) {
			if seen[r.Key()] {
				continue
			}
			seen[r.Key()] = true
			out = append(out, r)
			others = append(others, r.From, r.To)
		}
	}
	var otherClaims []counterpoint.Claim
	for _, c := range s.claimsByID(uniq(others)) {
		if !slices.Contains(claimIDs, c.ID) {
			otherClaims = append(otherClaims, c)
		}
	}
	return out, otherClaims, nil
}

// AboutByClaim reads the actors claims are about.
func (s *Store) AboutByClaim(_ context.Context, claimIDs []string) ([]counterpoint.Link, []counterpoint.Actor, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("AboutByClaim", claimIDs); err != nil {
		return nil, nil, err
	}
	var links []counterpoint.Link
	var actors []string
	for _, id := range claimIDs {
		for _, a := range s.claims[id].About {
			links = append(links, counterpoint.Link{From: id, To: a})
			actors = append(actors, a)
		}
	}
	return links, s.actorsByID(actors), nil
}

// MembershipsOf reads the memberships of actors either way (member to
// group), with the actors at the other end.
func (s *Store) MembershipsOf(_ context.Context, actorIDs []string) ([]counterpoint.Link, []counterpoint.Actor, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("MembershipsOf", actorIDs); err != nil {
		return nil, nil, err
	}
	var links []counterpoint.Link
	var actors []string
	for _, id := range slices.Sorted(maps.Keys(s.actors)) {
		for _, g := range s.actors[id].MemberOf {
			if slices.Contains(actorIDs, id) || slices.Contains(actorIDs, g) {
				links = append(links, counterpoint.Link{From: id, To: g})
				actors = append(actors, id, g)
			}
		}
	}
	return links, s.actorsByID(actors), nil
}

// AuthorsOf reads the authors of sources (source to actor).
func (s *Store) AuthorsOf(_ context.Context, sourceIDs []string) ([]counterpoint.Link, []counterpoint.Actor, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("AuthorsOf", sourceIDs); err != nil {
		return nil, nil, err
	}
	var links []counterpoint.Link
	var actors []string
	for _, id := range sourceIDs {
		for _, a := range s.sources[id].Authors {
			links = append(links, counterpoint.Link{From: id, To: a})
			actors = append(actors, a)
		}
	}
	return links, s.actorsByID(actors), nil
}

// SourceTexts reads the texts of sources that have one.
func (s *Store) SourceTexts(_ context.Context, sourceIDs []string) (map[string]string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("SourceTexts", sourceIDs); err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, id := range sourceIDs {
		if src, ok := s.sources[id]; ok && src.Text != "" {
			out[id] = src.Text
		}
	}
	return out, nil
}

// --- counters, by the domain's counter rule

// counter is a counter with its sides and the dataset of its countering
// claim.
type counter struct {
	counterpoint.Counter
	by, against []string
	pairs       []counterpoint.CounterPair
	dataset     string
}

// counters is every counter in the graph (a REBUTS whose two sides, by
// counterpoint.CounterSides, are both someone), in the real store's order.
func (s *Store) counters() []counter {
	var out []counter
	for _, k := range slices.Sorted(maps.Keys(s.relations)) {
		r := s.relations[k]
		if r.Kind != counterpoint.Rebuts {
			continue
		}
		from, to := s.assertionsOf(r.From), s.assertionsOf(r.To)
		by, against := counterpoint.CounterSides(from, to)
		if len(by) == 0 || len(against) == 0 {
			continue
		}
		// The pairs as if the rebuttal were stated: whether a pair of actors
		// is held to both claims by the source's words (the store's
		// statedPair); then the rebuttal's own reading.
		pairs := counterpoint.CounterPairsOf(counterpoint.Relation{Kind: r.Kind, From: r.From, To: r.To}, from, to)
		stated := slices.ContainsFunc(pairs, func(p counterpoint.CounterPair) bool { return p.Stated })
		for i := range pairs {
			pairs[i].Stated = pairs[i].Stated && !r.Inferred
		}
		var notes []string
		for _, a := range append(slices.Clone(from), to...) {
			if a.Inferred && (slices.Contains(by, a.Actor) || slices.Contains(against, a.Actor)) && !slices.Contains(notes, a.Note) {
				notes = append(notes, a.Note)
			}
		}
		slices.Sort(notes)
		inferred, notes := counterpoint.CounterReading(r.Inferred, r.Note, stated, notes)
		out = append(out, counter{
			Counter: counterpoint.Counter{Counter: r.From, Target: r.To, Note: r.Note, Evidence: r.Evidence,
				Inferred: inferred, RelationInferred: r.Inferred, Notes: notes},
			by: by, against: against, pairs: pairs, dataset: s.claims[r.From].Dataset,
		})
	}
	return out
}

func (s *Store) actorCounters(actorIDs []string, side func(counter) []string) []counterpoint.ActorCounter {
	var out []counterpoint.ActorCounter
	for _, c := range s.counters() {
		for _, a := range side(c) {
			if slices.Contains(actorIDs, a) {
				out = append(out, counterpoint.ActorCounter{Actor: a, Counter: c.Counter})
			}
		}
	}
	return out
}

// CountersBy reads the counters actors made.
func (s *Store) CountersBy(_ context.Context, actorIDs []string) ([]counterpoint.ActorCounter, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("CountersBy", actorIDs); err != nil {
		return nil, err
	}
	return s.actorCounters(actorIDs, func(c counter) []string { return c.by }), nil
}

// CountersAgainst reads the counters aimed at actors.
func (s *Store) CountersAgainst(_ context.Context, actorIDs []string) ([]counterpoint.ActorCounter, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("CountersAgainst", actorIDs); err != nil {
		return nil, err
	}
	return s.actorCounters(actorIDs, func(c counter) []string { return c.against }), nil
}

// --- read-ahead

// ClaimsWithDetail reads claims with what d asks of them.
func (s *Store) ClaimsWithDetail(_ context.Context, ids []string, d readahead.ClaimDetail) (readahead.Bundle, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("ClaimsWithDetail", ids, d); err != nil {
		return readahead.Bundle{}, err
	}
	return s.claimsWithDetail(ids, d), nil
}

// ClaimsPageWithDetail reads a claims page with what d asks of its
// claims, in one call.
func (s *Store) ClaimsPageWithDetail(_ context.Context, f counterpoint.ClaimFilter, first int, after string, d readahead.ClaimDetail) (counterpoint.Page[counterpoint.Claim], readahead.Bundle, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("ClaimsPageWithDetail", f, first, after, d); err != nil {
		return counterpoint.Page[counterpoint.Claim]{}, readahead.Bundle{}, err
	}
	page, err := s.claimsPage(f, first, after)
	if err != nil {
		return page, readahead.Bundle{}, err
	}
	ids := make([]string, len(page.Items))
	for i, c := range page.Items {
		ids[i] = c.ID
	}
	return page, s.claimsWithDetail(ids, d), nil
}

// claimsWithDetail is ClaimsWithDetail, with s.mu held.
func (s *Store) claimsWithDetail(ids []string, d readahead.ClaimDetail) readahead.Bundle {
	b := readahead.Bundle{Quotes: map[string][]counterpoint.Quote{}, Assertions: map[string][]counterpoint.Assertion{}, Relations: map[string][]counterpoint.Relation{},
		Sided: map[readahead.Sided][]counterpoint.Relation{}}
	claims := slices.Clone(ids)
	var actors []string
	detail := func(id string, quotes, assertions bool) {
		if quotes {
			b.Quotes[id] = s.quotesOf(id)
		}
		if assertions {
			b.Assertions[id] = s.assertionsOf(id)
			for _, a := range b.Assertions[id] {
				actors = append(actors, a.Actor)
			}
		}
	}
	for _, id := range ids {
		if _, ok := s.claims[id]; !ok {
			continue
		}
		detail(id, d.Quotes, d.Assertions)
		if !d.Relations && d.Sides == 0 {
			continue
		}
		rels := s.relationsOf(id)
		if d.Relations {
			b.Relations[id] = rels
		} else {
			// Only the sides asked for, as the store reads them.
			var kept []counterpoint.Relation
			d.Sides.Each(func(kind counterpoint.RelationKind, outgoing bool) {
				var side []counterpoint.Relation
				for _, r := range rels {
					if r.Kind == kind && (outgoing && r.From == id || !outgoing && r.To == id) {
						side = append(side, r)
					}
				}
				b.Sided[readahead.Sided{Claim: id, Kind: kind, Outgoing: outgoing}] = side
				kept = append(kept, side...)
			})
			rels = kept
		}
		for _, r := range rels {
			other := r.From
			if other == id {
				other = r.To
			}
			claims = append(claims, other)
			detail(other, d.RelatedQuotes || d.Quotes && slices.Contains(ids, other), d.RelatedAssertions || d.Assertions && slices.Contains(ids, other))
		}
	}
	b.Claims = s.claimsByID(uniq(claims))
	b.Actors = s.actorsByID(actors)
	return b
}

// ActorsWithDetail reads actors with what d asks of them.
func (s *Store) ActorsWithDetail(_ context.Context, ids []string, d readahead.ActorDetail) (readahead.Bundle, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("ActorsWithDetail", ids, d); err != nil {
		return readahead.Bundle{}, err
	}
	b := readahead.Bundle{Assertions: map[string][]counterpoint.Assertion{}, CountersBy: map[string][]counterpoint.Counter{}, CountersAgainst: map[string][]counterpoint.Counter{}}
	actors := slices.Clone(ids)
	var claims []string
	add := func(into map[string][]counterpoint.Counter, id string, c counter) {
		into[id] = append(into[id], c.Counter)
		claims = append(claims, c.Counter.Counter, c.Target)
		if d.CounterAssertions {
			for _, cid := range []string{c.Counter.Counter, c.Target} {
				b.Assertions[cid] = s.assertionsOf(cid)
				for _, a := range b.Assertions[cid] {
					actors = append(actors, a.Actor)
				}
			}
		}
	}
	for _, id := range ids {
		if _, ok := s.actors[id]; !ok {
			continue
		}
		if d.Countered {
			b.CountersBy[id] = []counterpoint.Counter{}
		}
		if d.CounteredBy {
			b.CountersAgainst[id] = []counterpoint.Counter{}
		}
		for _, c := range s.counters() {
			if d.Countered && slices.Contains(c.by, id) {
				add(b.CountersBy, id, c)
			}
			if d.CounteredBy && slices.Contains(c.against, id) {
				add(b.CountersAgainst, id, c)
			}
		}
	}
	b.Actors = s.actorsByID(actors)
	b.Claims = s.claimsByID(uniq(claims))
	return b, nil
}

// --- top-level questions

// page cuts a list after the cursor: keys are the items' cursors, sorted,
// and get reads the item of a key.
func page[T any](keys []string, first int, after string, get func(string) T) (counterpoint.Page[T], error) {
	p := counterpoint.Page[T]{Total: len(keys)}
	start, _ := slices.BinarySearch(keys, after)
	if after != "" && start < len(keys) && keys[start] == after {
		start++
	}
	for _, k := range keys[start:] {
		if len(p.Items) == first {
			p.HasNext = true
			break
		}
		p.Items = append(p.Items, get(k))
		p.Cursors = append(p.Cursors, k)
	}
	return p, nil
}

// Actors pages through the actors, by id.
func (s *Store) Actors(_ context.Context, f counterpoint.ActorFilter, first int, after string) (counterpoint.Page[counterpoint.Actor], error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("Actors", f, first, after); err != nil {
		return counterpoint.Page[counterpoint.Actor]{}, err
	}
	var ids []string
	for _, id := range slices.Sorted(maps.Keys(s.actors)) {
		if f.Kind == "" || s.actors[id].Kind == f.Kind {
			ids = append(ids, id)
		}
	}
	return page(ids, first, after, func(id string) counterpoint.Actor { return s.actors[id] })
}

func inScope(scope counterpoint.Scope, dataset string) bool {
	return len(scope) == 0 || slices.Contains(scope, dataset)
}

// Claims pages through the claims that pass the filter, by id.
func (s *Store) Claims(_ context.Context, f counterpoint.ClaimFilter, first int, after string) (counterpoint.Page[counterpoint.Claim], error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("Claims", f, first, after); err != nil {
		return counterpoint.Page[counterpoint.Claim]{}, err
	}
	return s.claimsPage(f, first, after)
}

// claimsPage is Claims, with s.mu held.
func (s *Store) claimsPage(f counterpoint.ClaimFilter, first int, after string) (counterpoint.Page[counterpoint.Claim], error) {
	// As the real store, in date order (then id): the cursor is the
	// claim's date, a space and its id.
	byKey := map[string]string{}
	var keys []string
	for _, id := range s.sortedClaimIDs() {
		c := s.claims[id]
		ok := inScope(f.Datasets, c.Dataset) && (f.Dataset == "" || c.Dataset == f.Dataset) &&
			(f.DateFrom == "" || c.Date >= f.DateFrom) && (f.DateTo == "" || c.Date != "" && (c.Date <= f.DateTo || strings.HasPrefix(c.Date, f.DateTo)))
		if ok && f.AssertedBy != "" {
			ok = slices.ContainsFunc(c.Assertions, func(a counterpoint.Assertion) bool { return a.Actor == f.AssertedBy })
		}
		if ok && f.Source != "" {
			ok = slices.ContainsFunc(c.Assertions, func(a counterpoint.Assertion) bool { return a.Source == f.Source }) ||
				slices.ContainsFunc(c.Quotes, func(q counterpoint.Quote) bool { return q.Source == f.Source })
		}
		if ok {
			key := c.Date + " " + id
			byKey[key] = id
			keys = append(keys, key)
		}
	}
	slices.Sort(keys)
	return page(keys, first, after, func(key string) counterpoint.Claim { return bare(s.claims[byKey[key]]) })
}

// Sources lists the sources, by id, without their texts.
func (s *Store) Sources(_ context.Context) ([]counterpoint.Source, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("Sources"); err != nil {
		return nil, err
	}
	var out []counterpoint.Source
	for _, id := range slices.Sorted(maps.Keys(s.sources)) {
		src := s.sources[id]
		src.Text = ""
		out = append(out, src)
	}
	return out, nil
}

// DatasetSummaries says what each dataset holds: those loaded, and those
// that only writes through the API made ("curated").
func (s *Store) DatasetSummaries(_ context.Context) ([]counterpoint.DatasetSummary, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("DatasetSummaries"); err != nil {
		return nil, err
	}
	byID := map[string]*counterpoint.DatasetSummary{}
	get := func(id string) *counterpoint.DatasetSummary {
		if byID[id] == nil {
			ds := s.datasets[id]
			title := ds.Title
			if title == "" {
				title = id
			}
			byID[id] = &counterpoint.DatasetSummary{ID: id, Title: title, Description: ds.Description}
		}
		return byID[id]
	}
	for id := range s.datasets {
		get(id)
	}
	for _, c := range s.claims {
		sum := get(c.Dataset)
		sum.Claims++
		sum.Quotes += len(c.Quotes)
	}
	for _, id := range slices.Sorted(maps.Keys(byID)) {
		sum := byID[id]
		sum.Sources = s.datasetSources(counterpoint.Scope{id})
		actors := map[string]bool{}
		for _, c := range s.claims {
			if c.Dataset != id {
				continue
			}
			for _, a := range c.Assertions {
				actors[a.Actor] = true
			}
			for _, a := range c.About {
				actors[a] = true
			}
		}
		sum.Actors = len(actors)
		for _, r := range s.relations {
			if s.claims[r.From].Dataset == id {
				sum.Relations++
			}
		}
	}
	var out []counterpoint.DatasetSummary
	for _, id := range slices.Sorted(maps.Keys(byID)) {
		out = append(out, *byID[id])
	}
	return out, nil
}

// datasetSources is the sources the scope's claims quote or are asserted
// in, by id.
func (s *Store) datasetSources(scope counterpoint.Scope) []string {
	var ids []string
	for _, c := range s.claims {
		if !inScope(scope, c.Dataset) {
			continue
		}
		for _, q := range c.Quotes {
			ids = append(ids, q.Source)
		}
		for _, a := range c.Assertions {
			ids = append(ids, a.Source)
		}
	}
	return uniq(ids)
}

// DatasetSources lists the sources of the scope's claims.
func (s *Store) DatasetSources(_ context.Context, scope counterpoint.Scope) ([]string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("DatasetSources", scope); err != nil {
		return nil, err
	}
	return s.datasetSources(scope), nil
}

// TieGraph reads what the camps of scope are drawn from: the scope's
// claims with their asserters, their rebuttals and supports, and every
// membership (counterpoint.TieGraph applies the rules).
func (s *Store) TieGraph(_ context.Context, scope counterpoint.Scope) (counterpoint.TieGraph, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("TieGraph", scope); err != nil {
		return counterpoint.TieGraph{}, err
	}
	g := counterpoint.TieGraph{Scope: scope, Asserted: map[string][]counterpoint.Assertion{}}
	for _, id := range s.sortedClaimIDs() {
		if !inScope(scope, s.claims[id].Dataset) {
			continue
		}
		g.Scoped = append(g.Scoped, id)
		g.Asserted[id] = s.assertionsOf(id)
		for _, r := range s.relationsOf(id) {
			if r.From == id && (r.Kind == counterpoint.Rebuts || r.Kind == counterpoint.Supports) {
				g.Relations = append(g.Relations, r)
				g.Asserted[r.To] = s.assertionsOf(r.To)
			}
		}
	}
	for _, id := range slices.Sorted(maps.Keys(s.actors)) {
		for _, group := range s.actors[id].MemberOf {
			g.Memberships = append(g.Memberships, counterpoint.Link{From: id, To: group})
		}
	}
	return g, nil
}

// Search finds claims, quotes, actors and sources whose words hold the
// text (case-insensitive); every hit scores 1.
func (s *Store) Search(_ context.Context, text string, first int, scope counterpoint.Scope) ([]counterpoint.SearchHit, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("Search", text, first, scope); err != nil {
		return nil, err
	}
	want := strings.ToLower(strings.TrimSpace(text))
	var out []counterpoint.SearchHit
	hit := func(n counterpoint.Node, words ...string) {
		for _, w := range words {
			if want != "" && strings.Contains(strings.ToLower(w), want) && len(out) < first {
				out = append(out, counterpoint.SearchHit{Score: 1, Node: n})
				return
			}
		}
	}
	for _, id := range s.sortedClaimIDs() {
		c := s.claims[id]
		if !inScope(scope, c.Dataset) {
			continue
		}
		b := bare(c)
		hit(&b, c.Text)
		for _, q := range s.quotesOf(id) {
			hit(&q, q.Text)
		}
	}
	for _, id := range slices.Sorted(maps.Keys(s.actors)) {
		a := s.actors[id]
		hit(&a, a.Name, a.Role, a.Description)
	}
	for _, id := range slices.Sorted(maps.Keys(s.sources)) {
		src := s.sources[id]
		src.Text = ""
		hit(&src, src.Title)
	}
	return out, nil
}

// Counters lists the counters that pass the filter.
func (s *Store) Counters(_ context.Context, f counterpoint.CounterFilter) ([]counterpoint.Counter, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("Counters", f); err != nil {
		return nil, err
	}
	for _, id := range []string{f.By, f.Against} {
		if _, ok := s.actors[id]; id != "" && !ok {
			return nil, notFound("actor", id)
		}
	}
	who := func(id string) []string {
		out := []string{id}
		if f.IncludeMembers {
			for _, m := range slices.Sorted(maps.Keys(s.actors)) {
				if slices.Contains(s.actors[m].MemberOf, id) {
					out = append(out, m)
				}
			}
		}
		return out
	}
	var out []counterpoint.Counter
	for _, c := range s.counters() {
		if !inScope(f.Datasets, c.dataset) {
			continue
		}
		if f.By != "" && !slices.ContainsFunc(who(f.By), func(a string) bool { return slices.Contains(c.by, a) }) {
			continue
		}
		if f.Against != "" && !slices.ContainsFunc(who(f.Against), func(a string) bool { return slices.Contains(c.against, a) }) {
			continue
		}
		if f.StatedOnly && c.Inferred {
			continue
		}
		if f.First > 0 && len(out) == f.First {
			break
		}
		out = append(out, c.Counter)
	}
	return out, nil
}

// CounterSummary counts the counters between each pair of actors, in
// exchanges, most first (counterpoint.SummarizeCounters).
func (s *Store) CounterSummary(_ context.Context, scope counterpoint.Scope, statedOnly bool) ([]counterpoint.CounterSummary, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("CounterSummary", scope, statedOnly); err != nil {
		return nil, err
	}
	var pairs []counterpoint.CounterPair
	for _, c := range s.counters() {
		if inScope(scope, c.dataset) {
			pairs = append(pairs, c.pairs...)
		}
	}
	return counterpoint.SummarizeCounters(pairs, statedOnly), nil
}

// Thread reads the claims within depth relation steps of a claim, either
// way, and the relations among them.
func (s *Store) Thread(_ context.Context, id string, depth int, kinds []counterpoint.RelationKind, scope counterpoint.Scope) (counterpoint.Thread, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("Thread", id, depth, kinds, scope); err != nil {
		return counterpoint.Thread{}, err
	}
	th := counterpoint.Thread{Root: id}
	if _, ok := s.claims[id]; !ok {
		return th, notFound("claim", id)
	}
	ok := func(r counterpoint.Relation) bool {
		return (len(kinds) == 0 || slices.Contains(kinds, r.Kind)) &&
			inScope(scope, s.claims[r.From].Dataset) && inScope(scope, s.claims[r.To].Dataset)
	}
	seen := map[string]bool{id: true}
	frontier, order := []string{id}, []string{id}
	for range depth {
		var next []string
		for _, c := range frontier {
			for _, r := range s.relationsOf(c) {
				if !ok(r) {
					continue
				}
				for _, o := range []string{r.From, r.To} {
					if !seen[o] {
						seen[o] = true
						next, order = append(next, o), append(order, o)
					}
				}
			}
		}
		frontier = next
	}
	slices.Sort(order[1:]) // the root, then by id, as the real store
	th.Claims = s.claimsByID(order)
	for _, k := range slices.Sorted(maps.Keys(s.relations)) {
		if r := s.relations[k]; ok(r) && seen[r.From] && seen[r.To] {
			th.Relations = append(th.Relations, r)
		}
	}
	return th, nil
}

// endorsedBy is the claims an actor endorses, by id.
func (s *Store) endorsedBy(actor string, scope counterpoint.Scope) []string {
	var out []string
	for _, id := range s.sortedClaimIDs() {
		if !inScope(scope, s.claims[id].Dataset) {
			continue
		}
		if slices.ContainsFunc(s.claims[id].Assertions, func(a counterpoint.Assertion) bool {
			return a.Actor == actor && a.Stance.OrDefault() == counterpoint.Endorses
		}) {
			out = append(out, id)
		}
	}
	return out
}

// Chains finds the shortest chains of relations from a claim the first
// actor endorses to one the second endorses (at most q.First, shortest
// first).
func (s *Store) Chains(_ context.Context, q counterpoint.ChainQuery) ([]counterpoint.Chain, []counterpoint.Claim, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("Chains", q); err != nil {
		return nil, nil, err
	}
	for _, id := range []string{q.From, q.To} {
		if _, ok := s.actors[id]; !ok {
			return nil, nil, notFound("actor", id)
		}
	}
	ends := s.endorsedBy(q.To, q.Datasets)
	var chains []counterpoint.Chain
	var walk func(path []string, rels []counterpoint.Relation)
	walk = func(path []string, rels []counterpoint.Relation) {
		last := path[len(path)-1]
		if len(rels) > 0 && slices.Contains(ends, last) {
			chains = append(chains, counterpoint.Chain{Claims: slices.Clone(path), Relations: slices.Clone(rels)})
		}
		if len(rels) == q.MaxHops {
			return
		}
		for _, r := range s.relationsOf(last) {
			if len(q.Kinds) > 0 && !slices.Contains(q.Kinds, r.Kind) {
				continue
			}
			next := r.To
			if r.To == last {
				if q.Directed {
					continue
				}
				next = r.From
			}
			if slices.Contains(path, next) || !inScope(q.Datasets, s.claims[next].Dataset) {
				continue
			}
			walk(append(path, next), append(rels, r))
		}
	}
	for _, start := range s.endorsedBy(q.From, q.Datasets) {
		walk([]string{start}, nil)
	}
	sort.SliceStable(chains, func(i, j int) bool { return len(chains[i].Relations) < len(chains[j].Relations) })
	if q.First > 0 && len(chains) > q.First {
		chains = chains[:q.First]
	}
	var ids []string
	for _, c := range chains {
		ids = append(ids, c.Claims...)
	}
	return chains, s.claimsByID(uniq(ids)), nil
}

// Subgraph reads the nodes within q.Hops relationships of q.IDs (every
// node when none is given), of q.Types, at most q.Limit, with the
// relationships among them.
func (s *Store) Subgraph(_ context.Context, q counterpoint.SubgraphQuery) (counterpoint.Subgraph, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("Subgraph", q); err != nil {
		return counterpoint.Subgraph{}, err
	}
	edges := s.edges(q.Datasets)
	nodes := map[string]counterpoint.Node{}
	s.eachNode(q.Datasets, func(n counterpoint.Node, t counterpoint.NodeType) {
		if len(q.Types) == 0 || slices.Contains(q.Types, t) {
			nodes[n.NodeID()] = n
		}
	})
	picked := map[string]bool{}
	var order []string
	pick := func(id string) {
		if _, ok := nodes[id]; ok && !picked[id] {
			picked[id] = true
			order = append(order, id)
		}
	}
	if len(q.IDs) == 0 {
		for _, id := range slices.Sorted(maps.Keys(nodes)) {
			pick(id)
		}
	} else {
		for _, id := range q.IDs {
			pick(id)
		}
		frontier := slices.Clone(order)
		for range q.Hops {
			var next []string
			for _, e := range edges {
				for _, pair := range [][2]string{{e.From, e.To}, {e.To, e.From}} {
					if slices.Contains(frontier, pair[0]) && !picked[pair[1]] {
						if _, ok := nodes[pair[1]]; ok {
							pick(pair[1])
							next = append(next, pair[1])
						}
					}
				}
			}
			frontier = next
		}
	}
	var g counterpoint.Subgraph
	if q.Limit > 0 && len(order) > q.Limit {
		order, g.Truncated = order[:q.Limit], true
	}
	in := map[string]bool{}
	for _, id := range order {
		in[id] = true
		g.Nodes = append(g.Nodes, nodes[id])
	}
	for _, e := range edges {
		if in[e.From] && in[e.To] {
			g.Edges = append(g.Edges, e)
		}
	}
	return g, nil
}

// eachNode calls f with every node in scope (claims and quotes of the
// scope's datasets, every actor and source).
func (s *Store) eachNode(scope counterpoint.Scope, f func(counterpoint.Node, counterpoint.NodeType)) {
	for _, id := range slices.Sorted(maps.Keys(s.actors)) {
		a := s.actors[id]
		f(&a, counterpoint.NodeActor)
	}
	for _, id := range slices.Sorted(maps.Keys(s.sources)) {
		src := s.sources[id]
		src.Text = ""
		f(&src, counterpoint.NodeSource)
	}
	for _, id := range s.sortedClaimIDs() {
		if !inScope(scope, s.claims[id].Dataset) {
			continue
		}
		c := bare(s.claims[id])
		f(&c, counterpoint.NodeClaim)
		for _, q := range s.quotesOf(id) {
			f(&q, counterpoint.NodeQuote)
		}
	}
}

// edges is every relationship in scope, named as in Neo4j.
func (s *Store) edges(scope counterpoint.Scope) []counterpoint.Edge {
	var out []counterpoint.Edge
	for _, id := range slices.Sorted(maps.Keys(s.actors)) {
		for _, g := range s.actors[id].MemberOf {
			out = append(out, counterpoint.Edge{Type: "MEMBER_OF", From: id, To: g})
		}
	}
	for _, id := range slices.Sorted(maps.Keys(s.sources)) {
		src := s.sources[id]
		for _, a := range src.Authors {
			out = append(out, counterpoint.Edge{Type: "AUTHORED_BY", From: id, To: a})
		}
		if src.ReportedIn != "" {
			out = append(out, counterpoint.Edge{Type: "REPORTED_IN", From: id, To: src.ReportedIn})
		}
	}
	for _, id := range s.sortedClaimIDs() {
		c := s.claims[id]
		if !inScope(scope, c.Dataset) {
			continue
		}
		for _, a := range c.Assertions {
			out = append(out, counterpoint.Edge{Type: "ASSERTED", From: a.Actor, To: id})
		}
		for _, a := range c.About {
			out = append(out, counterpoint.Edge{Type: "ABOUT", From: id, To: a})
		}
		for _, q := range c.Quotes {
			out = append(out, counterpoint.Edge{Type: "EVIDENCED_BY", From: id, To: q.ID}, counterpoint.Edge{Type: "FROM", From: q.ID, To: q.Source})
		}
	}
	for _, k := range slices.Sorted(maps.Keys(s.relations)) {
		r := s.relations[k]
		if inScope(scope, s.claims[r.From].Dataset) {
			out = append(out, counterpoint.Edge{Type: string(r.Kind), From: r.From, To: r.To})
		}
	}
	return out
}

// History reads the changes recorded for a node or a dataset, newest
// first.
func (s *Store) History(_ context.Context, id string, first int) ([]counterpoint.Change, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("History", id, first); err != nil {
		return nil, err
	}
	all := s.changes[id]
	var out []counterpoint.Change
	for i := len(all) - 1; i >= 0 && (first <= 0 || len(out) < first); i-- {
		out = append(out, all[i])
	}
	return out, nil
}

// Reviews reads the decisions taken on a source's suggestions.
func (s *Store) Reviews(_ context.Context, source string) (map[string]counterpoint.ChangeAction, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("Reviews", source); err != nil {
		return nil, err
	}
	return maps.Clone(s.reviews[source]), nil
}

// --- writes

// record appends a change to the audit trail, as every write does.
func (s *Store) record(ctx context.Context, id string, action counterpoint.ChangeAction, version int, before, after any, note string) {
	js := func(v any) string {
		if v == nil {
			return ""
		}
		b, _ := json.Marshal(v)
		return string(b)
	}
	s.changed()
	s.clock = s.clock.Add(time.Second)
	s.changes[id] = append(s.changes[id], counterpoint.Change{
		Entity: id, Action: action, By: counterpoint.EditorOf(ctx), At: s.clock, Version: version,
		Before: js(before), After: js(after), Note: note,
	})
}

// checkVersion applies a write's version check: nil skips it, 0 creates,
// any other must be the node's version. It returns the new version.
func checkVersion(what, id string, exists bool, current int, base *int) (int, error) {
	switch {
	case base == nil:
	case *base == 0 && exists:
		return 0, counterpoint.Errorf(counterpoint.ECONFLICT, "%s %q exists already (version %d)", what, id, current)
	case *base != 0 && !exists:
		return 0, notFound(what, id)
	case *base != 0 && *base != current:
		return 0, counterpoint.Errorf(counterpoint.ECONFLICT, "%s %q is at version %d, not %d", what, id, current, *base)
	}
	return current + 1, nil
}

// kindOf names the kind of node that holds an id, "" for none.
func (s *Store) kindOf(id string) string {
	switch {
	case s.actors[id].ID != "":
		return "actor"
	case s.claims[id].ID != "":
		return "claim"
	case s.sources[id].ID != "":
		return "source"
	}
	return ""
}

func (s *Store) requireKind(kind, field, id string) error {
	if got := s.kindOf(id); got != kind {
		return counterpoint.Invalidf(field, "unknown %s %q", kind, id)
	}
	return nil
}

func (s *Store) takenByOther(kind, id string) error {
	if got := s.kindOf(id); got != "" && got != kind {
		return counterpoint.Invalidf("id", "id %q is taken by a %s", id, got)
	}
	return nil
}

// UpsertActor creates or updates an actor.
func (s *Store) UpsertActor(ctx context.Context, a counterpoint.Actor) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("UpsertActor", a); err != nil {
		return err
	}
	if err := a.Validate(); err != nil {
		return err
	}
	if err := s.takenByOther("actor", a.ID); err != nil {
		return err
	}
	for i, g := range a.MemberOf {
		if err := s.requireKind("actor", fmt.Sprintf("memberOf[%d]", i), g); err != nil {
			return err
		}
	}
	old, exists := s.actors[a.ID]
	v, err := checkVersion("actor", a.ID, exists, old.Version, a.Base)
	if err != nil {
		return err
	}
	a.Version, a.Base = v, nil
	s.actors[a.ID] = a
	s.record(ctx, a.ID, createOrUpdate(exists), v, ifExists(exists, old), a, "")
	return nil
}

// UpsertSource creates or updates a source.
func (s *Store) UpsertSource(ctx context.Context, src counterpoint.Source) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("UpsertSource", src); err != nil {
		return err
	}
	return s.upsertSource(ctx, src)
}

func (s *Store) upsertSource(ctx context.Context, src counterpoint.Source) error {
	if err := src.Validate(); err != nil {
		return err
	}
	if err := s.takenByOther("source", src.ID); err != nil {
		return err
	}
	for i, a := range src.Authors {
		if err := s.requireKind("actor", fmt.Sprintf("authors[%d]", i), a); err != nil {
			return err
		}
	}
	old, exists := s.sources[src.ID]
	v, err := checkVersion("source", src.ID, exists, old.Version, src.Base)
	if err != nil {
		return err
	}
	if src.Text == "" {
		src.Text, src.TextHash = old.Text, old.TextHash
	} else {
		src.TextHash = counterpoint.TextHash(src.Text)
	}
	src.Version, src.Base = v, nil
	s.sources[src.ID] = src
	s.record(ctx, src.ID, createOrUpdate(exists), v, ifExists(exists, old), src, "")
	return nil
}

// UpsertClaim creates or replaces a claim with its assertions and quotes.
func (s *Store) UpsertClaim(ctx context.Context, c counterpoint.Claim) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("UpsertClaim", c); err != nil {
		return err
	}
	return s.upsertClaim(ctx, c, nil)
}

// UpsertClaimRelated creates or replaces a claim and adds relations from
// it, all checked before anything is kept, as the real store does in one
// transaction; the claim's history gets one change.
func (s *Store) UpsertClaimRelated(ctx context.Context, c counterpoint.Claim, rels []counterpoint.Relation) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("UpsertClaimRelated", c, rels); err != nil {
		return err
	}
	return s.upsertClaim(ctx, c, rels)
}

// upsertClaim checks claim c and the relations from it and keeps them; the
// caller holds s.mu.
func (s *Store) upsertClaim(ctx context.Context, c counterpoint.Claim, rels []counterpoint.Relation) error {
	c.Quotes, c.Assertions = slices.Clone(c.Quotes), slices.Clone(c.Assertions)
	c.SetDefaults()
	if err := c.Validate(); err != nil {
		return err
	}
	for i := range c.Quotes {
		q := &c.Quotes[i]
		var text *counterpoint.Text
		if src, ok := s.sources[q.Source]; ok && src.Text != "" {
			text = counterpoint.NewText(src.Text)
		}
		if err := counterpoint.Within(fmt.Sprintf("quotes[%d]", i), q.Validate(text)); err != nil {
			return err
		}
		q.AnchorIn(text)
	}
	if err := s.takenByOther("claim", c.ID); err != nil {
		return err
	}
	for i, a := range c.Assertions {
		if err := s.requireKind("actor", fmt.Sprintf("assertions[%d].actor", i), a.Actor); err != nil {
			return err
		}
	}
	if err := counterpoint.ValidateClaimRelations(c.ID, rels); err != nil {
		return err
	}
	for i, r := range rels {
		f := fmt.Sprintf("relations[%d]", i)
		if err := counterpoint.Within(f, r.ValidateEvidence(s.evidenceText)); err != nil {
			return err
		}
		if err := s.requireKind("claim", f+".to", r.To); err != nil {
			return err
		}
	}
	old, exists := s.claims[c.ID]
	v, err := checkVersion("claim", c.ID, exists, old.Version, c.Base)
	if err != nil {
		return err
	}
	if c.Dataset == "" {
		c.Dataset = "curated"
	}
	c.Version, c.Base = v, nil
	s.claims[c.ID] = c
	for _, r := range rels {
		s.relations[r.Key()] = r
	}
	s.record(ctx, c.ID, createOrUpdate(exists), v, ifExists(exists, old), c, "")
	return nil
}

// evidenceText is the text of a relation's evidence source, and whether
// the source exists, for Relation.ValidateEvidence; the caller holds s.mu.
func (s *Store) evidenceText(id string) (*counterpoint.Text, bool) {
	src, ok := s.sources[id]
	if !ok || src.Text == "" {
		return nil, ok
	}
	return counterpoint.NewText(src.Text), true
}

func createOrUpdate(exists bool) counterpoint.ChangeAction {
	if exists {
		return counterpoint.ChangeUpdate
	}
	return counterpoint.ChangeCreate
}

func ifExists[T any](exists bool, v T) any {
	if exists {
		return v
	}
	return nil
}

// AddRelation adds a relation between two claims, or replaces the one of
// the same kind between them.
func (s *Store) AddRelation(ctx context.Context, r counterpoint.Relation) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("AddRelation", r); err != nil {
		return err
	}
	if err := r.Validate(); err != nil {
		return err
	}
	if err := r.ValidateEvidence(s.evidenceText); err != nil {
		return err
	}
	if err := s.requireKind("claim", "from", r.From); err != nil {
		return err
	}
	if err := s.requireKind("claim", "to", r.To); err != nil {
		return err
	}
	old, exists := s.relations[r.Key()]
	s.relations[r.Key()] = r
	s.record(ctx, r.Key(), createOrUpdate(exists), 0, ifExists(exists, old), r, "")
	return nil
}

// RemoveRelation removes a relation; false when there was none.
func (s *Store) RemoveRelation(ctx context.Context, r counterpoint.Relation) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("RemoveRelation", r); err != nil {
		return false, err
	}
	old, ok := s.relations[r.Key()]
	if !ok {
		return false, nil
	}
	delete(s.relations, r.Key())
	s.record(ctx, r.Key(), counterpoint.ChangeDelete, 0, old, nil, "")
	return true, nil
}

// ImportSource stores a source with its whole text. A quote whose words
// are no longer at its offsets in a replaced text is reported orphaned
// (the double does not move quotes, as the real store can).
func (s *Store) ImportSource(ctx context.Context, src counterpoint.Source) (counterpoint.ImportResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var res counterpoint.ImportResult
	if err := s.enter("ImportSource", src); err != nil {
		return res, err
	}
	if err := s.upsertSource(ctx, src); err != nil {
		return res, err
	}
	text := []rune(s.sources[src.ID].Text)
	for _, id := range s.sortedClaimIDs() {
		for _, q := range s.quotesOf(id) {
			if q.Source == src.ID && (q.End > len(text) || q.Start < 0 || q.Start > q.End || string(text[q.Start:q.End]) != q.Text) {
				q.Anchor = counterpoint.Orphaned
				res.Orphaned = append(res.Orphaned, q)
			}
		}
	}
	return res, nil
}

// deleteCheck applies a delete's version check (0 skips it); false when
// there is no such node.
func deleteCheck(what, id string, exists bool, current, base int) (bool, error) {
	if !exists {
		return false, nil
	}
	if base != 0 && base != current {
		return false, counterpoint.Errorf(counterpoint.ECONFLICT, "%s %q is at version %d, not %d", what, id, current, base)
	}
	return true, nil
}

// DeleteClaim removes a claim with its quotes and relations.
func (s *Store) DeleteClaim(ctx context.Context, id string, version int) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("DeleteClaim", id, version); err != nil {
		return false, err
	}
	old, exists := s.claims[id]
	if ok, err := deleteCheck("claim", id, exists, old.Version, version); !ok || err != nil {
		return false, err
	}
	delete(s.claims, id)
	for k, r := range s.relations {
		if r.From == id || r.To == id {
			delete(s.relations, k)
		}
	}
	s.record(ctx, id, counterpoint.ChangeDelete, 0, old, nil, "")
	return true, nil
}

// DeleteActor removes an actor that nothing names any more.
func (s *Store) DeleteActor(ctx context.Context, id string, version int) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("DeleteActor", id, version); err != nil {
		return false, err
	}
	old, exists := s.actors[id]
	if ok, err := deleteCheck("actor", id, exists, old.Version, version); !ok || err != nil {
		return false, err
	}
	for _, c := range s.claims {
		if slices.ContainsFunc(c.Assertions, func(a counterpoint.Assertion) bool { return a.Actor == id }) || slices.Contains(c.About, id) {
			return false, counterpoint.Errorf(counterpoint.EINVALID, "actor %q: claims still assert it or are about it", id)
		}
	}
	for _, a := range s.actors {
		if slices.Contains(a.MemberOf, id) {
			return false, counterpoint.Errorf(counterpoint.EINVALID, "actor %q: actors are still members of it", id)
		}
	}
	for _, src := range s.sources {
		if slices.Contains(src.Authors, id) {
			return false, counterpoint.Errorf(counterpoint.EINVALID, "actor %q: sources still name it as an author", id)
		}
	}
	delete(s.actors, id)
	s.record(ctx, id, counterpoint.ChangeDelete, 0, old, nil, "")
	return true, nil
}

// DeleteSource removes a source that nothing quotes or names any more.
func (s *Store) DeleteSource(ctx context.Context, id string, version int) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("DeleteSource", id, version); err != nil {
		return false, err
	}
	old, exists := s.sources[id]
	if ok, err := deleteCheck("source", id, exists, old.Version, version); !ok || err != nil {
		return false, err
	}
	for _, c := range s.claims {
		if slices.ContainsFunc(c.Quotes, func(q counterpoint.Quote) bool { return q.Source == id || q.Document == id }) ||
			slices.ContainsFunc(c.Assertions, func(a counterpoint.Assertion) bool { return a.Source == id }) {
			return false, counterpoint.Errorf(counterpoint.EINVALID, "source %q: claims still quote it or are asserted in it", id)
		}
	}
	delete(s.sources, id)
	s.record(ctx, id, counterpoint.ChangeDelete, 0, old, nil, "")
	return true, nil
}

// Review records a decision on one of a source's suggestions.
func (s *Store) Review(ctx context.Context, source, id string, action counterpoint.ChangeAction) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("Review", source, id, action); err != nil {
		return err
	}
	if err := s.requireKind("source", "source", source); err != nil {
		return err
	}
	if s.reviews[source] == nil {
		s.reviews[source] = map[string]counterpoint.ChangeAction{}
	}
	s.reviews[source][id] = action
	s.record(ctx, source, action, 0, nil, map[string]string{"suggestion": id}, id)
	return nil
}

// WriteDataset writes a dataset as a load does (loader.Writer): its
// actors, sources, claims and relations replace what the graph had of
// them, and the dataset's claims and relations it no longer has are
// removed. It checks the dataset with the domain's rules first and writes
// nothing when they fail; progress (nil for none) hears the nodes and
// relations written, once.
func (s *Store) WriteDataset(ctx context.Context, ds *counterpoint.Dataset, progress func(elements int)) (counterpoint.WriteSummary, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sum := counterpoint.NewWriteSummary()
	if err := s.enter("WriteDataset", ds); err != nil {
		return sum, err
	}
	if err := ds.Validate(); err != nil {
		return sum, err
	}
	put := func(kind string, exists, same bool) {
		switch {
		case !exists:
			sum.Add(kind, "created", 1)
		case same:
			sum.Add(kind, "unchanged", 1)
		default:
			sum.Add(kind, "updated", 1)
		}
	}
	for _, a := range ds.Actors {
		old, ok := s.actors[a.ID]
		a.Version, a.Base = old.Version, nil
		same := ok && equalJSON(old, a)
		if !same {
			a.Version++
		}
		put("Actor", ok, same)
		s.actors[a.ID] = a
	}
	for _, src := range ds.Sources {
		old, ok := s.sources[src.ID]
		src.Version, src.Base = old.Version, nil
		if src.Text != "" {
			src.TextHash = counterpoint.TextHash(src.Text)
		}
		same := ok && equalJSON(old, src)
		if !same {
			src.Version++
		}
		put("Source", ok, same)
		s.sources[src.ID] = src
	}
	keep := map[string]bool{}
	for _, c := range ds.Claims {
		c.Quotes, c.Assertions = slices.Clone(c.Quotes), slices.Clone(c.Assertions)
		c.SetDefaults()
		keep[c.ID] = true
		old, ok := s.claims[c.ID]
		c.Dataset, c.Version, c.Base = ds.ID, old.Version, nil
		same := ok && equalJSON(old, c)
		if !same {
			c.Version++
		}
		put("Claim", ok, same)
		s.claims[c.ID] = c
	}
	for id, c := range s.claims {
		if c.Dataset == ds.ID && !keep[id] {
			delete(s.claims, id)
			sum.Add("Claim", "removed", 1)
		}
	}
	keepRel := map[string]bool{}
	for _, r := range ds.Relations {
		keepRel[r.Key()] = true
		old, ok := s.relations[r.Key()]
		put("Relation", ok, ok && equalJSON(old, r))
		s.relations[r.Key()] = r
	}
	for k, r := range s.relations {
		if _, from := s.claims[r.From]; !from || keep[r.From] && !keepRel[k] {
			delete(s.relations, k)
			sum.Add("Relation", "removed", 1)
		} else if _, to := s.claims[r.To]; !to {
			delete(s.relations, k)
			sum.Add("Relation", "removed", 1)
		}
	}
	s.datasets[ds.ID] = counterpoint.Dataset{ID: ds.ID, Title: ds.Title, Description: ds.Description}
	if progress != nil {
		n := len(ds.Actors) + len(ds.Sources) + len(ds.Relations)
		for _, c := range ds.Claims {
			n += 1 + len(c.Quotes) + len(c.Assertions) + len(c.About)
		}
		progress(n)
	}
	s.record(ctx, ds.ID, counterpoint.ChangeLoad, 0, nil, nil, "dataset "+ds.ID)
	return sum, nil
}

// ExportDataset reads a dataset back (server.Exporter): its claims and the
// relations from them, with the actors and sources they name (and the
// groups of those actors); ENOTFOUND when no claim belongs to it.
func (s *Store) ExportDataset(_ context.Context, id string) (*counterpoint.Dataset, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("ExportDataset", id); err != nil {
		return nil, err
	}
	ds := s.datasets[id]
	ds.ID = id
	if ds.Title == "" {
		ds.Title = id
	}
	actors, sources := map[string]bool{}, map[string]bool{}
	for _, cid := range s.sortedClaimIDs() {
		c := s.claims[cid]
		if c.Dataset != id {
			continue
		}
		c.Version = 0
		ds.Claims = append(ds.Claims, c)
		for _, a := range c.Assertions {
			actors[a.Actor], sources[a.Source] = true, true
		}
		for _, a := range c.About {
			actors[a] = true
		}
		for _, q := range c.Quotes {
			sources[q.Source] = true
			if q.Document != "" {
				sources[q.Document] = true
			}
		}
		for _, r := range s.relationsOf(cid) {
			if r.From == cid {
				ds.Relations = append(ds.Relations, r)
			}
		}
	}
	if len(ds.Claims) == 0 {
		return nil, counterpoint.UnknownDataset(id, len(s.datasets))
	}
	for changed := true; changed; {
		changed = false
		for sid := range sources {
			src := s.sources[sid]
			for _, a := range src.Authors {
				changed = changed || !actors[a]
				actors[a] = true
			}
			if src.ReportedIn != "" && !sources[src.ReportedIn] {
				sources[src.ReportedIn], changed = true, true
			}
		}
		for aid := range actors {
			for _, g := range s.actors[aid].MemberOf {
				changed = changed || !actors[g]
				actors[g] = true
			}
		}
	}
	for _, aid := range slices.Sorted(maps.Keys(actors)) {
		if a, ok := s.actors[aid]; ok {
			a.Version = 0
			ds.Actors = append(ds.Actors, a)
		}
	}
	for _, sid := range slices.Sorted(maps.Keys(sources)) {
		if src, ok := s.sources[sid]; ok {
			src.Version = 0
			ds.Sources = append(ds.Sources, src)
		}
	}
	return &ds, nil
}

// --- helpers

func (s *Store) sortedClaimIDs() []string {
	if s.claimIDs == nil {
		s.claimIDs = slices.Sorted(maps.Keys(s.claims))
	}
	return s.claimIDs
}

// uniq keeps the first of each id, in order.
func uniq(ids []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, id := range ids {
		if id != "" && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

func equalJSON(a, b any) bool {
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && string(x) == string(y)
}
