package suggest

import (
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
// ranked, given the quotes that Quotes suggested for the same text.
func CounterHints(text string, quotes []Quote) []CounterHint {
	d := newDoc(text)
	var hints []CounterHint
	used := map[int]bool{} // sentences with a hint already
	for i := 0; i < len(d.toks); i++ {
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
			hints = append(hints, d.hint(d.tokSpan(i, i+n-1), sig.score, quotes))
			break
		}
	}
	// "But … said": a sentence opening with But whose speaker differs from
	// the previous quote's.
	for s := range d.sentBeg {
		a := d.sentBeg[s]
		if a >= len(d.toks) || used[s] || d.toks[a].low != "but" || !d.isWord(a) {
			continue
		}
		speaker, cueTok := d.sentenceSpeaker(s, quotes)
		if speaker == "" || cueTok < 0 {
			continue
		}
		prev := previousQuote(quotes, d.toks[a].start)
		if prev < 0 || quotes[prev].Speaker == "" || strings.EqualFold(quotes[prev].Speaker, speaker) {
			continue
		}
		sig := d.tokSpan(a, cueTok)
		h := d.hint(sig, butScore, quotes)
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
func (d *doc) sentenceSpeaker(s int, quotes []Quote) (string, int) {
	a, b := d.sentBeg[s], d.sentEnd[s]
	start, end := d.toks[a].start, d.toks[b].end
	cue := -1
	for i := a; i <= b; i++ {
		if c, _ := d.cueAt(i); c != "" {
			cue = i
			break
		}
	}
	for _, q := range quotes {
		if q.Start < end && start < q.End && q.Speaker != "" {
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

// previousQuote is the index of the last quote that starts before pos, or -1.
func previousQuote(quotes []Quote, pos int) int {
	k := -1
	for i, q := range quotes {
		if q.Start < pos {
			k = i
		}
	}
	return k
}

// hint builds the hint for a signal: its sentence, the quotes carrying it
// and the likely target.
func (d *doc) hint(sig Span, score float64, quotes []Quote) CounterHint {
	ti := 0
	for ti < len(d.toks) && d.toks[ti].start < sig.Start {
		ti++
	}
	s := d.toks[min(ti, len(d.toks)-1)].sent
	sent := d.tokSpan(d.sentBeg[s], d.sentEnd[s])
	para := d.toks[d.sentBeg[s]].para
	h := CounterHint{ID: fmt.Sprintf("h%d-%d", sig.Start, sig.End), Signal: sig.Text, SignalSpan: sig, Span: sent, Score: score}
	speaker := ""
	for _, q := range quotes {
		if q.Start < sent.End && sent.Start < q.End {
			h.Quotes = append(h.Quotes, q.ID)
			speaker = q.Speaker
		}
	}
	if len(h.Quotes) == 0 {
		for _, q := range quotes {
			if q.Start >= sent.End && d.paraOf(q.Start) == para {
				h.Quotes = append(h.Quotes, q.ID)
				speaker = q.Speaker
				break
			}
		}
	}
	for k := len(quotes) - 1; k >= 0; k-- {
		q := quotes[k]
		if q.End <= sent.Start && q.Speaker != "" && !strings.EqualFold(q.Speaker, speaker) {
			h.Target = q.ID
			break
		}
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
