// Package aif reads and writes argument maps in the JSON form of the
// Argument Interchange Format (AIF), as AIFdb and OVA write them: decode.go
// reads a file, mapping.go maps its nodes to the domain, merge.go joins maps
// that share nodes, encode.go writes a dataset back. docs/aif.md describes
// the mapping.
package aif

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/format/internal/jsontext"
	"github.com/counterpoint-news/counterpoint/loader"
)

// Reader reads argument maps in the JSON form of the Argument Interchange
// Format, as AIFdb and OVA write them, so that the corpora of the
// argument-mining community load beside curated datasets. docs/aif.md
// describes the mapping.
var Reader loader.Reader = aifFormat{}

type aifFormat struct{}

// DecodesInParallel: a map decodes on its own (the maps are joined by
// Merge, after every file is read), so a corpus reads on every core.
func (aifFormat) DecodesInParallel() {}

func (aifFormat) Name() string { return "aif" }

// The AIF node types this format reads.
const (
	aifI  = "I"  // a proposition
	aifL  = "L"  // a locution: someone's words
	aifRA = "RA" // inference: premises support a conclusion
	aifCA = "CA" // conflict: one proposition attacks another
	aifMA = "MA" // rephrase: one proposition restates another
	aifYA = "YA" // illocutionary connection: how words put a proposition forward
	aifTA = "TA" // transition: one locution follows another
)

// aifQualifying is the text of a CA node that stands for a QUALIFIES
// relation: AIF has no kind of its own for it, so the export writes a
// conflict with this text and the import reads it back.
const aifQualifying = "Qualifying"

// aifID is a node, edge or person id: AIFdb writes numbers, OVA strings.
type aifID string

func (id *aifID) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case bytes.Equal(b, []byte("null")):
		*id = ""
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*id = aifID(strings.TrimSpace(s))
	default:
		var n json.Number
		if err := json.Unmarshal(b, &n); err != nil {
			return fmt.Errorf("an id must be a string or a number, not %s", clip(string(b), 40))
		}
		*id = aifID(n.String())
	}
	return nil
}

// aifString is a text field that may be null or a number in files written
// by hand or by other tools.
type aifString string

func (s *aifString) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case bytes.Equal(b, []byte("null")):
		*s = ""
	case len(b) > 0 && b[0] == '"':
		var v string
		if err := json.Unmarshal(b, &v); err != nil {
			return err
		}
		*s = aifString(v)
	default:
		var n json.Number
		if err := json.Unmarshal(b, &n); err != nil {
			return fmt.Errorf("want a string, not %s", clip(string(b), 40))
		}
		*s = aifString(n.String())
	}
	return nil
}

// The file layout: the parts of an AIF object this format reads.
type (
	aifNode struct {
		NodeID aifID     `json:"nodeID"`
		Text   aifString `json:"text"`
		Type   aifString `json:"type"`
	}
	aifEdge struct {
		EdgeID aifID `json:"edgeID"`
		FromID aifID `json:"fromID"`
		ToID   aifID `json:"toID"`
	}
	aifLocution struct {
		NodeID   aifID     `json:"nodeID"`
		PersonID aifID     `json:"personID"`
		Start    aifString `json:"start"`
		End      aifString `json:"end"`
	}
	aifParticipant struct {
		ParticipantID aifID     `json:"participantID"`
		FirstName     aifString `json:"firstname"`
		Surname       aifString `json:"surname"`
	}
	// aifExtension is what the export adds under "counterpoint": the
	// dataset's title and description and the document the map was cut
	// from, which AIF has no place for.
	aifExtension struct {
		Dataset     string `json:"dataset,omitempty"`
		Title       string `json:"title,omitempty"`
		Description string `json:"description,omitempty"`
		Document    *struct {
			Title string `json:"title"`
			Text  string `json:"text"`
		} `json:"document,omitempty"`
	}
)

// node is one AIF node read, with where it is and what the map says about it.
type node struct {
	id, typ, text string
	at            loader.Path
	index         int // its place among the nodes, to keep the file's order
	in, out       []*node
	bad           bool // a problem was reported; it and what hangs on it are left out
}

// aifMap is one file read: its nodes and edges, and what the decoder found.
type aifMap struct {
	file     string
	dataset  string
	base     loader.Path // "$" for a bare AIF object, "$.AIF" inside an OVA file
	nodes    map[string]*node
	order    []*node
	locution map[string]aifLocution // by L node id
	people   map[string]string      // participant id -> name
	text     string                 // the map's own text, without markup
	ext      aifExtension
	copies   []*node // annotators' copies of locutions
	problems loader.Problems
}

// fault reports a problem of the given kind with the AIF node or edge id it
// concerns and what --skip-invalid does about it.
func (m *aifMap) fault(kind, id, action string, at loader.Path, format string, args ...any) {
	m.problems = append(m.problems, loader.Problem{File: m.file, Path: string(at), Message: fmt.Sprintf(format, args...),
		Kind: kind, Node: id, Action: action})
}

// Decode reads one AIF map: the bare AIF object, or OVA's file that holds it
// under "AIF" beside the text. loader.Problems name a JSON path; the dataset comes
// back without the parts they concern, for --skip-invalid.
func (f aifFormat) Decode(file string, b []byte, _ func(string) ([]byte, error)) (*counterpoint.Dataset, loader.Problems) {
	if problems := jsontext.Check(file, b, "an AIF map is one JSON object"); problems != nil {
		return nil, problems
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(b, &top); err != nil {
		var v any
		if json.Unmarshal(b, &v) == nil {
			return nil, loader.Problems{{File: file, Path: string(loader.Root), Message: "an AIF map is a JSON object with nodes and edges, not " + jsonKind(v)}}
		}
		if endsEarly(b, err) {
			return nil, loader.Problems{{File: file, Path: jsontext.SyntaxPosition(b, err), Kind: "truncated",
				Message: "the file ends early, in the middle of its JSON (cut off while written or copied?); an AIF map is one complete JSON object"}}
		}
		return nil, loader.Problems{{File: file, Path: jsontext.SyntaxPosition(b, err), Kind: "malformed-json", Message: "malformed JSON: " + err.Error()}}
	}
	m := &aifMap{file: file, dataset: DatasetID(file, b), base: loader.Root, nodes: map[string]*node{},
		locution: map[string]aifLocution{}, people: map[string]string{}}
	body := top
	for _, key := range []string{"AIF", "aif"} {
		raw, ok := top[key]
		if !ok {
			continue
		}
		m.base = loader.Root.Field(key)
		body = nil
		if err := json.Unmarshal(raw, &body); err != nil || body == nil {
			return nil, loader.Problems{{File: file, Path: string(m.base), Message: "the AIF part must be an object with nodes and edges"}}
		}
		m.readText(top["text"])
		if raw, ok := top["counterpoint"]; ok {
			if err := json.Unmarshal(raw, &m.ext); err != nil {
				m.fault("extension", "", "extension ignored", loader.Root.Field("counterpoint"), "cannot read the counterpoint extension: %v", err)
			}
		}
		break
	}
	if m.base == loader.Root {
		m.readText(top["text"])
		if raw, ok := top["counterpoint"]; ok {
			if err := json.Unmarshal(raw, &m.ext); err != nil {
				m.fault("extension", "", "extension ignored", loader.Root.Field("counterpoint"), "cannot read the counterpoint extension: %v", err)
			}
		}
	}
	if id := m.ext.Dataset; id != "" && counterpoint.ValidID(id) && !strings.Contains(id, ".") {
		// A map that Counterpoint exported names its dataset: reading it
		// back, under any file name, gives the same dataset.
		m.dataset = id
	}
	if _, ok := body["nodes"]; !ok {
		return nil, loader.Problems{{File: file, Path: string(m.base), Message: "an AIF map needs a \"nodes\" list"}}
	}
	m.readNodes(body["nodes"])
	m.readEdges(body["edges"])
	m.readParticipants(body["participants"])
	m.readLocutions(body["locutions"])
	ds := m.build()
	return ds, m.problems
}

// endsEarly says whether a JSON syntax error is the file's end coming
// too soon: the decoder met the end, or stumbled only on the white space
// (or NUL padding) that follows where the file was cut.
func endsEarly(b []byte, err error) bool {
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return false
	}
	if strings.Contains(se.Error(), "unexpected end of JSON input") {
		return true
	}
	at := int(se.Offset) - 1
	return at >= 0 && at <= len(b) && len(bytes.Trim(b[at:], " \t\r\n\x00")) == 0
}

// DatasetIDFromFile is the dataset id of a map file: its name without the
// extension, as a slug (an AIF map has no id of its own).
func DatasetIDFromFile(file string) string {
	name := filepath.Base(file)
	for _, ext := range []string{".json", ".aif"} {
		if strings.HasSuffix(strings.ToLower(name), ext) {
			name = name[:len(name)-len(ext)]
		}
	}
	if id := slugify(name); id != "" {
		return id
	}
	return "aif-map"
}

// DatasetID is the dataset id of a map file with content b: its name as
// DatasetIDFromFile makes it, or, for a name that makes no slug (日本語.json,
// ---.json), "aif-map-" and a digest of the content, so that two such maps
// are two datasets and loading one never removes the other's claims.
func DatasetID(file string, b []byte) string {
	id := DatasetIDFromFile(file)
	if id != "aif-map" || slugify(strings.TrimSuffix(strings.TrimSuffix(strings.ToLower(filepath.Base(file)), ".json"), ".aif")) == "aif-map" {
		return id
	}
	sum := sha256.Sum256(b)
	return "aif-map-" + hex.EncodeToString(sum[:6])
}

func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case []any:
		return "a list"
	case string:
		return "a string"
	case float64:
		return "a number"
	case bool:
		return "true or false"
	}
	return "this"
}

// list reads a JSON list of objects, reporting anything else; an absent or
// null list is empty.
func (m *aifMap) list(raw json.RawMessage, name string) []json.RawMessage {
	if len(raw) == 0 || string(bytes.TrimSpace(raw)) == "null" {
		return nil
	}
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		m.fault("not-a-list", "", "list skipped", m.base.Field(name), "%s must be a list", name)
		return nil
	}
	return items
}

// readText keeps the map's own text (OVA's, an HTML fragment, or the
// analysed text), without markup.
func (m *aifMap) readText(raw json.RawMessage) {
	if len(raw) == 0 {
		return
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		var obj struct {
			Txt string `json:"txt"`
		}
		if json.Unmarshal(raw, &obj) != nil {
			return // OVA's text is an aid to reading the map; a strange one is left out
		}
		s = obj.Txt
	}
	m.text = StripMarkup(s)
}

var (
	breakTag = regexp.MustCompile(`(?i)<br\s*/?>|</p\s*>|</div\s*>`)
	anyTag   = regexp.MustCompile(`<[^>]*>`)
)

// StripMarkup turns OVA's HTML text into plain text: line breaks for <br>
// and the end of a paragraph, no tags, entities decoded, no trailing white
// space on a line and no blank lines at either end.
func StripMarkup(s string) string {
	s = breakTag.ReplaceAllString(s, "\n")
	s = anyTag.ReplaceAllString(s, "")
	s = html.UnescapeString(s)
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRightFunc(l, unicode.IsSpace)
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n")
}

var knownTypes = []string{aifI, aifL, aifRA, aifCA, aifMA, aifYA, aifTA}

func (m *aifMap) readNodes(raw json.RawMessage) {
	for i, item := range m.list(raw, "nodes") {
		at := m.base.Field("nodes").Index(i)
		var n aifNode
		if err := json.Unmarshal(item, &n); err != nil {
			m.fault("malformed-node", "", "node skipped", at, "malformed node: %v", jsonError(err))
			continue
		}
		nd := &node{id: string(n.NodeID), typ: strings.ToUpper(strings.TrimSpace(string(n.Type))), text: string(n.Text), at: at, index: i}
		switch {
		case nd.id == "":
			m.fault("no-node-id", "", "node skipped", at.Field("nodeID"), "the node has no nodeID")
			continue
		case nd.typ == "":
			m.fault("no-type", nd.id, "node skipped", at.Field("type"), "node %s has no type", nd.id)
			nd.bad = true
		case !slices.Contains(knownTypes, nd.typ):
			m.fault("unknown-type", nd.id, "node skipped", at.Field("type"), "node %s is of type %q, which Counterpoint does not read (it reads %s)", nd.id, nd.typ, strings.Join(knownTypes, ", "))
			nd.bad = true
		case (nd.typ == aifI || nd.typ == aifL) && strings.TrimSpace(nd.text) == "":
			m.fault("no-text", nd.id, "node skipped", at.Field("text"), "%s node %s has no text", nd.typ, nd.id)
			nd.bad = true
		}
		if first, ok := m.nodes[nd.id]; ok {
			if first.typ != nd.typ || first.text != nd.text {
				m.fault("node-twice", nd.id, "node skipped", at.Field("nodeID"), "node %s is also at %s, with another type or text", nd.id, first.at)
				first.bad = true
			}
			continue
		}
		m.nodes[nd.id] = nd
		m.order = append(m.order, nd)
	}
}

func (m *aifMap) readEdges(raw json.RawMessage) {
	seen := map[[2]string]bool{}
	for i, item := range m.list(raw, "edges") {
		at := m.base.Field("edges").Index(i)
		var e aifEdge
		if err := json.Unmarshal(item, &e); err != nil {
			m.fault("malformed-edge", "", "edge skipped", at, "malformed edge: %v", jsonError(err))
			continue
		}
		from, to := m.nodes[string(e.FromID)], m.nodes[string(e.ToID)]
		switch {
		case e.FromID == "" || e.ToID == "":
			m.fault("edge-without-ends", string(e.EdgeID), "edge skipped", at, "the edge needs a fromID and a toID")
			continue
		case from == nil:
			m.fault("dangling-edge", string(e.EdgeID), "edge skipped", at.Field("fromID"), "dangling edge: no node %s", e.FromID)
			continue
		case to == nil:
			m.fault("dangling-edge", string(e.EdgeID), "edge skipped", at.Field("toID"), "dangling edge: no node %s", e.ToID)
			continue
		case from == to:
			m.fault("edge-to-itself", string(e.EdgeID), "edge skipped", at, "the edge goes from node %s to itself", e.FromID)
			continue
		}
		if seen[[2]string{from.id, to.id}] {
			continue
		}
		seen[[2]string{from.id, to.id}] = true
		from.out = append(from.out, to)
		to.in = append(to.in, from)
	}
}

func (m *aifMap) readParticipants(raw json.RawMessage) {
	for i, item := range m.list(raw, "participants") {
		at := m.base.Field("participants").Index(i)
		var p aifParticipant
		if err := json.Unmarshal(item, &p); err != nil {
			m.fault("malformed-participant", "", "participant skipped", at, "malformed participant: %v", jsonError(err))
			continue
		}
		name := strings.Join(strings.Fields(string(p.FirstName)+" "+string(p.Surname)), " ")
		if p.ParticipantID == "" || name == "" {
			continue // a participant without id or name names no one
		}
		m.people[string(p.ParticipantID)] = name
	}
}

func (m *aifMap) readLocutions(raw json.RawMessage) {
	for i, item := range m.list(raw, "locutions") {
		at := m.base.Field("locutions").Index(i)
		var l aifLocution
		if err := json.Unmarshal(item, &l); err != nil {
			m.fault("malformed-locution", "", "locution skipped", at, "malformed locution: %v", jsonError(err))
			continue
		}
		n := m.nodes[string(l.NodeID)]
		switch {
		case n == nil:
			m.fault("locution-without-node", string(l.NodeID), "locution skipped", at.Field("nodeID"), "the locution names node %q, which the map does not have", l.NodeID)
			continue
		case n.typ != aifL:
			m.fault("locution-not-l", string(l.NodeID), "locution skipped", at.Field("nodeID"), "the locution names node %s, which is of type %s, not L", l.NodeID, n.typ)
			continue
		}
		m.locution[n.id] = l
	}
}

// jsonError shortens encoding/json's messages, which name Go types.
func jsonError(err error) string {
	if te, ok := err.(*json.UnmarshalTypeError); ok {
		if te.Field != "" {
			return fmt.Sprintf("%s must not be a JSON %s", te.Field, te.Value)
		}
		return fmt.Sprintf("want an object, not a JSON %s", te.Value)
	}
	return err.Error()
}

func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
