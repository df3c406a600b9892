package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/bench/gen"
	"github.com/counterpoint-news/counterpoint/internal/neo4jtest"
)

// TestExportCommand runs `counterpoint export` against the test Neo4j: every
// dataset into a folder, files that `counterpoint validate` accepts; an
// unknown dataset named in the error; a dataset whose relation points into
// another dataset's claim written with that dataset in its requires.
func TestExportCommand(t *testing.T) {
	db := neo4jtest.MustOpen(t)
	neo4jtest.MustSeed(t, db)
	neo4jtest.SetEnv(t)
	dir := t.TempDir()
	cli := func(args ...string) (string, error) {
		var out, errOut bytes.Buffer
		err := run(context.Background(), args, &out, &errOut)
		return out.String(), err
	}

	// A re-export over the curated file keeps its title and description.
	copyFile := filepath.Join(t.TempDir(), "wapo.json")
	b, err := os.ReadFile("../../data/wapo-2015-encryption.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(copyFile, b, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		args    []string
		wantOut string
		wantErr string
	}{
		{"all", []string{"export", "--all", "-o", dir}, `dataset "wapo-2015-encryption" exported: 5 sources, 21 actors, 41 claims, 58 quotes, 28 relations`, ""},
		{"the export validates", []string{"validate", filepath.Join(dir, "wapo-2015-encryption.json")}, "41 claims, 58 quotes", ""},
		{"re-export keeps the title", []string{"export", "--dataset", "wapo-2015-encryption", "-o", copyFile}, "", ""},
		{"unknown dataset", []string{"export", "--dataset", "no-such-dataset", "-o", filepath.Join(dir, "x.json")}, "", `dataset "no-such-dataset" is not in the graph`},
		{"neither --dataset nor --all", []string{"export"}, "", "--dataset"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := cli(tt.args...)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("%q: error = %v, want one containing %q", tt.args, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("%q: %v", tt.args, err)
			}
			if !strings.Contains(out, tt.wantOut) {
				t.Errorf("%q printed %q, want %q in it", tt.args, out, tt.wantOut)
			}
		})
	}
	if b, err := os.ReadFile(copyFile); err != nil || !bytes.Contains(b, []byte(`"title": "The White House encryption debate (The Washington Post, 2015)"`)) {
		t.Errorf("a re-export over the curated file lost its title (%v)", err)
	}

	// A curated claim that supports one of the article's: the relation
	// belongs to "curated" and names a claim of another dataset, which a
	// dataset file cannot.
	ctx := context.Background()
	claim := counterpoint.Claim{ID: "litt-doubts-again", Text: "The deterrence claim is doubtful.",
		Assertions: []counterpoint.Assertion{{Actor: "robert-litt", Source: "litt-email-2015-08", Attribution: counterpoint.InDocument}},
		Quotes:     []counterpoint.Quote{{Text: "Really?", Kind: counterpoint.Direct, Source: "wapo-2015-encryption", Start: 7039, End: 7046}}}
	if err := db.UpsertClaim(ctx, claim); err != nil {
		t.Fatal(err)
	}
	if err := db.AddRelation(ctx, counterpoint.Relation{Kind: counterpoint.Supports, From: claim.ID, To: "policy-is-hard-to-reach", Inferred: true, Note: "test"}); err != nil {
		t.Fatal(err)
	}
	all := t.TempDir()
	out, err := cli("export", "--all", "-o", all)
	if err != nil {
		t.Fatalf("export --all with a relation into another dataset: %v", err)
	}
	b, err = os.ReadFile(filepath.Join(all, "curated.json"))
	if err != nil || !bytes.Contains(b, []byte(`"requires": [`+"\n"+`    "wapo-2015-encryption"`+"\n"+`  ]`)) {
		t.Errorf("export --all: curated.json (%v) does not require the article's dataset:\n%s", err, b)
	}
	if !strings.Contains(out, `dataset "wapo-2015-encryption" exported`) || !strings.Contains(out, `dataset "curated" exported`) {
		t.Errorf("export --all printed %q; want both datasets exported", out)
	}
}

// TestExportAllRestores: `counterpoint export --all` is a backup. Three
// datasets (the article, a generated one with texts of its own, and a claim
// curated through the API) exported into a folder, the graph emptied, and
// every exported file given to `counterpoint load`: the graph's digest, as
// `counterpoint stats` prints it, is the one it had.
func TestExportAllRestores(t *testing.T) {
	db := neo4jtest.MustOpen(t)
	neo4jtest.MustSeed(t, db)
	neo4jtest.SetEnv(t)
	cli := func(args ...string) string {
		t.Helper()
		var out, errOut bytes.Buffer
		if err := run(context.Background(), args, &out, &errOut); err != nil {
			t.Fatalf("counterpoint %q: %v\n%s", args, err, errOut.String())
		}
		return out.String()
	}
	digest := func() string {
		t.Helper()
		out := cli("stats")
		for _, line := range strings.Split(out, "\n") {
			if d, ok := strings.CutPrefix(line, "digest: "); ok {
				return d
			}
		}
		t.Fatalf("counterpoint stats printed no digest:\n%s", out)
		return ""
	}

	genCfg := gen.Config{Elements: 3000, Seed: 7}
	files, err := gen.Write(t.TempDir(), genCfg, gen.Generate(genCfg))
	if err != nil {
		t.Fatal(err)
	}
	cli("load", files.Dataset)
	claim := counterpoint.Claim{ID: "litt-doubts-again", Text: "The deterrence claim is doubtful.", Date: "2015-08",
		Assertions: []counterpoint.Assertion{{Actor: "robert-litt", Source: "litt-email-2015-08", Attribution: counterpoint.InDocument}},
		Quotes:     []counterpoint.Quote{{Text: "Really?", Kind: counterpoint.Direct, Source: "wapo-2015-encryption", Start: 7039, End: 7046}}}
	if err := db.UpsertClaim(context.Background(), claim); err != nil {
		t.Fatal(err)
	}
	before := neo4jtest.MustStats(t, db)
	want := digest()

	dir := t.TempDir()
	cli("export", "--all", "-o", dir)
	exported, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	// The three datasets, and shared.json: the actors no claim names
	// (the generated dataset has such).
	if len(exported) != 4 {
		t.Fatalf("export --all wrote %v, want three dataset files and shared.json", exported)
	}
	if err := db.DeleteAll(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := neo4jtest.MustStats(t, db); len(got.Nodes) != 0 {
		t.Fatalf("the emptied graph still holds %v", got.Nodes)
	}
	cli(append([]string{"load"}, exported...)...)
	if got := digest(); got != want {
		after := neo4jtest.MustStats(t, db)
		t.Errorf("restored from export --all: digest %s, want %s\nnodes %v, want %v\nrelationships %v, want %v",
			got, want, after.Nodes, before.Nodes, after.Relationships, before.Relationships)
	}
}
