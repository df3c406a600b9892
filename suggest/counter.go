package suggest

import (
	"context"
	"fmt"
	"sort"
	"strings"
)

// CounterHint is a sentence whose words signal that someone counters
// someone else, offered to the curator as a ranked hint; the pass never
// creates a relation itself.
type CounterHint struct {
	// ID is stable for the same text: "h<start>-<end>" of the signal.
	ID string `json:"id"`
	// Signal is the signalling words as the text has them ("took issue with",
	// "But … said").
	Signal string `json:"signal"`
	// SignalSpan is where the signal is; for "but … said" it runs from the
	// "But" to the speech verb.
	SignalSpan Span `json:"signalSpan"`
	// Span is the sentence that holds the signal.
	Span Span `json:"span"`
	// Rank orders the hints of a text, 1 first; Score is the signal's weight
	// in [0, 1], higher for explicit verbs than for a contrast.
	Rank  int     `json:"rank"`
	Score float64 `json:"score"`
	// Quotes are the ids of the suggested quotes that carry the counter:
	// those in the sentence, else the first one after it in its paragraph.
	Quotes []string `json:"quotes,omitempty"`
	// Target is the id of the nearest earlier suggested quote by another
	// speaker, the likely thing countered; "" when there is none.
	Target string `json:"target,omitempty"`
}

// counterSignals are word sequences that signal a counter, with their
// weight: explicit verbs of disagreement first, weaker ones after.
var counterSignals = []struct {
	words []string
	score float64
}{
	{[]string{"took", "issue", "with"}, 0.9}, {[]string{"take", "issue", "with"}, 0.9}, {[]string{"takes", "issue", "with"}, 0.9},
	{[]string{"disputed"}, 0.9}, {[]string{"disputes"}, 0.9}, {[]string{"rebutted"}, 0.9}, {[]string{"refuted"}, 0.9},
	{[]string{"contradicted"}, 0.9}, {[]string{"countered"}, 0.9}, {[]string{"retorted"}, 0.9},
	{[]string{"fired", "back"}, 0.9}, {[]string{"hit", "back"}, 0.85}, {[]string{"shot", "back"}, 0.85},
	{[]string{"disagreed"}, 0.9}, {[]string{"disagrees"}, 0.9}, {[]string{"objected"}, 0.85}, {[]string{"contested"}, 0.85},
	{[]string{"pushed", "back"}, 0.8}, {[]string{"pushes", "back"}, 0.8}, {[]string{"pushback"}, 0.8},
	{[]string{"rejected"}, 0.75}, {[]string{"rejects"}, 0.75}, {[]string{"denied"}, 0.7}, {[]string{"denies"}, 0.7},
	{[]string{"challenged"}, 0.7}, {[]string{"dismissed"}, 0.6}, {[]string{"questioned"}, 0.6},
	{[]string{"criticized"}, 0.6}, {[]string{"criticised"}, 0.6}, {[]string{"not", "persuaded"}, 0.7},
	{[]string{"not", "convinced"}, 0.7}, {[]string{"did", "not", "accept"}, 0.7}, {[]string{"does", "not", "accept"}, 0.7},
	{[]string{"was", "skeptical"}, 0.55}, {[]string{"were", "skeptical"}, 0.55}, {[]string{"was", "sceptical"}, 0.55},
}

// butScore is the weight of a sentence opening with "But" whose speaker is
// not the previous quote's.
const butScore = 0.4

// negations before a signal undo it: "did not dispute".
var negations = set("not", "never", "didn't", "did't", "doesn't", "don't", "no", "hardly")

// CounterHints returns the hints that a sentence of text counters someone,
// ranked, given the quotes that Quotes suggested for the same text (in
// text order, as Quotes returns them).
func CounterHints(text string, quotes []Quote) []CounterHint {
	hints, _ := CounterHintsContext(context.Background(), text, quotes)
	return hints
}

// CounterHintsContext is CounterHints bounded by ctx, like QuotesContext.
func CounterHintsContext(ctx context.Context, text string, quotes []Quote) (hints []CounterHint, err error) {
	defer recoverStop(&err)
	return newDoc(ctx, text).counterHints(quotes), nil
}

// quoteIndex answers, in logarithmic time, the questions a hint asks of
// the quotes, which Quotes returns in text order and without overlaps.
type quoteIndex struct {
	quotes []Quote
	// spoken[k] is the last quote at or before k with a speaker, or -1.
	spoken []int
	// other[k] is the last quote before k with a speaker other than k's
	// (by strings.EqualFold), or -1.
	other []int
}

func newQuoteIndex(d *doc, quotes []Quote) *quoteIndex {
	x := &quoteIndex{quotes: quotes, spoken: make([]int, len(quotes)), other: make([]int, len(quotes))}
	last := -1
	for k, q := range quotes {
		d.tick(1)
		x.other[k] = -1
		if q.Speaker != "" && last >= 0 {
			// The last one with a speaker differs, or it has the same speaker
			// and the answer is its own.
			if !strings.EqualFold(quotes[last].Speaker, q.Speaker) {
				x.other[k] = last
			} else {
				x.other[k] = x.other[last]
			}
		}
		if q.Speaker != "" {
			last = k
		}
		x.spoken[k] = last
	}
	return x
}

// before is the number of quotes that start before pos.
func (x *quoteIndex) before(pos int) int {
	return sort.Search(len(x.quotes), func(i int) bool { return x.quotes[i].Start >= pos })
}

// overlapping is the range [i, j) of quotes that overlap [start, end).
func (x *quoteIndex) overlapping(start, end int) (int, int) {
	i := sort.Search(len(x.quotes), func(i int) bool { return x.quotes[i].End > start })
	j := i
	for j < len(x.quotes) && x.quotes[j].Start < end {
		j++
	}
	return i, j
}

// lastOther is the last quote that ends at or before pos with a speaker
// other than speaker, or -1.
func (x *quoteIndex) lastOther(pos int, speaker string) int {
	k := sort.Search(len(x.quotes), func(i int) bool { return x.quotes[i].End > pos }) - 1
	if k < 0 {
		return -1
	}
	j := x.spoken[k]
	if j < 0 || !strings.EqualFold(x.quotes[j].Speaker, speaker) {
		return j
	}
	return x.other[j]
}

func (d *doc) counterHints(quotes []Quote) []CounterHint {
	x := newQuoteIndex(d, quotes)
	var hints []CounterHint
	used := map[int]bool{} // sentences with a hint already
	for i := 0; i < len(d.toks); i++ {
		d.tick(1)
		if !d.isWord(i) {
			continue
		}
		for _, sig := range counterSignals {
			n := len(sig.words)
			if i+n > len(d.toks) {
				continue
			}
			ok := true
			for k, w := range sig.words {
				if !d.isWord(i+k) || d.toks[i+k].low != w {
					ok = false
					break
				}
			}
			if !ok || d.negated(i) || used[d.toks[i].sent] {
				continue
			}
			used[d.toks[i].sent] = true
			hints = append(hints, d.hint(d.tokSpan(i, i+n-1), sig.score, x))
			break
		}
	}
	// "But … said": a sentence opening with But whose speaker differs from
	// the previous quote's.
	for s := range d.sentBeg {
		d.tick(1)
		a := d.sentBeg[s]
		if a >= len(d.toks) || used[s] || d.toks[a].low != "but" || !d.isWord(a) {
			continue
		}
		speaker, cueTok := d.sentenceSpeaker(s, x)
		if speaker == "" || cueTok < 0 {
			continue
		}
		prev := x.before(d.toks[a].start) - 1
		if prev < 0 || quotes[prev].Speaker == "" || strings.EqualFold(quotes[prev].Speaker, speaker) {
			continue
		}
		sig := d.tokSpan(a, cueTok)
		h := d.hint(sig, butScore, x)
		h.Signal = d.toks[a].text + " … " + d.toks[cueTok].text
		used[s] = true
		hints = append(hints, h)
	}
	sort.SliceStable(hints, func(i, j int) bool {
		if hints[i].Score != hints[j].Score {
			return hints[i].Score > hints[j].Score
		}
		return hints[i].SignalSpan.Start < hints[j].SignalSpan.Start
	})
	for i := range hints {
		hints[i].Rank = i + 1
	}
	return hints
}

// negated reports whether a negation stands within two words before token i.
func (d *doc) negated(i int) bool {
	if d.toks[i].low == "not" || d.toks[i].low == "did" || d.toks[i].low == "does" {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-2 && d.isWord(k); k-- {
		if negations[d.toks[k].low] {
			return true
		}
	}
	return false
}

// sentenceSpeaker names who speaks in sentence s: the speaker of a quote in
// it, else the subject of its cue; cueTok is the cue's token.
func (d *doc) sentenceSpeaker(s int, x *quoteIndex) (string, int) {
	a, b := d.sentBeg[s], d.sentEnd[s]
	start, end := d.toks[a].start, d.toks[b].end
	cue := -1
	for i := a; i <= b; i++ {
		d.tick(1)
		if c, _ := d.cueAt(i); c != "" {
			cue = i
			break
		}
	}
	i, j := x.overlapping(start, end)
	for ; i < j; i++ {
		d.tick(1)
		if q := x.quotes[i]; q.Speaker != "" {
			return q.Speaker, cue
		}
	}
	if cue < 0 {
		return "", -1
	}
	if at := d.cueWithSpeaker(cue, a, b); at.npA >= 0 {
		return d.tokSpan(at.npA, at.npB).Text, cue
	}
	return "", -1
}

// hint builds the hint for a signal: its sentence, the quotes carrying it
// and the likely target.
func (d *doc) hint(sig Span, score float64, x *quoteIndex) CounterHint {
	ti := d.tokAt(sig.Start)
	s := d.toks[min(ti, len(d.toks)-1)].sent
	sent := d.tokSpan(d.sentBeg[s], d.sentEnd[s])
	para := d.toks[d.sentBeg[s]].para
	h := CounterHint{ID: fmt.Sprintf("h%d-%d", sig.Start, sig.End), Signal: sig.Text, SignalSpan: sig, Span: sent, Score: score}
	speaker := ""
	i, j := x.overlapping(sent.Start, sent.End)
	for ; i < j; i++ {
		d.tick(1)
		h.Quotes = append(h.Quotes, x.quotes[i].ID)
		speaker = x.quotes[i].Speaker
	}
	if len(h.Quotes) == 0 {
		// The first quote after the sentence, when it is in its paragraph
		// (later quotes are in the same paragraph or a later one).
		if k := x.before(sent.End); k < len(x.quotes) && d.paraOf(x.quotes[k].Start) == para {
			h.Quotes = append(h.Quotes, x.quotes[k].ID)
			speaker = x.quotes[k].Speaker
		}
	}
	if k := x.lastOther(sent.Start, speaker); k >= 0 {
		h.Target = x.quotes[k].ID
	}
	return h
}

// paraOf is the paragraph of code point pos, or -1.
func (d *doc) paraOf(pos int) int {
	i := sort.Search(len(d.paras), func(i int) bool { return d.paras[i][1] > pos })
	if i < len(d.paras) && d.paras[i][0] <= pos {
		return i
	}
	return -1
}
