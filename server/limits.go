package server

import (
	"context"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// queryLimits is a gqlgen extension that refuses, before execution, an
// operation whose selections nest deeper than MaxDepth, or that selects
// more root fields (aliases counted, __schema and __type among them) than
// MaxRootFields, or more fields (fragments expanded) than the complexity
// limit allows, or whose introspection would answer with more values than
// introspectionFactor times that limit, or (when introspection is off)
// that asks for __schema or __type.
//
// gqlgen has no depth limit of its own. The field count doubles as a cheap
// guard in front of gqlgen's complexity calculation, which expands every
// fragment spread anew: with fragments that spread others twice over, that
// walk grows exponentially, while this one computes each fragment once.
//
// Depth counts fields, not fragments: { a { b } } has depth 2 whether b is
// selected directly, through an inline fragment or through a named one. The
// subtrees under __schema and __type do not add depth (gqlparser's
// MaxIntrospectionDepth rule bounds them, and standard introspection
// queries nest ofType seven levels deep); __typename counts as a field.
type queryLimits struct {
	maxDepth      int
	maxFields     int
	maxRootFields int
	introspection bool
	schema        *ast.Schema // set by Validate: what __schema and __type answer from
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = &queryLimits{}

func (*queryLimits) ExtensionName() string { return "CounterpointQueryLimits" }

// Validate keeps the schema, whose size an introspection field's answer
// has (introspectionSize).
func (l *queryLimits) Validate(schema graphql.ExecutableSchema) error {
	l.schema = schema.Schema()
	return nil
}

func (l *queryLimits) MutateOperationContext(ctx context.Context, opCtx *graphql.OperationContext) *gqlerror.Error {
	op := opCtx.Operation
	if op == nil {
		return nil
	}
	w := &limitWalker{maxFields: l.maxFields, fragments: map[string]*fragmentCost{}, doc: opCtx.Doc, schema: l.schema, vars: opCtx.Variables}
	c := w.selectionSet(op.SelectionSet)
	if !l.introspection && c.introspection != nil {
		err := gqlerror.ErrorPosf(c.introspection, "introspection is disabled on this server; %s cannot be queried", c.introspectionField)
		err.Extensions = map[string]any{"code": CodeValidationFailed}
		return err
	}
	if w.rootFields(op.SelectionSet, l.maxRootFields+1) > l.maxRootFields {
		err := gqlerror.Errorf("operation selects more than %d root fields (aliases counted), the limit: each is a call to the graph store; ask for several nodes at once with nodes(ids:)", l.maxRootFields)
		err.Extensions = map[string]any{"code": CodeQueryTooComplex}
		return err
	}
	if c.depth > l.maxDepth {
		err := gqlerror.Errorf("operation has depth %d, which exceeds the limit of %d", c.depth, l.maxDepth)
		err.Extensions = map[string]any{"code": CodeQueryTooComplex}
		return err
	}
	if c.fields > l.maxFields {
		err := gqlerror.Errorf("operation selects more than %d fields (fragments expanded), which exceeds the complexity limit", l.maxFields)
		err.Extensions = map[string]any{"code": CodeQueryTooComplex}
		return err
	}
	if c.introspected > w.maxIntrospected() {
		err := gqlerror.Errorf("operation's introspection would answer with more than %d values (%d times the complexity limit; the standard introspection query needs one schema's worth)", w.maxIntrospected(), introspectionFactor)
		err.Extensions = map[string]any{"code": CodeQueryTooComplex}
		return err
	}
	return nil
}

// rootFields counts the distinct response keys (aliases, or names) of an
// operation's root selection set, fragments expanded, stopping at stop.
// Fields under one key are merged and run once. __schema and __type count
// (each answers from the whole schema: 1,000 aliases of __schema are 1,000
// answers of it), __typename does not (it costs nothing).
func (w *limitWalker) rootFields(set ast.SelectionSet, stop int) int {
	keys := map[string]bool{}
	spread := map[string]bool{}
	var walk func(ast.SelectionSet)
	walk = func(set ast.SelectionSet) {
		for _, sel := range set {
			if len(keys) >= stop {
				return
			}
			switch s := sel.(type) {
			case *ast.Field:
				if s.Name != "__typename" {
					key := s.Alias
					if key == "" {
						key = s.Name
					}
					keys[key] = true
				}
			case *ast.InlineFragment:
				walk(s.SelectionSet)
			case *ast.FragmentSpread:
				if spread[s.Name] {
					continue
				}
				spread[s.Name] = true
				def := s.Definition
				if def == nil && w.doc != nil {
					def = w.doc.Fragments.ForName(s.Name)
				}
				if def != nil {
					walk(def.SelectionSet)
				}
			}
		}
	}
	walk(set)
	return len(keys)
}

// fragmentCost is what a selection set costs: its depth, its number of
// fields (saturating just above the limit), the values its introspection
// fields answer with (saturating likewise) and the first introspection
// field in it, if any.
type fragmentCost struct {
	depth              int
	fields             int
	introspected       int
	introspection      *ast.Position
	introspectionField string
	busy               bool // being computed: a cycle (the validator forbids them, but never loop)
}

type limitWalker struct {
	maxFields int
	fragments map[string]*fragmentCost
	doc       *ast.QueryDocument
	schema    *ast.Schema
	vars      map[string]any
}

func (w *limitWalker) selectionSet(set ast.SelectionSet) fragmentCost {
	var c fragmentCost
	for _, sel := range set {
		var sub fragmentCost
		switch s := sel.(type) {
		case *ast.Field:
			sub.fields = 1
			switch s.Name {
			case "__schema", "__type":
				sub.depth = 1
				sub.introspected = w.introspectionSize(s)
				sub.introspection, sub.introspectionField = s.Position, s.Name
			default:
				child := w.selectionSet(s.SelectionSet)
				sub.depth = 1 + child.depth
				sub.fields += child.fields
				sub.introspected = child.introspected
				if child.introspection != nil {
					sub.introspection, sub.introspectionField = child.introspection, child.introspectionField
				}
			}
		case *ast.InlineFragment:
			sub = w.selectionSet(s.SelectionSet)
		case *ast.FragmentSpread:
			sub = w.fragment(s)
		}
		c.depth = max(c.depth, sub.depth)
		c.fields = min(c.fields+sub.fields, w.maxFields+1)
		c.introspected = min(c.introspected+sub.introspected, w.maxIntrospected()+1)
		if c.introspection == nil && sub.introspection != nil {
			c.introspection, c.introspectionField = sub.introspection, sub.introspectionField
		}
	}
	return c
}

func (w *limitWalker) fragment(s *ast.FragmentSpread) fragmentCost {
	if c, ok := w.fragments[s.Name]; ok {
		if c.busy {
			return fragmentCost{}
		}
		return *c
	}
	def := s.Definition
	if def == nil && w.doc != nil {
		def = w.doc.Fragments.ForName(s.Name)
	}
	if def == nil {
		return fragmentCost{}
	}
	c := &fragmentCost{busy: true}
	w.fragments[s.Name] = c
	*c = w.selectionSet(def.SelectionSet)
	c.busy = false
	return *c
}

// introspectionFactor times the complexity limit is the most values an
// operation's introspection may answer with: the standard introspection
// query (what GraphiQL and the explorer send) answers with every type,
// field, argument and enum value of the schema, 5,843 values for
// Counterpoint's (TestProjectSchema runs it with the default limits).
const introspectionFactor = 4

// maxIntrospected is the most values an operation's introspection fields
// may answer with.
func (w *limitWalker) maxIntrospected() int { return introspectionFactor * w.maxFields }

// introspectionSize counts the values the answer of an introspection field
// (__schema, or __type) will hold, as the complexity limit counts a list's
// fields once per element. The query's own fields say little here: a few
// fields under __schema { types { fields { args { type ... } } } } answer
// with every argument of every field of every type; but the schema is
// known, so the answer's size is counted exactly, by walking the selection
// over the schema, and the walk stops once the count passes the limit.
// Fragments in introspection are on the one type they select from
// (__Type, __Field...), so each spread is walked where it is found.
func (w *limitWalker) introspectionSize(f *ast.Field) int {
	if w.schema == nil { // no Validate: count the selection alone
		return 1 + w.selectionSet(f.SelectionSet).fields
	}
	z := &sizer{w: w, size: 1, limit: w.maxIntrospected() + 1}
	switch f.Name {
	case "__schema":
		z.object(f.SelectionSet, introValue{kind: "__Schema"})
	case "__type":
		name, _ := f.ArgumentMap(w.vars)["name"].(string)
		if def := w.schema.Types[name]; def != nil {
			z.object(f.SelectionSet, introValue{kind: "__Type", def: def})
		}
	}
	return min(z.size, z.limit)
}

// introValue is one object of an introspection answer: a __Schema, a
// __Type (a named type, def, or a wrapper of one, ref), a __Field, an
// __InputValue (of type ref), an __EnumValue or a __Directive.
type introValue struct {
	kind  string
	def   *ast.Definition
	ref   *ast.Type
	field *ast.FieldDefinition
	args  ast.ArgumentDefinitionList // a __Directive's
}

// sizer counts an introspection answer's values up to limit.
type sizer struct {
	w     *limitWalker
	size  int
	limit int
}

// object counts the fields set selects of v, and their values.
func (z *sizer) object(set ast.SelectionSet, v introValue) {
	for _, sel := range set {
		if z.size >= z.limit {
			return
		}
		switch s := sel.(type) {
		case *ast.Field:
			z.size++
			for _, child := range z.children(v, s.Name) {
				z.object(s.SelectionSet, child)
			}
		case *ast.InlineFragment:
			z.object(s.SelectionSet, v)
		case *ast.FragmentSpread:
			def := s.Definition
			if def == nil && z.w.doc != nil {
				def = z.w.doc.Fragments.ForName(s.Name)
			}
			if def != nil {
				z.object(def.SelectionSet, v)
			}
		}
	}
}

// children are the objects field name of v answers with: none for a
// scalar, a list's elements, or the one object.
func (z *sizer) children(v introValue, name string) []introValue {
	schema := z.w.schema
	types := func(defs ...*ast.Definition) []introValue {
		var out []introValue
		for _, d := range defs {
			if d != nil {
				out = append(out, introValue{kind: "__Type", def: d})
			}
		}
		return out
	}
	inputValue := func(t *ast.Type) introValue { return introValue{kind: "__InputValue", ref: t} }
	switch v.kind {
	case "__Schema":
		switch name {
		case "types":
			var out []introValue
			for _, d := range schema.Types {
				out = append(out, introValue{kind: "__Type", def: d})
			}
			return out
		case "queryType":
			return types(schema.Query)
		case "mutationType":
			return types(schema.Mutation)
		case "subscriptionType":
			return types(schema.Subscription)
		case "directives":
			var out []introValue
			for _, d := range schema.Directives {
				out = append(out, introValue{kind: "__Directive", args: d.Arguments})
			}
			return out
		}
	case "__Field":
		switch name {
		case "args":
			var out []introValue
			for _, a := range v.field.Arguments {
				out = append(out, inputValue(a.Type))
			}
			return out
		case "type":
			return []introValue{{kind: "__Type", ref: v.field.Type}}
		}
	case "__Directive":
		if name == "args" {
			var out []introValue
			for _, a := range v.args {
				out = append(out, inputValue(a.Type))
			}
			return out
		}
	case "__InputValue":
		if name == "type" {
			return []introValue{{kind: "__Type", ref: v.ref}}
		}
	case "__Type":
		return z.typeChildren(v, name)
	}
	return nil
}

// typeChildren are the objects field name of a __Type answers with.
func (z *sizer) typeChildren(v introValue, name string) []introValue {
	if v.def == nil && v.ref != nil {
		switch {
		case v.ref.NonNull:
			inner := *v.ref
			inner.NonNull = false
			if name == "ofType" {
				return []introValue{{kind: "__Type", ref: &inner}}
			}
			return nil
		case v.ref.Elem != nil:
			if name == "ofType" {
				return []introValue{{kind: "__Type", ref: v.ref.Elem}}
			}
			return nil
		}
		v.def = z.w.schema.Types[v.ref.NamedType]
	}
	if v.def == nil {
		return nil
	}
	var out []introValue
	switch name {
	case "fields":
		if v.def.Kind == ast.Object || v.def.Kind == ast.Interface {
			for _, f := range v.def.Fields {
				if !strings.HasPrefix(f.Name, "__") {
					out = append(out, introValue{kind: "__Field", field: f})
				}
			}
		}
	case "inputFields":
		if v.def.Kind == ast.InputObject {
			for _, f := range v.def.Fields {
				out = append(out, introValue{kind: "__InputValue", ref: f.Type})
			}
		}
	case "interfaces":
		for _, i := range v.def.Interfaces {
			if d := z.w.schema.Types[i]; d != nil {
				out = append(out, introValue{kind: "__Type", def: d})
			}
		}
	case "possibleTypes":
		if v.def.Kind == ast.Interface || v.def.Kind == ast.Union {
			for _, d := range z.w.schema.GetPossibleTypes(v.def) {
				out = append(out, introValue{kind: "__Type", def: d})
			}
		}
	case "enumValues":
		for range v.def.EnumValues {
			out = append(out, introValue{kind: "__EnumValue"})
		}
	}
	return out
}
