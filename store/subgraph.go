package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/counterpoint-news/counterpoint"
)

// subgraphSeeded walks out from the seeds and stops after limit+1 distinct
// nodes, so its work follows the limit, not the size of the neighbourhood.
// %[1]s is the relationship types among the node types asked for and
// %[2]d the hops: Cypher takes neither as a parameter, so each combination
// gets its own query text. It takes no scope ($datasets is null): the walk
// binds no path, so that Neo4j plans its pruning expand, which visits each
// node once (VarLengthExpand(Pruning,BFS)); with a bound path it expands
// every path (VarLengthExpand(All)): for one of the bench's actors at 1M
// elements, 2,580 db hits against 649.
var subgraphSeeded = `MATCH (s:Entity) WHERE s.id IN $ids AND any(l IN labels(s) WHERE l IN $labels)
WITH collect(s) AS seeds
CALL (seeds) {
  UNWIND seeds AS s
  MATCH (s)-[:%[1]s*1..%[2]d]-(n:Entity)
  WHERE NOT n IN seeds AND any(l IN labels(n) WHERE l IN $labels)
  WITH DISTINCT n LIMIT $limit + 1
  RETURN collect(n) AS reached
}
WITH seeds + reached AS ns` + subgraphNodes

// subgraphSeededScoped is subgraphSeeded within some datasets: every node
// of the path to a node, not only the node, must be in $datasets, so the
// walk binds its path.
var subgraphSeededScoped = `MATCH (s:Entity) WHERE s.id IN $ids AND any(l IN labels(s) WHERE l IN $labels)
WITH collect(s) AS seeds
CALL (seeds) {
  UNWIND seeds AS s
  MATCH p = (s)-[:%[1]s*1..%[2]d]-(n:Entity)
  WHERE NOT n IN seeds AND any(l IN labels(n) WHERE l IN $labels)
    AND all(x IN nodes(p)[1..] WHERE ` + inScope("x") + `)
  WITH DISTINCT n LIMIT $limit + 1
  RETURN collect(n) AS reached
}
WITH seeds + reached AS ns` + subgraphNodes

// subgraphNodes returns the first $limit nodes of ns, each with its
// outgoing relationships (of the types %[1]s) to the others returned: a
// node's relationships to nodes left out are not read, nor their
// properties (a hub's run to the tens of thousands at 1M elements), and
// the rows are aggregated per node before its columns are read.
const subgraphNodes = `
WITH ns, ns[0..$limit] AS kept
UNWIND kept AS n
CALL (n, kept) {
  OPTIONAL MATCH (n)-[r:%[1]s]->(m:Entity) WHERE m IN kept AND ($datasets IS NULL OR r.dataset IS NULL OR r.dataset IN $datasets)
  RETURN collect([type(r), m.id, coalesce(r.inferred, false)]) AS out
}` + nodeLinks + `RETURN ` + nodeColumns + `, out, size(ns) > $limit AS truncated`

// subgraphAll reads the whole graph, up to the limit.
var subgraphAll = `MATCH (n:Entity) WHERE any(l IN labels(n) WHERE l IN $labels) AND ` + inScope("n") + `
WITH n ORDER BY CASE WHEN n:Actor THEN 0 WHEN n:Claim THEN 1 WHEN n:Source THEN 2 ELSE 3 END, n.id LIMIT $limit + 1
WITH collect(n) AS ns` + subgraphNodes

// subgraphScoped reads the nodes of some datasets, up to the limit: their
// claims (through the claim_dataset index) and the quotes, actors (with
// their groups) and sources those name, as inScope counts them, so that its
// work follows the datasets' size, not the graph's.
var subgraphScoped = `MATCH (c:Claim) USING INDEX c:Claim(dataset) WHERE c.dataset IN $datasets
WITH collect(c) AS claims
CALL (claims) {
  UNWIND claims AS c RETURN c AS n
  UNION
  UNWIND claims AS c MATCH (c)-[:EVIDENCED_BY]->(n:Quote) RETURN n
  UNION
  UNWIND claims AS c MATCH (c)<-[:ASSERTED]-(:Actor)-[:MEMBER_OF*0..3]->(n:Actor) RETURN n
  UNION
  UNWIND claims AS c MATCH (c)-[:ABOUT]->(n:Actor) RETURN n
  UNION
  UNWIND claims AS c MATCH (c)-[:EVIDENCED_BY]->(:Quote)-[:FROM|SAID_IN]->(n:Source) RETURN n
  UNION
  UNWIND claims AS c MATCH (c)<-[a:ASSERTED]-() MATCH (n:Source {id: a.source}) RETURN n
}
WITH n WHERE any(l IN labels(n) WHERE l IN $labels)
WITH n ORDER BY CASE WHEN n:Actor THEN 0 WHEN n:Claim THEN 1 WHEN n:Source THEN 2 ELSE 3 END, n.id LIMIT $limit + 1
WITH collect(n) AS ns` + subgraphNodes

// allNodeTypes are the node types in the order of a subgraph's $labels.
var allNodeTypes = []counterpoint.NodeType{counterpoint.NodeActor, counterpoint.NodeClaim, counterpoint.NodeQuote, counterpoint.NodeSource}

// subgraphQueries holds the subgraph query of every non-empty set of node
// types and every hops (0: the whole graph; -1: the whole of some
// datasets), by subgraphKey; a seeded walk within some datasets has
// "/scoped" after its key.
var subgraphQueries = func() map[string]string {
	m := map[string]string{}
	// Every non-empty subset of the closed set, by bit mask.
	for mask := 1; mask < 1<<len(allNodeTypes); mask++ {
		var types []counterpoint.NodeType
		for i, t := range allNodeTypes {
			if mask&(1<<i) != 0 {
				types = append(types, t)
			}
		}
		labels := typesKey(types)
		rels := relTypesAmong(labels)
		if rels == "" {
			rels = "NONE" // a type that never exists: single node types have no edges
		}
		m[subgraphKey(labels, 0)] = fmt.Sprintf(subgraphAll, rels)
		m[subgraphKey(labels, -1)] = fmt.Sprintf(subgraphScoped, rels)
		for h := 1; h <= counterpoint.MaxHops; h++ {
			m[subgraphKey(labels, h)] = fmt.Sprintf(subgraphSeeded, rels, h)
			m[subgraphKey(labels, h)+"/scoped"] = fmt.Sprintf(subgraphSeededScoped, rels, h)
		}
	}
	return m
}()

func subgraphKey(labels []string, hops int) string {
	return fmt.Sprintf("%s/%d", strings.Join(labels, "|"), hops)
}

// typesKey returns the labels of a set of node types (all when empty), in
// allNodeTypes' order.
func typesKey(types []counterpoint.NodeType) []string {
	var labels []string
	for _, t := range allNodeTypes {
		if len(types) == 0 || slices.Contains(types, t) {
			labels = append(labels, string(t))
		}
	}
	return labels
}

// relTypesAmong is the Cypher type expression of the relationship types
// whose both ends have one of labels.
func relTypesAmong(labels []string) string {
	var types []string
	for _, t := range relTypes {
		if slices.Contains(labels, string(t.from)) && slices.Contains(labels, string(t.to)) {
			types = append(types, t.name)
		}
	}
	return strings.Join(types, "|")
}

// Subgraph returns the nodes within q.Hops of q.IDs (or all nodes when
// there are no ids), walking and returning only q.Types, up to q.Limit
// nodes, with the relationships among them.
func (db *DB) Subgraph(ctx context.Context, q counterpoint.SubgraphQuery) (counterpoint.Subgraph, error) {
	var sg counterpoint.Subgraph
	labels := typesKey(q.Types)
	hops, name := q.Hops, "subgraphSeeded"
	switch {
	case len(q.IDs) == 0 && len(q.Datasets) > 0:
		hops, name = -1, "subgraphScoped"
	case len(q.IDs) == 0:
		hops, name = 0, "subgraphAll"
	}
	key := subgraphKey(labels, hops)
	if hops > 0 && len(q.Datasets) > 0 {
		key += "/scoped"
	}
	cypher, ok := subgraphQueries[key]
	if !ok {
		return sg, counterpoint.Errorf(counterpoint.EINVALID, "subgraph: hops must be 1 to %d", counterpoint.MaxHops)
	}
	res, err := db.read(ctx, name, cypher, map[string]any{"ids": q.IDs, "labels": labels, "limit": q.Limit, "datasets": scopeParam(q.Datasets)})
	if err != nil {
		return sg, err
	}
	in := make(map[string]bool, len(res.Records))
	var candidates []counterpoint.Edge
	for _, rec := range res.Records {
		f := recordFields(rec)
		n := decodeNodeRecord(f)
		truncated, out := f.boolean("truncated"), f.list("out")
		if f.err != nil {
			return sg, f.err
		}
		if n == nil {
			continue
		}
		if s, ok := n.(*counterpoint.Source); ok {
			s.Text = "" // texts are large; ask Source.text for one
		}
		sg.Nodes = append(sg.Nodes, n)
		in[n.NodeID()] = true
		sg.Truncated = sg.Truncated || truncated
		for _, e := range out {
			edge, ok, err := decodeOutEdge(n.NodeID(), e)
			if err != nil {
				return sg, err
			}
			if ok {
				candidates = append(candidates, edge)
			}
		}
	}
	sortSubgraphNodes(sg.Nodes, q.IDs)
	for _, c := range candidates {
		if in[c.To] {
			sg.Edges = append(sg.Edges, c)
		}
	}
	// By "from|type|to", so that the same graph gives the same answer.
	sortByKey(sg.Edges, func(e counterpoint.Edge) string { return e.From + "|" + e.Type + "|" + e.To })
	return sg, nil
}

// sortByKey orders xs by the string key gives each, making each key once
// rather than twice in every comparison: a subgraph has thousands of edges,
// and a key made in the comparison allocated 2.2 ms of garbage for 1,500.
func sortByKey[T any](xs []T, key func(T) string) {
	type keyed struct {
		key string
		x   T
	}
	ks := make([]keyed, len(xs))
	for i, x := range xs {
		ks[i] = keyed{key(x), x}
	}
	slices.SortFunc(ks, func(a, b keyed) int { return strings.Compare(a.key, b.key) })
	for i, k := range ks {
		xs[i] = k.x
	}
}

// decodeOutEdge reads one [type, id, inferred] triple of a subgraph row's
// out column; ok is false for the [null, null, false] of a node without
// outgoing edges.
func decodeOutEdge(from string, v any) (e counterpoint.Edge, ok bool, err error) {
	triple, isList := v.([]any)
	if !isList || len(triple) != 3 {
		return e, false, fmt.Errorf("decode subgraph edge: got %v, want [type, id, inferred]", v)
	}
	if triple[0] == nil || triple[1] == nil {
		return e, false, nil
	}
	typ, typeOK := triple[0].(string)
	to, toOK := triple[1].(string)
	inferred, inferredOK := triple[2].(bool)
	if !typeOK || !toOK || !inferredOK {
		return e, false, fmt.Errorf("decode subgraph edge: got %v, want [type, id, inferred]", v)
	}
	return counterpoint.Edge{Type: typ, From: from, To: to, Inferred: inferred}, true, nil
}

// sortSubgraphNodes puts the seeds first, in the order given, then actors,
// claims, sources and quotes, each by id, so that the same graph gives the
// same answer.
func sortSubgraphNodes(nodes []counterpoint.Node, seeds []string) {
	seed := make(map[string]int, len(seeds))
	for i, id := range seeds {
		if _, dup := seed[id]; !dup {
			seed[id] = i
		}
	}
	typeRank := func(n counterpoint.Node) int {
		switch n.(type) {
		case *counterpoint.Actor:
			return 0
		case *counterpoint.Claim:
			return 1
		case *counterpoint.Source:
			return 2
		}
		return 3
	}
	// The ranks are read once per node, not once per comparison.
	type ranked struct {
		seed, typ int
		id        string
		node      counterpoint.Node
	}
	rs := make([]ranked, len(nodes))
	for i, n := range nodes {
		r := ranked{seed: len(seeds), typ: typeRank(n), id: n.NodeID(), node: n}
		if s, ok := seed[r.id]; ok {
			r.seed = s
		}
		rs[i] = r
	}
	slices.SortStableFunc(rs, func(a, b ranked) int {
		return cmp.Or(cmp.Compare(a.seed, b.seed), cmp.Compare(a.typ, b.typ), strings.Compare(a.id, b.id))
	})
	for i, r := range rs {
		nodes[i] = r.node
	}
}
