package aif

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint/loader"
)

// testMap builds an AIF map from the AIF specification's parts: nodes as
// "id type text" triples, edges as from-to pairs (edge ids e1, e2, ...),
// and locutions' start times by L node id.
type testMap struct {
	nodes  [][3]string
	edges  [][2]string
	starts map[string]string
}

// mustWriteMap writes m as file in dir and returns its path.
func mustWriteMap(tb testing.TB, dir, file string, m testMap) string {
	tb.Helper()
	var nodes, edges, locs []map[string]any
	for _, n := range m.nodes {
		nodes = append(nodes, map[string]any{"nodeID": n[0], "type": n[1], "text": n[2]})
		if n[1] == "L" {
			l := map[string]any{"nodeID": n[0], "personID": nil}
			if s, ok := m.starts[n[0]]; ok {
				l["start"] = s
			}
			locs = append(locs, l)
		}
	}
	for i, e := range m.edges {
		edges = append(edges, map[string]any{"edgeID": "e" + itoa(i+1), "fromID": e[0], "toID": e[1]})
	}
	b, err := json.Marshal(map[string]any{"nodes": nodes, "edges": edges, "locutions": locs, "participants": []any{}})
	if err != nil {
		tb.Fatal(err)
	}
	p := filepath.Join(dir, file)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		tb.Fatal(err)
	}
	return p
}

func itoa(i int) string {
	b, _ := json.Marshal(i)
	return string(b)
}

// debateMap is a small debate: two claims asserted, one supporting the
// other, one attacking it, in Ann Lee's and Bo Chan's words.
func debateMap(prefix, ann string) testMap {
	p := func(s string) string { return prefix + s }
	return testMap{
		nodes: [][3]string{
			{p("1"), "I", "Taxes on sugar should rise."}, {p("2"), "L", ann + " : Taxes on sugar should rise."}, {p("3"), "YA", "Asserting"},
			{p("4"), "I", "Sugar harms children's teeth."}, {p("5"), "L", ann + " : Sugar harms children's teeth."}, {p("6"), "YA", "Asserting"},
			{p("7"), "RA", "Default Inference"},
			{p("8"), "I", "Such taxes hit the poor hardest."}, {p("9"), "L", "Bo Chan : Such taxes hit the poor hardest."}, {p("10"), "YA", "Asserting"},
			{p("11"), "CA", "Default Conflict"},
		},
		edges: [][2]string{
			{p("2"), p("3")}, {p("3"), p("1")}, {p("5"), p("6")}, {p("6"), p("4")}, {p("4"), p("7")}, {p("7"), p("1")},
			{p("9"), p("10")}, {p("10"), p("8")}, {p("8"), p("11")}, {p("11"), p("1")},
		},
	}
}

// TestSkipInvalidKeepsEveryMap: a scheme node that relates a claim to
// itself, a dangling edge and a speaker spelt two ways in two maps cost
// only what they touch: both maps load, with every claim and every other
// relation; without --skip-invalid the maps are refused, and the problems
// name the file, the AIF node or edge id and what was done.
func TestSkipInvalidKeepsEveryMap(t *testing.T) {
	dir := t.TempDir()
	a := debateMap("a", "Ann Lee")
	a.nodes = append(a.nodes, [3]string{"a12", "MA", "Default Rephrase"})
	a.edges = append(a.edges, [2]string{"a1", "a12"}, [2]string{"a12", "a1"}, [2]string{"a8", "a99"})
	b := debateMap("b", "ANN LEE")
	fa, fb := mustWriteMap(t, dir, "a.json", a), mustWriteMap(t, dir, "b.json", b)

	_, err := loader.ReadFiles(Reader, fa, fb)
	if err == nil || !strings.Contains(err.Error(), "MA node a12 relates I node a1 to itself") {
		t.Errorf("without --skip-invalid: error %v, want the self-relation reported", err)
	}
	inputs, rep, err := loader.Limits{}.Read(Reader, loader.Options{SkipInvalid: true}, fa, fb)
	if err != nil || len(inputs) != 2 {
		t.Fatalf("with --skip-invalid: %d datasets, error %v; want both maps", len(inputs), err)
	}
	for _, in := range inputs {
		if len(in.Dataset.Claims) != 3 || len(in.Dataset.Relations) != 2 {
			t.Errorf("%s: %d claims, %d relations; want 3 and 2", in.File, len(in.Dataset.Claims), len(in.Dataset.Relations))
		}
	}
	want := []struct{ kind, node, action string }{
		{"dangling-edge", "e13", "edge skipped"},
		{"self-relation", "a12", "relation skipped"},
	}
	if len(rep.Skipped) != len(want) {
		t.Errorf("skipped %q, want %d problems", problemStrings(rep.Skipped), len(want))
	}
	for i, w := range want {
		if i < len(rep.Skipped) {
			p := rep.Skipped[i]
			if p.File != fa || p.Kind != w.kind || p.Node != w.node || p.Action != w.action {
				t.Errorf("skipped[%d] = %s, want file %s, kind %s, node %s, action %s", i, p.Line(), fa, w.kind, w.node, w.action)
			}
		}
	}
	var noted bool
	for _, p := range rep.Notices {
		noted = noted || (p.Kind == "name-variants" && strings.Contains(p.Message, `"ANN LEE"`))
	}
	if !noted {
		t.Errorf("notices %q, want ANN LEE noted as a variant of Ann Lee", problemStrings(rep.Notices))
	}
}

// TestGroupPlaces: in a group of maps joined by shared nodes, an element
// is placed in the file that first defines it, with how many other maps
// repeat it, not in the group as a whole; the loader names that place in
// a problem of the element.
func TestGroupPlaces(t *testing.T) {
	dir := t.TempDir()
	a, b, c := debateMap("a", "Ann Lee"), debateMap("b", "Ann Lee"), debateMap("c", "Ann Lee")
	b.nodes = append(b.nodes, a.nodes[0], a.nodes[1], a.nodes[2]) // a's proposition a1, said again in b
	b.edges = append(b.edges, a.edges[0], a.edges[1])
	c.nodes = append(c.nodes, b.nodes[7], b.nodes[8], b.nodes[9]) // b's proposition b8, said again in c
	c.edges = append(c.edges, b.edges[6], b.edges[7])
	fa, fb, fc := mustWriteMap(t, dir, "a.json", a), mustWriteMap(t, dir, "b.json", b), mustWriteMap(t, dir, "c.json", c)
	inputs := mustReadAIF(t, fc, fa, fb)
	if len(inputs) != 1 || inputs[0].Place == nil {
		t.Fatalf("read %d datasets (places %v), want one group with places", len(inputs), inputs[0].Place != nil)
	}
	tests := []struct{ id, want string }{
		{"aif-a1", fa + " (and 1 other maps that repeat it)"},
		{"aif-b8", fb + " (and 1 other maps that repeat it)"},
		{"aif-c4", fc},
		{"aif-a4|SUPPORTS|aif-a1", fa},
		{"no-such-element", ""},
	}
	for _, tt := range tests {
		if got := inputs[0].Place(tt.id); got != tt.want {
			t.Errorf("Place(%q) = %q, want %q", tt.id, got, tt.want)
		}
	}
}
