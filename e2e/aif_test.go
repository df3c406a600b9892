package e2e_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint/format/aif"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/internal/neo4jtest"
	"github.com/counterpoint-news/counterpoint/loader"
	"github.com/counterpoint-news/counterpoint/store"
)

// The AIF maps written for the tests: a town-hall debate with two named
// speakers, two audience members, each node type and a rhetorical question
// that counters; a follow-up that shares a proposition with it; a map with
// a malformed node, a dangling edge and a proposition no one puts forward.
var aifMaps = []string{"../format/aif/testdata/aif/harbour-street.json", "../format/aif/testdata/aif/harbour-street-followup.json"}

const aifBroken = "../format/aif/testdata/aif/broken.json"

// mustLoadAIF reads AIF maps with every check and writes them to db.
func mustLoadAIF(tb testing.TB, db *store.DB, files ...string) []loader.Result {
	tb.Helper()
	return MustLoadFormat(tb, db, aif.Reader, files...)
}

// TestAIFLoadAnswersCounters: the maps load as one dataset (they share a
// proposition) and "who countered whom" counts the conflicts between the
// speakers who endorse each side, the rhetorical question among them; the
// rephrase and the pure question count for nothing. Loading them again
// changes nothing.
func TestAIFLoadAnswersCounters(t *testing.T) {
	db := neo4jtest.MustOpen(t)
	ctx := context.Background()
	results := mustLoadAIF(t, db, aifMaps...)
	if len(results) != 1 || results[0].Dataset != "harbour-street" {
		t.Fatalf("loaded %+v, want the one dataset harbour-street", results)
	}
	first := neo4jtest.MustStats(t, db)

	summary, err := db.CounterSummary(ctx, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range summary {
		got = append(got, fmt.Sprintf("%s>%s:%d", s.By, s.Against, s.Count))
	}
	slices.Sort(got)
	want := []string{
		// CA 124 (the shops' parking against building the lane) and CA 204
		// in the follow-up: two reasons against one claim, one exchange.
		"aif.tom-becker>aif.ana-ruiz:1",
		// The rhetorical question: CA 134 against "the lane will make the
		// street safer".
		"aif.harbour-street.audience-member-1>aif.ana-ruiz:1",
		// "Why not ask the shops first?" (assertive questioning), CA 234.
		"aif.harbour-street-followup.audience-member>aif.ana-ruiz:1",
		// The unnamed speaker's customers on foot, CA 224 against Tom Becker.
		"aif.harbour-street-followup.unnamed-speaker>aif.tom-becker:1",
	}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("counterSummary:\n%v\nwant:\n%v", got, want)
	}
	rephrase, err := db.Counters(ctx, counterpoint.CounterFilter{By: "aif.tom-becker"})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range rephrase {
		if c.Counter == "aif-141" {
			t.Errorf("the rephrase aif-141 of aif-121 counts as a counter: %+v", c)
		}
	}

	for _, r := range mustLoadAIF(t, db, aifMaps[1], aifMaps[0]) {
		if r.Summary.Changed() {
			t.Errorf("loading the maps again changed the graph: %s", formatChanges(r.Summary))
		}
	}
	if again := neo4jtest.MustStats(t, db); again.Digest != first.Digest {
		t.Errorf("loading the maps again changed the digest: nodes %v, relationships %v; first nodes %v, relationships %v", again.Nodes, again.Relationships, first.Nodes, first.Relationships)
	}
}

// TestAIFSkipInvalid: a map with problems writes nothing, unless
// --skip-invalid, which loads the rest of it and of the other maps.
func TestAIFSkipInvalid(t *testing.T) {
	db := neo4jtest.MustOpen(t)
	if _, err := loader.ReadFiles(aif.Reader, append([]string{aifBroken}, aifMaps...)...); err == nil {
		t.Fatalf("the broken map read without a problem")
	}
	if st := neo4jtest.MustStats(t, db); len(st.Nodes) != 0 {
		t.Errorf("the graph holds %v after a refused read, want nothing", st.Nodes)
	}
	inputs, skipped, err := loader.Limits{}.ReadFilesSkipInvalid(aif.Reader, append([]string{aifBroken}, aifMaps...)...)
	if err != nil {
		t.Fatal(err)
	}
	if len(skipped) != 5 {
		t.Errorf("skipped %d problems, want the broken map's 5: %v", len(skipped), skipped)
	}
	if _, err := loader.Load(context.Background(), db, inputs, loader.Progress{}); err != nil {
		t.Fatal(err)
	}
	datasets, err := db.Datasets(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"broken", "harbour-street"}; !slices.Equal(datasets, want) {
		t.Errorf("datasets %v, want %v", datasets, want)
	}
}

// aifGraph is the part of an AIF map that a round trip through the graph
// keeps: every I, L, RA, CA, MA and YA node, the TA nodes that anchor a YA
// node, and every edge between them.
type aifGraph struct {
	nodes map[string]string // id -> type and text ("I|text"; "L|words" for locutions)
	edges map[string]bool   // "from>to"
}

// mustReadAIFGraph reads the kept part of an AIF file (bare or OVA's).
func mustReadAIFGraph(tb testing.TB, b []byte) aifGraph {
	tb.Helper()
	var file struct {
		AIF   *aifJSON `json:"AIF"`
		Nodes []struct {
			ID   json.RawMessage `json:"nodeID"`
			Text string          `json:"text"`
			Type string          `json:"type"`
		} `json:"nodes"`
		Edges []struct {
			From json.RawMessage `json:"fromID"`
			To   json.RawMessage `json:"toID"`
		} `json:"edges"`
	}
	if err := json.Unmarshal(b, &file); err != nil {
		tb.Fatal(err)
	}
	m := aifJSON{Nodes: file.Nodes, Edges: file.Edges}
	if file.AIF != nil {
		m = *file.AIF
	}
	id := func(raw json.RawMessage) string { return strings.Trim(string(raw), `"`) }
	types := map[string]string{}
	g := aifGraph{nodes: map[string]string{}, edges: map[string]bool{}}
	for _, n := range m.Nodes {
		types[id(n.ID)] = n.Type
	}
	anchoring := map[string]bool{}
	for _, e := range m.Edges {
		if types[id(e.From)] == "TA" && types[id(e.To)] == "YA" {
			anchoring[id(e.From)] = true
		}
	}
	kept := func(id string) bool {
		switch types[id] {
		case "I", "L", "RA", "CA", "MA", "YA":
			return true
		}
		return anchoring[id]
	}
	for _, n := range m.Nodes {
		if !kept(id(n.ID)) {
			continue
		}
		text := strings.Join(strings.Fields(n.Text), " ")
		if n.Type == "L" {
			// The export writes "Speaker: words", the speaker's name
			// followed by a colon, which corpora also write "Speaker : words".
			text = strings.ReplaceAll(text, " : ", ": ")
			if named, ok := aifNamedLocutions[id(n.ID)]; ok {
				text = named
			}
		}
		g.nodes[id(n.ID)] = n.Type + "|" + text
	}
	for _, e := range m.Edges {
		if kept(id(e.From)) && kept(id(e.To)) {
			g.edges[id(e.From)+">"+id(e.To)] = true
		}
	}
	return g
}

// aifNamedLocutions: the locutions of the test maps whose text names no
// speaker, as the export names them (the participant their personID names;
// an unnamed speaker).
var aifNamedLocutions = map[string]string{
	"152": "Ana Ruiz: The state pays for it, not the town.",
	"222": "Unnamed speaker: Most of our customers come on foot anyway.",
}

type aifJSON struct {
	Nodes []struct {
		ID   json.RawMessage `json:"nodeID"`
		Text string          `json:"text"`
		Type string          `json:"type"`
	} `json:"nodes"`
	Edges []struct {
		From json.RawMessage `json:"fromID"`
		To   json.RawMessage `json:"toID"`
	} `json:"edges"`
}

// TestAIFRoundTrip: AIF maps loaded into the graph and exported as AIF keep
// every I, L, RA, CA, MA and YA node (ids, types, texts, the locutions'
// words) and every edge between them, with the transitions that anchor
// inferences and conflicts. A single map exported and loaded into an
// emptied graph gives the same graph, digest for digest.
func TestAIFRoundTrip(t *testing.T) {
	db := neo4jtest.MustOpen(t)
	ctx := context.Background()
	mustLoadAIF(t, db, aifMaps...)
	ds, err := db.ExportDataset(ctx, "harbour-street")
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := aif.Encode(&out, ds); err != nil {
		t.Fatal(err)
	}
	want := aifGraph{nodes: map[string]string{}, edges: map[string]bool{}}
	for _, f := range aifMaps {
		g := mustReadAIFGraph(t, mustRead(t, f))
		maps.Copy(want.nodes, g.nodes)
		maps.Copy(want.edges, g.edges)
	}
	got := mustReadAIFGraph(t, out.Bytes())
	for id, w := range want.nodes {
		if g, ok := got.nodes[id]; !ok || g != w {
			t.Errorf("node %s: exported as %q, want %q", id, g, w)
		}
	}
	for id, g := range got.nodes {
		if _, ok := want.nodes[id]; !ok {
			t.Errorf("node %s (%s) is exported but in no map", id, g)
		}
	}
	for e := range want.edges {
		if !got.edges[e] {
			t.Errorf("edge %s is lost", e)
		}
	}
	for e := range got.edges {
		if !want.edges[e] {
			t.Errorf("edge %s is exported but in no map", e)
		}
	}
	if t.Failed() {
		t.Logf("export:\n%s", out.String())
	}

	// One map, there and back: the same graph.
	if err := db.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	mustLoadAIF(t, db, aifMaps[0])
	original := neo4jtest.MustStats(t, db)
	ds, err = db.ExportDataset(ctx, "harbour-street")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "harbour-street.aif.json")
	out.Reset()
	if err := aif.Encode(&out, ds); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, r := range mustLoadAIF(t, db, file) {
		if r.Summary.Changed() {
			t.Errorf("loading the exported map over the graph it came from changed it: %s", formatChanges(r.Summary))
		}
	}
	if err := db.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	mustLoadAIF(t, db, file)
	if again := neo4jtest.MustStats(t, db); again.Digest != original.Digest {
		t.Errorf("the exported map loaded into an empty graph: nodes %v, relationships %v; the original: nodes %v, relationships %v", again.Nodes, again.Relationships, original.Nodes, original.Relationships)
	}
}
