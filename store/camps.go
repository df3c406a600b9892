package store

import (
	"context"

	"github.com/counterpoint-news/counterpoint"
)

// What camps are read from, in two plain statements (the counter rule and
// the camps are the domain's, counterpoint.TieGraph's, so that the planner
// has little to plan): the claims in scope with their asserters and their
// rebuttals and supports, and the memberships among actors.
const (
	tieClaims = `MATCH (c:Claim) WHERE ` + claimInScope + `
RETURN c.id AS claim,
  [(a:Actor)-[e:ASSERTED]->(c) | {actor: a.id, stance: e.stance}] AS asserted,
  [(c)-[r:REBUTS|SUPPORTS]->(t:Claim) | {kind: type(r), to: t.id, inferred: coalesce(r.inferred, false),
     asserted: [(a:Actor)-[e:ASSERTED]->(t) | {actor: a.id, stance: e.stance}]}] AS relations`
	tieMemberships = `MATCH (m:Actor)-[:MEMBER_OF]->(g:Actor) RETURN m.id AS member, g.id AS group`
	// tieClaimsScoped starts from the datasets' claims through the index.
	tieClaimsScoped = `MATCH (c:Claim) USING INDEX c:Claim(dataset) WHERE c.dataset IN $datasets
RETURN c.id AS claim,
  [(a:Actor)-[e:ASSERTED]->(c) | {actor: a.id, stance: e.stance}] AS asserted,
  [(c)-[r:REBUTS|SUPPORTS]->(t:Claim) | {kind: type(r), to: t.id, inferred: coalesce(r.inferred, false),
     asserted: [(a:Actor)-[e:ASSERTED]->(t) | {actor: a.id, stance: e.stance}]}] AS relations`
)

// TieGraph reads what the camps of scope are drawn from: the scope's
// claims with their asserters, their rebuttals and supports, and every
// membership among actors (counterpoint.TieGraph applies the rules).
func (db *DB) TieGraph(ctx context.Context, scope counterpoint.Scope) (counterpoint.TieGraph, error) {
	name, cypher := "tieClaims", tieClaims
	if len(scope) > 0 {
		name, cypher = "tieClaimsScoped", tieClaimsScoped
	}
	res, err := db.read(ctx, name, cypher, map[string]any{"datasets": scopeParam(scope)})
	if err != nil {
		return counterpoint.TieGraph{}, err
	}
	g := counterpoint.TieGraph{Scope: scope, Asserted: map[string][]counterpoint.Assertion{}}
	decodeAsserted := func(items []any) ([]counterpoint.Assertion, error) {
		out := make([]counterpoint.Assertion, 0, len(items))
		for _, item := range items {
			m := mapFields("assertion", item)
			a := counterpoint.Assertion{Actor: m.str("actor"), Stance: counterpoint.Stance(m.optStr("stance"))}
			if m.err != nil {
				return nil, m.err
			}
			out = append(out, a)
		}
		return out, nil
	}
	for _, rec := range res.Records {
		f := recordFields(rec)
		id, asserted, rels := f.str("claim"), f.list("asserted"), f.list("relations")
		if f.err != nil {
			return counterpoint.TieGraph{}, f.err
		}
		as, err := decodeAsserted(asserted)
		if err != nil {
			return counterpoint.TieGraph{}, err
		}
		g.Scoped, g.Asserted[id] = append(g.Scoped, id), as
		for _, item := range rels {
			m := mapFields("relation", item)
			r := counterpoint.Relation{Kind: counterpoint.RelationKind(m.str("kind")), From: id, To: m.str("to"), Inferred: m.boolean("inferred")}
			targets := m.list("asserted")
			if m.err != nil {
				return counterpoint.TieGraph{}, m.err
			}
			if g.Asserted[r.To], err = decodeAsserted(targets); err != nil {
				return counterpoint.TieGraph{}, err
			}
			g.Relations = append(g.Relations, r)
		}
	}
	res, err = db.read(ctx, "tieMemberships", tieMemberships, nil)
	if err != nil {
		return counterpoint.TieGraph{}, err
	}
	g.Memberships, err = decodeAll(res.Records, func(f *fields) counterpoint.Link { return counterpoint.Link{From: f.str("member"), To: f.str("group")} })
	if err != nil {
		return counterpoint.TieGraph{}, err
	}
	return g, nil
}
