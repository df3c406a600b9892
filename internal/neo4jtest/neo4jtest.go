// Package neo4jtest connects tests to the real Neo4j that `make test`
// starts. Outside CI a test without NEO4J_URI is skipped; in CI (CI=true) it
// fails, so an integration test can never pass by not running.
package neo4jtest

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/counterpoint-news/counterpoint/format/datasetjson"

	"github.com/counterpoint-news/counterpoint/data"
	"github.com/counterpoint-news/counterpoint/loader"
	"github.com/counterpoint-news/counterpoint/store"
)

// Config returns the store configuration from the environment, skipping or
// failing tb when there is none.
func Config(tb testing.TB) store.Config {
	tb.Helper()
	uri := os.Getenv("NEO4J_URI")
	if uri == "" {
		if os.Getenv("CI") == "true" {
			tb.Fatal("NEO4J_URI is not set: in CI the integration tests must run against the real Neo4j (make test starts it)")
		}
		tb.Skip("NEO4J_URI is not set; run `make test` to start a real Neo4j")
	}
	return store.Config{
		URI:      uri,
		Username: os.Getenv("NEO4J_USERNAME"),
		Password: os.Getenv("NEO4J_PASSWORD"),
		Database: os.Getenv("NEO4J_DATABASE"),
	}
}

// SetEnv points a command run in-process (its run reads the NEO4J_*
// settings) at the test Neo4j, for t's duration, skipping or failing t as
// Config does when there is none.
func SetEnv(t *testing.T) {
	t.Helper()
	cfg := Config(t)
	t.Setenv("NEO4J_URI", cfg.URI)
	t.Setenv("NEO4J_USERNAME", cfg.Username)
	t.Setenv("NEO4J_PASSWORD", cfg.Password)
	t.Setenv("NEO4J_DATABASE", cfg.Database)
}

// MustOpen opens the store on the test Neo4j and empties the graph, failing
// tb if Neo4j does not answer. Tests that use it must not run in parallel
// with other packages' (make test passes -p 1).
func MustOpen(tb testing.TB) *store.DB {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	db, err := store.Open(ctx, Config(tb))
	if err != nil {
		tb.Fatalf("open the test Neo4j: %v", err)
	}
	tb.Cleanup(func() { db.Close(context.Background()) })
	if err := db.DeleteAll(ctx); err != nil {
		tb.Fatalf("empty the test graph: %v", err)
	}
	return db
}

// MustSeed loads the embedded article dataset into db.
func MustSeed(tb testing.TB, db *store.DB) []loader.Result {
	tb.Helper()
	inputs, err := loader.ReadFS(datasetjson.Reader, data.Files, data.Seeds...)
	if err != nil {
		tb.Fatalf("read the seed datasets: %v", err)
	}
	res, err := loader.Load(context.Background(), db, inputs, loader.Progress{})
	if err != nil {
		tb.Fatalf("load the seed datasets: %v", err)
	}
	return res
}

// MustStats reads the whole graph's counts and digest.
func MustStats(tb testing.TB, db *store.DB) store.Stats {
	tb.Helper()
	st, err := db.Stats(context.Background())
	if err != nil {
		tb.Fatalf("read graph stats: %v", err)
	}
	return st
}
