package counterpoint

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// SourceKind says what sort of document a source is; the set is closed.
type SourceKind string

// The source kinds.
const (
	SourceArticle   SourceKind = "ARTICLE"
	SourcePaper     SourceKind = "PAPER"
	SourceEmail     SourceKind = "EMAIL"
	SourceSpeech    SourceKind = "SPEECH"
	SourceTestimony SourceKind = "TESTIMONY"
	SourceInterview SourceKind = "INTERVIEW"
	SourceStatement SourceKind = "STATEMENT"
)

// SourceKinds lists every source kind.
var SourceKinds = []SourceKind{SourceArticle, SourcePaper, SourceEmail, SourceSpeech, SourceTestimony, SourceInterview, SourceStatement}

// Valid reports whether k belongs to the closed set.
func (k SourceKind) Valid() bool { return slices.Contains(SourceKinds, k) }

// Source is a document: the article, or one that the article reports on.
// Only sources with a text can hold quotes; TextFile names that text.
type Source struct {
	ID         string
	Title      string
	Kind       SourceKind
	Date       string
	Publisher  string
	Authors    []string
	ReportedIn string
	URL        string
	TextFile   string
	Text       string
	TextHash   string // TextHash(Text), kept so that quotes can tell which text they were cut from
	// TitleIsDescription says that Title is the curator's description of a
	// document that has no headline of its own, not a headline to quote.
	TitleIsDescription bool
	Versioned
}

// NodeID implements Node.
func (s *Source) NodeID() string { return s.ID }

// Validate checks a source on its own: id, title, kind, date, and that it is
// not reported in itself.
func (s *Source) Validate() error { return s.validate(newIDs()).Err() }

func (s *Source) validate(seen *ids) Problems {
	var ps Problems
	seen.define(&ps, "id", s.ID)
	if blank(s.Title) {
		ps = append(ps, Invalidf("title", "source %q has no title", s.ID))
	}
	if !s.Kind.Valid() {
		ps = append(ps, Invalidf("kind", "unknown source kind %q", s.Kind))
	}
	checkDate(&ps, "date", s.Date)
	if s.ReportedIn != "" && s.ReportedIn == s.ID {
		ps = append(ps, Invalidf("reportedIn", "source %q cannot be reported in itself", s.ID))
	}
	if s.URL != "" {
		if u, err := url.Parse(s.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			ps = append(ps, Invalidf("url", "source %q: url %q is not a web address (want http:// or https://)", s.ID, s.URL))
		}
	}
	return ps
}

// MaxSourceText is the longest text, in bytes, that a source may be given
// through the API: a long report, not a book.
const MaxSourceText = 2 << 20

// ValidateImport checks a source that brings its own text: the source's
// rules, and a text that is there and not too long.
func (s *Source) ValidateImport() error {
	ps := s.validate(newIDs())
	switch {
	case blank(s.Text):
		ps = append(ps, Invalidf("text", "source %q has no text to import", s.ID))
	case len(s.Text) > MaxSourceText:
		ps = append(ps, Invalidf("text", "source %q: the text has %d bytes, more than the %d a source may have", s.ID, len(s.Text), MaxSourceText))
	}
	return ps.Err()
}

// ImportResult says what replacing a source's text did to what was cut
// from the old one, so that the curator sees every quote that moved and
// every one that needs placing again.
type ImportResult struct {
	Moved, Orphaned  []Quote
	MovedEvidence    []string // keys (Relation.Key) of relations whose evidence moved
	OrphanedEvidence []string // keys of relations with evidence no longer found
}

// TextHash identifies a source's text, so that a quote records which text
// its offsets count in.
func TextHash(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// Text is a source text indexed by Unicode code point, the unit of every
// quote offset (the same unit as Python's str indices).
type Text struct {
	s       string
	offsets []int32 // byte offset of each code point, plus len(s) at the end (int32: half the memory of int, and texts are capped far below 2 GiB)

	quotedOnce sync.Once
	inQuote    []bool // by code point: inside quotation marks

	hashOnce sync.Once
	hash     string

	breaksOnce sync.Once
	breaks     []bool // by code point: a line break that ends a paragraph
}

// NewText indexes s for slicing by code point.
func NewText(s string) *Text {
	offsets := make([]int32, 0, utf8.RuneCountInString(s)+1)
	for i := range s {
		offsets = append(offsets, int32(i))
	}
	return &Text{s: s, offsets: append(offsets, int32(len(s)))}
}

// Hash is TextHash of the text, computed once.
func (t *Text) Hash() string {
	t.hashOnce.Do(func() { t.hash = TextHash(t.s) })
	return t.hash
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

// codePointAt converts a byte offset that starts a code point into a
// code-point offset.
func (t *Text) codePointAt(byteOffset int) int {
	i, _ := slices.BinarySearch(t.offsets, int32(byteOffset))
	return i
}

// runeAt returns the code point at offset i.
func (t *Text) runeAt(i int) rune {
	r, _ := utf8.DecodeRuneInString(t.s[t.offsets[i]:])
	return r
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
	if !ok || strings.TrimSpace(got) != got {
		return false
	}
	if got == q.Text {
		// Normalising the same words twice gives the same words; a loaded
		// file's quotes are mostly this case.
		return got != ""
	}
	want := NormalizeQuote(q.Text)
	return want != "" && NormalizeQuote(got) == want
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

// Paragraph returns the paragraphs (by the rule of Paragraphs) that hold
// the code points [start, end), trimmed, so that a quote can be read in its
// context; "" when the range is empty or outside the text.
func (t *Text) Paragraph(start, end int) string {
	words, _ := t.ParagraphAt(start, end)
	return words
}

// ParagraphAt is Paragraph with the code point its words start at, so that
// a client can mark a quote in its paragraph by offsets rather than by
// searching for its words.
func (t *Text) ParagraphAt(start, end int) (words string, at int) {
	if _, ok := t.Slice(start, end); !ok || start == end {
		return "", 0
	}
	from, to := -1, -1
	for _, p := range t.Paragraphs() {
		if p[1] > start && p[0] < end {
			if from < 0 {
				from = p[0]
			}
			to = p[1]
		}
	}
	if from < 0 {
		return "", 0
	}
	words, _ = t.Slice(min(from, start), max(to, end))
	trimmed := strings.TrimLeftFunc(words, unicode.IsSpace)
	at = min(from, start) + utf8.RuneCountInString(words[:len(words)-len(trimmed)])
	return strings.TrimRightFunc(trimmed, unicode.IsSpace), at
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
