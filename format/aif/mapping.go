package aif

import (
	"cmp"
	"container/heap"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/counterpoint-news/counterpoint"
)

// How an AIF map becomes a dataset (docs/aif.md says it for curators):
// propositions (I) are claims, locutions (L) are the speakers' words in a
// transcript built from them in order, illocutionary connections (YA) from
// a locution to a proposition are the speaker's assertions, and the scheme
// nodes RA, CA and MA are relations between claims, inferred, with a note
// naming the node.

// anchor is one illocutionary connection from a locution to a proposition.
type anchor struct {
	l, ya, i *node
	ta       *node // the transition a YA is anchored in, when it is not a locution
}

// speech is one locution as the transcript holds it.
type speech struct {
	l          *node
	label      string // the speaker as the transcript names them ("Relayer: Speaker" for reported speech)
	actor      counterpoint.Actor
	relayed    bool
	words      string
	start, end string // the locution's times, as the map gives them
	from, to   int    // the words' code-point offsets in the transcript
}

// Limits on the parts of the graph's ids that come from names, so that
// ids stay within counterpoint.ValidID's 200 bytes; an id built from node
// ids that is still too long is reported on the node.
const (
	maxSlugLabel = 40
	maxIllocSlug = 30
)

// build turns the map read into a dataset, reporting what it cannot hold.
func (m *aifMap) build() *counterpoint.Dataset {
	for _, n := range m.order {
		if n.typ == aifI && !n.bad && !counterpoint.ValidID("aif-"+encodeAIFID(n.id)) {
			m.fault("id-too-long", n.id, "node skipped", n.at.Field("nodeID"), "node id %q is too long to make a claim id of at most 200 bytes", clip(n.id, 50))
			n.bad = true
		}
	}
	anchors, schemeAnchors, analysing := m.illocutions()
	spoken := m.speeches(anchors, analysing)

	transcriptID := "aif." + m.dataset + ".transcript"
	ds := &counterpoint.Dataset{ID: m.dataset, Title: "AIF map " + m.dataset, Description: "Read from the AIF map " + filepath.Base(m.file) + "."}
	if m.ext.Title != "" {
		ds.Title, ds.Description = m.ext.Title, m.ext.Description
	} else if t := readableTitle(spoken); t != "" {
		ds.Title = t
	}
	text := m.transcript(spoken)
	ds.Sources = append(ds.Sources, counterpoint.Source{ID: transcriptID, Title: "Transcript of the AIF map " + m.dataset + ", built from its locutions in order",
		Kind: counterpoint.SourceSpeech, Text: text})
	document := ""
	docText, docTitle := m.text, "The text of the AIF map "+m.dataset
	if m.ext.Document != nil {
		docText, docTitle = m.ext.Document.Text, m.ext.Document.Title
	}
	if strings.TrimSpace(docText) != "" && docText != text && docText != StripMarkup(text) {
		document = "aif." + m.dataset + ".text"
		ds.Sources = append(ds.Sources, counterpoint.Source{ID: document, Title: docTitle, Kind: counterpoint.SourceArticle, Text: docText})
	}
	if len(m.copies) > 0 {
		// The transcript names the copies as where it is reported again,
		// so that the graph's export, which follows that link, keeps them.
		copies := "aif." + m.dataset + ".copies"
		ds.Sources[0].ReportedIn = copies
		ds.Sources = append(ds.Sources, counterpoint.Source{ID: copies, Title: copiesTitle + m.dataset,
			Kind: counterpoint.SourceStatement, Text: copiesText(m.copies)})
	}
	idx := counterpoint.NewText(text)

	byL := map[*node]*speech{}
	actors := map[string]counterpoint.Actor{}
	var actorOrder []string
	for _, s := range spoken {
		byL[s.l] = s
	}
	claimOf := map[*node]string{}
	anchorsOf := map[*node][]anchor{}
	for _, a := range anchors {
		if byL[a.l] != nil && !a.ya.bad {
			anchorsOf[a.i] = append(anchorsOf[a.i], a)
		}
	}
	for _, i := range m.order {
		if i.typ != aifI || i.bad {
			continue
		}
		mine := anchorsOf[i]
		// A proposition that no locution of this map puts forward may be
		// put forward in another map that shares it: merge reports it when
		// none does.
		slices.SortStableFunc(mine, func(a, b anchor) int { return byL[a.l].from - byL[b.l].from })
		c := counterpoint.Claim{ID: "aif-" + encodeAIFID(i.id), Text: strings.TrimSpace(i.text)}
		for _, a := range mine {
			s := byL[a.l]
			illocution, stance := readIllocution(a.ya.text)
			qid := aifQuoteID(a.l.id, a.ya.id, illocution)
			if !counterpoint.ValidID(qid) || !counterpoint.ValidID(s.actor.ID) {
				m.fault("id-too-long", a.ya.id, "node skipped", a.ya.at.Field("nodeID"), "the ids of L node %q and YA node %q are too long together to make graph ids of at most 200 bytes", clip(a.l.id, 50), clip(a.ya.id, 50))
				a.ya.bad = true
				continue
			}
			q := counterpoint.Quote{ID: qid, Text: s.words, Kind: counterpoint.Paraphrase,
				Source: transcriptID, Document: document, Start: s.from, End: s.to}
			if idx.InsideQuotation(s.from, s.to) {
				q.Kind = counterpoint.Direct
			}
			c.Quotes = append(c.Quotes, q)
			if _, ok := actors[s.actor.ID]; !ok {
				actors[s.actor.ID] = s.actor
				actorOrder = append(actorOrder, s.actor.ID)
			}
			as := counterpoint.Assertion{Actor: s.actor.ID, Source: transcriptID, Date: timeDate(s.start),
				Attribution: counterpoint.OnRecord, Stance: stance}
			if a.ta != nil {
				as.Inferred = true
				as.Note = transitionNote(a)
			}
			switch {
			case s.actor.Kind == counterpoint.ActorAnonymous:
				as.Attribution = counterpoint.Anonymous
			case s.relayed:
				as.Attribution = counterpoint.Reported
			}
			c.Assertions = mergeAssertion(c.Assertions, as)
			if as.Date != "" && (c.Date == "" || as.Date < c.Date) {
				c.Date = as.Date
			}
		}
		claimOf[i] = c.ID
		ds.Claims = append(ds.Claims, c)
	}
	for _, id := range actorOrder {
		ds.Actors = append(ds.Actors, actors[id])
	}
	ds.Relations = m.relations(claimOf, schemeAnchors, transcriptID)
	return ds
}

// transitionNote says which transition's illocution holds the speaker to
// a proposition, and how: "AIF YA node 30 (Disagreeing) on TA node 29
// from L node 5 to L node 9".
func transitionNote(a anchor) string {
	var b strings.Builder
	fmt.Fprintf(&b, "AIF YA node %s %s on TA node %s %s", noteID(a.ya.id), noteText(a.ya.text), noteID(a.ta.id), noteText(a.ta.text))
	if ins := ofType(good(a.ta.in), aifL); len(ins) == 1 {
		fmt.Fprintf(&b, " from L node %s", noteID(ins[0].id))
	}
	fmt.Fprintf(&b, " to L node %s: the speaker's reply %s the proposition", noteID(a.l.id), replyVerb(a.ya.text))
	return b.String()
}

var transitionNoteRE = regexp.MustCompile(`^AIF YA node ("(?:[^"\\]|\\.)*"|[A-Za-z0-9_.:-]+) \(("(?:[^"\\]|\\.)*"|[^()";]*)\) on TA node ("(?:[^"\\]|\\.)*"|[A-Za-z0-9_.:-]+) \(("(?:[^"\\]|\\.)*"|[^()";]*)\)(?: from L node ("(?:[^"\\]|\\.)*"|[A-Za-z0-9_.:-]+))? to L node ("(?:[^"\\]|\\.)*"|[A-Za-z0-9_.:-]+):`)

// TransitionAnchor is a transition's illocution read back from an
// assertion's note, for the export.
type TransitionAnchor struct {
	YA, Illocution, TA, TAText, FromL, ToL string
}

// ParseTransitionNote reads the YA and TA nodes out of the note of an
// assertion that a transition's illocution gave; ok is false for any
// other note.
func ParseTransitionNote(note string) (TransitionAnchor, bool) {
	g := transitionNoteRE.FindStringSubmatch(note)
	if g == nil {
		return TransitionAnchor{}, false
	}
	return TransitionAnchor{YA: unquoteNote(g[1]), Illocution: unquoteNote(g[2]), TA: unquoteNote(g[3]), TAText: unquoteNote(g[4]),
		FromL: unquoteNote(g[5]), ToL: unquoteNote(g[6])}, true
}

// replyVerb says what a transition's illocution does to a proposition.
func replyVerb(illocution string) string {
	switch strings.ToLower(strings.Join(strings.Fields(illocution), " ")) {
	case "agreeing":
		return "agrees with"
	case "disagreeing":
		return "disputes"
	case "challenging", "pure challenging", "assertive challenging", "rhetorical challenging":
		return "challenges"
	case "restating":
		return "restates"
	case "arguing":
		return "argues for"
	}
	return "puts forward"
}

// copiesTitle starts the title of the source that keeps a map's
// annotators' copies of locutions (L nodes on no edge, "Editor: Speaker :
// words"): they are no one's words in the debate, so they stay out of the
// transcript, and the export gives them back as L nodes.
const copiesTitle = "Annotators' copies of locutions (L nodes on no edge) in the AIF map "

// isCopy says whether a locution's text names two speakers, "Editor:
// Speaker : words", as an annotator's copy does (whether or not the map
// lists them as participants).
func isCopy(text string) bool {
	rest := text
	for range 2 {
		g := speakerPrefix.FindStringSubmatchIndex(rest)
		if g == nil {
			return false
		}
		label := strings.Fields(rest[g[2]:g[3]])
		if len(label) == 0 || len(label) > 6 {
			return false
		}
		rest = rest[g[1]:]
	}
	return true
}

// copiesText writes one copy a line: "L <nodeID>: <text>".
func copiesText(ls []*node) string {
	var b strings.Builder
	for _, l := range ls {
		fmt.Fprintf(&b, "L %s: %s\n", noteID(l.id), strings.Join(strings.Fields(l.text), " "))
	}
	return b.String()
}

var copyLine = regexp.MustCompile(`^L ("(?:[^"\\]|\\.)*"|[A-Za-z0-9_.:-]+?): (.+)$`)

// ParseCopies reads the L nodes back from the text of a source that keeps
// annotators' copies; ok is false for any other source.
func ParseCopies(s counterpoint.Source) (ids, texts []string, ok bool) {
	if !strings.HasPrefix(s.Title, copiesTitle) {
		return nil, nil, false
	}
	for _, line := range strings.Split(strings.TrimSpace(s.Text), "\n") {
		if g := copyLine.FindStringSubmatch(line); g != nil {
			ids, texts = append(ids, unquoteNote(g[1])), append(texts, g[2])
		}
	}
	return ids, texts, true
}

// readableTitle names a map that has no title by its named speakers and
// its first words: "Ann Lee, Bo Chan: “Bus fares should be free…”". The
// date span is added once the dates are known to be the map's own.
func readableTitle(spoken []*speech) string {
	if len(spoken) == 0 {
		return ""
	}
	var names []string
	seen := map[string]bool{}
	for _, s := range spoken {
		if s.actor.Kind == counterpoint.ActorAnonymous || seen[s.actor.Name] {
			continue
		}
		seen[s.actor.Name] = true
		names = append(names, s.actor.Name)
	}
	who := strings.Join(names, ", ")
	if len(names) > 3 {
		who = fmt.Sprintf("%s and %d more", strings.Join(names[:3], ", "), len(names)-3)
	}
	words := strings.Fields(spoken[0].words)
	first := strings.Join(words[:min(len(words), 8)], " ")
	if len(words) > 8 {
		first += "…"
	}
	if who == "" {
		return "“" + first + "”"
	}
	return who + ": “" + first + "”"
}

// mergeAssertion adds a to as, or folds it into the assertion of the same
// actor in the same source: endorsing once is endorsing, the date is the
// earliest, an attribution already given stays.
func mergeAssertion(as []counterpoint.Assertion, a counterpoint.Assertion) []counterpoint.Assertion {
	for i := range as {
		if as[i].Actor != a.Actor || as[i].Source != a.Source {
			continue
		}
		if a.Stance == counterpoint.Endorses {
			as[i].Stance = counterpoint.Endorses
		}
		if !a.Inferred { // the speaker's own words hold them to it: no reading needed
			as[i].Inferred, as[i].Note = false, ""
		}
		if a.Date != "" && (as[i].Date == "" || a.Date < as[i].Date) {
			as[i].Date = a.Date
		}
		return as
	}
	return append(as, a)
}

// illocutions sorts the YA nodes: those from a locution to propositions
// (assertions), those that anchor a scheme node (kept in its relation's
// note), and OVA's "Analysing" links from the analyst's locution to the
// analysed one, whose source locutions are the analyst's, not the debate's.
func (m *aifMap) illocutions() (anchors []anchor, schemes map[*node][]*node, analysing map[*node]bool) {
	schemes, analysing = map[*node][]*node{}, map[*node]bool{}
	for _, y := range m.order {
		if y.typ != aifYA || y.bad {
			continue
		}
		ins, outs := good(y.in), good(y.out)
		if len(ins) != 1 {
			m.fault("ya-shape", y.id, "node skipped", y.at, "YA node %s must come from one locution or transition; it comes from %d nodes", y.id, len(ins))
			y.bad = true
			continue
		}
		if len(outs) == 0 {
			m.fault("ya-shape", y.id, "node skipped", y.at, "YA node %s leads to no node", y.id)
			y.bad = true
			continue
		}
		src := ins[0]
		for _, o := range outs {
			switch {
			case src.typ == aifL && o.typ == aifI:
				anchors = append(anchors, anchor{l: src, ya: y, i: o})
			case src.typ == aifTA && o.typ == aifI:
				// A transition's illocution (Agreeing, Disagreeing,
				// Challenging, Restating, Arguing) is the act of the
				// speaker of the locution the transition leads to.
				ls := ofType(good(src.out), aifL)
				if len(ls) == 0 {
					m.fault("ya-shape", y.id, "node skipped", y.at, "YA node %s comes from TA node %s, which leads to no locution, so no one speaks it", y.id, src.id)
					y.bad = true
					continue
				}
				anchors = append(anchors, anchor{l: ls[len(ls)-1], ya: y, i: o, ta: src})
			case src.typ == aifL && o.typ == aifL:
				analysing[src] = true
			case (src.typ == aifL || src.typ == aifTA) && (o.typ == aifRA || o.typ == aifCA || o.typ == aifMA):
				schemes[o] = append(schemes[o], y)
			default:
				m.fault("ya-shape", y.id, "node skipped", y.at, "YA node %s links a %s node to a %s node, which Counterpoint does not read (it reads YA from a locution to a proposition, and YA from a locution or transition to an RA, CA or MA node)", y.id, src.typ, o.typ)
				y.bad = true
			}
		}
	}
	return anchors, schemes, analysing
}

func ofType(ns []*node, typ string) []*node {
	var out []*node
	for _, n := range ns {
		if n.typ == typ {
			out = append(out, n)
		}
	}
	return out
}

func good(ns []*node) []*node {
	var out []*node
	for _, n := range ns {
		if !n.bad {
			out = append(out, n)
		}
	}
	return out
}

// speeches reads every locution but the analyst's, in the order of the
// map's transitions (TA), then of the file: who speaks and which words.
func (m *aifMap) speeches(anchors []anchor, analysing map[*node]bool) []*speech {
	var ls []*node
	for _, n := range m.order {
		if n.typ == aifL && !n.bad && !analysing[n] {
			ls = append(ls, n)
		}
	}
	ls = m.transitionOrder(ls)
	var out []*speech
	for _, l := range ls {
		loc := m.locution[l.id]
		s := &speech{l: l, start: cleanTime(string(loc.Start)), end: cleanTime(string(loc.End))}
		person := m.people[string(loc.PersonID)]
		labels, words := m.parseSpeaker(l.text, person)
		if len(l.in) == 0 && len(l.out) == 0 && isCopy(l.text) {
			// "Editor: Speaker : words" on no edge: an annotator's copy of
			// a locution, kept for the export, not in the transcript.
			m.copies = append(m.copies, l)
			continue
		}
		s.words = strings.Join(strings.Fields(words), " ")
		if s.words == "" {
			m.fault("no-words", l.id, "node skipped", l.at.Field("text"), "L node %s has no words after the speaker's name", l.id)
			l.bad = true
			continue
		}
		var speaker, spelt string
		switch {
		case len(labels) == 0 && person != "":
			speaker = person
		case len(labels) == 0:
			speaker = "Unnamed speaker"
		default:
			speaker = labels[len(labels)-1]
			switch {
			case person != "" && strings.EqualFold(speaker, person):
				spelt, speaker = speaker, person // the transcript keeps the map's case
			case person != "" && sameSpeaker(speaker, person):
				speaker = person // the participant list gives the full name
			case person != "" && !m.isSpeaker(speaker):
				// Another spelling of the participant the locution names
				// (an export of a name an aliases file merged): the
				// transcript keeps the spelling, the actor is the
				// participant.
				spelt, speaker = speaker, person
			}
		}
		s.relayed = len(labels) > 1
		s.label = cmp.Or(spelt, speaker)
		if s.relayed {
			s.label = labels[0] + ": " + s.label
		}
		s.actor = m.actorFor(speaker, l)
		out = append(out, s)
	}
	return out
}

// transitionOrder orders locutions by the transitions between them (a
// locution comes after those that transition into it), ties and locutions
// without transitions in the file's order.
func (m *aifMap) transitionOrder(ls []*node) []*node {
	in := map[*node]bool{}
	for _, l := range ls {
		in[l] = true
	}
	after := map[*node][]*node{}
	waiting := map[*node]int{}
	for _, t := range m.order {
		if t.typ != aifTA || t.bad {
			continue
		}
		for _, a := range t.in {
			for _, b := range t.out {
				if in[a] && in[b] && a != b {
					after[a] = append(after[a], b)
					waiting[b]++
				}
			}
		}
	}
	// Kahn's order, the ready locution first in the file's order each time
	// (a heap of positions), so that a long map takes linear-logarithmic
	// time, not quadratic.
	pos := make(map[*node]int, len(ls))
	for i, l := range ls {
		pos[l] = i
	}
	ready := &intHeap{}
	for i, l := range ls {
		if waiting[l] == 0 {
			heap.Push(ready, i)
		}
	}
	out := make([]*node, 0, len(ls))
	done := make([]bool, len(ls))
	first := 0 // every locution before it is done
	for len(out) < len(ls) {
		next := -1
		for ready.Len() > 0 {
			if i := heap.Pop(ready).(int); !done[i] {
				next = i
				break
			}
		}
		if next < 0 { // a cycle of transitions: the file's order breaks it
			for done[first] {
				first++
			}
			next = first
		}
		done[next] = true
		out = append(out, ls[next])
		for _, b := range after[ls[next]] {
			waiting[b]--
			if waiting[b] == 0 && !done[pos[b]] {
				heap.Push(ready, pos[b])
			}
		}
	}
	return out
}

// intHeap is a min-heap of positions.
type intHeap []int

func (h intHeap) Len() int           { return len(h) }
func (h intHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h intHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *intHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *intHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// transcript writes the locutions one a paragraph, "[start – end]
// Speaker: “words”", after a heading, and records where each one's words
// are.
func (m *aifMap) transcript(spoken []*speech) string {
	var b strings.Builder
	n := 0
	write := func(s string) {
		b.WriteString(s)
		n += utf8.RuneCountInString(s)
	}
	write("Transcript built from the locutions of the AIF map " + m.dataset + ", in order.")
	for _, s := range spoken {
		write("\n\n") // each locution its own paragraph, as quotations never run across one
		if s.start != "" || s.end != "" {
			write("[" + s.start)
			if s.end != "" {
				write(" – " + s.end)
			}
			write("] ")
		}
		write(s.label + ": “")
		s.from = n
		write(s.words)
		s.to = n
		write("”")
	}
	write("\n")
	return b.String()
}

// TranscriptLine is what a line of a transcript built from AIF locutions
// says besides the words: the speaker as named there, and the times.
type TranscriptLine struct {
	Speaker    string
	Start, End string
}

var transcriptLine = regexp.MustCompile(`^(?:\[([^\]\n]*)\] )?([^\n]+): “$`)

// ParseTranscriptLine reads the speaker and times of the line on which
// the words at code point start stand in text, when text is a transcript
// that the AIF format built.
func ParseTranscriptLine(text *counterpoint.Text, start int) (TranscriptLine, bool) {
	before, ok := text.Slice(0, start)
	if !ok {
		return TranscriptLine{}, false
	}
	line := before[strings.LastIndexByte(before, '\n')+1:]
	g := transcriptLine.FindStringSubmatch(line)
	if g == nil {
		return TranscriptLine{}, false
	}
	tl := TranscriptLine{Speaker: g[2]}
	tl.Start, tl.End, _ = strings.Cut(g[1], " – ")
	return tl, true
}

func cleanTime(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	s = strings.NewReplacer("[", "(", "]", ")", " – ", " - ").Replace(s)
	return s
}

// timeDate is the date of a locution's start time when it begins with one
// (AIFdb writes "2016-09-26 21:03:11"); times of day alone give none.
func timeDate(t string) string {
	if len(t) >= 10 && counterpoint.ValidDate(t[:10]) && (len(t) == 10 || t[10] == ' ' || t[10] == 'T') {
		return t[:10]
	}
	return ""
}

var (
	speakerPrefix = regexp.MustCompile(`^\s*([^:\n]{1,60}?)(?:\s+:\s*|:(?:\s+|$))`)
	// anonLabel is a speaker the map does not name: the audience, an
	// audience member by sex or number or recorded code ("AudienceMember
	// 20160915QT05", "Male Aud 1", "Female Audience Member 2"), an unnamed
	// or unknown speaker.
	anonLabel = regexp.MustCompile(`(?i)^(?:(?:male|female|man|woman|young|older?)\s+)?(?:aud(?:ience)?(?:\s*(?:member|speaker|questioner))?|member\s+of\s+(?:the\s+)?audience|questioner|caller|unnamed\s+speaker|unknown(?:\s+speaker)?|speaker|anonymous|anon)(?:\s*#?\s*([0-9A-Za-z]*[0-9][0-9A-Za-z]*))?$`)
	// unknownWord marks "<Name> Unknown" and "Unknown <Name>": a speaker the
	// annotator could not name for sure.
	unknownWord = regexp.MustCompile(`(?i)(?:^|\s)unknown(?:\s|$)`)
	// collectiveLabel is a body that speaks as one in reported speech: a
	// government, the public, officials, a party.
	collectiveLabel = regexp.MustCompile(`(?i)^(?:the\s+)?(?:government|public|officials?|people|voters|electorate|opposition|ministers|critics|experts|scientists|campaigners|protesters|unions?|police|labour|conservatives?|tories|liberal\s+democrats|lib\s*dems|snp|ukip|greens|democrats|republicans|[\p{L}\s'-]{1,40}\s+(?:party|government|officials|ministry|council|campaign))$`)
	particles       = map[string]bool{"de": true, "da": true, "del": true, "van": true, "von": true, "der": true, "den": true, "la": true, "le": true, "di": true, "du": true, "of": true, "al": true, "bin": true, "member": true, "speaker": true, "the": true, "el": true, "ibn": true, "abu": true, "d": true, "bint": true, "ul": true, "aud": true}
)

// parseSpeaker splits "Name : words" (and "Relayer : Name : words") into the
// names and the words. A prefix counts as a name when it names a
// participant, an anonymous speaker ("AUDIENCE MEMBER 2"), or, in a map
// without participants, looks like one: up to six capitalised words.
func (m *aifMap) parseSpeaker(text, person string) ([]string, string) {
	var labels []string
	rest := text
	for len(labels) < 2 {
		g := speakerPrefix.FindStringSubmatchIndex(rest)
		if g == nil {
			break
		}
		label := strings.Join(strings.Fields(rest[g[2]:g[3]]), " ")
		// A locution whose personID names a participant may spell the
		// name another way ("Owen Pritchard" for participant Owen
		// Prichard): a prefix that looks like a name is that spelling.
		if !m.isSpeaker(label) && !(person != "" && len(labels) == 0 && looksLikeName(label)) {
			break
		}
		labels = append(labels, label)
		rest = rest[g[1]:]
	}
	return labels, rest
}

func (m *aifMap) isSpeaker(label string) bool {
	if label == "" {
		return false
	}
	if anonymousLabel(label) || collectiveLabel.MatchString(label) {
		return true
	}
	for _, p := range m.people {
		if sameSpeaker(label, p) {
			return true
		}
	}
	if len(m.people) > 0 {
		return false
	}
	return looksLikeName(label)
}

// looksLikeName says whether a prefix looks like a name: up to six
// capitalised words (particles allowed), without sentence punctuation.
func looksLikeName(label string) bool {
	words := strings.Fields(label)
	if len(words) > 6 || strings.ContainsAny(label, `?!,;"“”()[]`) {
		return false
	}
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !(unicode.IsUpper(r) || unicode.IsDigit(r) || (i > 0 && particles[strings.ToLower(w)]) || particled(w)) {
			return false
		}
	}
	return true
}

// particled says whether a word is a name with a particle joined by a
// hyphen or apostrophe ("al-Hassan", "d'Estaing"): a particle, then a
// capitalised part.
func particled(w string) bool {
	parts := strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '\'' || r == '’' })
	if len(parts) < 2 || !particles[strings.ToLower(parts[0])] {
		return false
	}
	r, _ := utf8.DecodeRuneInString(parts[len(parts)-1])
	return unicode.IsUpper(r)
}

// anonymousLabel says whether a speaker label names no one: an audience
// member, an unnamed or unknown speaker.
func anonymousLabel(label string) bool {
	return anonLabel.MatchString(label) || unknownWord.MatchString(label)
}

// sameSpeaker says whether a label in a locution's text names the
// participant: the whole name, the surname or the first name, in any case.
func sameSpeaker(label, participant string) bool {
	if strings.EqualFold(label, participant) {
		return true
	}
	f := strings.Fields(participant)
	return len(f) > 1 && (strings.EqualFold(label, f[len(f)-1]) || strings.EqualFold(label, f[0]))
}

// actorFor is the actor who speaks as name: a person, by name, shared by
// every map; a collective ("Government", a party), by name too; or an
// anonymous speaker of this map, one per label (so one per recorded code,
// "AUDIENCE MEMBER 2"), never shared with another map.
func (m *aifMap) actorFor(name string, l *node) counterpoint.Actor {
	if anonymousLabel(name) {
		slug := limitSlug(slugify(name), maxSlugLabel)
		if slug == "" {
			slug = "h-" + limitSlug(hex.EncodeToString([]byte(name)), maxSlugLabel)
		}
		return counterpoint.Actor{ID: "aif." + m.dataset + "." + slug, Name: name, Kind: counterpoint.ActorAnonymous,
			Description: "A speaker whom the AIF map " + m.dataset + " does not name."}
	}
	slug := limitSlug(slugify(name), 60)
	if slug == "" {
		slug = "h-" + limitSlug(hex.EncodeToString([]byte(name)), 60)
	}
	kind := counterpoint.ActorPerson
	if collectiveLabel.MatchString(name) {
		kind = counterpoint.ActorCollective
	}
	return counterpoint.Actor{ID: "aif." + slug, Name: strings.ReplaceAll(name, ":", ""), Kind: kind}
}

// relations turns each RA, CA and MA node into a relation from each of its
// premises to its conclusion: the analyst's reading, so inferred, with a
// note that names the node and what anchors it in the dialogue.
func (m *aifMap) relations(claimOf map[*node]string, anchors map[*node][]*node, source string) []counterpoint.Relation {
	var out []counterpoint.Relation
	first := map[string]*node{}
	for _, s := range m.order {
		if s.bad || (s.typ != aifRA && s.typ != aifCA && s.typ != aifMA) {
			continue
		}
		var premises, conclusions []*node
		ok := true
		for _, p := range good(s.in) {
			switch p.typ {
			case aifI:
				premises = append(premises, p)
			case aifYA: // an anchor, read by illocutions
			case aifRA, aifCA, aifMA: // an undercutter of this node: reported on the undercutter, which alone is left out
			default:
				m.fault("scheme-on-scheme", s.id, "relation skipped", s.at, "%s node %s has a %s node among its premises; Counterpoint relates propositions only (an attack on an inference, say, cannot be loaded)", s.typ, s.id, p.typ)
				ok = false
			}
		}
		for _, c := range good(s.out) {
			if c.typ != aifI {
				m.fault("scheme-on-scheme", s.id, "relation skipped", s.at, "%s node %s leads to a %s node; Counterpoint relates propositions only (an attack on an inference, say, cannot be loaded)", s.typ, s.id, c.typ)
				ok = false
				continue
			}
			conclusions = append(conclusions, c)
		}
		switch {
		case !ok:
		case len(premises) == 0:
			m.fault("scheme-shape", s.id, "relation skipped", s.at, "%s node %s has no proposition leading into it", s.typ, s.id)
			ok = false
		case len(conclusions) != 1:
			m.fault("scheme-shape", s.id, "relation skipped", s.at, "%s node %s must lead to one proposition; it leads to %d", s.typ, s.id, len(conclusions))
			ok = false
		}
		if !ok {
			s.bad = true
			continue
		}
		to, known := claimOf[conclusions[0]]
		if !known {
			continue // the proposition's own problem is reported
		}
		kind := map[string]counterpoint.RelationKind{aifRA: counterpoint.Supports, aifCA: counterpoint.Rebuts, aifMA: counterpoint.Rephrases}[s.typ]
		if s.typ == aifCA && strings.EqualFold(strings.TrimSpace(s.text), aifQualifying) {
			kind = counterpoint.Qualifies
		}
		note := schemeNote(s, good(anchors[s]))
		for _, p := range premises {
			if p == conclusions[0] {
				m.fault("self-relation", s.id, "relation skipped", s.at, "%s node %s relates I node %s to itself; a claim cannot support, rebut or rephrase itself", s.typ, s.id, p.id)
				continue
			}
			from, known := claimOf[p]
			if !known {
				continue
			}
			r := counterpoint.Relation{Kind: kind, From: from, To: to, Source: source, Inferred: true, Note: note}
			if other, dup := first[r.Key()]; dup {
				m.fault("relation-twice", s.id, "relation skipped", s.at, "%s node %s relates I node %s to I node %s as %s node %s already does; Counterpoint keeps one relation of a kind between two claims", s.typ, s.id, p.id, conclusions[0].id, other.typ, other.id)
				continue
			}
			first[r.Key()] = s
			out = append(out, r)
		}
	}
	return out
}

// The note of a relation read from AIF names the scheme node and its
// anchors; ParseSchemeNote reads it back for the export.
//
//	AIF RA node 21 (Default Inference); anchored by YA node 22 (Arguing) on TA node 20 (Default Transition) from L node 3 to L node 16
func schemeNote(s *node, anchors []*node) string {
	var b strings.Builder
	fmt.Fprintf(&b, "AIF %s node %s %s", s.typ, noteID(s.id), noteText(s.text))
	for _, y := range anchors {
		src := good(y.in)[0]
		fmt.Fprintf(&b, "; anchored by YA node %s %s on %s node %s", noteID(y.id), noteText(y.text), src.typ, noteID(src.id))
		if src.typ == aifTA {
			fmt.Fprintf(&b, " %s", noteText(src.text))
			if ins, outs := ofType(good(src.in), aifL), ofType(good(src.out), aifL); len(ins) == 1 && len(outs) == 1 {
				fmt.Fprintf(&b, " from %s node %s to %s node %s", ins[0].typ, noteID(ins[0].id), outs[0].typ, noteID(outs[0].id))
			}
		}
	}
	return b.String()
}

var plainNoteID = regexp.MustCompile(`^[A-Za-z0-9_.:-]+$`)

func noteID(id string) string {
	if plainNoteID.MatchString(id) {
		return id
	}
	return strconv.Quote(id)
}

func noteText(t string) string {
	t = strings.Join(strings.Fields(t), " ")
	if t != "" && !strings.ContainsAny(t, `()";`) {
		return "(" + t + ")"
	}
	return "(" + strconv.Quote(t) + ")"
}

// SchemeNode is a scheme node named in a relation's note, with the YA
// nodes that anchor it.
type SchemeNode struct {
	Type, ID, Text string
	Anchors        []SchemeAnchor
}

// SchemeAnchor is a YA node that anchors a scheme node, and the locution
// or transition it comes from (with the transition's locutions).
type SchemeAnchor struct {
	ID, Text             string
	OnType, OnID, OnText string
	FromL, ToL           string
}

var (
	noteHead   = regexp.MustCompile(`^AIF (RA|CA|MA) node ("(?:[^"\\]|\\.)*"|[A-Za-z0-9_.:-]+) \(("(?:[^"\\]|\\.)*"|[^()";]*)\)`)
	noteAnchor = regexp.MustCompile(`^; anchored by YA node ("(?:[^"\\]|\\.)*"|[A-Za-z0-9_.:-]+) \(("(?:[^"\\]|\\.)*"|[^()";]*)\) on (L|TA) node ("(?:[^"\\]|\\.)*"|[A-Za-z0-9_.:-]+)(?: \(("(?:[^"\\]|\\.)*"|[^()";]*)\))?(?: from L node ("(?:[^"\\]|\\.)*"|[A-Za-z0-9_.:-]+) to L node ("(?:[^"\\]|\\.)*"|[A-Za-z0-9_.:-]+))?`)
)

// ParseSchemeNote reads the scheme node out of a relation's note written
// by the AIF format; ok is false for any other note.
func ParseSchemeNote(note string) (SchemeNode, bool) {
	g := noteHead.FindStringSubmatch(note)
	if g == nil {
		return SchemeNode{}, false
	}
	s := SchemeNode{Type: g[1], ID: unquoteNote(g[2]), Text: unquoteNote(g[3])}
	rest := note[len(g[0]):]
	for rest != "" {
		a := noteAnchor.FindStringSubmatch(rest)
		if a == nil {
			return SchemeNode{}, false
		}
		s.Anchors = append(s.Anchors, SchemeAnchor{ID: unquoteNote(a[1]), Text: unquoteNote(a[2]), OnType: a[3], OnID: unquoteNote(a[4]),
			OnText: unquoteNote(a[5]), FromL: unquoteNote(a[6]), ToL: unquoteNote(a[7])})
		rest = rest[len(a[0]):]
	}
	return s, true
}

func unquoteNote(s string) string {
	if strings.HasPrefix(s, `"`) {
		if u, err := strconv.Unquote(s); err == nil {
			return u
		}
	}
	return s
}

// Graph ids from AIF node ids: a node id that is a slug without dots stays
// as it is; any other is written "h-" and its bytes in hexadecimal, so that
// the export can give every node its id back.
var plainAIFID = regexp.MustCompile(`^[a-z0-9]+(?:[-_][a-z0-9]+)*$`)

func encodeAIFID(id string) string {
	if plainAIFID.MatchString(id) && !strings.HasPrefix(id, "h-") {
		return id
	}
	return "h-" + hex.EncodeToString([]byte(id))
}

// DecodeAIFID is the inverse of the encoding the AIF format gives node ids
// in graph ids.
func DecodeAIFID(s string) string {
	if rest, ok := strings.CutPrefix(s, "h-"); ok {
		if b, err := hex.DecodeString(rest); err == nil {
			return string(b)
		}
	}
	return s
}

// aifQuoteID is the id of the quote that a locution's words give a
// proposition through one YA node: "aif-<L>.<YA>.<illocution slug>" (the
// slug readIllocution gives the YA's text), so that the export can rebuild
// the L and YA nodes and the YA's text.
func aifQuoteID(l, ya, slug string) string {
	return "aif-" + encodeAIFID(l) + "." + encodeAIFID(ya) + "." + slug
}

// ParseAIFQuoteID reads the L and YA node ids and the illocution out of a
// quote id the AIF format gave; ok is false for any other id.
func ParseAIFQuoteID(id string) (l, ya, illocution string, ok bool) {
	rest, found := strings.CutPrefix(id, "aif-")
	if !found {
		return "", "", "", false
	}
	parts := strings.Split(rest, ".")
	if len(parts) != 3 {
		return "", "", "", false
	}
	return DecodeAIFID(parts[0]), DecodeAIFID(parts[1]), illocutionName(parts[2]), true
}

// ClaimAIFID is the I node id of a claim the AIF format read, or the
// claim's own id.
func ClaimAIFID(claimID string) string {
	if rest, ok := strings.CutPrefix(claimID, "aif-"); ok && !strings.Contains(rest, ".") {
		return DecodeAIFID(rest)
	}
	return claimID
}

// The illocutions (YA texts) of the Inference Anchoring Theory that AIF
// corpora use, and the stance each gives the speaker towards the
// proposition it anchors. Any other counts as presenting: only a known
// commitment counts as arguing for a claim.
var illocutions = []struct {
	name   string
	stance counterpoint.Stance
}{
	{"Asserting", counterpoint.Endorses},
	{"Agreeing", counterpoint.Endorses},
	{"Arguing", counterpoint.Endorses},
	{"Restating", counterpoint.Endorses},
	{"Default Illocuting", counterpoint.Endorses},
	{"Assertive Questioning", counterpoint.Endorses},
	{"Rhetorical Questioning", counterpoint.Endorses},
	{"Conceding", counterpoint.Endorses},
	{"Popular Conceding", counterpoint.Endorses},
	{"Pure Questioning", counterpoint.Presents},
	{"Questioning", counterpoint.Presents},
	{"Challenging", counterpoint.Presents},
	{"Pure Challenging", counterpoint.Presents},
	{"Assertive Challenging", counterpoint.Presents},
	{"Rhetorical Challenging", counterpoint.Presents},
	{"Disagreeing", counterpoint.Presents},
	{"Presenting", counterpoint.Presents},
	{"Analysing", counterpoint.Presents},
}

// The slugs of the illocutions, and the slugs a YA text gets when it names
// none: AIF's default for an empty text, and one for a text with no name in
// it that slugifies to nothing or, cut short, to a known name's slug.
var (
	illocutionBySlug = func() map[string]int {
		m := make(map[string]int, len(illocutions))
		for i, il := range illocutions {
			m[slugify(il.name)] = i
		}
		return m
	}()
	defaultIllocuting = slugify("Default Illocuting")
	unknownIllocution = "unknown-illocution"
)

// readIllocution reads a YA text: the slug its quote ids carry and the
// stance it gives. The stance is that of the known illocution the text
// names (case, accents and punctuation aside), AIF's default illocuting for
// an empty text, else presenting; and the slug is one whose name, as the
// export writes it back (illocutionName), reads as the same stance.
func readIllocution(text string) (slug string, stance counterpoint.Stance) {
	if strings.TrimSpace(text) == "" {
		return defaultIllocuting, counterpoint.Endorses
	}
	full := slugify(text)
	if i, ok := illocutionBySlug[full]; ok {
		return full, illocutions[i].stance
	}
	slug = limitSlug(full, maxIllocSlug)
	if _, known := illocutionBySlug[slug]; known || slug == "" {
		slug = unknownIllocution
	}
	return slug, counterpoint.Presents
}

// illocutionName is the YA text a quote id's illocution slug stands for.
func illocutionName(slug string) string {
	if i, ok := illocutionBySlug[slug]; ok {
		return illocutions[i].name
	}
	s := strings.ReplaceAll(slug, "-", " ")
	if r, n := utf8.DecodeRuneInString(s); n > 0 {
		return string(unicode.ToUpper(r)) + s[n:]
	}
	return s
}

// IllocutionFor is the YA text the export writes for an assertion of the
// given stance that no AIF map named.
func IllocutionFor(s counterpoint.Stance) string {
	if s.OrDefault() == counterpoint.Presents {
		return "Presenting"
	}
	return "Asserting"
}

// slugify makes a slug of a name: accents dropped, lower case, every run of
// other characters one '-'.
func slugify(s string) string {
	t := transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn)))
	folded, _, err := transform.String(t, s)
	if err != nil {
		folded = s
	}
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(folded) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}

// limitSlug cuts a slug to at most n bytes, at a separator when it can.
func limitSlug(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:n]
	if i := strings.LastIndexByte(s, '-'); i > 0 {
		s = s[:i]
	}
	return strings.Trim(s, "-")
}
