// Command eval-attribution scores the suggestions pass (package suggest)
// against a folder in the format of the PolNeAR corpus of attribution in
// political news (text/*.txt, attributions/*.ann in brat standoff, and
// optionally corenlp/*.txt.xml), so that quotation and speaker figures on
// news nobody here wrote can be reproduced; docs/suggestions.md says how a
// quotation part and its speaker count as gold.
//
//	go run ./cmd/eval-attribution [-examples N] DIR
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/suggest"
)

func main() {
	examples := flag.Int("examples", 3, "examples printed per failure kind")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: eval-attribution [-examples N] DIR\n\nDIR holds text/*.txt and attributions/*.ann (PolNeAR format), and optionally corenlp/*.txt.xml.\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	r, err := run(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, "eval-attribution:", err)
		os.Exit(1)
	}
	r.print(os.Stdout, *examples)
}

// span is a code-point range [s, e).
type span struct{ s, e int }

// attribution is one annotated attribution relation of a document.
type attribution struct {
	content []span
	source  []span
	srcText string
}

// doc is one article with its annotation.
type doc struct {
	name  string
	text  string
	r     []rune
	attrs []attribution
	owner []int // by code point: the attribution whose content holds it, -1 if none
	coref [][]mention
}

type mention struct {
	span
	text string
	// entity is CoreNLP's own tag for the mention (PERSON when a word of it
	// is tagged so, else ORGANIZATION when one is, else ""), so that a
	// pronoun is not judged by a mention like "Getty" or "Afro-Colombian"
	// that CoreNLP put in its chain by mistake.
	entity string
}

// run loads every annotated article of dir and scores it.
func run(dir string) (*report, error) {
	texts, err := filepath.Glob(filepath.Join(dir, "text", "*.txt"))
	if err != nil || len(texts) == 0 {
		return nil, fmt.Errorf("no text/*.txt in %s", dir)
	}
	anns, _ := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	sort.Strings(anns)
	annOf := map[string]string{} // text stem → first annotation file (one annotator per article)
	for _, a := range anns {
		base := strings.TrimSuffix(filepath.Base(a), ".ann")
		if i := strings.LastIndex(base, "_"); i > 0 {
			if _, ok := annOf[base[:i]]; !ok {
				annOf[base[:i]] = a
			}
		}
	}
	rep := newReport()
	for _, t := range texts {
		stem := strings.TrimSuffix(filepath.Base(t), ".txt")
		a, ok := annOf[stem]
		if !ok {
			continue
		}
		d, err := load(t, a, filepath.Join(dir, "corenlp", stem+".txt.xml"))
		if err != nil {
			return nil, err
		}
		rep.score(d)
	}
	return rep, nil
}

// load reads one article, its attributions and, when present, CoreNLP's
// coreference chains (used only to judge pronoun speakers).
func load(textFile, annFile, corenlpFile string) (*doc, error) {
	b, err := os.ReadFile(textFile)
	if err != nil {
		return nil, err
	}
	d := &doc{name: strings.TrimSuffix(filepath.Base(textFile), ".txt"), text: string(b), r: []rune(string(b))}
	if err := d.readAnn(annFile); err != nil {
		return nil, fmt.Errorf("%s: %w", annFile, err)
	}
	d.owner = make([]int, len(d.r))
	for i := range d.owner {
		d.owner[i] = -1
	}
	for ai, a := range d.attrs {
		for _, c := range a.content {
			for i := max(c.s, 0); i < c.e && i < len(d.r); i++ {
				d.owner[i] = ai
			}
		}
	}
	if f, err := os.Open(corenlpFile); err == nil {
		d.coref, err = readCoref(f, d.r)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", corenlpFile, err)
		}
	}
	return d, nil
}

// readAnn reads brat standoff: T lines are spans (fragments joined by ";"),
// E lines tie an attribution's content, cue and source.
func (d *doc) readAnn(file string) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	spans := map[string][]span{}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Split(line, "\t")
		if len(f) < 2 || !strings.HasPrefix(f[0], "T") {
			continue
		}
		kindAndFrags := strings.SplitN(f[1], " ", 2)
		if len(kindAndFrags) < 2 {
			continue
		}
		for _, fr := range strings.Split(kindAndFrags[1], ";") {
			se := strings.Fields(fr)
			if len(se) != 2 {
				return fmt.Errorf("span %q", line)
			}
			s, err1 := strconv.Atoi(se[0])
			e, err2 := strconv.Atoi(se[1])
			if err1 != nil || err2 != nil || s > e {
				return fmt.Errorf("span %q", line)
			}
			spans[f[0]] = append(spans[f[0]], span{s, e})
		}
	}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Split(line, "\t")
		if len(f) < 2 || !strings.HasPrefix(f[0], "E") {
			continue
		}
		var a attribution
		for _, arg := range strings.Fields(f[1]) {
			role, id, ok := strings.Cut(arg, ":")
			if !ok {
				continue
			}
			switch {
			case strings.HasPrefix(role, "Content"):
				a.content = append(a.content, spans[id]...)
			case role == "Source":
				a.source = append(a.source, spans[id]...)
			}
		}
		var parts []string
		for _, s := range a.source {
			if s.s >= 0 && s.e <= len(d.r) {
				parts = append(parts, string(d.r[s.s:s.e]))
			}
		}
		a.srcText = strings.Join(parts, " ")
		d.attrs = append(d.attrs, a)
	}
	return nil
}

// readCoref reads the coreference chains of a CoreNLP XML file, with their
// mentions as code-point spans of the text (CoreNLP counts UTF-16 units).
func readCoref(rd io.Reader, text []rune) ([][]mention, error) {
	// UTF-16 unit → code point.
	u16 := make([]int, 0, len(text)+1)
	for i, c := range text {
		u16 = append(u16, i)
		if c > 0xFFFF {
			u16 = append(u16, i)
		}
	}
	u16 = append(u16, len(text))
	cp := func(u int) int {
		if u < 0 {
			return 0
		}
		if u >= len(u16) {
			return len(text)
		}
		return u16[u]
	}
	type tok struct {
		s, e   int
		entity string // CoreNLP's NER tag when PERSON or ORGANIZATION
	}
	var sents [][]tok
	var chains [][]mention
	sc := bufio.NewScanner(rd)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	inCoref := 0
	var m struct{ sent, start, end int }
	val := func(line, tag string) (int, bool) {
		v, ok := strings.CutPrefix(line, "<"+tag+">")
		if !ok {
			return 0, false
		}
		v, _, _ = strings.Cut(v, "<")
		n, err := strconv.Atoi(v)
		return n, err == nil
	}
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(line, "<coreference>"):
			inCoref++
			if inCoref >= 2 {
				chains = append(chains, nil)
			}
		case strings.HasPrefix(line, "</coreference>"):
			inCoref--
		case inCoref == 0 && strings.HasPrefix(line, "<sentence id="):
			sents = append(sents, nil)
		case inCoref == 0 && len(sents) > 0:
			if v, ok := val(line, "CharacterOffsetBegin"); ok {
				sents[len(sents)-1] = append(sents[len(sents)-1], tok{s: cp(v)})
			} else if v, ok := val(line, "CharacterOffsetEnd"); ok {
				if ts := sents[len(sents)-1]; len(ts) > 0 {
					ts[len(ts)-1].e = cp(v)
				}
			} else if line == "<NER>PERSON</NER>" || line == "<NER>ORGANIZATION</NER>" {
				if ts := sents[len(sents)-1]; len(ts) > 0 {
					ts[len(ts)-1].entity = strings.TrimSuffix(strings.TrimPrefix(line, "<NER>"), "</NER>")
				}
			}
		case inCoref >= 2:
			if v, ok := val(line, "sentence"); ok {
				m.sent = v
			} else if v, ok := val(line, "start"); ok {
				m.start = v
			} else if v, ok := val(line, "end"); ok {
				m.end = v
			} else if strings.HasPrefix(line, "</mention>") {
				if m.sent >= 1 && m.sent <= len(sents) {
					ts := sents[m.sent-1]
					if m.start >= 1 && m.end-1 <= len(ts) && m.start < m.end {
						s, e := ts[m.start-1].s, ts[m.end-2].e
						entity := ""
						for _, t := range ts[m.start-1 : m.end-1] {
							if t.entity == "PERSON" || entity == "" {
								entity = t.entity
							}
						}
						if s < e && e <= len(text) {
							c := &chains[len(chains)-1]
							*c = append(*c, mention{span{s, e}, string(text[s:e]), entity})
						}
					}
				}
				m.sent, m.start, m.end = 0, 0, 0
			}
		}
	}
	return chains, sc.Err()
}

// goldPart is a quotation part that the annotation gives as someone's words.
type goldPart struct {
	span
	words   int
	attr    int // -1: the quotation is not an attributed content
	speaker string
	kind    string // name, pronoun, description, none
	srcSpan span
}

// quotationParts are the runs inside quotation marks by the domain's rule
// (counterpoint.Text.Quotations), framed by the span convention of
// docs/suggestions.md: no white space at the ends and no comma just inside
// the closing mark.
func quotationParts(d *doc) []span {
	var out []span
	for _, q := range counterpoint.NewText(d.text).Quotations() {
		s, e := q[0], q[1]
		for s < e && unicode.IsSpace(d.r[s]) {
			s++
		}
		for e > s && unicode.IsSpace(d.r[e-1]) {
			e--
		}
		if e > s && d.r[e-1] == ',' {
			e--
			for e > s && unicode.IsSpace(d.r[e-1]) {
				e--
			}
		}
		if e > s {
			out = append(out, span{s, e})
		}
	}
	return out
}

// gold finds the gold parts: a quotation part at least half of whose code
// points lie inside one annotated attribution's content; its speaker is
// that attribution's source.
func gold(d *doc) []goldPart {
	var out []goldPart
	for _, q := range quotationParts(d) {
		count := map[int]int{}
		for i := q.s; i < q.e; i++ {
			if a := d.owner[i]; a >= 0 {
				count[a]++
			}
		}
		best, n := -1, 0
		for a, c := range count {
			if c > n || c == n && a < best {
				best, n = a, c
			}
		}
		if best < 0 || 2*n < q.e-q.s {
			continue
		}
		g := goldPart{span: q, attr: best, words: len(strings.Fields(string(d.r[q.s:q.e])))}
		a := d.attrs[best]
		g.speaker = a.srcText
		g.kind = kindOf(a.srcText)
		if len(a.source) > 0 {
			g.srcSpan = a.source[0]
		}
		out = append(out, g)
	}
	return out
}

var pronounWords = map[string]bool{"he": true, "she": true, "they": true, "it": true, "we": true, "i": true, "you": true,
	"him": true, "her": true, "them": true, "his": true, "their": true, "its": true}

// selfWords are pronouns that CoreNLP puts in chains but never name anyone.
var selfWords = map[string]bool{"me": true, "my": true, "himself": true, "herself": true, "myself": true, "us": true,
	"our": true, "themselves": true, "itself": true, "your": true, "mine": true, "hers": true}

// pronounLike reports whether a word is a pronoun, one that names someone or not.
func pronounLike(w string) bool {
	w = strings.ToLower(w)
	return pronounWords[w] || selfWords[w]
}

// kindOf says how the annotation gives the speaker: a pronoun, a name (a
// comma-separated segment ending in a capitalised word), or a description.
func kindOf(src string) string {
	s := strings.TrimSpace(src)
	if s == "" {
		return "none"
	}
	if pronounWords[strings.ToLower(s)] {
		return "pronoun"
	}
	switch strings.ToLower(s) {
	case "who", "which", "that", "whom", "whose":
		return "none" // a relative pronoun: the annotation names no one here
	}
	if w := strings.ToLower(strings.Fields(s)[0]); w == "a" || w == "an" || w == "another" {
		return "description" // a New Hampshire Republican: someone unnamed
	}
	if nameSegment(s) != "" {
		return "name"
	}
	return "description"
}

// nameSegment is the first comma-separated segment of a source that ends in
// a capitalised word (after a possessive and a party tag in brackets).
func nameSegment(src string) string {
	for _, seg := range strings.FieldsFunc(src, func(r rune) bool { return r == ',' || r == '(' || r == ';' }) {
		seg = strings.TrimSpace(seg)
		// Lena Pike of Dover: the name before of/from/in/at.
		for _, p := range []string{" of ", " from ", " in ", " at "} {
			if k := strings.Index(seg, p); k > 0 {
				if before := strings.Fields(seg[:k]); len(before) > 0 {
					// Not a title's own "of": Secretary of State Ana Ruiz.
					if r := []rune(before[len(before)-1]); unicode.IsUpper(r[0]) && len(capWords(seg[:k])) > 0 {
						seg = seg[:k]
						break
					}
				}
			}
		}
		ws := strings.Fields(seg)
		if len(ws) == 0 || strings.HasSuffix(seg, ")") {
			continue
		}
		last := strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(ws[len(ws)-1], "'s"), "’s"), ".,:;'’\"”")
		if last != "" && unicode.IsUpper([]rune(last)[0]) {
			return seg
		}
	}
	return ""
}

// words lower-cases s and splits it into words without punctuation or possessives.
func words(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '\'' || r == '’' || r == '.')
	}) {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		w = strings.Trim(w, ".'’")
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// titleWords stand before a name and are skipped when its first name is read.
var titleWords = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "sen": true, "rep": true, "gov": true,
	"president": true, "senator": true, "secretary": true, "former": true, "gen": true, "republican": true, "democrat": true,
	"democratic": true, "candidate": true, "nominee": true, "presidential": true, "speaker": true}

// generational suffixes follow a surname and are not one (Tom Hale Jr.).
var generational = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

// nameRun is the run of capitalised words (initials included, titles
// excluded) that ends in the last capitalised word of s that is no
// generational suffix: Ana Ruiz in "Ana Ruiz", Ruiz alone in "Former Ore.
// leader Ruiz", Tom B. Hale in "Tom B. Hale II".
func nameRun(s string) []string {
	ws := strings.Fields(s)
	end := -1
	for i := len(ws) - 1; i >= 0; i-- {
		w := strings.Trim(ws[i], ".,'’\"“”()")
		if rs := []rune(w); len(rs) > 0 && unicode.IsUpper(rs[0]) && !(generational[strings.ToLower(w)] && i > 0) {
			end = i
			break
		}
	}
	if end < 0 {
		return nil
	}
	var out []string
	for i := end; i >= 0; i-- {
		w := strings.Trim(ws[i], ",'’\"“”()")
		if i == end && len([]rune(w)) > 2 {
			w = strings.TrimSuffix(w, ".") // a sentence's full stop, not an initial's: Clinton.
		}
		rs := []rune(w)
		if len(rs) == 0 || !unicode.IsUpper(rs[0]) || titleWords[strings.ToLower(strings.TrimSuffix(w, "."))] {
			break
		}
		if i < end && (strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")) {
			break // a possessor, not part of the name: Media Group's Ruiz
		}
		out = append([]string{strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")}, out...)
	}
	return out
}

// capWords are the capitalised words of a name, titles removed.
func capWords(s string) []string {
	var out []string
	for _, w := range strings.Fields(s) {
		rs := []rune(strings.Trim(w, ".,'’\"“”()"))
		if len(rs) == 0 || !unicode.IsUpper(rs[0]) {
			continue
		}
		if titleWords[strings.ToLower(strings.TrimSuffix(string(rs), "."))] {
			continue
		}
		out = append(out, string(rs))
	}
	return out
}

// sameName: the same surname, and the same first name (or initial) when
// both give one in the name itself (the capitalised run ending in the surname).
func sameName(got, want string) bool {
	g, w := words(got), words(want)
	if len(g) == 0 || len(w) == 0 {
		return false
	}
	if strings.Join(g, " ") == strings.Join(w, " ") {
		return true
	}
	gc, wc := nameRun(got), nameRun(want)
	if len(gc) == 0 || len(wc) == 0 {
		return false
	}
	if len(gc) != len(wc) && (len(gc) == 1 || len(wc) == 1) && strings.EqualFold(gc[0], wc[0]) && !orgLike(got) && !orgLike(want) {
		return true // a first name alone: Carly for Carly Fiorina
	}
	if !strings.EqualFold(gc[len(gc)-1], wc[len(wc)-1]) {
		return false
	}
	if len(gc) < 2 || len(wc) < 2 {
		return true
	}
	first := strings.ToLower(strings.TrimSuffix(gc[0], "."))
	for _, x := range wc[:len(wc)-1] {
		x = strings.ToLower(strings.TrimSuffix(x, "."))
		if x == first || (len(x) == 1 || len(first) == 1) && x[0] == first[0] {
			return true
		}
	}
	return false
}

// sameDescription: the description's head word (its last word before a
// comma or a preposition) is among the suggestion's words.
func sameDescription(got, want string) bool {
	g, w := words(got), words(want)
	if len(g) == 0 || len(w) == 0 {
		return false
	}
	if strings.Join(g, " ") == strings.Join(w, " ") {
		return true
	}
	head := ""
	for _, x := range w {
		if x == "of" || x == "for" || x == "at" || x == "with" || x == "who" || x == "from" || x == "in" || x == "on" {
			break
		}
		head = x
	}
	for _, x := range g {
		if x == head {
			return true
		}
	}
	return false
}

// chainOf returns the coreference chain with a mention at sp, if any.
func chainOf(d *doc, sp span) []mention {
	for _, c := range d.coref {
		for _, m := range c {
			if m.s < sp.e && sp.s < m.e && m.e-m.s <= sp.e-sp.s+2 {
				return c
			}
		}
	}
	return nil
}

// chainName is the person a coreference chain names: its longest mention
// that is a short name (at most four words ending in a capitalised word
// that is no pronoun) and that may accepts (nil: any), when every such
// mention has the same surname and no two give different first names;
// "" otherwise (the chain is then too unsure to judge by), and "" for a
// chain whose own pronouns are both he and she: CoreNLP has joined two
// people in it.
func chainName(c []mention, may func(mention) bool) string {
	if mixesGenders(c) {
		return ""
	}
	name, surname := "", ""
	var segs []string
	for _, m := range c {
		if pronounLike(m.text) || may != nil && !may(m) {
			continue
		}
		seg := nameSegment(m.text)
		if seg == "" || seg != strings.TrimSpace(m.text) || len(strings.Fields(seg)) > 4 {
			continue
		}
		if ws := strings.Fields(seg); pronounLike(ws[len(ws)-1]) {
			continue // a title, not a name: Criminal Gangs Taught Me
		}
		cw := capWords(seg)
		if len(cw) == 0 {
			continue
		}
		if len(cw) > 1 && generational[strings.ToLower(cw[len(cw)-1])] {
			cw = cw[:len(cw)-1]
		}
		sn := strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(cw[len(cw)-1], "'s"), "’s"))
		if surname != "" && sn != surname {
			return ""
		}
		surname = sn
		for _, other := range segs {
			if !sameName(seg, other) {
				return "" // the same surname, two first names: Bill and Hillary Clinton
			}
		}
		segs = append(segs, seg)
		if len(seg) > len(name) {
			name = seg
		}
	}
	return name
}

// mixesGenders reports whether a chain holds both a he (him, his,
// himself) and a she (her, hers, herself).
func mixesGenders(c []mention) bool {
	he, she := false, false
	for _, m := range c {
		switch strings.ToLower(m.text) {
		case "he", "him", "his", "himself":
			he = true
		case "she", "her", "hers", "herself":
			she = true
		}
	}
	return he && she
}

// inChain reports whether got is the person named by the coreference chain
// that holds the span sp, by its mentions that may accepts (nil: any);
// judged is false when no chain holds it or the chain names no one person.
func inChain(d *doc, sp span, got string, may func(mention) bool) (right, judged bool) {
	name := chainName(chainOf(d, sp), may)
	if name == "" {
		return false, false
	}
	return got != "" && sameName(got, name), true
}

// report gathers the scores and failures over every article.
type report struct {
	docs, goldN, predN, exactP, exactR          int
	shortGold, shortHit, shortPred, shortPredOK int
	judged, right                               map[string]int
	unjudged                                    int
	failures                                    map[string][]string
	words                                       int
	elapsed                                     time.Duration
	slowest                                     time.Duration
	slowestWords                                int
	perK                                        []float64 // ms per 1,000 words, by article
}

func newReport() *report {
	return &report{judged: map[string]int{}, right: map[string]int{}, failures: map[string][]string{}}
}

func (rep *report) fail(kind string, d *doc, sp span, note string) {
	a, b := max(sp.s-60, 0), min(sp.e+60, len(d.r))
	ctx := strings.Join(strings.Fields(string(d.r[a:b])), " ")
	rep.failures[kind] = append(rep.failures[kind], fmt.Sprintf("%s@%d: %s\n        …%s…", d.name, sp.s, note, ctx))
}

// junkWords are never a speaker: times, places of speech, function words.
var junkWords = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "morning": true, "night": true, "evening": true, "afternoon": true, "week": true,
	"year": true, "month": true, "day": true, "past": true, "time": true, "statement": true, "interview": true,
	"the": true, "a": true, "an": true, "this": true, "that": true, "in": true, "on": true, "at": true, "yesterday": true,
	"today": true, "tonight": true, "january": true, "february": true, "march": true, "april": true, "may": true,
	"june": true, "july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"there": true, "here": true, "what": true, "which": true, "who": true, "also": true, "but": true, "and": true}

var orgHint = map[string]bool{"news": true, "times": true, "post": true, "journal": true, "cnn": true, "nbc": true, "abc": true,
	"cbs": true, "fox": true, "msnbc": true, "council": true, "campaign": true, "committee": true, "party": true,
	"associated": true, "press": true, "reuters": true, "politico": true, "breitbart": true, "department": true,
	"house": true, "senate": true, "congress": true, "agency": true, "magazine": true, "network": true, "group": true,
	"foundation": true, "institute": true, "university": true, "center": true, "administration": true}

func junk(got string) bool {
	ws := words(got)
	if len(ws) == 0 {
		return false
	}
	for _, w := range ws {
		if !junkWords[w] {
			return junkWords[ws[len(ws)-1]] && !unicode.IsUpper([]rune(got)[0])
		}
	}
	return true
}

func orgLike(got string) bool {
	for _, w := range words(got) {
		if orgHint[w] {
			return true
		}
	}
	ws := strings.Fields(got)
	if len(ws) == 1 {
		up := len([]rune(ws[0])) >= 2
		for _, c := range ws[0] {
			if unicode.IsLetter(c) && !unicode.IsUpper(c) {
				up = false
			}
		}
		return up
	}
	return false
}

func (rep *report) score(d *doc) {
	rep.docs++
	nw := len(strings.Fields(d.text))
	rep.words += nw
	// The best of three runs: the machine's other work is not the pass's cost.
	var qs []suggest.Quote
	el := time.Duration(1<<63 - 1)
	for range 3 {
		t0 := time.Now()
		qs = suggest.Quotes(d.text)
		el = min(el, time.Since(t0))
	}
	rep.perK = append(rep.perK, float64(el.Microseconds())/1000/float64(max(nw, 1))*1000)
	rep.elapsed += el
	if el > rep.slowest {
		rep.slowest, rep.slowestWords = el, nw
	}
	type predPart struct {
		suggest.Span
		q *suggest.Quote
	}
	var pred []predPart
	for i := range qs {
		for _, p := range qs[i].Parts {
			pred = append(pred, predPart{p, &qs[i]})
		}
	}
	gs := gold(d)
	goldAt := map[span]int{}
	for i, g := range gs {
		goldAt[g.span] = i
	}
	rep.goldN += len(gs)
	rep.predN += len(pred)
	for _, p := range pred {
		sp := span{p.Start, p.End}
		n := len(strings.Fields(p.Text))
		if n <= 3 {
			rep.shortPred++
		}
		if _, ok := goldAt[sp]; ok {
			rep.exactP++
			if n <= 3 {
				rep.shortPredOK++
			}
			continue
		}
		overlapsGold := false
		for _, g := range gs {
			if g.s < sp.e && sp.s < g.e {
				overlapsGold = true
			}
		}
		if overlapsGold {
			continue // counted as a boundary failure of the gold part
		}
		kind := "false quotation: other (not an attributed content)"
		switch {
		case strings.ContainsAny(p.Text, "<>{}") || strings.Contains(p.Text, "http") || strings.Contains(p.Text, "@"):
			kind = "false quotation: markup value"
		case n <= 3:
			kind = "false quotation: 1-3 words (scare quote or term)"
		case titleCase(p.Text):
			kind = "false quotation: title"
		}
		rep.fail(kind, d, sp, fmt.Sprintf("%q (speaker %q)", p.Text, p.q.Speaker))
	}
	for _, g := range gs {
		if g.words <= 3 {
			rep.shortGold++
		}
		var best *predPart
		bestN := 0
		exact := false
		for i := range pred {
			p := &pred[i]
			o := min(p.End, g.e) - max(p.Start, g.s)
			if o > bestN {
				best, bestN = p, o
			}
			if p.Start == g.s && p.End == g.e {
				exact = true
			}
		}
		text := string(d.r[g.s:g.e])
		switch {
		case exact:
			rep.exactR++
			if g.words <= 3 {
				rep.shortHit++
			}
		case best != nil:
			rep.fail("quotation: other boundaries", d, g.span, fmt.Sprintf("gold %q, suggested %q", text, best.Text))
		case g.words <= 3:
			rep.fail("quotation: 1-3 attributed words dropped", d, g.span, fmt.Sprintf("%q (speaker %q)", text, g.speaker))
		default:
			rep.fail("quotation: dropped", d, g.span, fmt.Sprintf("%q (speaker %q)", text, g.speaker))
		}
		if best == nil || g.kind == "none" {
			continue
		}
		got := best.q.Speaker
		var right bool
		switch g.kind {
		case "name":
			right = got != "" && sameName(got, nameSegment(g.speaker))
			if !right && got != "" {
				right, _ = inChain(d, g.srcSpan, got, nil)
			}
		case "description":
			right = got != "" && sameDescription(got, g.speaker)
			if !right && got != "" {
				right, _ = inChain(d, g.srcSpan, got, nil)
			}
		case "pronoun":
			var judged bool
			right, judged = inChain(d, g.srcSpan, got, agreeing(g.speaker))
			if !judged {
				rep.unjudged++
				continue
			}
		}
		rep.judged[g.kind]++
		if right {
			rep.right[g.kind]++
			continue
		}
		note := fmt.Sprintf("gold %q, suggested %q (mention %q, cue %q)", g.speaker, got, mentionText(best.q), best.q.Cue)
		if g.kind == "pronoun" {
			note += "; coreference: " + strings.Join(chainNames(d, g.srcSpan, g.speaker), " | ")
		}
		kind := g.kind + ": "
		gw, ww := capWords(got), capWords(nameSegment(g.speaker))
		switch {
		case got == "":
			kind += "no speaker"
		case junk(got):
			kind += "junk words as the speaker"
		case g.kind == "pronoun":
			kind += "another person"
		case orgLike(got) && !orgLike(g.speaker):
			kind += "an organisation for the person"
		case g.kind == "name" && len(gw) > 0 && len(ww) > 0 && strings.EqualFold(gw[len(gw)-1], ww[len(ww)-1]):
			kind += "same surname, other first name"
		case g.kind == "description" && kindOf(got) == "name":
			kind += "a name instead of the description"
		default:
			kind += "another speaker"
		}
		rep.fail("speaker, "+kind, d, g.span, note)
	}
}

func mentionText(q *suggest.Quote) string {
	if q.Mention != nil {
		return q.Mention.Text
	}
	return ""
}

// titleCase: two or more words, every word of four letters or more capitalised.
func titleCase(s string) bool {
	ws := strings.Fields(s)
	if len(ws) < 2 {
		return false
	}
	for _, w := range ws {
		rs := []rune(w)
		if len(rs) > 3 && !unicode.IsUpper(rs[0]) {
			return false
		}
	}
	return true
}

func ratio(a, b int) string {
	if b == 0 {
		return "–"
	}
	return fmt.Sprintf("%.3f (%d/%d)", float64(a)/float64(b), a, b)
}

func (rep *report) print(w io.Writer, examples int) {
	fmt.Fprintf(w, "articles %d, words %d, gold quotation parts %d, suggested parts %d\n\n", rep.docs, rep.words, rep.goldN, rep.predN)
	fmt.Fprintf(w, "| metric | value |\n|---|---|\n")
	fmt.Fprintf(w, "| quotation precision (exact) | %s |\n", ratio(rep.exactP, rep.predN))
	fmt.Fprintf(w, "| quotation recall (exact) | %s |\n", ratio(rep.exactR, rep.goldN))
	fmt.Fprintf(w, "| recall, quotes of 1-3 words | %s |\n", ratio(rep.shortHit, rep.shortGold))
	fmt.Fprintf(w, "| precision, suggested parts of 1-3 words | %s |\n", ratio(rep.shortPredOK, rep.shortPred))
	all, allR := 0, 0
	for _, k := range []string{"name", "pronoun", "description"} {
		all += rep.judged[k]
		allR += rep.right[k]
	}
	fmt.Fprintf(w, "| speaker accuracy | %s |\n", ratio(allR, all))
	for _, k := range []string{"name", "pronoun", "description"} {
		fmt.Fprintf(w, "| – speaker given as a %s | %s |\n", k, ratio(rep.right[k], rep.judged[k]))
	}
	fmt.Fprintf(w, "| pronoun speakers not judged (CoreNLP's chain names no one person) | %d |\n", rep.unjudged)
	perK := 0.0
	if rep.words > 0 {
		perK = float64(rep.elapsed.Microseconds()) / 1000 / float64(rep.words) * 1000
	}
	fmt.Fprintf(w, "| time per 1,000 words | %.3f ms |\n", perK)
	fmt.Fprintf(w, "| time per article (mean; slowest) | %.3f ms; %.3f ms (%d words) |\n",
		float64(rep.elapsed.Microseconds())/1000/float64(max(rep.docs, 1)), float64(rep.slowest.Microseconds())/1000, rep.slowestWords)
	sort.Float64s(rep.perK)
	if n := len(rep.perK); n > 0 {
		fmt.Fprintf(w, "| ms per 1,000 words by article (median; 99th percentile; max) | %.2f; %.2f; %.2f |\n", rep.perK[n/2], rep.perK[n*99/100], rep.perK[n-1])
	}
	fmt.Fprintf(w, "\n(times are the best of three runs of suggest.Quotes per article)\n\n")
	kinds := make([]string, 0, len(rep.failures))
	for k := range rep.failures {
		kinds = append(kinds, k)
	}
	sort.Slice(kinds, func(i, j int) bool {
		if len(rep.failures[kinds[i]]) != len(rep.failures[kinds[j]]) {
			return len(rep.failures[kinds[i]]) > len(rep.failures[kinds[j]])
		}
		return kinds[i] < kinds[j]
	})
	fmt.Fprintf(w, "failures by kind:\n")
	for _, k := range kinds {
		fmt.Fprintf(w, "%5d  %s\n", len(rep.failures[k]), k)
	}
	if examples > 0 {
		for _, k := range kinds {
			fmt.Fprintf(w, "\n%s:\n", k)
			for i, f := range rep.failures[k] {
				if i >= examples {
					break
				}
				fmt.Fprintf(w, "  %s\n", f)
			}
		}
	}
}

// chainNames gives the name that judged a pronoun.
func chainNames(d *doc, sp span, pronoun string) []string {
	return []string{chainName(chainOf(d, sp), agreeing(pronoun))}
}

// agreeing says which mentions of a chain a pronoun speaker can stand for,
// by CoreNLP's own entity tags: he and she a person only; it, they, we and
// the rest a person or an organisation.
func agreeing(pronoun string) func(mention) bool {
	switch strings.ToLower(pronoun) {
	case "he", "him", "his", "she", "her", "hers":
		return func(m mention) bool { return m.entity == "PERSON" }
	}
	return func(m mention) bool { return m.entity == "PERSON" || m.entity == "ORGANIZATION" }
}
