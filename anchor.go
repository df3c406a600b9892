package counterpoint

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

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

// TextHash identifies a source's text, so that a quote records which text
// its offsets count in.
func TextHash(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// Context returns up to ContextLength code points before start and after
// end; empty strings when the range is outside the text.
func (t *Text) Context(start, end int) (prefix, suffix string) {
	if _, ok := t.Slice(start, end); !ok {
		return "", ""
	}
	prefix, _ = t.Slice(max(0, start-ContextLength), start)
	suffix, _ = t.Slice(end, min(t.Len(), end+ContextLength))
	return prefix, suffix
}

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

// codePointAt converts a byte offset that starts a code point into a
// code-point offset.
func (t *Text) codePointAt(byteOffset int) int {
	return sort.SearchInts(t.offsets, byteOffset)
}

// Paragraphs returns the code-point ranges of the text's paragraphs (by
// the rule of paragraphBreaks), without their surrounding white space, so
// that a reader can show a long text a paragraph at a time.
func (t *Text) Paragraphs() [][2]int {
	var out [][2]int
	breaks := t.paragraphBreaks()
	add := func(from, to int) { // code points
		for from < to && unicode.IsSpace(t.runeAt(from)) {
			from++
		}
		for to > from && unicode.IsSpace(t.runeAt(to-1)) {
			to--
		}
		if to > from {
			out = append(out, [2]int{from, to})
		}
	}
	start := 0
	for i, b := range breaks {
		if b {
			add(start, i)
			start = i + 1
		}
	}
	add(start, t.Len())
	return out
}

// runeAt returns the code point at offset i.
func (t *Text) runeAt(i int) rune {
	r, _ := utf8.DecodeRuneInString(t.s[t.offsets[i]:])
	return r
}

// ImportResult says what replacing a source's text did to what was cut
// from the old one, so that the curator sees every quote that moved and
// every one that needs placing again.
type ImportResult struct {
	Moved, Orphaned  []Quote
	MovedEvidence    []string // keys (Relation.Key) of relations whose evidence moved
	OrphanedEvidence []string // keys of relations with evidence no longer found
}
