package store

import (
	"context"

	"github.com/counterpoint-news/counterpoint"
)

// actorTies reads the signed ties between actors that camps split on: a
// counter (by the counter rule) is negative; two actors endorsing one
// claim, an endorsed claim supporting another's, and membership are
// positive. Qualifications are neither. Each tie says why, in ids.
var actorTies = `MATCH (c:Claim)-[r:REBUTS]->(t:Claim) WHERE ` + claimInScope + `
MATCH (b:Actor)-[:ASSERTED]->(c), (x:Actor)-[:ASSERTED]->(t)
WHERE ` + countsAsCounter("b", "x", "c", "t") + `
RETURN DISTINCT b.id AS a, x.id AS b, -1 AS sign, 'counters: ' + c.id + ' rebuts ' + t.id AS why
UNION
MATCH (c:Claim) WHERE ` + claimInScope + `
MATCH (a1:Actor)-[e1:ASSERTED]->(c)<-[e2:ASSERTED]-(a2:Actor)
WHERE a1.id < a2.id AND ` + endorses("e1") + ` AND ` + endorses("e2") + `
RETURN DISTINCT a1.id AS a, a2.id AS b, 1 AS sign, 'both endorse ' + c.id AS why
UNION
MATCH (c:Claim)-[r:SUPPORTS]->(t:Claim) WHERE ` + claimInScope + `
MATCH (b:Actor)-[:ASSERTED]->(c), (x:Actor)-[:ASSERTED]->(t)
WHERE b <> x AND ` + endorsed("b", "c") + ` AND ` + endorsed("x", "t") + `
  AND NOT ` + endorsed("b", "t") + ` AND NOT ` + endorsed("x", "c") + `
RETURN DISTINCT b.id AS a, x.id AS b, 1 AS sign,
  'supports: ' + c.id + ' supports ' + t.id + CASE WHEN r.inferred THEN ' (inferred)' ELSE '' END AS why
UNION
MATCH (m:Actor)-[:MEMBER_OF]->(g:Actor) WHERE ` + inScope("m") + `
RETURN m.id AS a, g.id AS b, 1 AS sign, m.id + ' is a member of ' + g.id AS why`

// ActorTies returns the signed ties between the actors of scope.
func (db *DB) ActorTies(ctx context.Context, scope counterpoint.Scope) ([]counterpoint.Tie, error) {
	res, err := db.read(ctx, "actorTies", actorTies, map[string]any{"datasets": scopeParam(scope)})
	if err != nil {
		return nil, err
	}
	return decodeAll(res.Records, func(f *fields) counterpoint.Tie {
		return counterpoint.Tie{A: f.str("a"), B: f.str("b"), Sign: f.integer("sign"), Why: f.str("why")}
	})
}
