package counterpoint_test

import (
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint"
)

func TestTextSliceCountsCodePoints(t *testing.T) {
	text := counterpoint.NewText("they don’t want — “Really?”")
	tests := []struct {
		start, end int
		want       string
		ok         bool
	}{
		{5, 10, "don’t", true},
		{18, 27, "“Really?”", true},
		{19, 26, "Really?", true},
		{0, 28, "", false},
		{-1, 3, "", false},
		{4, 3, "", false},
	}
	for _, tt := range tests {
		got, ok := text.Slice(tt.start, tt.end)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Slice(%d, %d) = %q, %v; want %q, %v", tt.start, tt.end, got, ok, tt.want, tt.ok)
		}
	}
}

func TestTextFind(t *testing.T) {
	text := counterpoint.NewText("“Really?” he wrote. Really? Yes.")
	got := text.Find(`"Really?"`)
	if len(got) != 1 || got[0] != [2]int{0, 9} {
		t.Errorf(`Find("\"Really?\"") = %v, want [[0 9]]`, got)
	}
	if got := text.Find("Really?"); len(got) != 2 || got[0] != [2]int{1, 8} || got[1] != [2]int{20, 27} {
		t.Errorf(`Find("Really?") = %v, want [[1 8] [20 27]]`, got)
	}
	if got := text.Find("Surely"); len(got) != 0 {
		t.Errorf(`Find("Surely") = %v, want none`, got)
	}
}

func TestInsideQuotation(t *testing.T) {
	text := counterpoint.NewText("Litt wrote “Really?” and, he said, “not ANY relief,” he added, “ever.”\n“Next paragraph” and \"ascii words\" too.")
	tests := []struct {
		words string
		want  bool
	}{
		{"Really?", true},
		{"“Really?”", true},                          // with its marks
		{"Litt wrote", false},                        // the reporter's words
		{"wrote “Really?”", false},                   // mixed: a paraphrase
		{"not ANY relief,", true},                    // up to its closing mark
		{"not ANY relief,” he added, “ever.", false}, // interrupted by the reporter
		{"Next paragraph", true},
		{"ascii words", true},
		{"and \"ascii", false},
	}
	for _, tt := range tests {
		found := text.Find(tt.words)
		if len(found) != 1 {
			t.Fatalf("%q found %d times in the test text", tt.words, len(found))
		}
		if got := text.InsideQuotation(found[0][0], found[0][1]); got != tt.want {
			t.Errorf("InsideQuotation(%q) = %v, want %v", tt.words, got, tt.want)
		}
	}
}

func TestDirectSpans(t *testing.T) {
	text := counterpoint.NewText("for a statement from the president “strongly disavowing” a legislative mandate")
	found := text.Find("a statement from the president “strongly disavowing” a legislative mandate")
	spans := text.DirectSpans(found[0][0], found[0][1])
	if len(spans) != 1 {
		t.Fatalf("DirectSpans = %v, want one span", spans)
	}
	if got, _ := text.Slice(spans[0][0], spans[0][1]); got != "strongly disavowing" {
		t.Errorf("the direct span holds %q, want %q", got, "strongly disavowing")
	}
}

// TestQuotationAcrossAWrap: in a text whose paragraphs are separated by
// blank lines, a quotation hard-wrapped over two lines is one quotation; in
// a text without blank lines every line is a paragraph and starts outside.
func TestQuotationAcrossAWrap(t *testing.T) {
	tests := []struct {
		text, words string
		want        bool
	}{
		{"Title\n\nShe said \"we will not close\nthe library\" on Monday.\n\nNext.", "we will not close\nthe library", true},
		{"She said \"we will not close\nthe library\" on Monday.\nNext.", "we will not close\nthe library", false},
		{"Title\n\n\"An unclosed quotation at a paragraph's end\n\nis not carried into the next\" one.", "is not carried into the next", false},
		{"Title\n \t\nHe said: \"a line\nand a wrap\".", "a line\nand a wrap", true},
	}
	for _, tt := range tests {
		text := counterpoint.NewText(tt.text)
		found := text.Find(tt.words)
		if len(found) != 1 {
			t.Fatalf("%q is not once in %q", tt.words, tt.text)
		}
		if got := text.InsideQuotation(found[0][0], found[0][1]); got != tt.want {
			t.Errorf("InsideQuotation(%q in %q) = %v, want %v", tt.words, tt.text, got, tt.want)
		}
	}
}

// TestContextAndParagraphs: context stops at the text's ends and counts
// code points; paragraphs are runs between blank lines, trimmed.
func TestContextAndParagraphs(t *testing.T) {
	text := counterpoint.NewText("🙂 first line\nsame paragraph\n\n\n  second 𠀀 paragraph  \n\nthird")
	prefix, suffix := text.Context(2, 7)
	if prefix != "🙂 " || !strings.HasPrefix(suffix, " line\nsame") || len([]rune(suffix)) != counterpoint.ContextLength {
		t.Errorf("Context(2, 7) = %q, %q; want the two code points before and 32 after", prefix, suffix)
	}
	var got []string
	for _, p := range text.Paragraphs() {
		w, _ := text.Slice(p[0], p[1])
		got = append(got, w)
	}
	want := []string{"🙂 first line\nsame paragraph", "second 𠀀 paragraph", "third"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Paragraphs() = %q, want %q", got, want)
	}
}

// TestParagraph: a range is read in the paragraphs that hold it, a wrapped
// line staying in its paragraph; a range outside the text has none.
func TestParagraph(t *testing.T) {
	text := "First para.\n\nSecond “Really?” para\nstill second.\n\nThird."
	tests := []struct {
		start, end int
		want       string
	}{
		{21, 28, "Second “Really?” para\nstill second."},
		{0, 5, "First para."},
		{len([]rune(text)) - 6, len([]rune(text)), "Third."},
		{10, 200, ""},
		{3, 3, ""},
	}
	for _, tt := range tests {
		if got := counterpoint.NewText(text).Paragraph(tt.start, tt.end); got != tt.want {
			t.Errorf("Paragraph(%d, %d) of %q = %q, want %q", tt.start, tt.end, text, got, tt.want)
		}
	}
}
