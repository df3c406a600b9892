package e2e_test

import (
	"slices"
	"testing"
)

// TestClaimsPagingWalksEveryClaimOnce pages through all claims, seven at a
// time: every claim comes once, in date-then-id order (undated first), and
// the pages add up to totalCount.
func TestClaimsPagingWalksEveryClaimOnce(t *testing.T) {
	api := MustStartAPI(t)
	MustSyntheticDataset(t, api, 12) // undated claims would sort first; these are dated 2020
	const query = `query Page($after: String) {
  claims(first: 7, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id date } }
}`
	var keys []string
	var after any
	total := -1
	for pages := 0; pages < 50; pages++ {
		resp := api.Post(t, query, map[string]any{"after": after})
		if len(resp.Errors()) > 0 {
			t.Fatalf("page %d: %v", pages, resp.Errors())
		}
		conn := resp.Body["data"].(map[string]any)["claims"].(map[string]any)
		total = int(conn["totalCount"].(float64))
		for _, n := range conn["nodes"].([]any) {
			m := n.(map[string]any)
			date, _ := m["date"].(string)
			keys = append(keys, date+" "+m["id"].(string))
		}
		info := conn["pageInfo"].(map[string]any)
		if info["hasNextPage"] != true {
			break
		}
		after = info["endCursor"]
	}
	if len(keys) != total {
		t.Errorf("paging gave %d claims, totalCount says %d", len(keys), total)
	}
	if !slices.IsSorted(keys) {
		t.Errorf("claims are not in date-then-id order: %v", keys)
	}
	if len(slices.Compact(slices.Clone(keys))) != len(keys) {
		t.Errorf("a claim came twice: %v", keys)
	}
}

// TestSubgraphLimit: a subgraph cut short by its limit says so, keeps its
// seed first, and holds no edge to a node it left out.
func TestSubgraphLimit(t *testing.T) {
	api := MustStartAPI(t)
	resp := api.Post(t, `{ subgraph(ids: ["robert-litt"], hops: 2, limit: 4) { truncated nodes { id } edges { from to } } }`, nil)
	if len(resp.Errors()) > 0 {
		t.Fatal(resp.Errors())
	}
	sg := resp.Body["data"].(map[string]any)["subgraph"].(map[string]any)
	nodes := sg["nodes"].([]any)
	if sg["truncated"] != true || len(nodes) != 4 || nodes[0].(map[string]any)["id"] != "robert-litt" {
		t.Fatalf("subgraph(limit: 4) = %v; want truncated, 4 nodes, robert-litt first", sg)
	}
	in := map[any]bool{}
	for _, n := range nodes {
		in[n.(map[string]any)["id"]] = true
	}
	for _, e := range sg["edges"].([]any) {
		e := e.(map[string]any)
		if !in[e["from"]] || !in[e["to"]] {
			t.Errorf("edge %v reaches outside the returned nodes", e)
		}
	}
}
