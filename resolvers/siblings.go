package resolvers

import (
	"context"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// Claim's fields resolve one after another (internal/fieldorder lists it),
// which spares gqlgen's goroutine per field. So that fields which load
// still wait on their batches together, as they did side by side, the
// first of a claim's fields to run issues the load of every selected
// sibling (dataloadgen queues the key and answers the sibling from its
// cache later). A read-ahead's primed keys cost a cache hit each.

// claimLoads are the loads that Claim's fields make, by field name, to be
// issued ahead for the claim with the given id.
var claimLoads = func() map[string]func(context.Context, *loaders, string) {
	assertions := func(ctx context.Context, l *loaders, id string) { l.assertionsByClaim.LoadThunk(ctx, id) }
	relations := func(ctx context.Context, l *loaders, id string) { l.relationsByClaim.LoadThunk(ctx, id) }
	m := map[string]func(context.Context, *loaders, string){
		"quotes":     func(ctx context.Context, l *loaders, id string) { l.quotesByClaim.LoadThunk(ctx, id) },
		"assertedBy": assertions,
		"assertions": assertions,
		"about":      func(ctx context.Context, l *loaders, id string) { l.aboutByClaim.LoadThunk(ctx, id) },
		"relations":  relations,
	}
	for name, side := range relatedClaimFields {
		m[name] = func(ctx context.Context, l *loaders, id string) {
			side.Claim = id
			if _, ok := l.sided.get(side); !ok {
				relations(ctx, l, id)
			}
		}
	}
	return m
}()

// issued remembers the objects whose siblings' loads were issued, once per
// object and selection in a request.
type issued struct {
	mu   sync.Mutex
	seen map[issuedKey]bool
}

type issuedKey struct {
	id  string
	sel *ast.Field // the field whose selection holds the object's fields
}

// first says whether k is new, and remembers it.
func (s *issued) first(k issuedKey) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.seen[k] {
		return false
	}
	if s.seen == nil {
		s.seen = map[issuedKey]bool{}
	}
	s.seen[k] = true
	return true
}

func (s *issued) clear() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seen = nil
}

// loadClaimSiblings issues the loads of the selected fields of the claim
// whose field is being resolved, once per claim and selection.
func (r *Resolver) loadClaimSiblings(ctx context.Context, id string) {
	field := objectField(ctx)
	if field == nil {
		return
	}
	l := r.loadersFor(ctx)
	if !l.issued.first(issuedKey{id, field.Field}) {
		return
	}
	for _, f := range graphql.CollectFields(graphql.GetOperationContext(ctx), field.Selections, claimTypes) {
		if load := claimLoads[f.Name]; load != nil {
			load(ctx, l, id)
		}
	}
}

// objectField returns the field whose selection holds the fields of the
// object being resolved: the nearest field above the one being resolved,
// past a list's elements. Outside a GraphQL request it returns nil.
func objectField(ctx context.Context) *graphql.CollectedField {
	if !graphql.HasOperationContext(ctx) {
		return nil
	}
	fc := graphql.GetFieldContext(ctx)
	if fc == nil {
		return nil
	}
	for p := fc.Parent; p != nil; p = p.Parent {
		if p.Field.Field != nil {
			return &p.Field
		}
	}
	return nil
}
