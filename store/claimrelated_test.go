package store_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/internal/neo4jtest"
	"github.com/counterpoint-news/counterpoint/loader"
	"github.com/counterpoint-news/counterpoint/store"
)

// mustRephraseGraph empties the test graph and writes one debate: claim
// "a1" of dataset "debate-a", said by "a-mayor" in "a-src", and a second
// source "b-src" with a text for the claims the tests write.
func mustRephraseGraph(t *testing.T, db *store.DB) {
	t.Helper()
	ctx := context.Background()
	if err := db.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	ds := &counterpoint.Dataset{ID: "debate-a", Title: "Debate A",
		Sources: []counterpoint.Source{{ID: "a-src", Title: "A report", Kind: counterpoint.SourceArticle}},
		Actors:  []counterpoint.Actor{{ID: "a-mayor", Name: "Ana Ruiz", Kind: counterpoint.ActorPerson}},
		Claims: []counterpoint.Claim{{ID: "a1", Text: "The bridge will close in May.", Date: "2024-01",
			Assertions: []counterpoint.Assertion{{Actor: "a-mayor", Source: "a-src", Attribution: counterpoint.InDocument}}}},
	}
	if _, err := db.WriteDataset(ctx, ds, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ImportSource(ctx, counterpoint.Source{ID: "b-src", Title: "A later report", Kind: counterpoint.SourceArticle,
		Text: "Ana Ruiz said the crossing “shuts in May” for repairs."}); err != nil {
		t.Fatal(err)
	}
}

// restatement is claim id of dataset "debate-b" quoting b-src.
func restatement(id string) counterpoint.Claim {
	return counterpoint.Claim{ID: id, Text: "The crossing shuts in May.", Dataset: "debate-b",
		Assertions: []counterpoint.Assertion{{Actor: "a-mayor", Source: "b-src", Attribution: counterpoint.OnRecord}},
		Quotes:     []counterpoint.Quote{{Text: "shuts in May", Kind: counterpoint.Direct, Source: "b-src", Start: 28, End: 40}}}
}

// TestUpsertClaimRelatedRephrases: a claim written with its REPHRASES link
// to a claim of another dataset is one write: the claim, the link (the
// curator's reading, owned by the claim's dataset), one CREATE in the
// claim's history with the link in its snapshot, and an export of the
// claim's dataset that requires the other.
func TestUpsertClaimRelatedRephrases(t *testing.T) {
	db := neo4jtest.MustOpen(t)
	mustRephraseGraph(t, db)
	ctx := context.Background()
	zero := 0
	c := restatement("b1")
	c.Base = &zero
	if err := db.UpsertClaimRelated(ctx, c, []counterpoint.Relation{counterpoint.Rephrasing("b1", "a1", "")}); err != nil {
		t.Fatalf("UpsertClaimRelated(b1 REPHRASES a1): %v", err)
	}
	rels, _, err := db.RelationsOf(ctx, []string{"b1"})
	if err != nil {
		t.Fatal(err)
	}
	want := counterpoint.Relation{Kind: counterpoint.Rephrases, From: "b1", To: "a1", Inferred: true, Note: counterpoint.RephraseNote}
	if len(rels) != 1 || rels[0].Kind != want.Kind || rels[0].From != want.From || rels[0].To != want.To || !rels[0].Inferred || rels[0].Note != want.Note {
		t.Errorf("relations of b1: got %+v, want [%+v]", rels, want)
	}
	h, err := db.History(ctx, "b1", 10)
	if err != nil {
		t.Fatal(err)
	}
	var own []counterpoint.Change
	for _, ch := range h {
		if ch.Entity == "b1" {
			own = append(own, ch)
		}
	}
	if len(own) != 1 || own[0].Action != counterpoint.ChangeCreate || own[0].Version != 1 || !strings.Contains(own[0].After, `"REPHRASES"`) {
		t.Errorf("history of b1: got %+v, want one CREATE at version 1 whose snapshot holds the REPHRASES link", own)
	}
	ds, err := db.ExportDataset(ctx, "debate-b")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ds.Requires, []string{"debate-a"}) || len(ds.Relations) != 1 || ds.Relations[0].To != "a1" {
		t.Errorf("export of debate-b: requires %v, relations %+v; want requires [debate-a] and b1 REPHRASES a1", ds.Requires, ds.Relations)
	}
	if err := ds.Validate(); err != nil {
		t.Errorf("export of debate-b does not validate: %v", err)
	}
	// The exported file loads again over the graph that holds debate-a, and changes nothing.
	before := neo4jtest.MustStats(t, db)
	if _, err := loader.Load(ctx, db, []loader.Input{{File: "debate-b.json", Dataset: ds}}, loader.Progress{}); err != nil {
		t.Fatalf("loading the export of debate-b again: %v", err)
	}
	if after := neo4jtest.MustStats(t, db); after.Digest != before.Digest {
		t.Errorf("loading the export of debate-b again changed the graph: %v → %v", before.Relationships, after.Relationships)
	}
}

// TestUpsertClaimRelatedRefuses: any check that fails, of the claim or of
// its link, refuses the whole write, naming the field, and leaves the graph
// as it was.
func TestUpsertClaimRelatedRefuses(t *testing.T) {
	db := neo4jtest.MustOpen(t)
	ctx := context.Background()
	one := 1
	tests := []struct {
		name  string
		claim func() counterpoint.Claim
		rels  []counterpoint.Relation
		code  string
		field string
	}{
		{"the restated claim is not in the graph", func() counterpoint.Claim { return restatement("b2") },
			[]counterpoint.Relation{counterpoint.Rephrasing("b2", "no-such-claim", "")}, counterpoint.EINVALID, "relations[0].to"},
		{"a link to the claim itself", func() counterpoint.Claim { return restatement("b2") },
			[]counterpoint.Relation{counterpoint.Rephrasing("b2", "b2", "")}, counterpoint.EINVALID, "relations[0].to"},
		{"a link from another claim", func() counterpoint.Claim { return restatement("b2") },
			[]counterpoint.Relation{counterpoint.Rephrasing("a1", "a1", "")}, counterpoint.EINVALID, "relations[0].from"},
		{"a quote not at its offsets", func() counterpoint.Claim { c := restatement("b2"); c.Quotes[0].Start = 3; return c },
			[]counterpoint.Relation{counterpoint.Rephrasing("b2", "a1", "")}, counterpoint.EINVALID, "quotes[0]"},
		{"a stale version of a new claim", func() counterpoint.Claim { c := restatement("b2"); c.Base = &one; return c },
			[]counterpoint.Relation{counterpoint.Rephrasing("b2", "a1", "")}, counterpoint.ECONFLICT, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mustRephraseGraph(t, db)
			before := neo4jtest.MustStats(t, db)
			err := db.UpsertClaimRelated(ctx, tt.claim(), tt.rels)
			var e *counterpoint.Error
			if !errors.As(err, &e) || e.Code != tt.code || !strings.HasPrefix(e.Field, tt.field) {
				t.Fatalf("UpsertClaimRelated: error %v, want code %s on field %q", err, tt.code, tt.field)
			}
			if after := neo4jtest.MustStats(t, db); after.Digest != before.Digest {
				t.Errorf("the refused write changed the graph: %v → %v", before.Nodes, after.Nodes)
			}
		})
	}
}
