package store

import (
	"context"
	"encoding/base64"

	"github.com/counterpoint-news/counterpoint"
)

// Batch reads of actors and of what hangs off them: each takes a list of
// ids and makes one round trip.
const (
	actorsByID        = `UNWIND $ids AS id MATCH (n:Actor {id: id}) RETURN properties(n) AS props`
	assertionsByActor = `UNWIND $ids AS id
MATCH (:Actor {id: id})-[r:ASSERTED]->(c:Claim)
RETURN c.id AS claim, id AS actor, r.source AS source, r.date AS date, r.attribution AS attribution, r.stance AS stance, r.inferred AS inferred, r.note AS note, properties(c) AS props
ORDER BY actor, coalesce(r.date, c.date, ''), claim, source`
	membershipsOf = `UNWIND $ids AS id
MATCH (:Actor {id: id})-[m:MEMBER_OF]-(o:Actor)
RETURN startNode(m).id AS from, endNode(m).id AS to, properties(o) AS props ORDER BY from, to`
)

// ActorsByID returns the actors with the given ids.
func (db *DB) ActorsByID(ctx context.Context, ids []string) ([]counterpoint.Actor, error) {
	return readByID(ctx, db, "actorsByID", actorsByID, ids, decodeActor)
}

// AssertionsByActor returns what the given actors asserted, with the claims.
func (db *DB) AssertionsByActor(ctx context.Context, ids []string) ([]counterpoint.Assertion, []counterpoint.Claim, error) {
	res, err := db.read(ctx, "assertionsByActor", assertionsByActor, map[string]any{"ids": ids})
	if err != nil {
		return nil, nil, err
	}
	assertions := make([]counterpoint.Assertion, 0, len(res.Records))
	claims := make([]counterpoint.Claim, 0, len(res.Records))
	for _, rec := range res.Records {
		f := recordFields(rec)
		a := counterpoint.Assertion{Claim: f.str("claim"), Actor: f.str("actor"), Source: f.str("source"), Date: f.optStr("date"),
			Attribution: counterpoint.Attribution(f.str("attribution")), Stance: counterpoint.Stance(f.optStr("stance")),
			Inferred: f.optBool("inferred"), Note: f.optStr("note")}
		c, err := decodeClaim(f.any("props"))
		if f.err != nil {
			return nil, nil, f.err
		} else if err != nil {
			return nil, nil, err
		}
		assertions, claims = append(assertions, a), append(claims, c)
	}
	return assertions, claims, nil
}

// MembershipsOf returns member-to-group links touching the given actors
// either way, each with the actor at the other end.
func (db *DB) MembershipsOf(ctx context.Context, ids []string) ([]counterpoint.Link, []counterpoint.Actor, error) {
	return db.linksWithActors(ctx, "membershipsOf", membershipsOf, ids)
}

const actorsPage = `CALL () { MATCH (a:Actor) WHERE $kind IS NULL OR a.kind = $kind RETURN count(a) AS total }
CALL () {
  MATCH (a:Actor) WHERE ($kind IS NULL OR a.kind = $kind) AND ($after IS NULL OR a.id > $after)
  WITH a ORDER BY a.id LIMIT $limit
  RETURN collect(properties(a)) AS items
}
RETURN total, items`

// ActorCursor is the position of an actor in the id order.
func ActorCursor(a counterpoint.Actor) string {
	return base64.RawURLEncoding.EncodeToString([]byte("actor|" + a.ID))
}

// Actors returns a page of actors ordered by id; after is the id of the
// last actor of the previous page.
func (db *DB) Actors(ctx context.Context, f counterpoint.ActorFilter, first int, after string) (counterpoint.Page[counterpoint.Actor], error) {
	if after != "" {
		var err error
		if after, err = decodeCursor("actor", after); err != nil {
			return counterpoint.Page[counterpoint.Actor]{}, err
		}
	}
	params := map[string]any{"kind": nullable(string(f.Kind)), "after": nullable(after), "limit": first + 1}
	return readPage(ctx, db, "actorsPage", actorsPage, params, first, decodeActor, ActorCursor)
}
