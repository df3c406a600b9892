package e2e_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"
)

// sideFields are the Claim fields that read one kind of relation in one
// direction, with that kind and whether the claim is the relation's from.
var sideFields = []struct {
	name, kind string
	outgoing   bool
}{
	{"rebuts", "REBUTS", true}, {"rebuttedBy", "REBUTS", false},
	{"supports", "SUPPORTS", true}, {"supportedBy", "SUPPORTS", false},
	{"qualifies", "QUALIFIES", true}, {"qualifiedBy", "QUALIFIES", false},
}

// otherEnd is what the test compares of a claim at a relation's other end.
type otherEnd struct {
	ID         string   `json:"id"`
	Quotes     []string `json:"quotes,omitempty"`
	AssertedBy []string `json:"assertedBy,omitempty"`
}

// TestRelationFieldsAgreeWithRelations: the read-ahead reads only the kinds
// and directions that rebuts ... qualifiedBy select (and the other claims'
// quotes and assertions only when selected), so every selection that mixes
// them, with each other, with relations or with nesting, must give what
// the claim's relations say, in their order, against the seeded graph.
func TestRelationFieldsAgreeWithRelations(t *testing.T) {
	api := MustStartAPI(t)

	// What every relation field should answer, from relations, which the
	// read-ahead reads whole.
	whole := api.Post(t, `{ claims(first: 50) { nodes { id relations {
		kind from { id quotes { id } assertedBy { id } } to { id quotes { id } assertedBy { id } } } } } }`, nil)
	if len(whole.Errors()) > 0 {
		t.Fatalf("relations: %s", whole.Raw)
	}
	var all struct {
		Data struct {
			Claims struct {
				Nodes []struct {
					ID        string
					Relations []struct {
						Kind     string
						From, To struct {
							ID         string
							Quotes     []struct{ ID string }
							AssertedBy []struct{ ID string }
						}
					}
				}
			}
		}
	}
	if err := json.Unmarshal(whole.Raw, &all); err != nil {
		t.Fatal(err)
	}
	type key struct{ claim, field string }
	want := map[key][]otherEnd{}
	counts := map[string]int{}
	for _, c := range all.Data.Claims.Nodes {
		for _, f := range sideFields {
			want[key{c.ID, f.name}] = []otherEnd{}
			for _, r := range c.Relations {
				other, self := r.To, r.From
				if !f.outgoing {
					other, self = r.From, r.To
				}
				if r.Kind != f.kind || self.ID != c.ID {
					continue
				}
				e := otherEnd{ID: other.ID}
				for _, q := range other.Quotes {
					e.Quotes = append(e.Quotes, q.ID)
				}
				for _, a := range other.AssertedBy {
					e.AssertedBy = append(e.AssertedBy, a.ID)
				}
				want[key{c.ID, f.name}] = append(want[key{c.ID, f.name}], e)
				counts[f.name]++
			}
		}
	}
	for _, f := range sideFields {
		if counts[f.name] == 0 {
			t.Fatalf("the seed has no %s relation: the test would prove nothing", f.name)
		}
	}

	tests := []struct {
		selection string
		fields    []string // the side fields selected at the top level
		quotes    bool     // whether their claims' quotes are selected
		asserted  bool     // whether their claims' assertedBy is selected
	}{
		{`rebuttedBy { id }`, []string{"rebuttedBy"}, false, false},
		{`rebuttedBy { id text assertedBy { id } } quotes { id } assertedBy { id }`, []string{"rebuttedBy"}, false, true},
		{`rebuttedBy { id quotes { id } }`, []string{"rebuttedBy"}, true, false},
		{`rebuttedBy { id quotes { id } assertedBy { id } } rebuts { id quotes { id } assertedBy { id } }`, []string{"rebuttedBy", "rebuts"}, true, true},
		{`supports { id assertedBy { id } } qualifies { id assertedBy { id } }`, []string{"supports", "qualifies"}, false, true},
		{`supportedBy { id quotes { id } } qualifiedBy { id quotes { id } } rebuttedBy { id quotes { id } }`, []string{"supportedBy", "qualifiedBy", "rebuttedBy"}, true, false},
		// With relations, which reads every relation.
		{`rebuttedBy { id } relations(kinds: [SUPPORTS]) { kind }`, []string{"rebuttedBy"}, false, false},
		// Nested: the claims at the other end ask for a side of their own.
		{`supportedBy { id rebuttedBy { id } } qualifies { id supports { id } }`, []string{"supportedBy", "qualifies"}, false, false},
		{`... on Claim { rebuts { id assertedBy { id } } } ...F } } } fragment F on Claim { qualifiedBy { id assertedBy { id `, []string{"rebuts", "qualifiedBy"}, false, true},
	}
	for _, tt := range tests {
		q := `{ claims(first: 50) { nodes { id ` + tt.selection + ` } } }`
		resp := api.Post(t, q, nil)
		if len(resp.Errors()) > 0 {
			t.Errorf("%s: errors %s", q, resp.Raw)
			continue
		}
		var got struct {
			Data struct {
				Claims struct {
					Nodes []map[string]json.RawMessage
				}
			}
		}
		if err := json.Unmarshal(resp.Raw, &got); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		if len(got.Data.Claims.Nodes) != len(all.Data.Claims.Nodes) {
			t.Errorf("%s: %d claims, want %d", q, len(got.Data.Claims.Nodes), len(all.Data.Claims.Nodes))
			continue
		}
		for _, node := range got.Data.Claims.Nodes {
			var id string
			if err := json.Unmarshal(node["id"], &id); err != nil {
				t.Fatalf("%s: id: %v", q, err)
			}
			for _, field := range tt.fields {
				var ends []struct {
					ID         string
					Quotes     []struct{ ID string }
					AssertedBy []struct{ ID string }
				}
				if err := json.Unmarshal(node[field], &ends); err != nil {
					t.Fatalf("%s: %s.%s: %v", q, id, field, err)
				}
				gotEnds := []otherEnd{}
				for _, e := range ends {
					o := otherEnd{ID: e.ID}
					for _, qt := range e.Quotes {
						o.Quotes = append(o.Quotes, qt.ID)
					}
					for _, a := range e.AssertedBy {
						o.AssertedBy = append(o.AssertedBy, a.ID)
					}
					gotEnds = append(gotEnds, o)
				}
				wantEnds := []otherEnd{}
				for _, e := range want[key{id, field}] {
					if !tt.quotes {
						e.Quotes = nil
					}
					if !tt.asserted {
						e.AssertedBy = nil
					}
					wantEnds = append(wantEnds, e)
				}
				if !slices.EqualFunc(gotEnds, wantEnds, func(a, b otherEnd) bool { return fmt.Sprint(a) == fmt.Sprint(b) }) {
					t.Errorf("%s: claim %s %s = %+v, want %+v", q, id, field, gotEnds, wantEnds)
				}
			}
		}
	}
}
