package aif

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/format/datasetjson"
	"github.com/counterpoint-news/counterpoint/loader"
)

const (
	harbourFile  = "testdata/aif/harbour-street.json"
	followupFile = "testdata/aif/harbour-street-followup.json"
	brokenFile   = "testdata/aif/broken.json"
)

// mustReadAIF reads AIF files with every check, failing the test on a
// problem.
func mustReadAIF(t *testing.T, files ...string) []loader.Input {
	t.Helper()
	inputs, err := loader.ReadFiles(Reader, files...)
	if err != nil {
		t.Fatalf("loader.ReadFiles(Reader, %v): %v", files, err)
	}
	return inputs
}

func claimByID(ds *counterpoint.Dataset, id string) *counterpoint.Claim {
	for i := range ds.Claims {
		if ds.Claims[i].ID == id {
			return &ds.Claims[i]
		}
	}
	return nil
}

// TestAIFMapping: the town-hall map becomes claims asserted by the right
// speakers with the right stance, quotes at their offsets in the
// transcript, and relations of the right kind, inferred, with a note
// naming the scheme node.
func TestAIFMapping(t *testing.T) {
	ds := mustReadAIF(t, harbourFile)[0].Dataset
	if ds.ID != "harbour-street" {
		t.Errorf("dataset id = %q, want harbour-street (the file's name)", ds.ID)
	}
	claims := []struct {
		id, actor   string
		stance      counterpoint.Stance
		attribution counterpoint.Attribution
		quoteID     string
		words       string
		date        string
	}{
		{"aif-101", "aif.ana-ruiz", counterpoint.Endorses, counterpoint.OnRecord, "aif-102.103.asserting", "We should build the bike lane on Harbour Street.", "2024-03-05"},
		// "Ana Ruiz: The lane will make the street safer: crashes…": only a
		// participant's name is a speaker in a map that lists participants.
		{"aif-111", "aif.ana-ruiz", counterpoint.Endorses, counterpoint.OnRecord, "aif-112.113.asserting", "The lane will make the street safer: crashes fell by a third where we built lanes last year.", "2024-03-05"},
		{"aif-121", "aif.tom-becker", counterpoint.Endorses, counterpoint.OnRecord, "aif-122.123.asserting", "The shops will lose every parking space they have.", "2024-03-05"},
		{"aif-141", "aif.tom-becker", counterpoint.Endorses, counterpoint.OnRecord, "aif-142.143.restating", "In other words, no more parking for the shops.", "2024-03-05"},
		// The rhetorical question endorses the proposition the analyst
		// read into it, which conflicts with Ana Ruiz's.
		{"aif-131", "aif.harbour-street.audience-member-1", counterpoint.Endorses, counterpoint.Anonymous, "aif-132.133.rhetorical-questioning", "Did crashes fall because of the lanes, or because fewer people cycled?", "2024-03-05"},
		// No name in the text: the locution's personID names her.
		{"aif-151", "aif.ana-ruiz", counterpoint.Endorses, counterpoint.OnRecord, "aif-152.153.asserting", "The state pays for it, not the town.", "2024-03-05"},
		// A pure question puts the proposition forward without arguing for it.
		{"aif-161", "aif.harbour-street.audience-member-2", counterpoint.Presents, counterpoint.Anonymous, "aif-162.163.pure-questioning", "Does parking matter more to the shops than safety?", "2024-03-05"},
	}
	if len(ds.Claims) != len(claims) {
		t.Errorf("%d claims, want %d", len(ds.Claims), len(claims))
	}
	text := counterpoint.NewText(ds.Sources[0].Text)
	for _, want := range claims {
		c := claimByID(ds, want.id)
		if c == nil {
			t.Errorf("no claim %s", want.id)
			continue
		}
		if len(c.Assertions) != 1 || c.Assertions[0].Actor != want.actor || c.Assertions[0].Stance != want.stance || c.Assertions[0].Attribution != want.attribution || c.Assertions[0].Date != want.date {
			t.Errorf("claim %s: assertions %+v, want one by %s, %s, %s, on %s", want.id, c.Assertions, want.actor, want.stance, want.attribution, want.date)
		}
		if len(c.Quotes) != 1 {
			t.Errorf("claim %s: %d quotes, want 1", want.id, len(c.Quotes))
			continue
		}
		q := c.Quotes[0]
		got, _ := text.Slice(q.Start, q.End)
		if q.ID != want.quoteID || q.Text != want.words || got != want.words || q.Kind != counterpoint.Direct {
			t.Errorf("claim %s: quote %s %q (%s) at [%d, %d) holding %q; want %s %q, DIRECT", want.id, q.ID, q.Text, q.Kind, q.Start, q.End, got, want.quoteID, want.words)
		}
	}

	relations := []struct {
		kind     counterpoint.RelationKind
		from, to string
		note     string
	}{
		{counterpoint.Supports, "aif-111", "aif-101", "AIF RA node 114 (Default Inference); anchored by YA node 116 (Arguing) on TA node 115 (Default Transition) from L node 102 to L node 112"},
		{counterpoint.Rebuts, "aif-121", "aif-101", "AIF CA node 124 (Default Conflict); anchored by YA node 126 (Disagreeing) on TA node 125 (Default Transition) from L node 112 to L node 122"},
		{counterpoint.Rephrases, "aif-141", "aif-121", "AIF MA node 144 (Default Rephrase)"},
		{counterpoint.Rebuts, "aif-131", "aif-111", "AIF CA node 134 (Default Conflict)"},
		{counterpoint.Supports, "aif-151", "aif-101", "AIF RA node 154 (Default Inference)"},
	}
	if len(ds.Relations) != len(relations) {
		t.Errorf("%d relations, want %d: %+v", len(ds.Relations), len(relations), ds.Relations)
	}
	for _, want := range relations {
		i := slices.IndexFunc(ds.Relations, func(r counterpoint.Relation) bool {
			return r.Kind == want.kind && r.From == want.from && r.To == want.to
		})
		if i < 0 {
			t.Errorf("no relation %s %s %s", want.from, want.kind, want.to)
			continue
		}
		if r := ds.Relations[i]; !r.Inferred || r.Note != want.note || len(r.Evidence) != 0 {
			t.Errorf("relation %s %s %s: inferred %v, note %q; want inferred with note %q", want.from, want.kind, want.to, r.Inferred, r.Note, want.note)
		}
	}
}

// TestAIFTranscript: a map without a text of its own gets a transcript of
// its locutions in the order of its transitions (not the file's), with
// each speaker and time, and the quotes at their exact offsets in it.
func TestAIFTranscript(t *testing.T) {
	// Read alone, the followup's proposition 101 (shared with the town
	// hall) is put forward by no locution, which ReadFiles refuses (see
	// TestAIFProblems): read it through the format.
	b, err := os.ReadFile(followupFile)
	if err != nil {
		t.Fatal(err)
	}
	ds, problems := Reader.Decode(followupFile, b, nil)
	if len(problems) != 0 {
		t.Fatalf("Decode: %v", problems)
	}
	want := "Transcript built from the locutions of the AIF map harbour-street-followup, in order.\n\n" +
		"[00:01:15 – 00:01:22] Tom Becker: “The lane will hurt every shop on the street.”\n\n" +
		"[00:02:40] Lena Ortiz: Maria Lopez: “Our association opposes the lane.”\n\n" +
		"Unnamed speaker: “Most of our customers come on foot anyway.”\n\n" +
		"AUDIENCE MEMBER: “Why not ask the shops first?”\n"
	if got := ds.Sources[0].Text; got != want {
		t.Errorf("transcript:\n%s\nwant:\n%s", got, want)
	}
	if len(ds.Sources) != 1 {
		t.Errorf("%d sources, want only the transcript (the map has no text)", len(ds.Sources))
	}
	text := counterpoint.NewText(ds.Sources[0].Text)
	for _, c := range ds.Claims {
		for _, q := range c.Quotes {
			line, ok := ParseTranscriptLine(text, q.Start)
			if !ok {
				t.Errorf("quote %s: no transcript line before offset %d", q.ID, q.Start)
			}
			if q.ID == "aif-212.213.asserting" && (line.Speaker != "Lena Ortiz: Maria Lopez" || line.Start != "00:02:40" || line.End != "") {
				t.Errorf("quote %s: line %+v, want Lena Ortiz relaying Maria Lopez at 00:02:40", q.ID, line)
			}
			if q.ID == "aif-202.203.asserting" && (line.Speaker != "Tom Becker" || line.Start != "00:01:15" || line.End != "00:01:22") {
				t.Errorf("quote %s: line %+v, want Tom Becker from 00:01:15 to 00:01:22", q.ID, line)
			}
		}
	}
	// Reported speech: the assertion is the relayed speaker's, reported.
	if c := claimByID(ds, "aif-211"); c == nil || c.Assertions[0].Actor != "aif.maria-lopez" || c.Assertions[0].Attribution != counterpoint.Reported {
		t.Errorf("claim aif-211: %+v, want asserted by aif.maria-lopez, REPORTED", c)
	}
	// Times of day alone give no date.
	if c := claimByID(ds, "aif-201"); c == nil || c.Date != "" || c.Assertions[0].Date != "" {
		t.Errorf("claim aif-201: %+v, want no date (the locution starts at 00:01:15)", c)
	}
	// Anonymous speakers: one per label in a map, distinct per map.
	for id, actor := range map[string]string{"aif-221": "aif.harbour-street-followup.unnamed-speaker", "aif-231": "aif.harbour-street-followup.audience-member"} {
		if c := claimByID(ds, id); c == nil || c.Assertions[0].Actor != actor || c.Assertions[0].Attribution != counterpoint.Anonymous {
			t.Errorf("claim %s: %+v, want asserted by the anonymous %s", id, c, actor)
		}
	}
}

// TestAIFSharedNodes: two maps that share a node load as one dataset, under
// the first id in order whichever order they are named in, with the shared
// claim once and put forward by the map that has its locution.
func TestAIFSharedNodes(t *testing.T) {
	for _, order := range [][]string{{harbourFile, followupFile}, {followupFile, harbourFile}} {
		inputs := mustReadAIF(t, order...)
		if len(inputs) != 1 {
			t.Fatalf("%v: %d datasets, want 1 (the maps share node 101)", order, len(inputs))
		}
		ds := inputs[0].Dataset
		if ds.ID != "harbour-street" || len(ds.Claims) != 11 || len(ds.Relations) != 9 || len(ds.Sources) != 3 {
			t.Errorf("%v: dataset %q with %d claims, %d relations, %d sources; want harbour-street with 11, 9, 3", order, ds.ID, len(ds.Claims), len(ds.Relations), len(ds.Sources))
		}
		if c := claimByID(ds, "aif-101"); c == nil || len(c.Quotes) != 1 || c.Quotes[0].Source != "aif.harbour-street.transcript" {
			t.Errorf("%v: shared claim aif-101 = %+v, want one quote from the town hall's transcript", order, c)
		}
	}
	// A shared node that the second map gives another text is reported.
	b, err := os.ReadFile(followupFile)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	other := filepath.Join(dir, "other.json")
	changed := strings.Replace(string(b), "The council should build the bike lane on Harbour Street.", "The council should build a bus lane.", 1)
	if err := os.WriteFile(other, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = loader.ReadFiles(Reader, harbourFile, other)
	if err == nil || !strings.Contains(err.Error(), `other.json: $..nodes[?(@.nodeID=="101")]: I node 101 is also in testdata/aif/harbour-street.json, with another text`) {
		t.Errorf("a shared node with another text: error %v, want it reported with both files", err)
	}
	// One speaker spelt two ways in maps loaded as one dataset is reported.
	shouted := strings.Replace(string(b), "Tom Becker : ", "TOM BECKER : ", 1)
	if err := os.WriteFile(other, []byte(shouted), 0o644); err != nil {
		t.Fatal(err)
	}
	// It is one speaker, named as first met, and a notice: never a reason
	// to refuse the maps.
	inputs, rep, err := loader.Limits{}.Read(Reader, loader.Options{}, harbourFile, other)
	if err != nil {
		t.Fatalf("a speaker spelt two ways: %v, want the maps read", err)
	}
	want := `other.json: $: speaker "TOM BECKER" is named "Tom Becker" in testdata/aif/harbour-street.json; they are one actor ("aif.tom-becker"), named as there`
	if got := problemStrings(rep.Notices); !slices.ContainsFunc(got, func(s string) bool { return strings.HasSuffix(s, want) }) {
		t.Errorf("notices %q, want one ending %q", got, want)
	}
	for _, a := range inputs[0].Dataset.Actors {
		if a.ID == "aif.tom-becker" && a.Name != "Tom Becker" {
			t.Errorf("actor aif.tom-becker named %q, want Tom Becker", a.Name)
		}
	}
}

// TestAIFProblems: a malformed node, a node type Counterpoint does not
// read, a dangling edge and a proposition no one puts forward are each
// reported with file and JSON path, and nothing is returned; with
// --skip-invalid the rest is.
func TestAIFProblems(t *testing.T) {
	want := []string{
		brokenFile + ": $.nodes[0].nodeID: the node has no nodeID",
		brokenFile + `: $.nodes[4].type: node 4 is of type "PA", which Counterpoint does not read (it reads I, L, RA, CA, MA, YA, TA)`,
		brokenFile + ": $.nodes[6]: malformed node: want an object, not a JSON string",
		brokenFile + ": $.edges[4].fromID: dangling edge: no node 9",
		brokenFile + `: $..nodes[?(@.nodeID=="5")]: I node 5 is put forward by no locution (no YA from an L node to it), so no one's words stand for it; every claim needs a quote`,
	}
	inputs, err := loader.ReadFiles(Reader, brokenFile)
	if inputs != nil {
		t.Errorf("ReadFiles returned %d datasets despite problems", len(inputs))
	}
	var ps loader.Problems
	if err != nil {
		ps, _ = err.(loader.Problems)
	}
	if got := problemStrings(ps); !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	inputs, skipped, err := loader.Limits{}.ReadFilesSkipInvalid(Reader, brokenFile, harbourFile)
	if err != nil {
		t.Fatalf("ReadFilesSkipInvalid: %v", err)
	}
	if got := problemStrings(skipped); !slices.Equal(got, want) {
		t.Errorf("skipped:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(inputs) != 2 || inputs[0].Dataset.ID != "broken" || len(inputs[0].Dataset.Claims) != 1 || len(inputs[0].Dataset.Relations) != 0 {
		t.Fatalf("with --skip-invalid: %d datasets, want broken (claim aif-1, no relation) and harbour-street", len(inputs))
	}
}

func problemStrings(ps loader.Problems) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
	}
	return out
}

// TestAIFFileShapes: the bare AIF object and OVA's file holding it read
// the same; optional parts may be missing or null; ids may be numbers or
// strings; OVA's text may be a string or {"txt": …}.
func TestAIFFileShapes(t *testing.T) {
	const bare = `{"nodes":[{"nodeID":1,"text":"Ed Park: The ferry should run every hour.","type":"L"},
{"nodeID":"2","text":"Asserting","type":"YA"},{"nodeID":3,"text":"The ferry should run every hour.","type":"I"}],
"edges":[{"fromID":1,"toID":"2"},{"fromID":2,"toID":3}]}`
	tests := []struct {
		name, file string
		document   string // the map's own text, when it has one
	}{
		{"bare", bare, ""},
		{"bare, null lists", strings.Replace(bare, `]}`, `],"locutions":null,"participants":null}`, 1), ""},
		{"OVA", `{"AIF":` + bare + `,"text":"Ed Park said <b>so</b>.<br>Twice &amp; more.","OVA":{"nodes":[]}}`, "Ed Park said so.\nTwice & more."},
		{"OVA, text object", `{"AIF":` + bare + `,"text":{"txt":"Ed Park said so."}}`, "Ed Park said so."},
		{"lower-case aif", `{"aif":` + bare + `}`, ""},
	}
	for _, tt := range tests {
		ds, problems := Reader.Decode("ferry.json", []byte(tt.file), nil)
		if len(problems) > 0 || ds == nil {
			t.Errorf("%s: problems %v", tt.name, problems)
			continue
		}
		if err := ds.Validate(); err != nil {
			t.Errorf("%s: %v", tt.name, err)
		}
		if len(ds.Claims) != 1 || ds.Claims[0].ID != "aif-3" || ds.Claims[0].Quotes[0].ID != "aif-1.2.asserting" || ds.Claims[0].Assertions[0].Actor != "aif.ed-park" {
			t.Errorf("%s: claims %+v, want aif-3 asserted by aif.ed-park", tt.name, ds.Claims)
		}
		doc := ""
		if len(ds.Sources) == 2 {
			doc = ds.Sources[1].Text
		}
		if doc != tt.document {
			t.Errorf("%s: the map's text %q, want %q", tt.name, doc, tt.document)
		}
	}
	for _, bad := range []struct{ file, want string }{
		{``, "line 1, column 1: malformed JSON: the file is empty"},
		{`[]`, "$: an AIF map is a JSON object with nodes and edges, not a list"},
		{`{"edges":[]}`, `$: an AIF map needs a "nodes" list`},
		{`{"AIF":[]}`, "$.AIF: the AIF part must be an object with nodes and edges"},
		{`{"nodes":{}}`, "$.nodes: nodes must be a list"},
		{`{"nodes":[{"nodeID":true,"type":"I","text":"x"}]}`, "$.nodes[0]: malformed node: an id must be a string or a number, not true"},
		{`{"nodes":[{"nodeID":1,"type":"I","text":"x"},{"nodeID":1,"type":"I","text":"y"}]}`, "$.nodes[1].nodeID: node 1 is also at $.nodes[0], with another type or text"},
		{`{"nodes":[{"nodeID":1,"type":"L","text":" "}]}`, "$.nodes[0].text: L node 1 has no text"},
		{`{"nodes":[{"nodeID":1,"type":"I","text":"x"}],"edges":[{"fromID":1,"toID":1}]}`, "$.edges[0]: the edge goes from node 1 to itself"},
		{`{"nodes":[{"nodeID":1,"type":"I","text":"x"}],"locutions":[{"nodeID":1}]}`, "$.locutions[0].nodeID: the locution names node 1, which is of type I, not L"},
		{`{"nodes":[{"nodeID":1,"type":"L","text":"Ed: x"},{"nodeID":2,"type":"YA","text":"Asserting"},{"nodeID":3,"type":"RA","text":"Default Inference"}],"edges":[{"fromID":1,"toID":2},{"fromID":2,"toID":3}]}`,
			"$.nodes[2]: RA node 3 has no proposition leading into it"},
		{`{"nodes":[{"nodeID":1,"type":"I","text":"x"},{"nodeID":2,"type":"YA","text":"Asserting"}],"edges":[{"fromID":1,"toID":2}]}`, "$.nodes[1]: YA node 2 leads to no node"},
	} {
		_, problems := Reader.Decode("bad.json", []byte(bad.file), nil)
		got := problemStrings(problems)
		if !slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, bad.want) }) {
			t.Errorf("Decode(%s): problems %q, want one containing %q", bad.file, got, bad.want)
		}
	}
}

// TestAIFSpeakers: who speaks a locution, from its text and the map's
// participants.
func TestAIFSpeakers(t *testing.T) {
	tests := []struct {
		text       string
		people     []string
		wantLabels []string
		wantWords  string
	}{
		{"CLINTON : We will win.", nil, []string{"CLINTON"}, "We will win."},
		{"Robert S. Litt: Really?", nil, []string{"Robert S. Litt"}, "Really?"},
		{"Ludwig van Beethoven: Music.", nil, []string{"Ludwig van Beethoven"}, "Music."},
		{"Lena Ortiz : Maria Lopez : Our association opposes it.", nil, []string{"Lena Ortiz", "Maria Lopez"}, "Our association opposes it."},
		{"The reason is simple: taxes.", nil, nil, "The reason is simple: taxes."},
		{"Note, though: taxes.", nil, nil, "Note, though: taxes."},
		{"AUDIENCE MEMBER 3: Why?", nil, []string{"AUDIENCE MEMBER 3"}, "Why?"},
		{"Audience member: Why?", []string{"Ana Ruiz"}, []string{"Audience member"}, "Why?"},
		{"Ruiz: Yes.", []string{"Ana Ruiz"}, []string{"Ruiz"}, "Yes."},
		{"Safety First: Yes.", []string{"Ana Ruiz"}, nil, "Safety First: Yes."},
		{"No name here.", nil, nil, "No name here."},
	}
	for _, tt := range tests {
		m := &aifMap{people: map[string]string{}}
		for i, p := range tt.people {
			m.people[string(rune('1'+i))] = p
		}
		labels, words := m.parseSpeaker(tt.text, "")
		if !slices.Equal(labels, tt.wantLabels) || words != tt.wantWords {
			t.Errorf("parseSpeaker(%q, participants %v) = %q, %q; want %q, %q", tt.text, tt.people, labels, words, tt.wantLabels, tt.wantWords)
		}
	}
}

// TestAIFIDs: node ids of any form survive the graph's ids, and notes and
// quote ids read back what was written into them.
func TestAIFIDs(t *testing.T) {
	for _, id := range []string{"101", "3_164926129380455983", "h-1", "N12", "a b", "x.y", "ümlaut", "-1"} {
		enc := encodeAIFID(id)
		if !counterpoint.ValidID("aif-"+enc) || strings.Contains(enc, ".") {
			t.Errorf("encodeAIFID(%q) = %q, not a slug without dots", id, enc)
		}
		if got := DecodeAIFID(enc); got != id {
			t.Errorf("DecodeAIFID(encodeAIFID(%q)) = %q", id, got)
		}
		qid := aifQuoteID(id, id+"y", "rhetorical-questioning")
		l, ya, il, ok := ParseAIFQuoteID(qid)
		if !ok || l != id || ya != id+"y" || il != "Rhetorical Questioning" || !counterpoint.ValidID(qid) {
			t.Errorf("ParseAIFQuoteID(%q) = %q, %q, %q, %v; want %q, %q, Rhetorical Questioning", qid, l, ya, il, ok, id, id+"y")
		}
	}
	ta := &node{typ: aifTA, id: "t 1", text: "Default (odd) Transition"}
	l1, l2 := &node{typ: aifL, id: "L1"}, &node{typ: aifL, id: "L2"}
	ta.in, ta.out = []*node{l1}, []*node{l2}
	ya := &node{typ: aifYA, id: "9", text: "Arguing", in: []*node{ta}}
	yl := &node{typ: aifYA, id: "10", text: "Disagreeing; strongly", in: []*node{l1}}
	s := &node{typ: aifCA, id: "7", text: "Default Conflict"}
	note := schemeNote(s, []*node{ya, yl})
	got, ok := ParseSchemeNote(note)
	want := SchemeNode{Type: "CA", ID: "7", Text: "Default Conflict", Anchors: []SchemeAnchor{
		{ID: "9", Text: "Arguing", OnType: "TA", OnID: "t 1", OnText: "Default (odd) Transition", FromL: "L1", ToL: "L2"},
		{ID: "10", Text: "Disagreeing; strongly", OnType: "L", OnID: "L1"},
	}}
	if !ok || got.Type != want.Type || got.ID != want.ID || got.Text != want.Text || !slices.Equal(got.Anchors, want.Anchors) {
		t.Errorf("ParseSchemeNote(%q) = %+v, %v; want %+v", note, got, ok, want)
	}
	if _, ok := ParseSchemeNote("The curator's reading."); ok {
		t.Errorf("ParseSchemeNote read a note the AIF format did not write")
	}
}

// TestAIFDirectory: a folder loads as its *.json maps, in name order.
func TestAIFDirectory(t *testing.T) {
	files, err := loader.ExpandDirs([]string{"testdata/aif"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{brokenFile, followupFile, harbourFile}
	if !slices.Equal(files, want) {
		t.Errorf("loader.ExpandDirs(testdata/aif) = %v, want %v", files, want)
	}
}

// TestAIFDetails: OVA's analyst locutions are left out; words with
// quotation marks of their own are a paraphrase in the transcript; an RA
// with two premises is two SUPPORTS with one note, and one RA node again
// on export; a CA named "Qualifying" is QUALIFIES.
func TestAIFDetails(t *testing.T) {
	const m = `{"AIF":{"nodes":[
{"nodeID":"l1","text":"Participant Rachel: The \"plan\" works.","type":"L"},{"nodeID":"y1","text":"Asserting","type":"YA"},{"nodeID":"i1","text":"The plan works.","type":"I"},
{"nodeID":"a1","text":"Anon: Participant Rachel: The \"plan\" works.","type":"L"},{"nodeID":"ay","text":"Analysing","type":"YA"},
{"nodeID":"l2","text":"Participant Mo: It is cheap and it is quick.","type":"L"},{"nodeID":"y2","text":"Asserting","type":"YA"},{"nodeID":"y3","text":"Asserting","type":"YA"},
{"nodeID":"i2","text":"The plan is cheap.","type":"I"},{"nodeID":"i3","text":"The plan is quick.","type":"I"},
{"nodeID":"ra","text":"Default Inference","type":"RA"},{"nodeID":"q","text":"Qualifying","type":"CA"}],
"edges":[{"fromID":"l1","toID":"y1"},{"fromID":"y1","toID":"i1"},{"fromID":"a1","toID":"ay"},{"fromID":"ay","toID":"l1"},
{"fromID":"l2","toID":"y2"},{"fromID":"y2","toID":"i2"},{"fromID":"l2","toID":"y3"},{"fromID":"y3","toID":"i3"},
{"fromID":"i2","toID":"ra"},{"fromID":"i3","toID":"ra"},{"fromID":"ra","toID":"i1"},{"fromID":"i3","toID":"q"},{"fromID":"q","toID":"i2"}],
"participants":[{"participantID":1,"firstname":"Participant","surname":"Rachel"},{"participantID":2,"firstname":"Participant","surname":"Mo"}]}}`
	ds, problems := Reader.Decode("plan.json", []byte(m), nil)
	if len(problems) > 0 {
		t.Fatalf("Decode: %v", problems)
	}
	if err := ds.Validate(); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(ds.Sources[0].Text, "Anon") {
		t.Errorf("the analyst's locution is in the transcript:\n%s", ds.Sources[0].Text)
	}
	if c := claimByID(ds, "aif-i1"); c == nil || c.Quotes[0].Kind != counterpoint.Paraphrase || c.Quotes[0].Text != `The "plan" works.` {
		t.Errorf("claim aif-i1: %+v, want its words with their own quotation marks as a PARAPHRASE", c)
	}
	if c := claimByID(ds, "aif-i2"); c == nil || c.Quotes[0].Kind != counterpoint.Direct || c.Assertions[0].Actor != "aif.participant-mo" {
		t.Errorf("claim aif-i2: %+v, want a DIRECT quote by aif.participant-mo", c)
	}
	var got []string
	for _, r := range ds.Relations {
		got = append(got, r.From+" "+string(r.Kind)+" "+r.To+": "+r.Note)
	}
	want := []string{
		"aif-i2 SUPPORTS aif-i1: AIF RA node ra (Default Inference)",
		"aif-i3 SUPPORTS aif-i1: AIF RA node ra (Default Inference)",
		"aif-i3 QUALIFIES aif-i2: AIF CA node q (Qualifying)",
	}
	if !slices.Equal(got, want) {
		t.Errorf("relations %q, want %q", got, want)
	}
	var out strings.Builder
	if err := Encode(&out, ds); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{`"nodeID": "ra"`, `"text": "Qualifying"`, `"text": "Participant Mo: It is cheap and it is quick."`} {
		if !strings.Contains(out.String(), w) {
			t.Errorf("the export lacks %s", w)
		}
	}
	var file struct {
		AIF struct {
			Edges []struct{ FromID, ToID string } `json:"edges"`
		} `json:"AIF"`
	}
	if err := json.Unmarshal([]byte(out.String()), &file); err != nil {
		t.Fatal(err)
	}
	for _, premise := range []string{"i2", "i3"} {
		if !slices.ContainsFunc(file.AIF.Edges, func(e struct{ FromID, ToID string }) bool { return e.FromID == premise && e.ToID == "ra" }) {
			t.Errorf("the export lacks the edge from premise %s to the RA node", premise)
		}
	}
	if n := strings.Count(out.String(), `"type": "RA"`); n != 1 {
		t.Errorf("the export has %d RA nodes, want the one with two premises", n)
	}
	if n := strings.Count(out.String(), `"text": "Participant Mo: `); n != 1 {
		t.Errorf("the export has %d L nodes for Mo's one locution, want 1", n)
	}
}

// TestAIFExportOfTheArticle: a curated dataset written as AIF reads back
// as AIF with every claim and relation, the relations inferred with a note
// naming the scheme node the export made.
func TestAIFExportOfTheArticle(t *testing.T) {
	inputs, err := loader.ReadFiles(datasetjson.Reader, "../../data/wapo-2015-encryption.json")
	if err != nil {
		t.Fatal(err)
	}
	article := inputs[0].Dataset
	var out strings.Builder
	if err := Encode(&out, article); err != nil {
		t.Fatal(err)
	}
	ds, problems := Reader.Decode("wapo.aif.json", []byte(out.String()), nil)
	if len(problems) > 0 {
		t.Fatalf("the article's AIF does not read back: %v", problems)
	}
	if err := ds.Validate(); err != nil {
		t.Fatal(err)
	}
	if len(ds.Claims) != len(article.Claims) || len(ds.Relations) != len(article.Relations) {
		t.Errorf("read back %d claims and %d relations, want %d and %d", len(ds.Claims), len(ds.Relations), len(article.Claims), len(article.Relations))
	}
	texts := map[string]string{}
	for _, c := range article.Claims {
		texts[c.ID] = c.Text
	}
	for _, c := range ds.Claims {
		if id := strings.TrimPrefix(c.ID, "aif-"); texts[id] != c.Text {
			t.Errorf("claim %s: %q, want the article's claim %s: %q", c.ID, c.Text, id, texts[id])
		}
	}
	for _, r := range ds.Relations {
		if s, ok := ParseSchemeNote(r.Note); !ok || !r.Inferred || s.ID != ClaimAIFID(strings.TrimPrefix(r.From, "aif-"))+"."+strings.ToLower(string(r.Kind))+"."+strings.TrimPrefix(r.To, "aif-") {
			t.Errorf("relation %s %s %s: note %q", r.From, r.Kind, r.To, r.Note)
		}
	}
}

// TestDatasetIDFromFile: a map's dataset id is its file's name as a slug,
// without .json and .aif (the export's own name reads back as the dataset).
func TestDatasetIDFromFile(t *testing.T) {
	for file, want := range map[string]string{
		"maps/harbour-street.json":      "harbour-street",
		"harbour-street.aif.json":       "harbour-street",
		"/x/Débat Télévisé 12.AIF.JSON": "debat-televise-12",
		"nodeset 1234.json":             "nodeset-1234",
		"!!!.json":                      "aif-map",
	} {
		if got := DatasetIDFromFile(file); got != want {
			t.Errorf("DatasetIDFromFile(%q) = %q, want %q", file, got, want)
		}
	}
}

// TestUnsluggableNamesAreTwoDatasets: maps whose names make no slug get
// ids from their content, so that loading the second never replaces the
// first (issue 24, item 9); the same content keeps its id.
func TestUnsluggableNamesAreTwoDatasets(t *testing.T) {
	dir := t.TempDir()
	fa := mustWriteMap(t, dir, "日本語.json", debateMap("a", "Ann Lee"))
	fb := mustWriteMap(t, dir, "---.json", debateMap("b", "Ann Lee"))
	inputs := mustReadAIF(t, fa, fb)
	if len(inputs) != 2 || inputs[0].Dataset.ID == inputs[1].Dataset.ID {
		t.Fatalf("%d datasets, want two with different ids", len(inputs))
	}
	for _, in := range inputs {
		if !strings.HasPrefix(in.Dataset.ID, "aif-map-") {
			t.Errorf("%s: dataset id %q, want aif-map-<digest>", in.File, in.Dataset.ID)
		}
	}
	again := mustReadAIF(t, fa)
	if again[0].Dataset.ID != inputs[0].Dataset.ID {
		t.Errorf("the same map read again: id %q, want %q", again[0].Dataset.ID, inputs[0].Dataset.ID)
	}
}

// TestTruncatedMapSaysItEndsEarly: a map cut off in the middle says so,
// whatever the last byte read.
func TestTruncatedMapSaysItEndsEarly(t *testing.T) {
	b, err := os.ReadFile(harbourFile)
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(string(b), "null")
	if i < 0 {
		t.Fatal("the test map has no null to cut")
	}
	for _, cut := range [][]byte{b[:len(b)/2], append(append([]byte{}, b[:i+2]...), ' ', '\n'), b[:len(b)-2]} {
		_, ps := Reader.Decode("cut.json", cut, nil)
		if len(ps) != 1 || ps[0].Kind != "truncated" || !strings.Contains(ps[0].Message, "ends early") {
			t.Errorf("a map cut at byte %d: %v, want one problem saying it ends early", len(cut), ps)
		}
	}
}

// A YA text gives its quotes a slug and its speaker a stance, and the name
// the export writes back for that slug reads as the same stance, so that
// an export read again keeps who argued for what.
func TestReadIllocution(t *testing.T) {
	tests := []struct {
		text, slug string
		stance     counterpoint.Stance
	}{
		{"Asserting", "asserting", counterpoint.Endorses},
		{"  rhetorical   QUESTIONING ", "rhetorical-questioning", counterpoint.Endorses},
		{"Asserting.", "asserting", counterpoint.Endorses},
		{"Pure Questioning", "pure-questioning", counterpoint.Presents},
		{"", "default-illocuting", counterpoint.Endorses},
		{"   ", "default-illocuting", counterpoint.Endorses},
		{"!", "unknown-illocution", counterpoint.Presents}, // found by FuzzDecodeAIF: exported as Default Illocuting, read back as endorsing
		{"Shrugging", "shrugging", counterpoint.Presents},
		{"Asserting " + strings.Repeat("x", 40), "unknown-illocution", counterpoint.Presents}, // cut short to "asserting"
	}
	for _, tt := range tests {
		slug, stance := readIllocution(tt.text)
		if slug != tt.slug || stance != tt.stance {
			t.Errorf("readIllocution(%q) = %q, %s; want %q, %s", tt.text, slug, stance, tt.slug, tt.stance)
		}
		name := illocutionName(slug)
		if _, back := readIllocution(name); back != stance {
			t.Errorf("readIllocution(%q): the export's YA text %q reads as %s, not %s", tt.text, name, back, stance)
		}
	}
}
