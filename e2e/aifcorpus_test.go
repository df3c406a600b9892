package e2e_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint"
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

// mustLoadCorpus reads the maps of dir with --skip-invalid and, when
// aliases is true, the corpus's aliases file, and loads them.
func mustLoadCorpus(tb testing.TB, db *store.DB, dir string, aliases bool) []loader.Result {
	tb.Helper()
	files, err := loader.ExpandDirs([]string{dir})
	if err != nil {
		tb.Fatal(err)
	}
	opt := loader.Options{SkipInvalid: true}
	if aliases {
		if opt.Aliases, err = loader.ReadAliases(filepath.Join(dir, "aliases.txt")); err != nil {
			tb.Fatal(err)
		}
	}
	inputs, _, err := loader.Limits{}.Read(aif.Reader, opt, files...)
	if err != nil {
		tb.Fatalf("read %s: %v", dir, err)
	}
	results, err := loader.Load(context.Background(), db, inputs, loader.Progress{})
	if err != nil {
		tb.Fatalf("load %s: %v", dir, err)
	}
	return results
}

// mustExportAll writes every dataset of the graph as an AIF map into a new
// folder, as `counterpoint export --format aif --all` does, and returns it.
func mustExportAll(tb testing.TB, db *store.DB) string {
	tb.Helper()
	ctx := context.Background()
	dir := tb.TempDir()
	sums, err := db.DatasetSummaries(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	for _, s := range sums {
		ds, err := db.ExportDataset(ctx, s.ID)
		if err != nil {
			tb.Fatal(err)
		}
		var out bytes.Buffer
		if err := aif.Encode(&out, ds); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, s.ID+".aif.json"), out.Bytes(), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

// TestAIFCorpusRoundTrip: a generated corpus with every feature of issue
// 19 (recurring speakers spelt several ways and merged by the aliases
// file, audience members and unknown speakers, collectives in reported
// speech, TA-anchored illocutions, self-relations, undercutters,
// annotators' copies, placeholder dates), loaded, exported with every
// dataset and loaded into an emptied graph without the aliases file, gives
// the same digest. Maps joined by shared ids come back as one map with one
// transcript, so a group's digest is the same from the first reload on.
func TestAIFCorpusRoundTrip(t *testing.T) {
	db := neo4jtest.MustOpen(t)
	ctx := context.Background()
	tests := []struct {
		name       string
		cfg        aifcorpus.Config
		sameAtOnce bool // the first reload gives the original digest
	}{
		{"60 maps", aifcorpus.Config{Maps: 60, Seed: 19}, true},
		{"a group of 12 maps chained by shared ids", aifcorpus.Config{Maps: 12, Seed: 7, Chain: true}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.cfg.Dir = t.TempDir()
			st, err := aifcorpus.Write(tt.cfg)
			if err != nil {
				t.Fatal(err)
			}
			if tt.sameAtOnce && (st.TAYAs == 0 || st.SelfLoops == 0 || st.Undercutters == 0 || st.Copies == 0 || st.PlaceholderMaps == 0) {
				t.Fatalf("the generated corpus lacks a feature: %+v", st)
			}
			if err := db.DeleteAll(ctx); err != nil {
				t.Fatal(err)
			}
			mustLoadCorpus(t, db, tt.cfg.Dir, true)
			original := neo4jtest.MustStats(t, db)
			digests := []string{original.Digest}
			for range 2 {
				dir := mustExportAll(t, db)
				if err := db.DeleteAll(ctx); err != nil {
					t.Fatal(err)
				}
				mustLoadCorpus(t, db, dir, false)
				digests = append(digests, neo4jtest.MustStats(t, db).Digest)
			}
			if tt.sameAtOnce && digests[1] != digests[0] {
				t.Errorf("the export loaded into an emptied graph: nodes %v, relationships %v; the original: nodes %v, relationships %v",
					neo4jtest.MustStats(t, db).Nodes, neo4jtest.MustStats(t, db).Relationships, original.Nodes, original.Relationships)
			}
			if digests[2] != digests[1] {
				t.Errorf("digests of the original and two round trips %v: want the same from the first reload on", digests)
			}
		})
	}
}

// TestAIFCorpusReload: loading a corpus again changes nothing and writes
// nothing (each dataset recognised as unchanged with two reads); a map
// with one node changed reloads that claim, and only it.
func TestAIFCorpusReload(t *testing.T) {
	db := neo4jtest.MustOpen(t)
	ctx := context.Background()
	dir := t.TempDir()
	if _, err := aifcorpus.Write(aifcorpus.Config{Maps: 30, Seed: 5, Dir: dir}); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	mustLoadCorpus(t, db, dir, true)
	first := neo4jtest.MustStats(t, db)
	before := db.RoundTrips()
	results := mustLoadCorpus(t, db, dir, true)
	if n := db.RoundTrips() - before; n != int64(1+2*len(results)) {
		t.Errorf("reloading %d unchanged maps took %d statements, want the loader's read and 2 reads a map (%d)", len(results), n, 1+2*len(results))
	}
	for _, r := range results {
		if r.Summary.Changed() {
			t.Errorf("reloading %s unchanged changed it: %s", r.File, formatChanges(r.Summary))
		}
	}
	if got := neo4jtest.MustStats(t, db); got.Digest != first.Digest {
		t.Errorf("digest after an unchanged reload %s, want %s", got.Digest, first.Digest)
	}

	// One I node of one map says something else.
	file := filepath.Join(dir, "nodeset00007.json")
	b := mustRead(t, file)
	var m struct {
		Nodes []map[string]any `json:"nodes"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	var id, old string
	for _, n := range m.Nodes {
		if n["type"] == "I" {
			id, old = fmt.Sprint(n["nodeID"]), n["text"].(string)
			break
		}
	}
	const changed = "Nobody has costed the plan."
	if err := os.WriteFile(file, bytes.Replace(b, []byte(strconv.Quote(old)), []byte(strconv.Quote(changed)), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, r := range mustLoadCorpus(t, db, dir, true) {
		want := ""
		if r.Dataset == "nodeset00007" {
			want = "updated Claim: 1"
		}
		if got := formatChanges(r.Summary); got != want {
			t.Errorf("reload after one node of nodeset00007 changed: %s: %q, want %q", r.Dataset, got, want)
		}
	}
	ds, err := db.ExportDataset(ctx, "nodeset00007")
	if err != nil {
		t.Fatal(err)
	}
	if i := slices.IndexFunc(ds.Claims, func(c counterpoint.Claim) bool { return c.ID == "aif-"+id }); i < 0 || ds.Claims[i].Text != changed {
		t.Errorf("claim aif-%s after the reload: %+v, want the text %q", id, ds.Claims, changed)
	}
}
