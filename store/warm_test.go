package store_test

import (
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/counterpoint-news/counterpoint/internal/neo4jtest"
	"github.com/counterpoint-news/counterpoint/internal/syncbuf"
	"github.com/counterpoint-news/counterpoint/store"
)

// TestWarmUpPlansEveryRead: every read the service sends is valid Cypher
// that Neo4j plans (WarmUp's EXPLAIN of each), so that none fails on its
// first use and the first requests after a restart need not plan.
func TestWarmUpPlansEveryRead(t *testing.T) {
	db := neo4jtest.MustOpen(t)
	n, err := db.WarmUp(context.Background())
	if err != nil {
		t.Fatalf("WarmUp planned %d reads, then: %v", n, err)
	}
	if n < 40 {
		t.Errorf("WarmUp planned %d reads, want every fixed read and the common path queries (40 or more)", n)
	}
}

// TestCloseStopsReplanning: a read that finds Neo4j back after an outage
// starts planning the reads again in the background; closing the store
// right then stops that work before the driver closes, so that it logs no
// error of a closed pool, and Close returns only once it has stopped.
func TestCloseStopsReplanning(t *testing.T) {
	var logs syncbuf.Buffer
	cfg := neo4jtest.Config(t)
	cfg.Logger = slog.New(slog.NewTextHandler(&logs, nil))
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	db, err := store.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	store.MarkUnreachable(db)
	if err := db.Ping(ctx); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	got := logs.String()
	if !strings.Contains(got, "planning the reads again") && !strings.Contains(got, "planned the reads again") {
		t.Errorf("after Close, the log has no word from the re-planning: it outlives the store\n%s", got)
	}
	for _, bad := range []string{"Pool closed", "closed driver"} {
		if strings.Contains(got, bad) {
			t.Errorf("after Close, the log holds %q\n%s", bad, got)
		}
	}
}
