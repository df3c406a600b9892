package store

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/counterpoint-news/counterpoint"
)

// threadTemplate reads the claims within %[2]d steps of relations of the
// types %[1]s around a root claim, and the relations among them. Cypher
// takes neither relationship types nor path lengths as parameters, so each
// combination from the closed sets gets its own query text.
const threadTemplate = `MATCH (root:Claim {id: $id})
OPTIONAL MATCH (root)-[rs:%[1]s*1..%[2]d]-(c:Claim) WHERE $datasets IS NULL OR all(r IN rs WHERE r.dataset IN $datasets)
WITH root, collect(DISTINCT c) AS cs
WITH [root] + [x IN cs WHERE x <> root] AS claims
UNWIND claims AS a
OPTIONAL MATCH (a)-[r:%[1]s]->(b:Claim) WHERE b IN claims AND ($datasets IS NULL OR r.dataset IN $datasets)
WITH claims, collect(CASE WHEN r IS NULL THEN null ELSE {kind: type(r), from: a.id, to: b.id, ` + relationGrounds + `} END) AS rels
RETURN [x IN claims | properties(x)] AS claims, rels`

// threadQueries holds the thread query of every non-empty set of relation
// kinds and every depth, by threadKey.
var threadQueries = func() map[string]string {
	m := map[string]string{}
	// Every non-empty subset of the closed set, by bit mask.
	for mask := 1; mask < 1<<len(counterpoint.RelationKinds); mask++ {
		var kinds []counterpoint.RelationKind
		for i, k := range counterpoint.RelationKinds {
			if mask&(1<<i) != 0 {
				kinds = append(kinds, k)
			}
		}
		for d := 1; d <= counterpoint.MaxThreadDepth; d++ {
			m[threadKey(kinds, d)] = fmt.Sprintf(threadTemplate, kindsKey(kinds), d)
		}
	}
	return m
}()

func threadKey(kinds []counterpoint.RelationKind, depth int) string {
	return fmt.Sprintf("%s/%d", kindsKey(kinds), depth)
}

// kindsKey is the Cypher type expression for a set of relation kinds (all
// when empty), in the closed set's order.
func kindsKey(kinds []counterpoint.RelationKind) string {
	var parts []string
	for _, k := range counterpoint.RelationKinds {
		if len(kinds) == 0 || slices.Contains(kinds, k) {
			parts = append(parts, string(k))
		}
	}
	return strings.Join(parts, "|")
}

// Thread returns the claims within depth relation steps of a claim (either
// direction) and the relations among them; NOT_FOUND when there is no such
// claim.
func (db *DB) Thread(ctx context.Context, id string, depth int, kinds []counterpoint.RelationKind, scope counterpoint.Scope) (counterpoint.Thread, error) {
	th := counterpoint.Thread{Root: id}
	cypher, ok := threadQueries[threadKey(kinds, depth)]
	if !ok {
		return th, counterpoint.Errorf(counterpoint.EINVALID, "thread: depth must be 1 to %d and kinds from %v", counterpoint.MaxThreadDepth, counterpoint.RelationKinds)
	}
	res, err := db.read(ctx, "thread", cypher, map[string]any{"id": id, "datasets": scopeParam(scope)})
	if err != nil {
		return th, err
	}
	if len(res.Records) == 0 {
		return th, counterpoint.Errorf(counterpoint.ENOTFOUND, "no claim has id %q", id)
	}
	f, err := onlyRecord(res.Records, "thread")
	if err != nil {
		return th, err
	}
	claims, rels := f.list("claims"), f.list("rels")
	if f.err != nil {
		return th, f.err
	}
	for _, c := range claims {
		claim, err := decodeClaim(c)
		if err != nil {
			return th, err
		}
		th.Claims = append(th.Claims, claim)
	}
	// The root first, then the others by id.
	if len(th.Claims) > 1 {
		slices.SortStableFunc(th.Claims[1:], func(a, b counterpoint.Claim) int { return strings.Compare(a.ID, b.ID) })
	}
	th.Relations = make([]counterpoint.Relation, 0, len(rels))
	for _, r := range rels {
		rel, f := decodeRelation(r)
		if f.err != nil {
			return th, f.err
		}
		th.Relations = append(th.Relations, rel)
	}
	sortByKey(th.Relations, counterpoint.Relation.Key)
	return th, nil
}
