package store

import (
	"context"
	"encoding/base64"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/counterpoint-news/counterpoint"
)

// nodeLinks reads, for a node n of any kind, the ids its API type carries:
// a source's reportedIn, a quote's claim, source and document.
const nodeLinks = `
OPTIONAL MATCH (n:Source)-[:REPORTED_IN]->(rep:Source)
OPTIONAL MATCH (qc:Claim)-[:EVIDENCED_BY]->(n:Quote)
OPTIONAL MATCH (n:Quote)-[:FROM]->(qs:Source)
OPTIONAL MATCH (n:Quote)-[:SAID_IN]->(qd:Source)
`

// nodeColumns are the columns nodeFromRecord reads.
const nodeColumns = `labels(n) AS labels, properties(n) AS props, rep.id AS reportedIn, qc.id AS quoteClaim, qs.id AS quoteSource, qd.id AS quoteDocument`

// Batch reads: each takes a list of ids and makes one round trip.
const (
	nodesByID   = `UNWIND $ids AS id MATCH (n:Entity {id: id})` + nodeLinks + `RETURN ` + nodeColumns
	actorsByID  = `UNWIND $ids AS id MATCH (n:Actor {id: id}) RETURN properties(n) AS props`
	claimsByID  = `UNWIND $ids AS id MATCH (n:Claim {id: id}) RETURN properties(n) AS props`
	sourcesByID = `UNWIND $ids AS id MATCH (n:Source {id: id}) OPTIONAL MATCH (n)-[:REPORTED_IN]->(r:Source)
RETURN n {.*, text: null} AS props, r.id AS reportedIn`
	sourceTexts   = `UNWIND $ids AS id MATCH (n:Source {id: id}) WHERE n.text IS NOT NULL RETURN id, n.text AS text`
	quotesByClaim = `UNWIND $ids AS id
MATCH (c:Claim {id: id})-[e:EVIDENCED_BY]->(q:Quote)-[:FROM]->(s:Source)
OPTIONAL MATCH (q)-[:SAID_IN]->(d:Source)
RETURN id AS claim, properties(q) AS props, s.id AS source, d.id AS document
ORDER BY claim, e.rank, q.id`
	assertionsByClaim = `UNWIND $ids AS id
MATCH (a:Actor)-[r:ASSERTED]->(c:Claim {id: id})
RETURN id AS claim, a.id AS actor, r.source AS source, r.date AS date, r.attribution AS attribution, properties(a) AS props
ORDER BY claim, coalesce(r.date, ''), actor, source`
	assertionsByActor = `UNWIND $ids AS id
MATCH (:Actor {id: id})-[r:ASSERTED]->(c:Claim)
RETURN c.id AS claim, id AS actor, r.source AS source, r.date AS date, r.attribution AS attribution, properties(c) AS props
ORDER BY actor, coalesce(r.date, c.date, ''), claim, source`
	relationsOf = `UNWIND $ids AS id
MATCH (c:Claim {id: id})-[r:REBUTS|SUPPORTS|QUALIFIES]-(o:Claim)
RETURN type(r) AS kind, startNode(r).id AS from, endNode(r).id AS to, r.note AS note, r.source AS source, properties(o) AS props
ORDER BY from, kind, to`
	aboutByClaim = `UNWIND $ids AS id
MATCH (:Claim {id: id})-[:ABOUT]->(a:Actor)
RETURN id AS from, a.id AS to, properties(a) AS props ORDER BY from, to`
	membershipsOf = `UNWIND $ids AS id
MATCH (:Actor {id: id})-[m:MEMBER_OF]-(o:Actor)
RETURN startNode(m).id AS from, endNode(m).id AS to, properties(o) AS props ORDER BY from, to`
	authorsOf = `UNWIND $ids AS id
MATCH (:Source {id: id})-[:AUTHORED_BY]->(a:Actor)
RETURN id AS from, a.id AS to, properties(a) AS props ORDER BY from, to`
	countersBy = `UNWIND $ids AS id
MATCH (:Actor {id: id})-[:ASSERTED]->(c:Claim)-[r:REBUTS]->(t:Claim)
RETURN DISTINCT id AS actor, c.id AS counter, t.id AS target, r.note AS note ORDER BY actor, counter, target`
	countersAgainst = `UNWIND $ids AS id
MATCH (:Actor {id: id})-[:ASSERTED]->(t:Claim)<-[r:REBUTS]-(c:Claim)
RETURN DISTINCT id AS actor, c.id AS counter, t.id AS target, r.note AS note ORDER BY actor, counter, target`
)

// NodesByID returns the nodes with the given ids, of any kind.
func (db *DB) NodesByID(ctx context.Context, ids []string) ([]counterpoint.Node, error) {
	res, err := db.read(ctx, "nodesByID", nodesByID, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	nodes := make([]counterpoint.Node, 0, len(res.Records))
	for _, rec := range res.Records {
		if n := nodeFromRecord(rec); n != nil {
			nodes = append(nodes, n)
		}
	}
	return nodes, nil
}

// readByID reads nodes of one label by id, one per row of column "props".
func readByID[T any](ctx context.Context, db *DB, name, cypher string, ids []string, from func(*neo4j.Record) T) ([]T, error) {
	res, err := db.read(ctx, name, cypher, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	out := make([]T, len(res.Records))
	for i, rec := range res.Records {
		out[i] = from(rec)
	}
	return out, nil
}

// ActorsByID returns the actors with the given ids.
func (db *DB) ActorsByID(ctx context.Context, ids []string) ([]counterpoint.Actor, error) {
	return readByID(ctx, db, "actorsByID", actorsByID, ids, func(rec *neo4j.Record) counterpoint.Actor {
		return actorFrom(recordMap(rec, "props"))
	})
}

// ClaimsByID returns the claims with the given ids.
func (db *DB) ClaimsByID(ctx context.Context, ids []string) ([]counterpoint.Claim, error) {
	return readByID(ctx, db, "claimsByID", claimsByID, ids, func(rec *neo4j.Record) counterpoint.Claim {
		return claimFrom(recordMap(rec, "props"))
	})
}

// SourcesByID returns the sources with the given ids, without their texts.
func (db *DB) SourcesByID(ctx context.Context, ids []string) ([]counterpoint.Source, error) {
	return readByID(ctx, db, "sourcesByID", sourcesByID, ids, sourceFromRecord)
}

// sourceFromRecord builds a source from columns props and reportedIn.
func sourceFromRecord(rec *neo4j.Record) counterpoint.Source {
	s := sourceFrom(recordMap(rec, "props"))
	s.ReportedIn = recordString(rec, "reportedIn")
	return s
}

// SourceTexts returns the full texts of the given sources that have one.
func (db *DB) SourceTexts(ctx context.Context, ids []string) (map[string]string, error) {
	res, err := db.read(ctx, "sourceTexts", sourceTexts, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	texts := make(map[string]string, len(res.Records))
	for _, rec := range res.Records {
		texts[recordString(rec, "id")] = recordString(rec, "text")
	}
	return texts, nil
}

// QuotesByClaim returns the quotes of the given claims, each with its
// claim, in the curator's order.
func (db *DB) QuotesByClaim(ctx context.Context, ids []string) ([]counterpoint.Quote, error) {
	res, err := db.read(ctx, "quotesByClaim", quotesByClaim, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	quotes := make([]counterpoint.Quote, len(res.Records))
	for i, rec := range res.Records {
		q := quoteFrom(recordMap(rec, "props"))
		q.Claim, q.Source, q.Document = recordString(rec, "claim"), recordString(rec, "source"), recordString(rec, "document")
		quotes[i] = q
	}
	return quotes, nil
}

func assertionFrom(rec *neo4j.Record) counterpoint.Assertion {
	return counterpoint.Assertion{
		Claim: recordString(rec, "claim"), Actor: recordString(rec, "actor"), Source: recordString(rec, "source"),
		Date: recordString(rec, "date"), Attribution: counterpoint.Attribution(recordString(rec, "attribution")),
	}
}

// withEnds reads rows of one kind with the node at their other end (its
// properties in column "props"), for the batch reads below.
func withEnds[R, N any](ctx context.Context, db *DB, name, cypher string, ids []string,
	row func(*neo4j.Record) R, node func(map[string]any) N) ([]R, []N, error) {
	res, err := db.read(ctx, name, cypher, map[string]any{"ids": ids})
	if err != nil {
		return nil, nil, err
	}
	rows := make([]R, len(res.Records))
	nodes := make([]N, len(res.Records))
	for i, rec := range res.Records {
		rows[i] = row(rec)
		nodes[i] = node(recordMap(rec, "props"))
	}
	return rows, nodes, nil
}

// AssertionsByClaim returns who asserted the given claims, with the actors.
func (db *DB) AssertionsByClaim(ctx context.Context, ids []string) ([]counterpoint.Assertion, []counterpoint.Actor, error) {
	return withEnds(ctx, db, "assertionsByClaim", assertionsByClaim, ids, assertionFrom, actorFrom)
}

// AssertionsByActor returns what the given actors asserted, with the claims.
func (db *DB) AssertionsByActor(ctx context.Context, ids []string) ([]counterpoint.Assertion, []counterpoint.Claim, error) {
	return withEnds(ctx, db, "assertionsByActor", assertionsByActor, ids, assertionFrom, claimFrom)
}

// RelationsOf returns every relation to or from the given claims, with the
// claim at the other end of each.
func (db *DB) RelationsOf(ctx context.Context, ids []string) ([]counterpoint.Relation, []counterpoint.Claim, error) {
	return withEnds(ctx, db, "relationsOf", relationsOf, ids, relationFrom, claimFrom)
}

func relationFrom(rec *neo4j.Record) counterpoint.Relation {
	return counterpoint.Relation{
		Kind: counterpoint.RelationKind(recordString(rec, "kind")), From: recordString(rec, "from"), To: recordString(rec, "to"),
		Note: recordString(rec, "note"), Source: recordString(rec, "source"),
	}
}

func linkFrom(rec *neo4j.Record) counterpoint.Link {
	return counterpoint.Link{From: recordString(rec, "from"), To: recordString(rec, "to")}
}

func (db *DB) linksWithActors(ctx context.Context, name, cypher string, ids []string) ([]counterpoint.Link, []counterpoint.Actor, error) {
	return withEnds(ctx, db, name, cypher, ids, linkFrom, actorFrom)
}

// AboutByClaim returns claim-to-actor ABOUT links, with the actors.
func (db *DB) AboutByClaim(ctx context.Context, ids []string) ([]counterpoint.Link, []counterpoint.Actor, error) {
	return db.linksWithActors(ctx, "aboutByClaim", aboutByClaim, ids)
}

// MembershipsOf returns member-to-group links touching the given actors
// either way, each with the actor at the other end.
func (db *DB) MembershipsOf(ctx context.Context, ids []string) ([]counterpoint.Link, []counterpoint.Actor, error) {
	return db.linksWithActors(ctx, "membershipsOf", membershipsOf, ids)
}

// AuthorsOf returns source-to-author links, with the authors.
func (db *DB) AuthorsOf(ctx context.Context, ids []string) ([]counterpoint.Link, []counterpoint.Actor, error) {
	return db.linksWithActors(ctx, "authorsOf", authorsOf, ids)
}

func (db *DB) actorCounters(ctx context.Context, name, cypher string, ids []string) ([]counterpoint.ActorCounter, error) {
	res, err := db.read(ctx, name, cypher, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	out := make([]counterpoint.ActorCounter, len(res.Records))
	for i, rec := range res.Records {
		out[i] = counterpoint.ActorCounter{Actor: recordString(rec, "actor"), Counter: counterFrom(rec)}
	}
	return out, nil
}

func counterFrom(rec *neo4j.Record) counterpoint.Counter {
	return counterpoint.Counter{Counter: recordString(rec, "counter"), Target: recordString(rec, "target"), Note: recordString(rec, "note")}
}

// CountersBy returns the counters made by each of the given actors.
func (db *DB) CountersBy(ctx context.Context, ids []string) ([]counterpoint.ActorCounter, error) {
	return db.actorCounters(ctx, "countersBy", countersBy, ids)
}

// CountersAgainst returns the counters aimed at each of the given actors.
func (db *DB) CountersAgainst(ctx context.Context, ids []string) ([]counterpoint.ActorCounter, error) {
	return db.actorCounters(ctx, "countersAgainst", countersAgainst, ids)
}

// Lists and pages.
const (
	actorsPage = `CALL () { MATCH (a:Actor) WHERE $kind IS NULL OR a.kind = $kind RETURN count(a) AS total }
CALL () {
  MATCH (a:Actor) WHERE ($kind IS NULL OR a.kind = $kind) AND ($after IS NULL OR a.id > $after)
  WITH a ORDER BY a.id LIMIT $limit
  RETURN collect(properties(a)) AS items
}
RETURN total, items`
	claimFilter = `($dataset IS NULL OR c.dataset = $dataset)
  AND ($dateFrom IS NULL OR c.date >= $dateFrom)
  AND ($dateTo IS NULL OR c.date <= $dateTo OR c.date STARTS WITH $dateTo)
  AND ($actor IS NULL OR EXISTS { (:Actor {id: $actor})-[:ASSERTED]->(c) })
  AND ($source IS NULL OR EXISTS { (c)<-[:ASSERTED {source: $source}]-(:Actor) }
       OR EXISTS { (c)-[:EVIDENCED_BY]->(:Quote)-[:FROM|SAID_IN]->(:Source {id: $source}) })`
	// Pages walk the claim_sort index in order (sortKey is the date, a
	// space, and the id), so a page reads about as many claims as it
	// returns; unfiltered, the total comes from Neo4j's count store.
	claimsPage = `CALL () { MATCH (c:Claim) WHERE ` + claimFilter + ` RETURN count(c) AS total }
CALL () {
  MATCH (c:Claim) WHERE c.sortKey > $after AND ` + claimFilter + `
  WITH c ORDER BY c.sortKey LIMIT $limit
  RETURN collect(properties(c)) AS items
}
RETURN total, items`
	claimsPageAll = `CALL () { MATCH (c:Claim) RETURN count(c) AS total }
CALL () {
  MATCH (c:Claim) WHERE c.sortKey > $after
  WITH c ORDER BY c.sortKey LIMIT $limit
  RETURN collect(properties(c)) AS items
}
RETURN total, items`
	allSources = `MATCH (n:Source) OPTIONAL MATCH (n)-[:REPORTED_IN]->(r:Source)
RETURN n {.*, text: null} AS props, r.id AS reportedIn ORDER BY n.id`
)

// Actors returns a page of actors ordered by id; after is the id of the
// last actor of the previous page.
func (db *DB) Actors(ctx context.Context, f counterpoint.ActorFilter, first int, after string) (counterpoint.Page[counterpoint.Actor], error) {
	var page counterpoint.Page[counterpoint.Actor]
	if after != "" {
		var err error
		if after, err = decodeCursor("actor", after); err != nil {
			return page, err
		}
	}
	res, err := db.read(ctx, "actorsPage", actorsPage, map[string]any{"kind": nullable(string(f.Kind)), "after": nullable(after), "limit": first + 1})
	if err != nil {
		return page, err
	}
	rec := res.Records[0]
	total, _, _ := neo4j.GetRecordValue[int64](rec, "total")
	items, _, _ := neo4j.GetRecordValue[[]any](rec, "items")
	page.Total = int(total)
	for i, it := range items {
		if i == first {
			page.HasNext = true
			break
		}
		a := actorFrom(it.(map[string]any))
		page.Items = append(page.Items, a)
		page.Cursors = append(page.Cursors, ActorCursor(a))
	}
	return page, nil
}

// Cursors are opaque to clients: base64 of the sort key.

// ClaimSortKey orders claims by date, undated first, then id: a space sorts
// before the digits and the '-' of a date, and ids never hold one.
func ClaimSortKey(date, id string) string { return date + " " + id }

// ClaimCursor is the position of a claim in the date-then-id order.
func ClaimCursor(c counterpoint.Claim) string {
	return base64.RawURLEncoding.EncodeToString([]byte("claim|" + c.Date + "|" + c.ID))
}

// ActorCursor is the position of an actor in the id order.
func ActorCursor(a counterpoint.Actor) string {
	return base64.RawURLEncoding.EncodeToString([]byte("actor|" + a.ID))
}

// decodeCursor returns the sort key in a cursor of the given kind.
func decodeCursor(kind, cursor string) (string, error) {
	b, err := base64.RawURLEncoding.DecodeString(cursor)
	key, ok := strings.CutPrefix(string(b), kind+"|")
	if err != nil || !ok {
		return "", counterpoint.Errorf(counterpoint.EINVALID, "after: %q is not a cursor from the %ss connection", cursor, kind)
	}
	return key, nil
}

// Claims returns a page of claims ordered by date (undated first) then id;
// after is a ClaimCursor.
func (db *DB) Claims(ctx context.Context, f counterpoint.ClaimFilter, first int, after string) (counterpoint.Page[counterpoint.Claim], error) {
	var page counterpoint.Page[counterpoint.Claim]
	params := map[string]any{
		"dataset": nullable(f.Dataset), "dateFrom": nullable(f.DateFrom), "dateTo": nullable(f.DateTo),
		"actor": nullable(f.AssertedBy), "source": nullable(f.Source), "limit": first + 1,
		"after": "",
	}
	if after != "" {
		key, err := decodeCursor("claim", after)
		if err != nil {
			return page, err
		}
		date, id, _ := strings.Cut(key, "|")
		params["after"] = ClaimSortKey(date, id)
	}
	name, cypher := "claimsPage", claimsPage
	if f == (counterpoint.ClaimFilter{}) {
		name, cypher = "claimsPageAll", claimsPageAll
	}
	res, err := db.read(ctx, name, cypher, params)
	if err != nil {
		return page, err
	}
	rec := res.Records[0]
	total, _, _ := neo4j.GetRecordValue[int64](rec, "total")
	items, _, _ := neo4j.GetRecordValue[[]any](rec, "items")
	page.Total = int(total)
	for i, it := range items {
		if i == first {
			page.HasNext = true
			break
		}
		c := claimFrom(it.(map[string]any))
		page.Items = append(page.Items, c)
		page.Cursors = append(page.Cursors, ClaimCursor(c))
	}
	return page, nil
}

// Sources returns every source, ordered by id, without texts.
func (db *DB) Sources(ctx context.Context) ([]counterpoint.Source, error) {
	res, err := db.read(ctx, "allSources", allSources, nil)
	if err != nil {
		return nil, err
	}
	sources := make([]counterpoint.Source, len(res.Records))
	for i, rec := range res.Records {
		sources[i] = sourceFromRecord(rec)
	}
	return sources, nil
}

// Full-text search.
const search = `CALL db.index.fulltext.queryNodes($index, $query, {limit: $first}) YIELD node AS n, score` +
	nodeLinks + `RETURN ` + nodeColumns + `, score ORDER BY score DESC, n.id`

// luceneSpecial are the characters Lucene's query parser treats as syntax.
var luceneSpecial = strings.NewReplacer(
	`\`, `\\`, `+`, `\+`, `-`, `\-`, `&`, `\&`, `|`, `\|`, `!`, `\!`, `(`, `\(`, `)`, `\)`,
	`{`, `\{`, `}`, `\}`, `[`, `\[`, `]`, `\]`, `^`, `\^`, `"`, `\"`, `~`, `\~`, `*`, `\*`,
	`?`, `\?`, `:`, `\:`, `/`, `\/`,
)

// searchQuery turns user text into a Lucene query that matches its words:
// syntax characters are escaped and the operators AND, OR and NOT lowered,
// so no input can make the query fail to parse.
func searchQuery(text string) string {
	words := strings.Fields(luceneSpecial.Replace(text))
	for i, w := range words {
		switch w {
		case "AND", "OR", "NOT", "TO":
			words[i] = strings.ToLower(w)
		}
	}
	return strings.Join(words, " ")
}

// Search finds actors, claims and quotes by their words, best first.
func (db *DB) Search(ctx context.Context, text string, first int) ([]counterpoint.SearchHit, error) {
	q := searchQuery(text)
	if q == "" {
		return nil, counterpoint.Errorf(counterpoint.EINVALID, "search: text must contain a word")
	}
	res, err := db.read(ctx, "search", search, map[string]any{"index": FullTextIndex, "query": q, "first": first})
	if err != nil {
		return nil, err
	}
	hits := make([]counterpoint.SearchHit, 0, len(res.Records))
	for _, rec := range res.Records {
		score, _, _ := neo4j.GetRecordValue[float64](rec, "score")
		if n := nodeFromRecord(rec); n != nil {
			hits = append(hits, counterpoint.SearchHit{Score: score, Node: n})
		}
	}
	return hits, nil
}

// Who countered whom.
const (
	countersAll = `MATCH (c:Claim)-[r:REBUTS]->(t:Claim)
RETURN c.id AS counter, t.id AS target, r.note AS note ORDER BY counter, target LIMIT $first`
	// countersFiltered starts from the actor(s) named; members are actors
	// up to three MEMBER_OF steps below.
	countersByActor = `MATCH (root:Actor {id: $by})<-[:MEMBER_OF*0..3]-(b:Actor)
WHERE $members OR b = root
MATCH (b)-[:ASSERTED]->(c:Claim)-[r:REBUTS]->(t:Claim)
WHERE $against IS NULL OR EXISTS {
  MATCH (root2:Actor {id: $against})<-[:MEMBER_OF*0..3]-(x:Actor)-[:ASSERTED]->(t) WHERE $members OR x = root2 }
RETURN DISTINCT c.id AS counter, t.id AS target, r.note AS note ORDER BY counter, target LIMIT $first`
	countersAgainstActor = `MATCH (root:Actor {id: $against})<-[:MEMBER_OF*0..3]-(x:Actor)
WHERE $members OR x = root
MATCH (x)-[:ASSERTED]->(t:Claim)<-[r:REBUTS]-(c:Claim)
RETURN DISTINCT c.id AS counter, t.id AS target, r.note AS note ORDER BY counter, target LIMIT $first`
	counterSummary = `MATCH (b:Actor)-[:ASSERTED]->(c:Claim)-[:REBUTS]->(t:Claim)<-[:ASSERTED]-(x:Actor)
WHERE b <> x
WITH b.id AS by, x.id AS against, count(DISTINCT [c.id, t.id]) AS n
RETURN by, against, n ORDER BY n DESC, by, against`
)

// Counters returns claims that rebut others, filtered by who is on
// either side.
func (db *DB) Counters(ctx context.Context, f counterpoint.CounterFilter) ([]counterpoint.Counter, error) {
	cypher := countersAll
	switch {
	case f.By != "":
		cypher = countersByActor
	case f.Against != "":
		cypher = countersAgainstActor
	}
	res, err := db.read(ctx, "counters", cypher, map[string]any{"by": nullable(f.By), "against": nullable(f.Against), "members": f.IncludeMembers, "first": f.First})
	if err != nil {
		return nil, err
	}
	out := make([]counterpoint.Counter, len(res.Records))
	for i, rec := range res.Records {
		out[i] = counterFrom(rec)
	}
	return out, nil
}

// CounterSummary counts, for each pair of actors, how often the first
// countered the second.
func (db *DB) CounterSummary(ctx context.Context) ([]counterpoint.CounterSummary, error) {
	res, err := db.read(ctx, "counterSummary", counterSummary, nil)
	if err != nil {
		return nil, err
	}
	out := make([]counterpoint.CounterSummary, len(res.Records))
	for i, rec := range res.Records {
		n, _, _ := neo4j.GetRecordValue[int64](rec, "n")
		out[i] = counterpoint.CounterSummary{By: recordString(rec, "by"), Against: recordString(rec, "against"), Count: int(n)}
	}
	return out, nil
}

// Path queries. Cypher takes neither relationship types nor path lengths as
// parameters, so each combination from the closed sets (relation kinds,
// 1..MaxThreadDepth, 1..MaxChainHops, node types, 1..MaxHops) gets its own
// query text, built once here from constants and never from input.
var (
	threadQueries   = map[string]string{} // key: kinds type-expression + "/" + depth
	chainQueries    = map[string]string{} // key: directed + "/" + hops
	subgraphQueries = map[string]string{} // key: labels + "/" + hops
)

const threadTemplate = `MATCH (root:Claim {id: $id})
OPTIONAL MATCH (root)-[:%[1]s*1..%[2]d]-(c:Claim)
WITH root, collect(DISTINCT c) AS cs
WITH [root] + [x IN cs WHERE x <> root] AS claims
UNWIND claims AS a
OPTIONAL MATCH (a)-[r:%[1]s]->(b:Claim) WHERE b IN claims
WITH claims, collect(CASE WHEN r IS NULL THEN null ELSE {kind: type(r), from: a.id, to: b.id, note: r.note, source: r.source} END) AS rels
RETURN [x IN claims | properties(x)] AS claims, rels`

// chainTemplate finds the shortest chains and reads their claims; it
// always returns one row, which says whether both actors exist.
const chainTemplate = `OPTIONAL MATCH (a:Actor {id: $from})
OPTIONAL MATCH (b:Actor {id: $to})
CALL (a, b) {
  MATCH p = SHORTEST 20 (a)-[:ASSERTED]->(:Claim)(()-[r WHERE type(r) IN $kinds]-%[1]s()){1,%[2]d}(:Claim)<-[:ASSERTED]-(b)
  WITH p ORDER BY length(p) LIMIT $first
  RETURN collect({
    claims: [n IN nodes(p) WHERE n:Claim | properties(n)],
    rels: [r IN relationships(p) WHERE type(r) <> 'ASSERTED' | {kind: type(r), from: startNode(r).id, to: endNode(r).id, note: r.note, source: r.source}]
  }) AS chains
}
RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, chains`

// subgraphSeeded walks out from the seeds and stops after limit+1 distinct
// nodes, so its work follows the limit, not the size of the neighbourhood.
const subgraphSeeded = `MATCH (s:Entity) WHERE s.id IN $ids AND any(l IN labels(s) WHERE l IN $labels)
WITH collect(s) AS seeds
CALL (seeds) {
  UNWIND seeds AS s
  MATCH (s)-[:%[1]s*1..%[2]d]-(n:Entity)
  WHERE NOT n IN seeds AND any(l IN labels(n) WHERE l IN $labels)
  WITH DISTINCT n LIMIT $limit + 1
  RETURN collect(n) AS reached
}
WITH seeds + reached AS ns
UNWIND ns[0..$limit] AS n` + nodeLinks + `
OPTIONAL MATCH (n)-[r:%[1]s]->(m:Entity)
RETURN ` + nodeColumns + `, collect([type(r), m.id]) AS out, size(ns) > $limit AS truncated`

const subgraphAll = `MATCH (n:Entity) WHERE any(l IN labels(n) WHERE l IN $labels)
WITH n ORDER BY CASE WHEN n:Actor THEN 0 WHEN n:Claim THEN 1 WHEN n:Source THEN 2 ELSE 3 END, n.id LIMIT $limit + 1
WITH collect(n) AS ns
UNWIND ns[0..$limit] AS n` + nodeLinks + `
OPTIONAL MATCH (n)-[r:%[1]s]->(m:Entity)
RETURN ` + nodeColumns + `, collect([type(r), m.id]) AS out, size(ns) > $limit AS truncated`

// edgeTypes lists which relationship types join which node types.
var edgeTypes = []struct {
	typ      string
	from, to counterpoint.NodeType
}{
	{"ASSERTED", counterpoint.NodeActor, counterpoint.NodeClaim},
	{"REBUTS", counterpoint.NodeClaim, counterpoint.NodeClaim},
	{"SUPPORTS", counterpoint.NodeClaim, counterpoint.NodeClaim},
	{"QUALIFIES", counterpoint.NodeClaim, counterpoint.NodeClaim},
	{"ABOUT", counterpoint.NodeClaim, counterpoint.NodeActor},
	{"MEMBER_OF", counterpoint.NodeActor, counterpoint.NodeActor},
	{"EVIDENCED_BY", counterpoint.NodeClaim, counterpoint.NodeQuote},
	{"FROM", counterpoint.NodeQuote, counterpoint.NodeSource},
	{"SAID_IN", counterpoint.NodeQuote, counterpoint.NodeSource},
	{"AUTHORED_BY", counterpoint.NodeSource, counterpoint.NodeActor},
	{"REPORTED_IN", counterpoint.NodeSource, counterpoint.NodeSource},
}

var allNodeTypes = []counterpoint.NodeType{counterpoint.NodeActor, counterpoint.NodeClaim, counterpoint.NodeQuote, counterpoint.NodeSource}

// kindsKey is the Cypher type expression for a set of relation kinds, in
// the closed set's order.
func kindsKey(kinds []counterpoint.RelationKind) string {
	var parts []string
	for _, k := range counterpoint.RelationKinds {
		if len(kinds) == 0 || slices.Contains(kinds, k) {
			parts = append(parts, string(k))
		}
	}
	return strings.Join(parts, "|")
}

func typesKey(types []counterpoint.NodeType) []string {
	var labels []string
	for _, t := range allNodeTypes {
		if len(types) == 0 || slices.Contains(types, t) {
			labels = append(labels, string(t))
		}
	}
	return labels
}

func edgeTypesFor(labels []string) string {
	var types []string
	for _, e := range edgeTypes {
		if slices.Contains(labels, string(e.from)) && slices.Contains(labels, string(e.to)) {
			types = append(types, e.typ)
		}
	}
	return strings.Join(types, "|")
}

func init() {
	// Every non-empty subset of a closed set, by bit mask.
	for mask := 1; mask < 1<<len(counterpoint.RelationKinds); mask++ {
		var kinds []counterpoint.RelationKind
		for i, k := range counterpoint.RelationKinds {
			if mask&(1<<i) != 0 {
				kinds = append(kinds, k)
			}
		}
		key := kindsKey(kinds)
		for d := 1; d <= counterpoint.MaxThreadDepth; d++ {
			threadQueries[fmt.Sprintf("%s/%d", key, d)] = fmt.Sprintf(threadTemplate, key, d)
		}
	}
	for h := 1; h <= counterpoint.MaxChainHops; h++ {
		chainQueries[fmt.Sprintf("true/%d", h)] = fmt.Sprintf(chainTemplate, ">", h)
		chainQueries[fmt.Sprintf("false/%d", h)] = fmt.Sprintf(chainTemplate, "", h)
	}
	for mask := 1; mask < 1<<len(allNodeTypes); mask++ {
		var types []counterpoint.NodeType
		for i, t := range allNodeTypes {
			if mask&(1<<i) != 0 {
				types = append(types, t)
			}
		}
		labels := typesKey(types)
		rels := edgeTypesFor(labels)
		if rels == "" {
			rels = "NONE" // a type that never exists: single node types have no edges
		}
		key := strings.Join(labels, "|")
		subgraphQueries[key+"/0"] = fmt.Sprintf(subgraphAll, rels)
		for h := 1; h <= counterpoint.MaxHops; h++ {
			subgraphQueries[fmt.Sprintf("%s/%d", key, h)] = fmt.Sprintf(subgraphSeeded, rels, h)
		}
	}
}

// Thread returns the claims within depth relation steps of a claim (either
// direction) and the relations among them; NOT_FOUND when there is no such
// claim.
func (db *DB) Thread(ctx context.Context, id string, depth int, kinds []counterpoint.RelationKind) (counterpoint.Thread, error) {
	th := counterpoint.Thread{Root: id}
	cypher, ok := threadQueries[fmt.Sprintf("%s/%d", kindsKey(kinds), depth)]
	if !ok {
		return th, counterpoint.Errorf(counterpoint.EINVALID, "thread: depth must be 1 to %d and kinds from %v", counterpoint.MaxThreadDepth, counterpoint.RelationKinds)
	}
	res, err := db.read(ctx, "thread", cypher, map[string]any{"id": id})
	if err != nil {
		return th, err
	}
	if len(res.Records) == 0 {
		return th, counterpoint.Errorf(counterpoint.ENOTFOUND, "no claim has id %q", id)
	}
	rec := res.Records[0]
	claims, _, _ := neo4j.GetRecordValue[[]any](rec, "claims")
	for _, c := range claims {
		th.Claims = append(th.Claims, claimFrom(c.(map[string]any)))
	}
	sort.SliceStable(th.Claims[min(1, len(th.Claims)):], func(i, j int) bool {
		return th.Claims[1+i].ID < th.Claims[1+j].ID
	})
	rels, _, _ := neo4j.GetRecordValue[[]any](rec, "rels")
	th.Relations = relationsFromMaps(rels)
	return th, nil
}

func relationsFromMaps(list []any) []counterpoint.Relation {
	rels := make([]counterpoint.Relation, 0, len(list))
	for _, r := range list {
		rels = append(rels, relationFromMap(r.(map[string]any)))
	}
	sort.Slice(rels, func(i, j int) bool { return rels[i].Key() < rels[j].Key() })
	return rels
}

// Chains returns the shortest chains of claim relations from a claim
// asserted by q.From to a claim asserted by q.To, with the chains' claims;
// NOT_FOUND when either actor does not exist.
func (db *DB) Chains(ctx context.Context, q counterpoint.ChainQuery) ([]counterpoint.Chain, []counterpoint.Claim, error) {
	cypher, ok := chainQueries[fmt.Sprintf("%t/%d", q.Directed, q.MaxHops)]
	if !ok {
		return nil, nil, counterpoint.Errorf(counterpoint.EINVALID, "chains: maxHops must be 1 to %d", counterpoint.MaxChainHops)
	}
	kinds := make([]string, 0, len(q.Kinds))
	for _, k := range q.Kinds {
		kinds = append(kinds, string(k))
	}
	res, err := db.read(ctx, "chains", cypher, map[string]any{"from": q.From, "to": q.To, "kinds": kinds, "first": q.First})
	if err != nil {
		return nil, nil, err
	}
	rec := res.Records[0]
	for _, end := range []struct{ column, arg, id string }{{"fromFound", "from", q.From}, {"toFound", "to", q.To}} {
		if found, _, _ := neo4j.GetRecordValue[bool](rec, end.column); !found {
			return nil, nil, counterpoint.Errorf(counterpoint.ENOTFOUND, "%s: no actor has id %q", end.arg, end.id)
		}
	}
	items := recordList(rec, "chains")
	chains := make([]counterpoint.Chain, 0, len(items))
	var claims []counterpoint.Claim
	for _, item := range items {
		m, _ := item.(map[string]any)
		var ch counterpoint.Chain
		for _, c := range listOf(m, "claims") {
			claim := claimFrom(c.(map[string]any))
			claims = append(claims, claim)
			ch.Claims = append(ch.Claims, claim.ID)
		}
		for _, r := range listOf(m, "rels") {
			ch.Relations = append(ch.Relations, relationFromMap(r.(map[string]any)))
		}
		chains = append(chains, ch)
	}
	return chains, claims, nil
}

// Subgraph returns the nodes within q.Hops of q.IDs (or all nodes when
// there are no ids), walking and returning only q.Types, up to q.Limit
// nodes, with the relationships among them.
func (db *DB) Subgraph(ctx context.Context, q counterpoint.SubgraphQuery) (counterpoint.Subgraph, error) {
	var sg counterpoint.Subgraph
	labels := typesKey(q.Types)
	hops := q.Hops
	if len(q.IDs) == 0 {
		hops = 0
	}
	cypher, ok := subgraphQueries[fmt.Sprintf("%s/%d", strings.Join(labels, "|"), hops)]
	if !ok {
		return sg, counterpoint.Errorf(counterpoint.EINVALID, "subgraph: hops must be 1 to %d", counterpoint.MaxHops)
	}
	res, err := db.read(ctx, "subgraph", cypher, map[string]any{"ids": q.IDs, "labels": labels, "limit": q.Limit})
	if err != nil {
		return sg, err
	}
	in := make(map[string]bool, len(res.Records))
	type out struct{ from, typ, to string }
	var candidates []out
	for _, rec := range res.Records {
		n := nodeFromRecord(rec)
		if n == nil {
			continue
		}
		if s, ok := n.(*counterpoint.Source); ok {
			s.Text = "" // texts are large; ask Source.text for one
		}
		sg.Nodes = append(sg.Nodes, n)
		in[n.NodeID()] = true
		if t, _, _ := neo4j.GetRecordValue[bool](rec, "truncated"); t {
			sg.Truncated = true
		}
		edges, _, _ := neo4j.GetRecordValue[[]any](rec, "out")
		for _, e := range edges {
			pair := e.([]any)
			if pair[0] == nil || pair[1] == nil {
				continue
			}
			candidates = append(candidates, out{n.NodeID(), pair[0].(string), pair[1].(string)})
		}
	}
	// Seeds first, in the order given, then actors, claims, sources and
	// quotes, each by id, so that the same graph gives the same answer.
	seed := make(map[string]int, len(q.IDs))
	for i, id := range q.IDs {
		if _, dup := seed[id]; !dup {
			seed[id] = i
		}
	}
	rank := func(n counterpoint.Node) (int, int, string) {
		s, ok := seed[n.NodeID()]
		if !ok {
			s = len(q.IDs)
		}
		t := 3
		switch n.(type) {
		case *counterpoint.Actor:
			t = 0
		case *counterpoint.Claim:
			t = 1
		case *counterpoint.Source:
			t = 2
		}
		return s, t, n.NodeID()
	}
	sort.SliceStable(sg.Nodes, func(i, j int) bool {
		si, ti, ii := rank(sg.Nodes[i])
		sj, tj, ij := rank(sg.Nodes[j])
		if si != sj {
			return si < sj
		}
		if ti != tj {
			return ti < tj
		}
		return ii < ij
	})
	for _, c := range candidates {
		if in[c.to] {
			sg.Edges = append(sg.Edges, counterpoint.Edge{Type: c.typ, From: c.from, To: c.to})
		}
	}
	sort.Slice(sg.Edges, func(i, j int) bool {
		a, b := sg.Edges[i], sg.Edges[j]
		return a.From+"|"+a.Type+"|"+a.To < b.From+"|"+b.Type+"|"+b.To
	})
	return sg, nil
}

// Decoding helpers: properties come back as map[string]any.

func recordMap(rec *neo4j.Record, key string) map[string]any {
	m, _, _ := neo4j.GetRecordValue[map[string]any](rec, key)
	return m
}

func recordString(rec *neo4j.Record, key string) string {
	v, _ := rec.Get(key)
	s, _ := v.(string)
	return s
}

func str(m map[string]any, key string) string {
	s, _ := m[key].(string)
	return s
}

func integer(m map[string]any, key string) int {
	n, _ := m[key].(int64)
	return int(n)
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func actorFrom(m map[string]any) counterpoint.Actor {
	return counterpoint.Actor{ID: str(m, "id"), Name: str(m, "name"), Kind: counterpoint.ActorKind(str(m, "kind")), Role: str(m, "role"), Description: str(m, "description")}
}

func claimFrom(m map[string]any) counterpoint.Claim {
	return counterpoint.Claim{ID: str(m, "id"), Text: str(m, "text"), Date: str(m, "date"), Dataset: str(m, "dataset")}
}

func sourceFrom(m map[string]any) counterpoint.Source {
	return counterpoint.Source{ID: str(m, "id"), Title: str(m, "title"), Kind: counterpoint.SourceKind(str(m, "kind")), Date: str(m, "date"), Publisher: str(m, "publisher"), Text: str(m, "text")}
}

func quoteFrom(m map[string]any) counterpoint.Quote {
	return counterpoint.Quote{ID: str(m, "id"), Text: str(m, "text"), Start: integer(m, "start"), End: integer(m, "end")}
}

// nodeFromRecord builds a node from the columns of nodeColumns.
func nodeFromRecord(rec *neo4j.Record) counterpoint.Node {
	labels, _, _ := neo4j.GetRecordValue[[]any](rec, "labels")
	n := nodeFrom(labels, recordMap(rec, "props"))
	switch v := n.(type) {
	case *counterpoint.Source:
		v.ReportedIn = recordString(rec, "reportedIn")
	case *counterpoint.Quote:
		v.Claim, v.Source, v.Document = recordString(rec, "quoteClaim"), recordString(rec, "quoteSource"), recordString(rec, "quoteDocument")
	}
	return n
}

// nodeFrom builds the domain node for a row's labels and properties.
func nodeFrom(labels []any, props map[string]any) counterpoint.Node {
	for _, l := range labels {
		switch l {
		case "Actor":
			a := actorFrom(props)
			return &a
		case "Claim":
			c := claimFrom(props)
			return &c
		case "Quote":
			q := quoteFrom(props)
			return &q
		case "Source":
			s := sourceFrom(props)
			return &s
		}
	}
	return nil
}
