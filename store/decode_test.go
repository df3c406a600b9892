package store

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/counterpoint-news/counterpoint"
)

// record builds a record from column names and values, as the driver would.
func record(kv ...any) *neo4j.Record {
	rec := &neo4j.Record{}
	for i := 0; i < len(kv); i += 2 {
		rec.Keys = append(rec.Keys, kv[i].(string))
		rec.Values = append(rec.Values, kv[i+1])
	}
	return rec
}

// withoutColumn returns rec without one column, as after a query renamed it.
func withoutColumn(rec *neo4j.Record, key string) *neo4j.Record {
	out := &neo4j.Record{}
	for i, k := range rec.Keys {
		if k != key {
			out.Keys = append(out.Keys, k)
			out.Values = append(out.Values, rec.Values[i])
		}
	}
	return out
}

// TestFieldsRefuseWhatIsNotThere: a missing column, a null where a value
// must be, and a value of another type are errors that name the column; an
// optional null, and an absent optional property, are not.
func TestFieldsRefuseWhatIsNotThere(t *testing.T) {
	rec := record("s", "x", "n", int64(3), "null", nil, "list", []any{"a", 1})
	tests := []struct {
		name    string
		read    func(f *fields)
		wantErr string // "" for none
	}{
		{"a string", func(f *fields) { f.str("s") }, ""},
		{"a missing column", func(f *fields) { f.str("renamed") }, `no key "renamed"`},
		{"a missing optional column", func(f *fields) { f.optStr("renamed") }, `no key "renamed"`},
		{"a required null", func(f *fields) { f.str("null") }, `"null" is null`},
		{"an optional null", func(f *fields) { f.optStr("null") }, ""},
		{"another type", func(f *fields) { f.integer("s") }, `"s" is string, want int64`},
		{"a list of strings with a number", func(f *fields) { f.strs("list") }, "list[1] is int"},
		{"the first problem is kept", func(f *fields) { f.str("renamed"); f.integer("s") }, `no key "renamed"`},
	}
	for _, tt := range tests {
		f := recordFields(rec)
		tt.read(f)
		if tt.wantErr == "" && f.err != nil {
			t.Errorf("%s: %v", tt.name, f.err)
		}
		if tt.wantErr != "" && (f.err == nil || !strings.Contains(f.err.Error(), tt.wantErr)) {
			t.Errorf("%s: error %v, want one with %q", tt.name, f.err, tt.wantErr)
		}
	}
	props := propsFields("actor", map[string]any{"id": "a"})
	if props.optStr("role"); props.err != nil {
		t.Errorf("an absent optional property: %v", props.err)
	}
	if props.str("name"); props.err == nil {
		t.Error("an absent required property: no error")
	}
	if f := mapFields("item", map[string]any{"id": "a"}); f.optStr("note") == "" && f.err == nil {
		t.Error("a key missing from a map a query builds: no error")
	}
	if f := propsFields("actor", "not a map"); f.str("id") == "" && f.err == nil {
		t.Error("properties that are not a map: no error")
	}
	// Null where a map must be fails at the first read, optional or not.
	if f := mapFields("item", nil); f.optStr("note") != "" || f.err == nil || !strings.Contains(f.err.Error(), "got <nil>, want a map") {
		t.Errorf("a null item: error %v, want one saying it is not a map", f.err)
	}
}

// TestDecodersFailOnAMissingColumnOrKey feeds every decoder a valid value,
// then the same value without each of its columns or keys in turn: each
// must fail, except for the properties that a node may lack because they
// were empty.
func TestDecodersFailOnAMissingColumnOrKey(t *testing.T) {
	actor := map[string]any{"id": "a", "name": "A", "kind": "PERSON", "role": "r", "description": "d"}
	claim := map[string]any{"id": "c", "text": "T", "date": "2015", "sortKey": "2015 c", "dataset": "ds"}
	quote := map[string]any{"id": "q", "text": "Q", "kind": "DIRECT", "start": int64(0), "end": int64(1), "dataset": "ds"}
	grounds := map[string]any{"note": nil, "source": nil, "inferred": false,
		"evidenceSources": []any{"s"}, "evidenceTexts": []any{"Q"}, "evidenceStarts": []any{int64(0)}, "evidenceEnds": []any{int64(1)}, "evidenceAnchors": nil}
	source := map[string]any{"id": "s", "title": "S", "kind": "ARTICLE", "date": "2015", "publisher": "P", "text": "Q"}
	with := func(m map[string]any, kv ...any) map[string]any {
		out := maps.Clone(m)
		for i := 0; i < len(kv); i += 2 {
			out[kv[i].(string)] = kv[i+1]
		}
		return out
	}
	ignore := func(_ any, err error) error { return err }
	tests := []struct {
		name     string
		value    map[string]any // the columns of a record, or a map's keys
		decode   func(map[string]any) error
		optional []string // properties a node may lack
	}{
		{"actor", actor, func(m map[string]any) error { return ignore(decodeActor(m)) }, []string{"role", "description"}},
		{"claim", claim, func(m map[string]any) error { return ignore(decodeClaim(m)) }, []string{"date", "sortKey", "dataset"}},
		{"quote", quote, func(m map[string]any) error { return ignore(decodeQuote(m)) }, []string{"dataset", "kind"}},
		{"source", source, func(m map[string]any) error { return ignore(decodeSource(m)) }, []string{"date", "publisher", "text"}},
		{"quotes part", with(quote, "rank", int64(0), "source", "s", "document", nil),
			func(m map[string]any) error { return ignore(decodeQuotes("c", []any{m})) }, []string{"dataset", "kind"}},
		{"assertions part", map[string]any{"actor": actor, "source": "s", "date": nil, "attribution": "ON_RECORD", "stance": "PRESENTS", "inferred": nil, "note": nil},
			func(m map[string]any) error { return ignore(decodeAssertions("c", []any{m})) }, nil},
		{"relations part", with(grounds, "kind", "REBUTS", "from", "c", "to", "d", "claim", claim),
			func(m map[string]any) error { return ignore(decodeRelations([]any{m}, nil)) }, nil},
		{"counters part", with(grounds, "counter", map[string]any{"id": "c"}, "target", map[string]any{"id": "d"}, "statedPair", true, "assertionNotes", []any{}),
			func(m map[string]any) error { _, f := decodeCounter("a", m); return f.err }, nil},
		{"node record", map[string]any{"labels": []any{"Entity", "Quote"}, "props": quote, "reportedIn": nil,
			"quoteClaim": "c", "quoteSource": "s", "quoteDocument": nil},
			func(m map[string]any) error {
				var kv []any
				for _, k := range slices.Sorted(maps.Keys(m)) {
					kv = append(kv, k, m[k])
				}
				f := recordFields(record(kv...))
				decodeNodeRecord(f)
				return f.err
			}, nil},
	}
	for _, tt := range tests {
		if err := tt.decode(tt.value); err != nil {
			t.Errorf("%s: the valid value fails: %v", tt.name, err)
			continue
		}
		for key := range tt.value {
			m := maps.Clone(tt.value)
			delete(m, key)
			err := tt.decode(m)
			if optional := slices.Contains(tt.optional, key); err == nil && !optional {
				t.Errorf("%s without %q: no error, want one (a renamed column or key must not read as a zero value)", tt.name, key)
			} else if err != nil && optional {
				t.Errorf("%s without the optional %q: %v", tt.name, key, err)
			}
		}
	}
	// A record whose column is missing fails the same way.
	rec := record("outcome", "created", "n", int64(2))
	sum := counterpoint.NewWriteSummary()
	count := func(outcome string) (string, string) { return "Actor", outcome }
	if err := addOutcomes(sum, []*neo4j.Record{rec}, count); err != nil || sum.Created["Actor"] != 2 {
		t.Errorf("addOutcomes of a valid record: %v, %+v", err, sum)
	}
	for _, key := range rec.Keys {
		if err := addOutcomes(counterpoint.NewWriteSummary(), []*neo4j.Record{withoutColumn(rec, key)}, count); err == nil {
			t.Errorf("addOutcomes without column %q: no error", key)
		}
	}
}

// TestOwnerKeysAreTheStoredOnes pins the keys of the relationships a
// dataset owns to the values already in graphs, which a reload compares: a
// change would remove and recreate every relationship of every dataset.
func TestOwnerKeysAreTheStoredOnes(t *testing.T) {
	tests := []struct{ got, want string }{
		{OwnerKey(relAsserted, "actor", "claim", "source"), "ASSERTED|actor|claim|source"},
		{OwnerKey(relAbout, "claim", "actor"), "ABOUT|claim|actor"},
		{OwnerKey(relEvidencedBy, "claim", "claim.q1"), "EVIDENCED_BY|claim|claim.q1"},
		{OwnerKey(relFrom, "claim.q1", "source"), "FROM|claim.q1|source"},
		{OwnerKey(relSaidIn, "claim.q1", "document"), "SAID_IN|claim.q1|document"},
		{OwnerKey("REBUTS", "a", "b"), "a|REBUTS|b"},
		{OwnerKey("QUALIFIES", "a", "b"), counterpoint.Relation{Kind: counterpoint.Qualifies, From: "a", To: "b"}.Key()},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("OwnerKey = %q, want %q", tt.got, tt.want)
		}
	}
}
