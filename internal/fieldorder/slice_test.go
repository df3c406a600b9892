package fieldorder_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/counterpoint-news/counterpoint/internal/fieldorder"
)

func TestMarshalSlice(t *testing.T) {
	tests := []struct {
		name     string
		length   int
		panicAt  int // -1: none
		want     []string
		wantErrs int
	}{
		{"empty", 0, -1, []string{}, 0},
		{"one", 1, -1, []string{`"e0"`}, 0},
		{"in order", 4, -1, []string{`"e0"`, `"e1"`, `"e2"`, `"e3"`}, 0},
		{"a panic nulls its element alone", 3, 1, []string{`"e0"`, "null", `"e2"`}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := graphql.WithResponseContext(context.Background(), graphql.DefaultErrorPresenter, func(context.Context, any) error { return errors.New("internal error") })
			ctx = graphql.WithFieldContext(ctx, &graphql.FieldContext{})
			var order []int
			got := fieldorder.MarshalSlice(ctx, tt.length, 0, false, func(ctx context.Context, i int) graphql.Marshaler {
				order = append(order, i) // no lock: every element runs on the caller's goroutine
				if idx := graphql.GetFieldContext(ctx).Index; idx == nil || *idx != i {
					t.Errorf("element %d: field context's index %v, want %d", i, idx, i)
				}
				if i == tt.panicAt {
					panic("element failed")
				}
				return graphql.MarshalString(fmt.Sprintf("e%d", i))
			})
			var out []string
			for _, m := range got {
				var b strings.Builder
				m.MarshalGQL(&b)
				out = append(out, b.String())
			}
			if out == nil {
				out = []string{}
			}
			if !reflect.DeepEqual(out, tt.want) {
				t.Errorf("MarshalSlice(%d elements, panic at %d) = %v, want %v", tt.length, tt.panicAt, out, tt.want)
			}
			for i, e := range order {
				if e != i {
					t.Errorf("elements ran in order %v, want 0, 1, ...", order)
					break
				}
			}
			if errs := graphql.GetErrors(ctx); len(errs) != tt.wantErrs {
				t.Errorf("errors %v, want %d", errs, tt.wantErrs)
			}
		})
	}
}

func TestNeverWaits(t *testing.T) {
	plain := func(types ...string) fieldorder.Type {
		fields := map[string]fieldorder.Field{"id": {Type: "ID"}}
		for i, typ := range types {
			fields[fmt.Sprintf("f%d", i)] = fieldorder.Field{Type: typ}
		}
		return fieldorder.Type{Fields: fields}
	}
	schema := fieldorder.Schema{
		"Edge":     plain(),                                                                       // plain fields
		"Page":     plain("Edge", "String"),                                                       // leads to plain ones only
		"Claim":    {Fields: map[string]fieldorder.Field{"quotes": {Waits: true, Type: "Quote"}}}, // a resolver
		"Quote":    plain("Span"),                                                                 // plain, leads to plain
		"Span":     plain(),                                                                       //
		"Hit":      plain("Node"),                                                                 // leads to an interface
		"Node":     {Possible: []string{"Quote", "Claim"}},                                        // one implementor waits
		"Plain":    {Possible: []string{"Quote", "Span"}},                                         // none does
		"Ring":     plain("RingBack"),                                                             // a cycle with nothing that waits
		"RingBack": plain("Ring"),                                                                 //
		"Chain":    plain("Hit"),                                                                  // two steps from Claim
		"Loop":     plain("LoopBack", "Claim"),                                                    // a cycle that reaches a wait
		"LoopBack": plain("Loop"),                                                                 //
	}
	want := map[string]bool{
		"Edge": true, "Page": true, "Claim": false, "Quote": true, "Span": true, "Hit": false, "Node": false, "Plain": true,
		"Ring": true, "RingBack": true, "Chain": false, "Loop": false, "LoopBack": false,
	}
	got := schema.NeverWaits()
	for name, w := range want {
		if got[name] != w {
			t.Errorf("NeverWaits: %s = %v, want %v (type %+v)", name, got[name], w, schema[name])
		}
	}
}

// A schema of the shape the generator writes: Claim's quotes and assertedBy
// load (resolvers), its text and Quote's fields do not; Node may be either.
var waitsSchema = fieldorder.Schema{
	"Claim": {Satisfies: []string{"Claim", "Node"}, Fields: map[string]fieldorder.Field{
		"id": {Type: "ID"}, "text": {Type: "String"}, "quotes": {Waits: true, Type: "Quote"},
		"assertedBy": {Waits: true, Type: "Actor"}, "first": {Type: "Quote"},
	}},
	"Quote": {Satisfies: []string{"Node", "Quote"}, Fields: map[string]fieldorder.Field{
		"id": {Type: "ID"}, "text": {Type: "String"}, "claim": {Type: "Claim"},
	}},
	"Hit":  {Satisfies: []string{"Hit"}, Fields: map[string]fieldorder.Field{"score": {Type: "Float"}, "node": {Type: "Node"}}},
	"Node": {Possible: []string{"Claim", "Quote"}},
}

const waitsSDL = `
interface Node { id: ID! }
type Actor { id: ID! }
type Claim implements Node { id: ID! text: String! quotes: [Quote!]! assertedBy: [Actor!]! first: Quote }
type Quote implements Node { id: ID! text: String! claim: Claim! }
type Hit { score: Float! node: Node! }
type Query { claims: [Claim!]! hits: [Hit!]! nodes: [Node!]! }
`

func TestSchemaWaits(t *testing.T) {
	schema := gqlparser.MustLoadSchema(&ast.Source{Input: waitsSDL})
	tests := []struct {
		query string // its first root field's list is the one asked about
		elem  string
		want  bool
	}{
		{`{ claims { id text } }`, "Claim", false},
		{`{ claims { __typename id } }`, "Claim", false},
		{`{ claims { id quotes { id } } }`, "Claim", true},
		{`{ claims { first { id text } } }`, "Claim", false},                // a plain field to a plain object
		{`{ claims { first { claim { quotes { id } } } } }`, "Claim", true}, // a load three steps down
		{`{ hits { score node { __typename id } } }`, "Hit", false},
		{`{ hits { node { ... on Quote { text } } } }`, "Hit", false},
		{`{ hits { node { ... on Claim { assertedBy { id } } } } }`, "Hit", true},
		{`{ nodes { ... on Quote { claim { text } } } }`, "Node", false},
		{`{ nodes { ...C } } fragment C on Claim { quotes { id } }`, "Node", true},
		{`{ nodes { ...Q } } fragment Q on Quote { id text }`, "Node", false},
		{`{ nodes { ...N } } fragment N on Node { id }`, "Node", false},
		{`query($no: Boolean!) { claims { id quotes @include(if: $no) { id } } }`, "Claim", true}, // @include not read: still counted
		{`{ claims { id } }`, "Unknown", true},
	}
	for _, tt := range tests {
		doc, errs := gqlparser.LoadQueryWithRules(schema, tt.query, nil)
		if errs != nil {
			t.Fatalf("%s: %v", tt.query, errs)
		}
		sel := doc.Operations[0].SelectionSet[0].(*ast.Field).SelectionSet
		if got := waitsSchema.Waits(sel, tt.elem); got != tt.want {
			t.Errorf("Waits(%s, %s) = %v, want %v", tt.query, tt.elem, got, tt.want)
		}
	}
}
