package e2e_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint/format/datasetjson"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/internal/neo4jtest"
	"github.com/counterpoint-news/counterpoint/loader"
	"github.com/counterpoint-news/counterpoint/store"
)

// articleDataset is the curated file of the article, as `counterpoint load`
// reads it.
const articleDataset = "../data/wapo-2015-encryption.json"

// MustLoadFiles reads dataset files with the loader's checks and writes
// them to db.
func MustLoadFiles(tb testing.TB, db *store.DB, files ...string) []loader.Result {
	tb.Helper()
	return MustLoadFormat(tb, db, datasetjson.Reader, files...)
}

// MustLoadFormat reads files in format with the loader's checks and writes
// them to db.
func MustLoadFormat(tb testing.TB, db *store.DB, format loader.Reader, files ...string) []loader.Result {
	tb.Helper()
	inputs, err := loader.ReadFiles(format, files...)
	if err != nil {
		tb.Fatalf("read %v: %v", files, err)
	}
	results, err := loader.Load(context.Background(), db, inputs, loader.Progress{})
	if err != nil {
		tb.Fatalf("load %v: %v", files, err)
	}
	return results
}

// MustExport exports dataset id from db into dir as <id>.json, with its
// source texts beside it, and returns the file's path.
func MustExport(tb testing.TB, db *store.DB, id, dir string) string {
	tb.Helper()
	ds, err := db.ExportDataset(context.Background(), id)
	if err != nil {
		tb.Fatalf("export %q: %v", id, err)
	}
	file := filepath.Join(dir, id+".json")
	if err := datasetjson.WriteFile(file, ds); err != nil {
		tb.Fatalf("write %q: %v", id, err)
	}
	return file
}

// mustRead reads a file the test wrote.
func mustRead(tb testing.TB, file string) []byte {
	tb.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// TestExportRoundTrip: the article's dataset, loaded and exported, is a
// file the loader reads and that gives the same graph: loading it over the
// graph changes nothing, and loading it into an emptied graph gives the
// same digest. Exporting an unchanged graph again gives the same bytes.
func TestExportRoundTrip(t *testing.T) {
	db := neo4jtest.MustOpen(t)
	MustLoadFiles(t, db, articleDataset)
	original := neo4jtest.MustStats(t, db)
	dir := t.TempDir()
	file := MustExport(t, db, "wapo-2015-encryption", dir)
	exported := mustRead(t, file)

	// The text is the curated text, byte for byte, where textFile says.
	text, want := mustRead(t, filepath.Join(dir, "sources", "wapo-2015-encryption.txt")), mustRead(t, "../data/sources/wapo-2015-encryption.txt")
	if !bytes.Equal(text, want) {
		t.Errorf("the exported article text (%d bytes) differs from data/sources/wapo-2015-encryption.txt (%d bytes)", len(text), len(want))
	}
	if !bytes.Contains(exported, []byte(`"textFile": "sources/wapo-2015-encryption.txt"`)) {
		t.Errorf("the export does not name its text file sources/wapo-2015-encryption.txt")
	}

	for _, r := range MustLoadFiles(t, db, file) {
		if r.Summary.Changed() {
			t.Errorf("loading the export over the graph it came from changed it: %s", formatChanges(r.Summary))
		}
	}
	if got := neo4jtest.MustStats(t, db); got.Digest != original.Digest {
		t.Errorf("loading the export over the graph changed its digest: nodes %v, relationships %v; want nodes %v, relationships %v", got.Nodes, got.Relationships, original.Nodes, original.Relationships)
	}

	if err := db.DeleteAll(context.Background()); err != nil {
		t.Fatal(err)
	}
	MustLoadFiles(t, db, file)
	if got := neo4jtest.MustStats(t, db); got.Digest != original.Digest {
		t.Errorf("the export loaded into an empty graph: nodes %v, relationships %v, digest %s; the original: nodes %v, relationships %v, digest %s",
			got.Nodes, got.Relationships, got.Digest, original.Nodes, original.Relationships, original.Digest)
	}

	again := mustRead(t, MustExport(t, db, "wapo-2015-encryption", t.TempDir()))
	if !bytes.Equal(again, exported) {
		t.Errorf("exporting the same graph twice gave different files (%d and %d bytes)", len(exported), len(again))
	}
}

// formatChanges lists what a summary says was created, updated or removed.
func formatChanges(s counterpoint.WriteSummary) string {
	var parts []string
	for _, c := range []struct {
		what string
		m    map[string]int
	}{{"created", s.Created}, {"updated", s.Updated}, {"removed", s.Removed}} {
		for k, n := range c.m {
			parts = append(parts, fmt.Sprintf("%s %s: %d", c.what, k, n))
		}
	}
	slices.Sort(parts)
	return strings.Join(parts, "; ")
}

// TestExportCuratedClaims: a claim created through the store (as the API's
// upsertClaim does) belongs to the dataset "curated", whose export holds
// it with the actors and sources it needs, the article's text among them,
// and passes every check of the loader.
func TestExportCuratedClaims(t *testing.T) {
	db := neo4jtest.MustOpen(t)
	neo4jtest.MustSeed(t, db)
	ctx := context.Background()
	// Litt's "Really?" again, about Comey: the export must bring the
	// e-mail's author and the groups of both actors, and the article that
	// reports the e-mail.
	words := "Really?"
	start, end := articleOffsets(t, words)
	claim := counterpoint.Claim{
		ID: "litt-doubts-again", Text: "The deterrence claim is doubtful.", Date: "2015-08",
		Assertions: []counterpoint.Assertion{{Actor: "robert-litt", Source: "litt-email-2015-08", Attribution: counterpoint.InDocument}},
		About:      []string{"james-comey"},
		Quotes:     []counterpoint.Quote{{Text: words, Kind: counterpoint.Direct, Source: "wapo-2015-encryption", Document: "litt-email-2015-08", Start: start, End: end}},
	}
	if err := db.UpsertClaim(ctx, claim); err != nil {
		t.Fatalf("UpsertClaim: %v", err)
	}
	datasets, err := db.Datasets(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{store.CuratedDataset, "wapo-2015-encryption"}; !slices.Equal(datasets, want) {
		t.Errorf("Datasets = %v, want %v", datasets, want)
	}

	dir := t.TempDir()
	file := MustExport(t, db, store.CuratedDataset, dir)
	inputs, err := loader.ReadFiles(datasetjson.Reader, file)
	if err != nil {
		t.Fatalf("the curated export does not pass the loader's checks: %v\n%s", err, mustRead(t, file))
	}
	ds := inputs[0].Dataset
	ids := func(n int, id func(int) string) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = id(i)
		}
		return out
	}
	checks := []struct {
		what      string
		got, want []string
	}{
		{"claims", ids(len(ds.Claims), func(i int) string { return ds.Claims[i].ID }), []string{claim.ID}},
		{"actors", ids(len(ds.Actors), func(i int) string { return ds.Actors[i].ID }), []string{"fbi", "intelligence-community", "james-comey", "law-enforcement", "robert-litt"}},
		{"sources", ids(len(ds.Sources), func(i int) string { return ds.Sources[i].ID }), []string{"litt-email-2015-08", "wapo-2015-encryption"}},
	}
	for _, c := range checks {
		if !slices.Equal(c.got, c.want) {
			t.Errorf("the curated export's %s: %v, want %v", c.what, c.got, c.want)
		}
	}
	if len(ds.Claims) == 1 {
		got := ds.Claims[0]
		if len(got.Quotes) != 1 || got.Quotes[0].Text != words || got.Quotes[0].Start != start || got.Quotes[0].Kind != counterpoint.Direct || got.Quotes[0].Document != "litt-email-2015-08" {
			t.Errorf("the exported claim's quotes: %+v, want the one direct quote at [%d, %d) said in the e-mail", got.Quotes, start, end)
		}
		if len(got.Assertions) != 1 || got.Assertions[0].Stance != counterpoint.Endorses || got.Assertions[0].Attribution != counterpoint.InDocument {
			t.Errorf("the exported claim's assertions: %+v", got.Assertions)
		}
	}
	results, err := loader.Load(ctx, db, inputs, loader.Progress{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		if r.Summary.Changed() {
			t.Errorf("loading the curated export over the graph changed it: %s", formatChanges(r.Summary))
		}
	}
}

// TestExportUnknownDataset: a dataset that owns no claim is not found, and
// the error names it, cut after 64 characters, and says how many datasets
// there are, without listing them (a public 404 listed every id and echoed
// a 10 KB one whole).
func TestExportUnknownDataset(t *testing.T) {
	db := neo4jtest.MustOpen(t)
	long := strings.Repeat("x", 10_000)
	tests := []struct {
		name, seeded, id string
		want             []string
		not              []string
	}{
		{"empty graph", "", "no-such-dataset", []string{`dataset "no-such-dataset" is not in the graph`, "holds no dataset"}, nil},
		{"seeded graph", "seed", "no-such-dataset", []string{`dataset "no-such-dataset" is not in the graph`, "the graph holds 1 dataset; the API's datasets query lists it"}, []string{"wapo-2015-encryption"}},
		{"a 10 KB id", "seed", long, []string{`dataset "` + long[:64] + `"… (10000 characters) is not in the graph`}, []string{long[:65], "wapo-2015-encryption"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.seeded != "" {
				neo4jtest.MustSeed(t, db)
			}
			_, err := db.ExportDataset(context.Background(), tt.id)
			var e *counterpoint.Error
			if !errors.As(err, &e) || e.Code != counterpoint.ENOTFOUND {
				t.Fatalf("ExportDataset(%.20s…) error = %v, want a %s error", tt.id, err, counterpoint.ENOTFOUND)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(err.Error(), n) {
					t.Errorf("error %.300q… says %.80q", err, n)
				}
			}
		})
	}
}
