package jsonutf8

import (
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want []string // Problem.String() of each
	}{
		{"valid", `{"a": "héllo ☃ \ud83d\ude00 \\ud800", "b": [1, "x"]}`, nil},
		{"raw byte in a nested value", "{\"claims\": [{\"id\": \"a\"}, {\"id\": \"b\", \"text\": \"caf\xe9\"}]}",
			[]string{"$.claims[1].text: invalid UTF-8 byte 0xe9 at line 1, column 50"}},
		{"raw byte in a key", "{\n  \"ok\": 1,\n  \"k\xff\": 2\n}",
			[]string{"$.k\ufffd: invalid UTF-8 byte 0xff at line 3, column 5"}},
		{"lone high surrogate", `{"variables": {"text": "x\ud800y"}}`,
			[]string{`$.variables.text: lone surrogate \ud800 at line 1, column 26`}},
		{"lone low surrogate in an array", `["ok", "\udc00"]`,
			[]string{`$[1]: lone surrogate \udc00 at line 1, column 9`}},
		{"high surrogate followed by a non-surrogate escape", `["\ud800\u0041"]`,
			[]string{`$[0]: lone surrogate \ud800 at line 1, column 3`}},
		{"two problems", "{\"a\": \"\xc3\", \"b\": [\"\xff\"]}",
			[]string{"$.a: invalid UTF-8 byte 0xc3 at line 1, column 8", "$.b[0]: invalid UTF-8 byte 0xff at line 1, column 19"}},
		{"truncated document (no path past the syntax error)", "\"\xe2\x98",
			[]string{"invalid UTF-8 byte 0xe2 at line 1, column 2", "invalid UTF-8 byte 0x98 at line 1, column 3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := Check([]byte(tt.doc))
			var got []string
			for _, p := range ps {
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("Check(%q):\n got %q\nwant %q", tt.doc, got, tt.want)
			}
			if Valid([]byte(tt.doc)) != (len(tt.want) == 0) {
				t.Errorf("Valid(%q) = %v", tt.doc, !(len(tt.want) == 0))
			}
		})
	}
}

func TestCheckBoundsItsWork(t *testing.T) {
	doc := "[\"" + strings.Repeat("\xff", 10000) + "\"]"
	if n := len(Check([]byte(doc))); n != maxProblems {
		t.Errorf("%d problems, want at most %d", n, maxProblems)
	}
}
