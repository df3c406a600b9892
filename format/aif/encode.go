package aif

import (
	"encoding/json"
	"html"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/counterpoint-news/counterpoint"
)

// The file Encode writes: OVA's save file, which holds the AIF object
// that AIFdb reads, the text the map opens with, and an extension of
// Counterpoint's own for what AIF has no place for.
type (
	aifOut struct {
		AIF          aifOutMap    `json:"AIF"`
		Text         string       `json:"text"`
		OVA          aifOutOVA    `json:"OVA"`
		Counterpoint aifOutExtras `json:"counterpoint"`
	}
	aifOutMap struct {
		Nodes                  []aifOutNode        `json:"nodes"`
		Edges                  []aifOutEdge        `json:"edges"`
		SchemeFulfillments     []any               `json:"schemefulfillments"`
		DescriptorFulfillments []any               `json:"descriptorfulfillments"`
		Participants           []aifOutParticipant `json:"participants"`
		Locutions              []aifOutLocution    `json:"locutions"`
	}
	aifOutNode struct {
		NodeID string `json:"nodeID"`
		Text   string `json:"text"`
		Type   string `json:"type"`
	}
	aifOutEdge struct {
		EdgeID int    `json:"edgeID"`
		FromID string `json:"fromID"`
		ToID   string `json:"toID"`
	}
	aifOutParticipant struct {
		ParticipantID int    `json:"participantID"`
		FirstName     string `json:"firstname"`
		Surname       string `json:"surname"`
	}
	aifOutLocution struct {
		NodeID   string `json:"nodeID"`
		PersonID int    `json:"personID"`
		Start    string `json:"start,omitempty"`
		End      string `json:"end,omitempty"`
	}
	aifOutOVA struct {
		FirstName string `json:"firstname"`
		Surname   string `json:"surname"`
		URL       string `json:"url"`
		Nodes     []any  `json:"nodes"`
		Edges     []any  `json:"edges"`
	}
	// aifOutExtras: the dataset, the document the words were said in, and
	// where each locution's words stand in its source, in code points
	// (AIF's locution start and end are times).
	aifOutExtras struct {
		Dataset     string          `json:"dataset"`
		Title       string          `json:"title,omitempty"`
		Description string          `json:"description,omitempty"`
		Document    *aifOutDocument `json:"document,omitempty"`
		Quotes      []aifOutQuote   `json:"quotes"`
	}
	aifOutDocument struct {
		Title string `json:"title"`
		Text  string `json:"text"`
	}
	aifOutQuote struct {
		NodeID string `json:"nodeID"`
		Quote  string `json:"quote"`
		Claim  string `json:"claim"`
		Source string `json:"source"`
		Start  int    `json:"start"`
		End    int    `json:"end"`
	}
)

// aifBuilder collects the nodes and edges of an export, each once.
type aifBuilder struct {
	out   aifOut
	nodes map[string]bool
	edges map[[2]string]bool
}

func (b *aifBuilder) node(id, typ, text string) {
	if b.nodes[id] {
		return
	}
	b.nodes[id] = true
	b.out.AIF.Nodes = append(b.out.AIF.Nodes, aifOutNode{NodeID: id, Text: text, Type: typ})
}

func (b *aifBuilder) edge(from, to string) {
	if b.edges[[2]string{from, to}] || !b.nodes[from] || !b.nodes[to] {
		return
	}
	b.edges[[2]string{from, to}] = true
	b.out.AIF.Edges = append(b.out.AIF.Edges, aifOutEdge{EdgeID: len(b.out.AIF.Edges) + 1, FromID: from, ToID: to})
}

// locution is one L node of the export: the words of one or more quotes.
type locution struct {
	id      string
	speaker string // as the L node's text names them
	actor   string // the speaker's actor id
	words   string
	source  string
	start   int
	times   TranscriptLine
	quotes  []counterpoint.Quote
	claims  []string
}

// Encode writes ds as an AIF map in OVA's save file (AIFdb reads the
// "AIF" object in it): claims as I nodes, each quote as an L node
// "Speaker: words" with a YA node to its claim's I node, REBUTS as CA,
// SUPPORTS as RA, QUALIFIES as a CA named "Qualifying", REPHRASES as MA,
// and the source text as the map's text. Nodes read from AIF keep their
// ids, illocutions and anchors (docs/aif.md).
func Encode(w io.Writer, ds *counterpoint.Dataset) error {
	b := &aifBuilder{nodes: map[string]bool{}, edges: map[[2]string]bool{}}
	b.out.AIF.SchemeFulfillments, b.out.AIF.DescriptorFulfillments = []any{}, []any{}
	b.out.OVA = aifOutOVA{FirstName: "Counterpoint", Surname: "export", Nodes: []any{}, Edges: []any{}}
	b.out.Counterpoint = aifOutExtras{Dataset: ds.ID, Title: ds.Title, Description: ds.Description, Quotes: []aifOutQuote{}}

	sources := map[string]*counterpoint.Source{}
	texts := map[string]*counterpoint.Text{}
	for i := range ds.Sources {
		s := &ds.Sources[i]
		sources[s.ID] = s
		if s.Text != "" {
			texts[s.ID] = counterpoint.NewText(s.Text)
		}
	}
	actors := map[string]*counterpoint.Actor{}
	for i := range ds.Actors {
		actors[ds.Actors[i].ID] = &ds.Actors[i]
	}

	// Locutions: one per L node id, in the order of their words in their
	// sources, so that reading the map back gives the same transcript.
	byID := map[string]*locution{}
	var locs []*locution
	yas := map[string]string{} // YA id -> illocution
	ids := newAIFIDs(ds)
	for _, c := range ds.Claims {
		for _, q := range c.Quotes {
			lid, ya, illocution, ok := ParseAIFQuoteID(q.ID)
			if !ok {
				lid, ya = ids.forQuote(q.ID)
				illocution = IllocutionFor(stanceOf(c, q))
			}
			l := byID[lid]
			if l == nil {
				l = &locution{id: lid, words: strings.Join(strings.Fields(q.Text), " "), source: q.Source, start: q.Start}
				l.speaker, l.actor, l.times = speakerOf(c, q, texts[q.Source], actors)
				byID[lid] = l
				locs = append(locs, l)
			}
			l.quotes = append(l.quotes, q)
			l.claims = append(l.claims, c.ID)
			yas[ya] = illocution

		}
	}
	slices.SortStableFunc(locs, func(a, b *locution) int {
		if a.source != b.source {
			return strings.Compare(a.source, b.source)
		}
		return a.start - b.start
	})

	participants := map[string]int{}
	for _, l := range locs {
		if _, ok := participants[l.actor]; ok || l.actor == "" {
			continue
		}
		participants[l.actor] = len(participants) + 1
		name := l.speaker
		if a := actors[l.actor]; a != nil {
			name = a.Name
		}
		first, last, _ := strings.Cut(name, " ")
		b.out.AIF.Participants = append(b.out.AIF.Participants, aifOutParticipant{ParticipantID: participants[l.actor], FirstName: first, Surname: last})
	}
	if b.out.AIF.Participants == nil {
		b.out.AIF.Participants = []aifOutParticipant{}
	}

	for _, c := range ds.Claims {
		b.node(ClaimAIFID(c.ID), aifI, c.Text)
	}
	transitions := transitionsOf(ds)
	var pendingTA [][2]string // transitions from locutions written later
	for _, l := range locs {
		b.node(l.id, aifL, l.speaker+": "+l.words)
		b.out.AIF.Locutions = append(b.out.AIF.Locutions, aifOutLocution{NodeID: l.id, PersonID: participants[l.actor], Start: l.times.Start, End: l.times.End})
		for i, q := range l.quotes {
			_, ya, _, ok := ParseAIFQuoteID(q.ID)
			if !ok {
				_, ya = ids.forQuote(q.ID)
			}
			b.node(ya, aifYA, yas[ya])
			if ta, ok := transitions[ya]; ok {
				// The illocution is the transition's, as the map had it.
				b.node(ta.TA, aifTA, ta.TAText)
				b.edge(ta.TA, l.id)
				if ta.FromL != "" {
					pendingTA = append(pendingTA, [2]string{ta.FromL, ta.TA})
				}
				b.edge(ta.TA, ya)
			} else {
				b.edge(l.id, ya)
			}
			b.edge(ya, ClaimAIFID(l.claims[i]))
			b.out.Counterpoint.Quotes = append(b.out.Counterpoint.Quotes, aifOutQuote{NodeID: l.id, Quote: q.ID, Claim: l.claims[i], Source: q.Source, Start: q.Start, End: q.End})
		}
	}
	for _, s := range ds.Sources {
		if ids, texts, ok := ParseCopies(s); ok {
			for i := range ids {
				b.node(ids[i], aifL, texts[i])
			}
		}
	}
	for _, e := range pendingTA {
		b.edge(e[0], e[1])
	}
	if b.out.AIF.Locutions == nil {
		b.out.AIF.Locutions = []aifOutLocution{}
	}

	for _, r := range ds.Relations {
		s := schemeOf(r)
		b.node(s.ID, s.Type, s.Text)
		b.edge(ClaimAIFID(r.From), s.ID)
		b.edge(s.ID, ClaimAIFID(r.To))
		for _, a := range s.Anchors {
			if a.OnType == aifTA {
				b.node(a.OnID, aifTA, a.OnText)
				b.edge(a.FromL, a.OnID)
				b.edge(a.OnID, a.ToL)
			}
			if !b.nodes[a.OnID] {
				continue // the locution it hangs on put no proposition forward
			}
			b.node(a.ID, aifYA, a.Text)
			b.edge(a.OnID, a.ID)
			b.edge(a.ID, s.ID)
		}
	}
	if b.out.AIF.Nodes == nil {
		b.out.AIF.Nodes = []aifOutNode{}
	}
	if b.out.AIF.Edges == nil {
		b.out.AIF.Edges = []aifOutEdge{}
	}

	b.out.Text = aifHTML(locs, sources)
	for _, l := range locs {
		for _, q := range l.quotes {
			if d := sources[q.Document]; d != nil && d.Text != "" && b.out.Counterpoint.Document == nil {
				b.out.Counterpoint.Document = &aifOutDocument{Title: d.Title, Text: d.Text}
			}
		}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(b.out)
}

// aifIDs gives the quotes that were not read from AIF the ids of their L
// and YA nodes: the quote's id with '-' for '.', so that reading the map
// back keeps them short (an id with a dot is written in hexadecimal in the
// graph's ids), and "-ya" for the YA node; a number is added to an id that
// a claim or another node already has.
type aifIDs struct {
	used   map[string]bool
	quotes map[string][2]string
}

func newAIFIDs(ds *counterpoint.Dataset) *aifIDs {
	ids := &aifIDs{used: map[string]bool{}, quotes: map[string][2]string{}}
	for _, c := range ds.Claims {
		ids.used[ClaimAIFID(c.ID)] = true
		for _, q := range c.Quotes {
			if l, ya, _, ok := ParseAIFQuoteID(q.ID); ok {
				ids.used[l], ids.used[ya] = true, true
			}
		}
	}
	return ids
}

func (ids *aifIDs) forQuote(quoteID string) (l, ya string) {
	if p, ok := ids.quotes[quoteID]; ok {
		return p[0], p[1]
	}
	base := strings.ReplaceAll(quoteID, ".", "-")
	l = base
	for n := 2; ids.used[l] || ids.used[l+"-ya"]; n++ {
		l = base + "-" + strconv.Itoa(n)
	}
	ya = l + "-ya"
	ids.used[l], ids.used[ya] = true, true
	ids.quotes[quoteID] = [2]string{l, ya}
	return l, ya
}

// stanceOf is the stance of the assertion that a quote most likely stands
// for: one in the quote's source, else the claim's first.
func stanceOf(c counterpoint.Claim, q counterpoint.Quote) counterpoint.Stance {
	for _, a := range c.Assertions {
		if a.Source == q.Source || a.Source == q.Document {
			return a.Stance
		}
	}
	if len(c.Assertions) > 0 {
		return c.Assertions[0].Stance
	}
	return counterpoint.Endorses
}

// speakerOf names who says a quote's words: the speaker its transcript
// line names, when its source is a transcript the AIF format built; else
// the actor of the claim's assertion in the quote's source (or document),
// else of its first.
func speakerOf(c counterpoint.Claim, q counterpoint.Quote, text *counterpoint.Text, actors map[string]*counterpoint.Actor) (label, actor string, times TranscriptLine) {
	if text != nil {
		if line, ok := ParseTranscriptLine(text, q.Start); ok {
			name := line.Speaker
			if i := strings.LastIndex(name, ": "); i >= 0 {
				name = name[i+2:] // reported speech: the relayed speaker
			}
			for _, a := range c.Assertions {
				if act := actors[a.Actor]; act != nil && act.Name == name {
					return line.Speaker, a.Actor, line
				}
			}
			// A spelling that an aliases file merged into another name:
			// the actor who asserts the claim in this source, the one whose
			// name is closest when several do, so that the locution's
			// personID names the actor the spelling was merged into.
			var in []counterpoint.Actor
			for _, a := range c.Assertions {
				if act := actors[a.Actor]; act != nil && (a.Source == q.Source || a.Source == q.Document) &&
					!slices.ContainsFunc(in, func(x counterpoint.Actor) bool { return x.ID == act.ID }) {
					in = append(in, *act)
				}
			}
			if id := closestName(name, in); id != "" {
				return line.Speaker, id, line
			}
			return line.Speaker, "", line
		}
	}
	pick := -1
	for i, a := range c.Assertions {
		if a.Source == q.Source || a.Source == q.Document {
			pick = i
			break
		}
	}
	if pick < 0 && len(c.Assertions) > 0 {
		pick = 0
	}
	if pick < 0 {
		return "Unnamed speaker", "", TranscriptLine{}
	}
	id := c.Assertions[pick].Actor
	name := id
	if a := actors[id]; a != nil {
		name = a.Name
	}
	return strings.ReplaceAll(name, ":", ""), id, TranscriptLine{}
}

// closestName is the id of the named actor among in whose name shares
// the most words with name (case, hyphens and dots aside: "Nadia El Amin"
// and "Nadia El-Amin", "Toby Lund" and "Tobias Lund"), or the one whom the
// domain's actor match ranks first; "" when none or several tie.
func closestName(name string, in []counterpoint.Actor) string {
	words := func(s string) []string {
		return strings.Fields(strings.ToLower(strings.NewReplacer("-", " ", ".", " ").Replace(s)))
	}
	want := words(name)
	best, bestScore, tie := "", 0, false
	for _, a := range in {
		if a.Kind == counterpoint.ActorAnonymous {
			continue
		}
		score := 0
		for _, w := range words(a.Name) {
			if slices.Contains(want, w) {
				score++
			}
		}
		switch {
		case score > bestScore:
			best, bestScore, tie = a.ID, score, false
		case score == bestScore && score > 0:
			tie = true
		}
	}
	if best != "" && !tie {
		return best
	}
	if m := counterpoint.MatchActors(counterpoint.ActorQuery{Name: name}, in); len(m) > 0 {
		return m[0].Actor.ID
	}
	return ""
}

// schemeOf is the scheme node a relation stands for: the one its note
// names when the AIF format wrote the note and the kinds agree, else a
// new one named after the relation.
func schemeOf(r counterpoint.Relation) SchemeNode {
	typ, text := aifCA, "Default Conflict"
	switch r.Kind {
	case counterpoint.Supports:
		typ, text = aifRA, "Default Inference"
	case counterpoint.Qualifies:
		text = aifQualifying
	case counterpoint.Rephrases:
		typ, text = aifMA, "Default Rephrase"
	}
	if s, ok := ParseSchemeNote(r.Note); ok && s.Type == typ && (r.Kind != counterpoint.Qualifies) == !strings.EqualFold(s.Text, aifQualifying) {
		return s
	}
	return SchemeNode{Type: typ, ID: ClaimAIFID(r.From) + "." + strings.ToLower(string(r.Kind)) + "." + ClaimAIFID(r.To), Text: text}
}

// aifHTML is the map's text for OVA: each source that holds the words, as
// HTML, with each locution's words in a highlighted span named after its
// node.
func aifHTML(locs []*locution, sources map[string]*counterpoint.Source) string {
	var parts []string
	var order []string
	bySource := map[string][]*locution{}
	for _, l := range locs {
		if _, ok := bySource[l.source]; !ok {
			order = append(order, l.source)
		}
		bySource[l.source] = append(bySource[l.source], l)
	}
	for _, id := range order {
		s := sources[id]
		if s == nil || s.Text == "" {
			continue
		}
		text := counterpoint.NewText(s.Text)
		var b strings.Builder
		at := 0
		for _, l := range bySource[id] {
			q := l.quotes[0]
			if q.Start < at || q.End > text.Len() || q.Start >= q.End {
				continue // overlapping words stay in the text unmarked
			}
			before, _ := text.Slice(at, q.Start)
			words, _ := text.Slice(q.Start, q.End)
			b.WriteString(htmlText(before))
			b.WriteString(`<span class="highlighted" id="node` + html.EscapeString(l.id) + `">` + htmlText(words) + `</span>`)
			at = q.End
		}
		rest, _ := text.Slice(at, text.Len())
		b.WriteString(htmlText(rest))
		parts = append(parts, b.String())
	}
	return strings.Join(parts, "<br><br>")
}

func htmlText(s string) string {
	return strings.ReplaceAll(html.EscapeString(s), "\n", "<br>")
}

// transitionsOf are the transitions whose illocutions the AIF format
// read into assertions, by YA node id, from the assertions' notes.
func transitionsOf(ds *counterpoint.Dataset) map[string]TransitionAnchor {
	out := map[string]TransitionAnchor{}
	for _, c := range ds.Claims {
		for _, a := range c.Assertions {
			if ta, ok := ParseTransitionNote(a.Note); ok {
				out[ta.YA] = ta
			}
		}
	}
	return out
}
