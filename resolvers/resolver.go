// Package resolvers turns GraphQL selections into calls on the store. The
// resolvers are thin: reading a known selection in one statement lives in
// the read-ahead, batching in the per-request loaders, Cypher in the store,
// and error codes in the server's presenter.
package resolvers

import (
	"context"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/graph"
	"github.com/counterpoint-news/counterpoint/internal/readahead"
)

// BatchReader reads many nodes or relationships by id in one round trip
// each; the per-request loaders call it, so that nothing nested costs a
// query per item.
type BatchReader interface {
	NodesByID(ctx context.Context, ids []string) ([]counterpoint.Node, error)
	ActorsByID(ctx context.Context, ids []string) ([]counterpoint.Actor, error)
	ClaimsByID(ctx context.Context, ids []string) ([]counterpoint.Claim, error)
	SourcesByID(ctx context.Context, ids []string) ([]counterpoint.Source, error)
	QuotesByClaim(ctx context.Context, claimIDs []string) ([]counterpoint.Quote, error)
	AssertionsByClaim(ctx context.Context, claimIDs []string) ([]counterpoint.Assertion, []counterpoint.Actor, error)
	AssertionsByActor(ctx context.Context, actorIDs []string) ([]counterpoint.Assertion, []counterpoint.Claim, error)
	RelationsOf(ctx context.Context, claimIDs []string) ([]counterpoint.Relation, []counterpoint.Claim, error)
	AboutByClaim(ctx context.Context, claimIDs []string) ([]counterpoint.Link, []counterpoint.Actor, error)
	MembershipsOf(ctx context.Context, actorIDs []string) ([]counterpoint.Link, []counterpoint.Actor, error)
	AuthorsOf(ctx context.Context, sourceIDs []string) ([]counterpoint.Link, []counterpoint.Actor, error)
	CountersBy(ctx context.Context, actorIDs []string) ([]counterpoint.ActorCounter, error)
	CountersAgainst(ctx context.Context, actorIDs []string) ([]counterpoint.ActorCounter, error)
	SourceTexts(ctx context.Context, sourceIDs []string) (map[string]string, error)
	QuotesBySource(ctx context.Context, sourceIDs []string) ([]counterpoint.Quote, error)
}

// DetailReader reads nodes with everything a known selection asks of them
// in one statement; the read-ahead calls it and primes the loaders.
type DetailReader interface {
	ClaimsWithDetail(ctx context.Context, ids []string, d readahead.ClaimDetail) (readahead.Bundle, error)
	// ClaimsPageWithDetail is a claims page (QueryReader.Claims) with
	// what d asks of its claims, in one statement.
	ClaimsPageWithDetail(ctx context.Context, f counterpoint.ClaimFilter, first int, after string, d readahead.ClaimDetail) (counterpoint.Page[counterpoint.Claim], readahead.Bundle, error)
	ActorsWithDetail(ctx context.Context, ids []string, d readahead.ActorDetail) (readahead.Bundle, error)
}

// QueryReader answers the top-level questions: pages, search, counters,
// threads, chains and subgraphs.
type QueryReader interface {
	Actors(ctx context.Context, f counterpoint.ActorFilter, first int, after string) (counterpoint.Page[counterpoint.Actor], error)
	Claims(ctx context.Context, f counterpoint.ClaimFilter, first int, after string) (counterpoint.Page[counterpoint.Claim], error)
	Sources(ctx context.Context) ([]counterpoint.Source, error)
	DatasetSummaries(ctx context.Context) ([]counterpoint.DatasetSummary, error)
	DatasetSources(ctx context.Context, scope counterpoint.Scope) ([]string, error)
	RelatedDatasets(ctx context.Context, dataset string) ([]counterpoint.RelatedDataset, error)
	TieGraph(ctx context.Context, scope counterpoint.Scope) (counterpoint.TieGraph, error)
	Search(ctx context.Context, text string, first int, scope counterpoint.Scope) ([]counterpoint.SearchHit, error)
	Counters(ctx context.Context, f counterpoint.CounterFilter) ([]counterpoint.Counter, error)
	CounterSummary(ctx context.Context, scope counterpoint.Scope, statedOnly bool) ([]counterpoint.CounterSummary, error)
	Thread(ctx context.Context, claimID string, depth int, kinds []counterpoint.RelationKind, scope counterpoint.Scope) (counterpoint.Thread, error)
	Chains(ctx context.Context, q counterpoint.ChainQuery) ([]counterpoint.Chain, []counterpoint.Claim, error)
	Subgraph(ctx context.Context, q counterpoint.SubgraphQuery) (counterpoint.Subgraph, error)
	History(ctx context.Context, id string, first int) ([]counterpoint.Change, error)
	Reviews(ctx context.Context, source string) (map[string]counterpoint.ChangeAction, error)
	ActorCandidates(ctx context.Context, q counterpoint.ActorQuery, scope counterpoint.Scope, first int) ([]counterpoint.ActorCandidate, error)
	SimilarClaims(ctx context.Context, claim, text string, scope counterpoint.Scope, first int) ([]counterpoint.ClaimMatch, error)
}

// Writer makes the curators' writes. Each checks its input with the
// domain's rules and against the graph, and writes nothing when a check
// fails.
type Writer interface {
	UpsertActor(ctx context.Context, a counterpoint.Actor) error
	UpsertSource(ctx context.Context, s counterpoint.Source) error
	UpsertClaim(ctx context.Context, c counterpoint.Claim) error
	UpsertClaimRelated(ctx context.Context, c counterpoint.Claim, rels []counterpoint.Relation) error
	AddRelation(ctx context.Context, r counterpoint.Relation) error
	RemoveRelation(ctx context.Context, r counterpoint.Relation) (bool, error)
	ImportSource(ctx context.Context, s counterpoint.Source) (counterpoint.ImportResult, error)
	DeleteClaim(ctx context.Context, id string, version int) (bool, error)
	DeleteActor(ctx context.Context, id string, version int) (bool, error)
	DeleteSource(ctx context.Context, id string, version int) (bool, error)
	MergeActors(ctx context.Context, into, from string) error
	UnmergeActors(ctx context.Context, into, from string) error
	Review(ctx context.Context, source, id string, action counterpoint.ChangeAction) error
}

// Store is everything the API needs of the graph store.
type Store interface {
	BatchReader
	DetailReader
	QueryReader
	Writer
}

// Resolver holds the dependencies every resolver shares.
type Resolver struct {
	store     Store
	batchWait time.Duration
	passes    *passCache
}

// Option configures the API.
type Option func(*Resolver)

// WithBatchWait sets how long the loaders collect keys before querying
// (default 0.5ms). Tests that count round trips lengthen it so that a loaded
// machine cannot split a batch in two.
func WithBatchWait(d time.Duration) Option { return func(r *Resolver) { r.batchWait = d } }

// API is the GraphQL API ready to serve: the executable schema with its
// complexity estimates, and the middleware that gives each request the
// loaders its resolvers need. Serve Schema only behind Middleware: a
// request without loaders fails instead of quietly querying item by item.
type API struct {
	Schema     graphql.ExecutableSchema
	Middleware func(http.Handler) http.Handler
}

// NewAPI builds the API over a store; it is the one place where the
// executable schema is made.
func NewAPI(s Store, opts ...Option) API {
	r := &Resolver{store: s, batchWait: defaultBatchWait, passes: newPassCache(passCacheEntries, passCacheBytes)}
	for _, o := range opts {
		o(r)
	}
	return API{
		Schema:     graph.NewExecutableSchema(graph.Config{Resolvers: r, Complexity: Complexity()}),
		Middleware: r.middleware,
	}
}

// middleware gives each HTTP request its own loaders, so that batching and
// caching never leak between requests.
func (r *Resolver) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		next.ServeHTTP(w, req.WithContext(withLoaders(req.Context(), r.store, r.batchWait, r.passes)))
	})
}
