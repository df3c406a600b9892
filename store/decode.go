package store

import (
	"fmt"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Checked reads of what Neo4j returns: a missing column or key, a null where
// a value must be, or a value of the wrong type is an error, so that a
// renamed column fails a test instead of giving zero values. A decoder reads
// its values through one fields and returns fields.err once at the end.

// fields reads named values from a record or a map and keeps the first
// problem, so that a decoder reads like a struct literal and still fails on
// the first value that is not what it expects.
type fields struct {
	what string // what is decoded, for messages: "record", "actor", ...
	// One of rec and m holds the values: the columns of a record, or the
	// keys of a map. Held as they are (not behind closures) so that reading
	// a record or a map allocates the fields alone.
	rec *neo4j.Record
	m   map[string]any
	// absentIsNull: a node's properties leave empty values out, so a
	// missing optional key is null there; a record's columns, and the keys of
	// a map that a query builds, are always present.
	absentIsNull bool
	// notMap: what was to be read as a map was not one (bad); the error
	// is made at the first read, so that mapFields and propsFields stay
	// small enough to inline.
	notMap bool
	bad    any
	err    error
}

// recordFields reads the columns of one record.
func recordFields(rec *neo4j.Record) *fields {
	return &fields{what: "record", rec: rec}
}

// mapFields reads a map that a query builds (such as {kind: type(r), ...}),
// in which every key is present even when its value is null.
func mapFields(what string, v any) *fields {
	m, ok := v.(map[string]any)
	return &fields{what: what, m: m, notMap: !ok, bad: v}
}

// propsFields reads a node's or a relationship's properties, in which a
// property that was empty is absent.
func propsFields(what string, v any) *fields {
	m, ok := v.(map[string]any)
	return &fields{what: what, m: m, absentIsNull: true, notMap: !ok, bad: v}
}

// mapFields and propsFields are small enough to inline, so that a decoder
// that keeps its fields to itself has them on its stack: one allocation
// fewer per decoded map.

// get returns the value of key and whether it is there.
func (f *fields) get(key string) (any, bool) {
	if f.rec != nil {
		return f.rec.Get(key)
	}
	v, ok := f.m[key]
	return v, ok
}

// keys returns the keys there are, for messages.
func (f *fields) keys() []string {
	if f.rec != nil {
		return f.rec.Keys
	}
	keys := make([]string, 0, len(f.m))
	for k := range f.m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// fail records a problem unless an earlier one is already recorded.
func (f *fields) fail(err error) {
	if f.err == nil && err != nil {
		f.err = err
	}
}

// value returns the value of key: nil when it is null (or, in properties,
// absent), an error when it must not be.
func (f *fields) value(key string, required bool) any {
	if f.notMap {
		f.fail(fmt.Errorf("decode %s: got %T, want a map", f.what, f.bad))
	}
	if f.err != nil {
		return nil
	}
	v, ok := f.get(key)
	switch {
	case !ok && !f.absentIsNull:
		f.fail(fmt.Errorf("decode %s: no key %q in %v", f.what, key, f.keys()))
	case v == nil && required:
		f.fail(fmt.Errorf("decode %s: %q is null or missing", f.what, key))
	}
	return v
}

// typed returns the value of key as a T; null gives T's zero value when the
// key is optional.
func typed[T any](f *fields, key string, required bool) T {
	var zero T
	v := f.value(key, required)
	if v == nil {
		return zero
	}
	t, ok := v.(T)
	if !ok {
		f.fail(fmt.Errorf("decode %s: %q is %T, want %T", f.what, key, v, zero))
		return zero
	}
	return t
}

// str reads a string that must be there.
func (f *fields) str(key string) string { return typed[string](f, key, true) }

// optStr reads a string that may be null ("" then).
func (f *fields) optStr(key string) string { return typed[string](f, key, false) }

// integer reads an integer that must be there.
func (f *fields) integer(key string) int { return int(typed[int64](f, key, true)) }

// boolean reads a boolean that must be there.
func (f *fields) boolean(key string) bool { return typed[bool](f, key, true) }

// optBool reads a boolean that may be absent (false then).
func (f *fields) optBool(key string) bool { return typed[bool](f, key, false) }

// number reads a float that must be there.
func (f *fields) number(key string) float64 { return typed[float64](f, key, true) }

// list reads a list that must be there (it may be empty).
func (f *fields) list(key string) []any { return typed[[]any](f, key, true) }

// optList reads a list that may be null (nil then).
func (f *fields) optList(key string) []any { return typed[[]any](f, key, false) }

// any reads a value of any type that must be there, for a nested decoder.
func (f *fields) any(key string) any { return f.value(key, true) }

// strs reads a list of strings that may be null (nil then).
func (f *fields) strs(key string) []string {
	list := f.optList(key)
	if list == nil {
		return nil
	}
	out := make([]string, 0, len(list))
	for i, e := range list {
		s, ok := e.(string)
		if !ok {
			f.fail(fmt.Errorf("decode %s: %s[%d] is %T, want a string", f.what, key, i, e))
			return nil
		}
		out = append(out, s)
	}
	return out
}

// decodeAll decodes every record with decode, stopping at the first error.
func decodeAll[T any](recs []*neo4j.Record, decode func(*fields) T) ([]T, error) {
	out := make([]T, 0, len(recs))
	for _, rec := range recs {
		f := recordFields(rec)
		v := decode(f)
		if f.err != nil {
			return nil, f.err
		}
		out = append(out, v)
	}
	return out, nil
}

// onlyRecord returns the one record a query must return.
func onlyRecord(recs []*neo4j.Record, what string) (*fields, error) {
	if len(recs) != 1 {
		return nil, fmt.Errorf("%s: %d rows, want 1", what, len(recs))
	}
	return recordFields(recs[0]), nil
}
