package resolvers

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"strconv"

	"github.com/vikstrous/dataloadgen"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/99designs/gqlgen/graphql"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/graph"
	"github.com/counterpoint-news/counterpoint/graph/model"
	"github.com/counterpoint-news/counterpoint/internal/readahead"
)

// Limits on arguments, beyond those the store sets on path queries.
const (
	maxPage       = 100
	maxCounters   = 500
	maxIDs        = 500
	maxSearchText = 500
	maxHistory    = 500
	maxTimeline   = 2000
)

// bounded returns an optional integer argument of a Query field, the
// schema's default for it when absent, or BAD_USER_INPUT when it is outside
// 1..max.
func bounded(field, arg string, v *int, max int) (int, error) {
	if v == nil {
		return queryDefault(field, arg), nil
	}
	if *v < 1 || *v > max {
		return 0, counterpoint.Errorf(counterpoint.EINVALID, "%s: must be between 1 and %d, got %d", arg, max, *v)
	}
	return *v, nil
}

// queryDefaults holds the default value of every integer argument of a
// Query field, read from schema.graphqls, so that the resolvers and the
// complexity estimates use the schema's defaults and cannot drift from them.
var queryDefaults = func() map[string]int {
	out := map[string]int{}
	for _, f := range graph.NewExecutableSchema(graph.Config{}).Schema().Query.Fields {
		for _, a := range f.Arguments {
			if a.DefaultValue == nil || a.DefaultValue.Kind != ast.IntValue {
				continue
			}
			n, err := strconv.Atoi(a.DefaultValue.Raw)
			if err != nil {
				panic(fmt.Sprintf("resolvers: Query.%s(%s:) default %q: %v", f.Name, a.Name, a.DefaultValue.Raw, err))
			}
			out[f.Name+"."+a.Name] = n
		}
	}
	return out
}()

// queryDefault is the schema's default for Query.field(arg:); asking for
// one the schema does not have is a bug, caught by the first test that
// resolves the field.
func queryDefault(field, arg string) int {
	n, ok := queryDefaults[field+"."+arg]
	if !ok {
		panic(fmt.Sprintf("resolvers: the schema gives Query.%s(%s:) no default", field, arg))
	}
	return n
}

// refused hands a write's refusal to GraphQL: every problem of it under
// its argument (arg), the first as the field's error and the others beside
// it, so that a curator sees them all at once. The server's presenter maps
// each to extensions.code and extensions.field.
func refused(ctx context.Context, arg string, err error) error {
	err = counterpoint.Within(arg, err)
	var ps counterpoint.Problems
	if !errors.As(err, &ps) || len(ps) == 0 {
		return err
	}
	for _, p := range ps[1:] {
		graphql.AddError(ctx, p)
	}
	return ps[0]
}

// derefEnum is an optional enum argument as its string, "" when absent (the
// domain then fills its default).
func derefEnum[E ~string](e *E) string {
	if e == nil {
		return ""
	}
	return string(*e)
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// fresh empties the request's caches after a mutation and returns r.
func (r *Resolver) fresh(ctx context.Context) *Resolver {
	r.loadersFor(ctx).clearAll()
	return r
}

func (r *Resolver) actor(ctx context.Context, id string) (*model.Actor, error) {
	a, err := r.loadersFor(ctx).actor.Load(ctx, id)
	return toActor(a), err
}

func (r *Resolver) claim(ctx context.Context, id string) (*model.Claim, error) {
	c, err := r.loadersFor(ctx).claim.Load(ctx, id)
	return toClaim(c), err
}

func (r *Resolver) source(ctx context.Context, id string) (*model.Source, error) {
	s, err := r.loadersFor(ctx).source.Load(ctx, id)
	return toSource(s), err
}

// actors loads actors by id, in order, skipping ids with no actor.
func (r *Resolver) actors(ctx context.Context, ids []string) ([]*model.Actor, error) {
	return loadPresent(ctx, r.loadersFor(ctx).actor, ids, toActor)
}

// claims loads claims by id, in order, skipping ids with no claim.
func (r *Resolver) claims(ctx context.Context, ids []string) ([]*model.Claim, error) {
	return loadPresent(ctx, r.loadersFor(ctx).claim, ids, toClaim)
}

// sources loads sources by id, in order, skipping ids with no source.
func (r *Resolver) sources(ctx context.Context, ids []string) ([]*model.Source, error) {
	return loadPresent(ctx, r.loadersFor(ctx).source, ids, toSource)
}

// loadPresent loads nodes by id through l, in order, and converts those
// that exist.
func loadPresent[T, M any](ctx context.Context, l *dataloadgen.Loader[string, *T], ids []string, convert func(*T) *M) ([]*M, error) {
	items, err := l.LoadAll(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]*M, 0, len(items))
	for _, item := range items {
		if item != nil {
			out = append(out, convert(item))
		}
	}
	return out, nil
}

// asserters returns who asserted a claim, each once.
func (r *Resolver) asserters(ctx context.Context, claimID string) ([]*model.Actor, error) {
	as, err := r.loadersFor(ctx).assertionsByClaim.Load(ctx, claimID)
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(as))
	seen := map[string]bool{}
	for _, a := range as {
		if !seen[a.Actor] {
			seen[a.Actor] = true
			ids = append(ids, a.Actor)
		}
	}
	return r.actors(ctx, ids)
}

// relations converts relations with the claims at their ends: those in
// known, and the others read in one batch (the loaders usually hold them
// already: the store's relation reads return the claims at the other end).
// A relation whose claim is gone (removed since) is left out.
func (r *Resolver) relations(ctx context.Context, rels []counterpoint.Relation, known map[string]*model.Claim) ([]*model.Relation, error) {
	var missing []string
	seen := map[string]bool{}
	for _, rel := range rels {
		for _, id := range []string{rel.From, rel.To} {
			if known[id] == nil && !seen[id] {
				seen[id] = true
				missing = append(missing, id)
			}
		}
	}
	if len(missing) > 0 {
		cs, err := r.loadersFor(ctx).claim.LoadAll(ctx, missing)
		if err != nil {
			return nil, err
		}
		all := make(map[string]*model.Claim, len(known)+len(cs))
		maps.Copy(all, known)
		for _, c := range cs {
			if c != nil {
				all[c.ID] = toClaim(c)
			}
		}
		known = all
	}
	out := make([]*model.Relation, 0, len(rels))
	for _, rel := range rels {
		if from, to := known[rel.From], known[rel.To]; from != nil && to != nil {
			out = append(out, toRelation(rel, from, to))
		}
	}
	return out, nil
}

// counterSides returns who counts on each side of a counter
// (counterpoint.CounterSides), reading the assertions of both claims in one
// batch.
func (r *Resolver) counterSides(ctx context.Context, c *model.Counter) (by, against []string, err error) {
	as, err := r.loadersFor(ctx).assertionsByClaim.LoadAll(ctx, []string{c.Counter.ID, c.Target.ID})
	if err != nil {
		return nil, nil, err
	}
	by, against = counterpoint.CounterSides(as[0], as[1])
	return by, against, nil
}

// related returns the claims at the other end of one kind of relation.
// A read-ahead of that side answers without the claim's other relations.
func (r *Resolver) related(ctx context.Context, claimID string, kind counterpoint.RelationKind, outgoing bool) ([]*model.Claim, error) {
	l := r.loadersFor(ctx)
	rels, ok := l.sided.get(readahead.Sided{Claim: claimID, Kind: kind, Outgoing: outgoing})
	if !ok {
		var err error
		if rels, err = l.relationsByClaim.Load(ctx, claimID); err != nil {
			return nil, err
		}
	}
	var ids []string
	for _, rel := range rels {
		switch {
		case rel.Kind != kind:
		case outgoing && rel.From == claimID:
			ids = append(ids, rel.To)
		case !outgoing && rel.To == claimID:
			ids = append(ids, rel.From)
		}
	}
	return r.claims(ctx, ids)
}

// counters converts counters with their two claims, read in one batch (the
// read-ahead has usually primed them); a counter whose claim is gone
// (removed since) is left out.
func (r *Resolver) counters(ctx context.Context, cs []counterpoint.Counter, err error) ([]*model.Counter, error) {
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, 2*len(cs))
	for _, c := range cs {
		ids = append(ids, c.Counter, c.Target)
	}
	claims, err := r.loadersFor(ctx).claim.LoadAll(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]*model.Counter, 0, len(cs))
	for i, c := range cs {
		if counter, target := claims[2*i], claims[2*i+1]; counter != nil && target != nil {
			out = append(out, toCounter(c, toClaim(counter), toClaim(target)))
		}
	}
	return out, nil
}

func pageInfo(cursors []string, hasNext bool, after *string) *model.PageInfo {
	pi := &model.PageInfo{HasNextPage: hasNext, HasPreviousPage: after != nil && *after != ""}
	if len(cursors) > 0 {
		pi.StartCursor = &cursors[0]
		pi.EndCursor = &cursors[len(cursors)-1]
	}
	return pi
}

// membership returns the groups an actor belongs to (memberOf) or its
// members.
func (r *Resolver) membership(ctx context.Context, actorID string, memberOf bool) ([]*model.Actor, error) {
	links, err := r.loadersFor(ctx).memberships.Load(ctx, actorID)
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, l := range links {
		switch {
		case memberOf && l.From == actorID:
			ids = append(ids, l.To)
		case !memberOf && l.To == actorID:
			ids = append(ids, l.From)
		}
	}
	return r.actors(ctx, ids)
}

// scopeOf checks a datasets argument: at most counterpoint.MaxScope
// well-formed ids, each once.
func scopeOf(datasets []string) (counterpoint.Scope, error) {
	scope := counterpoint.Scope(datasets)
	if err := scope.Validate("datasets"); err != nil {
		return nil, err
	}
	return scope, nil
}
