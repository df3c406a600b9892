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
	// Kind names the sort of problem ("dangling-edge", "self-relation"),
	// for the counts of a --report; empty for the dataset checks'.
	Kind string `json:",omitempty"`
	// Node is the input's own id of what the problem concerns (an AIF
	// nodeID or edgeID), when the format has one.
	Node string `json:",omitempty"`
	// Action says what --skip-invalid did about it ("node skipped",
	// "relation skipped", "map skipped"); Noted for a notice that changes
	// nothing and never fails a load.
	Action string `json:",omitempty"`
}

// Noted is the Action of a notice: something worth a reader's look (a name
// spelt two ways) that is neither wrong nor left out.
const Noted = "noted"

// Line is the problem with what was done about it, for one line of stderr.
func (p Problem) Line() string {
	s := p.String()
	if p.Kind != "" {
		s += " [" + p.Kind + "]"
	}
	if p.Action != "" {
		s += " (" + p.Action + ")"
	}
	return s
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
