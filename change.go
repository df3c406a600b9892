package counterpoint

import (
	"context"
	"fmt"
	"time"
)

// ChangeAction says what a recorded write did.
type ChangeAction string

// The closed set of recorded writes.
const (
	ChangeCreate  ChangeAction = "CREATE"
	ChangeUpdate  ChangeAction = "UPDATE"
	ChangeDelete  ChangeAction = "DELETE"
	ChangeLoad    ChangeAction = "LOAD"
	ChangeImport  ChangeAction = "IMPORT"
	ChangeAccept  ChangeAction = "ACCEPT"
	ChangeDismiss ChangeAction = "DISMISS"
	ChangeReopen  ChangeAction = "REOPEN"
	// ChangeMerge: an actor merged into another (both ids record it; the
	// note holds what moved, which ChangeUnmerge reads to undo it).
	ChangeMerge ChangeAction = "MERGE"
	// ChangeUnmerge: a merge undone from its record.
	ChangeUnmerge ChangeAction = "UNMERGE"
)

// Change is one write as the audit trail keeps it: who made it (the name of
// the token, never the token), when, and the node before and after, so that
// a curator whose save was refused as stale can see what changed.
type Change struct {
	Entity  string // the id of the node changed, or of the dataset loaded
	Action  ChangeAction
	By      string
	At      time.Time
	Version int    // the node's version after the write; 0 when it is gone or not versioned
	Before  string // JSON of the node before the write; "" when it did not exist
	After   string // JSON of the node after the write; "" when it was deleted
	Note    string // what else the write says, e.g. the dataset a load wrote
}

// UnknownEditor names the writer of a change made without a named token
// (tests, or code that writes through the store directly).
const UnknownEditor = "unknown"

type editorKey struct{}

// WithEditor names who makes the writes done with ctx, so that the store
// can record it in every change without each call passing it on.
func WithEditor(ctx context.Context, name string) context.Context {
	return context.WithValue(ctx, editorKey{}, name)
}

// EditorOf is the name WithEditor put in ctx, or UnknownEditor.
func EditorOf(ctx context.Context) string {
	if name, ok := ctx.Value(editorKey{}).(string); ok && name != "" {
		return name
	}
	return UnknownEditor
}

// CheckVersion refuses an edit of what (e.g. "claim") id based on version
// base when the node is at version current; last is the change that made
// current, when the store has it. A nil base skips the check; a base of 0
// means the edit creates the node.
func CheckVersion(what, id string, base *int, current int, last *Change) error {
	if base == nil || *base == current {
		return nil
	}
	if *base < 0 {
		return Invalidf("version", "version must be 0 (a new %s) or a version the %s had, not %d", what, what, *base)
	}
	msg := fmt.Sprintf("%s %q has changed since you opened it: your edit is based on version %d, it is now at version %d", what, id, *base, current)
	switch {
	case current == 0:
		msg = fmt.Sprintf("%s %q no longer exists: it was deleted after you opened it", what, id)
	case *base == 0:
		msg = fmt.Sprintf("%s %q already exists (version %d): choose another id or open it to edit", what, id, current)
	}
	if last != nil {
		msg += fmt.Sprintf(" (last changed by %s on %s)", last.By, last.At.UTC().Format("2006-01-02 15:04 MST"))
	}
	return &Error{Code: ECONFLICT, Message: msg, Field: "version"}
}

// Versioned is the version a node has in the graph and, on a write, the
// version the edit was based on.
type Versioned struct {
	// Version counts the node's changes: 1 once created, one more per write
	// that changes it; 0 when read from a file rather than the graph.
	Version int
	// Base is the version an edit was read at; a write refuses it with
	// ECONFLICT when the node has moved on. Nil skips the check (scripts
	// and dataset loads), 0 says the edit creates the node.
	Base *int
}

// WriteSummary counts what a write did to the graph, by node label or
// relationship type.
type WriteSummary struct {
	Created   map[string]int
	Updated   map[string]int
	Unchanged map[string]int
	Removed   map[string]int
}

// NewWriteSummary returns an empty summary ready to count into.
func NewWriteSummary() WriteSummary {
	return WriteSummary{Created: map[string]int{}, Updated: map[string]int{}, Unchanged: map[string]int{}, Removed: map[string]int{}}
}

// Add counts n items of the given label or type under outcome, one of
// "created", "updated", "unchanged" or "removed".
func (s WriteSummary) Add(what, outcome string, n int) {
	switch outcome {
	case "created":
		s.Created[what] += n
	case "updated":
		s.Updated[what] += n
	case "unchanged":
		s.Unchanged[what] += n
	case "removed":
		s.Removed[what] += n
	}
}

// Changed reports whether the write changed anything.
func (s WriteSummary) Changed() bool {
	return len(s.Created)+len(s.Updated)+len(s.Removed) > 0
}
