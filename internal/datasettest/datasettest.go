// Package datasettest gives tests of the readers and the loader the seed
// dataset to break, and a folder to write a broken copy into, in one place.
package datasettest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/data"
	"github.com/counterpoint-news/counterpoint/format/datasetjson"
	"github.com/counterpoint-news/counterpoint/loader"
)

// SeedFile is the seed dataset's file in data.Files.
const SeedFile = "wapo-2015-encryption.json"

// SeedText is the seed's one source text in data.Files.
const SeedText = "sources/wapo-2015-encryption.txt"

// MustSeedJSON returns the seed dataset decoded as plain JSON values, for
// tests to break.
func MustSeedJSON(tb testing.TB) map[string]any {
	tb.Helper()
	b, err := data.Files.ReadFile(SeedFile)
	if err != nil {
		tb.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		tb.Fatal(err)
	}
	return m
}

// MustWriteDataset writes a dataset file into a temporary folder beside a
// copy of the seed's text, and returns its path.
func MustWriteDataset(tb testing.TB, name string, content []byte) string {
	tb.Helper()
	dir := tb.TempDir()
	text, err := data.Files.ReadFile(SeedText)
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "sources"), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(SeedText)), text, 0o644); err != nil {
		tb.Fatal(err)
	}
	file := filepath.Join(dir, name)
	if err := os.WriteFile(file, content, 0o644); err != nil {
		tb.Fatal(err)
	}
	return file
}

// MustJSON encodes v indented, as the curated files are.
func MustJSON(tb testing.TB, v any) []byte {
	tb.Helper()
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// CheckProblems fails the test when a problem of what (a reader's Decode,
// the loader's Validate) lacks its file, a message, or a place (a JSON
// path, or a line): a curator must learn where to look.
func CheckProblems(t *testing.T, file, what string, ps loader.Problems) {
	t.Helper()
	for _, p := range ps {
		if p.File != file || p.Message == "" {
			t.Fatalf("%s: problem without its file or a message: %+v", what, p)
		}
		if !strings.HasPrefix(p.Path, "$") && !strings.HasPrefix(p.Path, "line ") {
			t.Fatalf("%s: problem without a place (a JSON path or a line): %+v", what, p)
		}
	}
}

// MustArticle is the seed dataset as the loader reads it, checks included.
func MustArticle(tb testing.TB) *counterpoint.Dataset {
	tb.Helper()
	inputs, err := loader.ReadFS(datasetjson.Reader, data.Files, SeedFile)
	if err != nil {
		tb.Fatal(err)
	}
	return inputs[0].Dataset
}

// MustRead reads files in format with every check and returns the first
// dataset, failing the test on a problem.
func MustRead(tb testing.TB, format loader.Reader, files ...string) *counterpoint.Dataset {
	tb.Helper()
	inputs, err := loader.ReadFiles(format, files...)
	if err != nil {
		tb.Fatalf("read %v: %v", files, err)
	}
	return inputs[0].Dataset
}
