// Package mix is the benchmark's fixed query mix, the questions journalists
// ask, each written three ways: for Counterpoint over HTTP, for the peer
// (@neo4j/graphql) over HTTP, and for the limit, the same Cypher the store
// runs sent straight through the Go driver with no HTTP, GraphQL or
// loaders. Each answer is also turned into a canonical form (sorted lines)
// so that the three can be checked for equivalence before anything is
// timed.
//
// This package imports the Neo4j driver, which only the store does in the
// service: the benchmark is a separate tool, and the limit and the raw
// loading baseline must talk to Neo4j without the store in between.
package mix

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand"
	"slices"
	"sort"
	"strings"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/bench/gen"
)

// The implementations, by name.
const (
	Counterpoint = "counterpoint"
	Limit        = "limit"
	Peer         = "peer"
	// Cached is Counterpoint with its response cache on (CACHE_ENABLED), a
	// process of its own: what repeated questions get, reported apart and
	// never in place of Counterpoint's own numbers.
	Cached = "counterpoint-cached"
	// LimitHTTP is the limit behind a plain net/http handler (LimitHandler):
	// the limit's work plus HTTP and JSON on both ends and nothing else, so
	// that a run shows how much of Counterpoint's distance from the limit
	// any service over HTTP pays on the same machine. Reported apart.
	LimitHTTP = "limit-http"
)

// Impls lists the implementations in report order.
var Impls = []string{Counterpoint, Limit, Peer, Cached, LimitHTTP}

// Params are one request's arguments.
type Params map[string]any

// Query is one question of the mix.
type Query struct {
	Name        string
	Description string
	// Pick draws the arguments of one request from the probes.
	Pick func(rng *rand.Rand, p *gen.Probes) Params
	// CheckParams lists arguments for the equivalence check (nil: draw
	// with Pick).
	CheckParams func(p *gen.Probes) []Params

	// Counterpoint's GraphQL document and variables.
	CP     string
	CPVars func(Params) map[string]any
	CPNorm func(data map[string]any) []string

	// The peer's GraphQL document and variables.
	Peer     string
	PeerVars func(Params) map[string]any
	PeerNorm func(data map[string]any, p Params) []string

	// Raw runs the store's Cypher through the driver.
	Raw func(ctx context.Context, db *Raw, p Params) ([]string, error)

	// Comparable says whether answers to p can be compared at all (nil:
	// always), and why not.
	Comparable func(ctx context.Context, db *Raw, p Params) (bool, string, error)

	// Grows says why the answer itself grows with the graph, if it does.
	Grows string
}

// Mix returns the fixed query mix, in report order.
func Mix() []*Query {
	return []*Query{actorCounters(), claimOne(), claimsPage(), search(), thread(), chains(), subgraph()}
}

// ByName returns the named queries of the mix (all when names is empty).
func ByName(names []string) ([]*Query, error) {
	all := Mix()
	if len(names) == 0 {
		return all, nil
	}
	var out []*Query
	for _, n := range names {
		found := false
		for _, q := range all {
			if q.Name == n {
				out = append(out, q)
				found = true
			}
		}
		if !found {
			return nil, fmt.Errorf("no query %q in the mix", n)
		}
	}
	return out, nil
}

// --- JSON helpers -------------------------------------------------------------------------------

func obj(v any) map[string]any { m, _ := v.(map[string]any); return m }
func list(v any) []any         { l, _ := v.([]any); return l }
func str(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case nil:
		return ""
	case float64:
		return fmt.Sprint(int64(x))
	default:
		return fmt.Sprint(x)
	}
}
func ids(v any) []string {
	var out []string
	for _, x := range list(v) {
		out = append(out, str(obj(x)["id"]))
	}
	sort.Strings(out)
	return out
}
func first(v any) map[string]any {
	l := list(v)
	if len(l) == 0 {
		return nil
	}
	return obj(l[0])
}

// lines sorts and dedupes canonical lines.
func lines(ls []string) []string {
	sort.Strings(ls)
	out := ls[:0]
	for i, l := range ls {
		if i == 0 || l != ls[i-1] {
			out = append(out, l)
		}
	}
	return out
}

func pickOne(rng *rand.Rand, pool []string) string {
	if len(pool) == 0 {
		return ""
	}
	return pool[rng.Intn(len(pool))]
}

func firstN(pool []string, n int) []Params {
	var out []Params
	for i := 0; i < len(pool) && i < n; i++ {
		out = append(out, Params{"id": pool[i]})
	}
	return out
}

// Decode parses a GraphQL response body, returning its data or its errors.
func Decode(body []byte) (map[string]any, error) {
	var resp struct {
		Data   map[string]any `json:"data"`
		Errors []struct {
			Message string `json:"message"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(body, &resp); err != nil {
		return nil, fmt.Errorf("response is not JSON: %v: %.200s", err, body)
	}
	if len(resp.Errors) > 0 {
		var msgs []string
		for _, e := range resp.Errors {
			msgs = append(msgs, e.Message)
		}
		return resp.Data, fmt.Errorf("GraphQL errors: %s", strings.Join(msgs, "; "))
	}
	return resp.Data, nil
}

// --- the mix ------------------------------------------------------------------------------------

// counterLine is the canonical form of one counter: the countering claim,
// its target and who asserted the target.
// peerAssertions reads the peer's assertedByConnection of claim c.
func peerAssertions(c map[string]any) []counterpoint.Assertion {
	var out []counterpoint.Assertion
	for _, e := range list(obj(c["assertedByConnection"])["edges"]) {
		e := obj(e)
		out = append(out, counterpoint.Assertion{Actor: str(obj(e["node"])["id"]), Stance: counterpoint.Stance(str(obj(e["properties"])["stance"]))})
	}
	return out
}

func counterLine(counter, target string, against []string) string {
	sort.Strings(against)
	return "counter|" + counter + "|" + target + "|" + strings.Join(against, ",")
}

func actorCounters() *Query {
	return &Query{
		Name:        "actor-counters",
		Description: "an actor's counters: each claim the actor endorses that rebuts another, the target, and who endorses the target (counterpoint.CounterSides)",
		Pick:        func(rng *rand.Rand, p *gen.Probes) Params { return Params{"id": pickOne(rng, p.Actors)} },
		CheckParams: func(p *gen.Probes) []Params { return firstN(p.Actors, 8) },
		CP: `query ActorCounters($id: ID!) {
  actor(id: $id) { id name countered { counter { id text } target { id text } against { id name } } }
}`,
		CPVars: func(p Params) map[string]any { return map[string]any{"id": p["id"]} },
		CPNorm: func(data map[string]any) []string {
			a := obj(data["actor"])
			out := []string{"actor|" + str(a["id"]) + "|" + str(a["name"])}
			for _, c := range list(a["countered"]) {
				c := obj(c)
				out = append(out, counterLine(str(obj(c["counter"])["id"]), str(obj(c["target"])["id"]), ids(obj(c)["against"])))
			}
			return lines(out)
		},
		Peer: `query ActorCounters($id: ID!) {
  actors(where: { id: { eq: $id } }) {
    id name
    asserted(where: { rebutsAggregate: { count: { gt: 0 } } }) {
      id text assertedByConnection { edges { properties { stance } node { id } } }
      rebuts { id text assertedByConnection { edges { properties { stance } node { id } } } }
    }
  }
}`,
		PeerVars: func(p Params) map[string]any { return map[string]any{"id": p["id"]} },
		PeerNorm: func(data map[string]any, _ Params) []string {
			a := first(data["actors"])
			out := []string{"actor|" + str(a["id"]) + "|" + str(a["name"])}
			for _, c := range list(a["asserted"]) {
				c := obj(c)
				for _, t := range list(c["rebuts"]) {
					t := obj(t)
					// The peer returns every assertion; the rule of who
					// counts is applied here, as Counterpoint applies it.
					by, against := counterpoint.CounterSides(peerAssertions(c), peerAssertions(t))
					if !slices.Contains(by, str(a["id"])) || len(against) == 0 {
						continue
					}
					out = append(out, counterLine(str(c["id"]), str(t["id"]), against))
				}
			}
			return lines(out)
		},
		Raw:   rawActorCounters,
		Grows: "with the actor's number of counters (the heavy tail's actors make more every scale)",
	}
}

// claimSelection is the selection of one claim in the claim and page queries.
const claimSelection = `id text date quotes { id text start end } assertedBy { id name } rebuttedBy { id text assertedBy { id name } }`

func claimLines(c map[string]any) []string {
	id := str(c["id"])
	out := []string{"claim|" + id + "|" + str(c["date"]) + "|" + str(c["text"])}
	for _, q := range list(c["quotes"]) {
		q := obj(q)
		out = append(out, fmt.Sprintf("quote|%s|%s|%s|%s|%s", id, str(q["id"]), str(q["start"]), str(q["end"]), str(q["text"])))
	}
	out = append(out, "assertedBy|"+id+"|"+strings.Join(ids(c["assertedBy"]), ","))
	for _, r := range list(c["rebuttedBy"]) {
		r := obj(r)
		out = append(out, "rebuttedBy|"+id+"|"+str(r["id"])+"|"+str(r["text"])+"|"+strings.Join(ids(r["assertedBy"]), ","))
	}
	return out
}

func claimOne() *Query {
	return &Query{
		Name:        "claim",
		Description: "one claim with its quotes, assertedBy and rebuttedBy { assertedBy }",
		Pick:        func(rng *rand.Rand, p *gen.Probes) Params { return Params{"id": pickOne(rng, p.Claims)} },
		CheckParams: func(p *gen.Probes) []Params { return firstN(p.Claims, 8) },
		CP:          `query Claim($id: ID!) { claim(id: $id) { ` + claimSelection + ` } }`,
		CPVars:      func(p Params) map[string]any { return map[string]any{"id": p["id"]} },
		CPNorm:      func(data map[string]any) []string { return lines(claimLines(obj(data["claim"]))) },
		Peer:        `query Claim($id: ID!) { claims(where: { id: { eq: $id } }) { ` + claimSelection + ` } }`,
		PeerVars:    func(p Params) map[string]any { return map[string]any{"id": p["id"]} },
		PeerNorm:    func(data map[string]any, _ Params) []string { return lines(claimLines(first(data["claims"]))) },
		Raw:         rawClaim,
	}
}

// PageSize is the claims page's size.
const PageSize = 50

func claimsPage() *Query {
	return &Query{
		Name:        "claims-page",
		Description: fmt.Sprintf("the first page of %d claims (by date, then id) with the claim's selection", PageSize),
		Pick:        func(*rand.Rand, *gen.Probes) Params { return Params{"first": PageSize} },
		CheckParams: func(*gen.Probes) []Params { return []Params{{"first": PageSize}} },
		CP:          `query ClaimsPage($first: Int!) { claims(first: $first) { nodes { ` + claimSelection + ` } } }`,
		CPVars:      func(p Params) map[string]any { return map[string]any{"first": p["first"]} },
		CPNorm: func(data map[string]any) []string {
			var out []string
			for i, c := range list(obj(data["claims"])["nodes"]) {
				out = append(out, fmt.Sprintf("order|%03d|%s", i, str(obj(c)["id"])))
				out = append(out, claimLines(obj(c))...)
			}
			return lines(out)
		},
		Peer:     `query ClaimsPage($first: Int!) { claims(limit: $first, sort: [{ date: ASC }, { id: ASC }]) { ` + claimSelection + ` } }`,
		PeerVars: func(p Params) map[string]any { return map[string]any{"first": p["first"]} },
		PeerNorm: func(data map[string]any, _ Params) []string {
			var out []string
			for i, c := range list(data["claims"]) {
				out = append(out, fmt.Sprintf("order|%03d|%s", i, str(obj(c)["id"])))
				out = append(out, claimLines(obj(c))...)
			}
			return lines(out)
		},
		Raw:   rawClaimsPage,
		Grows: "no (a page is 50 claims, read in index order; unfiltered, the total comes from the count store)",
	}
}

// SearchFirst is how many hits a search asks for.
const SearchFirst = 20

func search() *Query {
	norm := func(hits []any, node func(any) map[string]any) []string {
		var out []string
		for i, h := range hits {
			n := node(h)
			out = append(out, fmt.Sprintf("hit|%03d|%s|%s", i, str(n["__typename"]), str(n["id"])))
		}
		return out
	}
	return &Query{
		Name:        "search",
		Description: fmt.Sprintf("full-text search for a word over actors, claims and quotes, top %d", SearchFirst),
		Pick:        func(rng *rand.Rand, p *gen.Probes) Params { return Params{"text": pickOne(rng, p.Words)} },
		CheckParams: func(p *gen.Probes) []Params {
			var out []Params
			for i := 0; i < len(p.Words) && i < 8; i++ {
				out = append(out, Params{"text": p.Words[i]})
			}
			return out
		},
		CP: `query Search($text: String!, $first: Int!) {
  search(text: $text, first: $first) { score node { __typename id ... on Claim { text } ... on Actor { name } ... on Quote { text } } }
}`,
		CPVars: func(p Params) map[string]any { return map[string]any{"text": p["text"], "first": SearchFirst} },
		CPNorm: func(data map[string]any) []string {
			return norm(list(data["search"]), func(h any) map[string]any { return obj(obj(h)["node"]) })
		},
		Peer: `query Search($text: String!, $first: Int!) {
  searchEntities(text: $text, first: $first) { __typename ... on Claim { id text } ... on Actor { id name } ... on Quote { id text } }
}`,
		PeerVars: func(p Params) map[string]any { return map[string]any{"text": p["text"], "first": SearchFirst} },
		PeerNorm: func(data map[string]any, _ Params) []string { return norm(list(data["searchEntities"]), obj) },
		Raw:      rawSearch,
		Grows:    "no (top 20), but Lucene scores every match of the word, and matches grow with the text",
	}
}

// ThreadDepth is the thread's depth.
const ThreadDepth = 5

func relLine(kind, from, to string) string { return "rel|" + kind + "|" + from + "|" + to }

func thread() *Query {
	return &Query{
		Name:        "thread",
		Description: fmt.Sprintf("the thread of depth %d around a claim: its claims and the relations among them", ThreadDepth),
		Pick:        func(rng *rand.Rand, p *gen.Probes) Params { return Params{"id": pickOne(rng, p.ThreadRoots)} },
		CheckParams: func(p *gen.Probes) []Params { return firstN(p.ThreadRoots, 8) },
		CP: fmt.Sprintf(`query Thread($id: ID!) {
  thread(claim: $id, depth: %d) { claims { id text } relations { kind from { id } to { id } } }
}`, ThreadDepth),
		CPVars: func(p Params) map[string]any { return map[string]any{"id": p["id"]} },
		CPNorm: func(data map[string]any) []string {
			t := obj(data["thread"])
			var out []string
			for _, c := range list(t["claims"]) {
				out = append(out, "claim|"+str(obj(c)["id"])+"|"+str(obj(c)["text"]))
			}
			for _, r := range list(t["relations"]) {
				r := obj(r)
				out = append(out, relLine(str(r["kind"]), str(obj(r["from"])["id"]), str(obj(r["to"])["id"])))
			}
			return lines(out)
		},
		Peer: `query Thread($id: ID!) {
  claims(where: { id: { eq: $id } }) {
    id text rebuts { id } supports { id } qualifies { id }
    thread5 { id text rebuts { id } supports { id } qualifies { id } }
  }
}`,
		PeerVars: func(p Params) map[string]any { return map[string]any{"id": p["id"]} },
		PeerNorm: func(data map[string]any, _ Params) []string {
			root := first(data["claims"])
			if root == nil {
				return nil
			}
			claims := append([]any{root}, list(root["thread5"])...)
			in := map[string]bool{}
			for _, c := range claims {
				in[str(obj(c)["id"])] = true
			}
			var out []string
			for _, c := range claims {
				c := obj(c)
				out = append(out, "claim|"+str(c["id"])+"|"+str(c["text"]))
				for field, kind := range map[string]string{"rebuts": "REBUTS", "supports": "SUPPORTS", "qualifies": "QUALIFIES"} {
					for _, to := range ids(c[field]) {
						if in[to] {
							out = append(out, relLine(kind, str(c["id"]), to))
						}
					}
				}
			}
			return lines(out)
		},
		Raw:   rawThread,
		Grows: "no: threads stay within a debate (and the few answers to earlier debates)",
	}
}

// ChainsFirst is how many chains the chains query asks for (Counterpoint's
// default); the check asks for counterpoint.MaxChains so that ties are not cut.
const (
	ChainsFirst = 5
	chainsCheck = 20
)

func chains() *Query {
	return &Query{
		Name:        "chains",
		Description: fmt.Sprintf("the shortest counter chains (REBUTS, directed, up to 4 relations, first %d) from one actor's claims to another's", ChainsFirst),
		Pick: func(rng *rand.Rand, p *gen.Probes) Params {
			if len(p.Pairs) == 0 {
				return Params{"from": "", "to": "", "first": ChainsFirst}
			}
			pair := p.Pairs[rng.Intn(len(p.Pairs))]
			return Params{"from": pair[0], "to": pair[1], "first": ChainsFirst}
		},
		CheckParams: func(p *gen.Probes) []Params {
			var out []Params
			for i := 0; i < len(p.Pairs) && i < 8; i++ {
				out = append(out, Params{"from": p.Pairs[i][0], "to": p.Pairs[i][1], "first": chainsCheck})
			}
			return out
		},
		CP: `query Chains($from: ID!, $to: ID!, $first: Int!) {
  chains(from: $from, to: $to, first: $first) { hops claims { id text } relations { kind from { id } to { id } } }
}`,
		CPVars: func(p Params) map[string]any {
			return map[string]any{"from": p["from"], "to": p["to"], "first": p["first"]}
		},
		CPNorm: func(data map[string]any) []string {
			var out []string
			for _, ch := range list(data["chains"]) {
				for _, c := range list(obj(ch)["claims"]) {
					out = append(out, "claim|"+str(obj(c)["id"])+"|"+str(obj(c)["text"]))
				}
			}
			return lines(out)
		},
		Peer: `query Chains($from: ID!, $to: ID!, $first: Int!) {
  actors(where: { id: { eq: $from } }) { id counterChainClaims(to: $to, first: $first) { id text } }
}`,
		PeerVars: func(p Params) map[string]any {
			return map[string]any{"from": p["from"], "to": p["to"], "first": p["first"]}
		},
		PeerNorm: func(data map[string]any, _ Params) []string {
			var out []string
			for _, c := range list(first(data["actors"])["counterChainClaims"]) {
				out = append(out, "claim|"+str(obj(c)["id"])+"|"+str(obj(c)["text"]))
			}
			return lines(out)
		},
		Raw: rawChains,
		Comparable: func(ctx context.Context, db *Raw, p Params) (bool, string, error) {
			n, err := db.chainCount(ctx, p)
			return n < chainsCheck, fmt.Sprintf("chains: pairs with %d or more shortest chains are not compared (which %d of the ties a query keeps is not defined)", chainsCheck, chainsCheck), err
		},
		Grows: "with the rival actors' claims: SHORTEST 20 runs from every claim of one actor",
	}
}

// Subgraph size and depth.
const (
	SubgraphHops  = 2
	SubgraphLimit = 500
)

func subgraph() *Query {
	return &Query{
		Name:        "subgraph",
		Description: fmt.Sprintf("the %d-hop subgraph around an actor, at most %d nodes, with the relationships among them", SubgraphHops, SubgraphLimit),
		Pick:        func(rng *rand.Rand, p *gen.Probes) Params { return Params{"id": pickOne(rng, p.SubgraphSeeds)} },
		// Whole (untruncated) subgraphs only: which 500 of a larger
		// neighbourhood a query keeps is not defined.
		CheckParams: func(p *gen.Probes) []Params { return firstN(p.SmallSeeds, 8) },
		CP: fmt.Sprintf(`query Subgraph($id: ID!) {
  subgraph(ids: [$id], hops: %d, limit: %d) {
    nodes { __typename id ... on Actor { name } ... on Claim { text } ... on Quote { text } ... on Source { title } }
    edges { type from to }
    truncated
  }
}`, SubgraphHops, SubgraphLimit),
		CPVars: func(p Params) map[string]any { return map[string]any{"id": p["id"]} },
		CPNorm: func(data map[string]any) []string {
			sg := obj(data["subgraph"])
			var out []string
			for _, n := range list(sg["nodes"]) {
				out = append(out, "node|"+str(obj(n)["__typename"])+"|"+str(obj(n)["id"]))
			}
			for _, e := range list(sg["edges"]) {
				e := obj(e)
				out = append(out, relLine(str(e["type"]), str(e["from"]), str(e["to"])))
			}
			return lines(out)
		},
		Peer: fmt.Sprintf(`query Subgraph($id: ID!) {
  neighbourhood2(ids: [$id], limit: %d) {
    __typename
    ... on Actor { id name memberOf { id } asserted { id } }
    ... on Claim { id text rebuts { id } supports { id } qualifies { id } quotes { id } about { id } }
    ... on Quote { id text source { id } document { id } }
    ... on Source { id title authors { id } reportedIn { id } }
  }
}`, SubgraphLimit),
		PeerVars: func(p Params) map[string]any { return map[string]any{"id": p["id"]} },
		PeerNorm: func(data map[string]any, _ Params) []string {
			nodes := list(data["neighbourhood2"])
			in := map[string]bool{}
			for _, n := range nodes {
				in[str(obj(n)["id"])] = true
			}
			fields := map[string]string{
				"memberOf": "MEMBER_OF", "asserted": "ASSERTED", "rebuts": "REBUTS", "supports": "SUPPORTS", "qualifies": "QUALIFIES",
				"quotes": "EVIDENCED_BY", "about": "ABOUT", "source": "FROM", "document": "SAID_IN", "authors": "AUTHORED_BY", "reportedIn": "REPORTED_IN",
			}
			var out []string
			for _, n := range nodes {
				n := obj(n)
				out = append(out, "node|"+str(n["__typename"])+"|"+str(n["id"]))
				for f, typ := range fields {
					for _, to := range ids(n[f]) {
						if in[to] {
							out = append(out, relLine(typ, str(n["id"]), to))
						}
					}
				}
			}
			return lines(out)
		},
		Raw:   rawSubgraph,
		Grows: "no (at most 500 nodes; the walk stops after 501 distinct nodes)",
	}
}
