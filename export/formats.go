package export

import (
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/counterpoint-news/counterpoint"
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

// WriteGraphML writes g as a directed GraphML graph, each attribute
// declared with its type, empty values left out.
func WriteGraphML(w io.Writer, g Graph) error {
	if err := g.check(); err != nil {
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
	data := func(prefix string, keys []Key, values []string) []graphMLData {
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

// WriteCSV writes g as two tables: nodes (id, then one column per node
// key) and edges (id, source, target, then one column per edge key), each
// with a header row.
func WriteCSV(nodes, edges io.Writer, g Graph) error {
	if err := g.check(); err != nil {
		return err
	}
	write := func(w io.Writer, head []string, keys []Key, rows []Element, cols func(Element) []string) error {
		cw := csv.NewWriter(w)
		for _, k := range keys {
			head = append(head, k.Name)
		}
		if err := cw.Write(head); err != nil {
			return err
		}
		for _, r := range rows {
			if err := cw.Write(append(cols(r), r.Values...)); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	}
	if err := write(nodes, []string{"id"}, g.NodeKeys, g.Nodes, func(e Element) []string { return []string{e.ID} }); err != nil {
		return err
	}
	return write(edges, []string{"id", "source", "target"}, g.EdgeKeys, g.Edges, func(e Element) []string { return []string{e.ID, e.Source, e.Target} })
}

// The W3C Web Annotation vocabulary's JSON-LD context.
const annoContext = "http://www.w3.org/ns/anno.jsonld"

// Web Annotations (W3C Web Annotation Data Model): a collection of one page
// that holds an annotation per quote.
type (
	annotationCollection struct {
		Context string         `json:"@context"`
		ID      string         `json:"id"`
		Type    string         `json:"type"`
		Label   string         `json:"label"`
		Total   int            `json:"total"`
		First   annotationPage `json:"first"`
	}
	annotationPage struct {
		ID         string       `json:"id"`
		Type       string       `json:"type"`
		StartIndex int          `json:"startIndex"`
		Items      []annotation `json:"items"`
	}
	annotation struct {
		Context    string           `json:"@context"`
		ID         string           `json:"id"`
		Type       string           `json:"type"`
		Motivation string           `json:"motivation"`
		Body       []annotationBody `json:"body"`
		Target     annotationTarget `json:"target"`
	}
	annotationBody struct {
		Type    string `json:"type"`
		Value   string `json:"value"`
		Purpose string `json:"purpose"`
		Format  string `json:"format"`
	}
	annotationTarget struct {
		Source   string `json:"source"`
		Selector []any  `json:"selector"`
	}
	textQuoteSelector struct {
		Type   string `json:"type"`
		Exact  string `json:"exact"`
		Prefix string `json:"prefix"`
		Suffix string `json:"suffix"`
	}
	textPositionSelector struct {
		Type  string `json:"type"`
		Start int    `json:"start"`
		End   int    `json:"end"`
	}
)

// URNs name what has no web address: a source without a URL, a quote, the
// collection of a dataset's annotations.
const urnPrefix = "urn:counterpoint:"

// SourceIRI is the IRI an annotation's target names for a source: its URL
// when it has one, else a URN of its id.
func SourceIRI(s *counterpoint.Source) string {
	if s.URL != "" {
		return s.URL
	}
	return urnPrefix + "source:" + s.ID
}

// WriteWebAnnotations writes the quotes of ds as W3C Web Annotations in
// JSON-LD: one per quote whose source text is in ds, describing the words
// with the claim they evidence (and tagging them with who asserts it), its
// target the source with a TextQuoteSelector (the exact words with up to
// counterpoint.ContextLength code points of prefix and suffix) and a
// TextPositionSelector (code-point offsets, as the Web Annotation model
// counts them).
func WriteWebAnnotations(w io.Writer, ds *counterpoint.Dataset) error {
	sources := map[string]*counterpoint.Source{}
	texts := map[string]*counterpoint.Text{}
	for i := range ds.Sources {
		s := &ds.Sources[i]
		sources[s.ID] = s
		if s.Text != "" {
			texts[s.ID] = counterpoint.NewText(s.Text)
		}
	}
	names := map[string]string{}
	for _, a := range ds.Actors {
		names[a.ID] = a.Name
	}
	coll := annotationCollection{Context: annoContext, ID: urnPrefix + "dataset:" + ds.ID + ":annotations", Type: "AnnotationCollection",
		Label: "Quotes of " + ds.Title, First: annotationPage{ID: urnPrefix + "dataset:" + ds.ID + ":annotations:1", Type: "AnnotationPage", Items: []annotation{}}}
	for _, c := range ds.Claims {
		for _, q := range c.Quotes {
			text := texts[q.Source]
			if text == nil {
				continue
			}
			exact, ok := text.Slice(q.Start, q.End)
			if !ok {
				continue // no text to select in: nothing an annotation tool could show
			}
			prefix, suffix := text.Context(q.Start, q.End)
			a := annotation{Context: annoContext, ID: urnPrefix + "quote:" + q.ID, Type: "Annotation", Motivation: "describing",
				Body: []annotationBody{{Type: "TextualBody", Value: c.Text, Purpose: "describing", Format: "text/plain"}},
				Target: annotationTarget{Source: SourceIRI(sources[q.Source]), Selector: []any{
					textQuoteSelector{Type: "TextQuoteSelector", Exact: exact, Prefix: prefix, Suffix: suffix},
					textPositionSelector{Type: "TextPositionSelector", Start: q.Start, End: q.End},
				}}}
			tagged := map[string]bool{}
			for _, as := range c.Assertions {
				if n := names[as.Actor]; n != "" && !tagged[n] {
					tagged[n] = true
					a.Body = append(a.Body, annotationBody{Type: "TextualBody", Value: n, Purpose: "tagging", Format: "text/plain"})
				}
			}
			coll.First.Items = append(coll.First.Items, a)
		}
	}
	coll.Total = len(coll.First.Items)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(coll)
}
