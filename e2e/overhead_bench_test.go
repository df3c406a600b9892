package e2e_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/counterpoint-news/counterpoint/internal/neo4jtest"
	"github.com/counterpoint-news/counterpoint/store"
)

// The benchmark mix's claim question, asked of the seeded article: the
// whole service over HTTP against the one statement it sends, straight
// through the driver. The difference is what HTTP and GraphQL cost.
// Reproduce (with a Neo4j in NEO4J_URI): go test ./e2e -run '^$' -bench Claim
const overheadClaim = "us-statement-could-deter-authoritarians"

func BenchmarkClaimOverHTTP(b *testing.B) {
	api := MustStartAPI(b)
	body, _ := json.Marshal(map[string]any{
		"query":     `query Claim($id: ID!) { claim(id: $id) { id text date quotes { id text start end } assertedBy { id name } rebuttedBy { id text assertedBy { id name } } } }`,
		"variables": map[string]any{"id": overheadClaim},
	})
	client := &http.Client{}
	before := api.DB.RoundTrips()
	b.ResetTimer()
	for b.Loop() {
		resp, err := client.Post(api.URL, "application/json", bytes.NewReader(body))
		if err != nil {
			b.Fatal(err)
		}
		raw, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || !bytes.Contains(raw, []byte("Robert S. Litt")) {
			b.Fatalf("status %d: %.300s", resp.StatusCode, raw)
		}
	}
	b.ReportMetric(float64(api.DB.RoundTrips()-before)/float64(b.N), "statements/op")
}

func BenchmarkClaimThroughDriver(b *testing.B) {
	db := neo4jtest.MustOpen(b)
	neo4jtest.MustSeed(b, db)
	cfg := neo4jtest.Config(b)
	auth := neo4j.NoAuth()
	if cfg.Username != "" {
		auth = neo4j.BasicAuth(cfg.Username, cfg.Password, "")
	}
	driver, err := neo4j.NewDriverWithContext(cfg.URI, auth)
	if err != nil {
		b.Fatal(err)
	}
	defer driver.Close(context.Background())
	cypher := store.Queries()["claimDetail"]
	params := map[string]any{"ids": []string{overheadClaim}, "quotes": true, "assertions": true, "relations": true, "relatedQuotes": false, "relatedAssertions": true}
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		res, err := neo4j.ExecuteQuery(ctx, driver, cypher, params, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase(cfg.Database), neo4j.ExecuteQueryWithReadersRouting())
		if err != nil || len(res.Records) != 1 {
			b.Fatalf("%v, %d records", err, len(res.Records))
		}
	}
}
