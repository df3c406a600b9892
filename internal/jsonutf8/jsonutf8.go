// Package jsonutf8 finds the strings of a JSON document that are not valid
// Unicode: raw bytes that are not UTF-8, and \u escapes of lone surrogates.
// encoding/json replaces both with U+FFFD without a word, so a document that
// holds them would be stored and served altered; callers refuse it instead,
// naming where.
package jsonutf8

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// Problem is one place where a JSON document is not valid Unicode.
type Problem struct {
	Offset int    // byte offset of the offending bytes
	Line   int    // 1-based
	Column int    // 1-based, in bytes
	Path   string // the JSON path of the string that holds it ($.claims[3].text), "" if unknown
	What   string // "invalid UTF-8 byte 0xff", "lone surrogate \ud800"
}

// String says what is wrong and where, as "$.path: what at line L, column C".
func (p Problem) String() string {
	at := fmt.Sprintf("%s at line %d, column %d", p.What, p.Line, p.Column)
	if p.Path == "" {
		return at
	}
	return p.Path + ": " + at
}

// maxProblems bounds the problems reported for one document.
const maxProblems = 20

// Check returns the places, at most 20, where b is not valid Unicode; none
// for a valid document. b is expected to be JSON; where it is not, the
// problems found before the syntax error keep their paths and the rest have
// none.
func Check(b []byte) []Problem {
	offsets := scan(b)
	if len(offsets) == 0 {
		return nil
	}
	paths := locate(b, offsets)
	out := make([]Problem, len(offsets))
	for i, o := range offsets {
		line := 1 + bytes.Count(b[:o.offset], []byte{'\n'})
		col := o.offset - bytes.LastIndexByte(b[:o.offset], '\n')
		out[i] = Problem{Offset: o.offset, Line: line, Column: col, Path: paths[i], What: o.what}
	}
	return out
}

// Valid reports whether b holds no invalid UTF-8 and no lone surrogate
// escape; it is Check without the paths, for the common, valid case.
func Valid(b []byte) bool { return len(scan(b)) == 0 }

type badSpot struct {
	offset int
	what   string
}

// scan finds invalid UTF-8 anywhere in b, and lone surrogate escapes inside
// JSON strings.
func scan(b []byte) []badSpot {
	var bad []badSpot
	inString := false
	for i := 0; i < len(b) && len(bad) < maxProblems; {
		c := b[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && size == 1 {
				bad = append(bad, badSpot{i, fmt.Sprintf("invalid UTF-8 byte 0x%02x", c)})
			}
			i += size
			continue
		}
		switch {
		case c == '"':
			inString = !inString
		case c == '\\' && inString && i+1 < len(b):
			if b[i+1] != 'u' {
				i += 2
				continue
			}
			r, ok := hex4(b, i+2)
			if !ok {
				i += 2
				continue
			}
			switch {
			case r >= 0xD800 && r <= 0xDBFF:
				// A high surrogate must be followed by a low one.
				if i+7 < len(b) && b[i+6] == '\\' && b[i+7] == 'u' {
					if lo, ok := hex4(b, i+8); ok && lo >= 0xDC00 && lo <= 0xDFFF {
						i += 12
						continue
					}
				}
				bad = append(bad, badSpot{i, fmt.Sprintf(`lone surrogate \u%04x`, r)})
			case r >= 0xDC00 && r <= 0xDFFF:
				bad = append(bad, badSpot{i, fmt.Sprintf(`lone surrogate \u%04x`, r)})
			}
			i += 6
			continue
		}
		i++
	}
	return bad
}

func hex4(b []byte, at int) (rune, bool) {
	if at+4 > len(b) {
		return 0, false
	}
	n, err := strconv.ParseUint(string(b[at:at+4]), 16, 32)
	return rune(n), err == nil
}

// frame is one open object or array on the way to the current token.
type frame struct {
	object  bool
	key     string
	index   int
	wantKey bool
}

// locate gives the JSON path of the token holding each offset (in order),
// walking the document's tokens with encoding/json.
func locate(b []byte, spots []badSpot) []string {
	paths := make([]string, len(spots))
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var stack []frame
	path := func(leaf string) string {
		p := "$"
		for _, f := range stack {
			if f.object {
				p += "." + f.key
			} else {
				p += "[" + strconv.Itoa(f.index) + "]"
			}
		}
		return p + leaf
	}
	// valueDone moves the innermost container past the value just read.
	valueDone := func() {
		if len(stack) == 0 {
			return
		}
		top := &stack[len(stack)-1]
		if top.object {
			top.wantKey = true
		} else {
			top.index++
		}
	}
	next := 0
	for next < len(spots) {
		tok, err := dec.Token()
		if err == io.EOF || err != nil {
			break
		}
		end := int(dec.InputOffset())
		here := path("")
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{':
				stack = append(stack, frame{object: true, wantKey: true})
			case '[':
				stack = append(stack, frame{})
			default:
				stack = stack[:len(stack)-1]
				valueDone()
			}
			continue
		case string:
			if n := len(stack); n > 0 && stack[n-1].object && stack[n-1].wantKey {
				// A key: the problem is in the name of the member.
				stack[n-1].key, stack[n-1].wantKey = t, false
				here = path("")
			} else {
				valueDone()
			}
		default:
			valueDone()
		}
		for next < len(spots) && spots[next].offset < end {
			paths[next] = here
			next++
		}
	}
	return paths
}
