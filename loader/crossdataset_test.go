package loader_test

import (
	"context"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/internal/neo4jtest"
	"github.com/counterpoint-news/counterpoint/loader"
)

// twoDebates are two datasets whose relations point into each other, and
// a third that points into the first without requiring it.
func twoDebates() (a, b, c *counterpoint.Dataset) {
	mk := func(id string, requires []string, claims []string, rels ...counterpoint.Relation) *counterpoint.Dataset {
		ds := &counterpoint.Dataset{ID: id, Title: id, Requires: requires,
			Sources: []counterpoint.Source{{ID: "cross-src", Title: "A report", Kind: counterpoint.SourceArticle}},
			Actors:  []counterpoint.Actor{{ID: "cross-mayor", Name: "The Mayor", Kind: counterpoint.ActorPerson}},
		}
		for _, c := range claims {
			ds.Claims = append(ds.Claims, counterpoint.Claim{ID: c, Text: "Claim " + c + ".", Date: "2024-01",
				Assertions: []counterpoint.Assertion{{Actor: "cross-mayor", Source: "cross-src", Attribution: counterpoint.InDocument}}})
		}
		ds.Relations = rels
		return ds
	}
	rel := func(from, to string) counterpoint.Relation {
		return counterpoint.Relation{Kind: counterpoint.Rebuts, From: from, To: to, Inferred: true, Note: "test"}
	}
	a = mk("debate-a", []string{"debate-b"}, []string{"a1", "a2"}, rel("a1", "a2"), rel("a1", "b1"))
	b = mk("debate-b", []string{"debate-a"}, []string{"b1"}, rel("b1", "a2"))
	c = mk("debate-c", nil, []string{"c1"}, rel("c1", "a1"))
	c.Requires = []string{"debate-b"}
	return a, b, c
}

// TestLoadAcrossDatasets loads two datasets related both ways into the
// real Neo4j in either order (the same graph), reloads one alone, and
// refuses a dataset whose relation ends in a dataset it does not require,
// or in one not loaded, naming it and writing nothing.
func TestLoadAcrossDatasets(t *testing.T) {
	db := neo4jtest.MustOpen(t)
	ctx := context.Background()
	a, b, c := twoDebates()
	load := func(ds ...*counterpoint.Dataset) error {
		var inputs []loader.Input
		for _, d := range ds {
			inputs = append(inputs, loader.Input{File: d.ID + ".json", Dataset: d})
		}
		_, err := loader.Load(ctx, db, inputs, loader.Progress{})
		return err
	}
	empty := func() {
		if err := db.DeleteAll(ctx); err != nil {
			t.Fatal(err)
		}
	}
	empty()
	if err := load(a, b); err != nil {
		t.Fatalf("load a, b: %v", err)
	}
	want := neo4jtest.MustStats(t, db)
	if want.Relationships["REBUTS"] != 3 {
		t.Errorf("load a, b: %d REBUTS, want 3", want.Relationships["REBUTS"])
	}
	empty()
	if err := load(b, a); err != nil {
		t.Fatalf("load b, a: %v", err)
	}
	if got := neo4jtest.MustStats(t, db); got.Digest != want.Digest {
		t.Errorf("load b, a: relationships %v, want %v (as a, b gave)", got.Relationships, want.Relationships)
	}
	if err := load(a); err != nil {
		t.Fatalf("reload a alone: %v", err)
	}
	if got := neo4jtest.MustStats(t, db); got.Digest != want.Digest {
		t.Errorf("reload a alone: relationships %v, want %v", got.Relationships, want.Relationships)
	}

	// b without its claim b1, which a's relation a1 -> b1 ends at.
	bDrops := *b
	bDrops.Claims, bDrops.Relations = bDrops.Claims[:0:0], nil
	bDrops.Claims = append(bDrops.Claims, counterpoint.Claim{ID: "b2", Text: "Claim b2.", Date: "2024-01",
		Assertions: []counterpoint.Assertion{{Actor: "cross-mayor", Source: "cross-src", Attribution: counterpoint.InDocument}}})
	tests := []struct {
		name    string
		empty   bool
		load    []*counterpoint.Dataset
		wantErr string
	}{
		{"a reload that cuts another dataset's relation", false, []*counterpoint.Dataset{&bDrops},
			"this load drops claims that relations of other datasets end at (1), and would remove those relations; nothing was written. Take the relations out of those datasets (or load them too), or give --cut-relations to remove them:\n  debate-b: a1 REBUTS b1 (of dataset \"debate-a\")"},
		{"a relation to a claim the load drops", false, []*counterpoint.Dataset{a, &bDrops},
			`debate-a.json: $.relations[1].to: unknown claim "b1": dataset "debate-b" of this load no longer holds it (the graph's earlier version did)`},
		{"into a dataset it does not require", false, []*counterpoint.Dataset{c},
			`debate-c.json: $.relations[0].to: claim "a1" is in dataset "debate-a", which this file does not require; add "debate-a" to requires`},
		{"the required dataset not loaded", true, []*counterpoint.Dataset{b},
			`debate-b.json: $.relations[0].to: unknown claim "a2": it is in no dataset of this load nor in the graph; dataset "debate-a", which this file requires, is not loaded`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.empty {
				empty()
			}
			before := neo4jtest.MustStats(t, db)
			err := load(tt.load...)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error = %v, want one containing %q", err, tt.wantErr)
			}
			if got := neo4jtest.MustStats(t, db); got.Digest != before.Digest {
				t.Errorf("a refused load changed the graph: nodes %v, want %v", got.Nodes, before.Nodes)
			}
		})
	}

	// Asked to, the reload cuts the relation.
	empty()
	if err := load(a, b); err != nil {
		t.Fatalf("load a, b: %v", err)
	}
	inputs := []loader.Input{{File: "debate-b.json", Dataset: &bDrops}}
	if _, err := (loader.LoadOptions{CutRelations: true}).Load(ctx, db, inputs, loader.Progress{}); err != nil {
		t.Fatalf("reload b without b1, cutting relations: %v", err)
	}
	if got := neo4jtest.MustStats(t, db); got.Relationships["REBUTS"] != 1 {
		t.Errorf("after the cut: %d REBUTS, want 1 (a1 -> a2)", got.Relationships["REBUTS"])
	}
}
