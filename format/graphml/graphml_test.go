package graphml_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/format/aif"
	"github.com/counterpoint-news/counterpoint/format/graphml"
	"github.com/counterpoint-news/counterpoint/format/network"
	"github.com/counterpoint-news/counterpoint/internal/datasettest"
)

func mustAIF(t *testing.T) *counterpoint.Dataset {
	t.Helper()
	return datasettest.MustRead(t, aif.Reader, "../aif/testdata/aif/harbour-street.json", "../aif/testdata/aif/harbour-street-followup.json")
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

func mustParseGraphML(t *testing.T, g network.Graph) parsedGraphML {
	t.Helper()
	var b bytes.Buffer
	if err := graphml.Write(&b, g); err != nil {
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
	ds := datasettest.MustArticle(t)
	var golden struct {
		Data struct {
			CounterSummary []struct {
				By      struct{ Name string } `json:"by"`
				Against struct{ Name string } `json:"against"`
				Count   int                   `json:"count"`
			} `json:"counterSummary"`
		} `json:"data"`
	}
	b, err := os.ReadFile("../../e2e/testdata/golden/counter-summary.json")
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
	p := mustParseGraphML(t, network.ActorNetwork(ds))
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

// TestClaimGraph: every claim is a node and every relation an edge of the
// claim graph's GraphML.
func TestClaimGraph(t *testing.T) {
	for _, ds := range []*counterpoint.Dataset{datasettest.MustArticle(t), mustAIF(t)} {
		g := network.ClaimGraph(ds)
		p := mustParseGraphML(t, g)
		if len(p.Graph.Nodes) != len(ds.Claims) || len(p.Graph.Edges) != len(ds.Relations) {
			t.Errorf("%s: GraphML with %d nodes and %d edges, want %d claims and %d relations", ds.ID, len(p.Graph.Nodes), len(p.Graph.Edges), len(ds.Claims), len(ds.Relations))
		}
	}
}
