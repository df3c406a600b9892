package counterpoint_test

import (
	"testing"

	"github.com/counterpoint-news/counterpoint"
)

func TestNormalizeQuote(t *testing.T) {
	tests := []struct{ in, want string }{
		{"don’t", "don't"},
		{"“strongly disavowing”", `"strongly disavowing"`},
		{"‘OK, you are right.’", "'OK, you are right.'"},
		{"a\u2009.\u2009.\u2009. b", "a . . . b"},
		{"  line\n\tbreak  ", "line break"},
		{"ANY relief", "ANY relief"}, // case is kept
		{"issue — “there", `issue — "there`},
	}
	for _, tt := range tests {
		if got := counterpoint.NormalizeQuote(tt.in); got != tt.want {
			t.Errorf("NormalizeQuote(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

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

func TestQuoteMatches(t *testing.T) {
	text := counterpoint.NewText("Litt wrote: “Really?” he wrote.\nIt is  very hostile today.")
	tests := []struct {
		name string
		q    counterpoint.Quote
		want bool
	}{
		{"exact", counterpoint.Quote{Text: "Really?", Start: 13, End: 20}, true},
		{"ascii quotes for typographic", counterpoint.Quote{Text: `"Really?"`, Start: 12, End: 21}, true},
		{"white space collapsed", counterpoint.Quote{Text: "he wrote. It is very hostile", Start: 22, End: 51}, true},
		{"offset one off", counterpoint.Quote{Text: "Really?", Start: 14, End: 21}, false},
		{"stray space inside the offsets", counterpoint.Quote{Text: "“Really?”", Start: 11, End: 21}, false},
		{"other words", counterpoint.Quote{Text: "Surely?", Start: 13, End: 20}, false},
		{"case differs", counterpoint.Quote{Text: "really?", Start: 13, End: 20}, false},
		{"past the end", counterpoint.Quote{Text: "today.", Start: 52, End: 90}, false},
	}
	for _, tt := range tests {
		if got := text.QuoteMatches(tt.q); got != tt.want {
			s, _ := text.Slice(tt.q.Start, tt.q.End)
			t.Errorf("%s: QuoteMatches(%q at [%d,%d), text there %q) = %v, want %v", tt.name, tt.q.Text, tt.q.Start, tt.q.End, s, got, tt.want)
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
