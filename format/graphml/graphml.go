// Package graphml writes the graphs of format/network as GraphML, which
// Gephi, yEd and networkx read.
package graphml

import (
	"encoding/xml"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/counterpoint-news/counterpoint/format/network"
)

// GraphML's namespace and schema.
const (
	graphMLNS     = "http://graphml.graphdrawing.org/xmlns"
	graphMLSchema = "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
	xsiNS         = "http://www.w3.org/2001/XMLSchema-instance"
)

type (
	graphML struct {
		XMLName        xml.Name     `xml:"graphml"`
		XMLNS          string       `xml:"xmlns,attr"`
		XSI            string       `xml:"xmlns:xsi,attr"`
		SchemaLocation string       `xml:"xsi:schemaLocation,attr"`
		Keys           []graphMLKey `xml:"key"`
		Graph          graphMLGraph `xml:"graph"`
	}
	graphMLKey struct {
		ID       string `xml:"id,attr"`
		For      string `xml:"for,attr"`
		AttrName string `xml:"attr.name,attr"`
		AttrType string `xml:"attr.type,attr"`
	}
	graphMLGraph struct {
		ID          string           `xml:"id,attr"`
		EdgeDefault string           `xml:"edgedefault,attr"`
		Nodes       []graphMLElement `xml:"node"`
		Edges       []graphMLElement `xml:"edge"`
	}
	graphMLElement struct {
		ID     string        `xml:"id,attr"`
		Source string        `xml:"source,attr,omitempty"`
		Target string        `xml:"target,attr,omitempty"`
		Data   []graphMLData `xml:"data"`
	}
	graphMLData struct {
		Key   string `xml:"key,attr"`
		Value string `xml:",chardata"`
	}
)

// Write writes g as a directed GraphML graph, each attribute declared with
// its type, empty values left out.
func Write(w io.Writer, g network.Graph) error {
	if err := g.Check(); err != nil {
		return err
	}
	doc := graphML{XMLNS: graphMLNS, XSI: xsiNS, SchemaLocation: graphMLSchema,
		Graph: graphMLGraph{ID: g.ID, EdgeDefault: "directed"}}
	for _, k := range g.NodeKeys {
		doc.Keys = append(doc.Keys, graphMLKey{ID: "n_" + k.Name, For: "node", AttrName: k.Name, AttrType: string(k.Type)})
	}
	for _, k := range g.EdgeKeys {
		doc.Keys = append(doc.Keys, graphMLKey{ID: "e_" + k.Name, For: "edge", AttrName: k.Name, AttrType: string(k.Type)})
	}
	data := func(prefix string, keys []network.Key, values []string) []graphMLData {
		var out []graphMLData
		for i, v := range values {
			if v != "" {
				out = append(out, graphMLData{Key: prefix + keys[i].Name, Value: xmlSafe(v)})
			}
		}
		return out
	}
	for _, n := range g.Nodes {
		doc.Graph.Nodes = append(doc.Graph.Nodes, graphMLElement{ID: n.ID, Data: data("n_", g.NodeKeys, n.Values)})
	}
	for _, e := range g.Edges {
		doc.Graph.Edges = append(doc.Graph.Edges, graphMLElement{ID: e.ID, Source: e.Source, Target: e.Target, Data: data("e_", g.EdgeKeys, e.Values)})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// xmlSafe drops the characters XML 1.0 cannot hold (control characters
// other than tab and line breaks), which encoding/xml would write as
// U+FFFD anyway.
func xmlSafe(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return r
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF || r == utf8.RuneError:
			return -1
		}
		return r
	}, s)
}
