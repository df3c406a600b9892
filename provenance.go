package counterpoint

import (
	"strings"
	"sync"
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

	quotedOnce sync.Once
	inQuote    []bool // by code point: inside quotation marks

	hashOnce sync.Once
	hash     string

	breaksOnce sync.Once
	breaks     []bool // by code point: a line break that ends a paragraph
}

// Hash is TextHash of the text, computed once.
func (t *Text) Hash() string {
	t.hashOnce.Do(func() { t.hash = TextHash(t.s) })
	return t.hash
}

// NewText indexes s for slicing by code point.
func NewText(s string) *Text {
	offsets := make([]int, 0, utf8.RuneCountInString(s)+1)
	for i := range s {
		offsets = append(offsets, i)
	}
	return &Text{s: s, offsets: append(offsets, len(s))}
}

// String returns the whole text.
func (t *Text) String() string { return t.s }

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

// Quotation marks that open and close a quotation. The ASCII " opens or
// closes by turn. Single marks are left alone: ’ is far more often an
// apostrophe than the end of a quotation within a quotation.
const (
	openMark  = '“'
	closeMark = '”'
	asciiMark = '"'
)

// quoted marks, for each code point of the text, whether it lies inside
// quotation marks (the marks themselves excluded). A paragraph starts
// outside any quotation, as news style opens a quotation again in every
// paragraph it runs into; a line break inside a paragraph (a hard-wrapped
// text) does not end one (see paragraphBreaks).
func (t *Text) quoted() []bool {
	t.quotedOnce.Do(func() {
		t.inQuote = make([]bool, t.Len())
		breaks := t.paragraphBreaks()
		inside := false
		for i := range t.Len() {
			r, _ := utf8.DecodeRuneInString(t.s[t.offsets[i]:])
			switch {
			case breaks[i]:
				inside = false
			case r == openMark:
				inside = true
				continue
			case r == closeMark:
				inside = false
				continue
			case r == asciiMark:
				inside = !inside
				continue
			}
			t.inQuote[i] = inside
		}
	})
	return t.inQuote
}

// paragraphBreaks marks, by code point, the line breaks that end a
// paragraph. When the text has a blank line anywhere (a line of nothing
// but spaces, tabs or carriage returns), paragraphs end at blank lines and
// a single line break is a wrap inside one; a text without blank lines has
// a paragraph per line. The suggestions pass, the studio and every check
// of a quote read paragraphs by this one rule.
func (t *Text) paragraphBreaks() []bool {
	t.breaksOnce.Do(func() {
		n := t.Len()
		t.breaks = make([]bool, n)
		runes := []rune(t.s)
		// blankAfter reports whether the line after the break at i is blank.
		blankAfter := func(i int) bool {
			j := i + 1
			for j < n && (runes[j] == ' ' || runes[j] == '\t' || runes[j] == '\r') {
				j++
			}
			return j < n && runes[j] == '\n'
		}
		blankLines := false
		for i, r := range runes {
			if r == '\n' && blankAfter(i) {
				blankLines = true
				break
			}
		}
		lineStart := 0
		for i, r := range runes {
			if r != '\n' {
				continue
			}
			lineBlank := strings.TrimLeft(string(runes[lineStart:i]), " \t\r") == ""
			t.breaks[i] = !blankLines || lineBlank || blankAfter(i)
			lineStart = i + 1
		}
	})
	return t.breaks
}

// Quotations returns the runs of the text inside quotation marks, by the
// rule every DIRECT quote is checked with, so that a client marks the
// same words direct as the API will.
func (t *Text) Quotations() [][2]int { return t.DirectSpans(0, t.Len()) }

// InsideQuotation reports whether the words at [start, end) are all inside
// one quotation: the source gives them as someone's own words. The span may
// include its opening and closing marks; a span that a closing mark
// interrupts ("…," he said, "…") is not inside one quotation.
func (t *Text) InsideQuotation(start, end int) bool {
	if start < 0 || end > t.Len() || start >= end {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.s[t.offsets[start]:])
	if r == openMark || r == asciiMark {
		start++
	}
	if end > start {
		r, _ = utf8.DecodeRuneInString(t.s[t.offsets[end-1]:])
		if r == closeMark || r == asciiMark {
			end--
		}
	}
	q := t.quoted()
	for i := start; i < end; i++ {
		if !q[i] {
			return false
		}
	}
	return start < end
}

// DirectSpans returns the runs of [start, end) that lie inside quotation
// marks, as code-point offsets into the text, so that a paraphrase that
// quotes a few of the speaker's words can show which ones are theirs.
func (t *Text) DirectSpans(start, end int) [][2]int {
	if start < 0 || end > t.Len() || start >= end {
		return nil
	}
	q := t.quoted()
	var spans [][2]int
	for i := start; i < end; i++ {
		if !q[i] {
			continue
		}
		j := i
		for j < end && q[j] {
			j++
		}
		spans = append(spans, [2]int{i, j})
		i = j
	}
	return spans
}
