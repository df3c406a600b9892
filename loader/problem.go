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
	// unlisted is how many problems past the cap this one stands for
	// (the last of a ProblemList's Problems).
	unlisted int
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

// ProblemList collects the first counterpoint.MaxProblems problems and
// counts the rest, so that reading a file of millions of broken elements
// keeps no more than these (each reader and the loader collect through it).
// The zero value is ready.
type ProblemList struct {
	ps   Problems
	more int
	last string // the file of the last problem counted
}

// Add collects ps, counting those past the cap; a problem that stands for
// others unlisted (the last of a capped list) adds their count.
func (l *ProblemList) Add(ps ...Problem) {
	for _, p := range ps {
		if p.unlisted > 0 {
			l.more += p.unlisted
			l.last = p.File
			continue
		}
		if len(l.ps) < counterpoint.MaxProblems {
			l.ps = append(l.ps, p)
		} else {
			l.more++
			l.last = p.File
		}
	}
}

// AddErr adds the problems that describe, an error's of the value at in
// file, when the list has room for them, and counts them otherwise: past
// the cap, describe is asked only for their number.
func (l *ProblemList) AddErr(file string, at Path, err error, describe func(file string, at Path, err error, count bool) (Problems, int)) {
	if len(l.ps) < counterpoint.MaxProblems {
		ps, _ := describe(file, at, err, false)
		l.Add(ps...)
		return
	}
	_, n := describe(file, at, err, true)
	l.more += n
	l.last = file
}

// Len is how many problems were added, listed or not.
func (l *ProblemList) Len() int { return len(l.ps) + l.more }

// Problems is what was collected, nil when nothing was; past the cap its
// last problem says how many more there were.
func (l *ProblemList) Problems() Problems {
	if l.more == 0 {
		return l.ps
	}
	return append(l.ps[:len(l.ps):len(l.ps)], Problem{File: l.last, Path: string(Root),
		Message: fmt.Sprintf("%d more problems are not listed (%d in all; only the first %d are)", l.more, l.Len(), counterpoint.MaxProblems), unlisted: l.more})
}
