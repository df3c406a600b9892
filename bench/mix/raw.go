package mix

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/store"
)

// Raw is the limit: the store's own Cypher texts (store.Queries and the
// path-query builders) sent through the Go driver, one ExecuteQuery per
// statement as the store sends them, with the same dependency order as
// Counterpoint's resolvers (a nested field needs its parent's ids) and the
// independent statements of one level sent in parallel, as the resolvers'
// loaders do. What it leaves out is exactly HTTP, GraphQL and the loaders.
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
	res, err := neo4j.ExecuteQuery(ctx, r.driver, cypher, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(r.database), neo4j.ExecuteQueryWithReadersRouting())
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

// parallel runs fns at once and returns the first error.
func parallel(fns ...func() error) error {
	if len(fns) == 1 {
		return fns[0]()
	}
	errs := make([]error, len(fns))
	var wg sync.WaitGroup
	for i, fn := range fns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = fn()
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
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

// asserters reads assertionsByClaim for ids: claim id -> actor ids.
func (r *Raw) asserters(ctx context.Context, ids []string) (map[string][]string, error) {
	out := map[string][]string{}
	if len(ids) == 0 {
		return out, nil
	}
	recs, err := r.named(ctx, "assertionsByClaim", map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	for _, rec := range recs {
		c, a := str(get(rec, "claim")), str(get(rec, "actor"))
		out[c] = append(out[c], a)
	}
	for c := range out {
		out[c] = uniq(out[c])
	}
	return out, nil
}

func rawActorCounters(ctx context.Context, r *Raw, p Params) ([]string, error) {
	id := p["id"].(string)
	actors, err := r.named(ctx, "actorsByID", map[string]any{"ids": []string{id}})
	if err != nil || len(actors) == 0 {
		return nil, err
	}
	out := []string{"actor|" + id + "|" + str(getMap(actors[0], "props")["name"])}
	counters, err := r.named(ctx, "countersBy", map[string]any{"ids": []string{id}})
	if err != nil {
		return nil, err
	}
	var claimIDs, targets []string
	for _, rec := range counters {
		claimIDs = append(claimIDs, str(get(rec, "counter")), str(get(rec, "target")))
		targets = append(targets, str(get(rec, "target")))
	}
	if len(counters) == 0 {
		return lines(out), nil
	}
	var against map[string][]string
	err = parallel(
		func() error { _, err := r.named(ctx, "claimsByID", map[string]any{"ids": uniq(claimIDs)}); return err },
		func() (err error) { against, err = r.asserters(ctx, uniq(targets)); return err },
	)
	if err != nil {
		return nil, err
	}
	for _, rec := range counters {
		t := str(get(rec, "target"))
		out = append(out, counterLine(str(get(rec, "counter")), t, append([]string(nil), against[t]...)))
	}
	return lines(out), nil
}

// claimsWithSelection reads, for claims already read (props by id, in
// order), the claim selection's nested fields, as the loaders do: quotes,
// asserters and relations at once, then the rebutters' asserters.
func (r *Raw) claimsWithSelection(ctx context.Context, order []string, props map[string]map[string]any) ([]string, error) {
	var quotes, relations []*neo4j.Record
	var asserted map[string][]string
	err := parallel(
		func() (err error) {
			quotes, err = r.named(ctx, "quotesByClaim", map[string]any{"ids": order})
			return err
		},
		func() (err error) { asserted, err = r.asserters(ctx, order); return err },
		func() (err error) {
			relations, err = r.named(ctx, "relationsOf", map[string]any{"ids": order})
			return err
		},
	)
	if err != nil {
		return nil, err
	}
	wanted := make(map[string]bool, len(order))
	for _, id := range order {
		wanted[id] = true
	}
	rebutters := map[string][]string{}
	other := map[string]map[string]any{}
	var rebutterIDs []string
	for _, rec := range relations {
		from, to := str(get(rec, "from")), str(get(rec, "to"))
		if str(get(rec, "kind")) == string(counterpoint.Rebuts) && wanted[to] {
			rebutters[to] = append(rebutters[to], from)
			rebutterIDs = append(rebutterIDs, from)
		}
		if o := getMap(rec, "props"); str(o["id"]) == from {
			other[from] = o
		}
	}
	rebutterAsserted, err := r.asserters(ctx, uniq(rebutterIDs))
	if err != nil {
		return nil, err
	}
	var out []string
	for _, id := range order {
		c := props[id]
		out = append(out, "claim|"+id+"|"+str(c["date"])+"|"+str(c["text"]))
		for _, rec := range quotes {
			if str(get(rec, "claim")) != id {
				continue
			}
			q := getMap(rec, "props")
			out = append(out, fmt.Sprintf("quote|%s|%s|%s|%s|%s", id, str(q["id"]), str(q["start"]), str(q["end"]), str(q["text"])))
		}
		as := append([]string(nil), asserted[id]...)
		sort.Strings(as)
		out = append(out, "assertedBy|"+id+"|"+join(as))
		for _, from := range uniq(rebutters[id]) {
			ras := append([]string(nil), rebutterAsserted[from]...)
			sort.Strings(ras)
			out = append(out, "rebuttedBy|"+id+"|"+from+"|"+str(other[from]["text"])+"|"+join(ras))
		}
	}
	return out, nil
}

func join(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += ","
		}
		out += x
	}
	return out
}

func rawClaim(ctx context.Context, r *Raw, p Params) ([]string, error) {
	id := p["id"].(string)
	recs, err := r.named(ctx, "claimsByID", map[string]any{"ids": []string{id}})
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	out, err := r.claimsWithSelection(ctx, []string{id}, map[string]map[string]any{id: getMap(recs[0], "props")})
	return lines(out), err
}

func rawClaimsPage(ctx context.Context, r *Raw, p Params) ([]string, error) {
	n := p["first"].(int)
	// The unfiltered first page, as the store runs it.
	recs, err := r.named(ctx, "claimsPageAll", map[string]any{"limit": n + 1, "after": ""})
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	items, _ := get(recs[0], "items").([]any)
	if len(items) > n {
		items = items[:n]
	}
	var order []string
	props := map[string]map[string]any{}
	var out []string
	for i, it := range items {
		m, _ := it.(map[string]any)
		id := str(m["id"])
		order = append(order, id)
		props[id] = m
		out = append(out, fmt.Sprintf("order|%03d|%s", i, id))
	}
	rest, err := r.claimsWithSelection(ctx, order, props)
	return lines(append(out, rest...)), err
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
	from, to := p["from"].(string), p["to"].(string)
	actors, err := r.named(ctx, "actorsByID", map[string]any{"ids": []string{from, to}})
	if err != nil {
		return nil, err
	}
	if len(actors) < 2 && from != to {
		return nil, fmt.Errorf("chains: actors %q and %q not both found", from, to)
	}
	cypher, _ := store.ChainCypher(true, 4)
	recs, err := r.read(ctx, cypher, map[string]any{"from": from, "to": to, "kinds": []string{string(counterpoint.Rebuts)}, "first": p["first"]})
	if err != nil {
		return nil, err
	}
	var claimIDs []string
	for _, rec := range recs {
		for _, id := range list(get(rec, "claims")) {
			claimIDs = append(claimIDs, str(id))
		}
	}
	if len(claimIDs) == 0 {
		return nil, nil
	}
	claims, err := r.named(ctx, "claimsByID", map[string]any{"ids": uniq(claimIDs)})
	if err != nil {
		return nil, err
	}
	var out []string
	for _, rec := range claims {
		c := getMap(rec, "props")
		out = append(out, "claim|"+str(c["id"])+"|"+str(c["text"]))
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
			if len(pair) == 2 && pair[0] != nil && pair[1] != nil && in[str(pair[1])] {
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
	return len(recs), err
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
