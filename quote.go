package counterpoint

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// QuoteKind says whose words a quote holds; the set is closed.
type QuoteKind string

// The quote kinds. Nothing shows a paraphrase as someone's words, so the
// kind a quote has when none is given is Paraphrase.
const (
	// Direct: the speaker's own words, inside quotation marks in the source.
	Direct QuoteKind = "DIRECT"
	// Paraphrase: the reporter's words reporting what was said or written;
	// a span that mixes the reporter's words with quoted ones is one.
	Paraphrase QuoteKind = "PARAPHRASE"
)

// QuoteKinds lists every quote kind.
var QuoteKinds = []QuoteKind{Direct, Paraphrase}

// Valid reports whether k belongs to the closed set.
func (k QuoteKind) Valid() bool { return slices.Contains(QuoteKinds, k) }

// OrDefault is k, or Paraphrase when k is unset: a quote is shown as
// someone's words only when it is known to be.
func (k QuoteKind) OrDefault() QuoteKind {
	if k == "" {
		return Paraphrase
	}
	return k
}

// Quote is a run of verbatim words in a source's text. Start and End are
// offsets in Unicode code points into that text, End exclusive.
type Quote struct {
	ID       string
	Claim    string // the claim it evidences, when read from the graph
	Text     string
	Kind     QuoteKind
	Source   string
	Document string
	Start    int
	End      int
	// Prefix and Suffix are up to ContextLength code points of the source's
	// text before and after the words, and SourceHash the hash of that text,
	// so that a quote can be found again, and only exactly, in a corrected text.
	Prefix, Suffix string
	SourceHash     string
	Anchor         Anchor
}

// NodeID implements Node.
func (q *Quote) NodeID() string { return q.ID }

// QuoteID is the id of a claim's n-th quote (counting from 1) when the
// curator gives none.
func QuoteID(claimID string, n int) string { return fmt.Sprintf("%s.q%d", claimID, n) }

// Validate checks that a quote's words are verbatim at its offsets in text,
// its source's text (nil when the source has none). A quote at the wrong
// place is told where its words are, or how often they occur.
func (q *Quote) Validate(text *Text) error {
	if text == nil {
		return Invalidf("source", "source %q has no text to hold quotes; quote the text that reports it", q.Source)
	}
	if blank(q.Text) {
		return Invalidf("text", "quote %q has no words", q.ID)
	}
	if q.End <= q.Start || q.Start < 0 || q.End > text.Len() {
		return Invalidf("", "offsets [%d, %d) are outside source %q (%d code points)", q.Start, q.End, q.Source, text.Len())
	}
	if text.QuoteMatches(*q) {
		if q.Kind == Direct && !text.InsideQuotation(q.Start, q.End) {
			return Invalidf("kind", "quote %q is DIRECT but not inside quotation marks in source %q; the reporter's words are a PARAPHRASE", q.Text, q.Source)
		}
		return nil
	}
	// Echo no more of the source than the quote's own length: offsets far
	// wider than the words must not print (or leak) the text between them.
	shown := min(q.End, q.Start+utf8.RuneCountInString(q.Text))
	got, _ := text.Slice(q.Start, shown)
	if shown < q.End {
		got += "…"
	}
	msg := fmt.Sprintf("quote %q is not at [%d, %d) in source %q, which holds %q there", q.Text, q.Start, q.End, q.Source, got)
	switch found := text.Find(q.Text); len(found) {
	case 0:
		msg += "; the quote is nowhere in the source text"
	case 1:
		msg += fmt.Sprintf("; it is at [%d, %d)", found[0][0], found[0][1])
	default:
		msg += fmt.Sprintf("; it occurs %d times, first at [%d, %d)", len(found), found[0][0], found[0][1])
	}
	return Invalidf("", "%s", msg)
}

// typographic maps the typographic quotation marks and apostrophes that
// newspapers use onto their ASCII forms, so that a curator may type either.
var typographic = strings.NewReplacer(
	"\u2018", "'", "\u2019", "'", "\u201A", "'", "\u201B", "'", "\u2032", "'",
	"\u201C", `"`, "\u201D", `"`, "\u201E", `"`, "\u201F", `"`, "\u2033", `"`,
)

// NormalizeQuote returns s in the form that quotes are compared in: the
// typographic quotes ‘ ’ ‚ ‛ ′ become ' and “ ” „ ‟ ″ become ", every run of
// Unicode white space becomes a single space, and the ends are trimmed.
// Nothing else changes: case, dashes, ellipses and punctuation must match.
func NormalizeQuote(s string) string {
	s = typographic.Replace(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// Anchor says how a quote stands in its source's current text.
type Anchor string

// The closed set of anchors.
const (
	// Anchored: the words are where the quote says, in the text it was cut from.
	Anchored Anchor = "ANCHORED"
	// Moved: the source's text was replaced and the words were found again,
	// with the same context, exactly once; the offsets follow them.
	Moved Anchor = "MOVED"
	// Orphaned: the source's text was replaced and the words with their
	// context are not in it exactly once; a curator must place or drop the quote.
	Orphaned Anchor = "ORPHANED"
)

// ContextLength is how many code points of context a quote keeps on each
// side (as a W3C Web Annotation TextQuoteSelector's prefix and suffix).
const ContextLength = 32

// AnchorIn records where q stands in t, the text its offsets were checked
// against: its context, the text's hash, and Anchored.
func (q *Quote) AnchorIn(t *Text) {
	q.Prefix, q.Suffix = t.Context(q.Start, q.End)
	q.SourceHash = t.Hash()
	q.Anchor = Anchored
}

// Reanchor finds q, cut from old, in the replacing text next: only where the
// words stand with the same context (prefix, words, suffix, character for
// character) and only when that happens exactly once. It returns q with its
// new offsets and context, Moved (or Anchored when the offsets did not
// change), or q unchanged and Orphaned. A nil old uses q's stored context
// and words.
func Reanchor(q Quote, old, next *Text) Quote {
	words, prefix, suffix := q.Text, q.Prefix, q.Suffix
	if old != nil {
		if w, ok := old.Slice(q.Start, q.End); ok {
			words = w
			prefix, suffix = old.Context(q.Start, q.End)
		}
	}
	needle := prefix + words + suffix
	at := -1
	for from := 0; ; {
		i := strings.Index(next.s[from:], needle)
		if i < 0 {
			break
		}
		if at >= 0 || needle == "" {
			at = -2 // more than once: ambiguous
			break
		}
		at = from + i
		_, size := utf8.DecodeRuneInString(next.s[at:])
		from = at + size
	}
	if at < 0 {
		q.Anchor = Orphaned
		return q
	}
	start := next.codePointAt(at + len(prefix))
	end := start + utf8.RuneCountInString(words)
	moved := start != q.Start || end != q.End
	q.Start, q.End = start, end
	q.AnchorIn(next)
	if moved {
		q.Anchor = Moved
	}
	return q
}
