package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/counterpoint-news/counterpoint/format/datasetjson"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/data"
	"github.com/counterpoint-news/counterpoint/internal/neo4jtest"
	"github.com/counterpoint-news/counterpoint/loader"
	"github.com/counterpoint-news/counterpoint/store"
)

// TestWriteCutByItsDeadline: a dataset write whose caller's deadline passes
// at any moment (before the first statement, between batches, around the
// commit) is written whole or not at all, and an error says the store was
// unavailable or too slow, never an internal error.
func TestWriteCutByItsDeadline(t *testing.T) {
	db := neo4jtest.MustOpen(t)
	inputs, err := loader.ReadFS(datasetjson.Reader, data.Files, data.Seeds...)
	if err != nil {
		t.Fatal(err)
	}
	ds := inputs[0].Dataset
	empty := neo4jtest.MustStats(t, db)
	if _, err := db.WriteDataset(context.Background(), ds, nil); err != nil {
		t.Fatal(err)
	}
	full := neo4jtest.MustStats(t, db)
	for _, d := range []time.Duration{0, time.Millisecond, 3 * time.Millisecond, 10 * time.Millisecond, 30 * time.Millisecond, 100 * time.Millisecond} {
		if err := db.DeleteAll(context.Background()); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), d)
		_, err := db.WriteDataset(ctx, ds, nil)
		cancel()
		var e *counterpoint.Error
		if err != nil && (!errors.As(err, &e) || e.Code != counterpoint.EUNAVAILABLE) {
			t.Errorf("write with a %s deadline: error %v, want nil or %s", d, err, counterpoint.EUNAVAILABLE)
		}
		mustQuiet(t, db)
		got := neo4jtest.MustStats(t, db)
		switch {
		case err == nil && got.Digest != full.Digest:
			t.Errorf("write with a %s deadline succeeded, but the graph is not the dataset: nodes %v, want %v", d, got.Nodes, full.Nodes)
		case got.Digest != empty.Digest && got.Digest != full.Digest:
			t.Errorf("write with a %s deadline (error %v) left part of the dataset: nodes %v, relationships %v; want none or nodes %v", d, err, got.Nodes, got.Relationships, full.Nodes)
		}
	}
}

// mustQuiet waits until the server runs no transaction but the asking
// one: a write whose client gave up may still be rolling back.
func mustQuiet(tb testing.TB, db *store.DB) {
	tb.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		n, err := db.OtherTransactions(context.Background())
		if err != nil {
			tb.Fatalf("count running transactions: %v", err)
		}
		if n == 0 {
			return
		}
		if time.Now().After(deadline) {
			tb.Fatalf("%d transactions still run 30s after the write gave up", n)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
