// Package resolvers turns GraphQL selections into calls on the store. The
// resolvers are thin: batching lives in the per-request loaders, Cypher in
// the store, and error codes in the server's presenter.
package resolvers

import (
	"net/http"

	"github.com/counterpoint-news/counterpoint/store"
)

// Resolver holds the dependencies every resolver shares.
type Resolver struct {
	store Store
}

// New returns the root resolver over a store.
func New(s Store) *Resolver { return &Resolver{store: s} }

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
		next.ServeHTTP(w, req.WithContext(withLoaders(req.Context(), r.store)))
	})
}
