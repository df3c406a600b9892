package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/internal/readahead"
)

// warmUpQueries are the reads WarmUp plans: every fixed read, and the
// variants of the path queries that the explorer and the mix ask first.
func warmUpQueries() map[string]string {
	qs := Queries()
	if q, ok := ThreadCypher(nil, 3); ok {
		qs["thread"] = q
	}
	if q, ok := ChainCypher(true, 4); ok {
		qs["chains"] = q
	}
	// The claims pages with the read-ahead of their claims: with quotes,
	// assertions or every relation (the studio's pages), and with
	// rebuttedBy (the mix's), of each kind.
	for kind := range pageKinds {
		for _, sides := range []readahead.Sides{0, readahead.Side(counterpoint.Rebuts, false)} {
			qs[fmt.Sprintf("%sDetail/%d", claimsPageNames[kind], sides)] = claimsPageDetail[pageDetailKey{kind, sides}]
		}
	}
	for _, hops := range []int{0, 1, 2} {
		if q, _, ok := SubgraphCypher([]counterpoint.NodeType{counterpoint.NodeActor, counterpoint.NodeClaim}, hops); ok {
			qs[fmt.Sprintf("subgraph/%d", hops)] = q
		}
		if q, _, ok := SubgraphCypher(nil, hops); ok {
			qs[fmt.Sprintf("subgraph-all/%d", hops)] = q
		}
	}
	return qs
}

// WarmUp has Neo4j plan the service's reads without running them
// (EXPLAIN), so that the first requests after a start, or after Neo4j
// comes back, do not each wait seconds for their plan; Neo4j keeps the
// plans in its query cache. It returns how many it planned.
func (db *DB) WarmUp(ctx context.Context) (int, error) {
	var errs []error
	n := 0
	for name, q := range warmUpQueries() {
		if ctx.Err() != nil || db.bgCtx.Err() != nil {
			break // the caller gave up, or the store was closed
		}
		_, err := neo4j.ExecuteQuery(ctx, db.driver, "EXPLAIN "+q, nil, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase(db.cfg.Database), neo4j.ExecuteQueryWithReadersRouting())
		if err != nil {
			errs = append(errs, fmt.Errorf("plan %s: %w", name, err))
			continue
		}
		n++
	}
	return n, wrap(errors.Join(errs...))
}

// warmAfterRecovery plans the reads again in the background once a read
// succeeds after Neo4j was unreachable: a restarted Neo4j has lost its
// query cache. One runs at a time, and Close stops it.
func (db *DB) warmAfterRecovery() {
	if !db.replans.CompareAndSwap(false, true) {
		return
	}
	db.background(func(bg context.Context) {
		defer db.replans.Store(false)
		ctx, cancel := context.WithTimeout(bg, time.Minute)
		defer cancel()
		start := time.Now()
		n, err := db.WarmUp(ctx)
		if bg.Err() != nil {
			db.cfg.Logger.Info("stopped planning the reads again: the store was closed", "queries", n)
			return
		}
		db.cfg.Logger.Info("planned the reads again after Neo4j came back", "queries", n, "took", time.Since(start).String(), "err", err)
	})
}
