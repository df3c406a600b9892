package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/internal/neo4jtest"
)

// TestRelationsAcrossDatasetsRestore: two datasets related both ways (a
// claim curated through the store supports one of the article's, and one
// of the article's rebuts it) are backed up by `export --all`, each file
// requiring the other; the folder loaded into an empty graph, in either
// order, gives the digest the graph had; each file alone is refused,
// naming the dataset it requires, and leaves the graph empty.
func TestRelationsAcrossDatasetsRestore(t *testing.T) {
	db := neo4jtest.MustOpen(t)
	neo4jtest.MustSeed(t, db)
	cfg := neo4jtest.Config(t)
	t.Setenv("NEO4J_URI", cfg.URI)
	t.Setenv("NEO4J_USERNAME", cfg.Username)
	t.Setenv("NEO4J_PASSWORD", cfg.Password)
	t.Setenv("NEO4J_DATABASE", cfg.Database)
	cli := func(args ...string) (string, error) {
		var out, errOut bytes.Buffer
		err := run(context.Background(), args, &out, &errOut)
		return out.String() + errOut.String(), err
	}
	mustCLI := func(args ...string) string {
		t.Helper()
		out, err := cli(args...)
		if err != nil {
			t.Fatalf("counterpoint %q: %v\n%s", args, err, out)
		}
		return out
	}
	ctx := context.Background()
	empty := func() {
		t.Helper()
		if err := db.DeleteAll(ctx); err != nil {
			t.Fatal(err)
		}
	}

	const article, curated = "wapo-2015-encryption", "curated"
	claim := counterpoint.Claim{ID: "litt-doubts-again", Text: "The deterrence claim is doubtful.", Date: "2015-08",
		Assertions: []counterpoint.Assertion{{Actor: "robert-litt", Source: "litt-email-2015-08", Attribution: counterpoint.InDocument}},
		Quotes:     []counterpoint.Quote{{Text: "Really?", Kind: counterpoint.Direct, Source: "wapo-2015-encryption", Start: 7039, End: 7046}}}
	if err := db.UpsertClaim(ctx, claim); err != nil {
		t.Fatal(err)
	}
	for _, r := range []counterpoint.Relation{
		{Kind: counterpoint.Supports, From: claim.ID, To: "policy-is-hard-to-reach", Inferred: true, Note: "curated into the article"},
		{Kind: counterpoint.Rebuts, From: "healthy-debate-expected", To: claim.ID, Inferred: true, Note: "the article into curated"},
	} {
		if err := db.AddRelation(ctx, r); err != nil {
			t.Fatalf("addRelation %s %s %s: %v", r.From, r.Kind, r.To, err)
		}
	}
	want := neo4jtest.MustStats(t, db)

	dir := t.TempDir()
	mustCLI("export", "--all", "-o", dir)
	files := map[string]string{article: filepath.Join(dir, article+".json"), curated: filepath.Join(dir, curated+".json")}
	for id, other := range map[string]string{article: curated, curated: article} {
		b, err := os.ReadFile(files[id])
		if err != nil {
			t.Fatal(err)
		}
		if wantReq := `"requires": [` + "\n    \"" + other + "\"\n  ]"; !bytes.Contains(b, []byte(wantReq)) {
			t.Errorf("export of %s: no %s in it", id, wantReq)
		}
	}
	exported, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	reversed := slices.Clone(exported)
	slices.Reverse(reversed)

	for _, order := range [][]string{exported, reversed} {
		empty()
		mustCLI(append([]string{"load"}, order...)...)
		if got := neo4jtest.MustStats(t, db); got.Digest != want.Digest {
			t.Errorf("load %v: digest %s, want %s\nrelationships %v, want %v", order, got.Digest, want.Digest, got.Relationships, want.Relationships)
		}
	}
	// A reload of one dataset while the other is in the graph keeps both
	// relations.
	mustCLI("load", files[article])
	mustCLI("load", files[curated])
	if got := neo4jtest.MustStats(t, db); got.Digest != want.Digest {
		t.Errorf("reloading each dataset alone: digest %s, want %s\nrelationships %v, want %v", got.Digest, want.Digest, got.Relationships, want.Relationships)
	}

	tests := []struct {
		file, wantErr string
	}{
		{article, `relations[14].to: unknown claim "litt-doubts-again": it is in no dataset of this load nor in the graph; dataset "curated", which this file requires, is not loaded`},
		{curated, `relations[0].to: unknown claim "policy-is-hard-to-reach": it is in no dataset of this load nor in the graph; dataset "wapo-2015-encryption", which this file requires, is not loaded`},
	}
	for _, tt := range tests {
		empty()
		out, err := cli("load", files[tt.file])
		if err == nil || !strings.Contains(out+err.Error(), tt.wantErr) {
			t.Errorf("load %s alone: error %v\n%s\nwant one containing %q", tt.file, err, out, tt.wantErr)
		}
		if got := neo4jtest.MustStats(t, db); len(got.Nodes) != 0 {
			t.Errorf("load %s alone failed but left %v in the graph", tt.file, got.Nodes)
		}
	}
}
