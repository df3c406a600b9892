// Package suggest finds, in a source text, the spans in quotation marks that
// are likely someone's words, who likely said them, and the sentences that
// signal a counter-argument, so that the studio can offer them to a curator
// as unconfirmed suggestions. It is deterministic, uses rules only (no model)
// and the standard library only. Offsets are Unicode code points, end
// exclusive, the unit of every quote offset in Counterpoint.
//
// The rules are described in docs/suggestions.md.
package suggest

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/counterpoint-news/counterpoint"
)

// Span is a range of the text with the words it holds, so that a client can
// highlight it without slicing the text itself.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Quote is a suggested direct quotation: the words inside quotation marks,
// with the likely speaker, for a curator to accept, edit or dismiss.
type Quote struct {
	// ID is stable for the same text: "q<start>-<end>".
	ID string `json:"id"`
	// Start and End frame every part: the start of the first and the end of
	// the last.
	Start int `json:"start"`
	End   int `json:"end"`
	// Text is the parts' words joined by single spaces; with more than one
	// part it is not a substring of the source, the parts are.
	Text string `json:"text"`
	// Parts are the quoted pieces in order: one for a simple quote, several
	// when the source interrupts it with its attribution ("…,” he said, “…")
	// or runs it over paragraphs. Each part lies inside quotation marks,
	// without the marks, white space, or a comma just inside the closing mark.
	Parts []Span `json:"parts"`
	// Speaker names the likely speaker in the words the text introduced them
	// with ("Tom B. Hale", "a senior city official"), after
	// resolving pronouns, surnames and "the official"; "" when unknown.
	Speaker string `json:"speaker,omitempty"`
	// SpeakerSpan is where the text has the Speaker's words; nil when unknown.
	SpeakerSpan *Span `json:"speakerSpan,omitempty"`
	// Mention is the words by the cue that name the speaker ("he", "Hale",
	// "the official") when they are not SpeakerSpan itself; nil otherwise.
	Mention *Span `json:"mention,omitempty"`
	// Cue is the word that attributes the quote ("said", "according to", ":"
	// after a name); "" when the speaker is carried over from the previous
	// quote or unknown.
	Cue string `json:"cue,omitempty"`
	// CueSpan is where the cue is, so that the studio can show the words
	// that attribute the quote; nil when Cue is "".
	CueSpan *Span `json:"cueSpan,omitempty"`
	// From says how the Speaker was read from the words by the cue, so that
	// a curator checks a resolved speaker against its Mention; "" when the
	// speaker is unknown.
	From string `json:"from,omitempty"`
	// SpeakerKind is the actor kind the words give the speaker: PERSON (a
	// named person), ORGANIZATION (a named organisation or place) or
	// ANONYMOUS (a description, "a senior official": an anonymous source of
	// its own, never matched to an existing actor); "" when unknown. The
	// studio creates or matches the speaker's actor by it.
	SpeakerKind counterpoint.ActorKind `json:"speakerKind,omitempty"`
}

// How a quote's speaker was found (Quote.From).
const (
	FromName        = "name"        // the cue's subject is a name: Ana Ruiz said
	FromSurname     = "surname"     // a surname, resolved to the full name given before: Ruiz said
	FromPronoun     = "pronoun"     // he, she, they or it, resolved to an earlier speaker or person
	FromRole        = "role"        // a definite description resolved to an earlier one: the official, the mayor
	FromDescription = "description" // a description kept as the text gives it: a senior city official
	FromCarried     = "carried"     // no cue of its own: the previous quote's speaker goes on
)

// Quotes returns the suggested direct quotations of text in text order.
func Quotes(text string) []Quote {
	qs, _ := QuotesContext(context.Background(), text)
	return qs
}

// QuotesContext is Quotes bounded by ctx, so that a request that is cut or
// past its deadline stops the pass: the error wraps ctx.Err().
func QuotesContext(ctx context.Context, text string) (qs []Quote, err error) {
	defer recoverStop(&err)
	d := newDoc(ctx, text)
	return d.quotes(), nil
}

// Suggestions runs the whole pass, quotes and counter hints, over one
// reading of text, bounded by ctx like QuotesContext.
func Suggestions(ctx context.Context, text string) (qs []Quote, hints []CounterHint, err error) {
	defer recoverStop(&err)
	d := newDoc(ctx, text)
	qs = d.quotes()
	return qs, d.counterHints(qs), nil
}

// ErrStopped is what a pass cut by its context returns (with ctx.Err()
// wrapped as well), so that a caller can tell it from a bug.
var ErrStopped = errors.New("suggestions pass stopped")

// stop is the panic that unwinds a pass whose context is done; it never
// leaves the package (recoverStop turns it into an error).
type stop struct{ err error }

// recoverStop turns a stop panic into *err and lets any other panic go on.
func recoverStop(err *error) {
	if v := recover(); v != nil {
		s, ok := v.(stop)
		if !ok {
			panic(v)
		}
		*err = s.err
	}
}

// checkEvery is how many steps pass between two looks at the context.
const checkEvery = 4096

// tick counts n steps of the pass: every loop that can run long counts its
// turns here, so that a test can check the work grows linearly with the
// text (Steps) and a cut request stops the pass within checkEvery steps.
func (d *doc) tick(n int) {
	d.steps += n
	if d.steps < d.nextCheck {
		return
	}
	d.nextCheck = d.steps + checkEvery
	if err := d.ctx.Err(); err != nil {
		panic(stop{fmt.Errorf("%w after %d steps over %d characters: %w", ErrStopped, d.steps, len(d.r), err)})
	}
}

// doc is a text under analysis.
type doc struct {
	ctx       context.Context
	steps     int // work done so far (tick)
	nextCheck int // steps at which tick next looks at ctx
	r         []rune
	paras     [][2]int
	qs        []quotation
	toks      []token
	sentEnd   []int // by sentence index: index of its last token
	sentBeg   []int
	openTok   []int // by quotation: the token of its first opening mark
	closeTok  []int // by quotation: the token of its last closing mark (or last token when unclosed)
	caps      []capRun
	lower     map[string]bool // words the text writes in lower case (lowerWord)
}

// lowerWord reports whether the text writes the word at i in lower case
// somewhere: a capitalised word that opens a sentence and is written so
// elsewhere (Local, Federal, Multiple) is a common word, not a name.
func (d *doc) lowerWord(i int) bool {
	if d.lower == nil {
		d.lower = make(map[string]bool, len(d.toks)/2)
		for _, t := range d.toks {
			if t.kind == word && !t.capital() {
				d.lower[t.low] = true
			}
		}
		d.tick(len(d.toks))
	}
	return d.lower[d.toks[i].low]
}

func newDoc(ctx context.Context, text string) *doc {
	d := &doc{ctx: ctx, r: []rune(text)}
	d.tick(len(d.r))
	tx := counterpoint.NewText(text)
	d.paras = tx.Paragraphs()
	d.qs = direct(tx, scan(d.r, d.paras))
	sort.SliceStable(d.qs, func(i, j int) bool { return d.qs[i].marks[0][0] < d.qs[j].marks[0][0] })
	role := make([]int, len(d.r))
	quoteOf := make([]int, len(d.r))
	for i := range quoteOf {
		quoteOf[i] = -1
	}
	paraOf := make([]int, len(d.r))
	for pi, p := range d.paras {
		for i := p[0]; i < p[1]; i++ {
			paraOf[i] = pi
		}
	}
	for qi, q := range d.qs {
		for _, m := range q.marks {
			end := m[1]
			if end < 0 {
				end = d.paras[paraOf[m[0]]][1]
			} else {
				role[end] = closeMarkRole
				quoteOf[end] = qi
			}
			role[m[0]] = openMarkRole
			quoteOf[m[0]] = qi
			for i := m[0] + 1; i < end; i++ {
				role[i] = content
				quoteOf[i] = qi
			}
		}
	}
	d.toks = tokenize(d.r, role, quoteOf)
	d.tick(len(d.toks))
	sent := 0
	d.openTok = make([]int, len(d.qs))
	d.closeTok = make([]int, len(d.qs))
	for i := range d.openTok {
		d.openTok[i], d.closeTok[i] = -1, -1
	}
	for i := range d.toks {
		t := &d.toks[i]
		t.para = paraOf[t.start]
		if i > 0 && t.para != d.toks[i-1].para {
			sent++
			d.sentEnd = append(d.sentEnd, i-1)
		}
		t.sent = sent
		if t.quote >= 0 {
			if d.openTok[t.quote] < 0 {
				d.openTok[t.quote] = i
			}
			d.closeTok[t.quote] = i
		}
		if i > 0 && t.para == d.toks[i-1].para && sentenceEnd(d.toks, i-1) {
			// The previous token ended a sentence.
			sent++
			t.sent = sent
			d.sentEnd = append(d.sentEnd, i-1)
		}
	}
	if len(d.toks) > 0 {
		d.sentEnd = append(d.sentEnd, len(d.toks)-1)
	}
	d.sentBeg = make([]int, len(d.sentEnd))
	for s := range d.sentEnd {
		if s > 0 {
			d.sentBeg[s] = d.sentEnd[s-1] + 1
		}
	}
	d.caps = capitalRuns(d.toks)
	return d
}

func (d *doc) span(s, e int) Span {
	return Span{Start: s, End: e, Text: string(d.r[s:e])}
}

// tokSpan is the span from token a to token b inclusive.
func (d *doc) tokSpan(a, b int) Span {
	return d.span(d.toks[a].start, d.toks[b].end)
}

// candidate is a quotation on its way to becoming a suggestion.
type candidate struct {
	qi    []int // quotations joined into it
	attr  attribution
	drop  bool
	first int // first token (opening mark)
	last  int // last token (closing mark)
}

func (d *doc) quotes() []Quote {
	cands := make([]candidate, len(d.qs))
	for qi := range d.qs {
		d.tick(1)
		cands[qi] = candidate{qi: []int{qi}, first: d.openTok[qi], last: d.closeTok[qi]}
		cands[qi].attr = d.attribute(qi)
	}
	cands = d.join(cands)
	for i := range cands {
		cands[i].drop = d.notSpeech(&cands[i])
	}
	kept := cands[:0]
	for _, c := range cands {
		if !c.drop {
			kept = append(kept, c)
		}
	}
	out := make([]Quote, 0, len(kept))
	r := newResolver(d)
	r.learn(kept)
	for i := range kept {
		c := &kept[i]
		q := Quote{}
		var texts []string
		for _, qi := range c.qi {
			for _, p := range d.qs[qi].parts {
				s := d.span(p[0], p[1])
				q.Parts = append(q.Parts, s)
				texts = append(texts, s.Text)
			}
		}
		q.Start, q.End = q.Parts[0].Start, q.Parts[len(q.Parts)-1].End
		q.ID = fmt.Sprintf("q%d-%d", q.Start, q.End)
		q.Text = strings.Join(texts, " ")
		if c.attr.kind == attrNone {
			if a := d.openingSubject(c.first); a.kind != attrNone {
				c.attr = a
			}
		}
		if c.attr.kind == attrNone && i > 0 {
			// No attribution of its own: the previous quote's speaker goes on
			// within its paragraph and into the next one, or past one paragraph
			// of the reporter's own words when the quote opens its sentence.
			prev := &kept[i-1]
			if gap := d.qs[c.qi[0]].para - d.qs[prev.qi[len(prev.qi)-1]].lastPar; (gap <= 1 || gap == 2 && c.first == d.sentBeg[d.toks[c.first].sent]) && out[i-1].Speaker != "" {
				q.Speaker, q.SpeakerSpan, q.SpeakerKind = out[i-1].Speaker, out[i-1].SpeakerSpan, out[i-1].SpeakerKind
				q.From = FromCarried
				c.attr.kind = attrInherited
			}
		} else {
			r.quoting(c.qi)
			r.resolve(&q, c.attr)
		}
		out = append(out, q)
	}
	return out
}

// wordCount counts the words of a quotation's parts.
func (d *doc) wordCount(c *candidate) int {
	n := 0
	for _, qi := range c.qi {
		for _, p := range d.qs[qi].parts {
			n += len(strings.Fields(string(d.r[p[0]:p[1]])))
		}
	}
	return n
}

// titleIntro words stand before a title: on “Morning Report,” the podcast “…”.
var titleIntro = set("on", "podcast", "show", "program", "programme", "film", "movie", "book", "memoir", "series",
	"song", "album", "column", "blog", "newsletter", "documentary", "novel", "play", "episode", "told")

// titleWords reports whether a one-part quotation of one to six words is in
// Title Case: its first word and every word of four letters or more
// capitalised (Morning Report, Night of the Floods, Today).
func (d *doc) titleWords(c *candidate) bool {
	q := d.qs[c.qi[0]]
	if len(q.parts) != 1 {
		return false
	}
	ws := strings.Fields(string(d.r[q.parts[0][0]:q.parts[0][1]]))
	if len(ws) == 0 || len(ws) > 6 {
		return false
	}
	for i, w := range ws {
		rs := []rune(strings.TrimLeft(w, "(&"))
		if len(rs) == 0 {
			continue
		}
		if (i == 0 || len(rs) > 3) && !isUpperRune(rs[0]) && !unicode.IsDigit(rs[0]) {
			return false
		}
	}
	return true
}

// modifierDeterminers before a short quotation and a word after it make it
// a modifier of that word: a “common sense” agenda, its “Nimbus” tablet
// (after his or their the words are more often the person's own).
// saidModifier reports whether a short quotation after an article is what
// its sentence's speech verb reports (Ruiz said this was a “new” rule),
// not a modifier set off by a scare quote: a cue of saying, not of naming
// (what he called a “common sense” agenda), and no product after its
// maker (its “Nimbus” tablet).
func (d *doc) saidModifier(c *candidate) bool {
	if c.attr.kind != attrDirect || d.toks[c.attr.cueTok].sent != d.toks[c.first].sent {
		return false
	}
	cue := d.toks[c.attr.cueTok].low
	return !objectFirst[cue] && !naming[cue] && d.toks[c.first-1].low != "its"
}

var modifierDeterminers = set("a", "an", "the", "its")

// naming words right before a quotation say it is a name, a title or a
// term, not speech: the so-called “going dark” problem.
var naming = set("so-called", "dubbed", "titled", "entitled", "nicknamed", "headlined", "named", "called", "term",
	"word", "words", "phrase", "slogan", "label", "motto", "hashtag", "nickname", "codenamed", "code-named", "branded", "billed")

// notSpeech reports whether a quotation looks like a name, a title or a
// scare quote rather than someone's words: a naming word right before it;
// Title Case words without a full stop; at most three words with no
// attribution in its sentence; or at most three words between an article
// and a word (a “common sense” agenda).
func (d *doc) notSpeech(c *candidate) bool {
	if c.first > 0 {
		prev := d.toks[c.first-1]
		if prev.kind == word && naming[prev.low] && prev.para == d.toks[c.first].para {
			return true
		}
		if prev.low == "as" && c.first > 1 && d.toks[c.first-2].low == "known" {
			return true
		}
		// A value in markup: <tweet id="…" author="…">.
		if prev.text == "=" {
			return true
		}
		// A show's or a book's name after its outlet or a word that
		// introduces one: WXYZ's “Night Desk”, on “Morning Report.”
		if prev.para == d.toks[c.first].para && (prev.kind == word && (possessive(prev.low) || titleIntro[prev.low])) &&
			len(c.qi) == 1 && d.titleWords(c) {
			return true
		}
	}
	q := d.qs[c.qi[0]]
	words := strings.Fields(string(d.r[q.parts[0][0]:q.parts[len(q.parts)-1][1]]))
	if len(c.qi) == 1 && len(q.parts) == 1 && len(words) >= 2 && len(words) <= 8 {
		last := []rune(words[len(words)-1])
		if end := last[len(last)-1]; end != '.' && end != '?' && end != '!' {
			title := true
			for _, w := range words {
				rs := []rune(w)
				if len(rs) > 3 && !isUpperRune(rs[0]) {
					title = false
					break
				}
			}
			// Title Case right after a speech verb is speech: she said “The Regulars”.
			afterCue := c.first > 0 && d.toks[c.first-1].kind == word && cueVerbs[d.toks[c.first-1].low]
			if title && isUpperRune([]rune(words[1])[0]) && !afterCue {
				return true
			}
		}
	}
	n := d.wordCount(c)
	// A nickname between a first name and a surname: Gov. C.L. “Butch” Otter.
	if n <= 2 && len(c.qi) == 1 && c.first > 0 && c.last+1 < len(d.toks) && d.titleWords(c) {
		if p, nx := d.toks[c.first-1], d.toks[c.last+1]; p.kind == word && (p.capital() || p.initial()) && nx.kind == word && nx.capital() &&
			p.sent == nx.sent && !functionWords[p.low] {
			return true
		}
	}
	if n <= 3 && (c.attr.kind == attrNone || c.attr.kind == attrInherited) && !d.shortCueNear(c.first, c.last) {
		return true
	}
	// A few words right after an article modify the noun that follows: a
	// “common sense” agenda.
	if n <= 3 && c.first > 0 && len(c.qi) == 1 && !d.saidModifier(c) {
		if prev := d.toks[c.first-1]; prev.kind == word && modifierDeterminers[prev.low] {
			// The word after is a noun it modifies, not a conjunction, a
			// preposition or a new sentence (a “failure” if …; a “loser.” The …).
			if next := c.last + 1; next < len(d.toks) && d.toks[next].kind == word && d.toks[next].para == prev.para &&
				d.toks[next].sent == d.toks[c.first].sent && !functionWords[d.toks[next].low] && !npStops[d.toks[next].low] &&
				!afterStops[d.toks[next].low] && !strings.HasSuffix(d.toks[next].low, "ing") {
				return true
			}
		}
	}
	return false
}
