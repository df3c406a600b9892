package store

import (
	"testing"

	"github.com/counterpoint-news/counterpoint/bench/gen"
)

// BenchmarkMarkOf measures the load mark's digest of a generated dataset of
// 100,000 elements, which a load computes before its transaction.
func BenchmarkMarkOf(b *testing.B) {
	g := gen.Generate(gen.Config{Elements: 100_000, Seed: 20151001})
	r := prepare(g.Dataset)
	b.ResetTimer()
	for b.Loop() {
		if _, err := markOf(g.Dataset.ID, g.Dataset.Title, g.Dataset.Description, r); err != nil {
			b.Fatal(err)
		}
	}
}

// TestDigestTellsValuesApart checks that values a load could write differently
// never share a digest, and that a map's order of insertion does not matter.
func TestDigestTellsValuesApart(t *testing.T) {
	sum := func(v any) string {
		d := newDigest()
		d.value(v)
		if d.err != nil {
			t.Fatalf("digest of %#v: %v", v, d.err)
		}
		return string(d.h.Sum(nil))
	}
	apart := []struct{ a, b any }{
		{"1", 1},
		{1, int64(2)},
		{1.5, "1.5"},
		{true, "true"},
		{nil, ""},
		{[]string{"ab"}, []string{"a", "b"}},
		{[]string{"a", "b"}, []any{"a", "b"}},
		{map[string]any{"a": "bc"}, map[string]any{"ab": "c"}},
		{map[string]any{"a": map[string]any{"b": 1}}, map[string]any{"a": map[string]any{"b": 2}}},
		{map[string]any{"a": 1, "b": 2}, map[string]any{"a": 2, "b": 1}},
		{[]any{"s1:x"}, []any{"x"}},
		{"Ruiz said “no.”", "Ruiz said \"no.\""},
	}
	for _, tt := range apart {
		if sum(tt.a) == sum(tt.b) {
			t.Errorf("digest(%#v) = digest(%#v); want them apart", tt.a, tt.b)
		}
	}
	one := map[string]any{"id": "c1", "text": "x", "props": map[string]any{"k": 1, "j": []string{"a"}}}
	other := map[string]any{"props": map[string]any{"j": []string{"a"}, "k": 1}, "text": "x", "id": "c1"}
	if sum(one) != sum(other) {
		t.Errorf("the same map built in another order gave another digest")
	}
	if sum(int(7)) != sum(int64(7)) {
		t.Errorf("int 7 and int64 7 (the same property in Neo4j) gave different digests")
	}
}

// BenchmarkPrepare times the rows of a write of 100k generated elements,
// made before the transaction starts.
func BenchmarkPrepare(b *testing.B) {
	g := gen.Generate(gen.Config{Elements: 100_000, Seed: 20151001})
	for b.Loop() {
		prepare(g.Dataset)
	}
}
