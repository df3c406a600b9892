package fieldorder

import (
	"context"
	"slices"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// MarshalSlice marshals a list's elements one after another, on the
// caller's goroutine, where gqlgen's graphql.MarshalSliceConcurrently starts
// a goroutine for each. The generator (internal/generate) calls it, in
// place of gqlgen's, only for lists whose elements never wait
// (Schema.NeverWaits) or are asked for nothing that waits (Schema.ListOf):
// for those a goroutine per element overlaps nothing and costs a
// start, a stack and a hand-off each (about half a microsecond an element
// on the bench machine, so 0.8 ms for a subgraph's 1,500 edges). The
// signature is gqlgen's; workerLimit bounds goroutines, of which this
// starts none, so it is ignored. Each element has its own field context
// with its index, and a panic in one is that element's error and null,
// as in gqlgen's.
func MarshalSlice(ctx context.Context, length int, workerLimit int64, omitPanicHandler bool, marshalElement func(ctx context.Context, i int) graphql.Marshaler) graphql.Array {
	ret := make(graphql.Array, length)
	for i := range length {
		childCtx := graphql.WithFieldContext(ctx, &graphql.FieldContext{Index: &i})
		if omitPanicHandler {
			ret[i] = marshalElement(childCtx, i)
			continue
		}
		func() {
			defer func() {
				if r := recover(); r != nil {
					graphql.AddError(childCtx, graphql.Recover(childCtx, r))
					ret[i] = graphql.Null
				}
			}()
			ret[i] = marshalElement(childCtx, i)
		}()
	}
	return ret
}

// Schema is what ListOf needs to know of the GraphQL schema, by type name
// (objects, interfaces and unions). The generator writes it from gqlgen's
// bound schema, next to the executor.
type Schema map[string]Type

// Type is one object, interface or union of a Schema.
type Type struct {
	// Possible lists the objects an interface or union may be; nil for an
	// object.
	Possible []string
	// Satisfies lists the names a fragment on an object may use: its own,
	// its interfaces' and its unions'.
	Satisfies []string
	// Fields are an object's fields by name.
	Fields map[string]Field
}

// Field is one field of an object.
type Field struct {
	// Waits is true for a field that may wait: a resolver, a method taking
	// a context, or a directive run at runtime.
	Waits bool
	// Type names its type, lists unwrapped.
	Type string
}

// ListOf returns the marshaller for one list of elemType, whose elements
// are asked for sel: in order (MarshalSlice) when no field that sel reaches
// may wait, else gqlgen's goroutine per element. A list of claims asked for
// their ids and texts alone waits on nothing; asked for who asserted them,
// each element may wait on a load that the others' goroutines should join.
func (s Schema) ListOf(sel ast.SelectionSet, elemType string) List {
	return List{schema: s, sel: sel, elemType: elemType}
}

// List marshals one list of a selection; see Schema.ListOf.
type List struct {
	schema   Schema
	sel      ast.SelectionSet
	elemType string
}

// MarshalSlice has gqlgen's graphql.MarshalSliceConcurrently's signature.
func (l List) MarshalSlice(ctx context.Context, length int, workerLimit int64, omitPanicHandler bool, marshalElement func(ctx context.Context, i int) graphql.Marshaler) graphql.Array {
	if length > 1 && !l.schema.Waits(l.sel, l.elemType) {
		return MarshalSlice(ctx, length, workerLimit, omitPanicHandler, marshalElement)
	}
	return graphql.MarshalSliceConcurrently(ctx, length, workerLimit, omitPanicHandler, marshalElement)
}

// Waits reports whether a value of typeName, asked for sel, may wait on
// any field that sel reaches. It errs towards waiting: a field or type it
// does not know waits, and @skip and @include are not read (a field they
// leave out still counts), so its answer depends on the document alone.
func (s Schema) Waits(sel ast.SelectionSet, typeName string) bool {
	t, ok := s[typeName]
	if !ok {
		return true
	}
	if t.Possible != nil {
		for _, p := range t.Possible {
			if s.Waits(sel, p) {
				return true
			}
		}
		return false
	}
	for _, selection := range sel {
		switch sel := selection.(type) {
		case *ast.Field:
			if sel.Name == "__typename" {
				continue
			}
			f, ok := t.Fields[sel.Name]
			if !ok || f.Waits || (len(sel.SelectionSet) > 0 && s.Waits(sel.SelectionSet, f.Type)) {
				return true
			}
		case *ast.InlineFragment:
			if (sel.TypeCondition == "" || slices.Contains(t.Satisfies, sel.TypeCondition)) && s.Waits(sel.SelectionSet, typeName) {
				return true
			}
		case *ast.FragmentSpread:
			if sel.Definition == nil {
				return true
			}
			if slices.Contains(t.Satisfies, sel.Definition.TypeCondition) && s.Waits(sel.Definition.SelectionSet, typeName) {
				return true
			}
		default:
			return true
		}
	}
	return false
}

// NeverWaits says which types a value of can be marshalled without ever
// waiting: no field of it, or of anything it leads to, may wait. A list of
// such values gains nothing from a goroutine per element (MarshalSlice).
// Types that lead only to each other, and to nothing that waits, never wait.
func (s Schema) NeverWaits() map[string]bool {
	never := make(map[string]bool, len(s))
	refs := make(map[string][]string, len(s))
	for name, t := range s {
		never[name] = true
		refs[name] = t.Possible
		for _, f := range t.Fields {
			never[name] = never[name] && !f.Waits
			refs[name] = append(refs[name], f.Type)
		}
	}
	for changed := true; changed; {
		changed = false
		for name := range s {
			if !never[name] {
				continue
			}
			for _, ref := range refs[name] {
				if ok, known := never[ref]; known && !ok {
					never[name] = false
					changed = true
					break
				}
			}
		}
	}
	return never
}
