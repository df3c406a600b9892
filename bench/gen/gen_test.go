package gen_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/counterpoint-news/counterpoint/format/datasetjson"

	"github.com/counterpoint-news/counterpoint/bench/gen"
	"github.com/counterpoint-news/counterpoint/loader"
)

// TestGeneratedDatasetPassesTheLoader: a generated dataset passes every
// check the loader makes (schema, ids, references, quotes verbatim at their
// code-point offsets), has the size asked for, and is reproducible.
func TestGeneratedDatasetPassesTheLoader(t *testing.T) {
	cfg := gen.Config{Elements: 10_000, Seed: 7}
	r := gen.Generate(cfg)
	dir := t.TempDir()
	files, err := gen.Write(dir, cfg, r)
	if err != nil {
		t.Fatal(err)
	}
	inputs, err := loader.ReadFiles(datasetjson.Reader, files.Dataset)
	if err != nil {
		t.Fatalf("the loader refuses the generated dataset: %v", err)
	}
	ds := inputs[0].Dataset
	if got := r.Counts.Elements; got < cfg.Elements || got > cfg.Elements*12/10 {
		t.Errorf("elements = %d, want about %d", got, cfg.Elements)
	}
	quotes := 0
	for _, c := range ds.Claims {
		quotes += len(c.Quotes)
	}
	if n := len(ds.Actors) + len(ds.Sources) + len(ds.Claims) + quotes; n != r.Counts.TotalNodes {
		t.Errorf("nodes in the file = %d, counted %d", n, r.Counts.TotalNodes)
	}
	p := r.Probes
	for name, n := range map[string]int{"actors": len(p.Actors), "claims": len(p.Claims), "threadRoots": len(p.ThreadRoots),
		"words": len(p.Words), "pairs": len(p.Pairs), "subgraphSeeds": len(p.SubgraphSeeds), "smallSeeds": len(p.SmallSeeds)} {
		if n == 0 {
			t.Errorf("no probes of kind %s", name)
		}
	}
	again := t.TempDir()
	if _, err := gen.Write(again, cfg, gen.Generate(cfg)); err != nil {
		t.Fatal(err)
	}
	a, _ := os.ReadFile(files.Dataset)
	b, _ := os.ReadFile(filepath.Join(again, filepath.Base(files.Dataset)))
	if !bytes.Equal(a, b) {
		t.Error("the same seed gave a different dataset")
	}
}
