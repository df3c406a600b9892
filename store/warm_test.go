package store_test

import (
	"context"
	"testing"

	"github.com/counterpoint-news/counterpoint/internal/neo4jtest"
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
