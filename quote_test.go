package counterpoint_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint"
)

// cut returns a quote of words as they stand (first occurrence) in text,
// anchored there.
func cut(tb testing.TB, text, words string) counterpoint.Quote {
	tb.Helper()
	t := counterpoint.NewText(text)
	found := t.Find(words)
	if len(found) == 0 {
		tb.Fatalf("%q is not in %q", words, text)
	}
	q := counterpoint.Quote{Text: words, Start: found[0][0], End: found[0][1]}
	q.AnchorIn(t)
	return q
}

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

func TestQuoteValidate(t *testing.T) {
	text := counterpoint.NewText("He said “Really?” twice. Really?")
	tests := []struct {
		name       string
		text       *counterpoint.Text
		quote      string
		start, end int
		want       string
	}{
		{"verbatim", text, "Really?", 9, 16, ""},
		{"no text", nil, "Really?", 9, 16, `source: source "s" has no text to hold quotes; quote the text that reports it`},
		{"outside", text, "Really?", 30, 37, `: offsets [30, 37) are outside source "s" (32 code points)`},
		{"elsewhere, twice", text, "Really?", 0, 7, `: quote "Really?" is not at [0, 7) in source "s", which holds "He said" there; it occurs 2 times, first at [9, 16)`},
		{"elsewhere, once", text, "twice", 0, 5, `: quote "twice" is not at [0, 5) in source "s", which holds "He sa" there; it is at [18, 23)`},
		{"nowhere", text, "Surely?", 9, 16, `: quote "Surely?" is not at [9, 16) in source "s", which holds "Really?" there; the quote is nowhere in the source text`},
	}
	for _, tt := range tests {
		q := counterpoint.Quote{ID: "q", Text: tt.quote, Source: "s", Start: tt.start, End: tt.end}
		err := q.Validate(tt.text)
		var got string
		if err != nil {
			var e *counterpoint.Error
			if !errors.As(err, &e) {
				t.Fatalf("%s: %v is not a *counterpoint.Error", tt.name, err)
			}
			got = e.Field + ": " + e.Message
		}
		if got != tt.want {
			t.Errorf("%s: Validate(%q at [%d, %d)) = %q, want %q", tt.name, tt.quote, tt.start, tt.end, got, tt.want)
		}
	}
}

// TestReanchor: a quote follows its words into a corrected text only when
// they stand there with the same context exactly once; otherwise it is
// orphaned and keeps its old offsets.
func TestReanchor(t *testing.T) {
	const old = "The director said: \"We cannot build a door only for the good guys.\" Others disagreed."
	const words = "We cannot build a door only for the good guys."
	tests := []struct {
		name       string
		next       string
		wantAnchor counterpoint.Anchor
		wantShift  int // code points the words moved by, when found
	}{
		{"same text", old, counterpoint.Anchored, 0},
		{"a typo fixed after the quote's context", old + " Corrected on Tuesday.", counterpoint.Anchored, 0},
		{"a sentence added before", "Update: a clarification. " + old, counterpoint.Moved, 25},
		{"an emoji and a CJK character added before", "🙂𠀀 " + old, counterpoint.Moved, 3},
		{"the words changed", strings.Replace(old, "good guys", "good people", 1), counterpoint.Orphaned, 0},
		{"the context changed", strings.Replace(old, "The director said", "The director wrote", 1), counterpoint.Orphaned, 0},
		{"the passage twice", old + " " + old, counterpoint.Orphaned, 0},
		{"the words gone", "Nothing of it remains.", counterpoint.Orphaned, 0},
	}
	for _, tt := range tests {
		q := cut(t, old, words)
		got := counterpoint.Reanchor(q, counterpoint.NewText(old), counterpoint.NewText(tt.next))
		if got.Anchor != tt.wantAnchor {
			t.Errorf("%s: anchor %s, want %s", tt.name, got.Anchor, tt.wantAnchor)
			continue
		}
		if tt.wantAnchor == counterpoint.Orphaned {
			if got.Start != q.Start || got.End != q.End || got.SourceHash != q.SourceHash {
				t.Errorf("%s: an orphaned quote moved to %d..%d (hash %s); want it left at %d..%d", tt.name, got.Start, got.End, got.SourceHash, q.Start, q.End)
			}
			continue
		}
		if got.Start != q.Start+tt.wantShift || got.End != q.End+tt.wantShift {
			t.Errorf("%s: offsets %d..%d, want %d..%d", tt.name, got.Start, got.End, q.Start+tt.wantShift, q.End+tt.wantShift)
		}
		next := counterpoint.NewText(tt.next)
		if w, _ := next.Slice(got.Start, got.End); w != words {
			t.Errorf("%s: the new offsets hold %q, want %q", tt.name, w, words)
		}
		if got.SourceHash != counterpoint.TextHash(tt.next) {
			t.Errorf("%s: source hash %s, want the new text's", tt.name, got.SourceHash)
		}
	}
}

// TestReanchorWithoutOldText: with only the stored context (the old text
// gone), the same rule holds.
func TestReanchorWithoutOldText(t *testing.T) {
	const old = "He said \"no door\" twice, then \"no door\" again."
	q := cut(t, old, "no door")
	next := "Later: " + old
	got := counterpoint.Reanchor(q, nil, counterpoint.NewText(next))
	if got.Anchor != counterpoint.Moved || got.Start != q.Start+7 {
		t.Errorf("Reanchor(stored context) = %s at %d, want MOVED at %d", got.Anchor, got.Start, q.Start+7)
	}
}
