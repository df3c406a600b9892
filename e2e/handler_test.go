package e2e_test

import (
	"io"
	"log/slog"
	"net/http"
	"testing"
	"time"

	"github.com/counterpoint-news/counterpoint/resolvers"
	"github.com/counterpoint-news/counterpoint/server"
	"github.com/counterpoint-news/counterpoint/store"
)

// newHandler builds the service's real HTTP handler over db, as `serve`
// does, with a curator token for the mutation tests. The loaders wait
// longer than in production so that a loaded test machine cannot split a
// batch and make the round-trip counts flaky.
func newHandler(tb testing.TB, db *store.DB, opts ...resolvers.Option) http.Handler {
	tb.Helper()
	if opts == nil { // the tests' longer batch wait, unless options are given
		opts = []resolvers.Option{resolvers.WithBatchWait(20 * time.Millisecond)}
	}
	api := resolvers.NewAPI(db, opts...)
	srv, err := server.New(server.Config{APITokens: []string{"ana:" + testToken, "ben:" + secondToken}}, server.Deps{
		Schema:     api.Schema,
		Exporter:   db,
		Ready:      db.Ping,
		Middleware: api.Middleware,
		Logger:     slog.New(slog.NewJSONHandler(io.Discard, nil)),
	})
	if err != nil {
		tb.Fatal(err)
	}
	return srv
}
