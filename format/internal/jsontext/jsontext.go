// Package jsontext holds what every JSON reader of format/ runs first: the
// check that a file is UTF-8 JSON text and not empty, and where a JSON
// syntax error sits, so that the dataset JSON and AIF say it the same way.
package jsontext

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/counterpoint-news/counterpoint/internal/jsonutf8"
	"github.com/counterpoint-news/counterpoint/loader"
)

// Check refuses a file that is not UTF-8 JSON text, or empty,
// saying where; what says what the file should hold. encoding/json would
// quietly turn invalid UTF-8 and lone surrogate escapes into U+FFFD, and
// the graph would hold words the source does not. Every JSON format runs it
// first.
func Check(file string, b []byte, what string) loader.Problems {
	if bad := jsonutf8.Check(b); len(bad) > 0 {
		problems := make(loader.Problems, len(bad))
		for i, p := range bad {
			where := p.Path
			if where == "" {
				where = fmt.Sprintf("line %d, column %d", p.Line, p.Column)
			}
			problems[i] = loader.Problem{File: file, Path: where,
				Message: fmt.Sprintf("not valid UTF-8: %s at line %d, column %d; the file must be UTF-8 text", p.What, p.Line, p.Column)}
		}
		return problems
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return loader.Problems{{File: file, Path: "line 1, column 1", Message: "malformed JSON: the file is empty; " + what}}
	}
	return nil
}

// SyntaxPosition gives "line L, column C" for a JSON syntax error.
func SyntaxPosition(b []byte, err error) string {
	var se *json.SyntaxError
	var offset int64 = -1
	if errors.As(err, &se) {
		offset = se.Offset - 1 // Offset counts the offending byte as read
	} else {
		// Re-parse with the standard library to learn where it broke.
		var v any
		if err := json.Unmarshal(b, &v); errors.As(err, &se) {
			offset = se.Offset - 1
		} else if err != nil && strings.Contains(err.Error(), "unexpected end") {
			offset = int64(len(b))
		}
	}
	if offset < 0 {
		return ""
	}
	line, col := 1, 1
	for _, c := range b[:min(int(offset), len(b))] {
		if c == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return fmt.Sprintf("line %d, column %d", line, col)
}
