// Package resolvers turns GraphQL selections into calls on the store. The
// resolvers are thin: reading a known selection in one statement lives in
// the read-ahead, batching in the per-request loaders, Cypher in the store,
// and error codes in the server's presenter.
package resolvers

import (
	"net/http"
	"time"

	"github.com/counterpoint-news/counterpoint/store"
)

// Resolver holds the dependencies every resolver shares.
type Resolver struct {
	store     Store
	batchWait time.Duration
}

// Option configures a Resolver.
type Option func(*Resolver)

// WithBatchWait sets how long the loaders collect keys before querying
// (default 0.5ms). Tests that count round trips lengthen it so that a loaded
// machine cannot split a batch in two.
func WithBatchWait(d time.Duration) Option { return func(r *Resolver) { r.batchWait = d } }

// New returns the root resolver over a store.
func New(s Store, opts ...Option) *Resolver {
	r := &Resolver{store: s, batchWait: defaultBatchWait}
	for _, o := range opts {
		o(r)
	}
	return r
}

// Store is what the resolvers need from the graph store; *store.DB
// implements it, and unit tests substitute a fake.
type Store interface {
	store.Reader
	store.Writer
}

// Middleware gives each HTTP request its own loaders, so that batching and
// caching never leak between requests.
func (r *Resolver) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		next.ServeHTTP(w, req.WithContext(withLoaders(req.Context(), r.store, r.batchWait)))
	})
}
