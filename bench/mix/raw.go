package mix

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync/atomic"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/store"
)

// Raw is the limit: the store's own Cypher texts (store.Queries and the
// path-query builders) sent through the Go driver the store's own way, one
// store.RunRead per statement, as the store sends them for the mix's
// selections (the read-ahead statements for claims and actors, the claims
// page with its claims' read-ahead in one). What it leaves out is exactly
// HTTP, GraphQL and the loaders.
type Raw struct {
	driver   neo4j.DriverWithContext
	database string
	q        map[string]string
	trips    atomic.Int64
}

// OpenRaw connects to Neo4j and checks that it answers.
func OpenRaw(ctx context.Context, uri, user, password, database string) (*Raw, error) {
	auth := neo4j.NoAuth()
	if user != "" {
		auth = neo4j.BasicAuth(user, password, "")
	}
	d, err := neo4j.NewDriverWithContext(uri, auth)
	if err != nil {
		return nil, err
	}
	if err := d.VerifyConnectivity(ctx); err != nil {
		d.Close(ctx)
		return nil, fmt.Errorf("neo4j at %s: %w", uri, err)
	}
	return &Raw{driver: d, database: database, q: store.Queries()}, nil
}

// Driver returns the driver, for the raw loading baseline.
func (r *Raw) Driver() neo4j.DriverWithContext { return r.driver }

// Database returns the database name ("" for the default).
func (r *Raw) Database() string { return r.database }

// Close closes the driver.
func (r *Raw) Close(ctx context.Context) error { return r.driver.Close(ctx) }

// RoundTrips counts the statements sent.
func (r *Raw) RoundTrips() int64 { return r.trips.Load() }

func (r *Raw) read(ctx context.Context, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	r.trips.Add(1)
	if _, ok := params["datasets"]; !ok && params != nil {
		params["datasets"] = nil // the store's reads take a scope; null is the whole graph, as the mix asks
	}
	res, err := store.RunRead(ctx, r.driver, r.database, cypher, params)
	if err != nil {
		return nil, err
	}
	return res.Records, nil
}

// named runs one of the store's fixed queries.
func (r *Raw) named(ctx context.Context, name string, params map[string]any) ([]*neo4j.Record, error) {
	cypher, ok := r.q[name]
	if !ok {
		return nil, fmt.Errorf("the store has no query %q", name)
	}
	return r.read(ctx, cypher, params)
}

func get(rec *neo4j.Record, key string) any {
	v, _ := rec.Get(key)
	return v
}

func getMap(rec *neo4j.Record, key string) map[string]any {
	m, _ := get(rec, key).(map[string]any)
	return m
}

func uniq(in []string) []string {
	seen := make(map[string]bool, len(in))
	out := make([]string, 0, len(in))
	for _, s := range in {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// assertedBy returns the distinct actor ids of a read-ahead's assertion
// list, sorted.
func assertedBy(assertions any) []string {
	var ids []string
	for _, a := range list(assertions) {
		ids = append(ids, str(obj(obj(a)["actor"])["id"]))
	}
	ids = uniq(ids)
	sort.Strings(ids)
	return ids
}

// assertions reads the read-ahead's assertion items: who, with which stance.
func assertions(items any) []counterpoint.Assertion {
	var out []counterpoint.Assertion
	for _, a := range list(items) {
		out = append(out, counterpoint.Assertion{Actor: str(obj(obj(a)["actor"])["id"]), Stance: counterpoint.Stance(str(obj(a)["stance"]))})
	}
	return out
}

func rawActorCounters(ctx context.Context, r *Raw, p Params) ([]string, error) {
	id := p["id"].(string)
	recs, err := r.named(ctx, "actorDetail", map[string]any{"ids": []string{id}, "countered": true, "counteredBy": false, "counterAssertions": true})
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	out := []string{"actor|" + id + "|" + str(getMap(recs[0], "props")["name"])}
	for _, c := range list(get(recs[0], "countered")) {
		c := obj(c)
		_, against := counterpoint.CounterSides(assertions(c["counterAssertions"]), assertions(c["targetAssertions"]))
		out = append(out, counterLine(str(obj(c["counter"])["id"]), str(obj(c["target"])["id"]), against))
	}
	return lines(out), nil
}

// claimDetailParams asks the read-ahead for the mix's claim selection:
// quotes, assertedBy and rebuttedBy { assertedBy }, with the statement
// that reads the incoming REBUTS only ("claimDetailRebuttedBy"), as the
// store chooses for that selection.
func claimDetailParams(ids []string) map[string]any {
	return map[string]any{"ids": ids, "quotes": true, "assertions": true, "relations": true, "relatedQuotes": false, "relatedAssertions": true}
}

// claimsWithSelection reads the claim selection of the given claims with
// the store's read-ahead statement, as Counterpoint does.
func (r *Raw) claimsWithSelection(ctx context.Context, ids []string) ([]string, error) {
	recs, err := r.named(ctx, "claimDetailRebuttedBy", claimDetailParams(ids))
	if err != nil {
		return nil, err
	}
	var out []string
	for _, rec := range recs {
		out = append(out, readAheadLines(func(key string) any { return get(rec, key) })...)
	}
	return out, nil
}

// readAheadLines reads one claim of the read-ahead, a record's columns or
// a page item's keys (props, quotes, assertions, relations), as the lines
// of the claim selection.
func readAheadLines(get func(key string) any) []string {
	c := obj(get("props"))
	id := str(c["id"])
	out := []string{"claim|" + id + "|" + str(c["date"]) + "|" + str(c["text"])}
	for _, q := range list(get("quotes")) {
		q := obj(q)
		out = append(out, fmt.Sprintf("quote|%s|%s|%s|%s|%s", id, str(q["id"]), str(q["start"]), str(q["end"]), str(q["text"])))
	}
	out = append(out, "assertedBy|"+id+"|"+strings.Join(assertedBy(get("assertions")), ","))
	for _, rel := range list(get("relations")) {
		rel := obj(rel)
		if str(rel["kind"]) != string(counterpoint.Rebuts) || str(rel["to"]) != id {
			continue
		}
		o := obj(rel["claim"])
		out = append(out, "rebuttedBy|"+id+"|"+str(o["id"])+"|"+str(o["text"])+"|"+strings.Join(assertedBy(rel["assertions"]), ","))
	}
	return out
}

func rawClaim(ctx context.Context, r *Raw, p Params) ([]string, error) {
	out, err := r.claimsWithSelection(ctx, []string{p["id"].(string)})
	if len(out) == 0 {
		return nil, err
	}
	return lines(out), err
}

func rawClaimsPage(ctx context.Context, r *Raw, p Params) ([]string, error) {
	n := p["first"].(int)
	// The unfiltered first page with the read-ahead of its claims, in one
	// statement, as the store runs it ("claimsPageAllRebuttedBy").
	params := claimDetailParams(nil)
	delete(params, "ids")
	params["limit"], params["after"] = n+1, ""
	recs, err := r.named(ctx, "claimsPageAllRebuttedBy", params)
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	items, _ := get(recs[0], "items").([]any)
	if len(items) > n {
		items = items[:n]
	}
	var order []string
	var out []string
	for i, it := range items {
		it := obj(it)
		out = append(out, fmt.Sprintf("order|%03d|%s", i, str(obj(it["props"])["id"])))
		order = append(order, readAheadLines(func(key string) any { return it[key] })...)
	}
	return lines(append(out, order...)), nil
}

// nodeType is the API type of a node from its labels.
func nodeType(labels any) string {
	for _, l := range list(labels) {
		switch l {
		case "Actor", "Claim", "Quote", "Source":
			return l.(string)
		}
	}
	return ""
}

func rawSearch(ctx context.Context, r *Raw, p Params) ([]string, error) {
	recs, err := r.named(ctx, "search", map[string]any{"index": store.FullTextIndex, "query": store.SearchText(p["text"].(string)), "first": SearchFirst})
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(recs))
	for i, rec := range recs {
		out = append(out, fmt.Sprintf("hit|%03d|%s|%s", i, nodeType(get(rec, "labels")), str(getMap(rec, "props")["id"])))
	}
	return lines(out), nil
}

func rawThread(ctx context.Context, r *Raw, p Params) ([]string, error) {
	cypher, _ := store.ThreadCypher(nil, ThreadDepth)
	recs, err := r.read(ctx, cypher, map[string]any{"id": p["id"]})
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	var out []string
	for _, c := range list(get(recs[0], "claims")) {
		out = append(out, "claim|"+str(obj(c)["id"])+"|"+str(obj(c)["text"]))
	}
	for _, rel := range list(get(recs[0], "rels")) {
		m := obj(rel)
		out = append(out, relLine(str(m["kind"]), str(m["from"]), str(m["to"])))
	}
	return lines(out), nil
}

func rawChains(ctx context.Context, r *Raw, p Params) ([]string, error) {
	cypher, _ := store.ChainCypher(true, 4)
	recs, err := r.read(ctx, cypher, map[string]any{"from": p["from"], "to": p["to"], "kinds": []string{string(counterpoint.Rebuts)}, "first": p["first"]})
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	if get(recs[0], "fromFound") != true || get(recs[0], "toFound") != true {
		return nil, fmt.Errorf("chains: actors %q and %q not both found", p["from"], p["to"])
	}
	var out []string
	for _, ch := range list(get(recs[0], "chains")) {
		for _, c := range list(obj(ch)["claims"]) {
			out = append(out, "claim|"+str(obj(c)["id"])+"|"+str(obj(c)["text"]))
		}
	}
	return lines(out), nil
}

func rawSubgraph(ctx context.Context, r *Raw, p Params) ([]string, error) {
	cypher, labels, _ := store.SubgraphCypher(nil, SubgraphHops)
	recs, err := r.read(ctx, cypher, map[string]any{"ids": []string{p["id"].(string)}, "labels": labels, "limit": SubgraphLimit})
	if err != nil {
		return nil, err
	}
	in := make(map[string]bool, len(recs))
	for _, rec := range recs {
		in[str(getMap(rec, "props")["id"])] = true
	}
	var out []string
	for _, rec := range recs {
		id := str(getMap(rec, "props")["id"])
		out = append(out, "node|"+nodeType(get(rec, "labels"))+"|"+id)
		for _, e := range list(get(rec, "out")) {
			pair := list(e)
			if len(pair) >= 2 && pair[0] != nil && pair[1] != nil && in[str(pair[1])] {
				out = append(out, relLine(str(pair[0]), id, str(pair[1])))
			}
		}
	}
	return lines(out), nil
}

// chainCount counts the chains the chain query finds for p.
func (r *Raw) chainCount(ctx context.Context, p Params) (int, error) {
	cypher, _ := store.ChainCypher(true, 4)
	recs, err := r.read(ctx, cypher, map[string]any{"from": p["from"], "to": p["to"], "kinds": []string{string(counterpoint.Rebuts)}, "first": p["first"]})
	if err != nil || len(recs) == 0 {
		return 0, err
	}
	return len(list(get(recs[0], "chains"))), nil
}

// ServerVersion returns Neo4j's name, version and edition.
func (r *Raw) ServerVersion(ctx context.Context) (string, error) {
	recs, err := r.read(ctx, `CALL dbms.components() YIELD name, versions, edition RETURN name + ' ' + versions[0] + ' ' + edition AS v`, nil)
	if err != nil || len(recs) == 0 {
		return "", err
	}
	return str(get(recs[0], "v")), nil
}

// PrepareForReplanning resamples every index and then clears the query
// caches (db.prepareForReplanning), so that plans are made for the graph
// as it is after a bulk load.
func (r *Raw) PrepareForReplanning(ctx context.Context) error {
	_, err := neo4j.ExecuteQuery(ctx, r.driver, `CALL db.prepareForReplanning(600)`, nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(r.database), neo4j.ExecuteQueryWithWritersRouting())
	return err
}
