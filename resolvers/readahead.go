package resolvers

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vikstrous/dataloadgen"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/internal/readahead"
)

// Read-ahead: a top-level field that returns claims or actors looks at its
// own selection before anything below it resolves, asks the store for the
// nodes and what the selection reads of them in one statement, and primes
// the request's loaders with the answer. The nested resolvers then find
// their data cached and neither query nor wait for a batch. Whatever the
// read-ahead does not cover (deeper nesting, other fields) still goes
// through the loaders, batched, so a request never turns into N+1.

var (
	claimTypes    = []string{"Claim", "Node"}
	actorTypes    = []string{"Actor", "Node"}
	counterTypes  = []string{"Counter"}
	relationTypes = []string{"Relation"}
)

// relatedClaimFields are the Claim fields whose items are the claims at the
// other end of a relation, with the kind and direction each reads (Claim
// left empty).
var relatedClaimFields = map[string]readahead.Sided{
	"rebuts": {Kind: counterpoint.Rebuts, Outgoing: true}, "rebuttedBy": {Kind: counterpoint.Rebuts},
	"supports": {Kind: counterpoint.Supports, Outgoing: true}, "supportedBy": {Kind: counterpoint.Supports},
	"qualifies": {Kind: counterpoint.Qualifies, Outgoing: true}, "qualifiedBy": {Kind: counterpoint.Qualifies},
}

// claimDetailOf says what a selection on Claim reads of the claim and of
// the claims related to it.
func claimDetailOf(op *graphql.OperationContext, sel ast.SelectionSet) readahead.ClaimDetail {
	var d readahead.ClaimDetail
	d.Quotes, d.Assertions = orParts(false, false, op, sel)
	for _, f := range graphql.CollectFields(op, sel, claimTypes) {
		side, related := relatedClaimFields[f.Name]
		switch {
		case related:
			d.Sides |= readahead.Side(side.Kind, side.Outgoing)
			d.RelatedQuotes, d.RelatedAssertions = orParts(d.RelatedQuotes, d.RelatedAssertions, op, f.Selections)
		case f.Name == "relations":
			d.Relations = true
			// A relation's from or to is the claim itself or the other end.
			for _, rf := range graphql.CollectFields(op, f.Selections, relationTypes) {
				if rf.Name == "from" || rf.Name == "to" {
					d.RelatedQuotes, d.RelatedAssertions = orParts(d.RelatedQuotes, d.RelatedAssertions, op, rf.Selections)
					d.Quotes, d.Assertions = orParts(d.Quotes, d.Assertions, op, rf.Selections)
				}
			}
		}
	}
	return d
}

// orParts adds to quotes and assertions whether a selection on Claim reads
// the claim's quotes or who asserted it.
func orParts(quotes, assertions bool, op *graphql.OperationContext, sel ast.SelectionSet) (bool, bool) {
	for _, f := range graphql.CollectFields(op, sel, claimTypes) {
		switch f.Name {
		case "quotes":
			quotes = true
		case "assertedBy", "assertions":
			assertions = true
		}
	}
	return quotes, assertions
}

// actorDetailOf says what a selection on Actor reads of the actor's
// counters.
func actorDetailOf(op *graphql.OperationContext, sel ast.SelectionSet) readahead.ActorDetail {
	var d readahead.ActorDetail
	for _, f := range graphql.CollectFields(op, sel, actorTypes) {
		switch f.Name {
		case "countered":
			d.Countered = true
		case "counteredBy":
			d.CounteredBy = true
		default:
			continue
		}
		for _, cf := range graphql.CollectFields(op, f.Selections, counterTypes) {
			switch cf.Name {
			case "by", "against":
				d.CounterAssertions = true
			case "counter", "target":
				_, d.CounterAssertions = orParts(false, d.CounterAssertions, op, cf.Selections)
			}
		}
	}
	return d
}

// connectionSelections returns the selections on the node type of a
// connection field: those under nodes and under edges { node }.
func connectionSelections(op *graphql.OperationContext, sel ast.SelectionSet) []ast.SelectionSet {
	var out []ast.SelectionSet
	for _, f := range graphql.CollectFields(op, sel, nil) {
		switch f.Name {
		case "nodes":
			out = append(out, f.Selections)
		case "edges":
			for _, ef := range graphql.CollectFields(op, f.Selections, nil) {
				if ef.Name == "node" {
					out = append(out, ef.Selections)
				}
			}
		}
	}
	return out
}

// detailOf says what the field being resolved asks of its nodes: its own
// selection, or for a connection the selections under nodes and
// edges { node }. Outside a GraphQL request (as in some tests) it asks for
// nothing.
func detailOf[D interface{ Or(D) D }](ctx context.Context, connection bool, of func(*graphql.OperationContext, ast.SelectionSet) D) D {
	var d D
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || !graphql.HasOperationContext(ctx) {
		return d
	}
	op, sel := graphql.GetOperationContext(ctx), fc.Field.Selections
	if !connection {
		return of(op, sel)
	}
	for _, s := range connectionSelections(op, sel) {
		d = d.Or(of(op, s))
	}
	return d
}

// readAheadClaims primes the loaders with the claims and what d asks of
// them, in one store call; ids with no claim are cached as missing.
func (r *Resolver) readAheadClaims(ctx context.Context, ids []string, d readahead.ClaimDetail) error {
	l := r.loadersFor(ctx)
	return readAhead(ctx, l, ids, d, r.store.ClaimsWithDetail, l.claim)
}

// claimsPage reads a claims page and, when d asks for anything, what d
// asks of its claims in the same statement (the bundle to prime the
// loaders with; nil when d asks for nothing).
func (r *Resolver) claimsPage(ctx context.Context, f counterpoint.ClaimFilter, first int, after string, d readahead.ClaimDetail) (counterpoint.Page[counterpoint.Claim], *readahead.Bundle, error) {
	if !d.Any() {
		page, err := r.store.Claims(ctx, f, first, after)
		return page, nil, err
	}
	page, b, err := r.store.ClaimsPageWithDetail(ctx, f, first, after, d)
	return page, &b, err
}

// readAheadActors primes the loaders with the actors and what d asks of
// them, in one store call; ids with no actor are cached as missing.
func (r *Resolver) readAheadActors(ctx context.Context, ids []string, d readahead.ActorDetail) error {
	l := r.loadersFor(ctx)
	return readAhead(ctx, l, ids, d, r.store.ActorsWithDetail, l.actor)
}

// readAhead runs one read-ahead when d asks for anything, primes l with its
// answer, and caches the ids it did not find as missing in nodes.
func readAhead[D interface{ Any() bool }, T any](ctx context.Context, l *loaders, ids []string, d D,
	fetch func(context.Context, []string, D) (readahead.Bundle, error), nodes *dataloadgen.Loader[string, *T]) error {
	if !d.Any() || len(ids) == 0 {
		return nil
	}
	b, err := fetch(ctx, ids, d)
	if err != nil {
		return err
	}
	l.prime(b)
	for _, id := range ids {
		nodes.Prime(id, nil)
	}
	return nil
}
