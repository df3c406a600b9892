package e2e_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/transport"

	"github.com/counterpoint-news/counterpoint/graph"
	"github.com/counterpoint-news/counterpoint/resolvers"
	"github.com/counterpoint-news/counterpoint/store"
)

// newHandler builds the service's HTTP handler over db.
func newHandler(tb testing.TB, db *store.DB) http.Handler {
	r := resolvers.New(db, resolvers.WithBatchWait(20*time.Millisecond))
	h := handler.New(graph.NewExecutableSchema(graph.Config{Resolvers: r}))
	h.AddTransport(transport.POST{})
	mux := http.NewServeMux()
	mux.Handle("/graphql", r.Middleware(h))
	return mux
}
