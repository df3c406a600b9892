package counterpoint

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Error codes shared by every package; the API maps them to GraphQL
// extensions.code in exactly one place.
const (
	EINVALID      = "invalid"
	ENOTFOUND     = "not_found"
	EUNAUTHORIZED = "unauthorized"
	ETOOCOMPLEX   = "too_complex"
	EUNAVAILABLE  = "unavailable"
	EINTERNAL     = "internal"
	// ECONFLICT is the code of a write based on a version that is no longer
	// the node's, so that no curator silently overwrites another's work.
	ECONFLICT = "conflict"
)

// Error is an error meant for the user: its message is safe to show, and its
// code says which kind of failure it is.
type Error struct {
	Code    string
	Message string
	// Field locates the problem in the input, relative to its root
	// ("claims[3].quotes[0].start"), so that every write path can point at
	// it in its own notation; empty when the problem is the input as a whole.
	Field string
	// unlisted is how many problems past MaxProblems this one stands for.
	unlisted int
}

// Unlisted is how many problems, past MaxProblems, e stands for: the last
// problem of a capped list counts the rest, so that every reader of the
// list can add them up.
func (e *Error) Unlisted() int { return e.unlisted }

// Error implements the error interface.
func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("counterpoint error: code=%s field=%s message=%s", e.Code, e.Field, e.Message)
	}
	return fmt.Sprintf("counterpoint error: code=%s message=%s", e.Code, e.Message)
}

// Errorf is a helper that builds an *Error with a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Invalidf builds an EINVALID *Error about one field of an input.
func Invalidf(field, format string, args ...any) *Error {
	return &Error{Code: EINVALID, Message: fmt.Sprintf(format, args...), Field: field}
}

// Problems is every EINVALID *Error found in one input, so that a curator
// learns of all of them at once. It is an error only when it is not empty:
// return it through Err.
type Problems []*Error

// Err returns ps as an error, or nil when there is no problem.
func (ps Problems) Err() error {
	if len(ps) == 0 {
		return nil
	}
	return ps
}

// Error lists every problem as "field: message", one a line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Message
		if p.Field != "" {
			lines[i] = p.Field + ": " + p.Message
		}
	}
	return strings.Join(lines, "\n")
}

// Unwrap lets errors.As find the first *Error.
func (ps Problems) Unwrap() []error {
	errs := make([]error, len(ps))
	for i, p := range ps {
		errs[i] = p
	}
	return errs
}

// under re-roots every problem of ps under field.
func (ps Problems) under(field string) Problems {
	out := make(Problems, len(ps))
	for i, p := range ps {
		out[i] = &Error{Code: p.Code, Message: p.Message, Field: joinField(field, p.Field)}
	}
	return out
}

// Within re-roots every problem of err under field, so that a check made on
// a part of an input names its place in the whole: the quote checks of a
// claim's quotes[1] become "quotes[1]: ...". Other errors pass unchanged.
func Within(field string, err error) error {
	var ps Problems
	var e *Error
	switch {
	case errors.As(err, &ps):
		return ps.under(field)
	case errors.As(err, &e) && (e.Code == EINVALID || e.Field != ""):
		return &Error{Code: e.Code, Message: e.Message, Field: joinField(field, e.Field)}
	}
	return err
}

// joinField appends child to the field path parent.
func joinField(parent, child string) string {
	switch {
	case parent == "":
		return child
	case child == "":
		return parent
	case strings.HasPrefix(child, "["):
		return parent + child
	}
	return parent + "." + child
}

// indexField is the path of element i of the list at parent.
func indexField(parent string, i int) string { return parent + "[" + strconv.Itoa(i) + "]" }

// MaxProblems is how many problems a check of one input lists: enough to
// fix a file by, while a file of millions of broken elements costs the
// list no more than these (the rest are counted, not kept).
const MaxProblems = 100

// problemList collects the first MaxProblems problems and counts the
// rest, so that checking any input takes memory for at most that many.
type problemList struct {
	ps   Problems
	more int
}

func (l *problemList) add(ps ...*Error) {
	for _, p := range ps {
		if len(l.ps) < MaxProblems {
			l.ps = append(l.ps, p)
		} else {
			l.more++
		}
	}
}

// err is the problems as an error, nil when there are none; past
// MaxProblems its last problem says how many more there are.
func (l *problemList) err() error {
	if l.more > 0 {
		return append(l.ps, &Error{Code: EINVALID, Message: fmt.Sprintf("%d more problems are not listed (%d in all; only the first %d are)", l.more, len(l.ps)+l.more, MaxProblems), unlisted: l.more})
	}
	return l.ps.Err()
}
