package loader

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/counterpoint-news/counterpoint"
)

// Problem is one thing wrong with an input: which file, where in it (a JSON
// path such as $.claims[3].quotes[0].start), and what.
type Problem struct {
	File    string
	Path    string
	Message string
}

// String renders the problem as "file: path: message".
func (p Problem) String() string {
	if p.Path == "" {
		return fmt.Sprintf("%s: %s", p.File, p.Message)
	}
	return fmt.Sprintf("%s: %s: %s", p.File, p.Path, p.Message)
}

// Problems is every problem found in a set of inputs. As an error it wraps a
// counterpoint EINVALID error so that callers and the API classify it as bad
// user input.
type Problems []Problem

// Error lists every problem, one a line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return fmt.Sprintf("%d problem(s):\n%s", len(ps), strings.Join(lines, "\n"))
}

// Unwrap lets errors.As find a *counterpoint.Error with code EINVALID.
func (ps Problems) Unwrap() error {
	return counterpoint.Errorf(counterpoint.EINVALID, "%s", ps.Error())
}

// path builds JSON paths in the $.a[1].b notation.
type path string

const root path = "$"

func (p path) Field(name string) path { return path(string(p) + "." + name) }
func (p path) Index(i int) path       { return path(string(p) + "[" + strconv.Itoa(i) + "]") }

// pointerToPath turns JSON Schema instance-location tokens into a JSON path.
func pointerToPath(tokens []string) string {
	p := root
	for _, t := range tokens {
		if n, err := strconv.Atoi(t); err == nil {
			p = p.Index(n)
		} else {
			p = p.Field(t)
		}
	}
	return string(p)
}
