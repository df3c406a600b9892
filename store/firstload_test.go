package store_test

import (
	"context"
	"maps"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/internal/neo4jtest"
)

// mustCypher runs one statement on the test Neo4j outside the store: a
// test's way to leave the graph in a state no write of the store leaves.
func mustCypher(tb testing.TB, cypher string, params map[string]any) {
	tb.Helper()
	cfg := neo4jtest.Config(tb)
	auth := neo4j.NoAuth()
	if cfg.Username != "" {
		auth = neo4j.BasicAuth(cfg.Username, cfg.Password, "")
	}
	driver, err := neo4j.NewDriverWithContext(cfg.URI, auth)
	if err != nil {
		tb.Fatal(err)
	}
	defer driver.Close(context.Background())
	if _, err := neo4j.ExecuteQuery(context.Background(), driver, cypher, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(cfg.Database)); err != nil {
		tb.Fatalf("%s: %v", cypher, err)
	}
}

// TestFirstLoadLeavesWhatMergingLeaves: a dataset's first load creates its
// claims, quotes and their relationships without looking for old ones; the
// graph it leaves is the one the merges leave. The merges are made to run
// by a claim of each dataset that the graph already holds without a
// dataset (as graphs written before datasets owned their claims do), which
// the load must take over rather than refuse.
func TestFirstLoadLeavesWhatMergingLeaves(t *testing.T) {
	db := neo4jtest.MustOpen(t)
	ctx := context.Background()
	first := neo4jtest.MustSeed(t, db)
	created := neo4jtest.MustStats(t, db)
	var datasets []*counterpoint.Dataset
	for _, r := range first {
		ds, err := db.ExportDataset(ctx, r.Dataset)
		if err != nil {
			t.Fatal(err)
		}
		datasets = append(datasets, ds)
	}
	if err := db.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	for i, ds := range datasets {
		legacy := ds.Claims[0].ID
		mustCypher(t, `CREATE (:Entity:Claim {id: $id, text: 'an older text'})`, map[string]any{"id": legacy})
		sum := MustWrite(t, db, ds)
		if sum.Updated["Claim"] != 1 {
			t.Errorf("loading %s over its claim %s without a dataset: %d claims updated, want 1 (the merges ran)", ds.ID, legacy, sum.Updated["Claim"])
		}
		merged := maps.Clone(sum.Created)
		for what, n := range sum.Updated {
			merged[what] += n
		}
		if !maps.Equal(merged, first[i].Summary.Created) {
			t.Errorf("loading %s with merges: created or updated %v, want what its first load created, %v", ds.ID, merged, first[i].Summary.Created)
		}
	}
	if got := neo4jtest.MustStats(t, db); got.Digest != created.Digest {
		t.Errorf("the graph written with merges differs from the first loads' (digest %s, want %s): nodes %v against %v, relationships %v against %v",
			got.Digest, created.Digest, got.Nodes, created.Nodes, got.Relationships, created.Relationships)
	}
}

// TestFirstLoadOfRelationsBetweenOthersClaims: a dataset's first load still
// merges what it cannot own alone: a relation between two claims of
// another dataset that the graph already links, and a relationship the
// dataset gives twice. Each is in the graph once.
func TestFirstLoadOfRelationsBetweenOthersClaims(t *testing.T) {
	db := neo4jtest.MustOpen(t)
	src := counterpoint.Source{ID: "fl-src", Title: "A report", Kind: counterpoint.SourceArticle}
	mayor := counterpoint.Actor{ID: "fl-mayor", Name: "The Mayor", Kind: counterpoint.ActorPerson}
	said := func(id, text string) counterpoint.Claim {
		return counterpoint.Claim{ID: id, Text: text, Date: "2024-01",
			Assertions: []counterpoint.Assertion{{Actor: mayor.ID, Source: src.ID, Attribution: counterpoint.InDocument}}}
	}
	a := &counterpoint.Dataset{ID: "fl-a", Title: "A", Sources: []counterpoint.Source{src}, Actors: []counterpoint.Actor{mayor},
		Claims:    []counterpoint.Claim{said("fl-a1", "The levee will hold."), said("fl-a2", "The levee will not hold.")},
		Relations: []counterpoint.Relation{{Kind: counterpoint.Rebuts, From: "fl-a2", To: "fl-a1", Inferred: true, Note: "A's reading"}},
	}
	b1 := said("fl-b1", "The engineers agree the levee will not hold.")
	b1.About = []string{mayor.ID, mayor.ID}
	b := &counterpoint.Dataset{ID: "fl-b", Title: "B", Requires: []string{"fl-a"}, Sources: []counterpoint.Source{src}, Actors: []counterpoint.Actor{mayor},
		Claims: []counterpoint.Claim{b1},
		Relations: []counterpoint.Relation{
			{Kind: counterpoint.Rebuts, From: "fl-a2", To: "fl-a1", Inferred: true, Note: "B's reading"},
			{Kind: counterpoint.Supports, From: "fl-b1", To: "fl-a2", Inferred: true, Note: "B's reading"},
		},
	}
	MustWrite(t, db, a)
	sum := MustWrite(t, db, b)
	if sum.Created["REBUTS"] != 0 {
		t.Errorf("B's first load created %d REBUTS, want none: A's fl-a2 REBUTS fl-a1 is in the graph already", sum.Created["REBUTS"])
	}
	got := neo4jtest.MustStats(t, db).Relationships
	for _, c := range []struct {
		typ  string
		want int
	}{{"REBUTS", 1}, {"SUPPORTS", 1}, {"ABOUT", 1}, {"ASSERTED", 3}} {
		if got[c.typ] != c.want {
			t.Errorf("after loading A then B: %d %s relationships, want %d (all: %v)", got[c.typ], c.typ, c.want, got)
		}
	}
}

// TestFreshLoadMakesEachLinkOnce: a dataset loaded into a graph that holds
// none of its nodes creates its actors and sources and their links too; a
// link given twice is one relationship, as a merge leaves it, the summary
// counts what is in the graph, and the same load again changes nothing.
func TestFreshLoadMakesEachLinkOnce(t *testing.T) {
	db := neo4jtest.MustOpen(t)
	paper := counterpoint.Source{ID: "fr-paper", Title: "The Paper", Kind: counterpoint.SourceArticle}
	src := counterpoint.Source{ID: "fr-src", Title: "A report", Kind: counterpoint.SourceArticle, Authors: []string{"fr-writer", "fr-writer"}, ReportedIn: paper.ID}
	council := counterpoint.Actor{ID: "fr-council", Name: "The Council", Kind: counterpoint.ActorOrganization}
	mayor := counterpoint.Actor{ID: "fr-mayor", Name: "The Mayor", Kind: counterpoint.ActorPerson, MemberOf: []string{council.ID, council.ID}}
	writer := counterpoint.Actor{ID: "fr-writer", Name: "A Writer", Kind: counterpoint.ActorPerson}
	ds := &counterpoint.Dataset{ID: "fr", Title: "Fresh", Sources: []counterpoint.Source{paper, src}, Actors: []counterpoint.Actor{council, mayor, writer},
		Claims: []counterpoint.Claim{{ID: "fr-c1", Text: "The levee will hold.", Date: "2024-01",
			Assertions: []counterpoint.Assertion{{Actor: mayor.ID, Source: src.ID, Attribution: counterpoint.InDocument}}}},
	}
	sum := MustWrite(t, db, ds)
	want := map[string]int{"Actor": 3, "Source": 2, "Claim": 1, "MEMBER_OF": 1, "AUTHORED_BY": 1, "REPORTED_IN": 1, "ASSERTED": 1}
	for what, n := range want {
		if sum.Created[what] != n {
			t.Errorf("fresh load: %d %s created, want %d (summary %v)", sum.Created[what], what, n, sum.Created)
		}
	}
	got := neo4jtest.MustStats(t, db)
	for _, typ := range []string{"MEMBER_OF", "AUTHORED_BY", "REPORTED_IN", "ASSERTED"} {
		if got.Relationships[typ] != 1 {
			t.Errorf("after a fresh load: %d %s relationships, want 1 (all: %v)", got.Relationships[typ], typ, got.Relationships)
		}
	}
	again := MustWrite(t, db, ds)
	if again.Changed() {
		t.Errorf("the same load again changed the graph: created %v, updated %v, removed %v", again.Created, again.Updated, again.Removed)
	}
	if after := neo4jtest.MustStats(t, db); after.Digest != got.Digest {
		t.Errorf("the same load again left digest %s, want %s", after.Digest, got.Digest)
	}
}

// TestFreshLoadRefusedOnAConstraintMerges: a fresh load creates without
// looking, so a node it makes twice (as a dataset that skipped the
// loader's checks can give it, or as another load can make one after the
// guard looked) breaks a uniqueness constraint; the write then runs again
// with merges, and the node is in the graph once.
func TestFreshLoadRefusedOnAConstraintMerges(t *testing.T) {
	db := neo4jtest.MustOpen(t)
	src := counterpoint.Source{ID: "fm-src", Title: "A report", Kind: counterpoint.SourceArticle}
	mayor := counterpoint.Actor{ID: "fm-mayor", Name: "The Mayor", Kind: counterpoint.ActorPerson}
	ds := &counterpoint.Dataset{ID: "fm", Title: "Twice", Sources: []counterpoint.Source{src}, Actors: []counterpoint.Actor{mayor, mayor},
		Claims: []counterpoint.Claim{{ID: "fm-c1", Text: "The levee will hold.", Date: "2024-01",
			Assertions: []counterpoint.Assertion{{Actor: mayor.ID, Source: src.ID, Attribution: counterpoint.InDocument}}}},
	}
	MustWrite(t, db, ds)
	got := neo4jtest.MustStats(t, db)
	if got.Nodes["Actor"] != 1 || got.Nodes["Claim"] != 1 || got.Relationships["ASSERTED"] != 1 {
		t.Errorf("after a fresh load giving an actor twice: nodes %v, relationships %v; want one actor, one claim, one ASSERTED", got.Nodes, got.Relationships)
	}
}
