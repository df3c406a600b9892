package loader_test

import (
	"os"
	"testing"
)

const seedFile = "../data/wapo-2015-encryption.json"

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
