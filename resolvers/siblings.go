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
// first of a claim's fields that loads issues the loads of every selected
// sibling (dataloadgen queues the key and answers the sibling from its
// cache later); a read-ahead's primed keys cost a cache hit each.

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
			key := side // a copy: claims resolve on goroutines of their own
			key.Claim = id
			if _, ok := l.sided.get(key); !ok {
				relations(ctx, l, id)
			}
		}
	}
	return m
}()

// siblingPlan is what each claim under one selection loads ahead: the
// loads of its fields that load, issued by the first of them to run.
type siblingPlan struct {
	first *ast.Field
	loads []func(context.Context, *loaders, string)
}

// siblingPlans holds a request's plans by the field whose selection they
// read: made once per selection, read by every claim under it.
type siblingPlans struct {
	mu    sync.RWMutex
	plans map[*ast.Field]*siblingPlan // nil: fewer than two fields load, nothing to overlap
}

func (p *siblingPlans) of(op *graphql.OperationContext, field *graphql.CollectedField) *siblingPlan {
	p.mu.RLock()
	plan, ok := p.plans[field.Field]
	p.mu.RUnlock()
	if ok {
		return plan
	}
	plan = claimPlan(op, field.Selections)
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.plans == nil {
		p.plans = map[*ast.Field]*siblingPlan{}
	}
	p.plans[field.Field] = plan
	return plan
}

// claimPlan returns the plan of a selection on Claim, nil when fewer than
// two of its fields load.
func claimPlan(op *graphql.OperationContext, sel ast.SelectionSet) *siblingPlan {
	var plan siblingPlan
	for _, f := range graphql.CollectFields(op, sel, claimTypes) {
		if load := claimLoads[f.Name]; load != nil {
			if plan.first == nil {
				plan.first = f.Field
			}
			plan.loads = append(plan.loads, load)
		}
	}
	if len(plan.loads) < 2 {
		return nil
	}
	return &plan
}

// loadClaimSiblings issues, when the field being resolved is the first of
// its claim's fields that loads, the loads of all of them.
func (r *Resolver) loadClaimSiblings(ctx context.Context, id string) {
	if !graphql.HasOperationContext(ctx) {
		return
	}
	fc := graphql.GetFieldContext(ctx)
	if fc == nil {
		return
	}
	parent := objectField(fc)
	if parent == nil {
		return
	}
	l := r.loadersFor(ctx)
	plan := l.plans.of(graphql.GetOperationContext(ctx), parent)
	if plan == nil || fc.Field.Field != plan.first {
		return
	}
	for _, load := range plan.loads {
		load(ctx, l, id)
	}
}

// objectField returns the field whose selection holds the fields of the
// object that fc's field belongs to: the nearest field above it, past a
// list's elements.
func objectField(fc *graphql.FieldContext) *graphql.CollectedField {
	for p := fc.Parent; p != nil; p = p.Parent {
		if p.Field.Field != nil {
			return &p.Field
		}
	}
	return nil
}
