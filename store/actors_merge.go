package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/counterpoint-news/counterpoint"
)

// The same actor across datasets: candidates for a new speaker (the
// domain's MatchActors over the actors the index finds), and a curator's
// merge of two actors, recorded so that it can be undone.

// actorCandidates finds the actors MatchActors may propose: those whose
// name or role the index matches, and, for an acronym, every group. Anonymous
// sources are never read.
var actorCandidates = `CALL db.index.fulltext.queryNodes($index, $query, {limit: 300}) YIELD node AS n
WITH n WHERE n:Actor AND n.kind <> 'ANONYMOUS' AND ` + inScope("n") + `
RETURN properties(n) AS props
UNION
MATCH (n:Actor) WHERE $acronym AND n.kind IN ['ORGANIZATION', 'COLLECTIVE', 'STATE'] AND ` + inScope("n") + `
WITH n LIMIT 5000
RETURN properties(n) AS props`

// ActorCandidates returns the existing actors a new speaker q may be, best
// first, with the reasons (counterpoint.MatchActors), at most first.
func (db *DB) ActorCandidates(ctx context.Context, q counterpoint.ActorQuery, scope counterpoint.Scope, first int) ([]counterpoint.ActorCandidate, error) {
	if q.Kind == counterpoint.ActorAnonymous {
		return nil, nil
	}
	names, roles, surname, acronym := counterpoint.ActorSearchWords(q)
	var parts []string
	if len(names) > 0 {
		words := make([]string, 0, len(names)+1)
		for _, w := range names {
			words = append(words, luceneSpecial.Replace(w))
		}
		if len([]rune(surname)) >= 4 {
			words = append(words, luceneSpecial.Replace(surname)+"~1")
		}
		parts = append(parts, "name:("+strings.Join(words, " ")+")")
	}
	if len(roles) >= 2 {
		words := make([]string, len(roles))
		for i, w := range roles {
			words[i] = "+" + luceneSpecial.Replace(w)
		}
		parts = append(parts, "role:("+strings.Join(words, " ")+")")
	}
	if len(parts) == 0 {
		return nil, counterpoint.Invalidf("name", "give a name or a role of at least two words")
	}
	res, err := db.read(ctx, "actorCandidates", actorCandidates, map[string]any{
		"index": FullTextIndex, "query": strings.Join(parts, " OR "), "acronym": acronym, "datasets": scopeParam(scope)})
	if err != nil {
		return nil, err
	}
	actors, err := decodeAll(res.Records, func(f *fields) counterpoint.Actor {
		a, err := decodeActor(f.any("props"))
		f.fail(err)
		return a
	})
	if err != nil {
		return nil, err
	}
	out := counterpoint.MatchActors(q, actors)
	return out[:min(len(out), first)], nil
}

// actorMerge is what a merge moved, as its record keeps it: enough to undo
// it (UnmergeActors). Existed says that the actor merged into already had
// the relationship, so that an undo leaves it there.
type actorMerge struct {
	Into       string         `json:"into"`
	From       string         `json:"from"`
	Actor      map[string]any `json:"actor"` // from's properties, without its version
	Version    int            `json:"version"`
	Assertions []mergedRel    `json:"assertions"`
	About      []mergedRel    `json:"about"`
	MemberOf   []mergedLink   `json:"memberOf"`
	Members    []mergedLink   `json:"members"`
	Authored   []mergedLink   `json:"authored"`
	Counts     map[string]int `json:"counts"`
}

type mergedRel struct {
	Claim   string         `json:"claim"`
	Props   map[string]any `json:"props"`
	Existed bool           `json:"existed"`
}

type mergedLink struct {
	ID      string `json:"id"`
	Existed bool   `json:"existed"`
}

const (
	readMergeActors = `OPTIONAL MATCH (f:Entity {id: $from}) OPTIONAL MATCH (i:Entity {id: $into})
RETURN coalesce(f:Actor, false) AS fromIsActor, properties(f) AS fromNode,
       coalesce(i:Actor, false) AS intoIsActor, properties(i) AS intoNode`
	readMergePlan = `MATCH (f:Actor {id: $from}), (i:Actor {id: $into})
RETURN [(f)-[r:ASSERTED]->(c:Claim) | {claim: c.id, props: properties(r),
         existed: EXISTS { MATCH (i)-[x:ASSERTED]->(c) WHERE x.source = r.source }}] AS assertions,
       [(c:Claim)-[r:ABOUT]->(f) | {claim: c.id, props: properties(r), existed: EXISTS { (c)-[:ABOUT]->(i) }}] AS about,
       [(f)-[:MEMBER_OF]->(g:Actor) | {id: g.id, existed: g = i OR EXISTS { (i)-[:MEMBER_OF]->(g) }}] AS memberOf,
       [(m:Actor)-[:MEMBER_OF]->(f) | {id: m.id, existed: m = i OR EXISTS { (m)-[:MEMBER_OF]->(i) }}] AS members,
       [(s:Source)-[:AUTHORED_BY]->(f) | {id: s.id, existed: EXISTS { (s)-[:AUTHORED_BY]->(i) }}] AS authored`
	// moveActor gives into every relationship of from (those into already
	// has are kept as they are), then deletes from.
	moveActor = `MATCH (f:Actor {id: $from}), (i:Actor {id: $into})
CALL (i) { UNWIND $assertions AS row MATCH (c:Claim {id: row.claim})
  MERGE (i)-[n:ASSERTED {source: row.props.source}]->(c) ON CREATE SET n = row.props }
CALL (i) { UNWIND $about AS row MATCH (c:Claim {id: row.claim}) MERGE (c)-[n:ABOUT]->(i) ON CREATE SET n = row.props }
CALL (i) { UNWIND $memberOf AS gid MATCH (g:Actor {id: gid}) WHERE g <> i MERGE (i)-[:MEMBER_OF]->(g) }
CALL (i) { UNWIND $members AS mid MATCH (m:Actor {id: mid}) WHERE m <> i MERGE (m)-[:MEMBER_OF]->(i) }
CALL (i) { UNWIND $authored AS sid MATCH (s:Source {id: sid}) MERGE (s)-[:AUTHORED_BY]->(i) }
DETACH DELETE f`
	// restoreActor makes from again with what a merge moved, and takes
	// from into what it did not have before.
	restoreActor = `MATCH (i:Actor {id: $into})
CREATE (f:Entity:Actor) SET f = $props
WITH f, i
CALL (f, i) { UNWIND $assertions AS row MATCH (c:Claim {id: row.claim})
  MERGE (f)-[n:ASSERTED {source: row.props.source}]->(c) SET n = row.props
  WITH c, row WHERE NOT row.existed
  MATCH (i)-[x:ASSERTED {source: row.props.source}]->(c) DELETE x }
CALL (f, i) { UNWIND $about AS row MATCH (c:Claim {id: row.claim})
  MERGE (c)-[n:ABOUT]->(f) SET n = row.props
  WITH c, row WHERE NOT row.existed
  MATCH (c)-[x:ABOUT]->(i) DELETE x }
CALL (f, i) { UNWIND $memberOf AS row MATCH (g:Actor {id: row.id}) MERGE (f)-[:MEMBER_OF]->(g)
  WITH g, row WHERE NOT row.existed MATCH (i)-[x:MEMBER_OF]->(g) DELETE x }
CALL (f, i) { UNWIND $members AS row MATCH (m:Actor {id: row.id}) MERGE (m)-[:MEMBER_OF]->(f)
  WITH m, row WHERE NOT row.existed MATCH (m)-[x:MEMBER_OF]->(i) DELETE x }
CALL (f, i) { UNWIND $authored AS row MATCH (s:Source {id: row.id}) MERGE (s)-[:AUTHORED_BY]->(f)
  WITH s, row WHERE NOT row.existed MATCH (s)-[x:AUTHORED_BY]->(i) DELETE x }`
	lastMerge = `MATCH (ch:Change {entity: $from}) WHERE ch.action IN ['MERGE', 'UNMERGE']
RETURN ch.action AS action, ch.note AS note ORDER BY ch.at DESC LIMIT 1`
)

// MergeActors merges actor from into actor into: every assertion,
// membership (either way), authorship and ABOUT of from becomes into's
// (what into already has is kept as it is), and from is deleted. Both ids'
// histories record it (MERGE), with what moved, so that UnmergeActors can
// undo it. Anonymous sources and an actor merged into itself are refused.
func (db *DB) MergeActors(ctx context.Context, into, from string) error {
	return db.writeLocked(ctx, into, []string{from}, func(tx lockedTx) error {
		intoActor, fromActor, err := db.mergeEnds(ctx, tx, into, from)
		if err != nil {
			return err
		}
		if err := counterpoint.ValidateMerge(intoActor, fromActor); err != nil {
			return err
		}
		plan, err := db.mergePlan(ctx, tx, into, from)
		if err != nil {
			return err
		}
		intoBefore, err := db.readState(ctx, tx, into)
		if err != nil {
			return err
		}
		fromBefore, err := db.readState(ctx, tx, from)
		if err != nil {
			return err
		}
		plan.Actor = actorProps(fromActor)
		plan.Version = fromBefore.version
		assertions := make([]map[string]any, len(plan.Assertions))
		for i, r := range plan.Assertions {
			p := copyProps(r.Props)
			p["key"] = OwnerKey(relAsserted, into, r.Claim, fmt.Sprint(p["source"]))
			assertions[i] = map[string]any{"claim": r.Claim, "props": p}
		}
		about := make([]map[string]any, len(plan.About))
		for i, r := range plan.About {
			p := copyProps(r.Props)
			p["key"] = OwnerKey(relAbout, r.Claim, into)
			about[i] = map[string]any{"claim": r.Claim, "props": p}
		}
		if _, err := db.run(ctx, tx, moveActor, map[string]any{"into": into, "from": from, "assertions": assertions, "about": about,
			"memberOf": linkIDs(plan.MemberOf), "members": linkIDs(plan.Members), "authored": linkIDs(plan.Authored)}); err != nil {
			return err
		}
		note, err := json.Marshal(plan)
		if err != nil {
			return err
		}
		return db.recordBoth(ctx, tx, counterpoint.ChangeMerge, into, intoBefore, from, fromBefore, string(note))
	})
}

// UnmergeActors undoes the last merge of from into into, as its record
// says: from is made again with its properties and every relationship the
// merge moved (those of claims deleted since are gone), and into keeps
// only what it had before the merge or gained since. It is refused when
// from's last merge was not into into, was undone already, or when the id
// from is taken again.
func (db *DB) UnmergeActors(ctx context.Context, into, from string) error {
	return db.writeLocked(ctx, into, []string{from}, func(tx lockedTx) error {
		recs, err := db.run(ctx, tx, lastMerge, map[string]any{"from": from})
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			return counterpoint.Invalidf("from", "actor %q was never merged into another", from)
		}
		f := recordFields(recs[0])
		action, note := f.str("action"), f.optStr("note")
		if f.err != nil {
			return f.err
		}
		var plan actorMerge
		if action != string(counterpoint.ChangeMerge) {
			return counterpoint.Invalidf("from", "the last merge of actor %q was undone already", from)
		}
		if err := json.Unmarshal([]byte(note), &plan); err != nil {
			return fmt.Errorf("read the record of the merge of %q: %w", from, err)
		}
		if plan.Into != into {
			return counterpoint.Invalidf("into", "actor %q was last merged into %q, not %q", from, plan.Into, into)
		}
		labels, err := db.labelsOf(ctx, tx, []ref{{into, counterpoint.NodeActor, "into"}, {from, counterpoint.NodeActor, "from"}})
		if err != nil {
			return err
		}
		if len(labels) != 2 {
			return fmt.Errorf("check the actors of the merge: %d labels for 2 ids", len(labels))
		}
		if labels[0] != counterpoint.NodeActor {
			return counterpoint.UnknownRef("into", counterpoint.NodeActor, into)
		}
		if labels[1] != "" {
			return counterpoint.Invalidf("from", "id %q is taken again (%s): delete or rename it before undoing the merge", from, labels[1])
		}
		intoBefore, err := db.readState(ctx, tx, into)
		if err != nil {
			return err
		}
		fromBefore, err := db.readState(ctx, tx, from)
		if err != nil {
			return err
		}
		props := copyProps(plan.Actor)
		props["version"] = int64(plan.Version)
		rels := func(rs []mergedRel) []map[string]any {
			out := make([]map[string]any, len(rs))
			for i, r := range rs {
				out[i] = map[string]any{"claim": r.Claim, "props": r.Props, "existed": r.Existed}
			}
			return out
		}
		links := func(ls []mergedLink) []map[string]any {
			out := make([]map[string]any, len(ls))
			for i, l := range ls {
				out[i] = map[string]any{"id": l.ID, "existed": l.Existed}
			}
			return out
		}
		if _, err := db.run(ctx, tx, restoreActor, map[string]any{"into": into, "props": props,
			"assertions": rels(plan.Assertions), "about": rels(plan.About),
			"memberOf": links(plan.MemberOf), "members": links(plan.Members), "authored": links(plan.Authored)}); err != nil {
			return err
		}
		return db.recordBoth(ctx, tx, counterpoint.ChangeUnmerge, into, intoBefore, from, fromBefore, note)
	})
}

// mergeEnds reads the two actors of a merge, refusing an id that names no
// actor.
func (db *DB) mergeEnds(ctx context.Context, tx neo4j.ManagedTransaction, into, from string) (counterpoint.Actor, counterpoint.Actor, error) {
	recs, err := db.run(ctx, tx, readMergeActors, map[string]any{"into": into, "from": from})
	if err != nil {
		return counterpoint.Actor{}, counterpoint.Actor{}, err
	}
	f, err := onlyRecord(recs, "read the actors to merge")
	if err != nil {
		return counterpoint.Actor{}, counterpoint.Actor{}, err
	}
	var problems counterpoint.Problems
	read := func(field, id string) counterpoint.Actor {
		if !f.boolean(field + "IsActor") {
			problems = append(problems, counterpoint.UnknownRef(field, counterpoint.NodeActor, id))
			return counterpoint.Actor{}
		}
		a, err := decodeActor(f.any(field + "Node"))
		f.fail(err)
		return a
	}
	i, fr := read("into", into), read("from", from)
	if f.err != nil {
		return i, fr, f.err
	}
	return i, fr, problems.Err()
}

// mergePlan reads what a merge of from into into moves.
func (db *DB) mergePlan(ctx context.Context, tx neo4j.ManagedTransaction, into, from string) (actorMerge, error) {
	recs, err := db.run(ctx, tx, readMergePlan, map[string]any{"into": into, "from": from})
	if err != nil {
		return actorMerge{}, err
	}
	f, err := onlyRecord(recs, "read what the merge moves")
	if err != nil {
		return actorMerge{}, err
	}
	plan := actorMerge{Into: into, From: from}
	for _, row := range f.list("assertions") {
		m := mapFields("assertion", row)
		plan.Assertions = append(plan.Assertions, mergedRel{Claim: m.str("claim"), Props: typed[map[string]any](m, "props", true), Existed: m.boolean("existed")})
		f.fail(m.err)
	}
	for _, row := range f.list("about") {
		m := mapFields("about", row)
		plan.About = append(plan.About, mergedRel{Claim: m.str("claim"), Props: typed[map[string]any](m, "props", true), Existed: m.boolean("existed")})
		f.fail(m.err)
	}
	for key, dst := range map[string]*[]mergedLink{"memberOf": &plan.MemberOf, "members": &plan.Members, "authored": &plan.Authored} {
		for _, row := range f.list(key) {
			m := mapFields(key, row)
			*dst = append(*dst, mergedLink{ID: m.str("id"), Existed: m.boolean("existed")})
			f.fail(m.err)
		}
	}
	plan.Counts = map[string]int{"assertions": len(plan.Assertions), "about": len(plan.About), "memberOf": len(plan.MemberOf),
		"members": len(plan.Members), "authored": len(plan.Authored)}
	return plan, f.err
}

// recordBoth records a merge or its undoing in the histories of both
// actors, each with its snapshots before and after and the merge's record.
func (db *DB) recordBoth(ctx context.Context, tx neo4j.ManagedTransaction, action counterpoint.ChangeAction,
	into string, intoBefore nodeState, from string, fromBefore nodeState, note string) error {
	for _, side := range []struct {
		id     string
		before nodeState
	}{{into, intoBefore}, {from, fromBefore}} {
		after, err := db.readState(ctx, tx, side.id)
		if err != nil {
			return err
		}
		version := 0
		if after.snapshot != "" {
			version = max(side.before.version, after.version) + 1
		}
		if _, err := db.run(ctx, tx, recordChange, map[string]any{
			"id": side.id, "action": string(action), "by": counterpoint.EditorOf(ctx), "version": version,
			"before": nullIfEmpty(side.before.snapshot), "after": nullIfEmpty(after.snapshot), "note": note,
		}); err != nil {
			return err
		}
	}
	return nil
}

func linkIDs(ls []mergedLink) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = l.ID
	}
	return out
}

func copyProps(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}
