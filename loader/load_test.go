package loader_test

import (
	"context"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/format/datasetjson"
	"github.com/counterpoint-news/counterpoint/internal/datasettest"
	"github.com/counterpoint-news/counterpoint/internal/neo4jtest"
	"github.com/counterpoint-news/counterpoint/loader"
)

// TestLoadIsIdempotent loads the article twice into the real Neo4j: the
// first load creates everything, the second changes nothing.
func TestLoadIsIdempotent(t *testing.T) {
	db := neo4jtest.MustOpen(t)
	first := neo4jtest.MustSeed(t, db)[0].Summary
	if first.Created["Claim"] == 0 || first.Created["REBUTS"] == 0 || len(first.Updated) != 0 {
		t.Fatalf("first load: created %v, updated %v; want claims and REBUTS created, nothing updated", first.Created, first.Updated)
	}
	before := neo4jtest.MustStats(t, db)

	second := neo4jtest.MustSeed(t, db)[0].Summary
	if second.Changed() {
		t.Errorf("second load changed the graph: created %v, updated %v, removed %v", second.Created, second.Updated, second.Removed)
	}
	for what, n := range first.Created {
		if second.Unchanged[what] != n {
			t.Errorf("second load: %s unchanged = %d, want %d (as created by the first)", what, second.Unchanged[what], n)
		}
	}
	after := neo4jtest.MustStats(t, db)
	if before.Digest != after.Digest {
		t.Errorf("graph digest changed on reload: nodes %v -> %v, relationships %v -> %v", before.Nodes, after.Nodes, before.Relationships, after.Relationships)
	}
	inputs, _ := loader.ReadFiles(datasetjson.Reader, seedFile)
	ds := inputs[0].Dataset
	quotes := 0
	for _, c := range ds.Claims {
		quotes += len(c.Quotes)
	}
	want := map[string]int{"Actor": len(ds.Actors), "Claim": len(ds.Claims), "Source": len(ds.Sources), "Quote": quotes}
	for label, n := range want {
		if after.Nodes[label] != n {
			t.Errorf("graph has %d %s nodes, want %d", after.Nodes[label], label, n)
		}
	}
}

// TestLoadRefusesBadDatasetsAndWritesNothing runs every bad dataset through
// the whole load path against a seeded graph: each is refused, and the
// graph is exactly as before.
func TestLoadRefusesBadDatasetsAndWritesNothing(t *testing.T) {
	db := neo4jtest.MustOpen(t)
	neo4jtest.MustSeed(t, db)
	before := neo4jtest.MustStats(t, db)
	for _, tt := range badDatasets() {
		t.Run(tt.name, func(t *testing.T) {
			file := datasettest.MustWriteDataset(t, "bad.json", tt.content(t))
			inputs, err := loader.ReadFiles(datasetjson.Reader, file)
			if err == nil {
				_, err = loader.Load(context.Background(), db, inputs, loader.Progress{})
			}
			if err == nil {
				t.Fatalf("%s was loaded; want it refused", tt.name)
			}
			if after := neo4jtest.MustStats(t, db); after.Digest != before.Digest {
				t.Errorf("graph changed after refusing %s: nodes %v -> %v", tt.name, before.Nodes, after.Nodes)
			}
		})
	}
}

// TestLoadRefusesClashesWithTheGraph: checks only the graph can make
// (another dataset's claim, an id used by another kind) stop the write
// inside the transaction, leaving the graph as it was.
func TestLoadRefusesClashesWithTheGraph(t *testing.T) {
	db := neo4jtest.MustOpen(t)
	neo4jtest.MustSeed(t, db)
	before := neo4jtest.MustStats(t, db)
	tests := []struct {
		name    string
		mutate  func(m map[string]any)
		wantMsg string
	}{
		{"claim owned by another dataset", func(m map[string]any) {
			m["id"] = "another-article"
		}, `belongs to dataset wapo-2015-encryption`},
		{"id used by another kind", func(m map[string]any) {
			m["id"] = "another-article"
			for _, c := range m["claims"].([]any) {
				c := c.(map[string]any)
				c["id"] = "x-" + c["id"].(string)
				for _, q := range c["quotes"].([]any) {
					delete(q.(map[string]any), "id")
				}
			}
			for _, r := range m["relations"].([]any) {
				r := r.(map[string]any)
				r["from"], r["to"] = "x-"+r["from"].(string), "x-"+r["to"].(string)
			}
			// A new source whose id is an actor's in the graph.
			at(m, "sources", 4).(map[string]any)["id"] = "china"
			for _, c := range m["claims"].([]any) {
				for _, a := range c.(map[string]any)["assertions"].([]any) {
					if a.(map[string]any)["source"] == "yates-testimony-2015-07" {
						a.(map[string]any)["source"] = "china"
					}
				}
				for _, q := range c.(map[string]any)["quotes"].([]any) {
					if q.(map[string]any)["document"] == "yates-testimony-2015-07" {
						q.(map[string]any)["document"] = "china"
					}
				}
			}
			for _, a := range m["actors"].([]any) {
				if a.(map[string]any)["id"] == "china" {
					a.(map[string]any)["id"] = "china-state"
				}
			}
			for _, c := range m["claims"].([]any) {
				about, _ := c.(map[string]any)["about"].([]any)
				for i, a := range about {
					if a == "china" {
						about[i] = "china-state"
					}
				}
			}
		}, `id "china" is already a Actor in the graph, not a Source`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := datasettest.MustSeedJSON(t)
			tt.mutate(m)
			file := datasettest.MustWriteDataset(t, "clash.json", datasettest.MustJSON(t, m))
			inputs, err := loader.ReadFiles(datasetjson.Reader, file)
			if err != nil {
				t.Fatalf("the dataset itself should be valid: %v", err)
			}
			_, err = loader.Load(context.Background(), db, inputs, loader.Progress{})
			if err == nil {
				t.Fatal("a dataset that clashes with the graph was loaded")
			}
			if code := domainError(err).Code; code != counterpoint.EINVALID {
				t.Errorf("error code = %q, want %q (%v)", code, counterpoint.EINVALID, err)
			}
			if msg := domainError(err).Message; !strings.Contains(msg, tt.wantMsg) {
				t.Errorf("error message %q does not say %q", msg, tt.wantMsg)
			}
			if after := neo4jtest.MustStats(t, db); after.Digest != before.Digest {
				t.Errorf("graph changed: nodes %v -> %v", before.Nodes, after.Nodes)
			}
		})
	}
}

// TestReloadOfACorrectedDatasetConverges: a curator removes a relation and
// a claim from the dataset; loading it again removes them from the graph.
func TestReloadOfACorrectedDatasetConverges(t *testing.T) {
	db := neo4jtest.MustOpen(t)
	neo4jtest.MustSeed(t, db)
	m := datasettest.MustSeedJSON(t)
	rels := m["relations"].([]any)
	m["relations"] = rels[1:]
	claims := m["claims"].([]any)
	last := claims[len(claims)-1].(map[string]any)["id"].(string)
	m["claims"] = claims[:len(claims)-1]
	for _, r := range rels[1:] {
		if r.(map[string]any)["from"] == last || r.(map[string]any)["to"] == last {
			t.Fatalf("test assumes claim %q is in no relation", last)
		}
	}
	file := datasettest.MustWriteDataset(t, "corrected.json", datasettest.MustJSON(t, m))
	inputs, err := loader.ReadFiles(datasetjson.Reader, file)
	if err != nil {
		t.Fatal(err)
	}
	res, err := loader.Load(context.Background(), db, inputs, loader.Progress{})
	if err != nil {
		t.Fatal(err)
	}
	sum := res[0].Summary
	kind := rels[0].(map[string]any)["kind"].(string)
	if sum.Removed["Claim"] != 1 || sum.Removed[kind] != 1 {
		t.Errorf("removed = %v; want 1 Claim (%s) and 1 %s", sum.Removed, last, kind)
	}
	// Loading the corrected file into a fresh graph gives the same graph.
	converged := neo4jtest.MustStats(t, db)
	fresh := neo4jtest.MustOpen(t)
	if _, err := loader.Load(context.Background(), fresh, inputs, loader.Progress{}); err != nil {
		t.Fatal(err)
	}
	if got := neo4jtest.MustStats(t, fresh); got.Digest != converged.Digest {
		t.Errorf("reloaded graph differs from a fresh load: nodes %v vs %v, relationships %v vs %v", converged.Nodes, got.Nodes, converged.Relationships, got.Relationships)
	}
}
