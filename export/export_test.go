package export_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/export"
	"github.com/counterpoint-news/counterpoint/loader"
)

func mustArticle(t *testing.T) *counterpoint.Dataset {
	t.Helper()
	inputs, err := loader.ReadFiles(loader.JSON, "../data/wapo-2015-encryption.json")
	if err != nil {
		t.Fatal(err)
	}
	return inputs[0].Dataset
}

func mustAIF(t *testing.T) *counterpoint.Dataset {
	t.Helper()
	inputs, err := loader.ReadFiles(loader.AIF, "../loader/testdata/aif/harbour-street.json", "../loader/testdata/aif/harbour-street-followup.json")
	if err != nil {
		t.Fatal(err)
	}
	return inputs[0].Dataset
}

// parsedGraphML is what a GraphML reader sees.
type parsedGraphML struct {
	XMLName xml.Name `xml:"http://graphml.graphdrawing.org/xmlns graphml"`
	Keys    []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	} `xml:"key"`
	Graph struct {
		EdgeDefault string `xml:"edgedefault,attr"`
		Nodes       []struct {
			ID   string `xml:"id,attr"`
			Data []struct {
				Key   string `xml:"key,attr"`
				Value string `xml:",chardata"`
			} `xml:"data"`
		} `xml:"node"`
		Edges []struct {
			ID     string `xml:"id,attr"`
			Source string `xml:"source,attr"`
			Target string `xml:"target,attr"`
			Data   []struct {
				Key   string `xml:"key,attr"`
				Value string `xml:",chardata"`
			} `xml:"data"`
		} `xml:"edge"`
	} `xml:"graph"`
}

func mustParseGraphML(t *testing.T, g export.Graph) parsedGraphML {
	t.Helper()
	var b bytes.Buffer
	if err := export.WriteGraphML(&b, g); err != nil {
		t.Fatal(err)
	}
	var p parsedGraphML
	if err := xml.Unmarshal(b.Bytes(), &p); err != nil {
		t.Fatalf("the GraphML does not parse: %v\n%s", err, b.String())
	}
	return p
}

// TestActorNetworkMatchesTheAPI: the who-countered-whom network of the
// article has, edge for edge, the counts the API's counterSummary gives
// (e2e/testdata/golden/counter-summary.json), since both follow
// counterpoint.CounterSides; and it parses as GraphML with every edge's
// ends among its nodes and typed attributes.
func TestActorNetworkMatchesTheAPI(t *testing.T) {
	ds := mustArticle(t)
	var golden struct {
		Data struct {
			CounterSummary []struct {
				By      struct{ Name string } `json:"by"`
				Against struct{ Name string } `json:"against"`
				Count   int                   `json:"count"`
			} `json:"counterSummary"`
		} `json:"data"`
	}
	b, err := os.ReadFile("../e2e/testdata/golden/counter-summary.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &golden); err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, s := range golden.Data.CounterSummary {
		want = append(want, fmt.Sprintf("%s > %s: %d", s.By.Name, s.Against.Name, s.Count))
	}
	p := mustParseGraphML(t, export.ActorNetwork(ds))
	if p.Graph.EdgeDefault != "directed" {
		t.Errorf("edgedefault = %q, want directed", p.Graph.EdgeDefault)
	}
	keys := map[string]string{}
	for _, k := range p.Keys {
		keys[k.ID] = k.Name + ":" + k.Type
	}
	if keys["e_count"] != "count:int" || keys["n_name"] != "name:string" {
		t.Errorf("keys %v, want n_name (string) and e_count (int)", keys)
	}
	names := map[string]string{}
	for _, n := range p.Graph.Nodes {
		for _, d := range n.Data {
			if d.Key == "n_name" {
				names[n.ID] = d.Value
			}
		}
	}
	if len(names) != len(ds.Actors) {
		t.Errorf("%d named actor nodes, want every actor (%d)", len(names), len(ds.Actors))
	}
	var got []string
	for _, e := range p.Graph.Edges {
		if names[e.Source] == "" || names[e.Target] == "" {
			t.Errorf("edge %s: an end is not an actor node", e.ID)
		}
		count := ""
		for _, d := range e.Data {
			if d.Key == "e_count" {
				count = d.Value
			}
		}
		got = append(got, fmt.Sprintf("%s > %s: %s", names[e.Source], names[e.Target], count))
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("who countered whom:\n%s\nthe API's counterSummary:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestAIFActorNetwork: on the AIF test maps, the rebuttals count between
// the speakers who endorse each side (the rhetorical question among them);
// the rephrase and the pure question count for nothing.
func TestAIFActorNetwork(t *testing.T) {
	g := export.ActorNetwork(mustAIF(t))
	var got []string
	for _, e := range g.Edges {
		got = append(got, e.Source+">"+e.Target+":"+e.Values[0])
	}
	want := []string{
		"aif.harbour-street-followup.audience-member.232>aif.ana-ruiz:1",
		"aif.harbour-street-followup.unnamed-speaker.222>aif.tom-becker:1",
		"aif.harbour-street.audience-member-1>aif.ana-ruiz:1",
		"aif.tom-becker>aif.ana-ruiz:2",
	}
	if !slices.Equal(got, want) {
		t.Errorf("edges %v, want %v", got, want)
	}
}

// TestClaimGraph: every claim is a node, every relation an edge with its
// kind, whether inferred and its note, in GraphML and in the CSV tables,
// whose rows parse back with the header's columns.
func TestClaimGraph(t *testing.T) {
	for _, ds := range []*counterpoint.Dataset{mustArticle(t), mustAIF(t)} {
		g := export.ClaimGraph(ds)
		p := mustParseGraphML(t, g)
		if len(p.Graph.Nodes) != len(ds.Claims) || len(p.Graph.Edges) != len(ds.Relations) {
			t.Errorf("%s: GraphML with %d nodes and %d edges, want %d claims and %d relations", ds.ID, len(p.Graph.Nodes), len(p.Graph.Edges), len(ds.Claims), len(ds.Relations))
		}
		var nodes, edges bytes.Buffer
		if err := export.WriteCSV(&nodes, &edges, g); err != nil {
			t.Fatal(err)
		}
		nrows, err := csv.NewReader(&nodes).ReadAll()
		if err != nil {
			t.Fatalf("%s: the node table does not parse: %v", ds.ID, err)
		}
		erows, err := csv.NewReader(&edges).ReadAll()
		if err != nil {
			t.Fatalf("%s: the edge table does not parse: %v", ds.ID, err)
		}
		if want := []string{"id", "text", "date", "endorsed_by", "presented_by", "quotes"}; !slices.Equal(nrows[0], want) {
			t.Errorf("%s: node header %v, want %v", ds.ID, nrows[0], want)
		}
		if want := []string{"id", "source", "target", "kind", "inferred", "note"}; !slices.Equal(erows[0], want) {
			t.Errorf("%s: edge header %v, want %v", ds.ID, erows[0], want)
		}
		if len(nrows)-1 != len(ds.Claims) || len(erows)-1 != len(ds.Relations) {
			t.Errorf("%s: %d node rows and %d edge rows, want %d and %d", ds.ID, len(nrows)-1, len(erows)-1, len(ds.Claims), len(ds.Relations))
		}
		claims := map[string]counterpoint.Claim{}
		for _, c := range ds.Claims {
			claims[c.ID] = c
		}
		for _, row := range nrows[1:] {
			if c, ok := claims[row[0]]; !ok || row[1] != c.Text || row[5] != strconv.Itoa(len(c.Quotes)) {
				t.Errorf("%s: node row %q, want claim %s's text and quote count", ds.ID, row, row[0])
			}
		}
		for i, row := range erows[1:] {
			r := ds.Relations[i]
			if row[1] != r.From || row[2] != r.To || row[3] != string(r.Kind) || row[4] != strconv.FormatBool(r.Inferred) || row[5] != r.Note {
				t.Errorf("%s: edge row %q, want %s %s %s inferred %v", ds.ID, row, r.From, r.Kind, r.To, r.Inferred)
			}
		}
	}
}

// TestWebAnnotations: one annotation per quote, with the W3C model's
// required keys (@context, id, type Annotation, target), a
// TextQuoteSelector whose prefix, exact words and suffix are the source's
// text around the TextPositionSelector's code-point offsets.
func TestWebAnnotations(t *testing.T) {
	for _, ds := range []*counterpoint.Dataset{mustArticle(t), mustAIF(t)} {
		var b bytes.Buffer
		if err := export.WriteWebAnnotations(&b, ds); err != nil {
			t.Fatal(err)
		}
		var coll map[string]any
		if err := json.Unmarshal(b.Bytes(), &coll); err != nil {
			t.Fatalf("%s: not JSON: %v", ds.ID, err)
		}
		if coll["@context"] != "http://www.w3.org/ns/anno.jsonld" || coll["type"] != "AnnotationCollection" {
			t.Errorf("%s: collection @context %v, type %v", ds.ID, coll["@context"], coll["type"])
		}
		items := coll["first"].(map[string]any)["items"].([]any)
		quotes := 0
		texts := map[string]*counterpoint.Text{}
		for _, s := range ds.Sources {
			if s.Text != "" {
				texts[export.SourceIRI(&s)] = counterpoint.NewText(s.Text)
			}
		}
		for _, c := range ds.Claims {
			quotes += len(c.Quotes)
		}
		if len(items) != quotes || coll["total"] != float64(quotes) {
			t.Errorf("%s: %d annotations (total %v), want one per quote (%d)", ds.ID, len(items), coll["total"], quotes)
		}
		for _, it := range items {
			a := it.(map[string]any)
			for _, key := range []string{"@context", "id", "type", "target"} {
				if _, ok := a[key]; !ok {
					t.Errorf("%s: annotation %v lacks %q", ds.ID, a["id"], key)
				}
			}
			if a["type"] != "Annotation" || !strings.HasPrefix(a["id"].(string), "urn:counterpoint:quote:") {
				t.Errorf("%s: annotation type %v, id %v", ds.ID, a["type"], a["id"])
			}
			target := a["target"].(map[string]any)
			text := texts[target["source"].(string)]
			if text == nil {
				t.Errorf("%s: annotation %v targets %v, which is no source with a text", ds.ID, a["id"], target["source"])
				continue
			}
			var quote, position map[string]any
			for _, s := range target["selector"].([]any) {
				switch s := s.(map[string]any); s["type"] {
				case "TextQuoteSelector":
					quote = s
				case "TextPositionSelector":
					position = s
				}
			}
			if quote == nil || position == nil {
				t.Errorf("%s: annotation %v: selectors %v, want a TextQuoteSelector and a TextPositionSelector", ds.ID, a["id"], target["selector"])
				continue
			}
			start, end := int(position["start"].(float64)), int(position["end"].(float64))
			exact, _ := text.Slice(start, end)
			prefix, _ := text.Slice(max(0, start-counterpoint.ContextLength), start)
			suffix, _ := text.Slice(end, min(text.Len(), end+counterpoint.ContextLength))
			if quote["exact"] != exact || quote["prefix"] != prefix || quote["suffix"] != suffix {
				t.Errorf("%s: annotation %v: %q|%q|%q, want %q|%q|%q at [%d, %d)", ds.ID, a["id"], quote["prefix"], quote["exact"], quote["suffix"], prefix, exact, suffix, start, end)
			}
		}
	}
}
