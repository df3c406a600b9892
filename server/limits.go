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
// more root fields (aliases counted) than MaxRootFields, or more fields
// (fragments expanded) than the complexity limit allows, or (when
// introspection is off) that asks for __schema or __type.
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
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = queryLimits{}

func (queryLimits) ExtensionName() string                          { return "CounterpointQueryLimits" }
func (queryLimits) Validate(schema graphql.ExecutableSchema) error { return nil }

func (l queryLimits) MutateOperationContext(ctx context.Context, opCtx *graphql.OperationContext) *gqlerror.Error {
	op := opCtx.Operation
	if op == nil {
		return nil
	}
	w := &limitWalker{maxFields: l.maxFields, fragments: map[string]*fragmentCost{}, doc: opCtx.Doc}
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
	return nil
}

// rootFields counts the distinct response keys (aliases, or names) of an
// operation's root selection set, fragments expanded, introspection fields
// excepted, stopping at stop. Fields under one key are merged and run once.
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
				if !strings.HasPrefix(s.Name, "__") {
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
// fields (saturating just above the limit) and the first introspection field
// in it, if any.
type fragmentCost struct {
	depth              int
	fields             int
	introspection      *ast.Position
	introspectionField string
	busy               bool // being computed: a cycle (the validator forbids them, but never loop)
}

type limitWalker struct {
	maxFields int
	fragments map[string]*fragmentCost
	doc       *ast.QueryDocument
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
				child := w.selectionSet(s.SelectionSet)
				sub.depth = 1
				sub.fields += child.fields
				sub.introspection, sub.introspectionField = s.Position, s.Name
			default:
				child := w.selectionSet(s.SelectionSet)
				sub.depth = 1 + child.depth
				sub.fields += child.fields
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
