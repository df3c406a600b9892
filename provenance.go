package counterpoint

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

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

// Text is a source text indexed by Unicode code point, the unit of every
// quote offset (the same unit as Python's str indices).
type Text struct {
	s       string
	offsets []int // byte offset of each code point, plus len(s) at the end
}

// NewText indexes s for slicing by code point.
func NewText(s string) *Text {
	offsets := make([]int, 0, utf8.RuneCountInString(s)+1)
	for i := range s {
		offsets = append(offsets, i)
	}
	return &Text{s: s, offsets: append(offsets, len(s))}
}

// Len returns the length of the text in code points.
func (t *Text) Len() int { return len(t.offsets) - 1 }

// Slice returns the code points [start, end) and whether the range lies
// within the text.
func (t *Text) Slice(start, end int) (string, bool) {
	if start < 0 || end < start || end > t.Len() {
		return "", false
	}
	return t.s[t.offsets[start]:t.offsets[end]], true
}

// Find returns the code-point offsets of every place where quote occurs in
// the text after normalisation, so that a curator told of a wrong offset can
// be told the right one.
func (t *Text) Find(quote string) [][2]int {
	want := NormalizeQuote(quote)
	if want == "" {
		return nil
	}
	var found [][2]int
	first, _ := utf8.DecodeRuneInString(want)
	for i := 0; i < t.Len(); i++ {
		r, _ := utf8.DecodeRuneInString(t.s[t.offsets[i]:])
		if typographic.Replace(string(r)) != typographic.Replace(string(first)) {
			continue
		}
		// Grow the candidate one code point at a time until its normalised
		// form is at least as long as the quote's.
		for j := i + 1; j <= t.Len(); j++ {
			got := NormalizeQuote(t.s[t.offsets[i]:t.offsets[j]])
			if got == want {
				found = append(found, [2]int{i, j})
				break
			}
			if len(got) > len(want) || !strings.HasPrefix(want, got) {
				break
			}
		}
	}
	return found
}

// QuoteMatches reports whether q's text is what its source text holds at its
// offsets, after NormalizeQuote on both sides.
func (t *Text) QuoteMatches(q Quote) bool {
	got, ok := t.Slice(q.Start, q.End)
	// The offsets must frame the words exactly: no stray white space at
	// either end, even though white space inside is normalised.
	return ok && strings.TrimSpace(got) == got &&
		NormalizeQuote(got) == NormalizeQuote(q.Text) && NormalizeQuote(q.Text) != ""
}
