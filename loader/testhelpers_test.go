package loader_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

const seedFile = "../data/wapo-2015-encryption.json"

// MustSeedJSON returns the article dataset decoded as plain JSON values, for
// tests to break in one place.
func MustSeedJSON(tb testing.TB) map[string]any {
	tb.Helper()
	b, err := os.ReadFile(seedFile)
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
// copy of the article text, and returns its path.
func MustWriteDataset(tb testing.TB, name string, content []byte) string {
	tb.Helper()
	dir := tb.TempDir()
	text, err := os.ReadFile("../data/sources/wapo-2015-encryption.txt")
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "sources"), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "sources", "wapo-2015-encryption.txt"), text, 0o644); err != nil {
		tb.Fatal(err)
	}
	file := filepath.Join(dir, name)
	if err := os.WriteFile(file, content, 0o644); err != nil {
		tb.Fatal(err)
	}
	return file
}

// at walks a decoded JSON value along keys and indexes.
func at(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			v = v.(map[string]any)[k]
		case int:
			v = v.([]any)[k]
		}
	}
	return v
}

func claimIndex(tb testing.TB, m map[string]any, id string) int {
	for i, c := range m["claims"].([]any) {
		if c.(map[string]any)["id"] == id {
			return i
		}
	}
	tb.Fatalf("no claim %q in the seed", id)
	return -1
}

func mustJSON(tb testing.TB, v any) []byte {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// articleSpan returns the code-point offsets of the first occurrence of
// words in the article.
func articleSpan(tb testing.TB, words string) (float64, float64) {
	tb.Helper()
	b, err := os.ReadFile("../data/sources/wapo-2015-encryption.txt")
	if err != nil {
		tb.Fatal(err)
	}
	text, w := []rune(string(b)), []rune(words)
	for i := 0; i+len(w) <= len(text); i++ {
		if string(text[i:i+len(w)]) == words {
			return float64(i), float64(i + len(w))
		}
	}
	tb.Fatalf("%q is not in the article", words)
	return 0, 0
}
