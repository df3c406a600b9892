package counterpoint_test

import (
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

// TestCheckVersion: an edit based on the node's version passes; any other
// is a conflict that says who changed it; no base skips the check.
func TestCheckVersion(t *testing.T) {
	v := func(n int) *int { return &n }
	tests := []struct {
		base     *int
		current  int
		wantCode string
		wantText string
	}{
		{nil, 7, "", ""},
		{v(3), 3, "", ""},
		{v(0), 0, "", ""},
		{v(2), 3, counterpoint.ECONFLICT, "based on version 2, it is now at version 3"},
		{v(0), 1, counterpoint.ECONFLICT, "already exists"},
		{v(2), 0, counterpoint.ECONFLICT, "no longer exists"},
		{v(-1), 0, counterpoint.EINVALID, "version must be"},
	}
	for _, tt := range tests {
		err := counterpoint.CheckVersion("claim", "c1", tt.base, tt.current, nil)
		var code string
		if e, ok := err.(*counterpoint.Error); ok {
			code = e.Code
		}
		if code != tt.wantCode || (tt.wantText != "" && !strings.Contains(err.Error(), tt.wantText)) {
			t.Errorf("CheckVersion(base %v, current %d) = %v; want code %q with %q", tt.base, tt.current, err, tt.wantCode, tt.wantText)
		}
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
