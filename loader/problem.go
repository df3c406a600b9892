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

// Path is a place in a dataset file, in the JSON path notation
// ($.a[1].b) that every reader's problems use.
type Path string

// Root is the whole file, where every Path starts.
const Root Path = "$"

// Field is the path of p's member name.
func (p Path) Field(name string) Path { return Path(string(p) + "." + name) }

// Index is the path of p's element i.
func (p Path) Index(i int) Path { return Path(string(p) + "[" + strconv.Itoa(i) + "]") }
