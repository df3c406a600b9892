package counterpoint

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzText: Slice, Find, InsideQuotation and DirectSpans agree with each
// other on any text and any offsets, and never panic.
//
//	go test -run '^$' -fuzz FuzzText -fuzztime 3m .
func FuzzText(f *testing.F) {
	f.Add("He said “we will win” and “soon”.", 8, 20, "we will")
	f.Add("\"a\" b \"c\nd\" e", 0, 12, "c")
	f.Add("“x” ", -1, 99, "x")
	f.Add("caf\u00e9 \xff’s ‘q’", 2, 7, "\xff's")
	f.Add("", 0, 0, "")
	f.Add("a  b", 0, 4, "a b")
	f.Fuzz(func(t *testing.T, s string, start, end int, quote string) {
		txt := NewText(s)
		n := txt.Len()
		if n != utf8.RuneCountInString(s) {
			t.Fatalf("Len %d, want %d", n, utf8.RuneCountInString(s))
		}
		got, ok := txt.Slice(start, end)
		if want := 0 <= start && start <= end && end <= n; ok != want {
			t.Fatalf("Slice(%d, %d) ok %v on a text of %d code points", start, end, ok, n)
		}
		if ok {
			head, _ := txt.Slice(0, start)
			tail, _ := txt.Slice(end, n)
			if head+got+tail != s {
				t.Fatalf("Slice(%d, %d) pieces do not make up the text", start, end)
			}
			if utf8.RuneCountInString(got) != end-start {
				t.Fatalf("Slice(%d, %d) = %q: %d code points", start, end, got, utf8.RuneCountInString(got))
			}
		}

		check := func(quote string) [][2]int {
			found := txt.Find(quote)
			want := NormalizeQuote(quote)
			for k, f := range found {
				piece, ok := txt.Slice(f[0], f[1])
				if !ok || f[0] >= f[1] || NormalizeQuote(piece) != want {
					t.Fatalf("Find(%q) gave %v, which holds %q", quote, f, piece)
				}
				if k > 0 && f[0] <= found[k-1][0] {
					t.Fatalf("Find(%q) = %v: not in order", quote, found)
				}
			}
			return found
		}
		check(quote)
		// A trimmed piece of the text is found where it was taken from.
		if ok && strings.TrimSpace(got) == got && NormalizeQuote(got) != "" {
			found := check(got)
			at := false
			for _, f := range found {
				at = at || f == [2]int{start, end}
			}
			if !at {
				t.Fatalf("Find(Slice(%d, %d) = %q) = %v, which misses [%d %d]", start, end, got, found, start, end)
			}
		}

		inside := txt.InsideQuotation(start, end)
		spans := txt.DirectSpans(start, end)
		if inside && len(spans) == 0 {
			t.Fatalf("InsideQuotation(%d, %d) but no direct span", start, end)
		}
		runes := []rune(s)
		for k, sp := range spans {
			if sp[0] < start || sp[1] > end || sp[0] >= sp[1] {
				t.Fatalf("DirectSpans(%d, %d) = %v: %v lies outside", start, end, spans, sp)
			}
			if k > 0 && sp[0] <= spans[k-1][1] {
				t.Fatalf("DirectSpans(%d, %d) = %v: overlapping, touching or out of order", start, end, spans)
			}
			for _, r := range runes[sp[0]:sp[1]] {
				if r == '\n' || r == '"' || r == '“' || r == '”' {
					t.Fatalf("DirectSpans(%d, %d) = %v holds %q, which is never inside a quotation", start, end, spans, r)
				}
			}
			if !txt.InsideQuotation(sp[0], sp[1]) {
				t.Fatalf("DirectSpans(%d, %d) gave %v, which is not InsideQuotation", start, end, sp)
			}
		}
	})
}
