package store

import (
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Checked reads of a record's columns: a missing column or a value of the
// wrong type is an error, so that a renamed column fails a test instead of
// giving zero values.

// column returns the value of key, or an error when the record has no such
// column.
func column(rec *neo4j.Record, key string) (any, error) {
	v, ok := rec.Get(key)
	if !ok {
		return nil, fmt.Errorf("decode: no column %q in %v", key, rec.Keys)
	}
	return v, nil
}

// optionalString reads a string column that may be null ("" then).
func optionalString(rec *neo4j.Record, key string) (string, error) {
	v, err := column(rec, key)
	if err != nil || v == nil {
		return "", err
	}
	s, ok := v.(string)
	if !ok {
		return "", fmt.Errorf("decode: column %q is %T, want a string", key, v)
	}
	return s, nil
}

// requiredString reads a string column that must not be null.
func requiredString(rec *neo4j.Record, key string) (string, error) {
	s, isNil, err := neo4j.GetRecordValue[string](rec, key)
	if err != nil {
		return "", fmt.Errorf("decode: %w", err)
	} else if isNil {
		return "", fmt.Errorf("decode: column %q is null", key)
	}
	return s, nil
}

// requiredInt reads an integer column that must not be null.
func requiredInt(rec *neo4j.Record, key string) (int64, error) {
	n, isNil, err := neo4j.GetRecordValue[int64](rec, key)
	if err != nil {
		return 0, fmt.Errorf("decode: %w", err)
	} else if isNil {
		return 0, fmt.Errorf("decode: column %q is null", key)
	}
	return n, nil
}

// stringList reads a list-of-strings column; null reads as empty.
func stringList(rec *neo4j.Record, key string) ([]string, error) {
	v, err := column(rec, key)
	if err != nil || v == nil {
		return nil, err
	}
	list, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("decode: column %q is %T, want a list", key, v)
	}
	out := make([]string, 0, len(list))
	for i, e := range list {
		s, ok := e.(string)
		if !ok {
			return nil, fmt.Errorf("decode: %s[%d] is %T, want a string", key, i, e)
		}
		out = append(out, s)
	}
	return out, nil
}
