package e2e_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint/bench/aifcorpus"
	"github.com/counterpoint-news/counterpoint/format/aif"
	"github.com/counterpoint-news/counterpoint/internal/neo4jtest"
	"github.com/counterpoint-news/counterpoint/loader"
	"github.com/counterpoint-news/counterpoint/store"
)

// mustLoadSkipping reads files with --skip-invalid and loads them.
func mustLoadSkipping(tb testing.TB, db *store.DB, files ...string) []loader.Result {
	tb.Helper()
	inputs, _, err := loader.Limits{}.ReadFilesSkipInvalid(aif.Reader, files...)
	if err != nil {
		tb.Fatalf("read %v: %v", files, err)
	}
	results, err := loader.Load(context.Background(), db, inputs, loader.Progress{})
	if err != nil {
		tb.Fatalf("load %v: %v", files, err)
	}
	return results
}

// TestAIFCorpusMapsRoundTrip: single maps of the generated corpus, with
// the faults and features of a real one (annotators' copies, a claim
// rephrasing itself, TA-anchored illocutions, audience members,
// placeholder dates), load with --skip-invalid, and each exported
// and loaded into an emptied graph gives the same digest from the first
// reload; loading the export over the graph it came from changes nothing.
func TestAIFCorpusMapsRoundTrip(t *testing.T) {
	db := neo4jtest.MustOpen(t)
	ctx := context.Background()
	dir := t.TempDir()
	if _, err := aifcorpus.Write(aifcorpus.Config{Maps: 60, Seed: 19, Dir: dir}); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	picked := map[string]string{}
	for _, f := range files {
		b := mustRead(t, f)
		for feature, mark := range map[string]string{"copy": `Editor: `, "self-relation": `"type":"MA"`, "audience": "Aud"} {
			if _, ok := picked[feature]; !ok && strings.Contains(string(b), mark) {
				picked[feature] = f
			}
		}
	}
	if picked["copy"] == "" || picked["self-relation"] == "" || picked["audience"] == "" {
		t.Fatalf("the generated maps lack a feature: %v", picked)
	}
	t.Logf("maps picked: %v", picked)
	for feature, file := range picked {
		if err := db.DeleteAll(ctx); err != nil {
			t.Fatal(err)
		}
		results := mustLoadSkipping(t, db, file)
		original := neo4jtest.MustStats(t, db)
		ds, err := db.ExportDataset(ctx, results[0].Dataset)
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if err := aif.Encode(&out, ds); err != nil {
			t.Fatal(err)
		}
		back := filepath.Join(t.TempDir(), "exported.aif.json")
		if err := os.WriteFile(back, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		if feature == "copy" && !strings.Contains(out.String(), "Editor: ") {
			t.Errorf("%s: the export lost the annotator's copy", file)
		}
		for _, r := range mustLoadAIF(t, db, back) {
			if r.Summary.Changed() {
				t.Errorf("%s (%s): loading the export over the graph changed it: %s", file, feature, formatChanges(r.Summary))
			}
		}
		if err := db.DeleteAll(ctx); err != nil {
			t.Fatal(err)
		}
		mustLoadAIF(t, db, back)
		if again := neo4jtest.MustStats(t, db); again.Digest != original.Digest {
			t.Errorf("%s (%s): the export loaded into an empty graph: nodes %v, relationships %v; the original: nodes %v, relationships %v",
				file, feature, again.Nodes, again.Relationships, original.Nodes, original.Relationships)
		}
	}
}
