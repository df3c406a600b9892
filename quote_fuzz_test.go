package counterpoint

import (
	"strings"
	"testing"
	"unicode"
)

// FuzzNormalizeQuote: normalising is idempotent, leaves no white space at
// the ends, no run of it inside and no typographic quotation mark.
//
//	go test -run '^$' -fuzz FuzzNormalizeQuote -fuzztime 3m .
func FuzzNormalizeQuote(f *testing.F) {
	for _, s := range []string{"", " ", "“Hello,” she said.", "it’s  \t\n a ‘test’", "\u00a0x\u2003y\u3000", "\xff\xfe”", "″′„‟"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := NormalizeQuote(s)
		if again := NormalizeQuote(n); again != n {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, n, again)
		}
		if strings.TrimFunc(n, unicode.IsSpace) != n {
			t.Fatalf("white space at an end: %q -> %q", s, n)
		}
		if strings.Contains(n, "  ") || strings.ContainsFunc(n, func(r rune) bool { return r != ' ' && unicode.IsSpace(r) }) {
			t.Fatalf("white space other than single spaces: %q -> %q", s, n)
		}
		if strings.ContainsAny(n, "\u2018\u2019\u201A\u201B\u2032\u201C\u201D\u201E\u201F\u2033") {
			t.Fatalf("a typographic mark is left: %q -> %q", s, n)
		}
	})
}
