package server

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// loneSurrogate finds the first escape of a lone UTF-16 surrogate (\ud800
// not followed by an escaped \udc00-\udfff, or \udc00-\udfff alone) in the
// string literals of a GraphQL document, and says what and where (line and
// column, counted in characters from 1); "" when there is none.
//
// gqlparser decodes such an escape to U+FFFD, so a mutation would store a
// character nobody sent; the same escape in the request's JSON (a variable)
// is refused by internal/jsonutf8. One rule for both: the transport refuses
// either, BAD_USER_INPUT with its place, before the document is parsed. A
// surrogate pair (\ud83d\ude00) is one character and passes, as in JSON;
// block strings ("""...""") take no \u escapes, and comments none.
func loneSurrogate(doc string) string {
	line, col := 1, 1
	i := 0
	advance := func(n int) { i, col = i+n, col+n } // past n ASCII bytes
	step := func() {                               // past one character
		_, size := utf8.DecodeRuneInString(doc[i:])
		i, col = i+size, col+1
	}
	for i < len(doc) {
		switch {
		case doc[i] == '\n':
			line, col = line+1, 1
			i++
		case doc[i] == '#': // a comment, to the end of the line
			end := strings.IndexByte(doc[i:], '\n')
			if end < 0 {
				return ""
			}
			i += end
		case strings.HasPrefix(doc[i:], `"""`): // a block string
			advance(3)
			for i < len(doc) && !strings.HasPrefix(doc[i:], `"""`) {
				switch {
				case strings.HasPrefix(doc[i:], `\"""`):
					advance(4)
				case doc[i] == '\n':
					line, col = line+1, 1
					i++
				default:
					step()
				}
			}
			if i < len(doc) {
				advance(3)
			}
		case doc[i] == '"': // a string: escapes apply
			advance(1)
			for i < len(doc) && doc[i] != '"' && doc[i] != '\n' {
				if doc[i] != '\\' || i+1 >= len(doc) {
					step()
					continue
				}
				r, ok := hex4(doc, i)
				if !ok { // another escape, or a malformed one the parser reports
					advance(2)
					continue
				}
				switch {
				case r >= 0xd800 && r <= 0xdbff:
					if r2, ok := hex4(doc, i+6); ok && r2 >= 0xdc00 && r2 <= 0xdfff {
						advance(12)
						continue
					}
					return fmt.Sprintf(`lone surrogate \u%04x at line %d, column %d`, r, line, col)
				case r >= 0xdc00 && r <= 0xdfff:
					return fmt.Sprintf(`lone surrogate \u%04x at line %d, column %d`, r, line, col)
				}
				advance(6)
			}
			if i < len(doc) && doc[i] == '"' {
				advance(1)
			}
		default:
			step()
		}
	}
	return ""
}

// hex4 reads the escape \uXXXX at doc[i:], if that is what is there.
func hex4(doc string, i int) (rune, bool) {
	if i+6 > len(doc) || doc[i] != '\\' || doc[i+1] != 'u' {
		return 0, false
	}
	v, err := strconv.ParseUint(doc[i+2:i+6], 16, 32)
	if err != nil {
		return 0, false
	}
	return rune(v), true
}
