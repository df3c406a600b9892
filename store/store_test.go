package store_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/internal/neo4jtest"
	"github.com/counterpoint-news/counterpoint/store"
)

// TestLittRebutsTheDeterrenceClaim asks the seeded graph, through the driver
// and plain Cypher, the article's central question: who answered the draft
// paper's deterrence claim, with what words, in which document.
func TestLittRebutsTheDeterrenceClaim(t *testing.T) {
	db := neo4jtest.MustOpen(t)
	neo4jtest.MustSeed(t, db)
	cfg := neo4jtest.Config(t)
	driver, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.Username, cfg.Password, ""))
	if cfg.Username == "" {
		driver, err = neo4j.NewDriverWithContext(cfg.URI, neo4j.NoAuth())
	}
	if err != nil {
		t.Fatal(err)
	}
	defer driver.Close(context.Background())

	const cypher = `
MATCH (litt:Actor {name: 'Robert S. Litt'})-[a:ASSERTED]->(c:Claim)-[:REBUTS]->(target:Claim)<-[:ASSERTED]-(author:Actor)
MATCH (c)-[:EVIDENCED_BY]->(q:Quote)-[:FROM]->(src:Source)
MATCH (q)-[:SAID_IN]->(doc:Source)
WHERE q.text = 'Really?'
RETURN c.id AS claim, target.id AS target, target.text AS targetText, author.name AS author,
       q.text AS quote, q.start AS start, q.end AS end, src.text AS sourceText, doc.kind AS docKind, a.attribution AS attribution`
	res, err := neo4j.ExecuteQuery(context.Background(), driver, cypher, nil, neo4j.EagerResultTransformer)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) != 1 {
		t.Fatalf("got %d rows for Litt's \"Really?\" rebuttal, want 1", len(res.Records))
	}
	rec := res.Records[0]
	get := func(key string) any { v, _ := rec.Get(key); return v }
	if got := get("target"); got != "us-statement-could-deter-authoritarians" {
		t.Errorf("Litt's \"Really?\" claim rebuts %v, want the deterrence claim", got)
	}
	if got := get("author"); got != "National Security Council staff" {
		t.Errorf("the deterrence claim is asserted by %v, want National Security Council staff", got)
	}
	if got := get("docKind"); got != "EMAIL" {
		t.Errorf("the quote was said in a %v, want the EMAIL", got)
	}
	if got := get("attribution"); got != "IN_DOCUMENT" {
		t.Errorf("attribution = %v, want IN_DOCUMENT", got)
	}
	text := []rune(get("sourceText").(string))
	start, end := int(get("start").(int64)), int(get("end").(int64))
	if got := string(text[start:end]); got != "Really?" {
		t.Errorf("source text at [%d,%d) = %q, want %q", start, end, got, "Really?")
	}
}

func TestPingAndMigrateAreRepeatable(t *testing.T) {
	db := neo4jtest.MustOpen(t)
	ctx := context.Background()
	if err := db.Ping(ctx); err != nil {
		t.Fatalf("Ping: %v", err)
	}
	if err := db.Migrate(ctx); err != nil {
		t.Fatalf("a second Migrate failed: %v", err)
	}
}

// TestFirstLoadSkipsRemoval: a dataset loaded into a graph that has never
// held it sends no removal statements (nothing of it can be stale; into a
// graph that holds none of its nodes, not even the one removing the links
// of its actors and sources) but asks Neo4j to resample the indexes it made
// outdated and records the load in the audit trail; a reload of a changed
// dataset sends the removal statements (links, relationships, claims,
// quotes) and no resampling (a reload that changes nothing is skipped
// whole: TestUnchangedReloadWritesNothing).
func TestFirstLoadSkipsRemoval(t *testing.T) {
	db := neo4jtest.MustOpen(t)
	if err := db.DeleteAll(context.Background()); err != nil {
		t.Fatal(err)
	}
	ds := linkedDataset("a", []string{"g1"}, nil, "")
	before := db.RoundTrips()
	MustWrite(t, db, ds)
	first := db.RoundTrips() - before
	// A changed reload is a full write: no resampling (nothing created or
	// removed), and the 4 removal statements.
	ds.Claims[0].Text = "Another claim."
	before = db.RoundTrips()
	sum := MustWrite(t, db, ds)
	reload := db.RoundTrips() - before
	if reload != first-1+4 {
		t.Errorf("first load: %d statements, changed reload: %d; want the reload to drop the resampling and add the 4 removal statements (%d)", first, reload, first-1+4)
	}
	if sum.Updated["Claim"] != 1 || len(sum.Created)+len(sum.Removed) > 0 {
		t.Errorf("changed reload: %+v, want one claim updated", sum)
	}
}

// TestEachQueryReportsUnderItsOwnName: Counters and Subgraph run one of
// several queries depending on their arguments, and each query reports its
// latency under a name of its own (for counters, the name store.Queries
// gives its text), so that the service's per-query metric tells them apart.
func TestEachQueryReportsUnderItsOwnName(t *testing.T) {
	var mu sync.Mutex
	var names []string
	cfg := neo4jtest.Config(t)
	cfg.ObserveQuery = func(name string, _ time.Duration) {
		mu.Lock()
		defer mu.Unlock()
		names = append(names, name)
	}
	ctx := context.Background()
	db, err := store.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close(ctx)
	last := func() string {
		mu.Lock()
		defer mu.Unlock()
		if len(names) == 0 {
			return ""
		}
		return names[len(names)-1]
	}
	counters := []struct {
		filter counterpoint.CounterFilter
		want   string
	}{
		{counterpoint.CounterFilter{First: 5}, "countersAll"},
		{counterpoint.CounterFilter{By: "x", First: 5}, "countersByActor"},
		{counterpoint.CounterFilter{By: "x", Against: "y", First: 5}, "countersByActor"},
		{counterpoint.CounterFilter{Against: "y", First: 5}, "countersAgainstActor"},
	}
	for _, c := range counters {
		if _, err := db.Counters(ctx, c.filter); err != nil {
			t.Fatal(err)
		}
		if got := last(); got != c.want {
			t.Errorf("Counters(%+v) reported as %q, want %q", c.filter, got, c.want)
		}
		if _, ok := store.Queries()[c.want]; !ok {
			t.Errorf("store.Queries has no query %q", c.want)
		}
	}
	subgraphs := []struct {
		query counterpoint.SubgraphQuery
		want  string
	}{
		{counterpoint.SubgraphQuery{Hops: 1, Limit: 5}, "subgraphAll"},
		{counterpoint.SubgraphQuery{IDs: []string{"x"}, Hops: 1, Limit: 5}, "subgraphSeeded"},
	}
	for _, s := range subgraphs {
		if _, err := db.Subgraph(ctx, s.query); err != nil {
			t.Fatal(err)
		}
		if got := last(); got != s.want {
			t.Errorf("Subgraph(%+v) reported as %q, want %q", s.query, got, s.want)
		}
	}
}
