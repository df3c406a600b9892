// Package webanno writes a dataset's quotes as W3C Web Annotations
// (JSON-LD), which annotation tools show on the source text.
package webanno

import (
	"encoding/json"
	"io"

	"github.com/counterpoint-news/counterpoint"
)

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

// Write writes the quotes of ds as W3C Web Annotations in
// JSON-LD: one per quote whose source text is in ds, describing the words
// with the claim they evidence (and tagging them with who asserts it), its
// target the source with a TextQuoteSelector (the exact words with up to
// counterpoint.ContextLength code points of prefix and suffix) and a
// TextPositionSelector (code-point offsets, as the Web Annotation model
// counts them).
func Write(w io.Writer, ds *counterpoint.Dataset) error {
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
