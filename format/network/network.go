// Package network is what the graph formats (GraphML, the CSV tables)
// write: the actor network of who countered whom and the claim graph of a
// dataset, as directed graphs with typed attributes. Every function is
// pure: a dataset in, a graph out.
package network

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/counterpoint-news/counterpoint"
)

// KeyType is the type of an attribute, as GraphML declares it.
type KeyType string

// The attribute types the graphs use.
const (
	String  KeyType = "string"
	Int     KeyType = "int"
	Boolean KeyType = "boolean"
)

// Key is an attribute that nodes or edges carry.
type Key struct {
	Name string
	Type KeyType
}

// Element is a node (Source and Target empty) or an edge, with its
// attribute values in the order of the graph's keys, written out.
type Element struct {
	ID, Source, Target string
	Values             []string
}

// Graph is a directed graph with typed attributes: what GraphML and the CSV
// tables are written from.
type Graph struct {
	ID       string
	NodeKeys []Key
	EdgeKeys []Key
	Nodes    []Element
	Edges    []Element
}

// ActorNetwork is who countered whom in ds: the actors, and an edge from
// each actor to each actor it countered, with how often and through which
// claims. The sides of each rebuttal are counterpoint.CounterSides', the
// rule the API's counters follow.
func ActorNetwork(ds *counterpoint.Dataset) Graph {
	g := Graph{ID: ds.ID + ".who-countered-whom",
		NodeKeys: []Key{{"name", String}, {"kind", String}, {"role", String}},
		EdgeKeys: []Key{{"count", Int}, {"counters", String}},
	}
	for _, a := range ds.Actors {
		g.Nodes = append(g.Nodes, Element{ID: a.ID, Values: []string{a.Name, string(a.Kind), a.Role}})
	}
	assertions := map[string][]counterpoint.Assertion{}
	for _, c := range ds.Claims {
		assertions[c.ID] = c.Assertions
	}
	type pair struct{ by, against string }
	counters := map[pair][]string{}
	var order []pair
	for _, r := range ds.Relations {
		if r.Kind != counterpoint.Rebuts {
			continue
		}
		by, against := counterpoint.CounterSides(assertions[r.From], assertions[r.To])
		for _, b := range by {
			for _, a := range against {
				p := pair{b, a}
				if _, ok := counters[p]; !ok {
					order = append(order, p)
				}
				counters[p] = append(counters[p], r.From+" > "+r.To)
			}
		}
	}
	slices.SortFunc(order, func(x, y pair) int {
		if c := strings.Compare(x.by, y.by); c != 0 {
			return c
		}
		return strings.Compare(x.against, y.against)
	})
	for _, p := range order {
		cs := counters[p]
		g.Edges = append(g.Edges, Element{ID: p.by + ">" + p.against, Source: p.by, Target: p.against,
			Values: []string{strconv.Itoa(len(cs)), strings.Join(cs, "; ")}})
	}
	return g
}

// ClaimGraph is the claims of ds and the relations between them: each
// claim with its text, date and who asserted it (endorsing or presenting),
// each relation with its kind, whether it is inferred, and its note.
func ClaimGraph(ds *counterpoint.Dataset) Graph {
	g := Graph{ID: ds.ID + ".claims",
		NodeKeys: []Key{{"text", String}, {"date", String}, {"endorsed_by", String}, {"presented_by", String}, {"quotes", Int}},
		EdgeKeys: []Key{{"kind", String}, {"inferred", Boolean}, {"note", String}},
	}
	for _, c := range ds.Claims {
		var endorsed, presented []string
		for _, a := range c.Assertions {
			if a.Stance.OrDefault() == counterpoint.Endorses {
				endorsed = appendNew(endorsed, a.Actor)
			} else {
				presented = appendNew(presented, a.Actor)
			}
		}
		g.Nodes = append(g.Nodes, Element{ID: c.ID, Values: []string{c.Text, c.Date, strings.Join(endorsed, " "), strings.Join(presented, " "), strconv.Itoa(len(c.Quotes))}})
	}
	for _, r := range ds.Relations {
		g.Edges = append(g.Edges, Element{ID: r.Key(), Source: r.From, Target: r.To,
			Values: []string{string(r.Kind), strconv.FormatBool(r.Inferred), r.Note}})
	}
	return g
}

func appendNew(s []string, v string) []string {
	if slices.Contains(s, v) {
		return s
	}
	return append(s, v)
}

// Check reports a graph whose elements do not carry one value per key: a
// bug in the builder, not in the data. Every writer runs it first.
func (g Graph) Check() error {
	for _, n := range g.Nodes {
		if len(n.Values) != len(g.NodeKeys) {
			return fmt.Errorf("node %s has %d values for %d keys", n.ID, len(n.Values), len(g.NodeKeys))
		}
	}
	for _, e := range g.Edges {
		if len(e.Values) != len(g.EdgeKeys) {
			return fmt.Errorf("edge %s has %d values for %d keys", e.ID, len(e.Values), len(g.EdgeKeys))
		}
	}
	return nil
}
