package e2e_test

import (
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/counterpoint-news/counterpoint/resolvers"
	"github.com/counterpoint-news/counterpoint/server"
	"github.com/counterpoint-news/counterpoint/store"
)

// nestedReads are queries whose nested fields go through the per-request
// loaders, several keys per batch, and through the read-ahead.
var nestedReads = []string{
	`{ sources { id authors { name } reportedIn { id } } }`,
	`{ thread(claim: "disavow-option-in-paper", depth: 2) { claims { id quotes { text } assertedBy { name } about { name } } relations { kind from { id } to { id } } } }`,
	`{ claims(first: 20) { nodes { id quotes { text } assertedBy { name } rebuttedBy { id assertedBy { name } } } } }`,
	`{ counters(against: "law-enforcement", includeMembers: true) { counter { id quotes { text } } target { id } by { name } against { name } } }`,
	`{ search(text: "encryption", first: 10) { node { ... on Claim { id quotes { text } assertedBy { name } } ... on Quote { claim { id } } } } }`,
}

// TestTinyDeadlineNeverInternal: with a request deadline of a few
// milliseconds, shorter than a Bolt handshake, and with Neo4j cut and
// restored while requests run, every error a nested read gets is
// STORE_UNAVAILABLE (or another client-facing code), never
// INTERNAL_SERVER_ERROR. Each deadline gets a fresh driver, so that the
// handshakes themselves run under it.
func TestTinyDeadlineNeverInternal(t *testing.T) {
	cfg, proxy := mustProxiedSeed(t)

	type run struct {
		timeout time.Duration
		warm    bool
	}
	var runs []run
	for _, d := range []time.Duration{time.Millisecond, 2 * time.Millisecond, 7 * time.Millisecond, 20 * time.Millisecond, 100 * time.Millisecond} {
		runs = append(runs, run{d, false}, run{d, true})
	}
	for _, r := range runs {
		timeout, warm := r.timeout, r.warm
		proxy.setUp(true)
		db, err := store.Connect(cfg)
		if err != nil {
			t.Fatal(err)
		}
		// Half the drivers start cold (every handshake under the tiny
		// deadline), half with connections already made, so that requests
		// get past the top level and the nested reads' batches fail too.
		if warm {
			// Every query once without a tight deadline: the pool holds
			// connections and Neo4j has planned the statements.
			ws := httptest.NewServer(newHandler(t, db))
			for _, q := range nestedReads {
				if resp := (&API{URL: ws.URL + "/graphql"}).Post(t, q, nil); len(resp.Errors()) > 0 {
					t.Fatalf("warming up: %s: %s", q, resp.Raw)
				}
			}
			ws.Close()
		}
		api := resolvers.NewAPI(db)
		h, err := server.New(server.Config{RequestTimeout: timeout}, server.Deps{
			Schema: api.Schema, Ready: db.Ping, Middleware: api.Middleware,
			Logger: slog.New(slog.NewJSONHandler(io.Discard, nil)),
		})
		if err != nil {
			t.Fatal(err)
		}
		srv := httptest.NewServer(h)
		client := &API{URL: srv.URL + "/graphql", DB: db}

		var mu sync.Mutex
		codes := map[string]int{}
		answered := 0
		const clients, rounds = 8, 10
		var wg sync.WaitGroup
		for c := range clients {
			wg.Go(func() {
				for i := range rounds {
					// Cut Neo4j for the middle rounds, from one client,
					// while the others' requests are in flight.
					if c == 0 && i == rounds/3 {
						proxy.setUp(false)
					}
					if c == 0 && i == 2*rounds/3 {
						proxy.setUp(true)
					}
					q := nestedReads[(c+i)%len(nestedReads)]
					resp := client.Post(t, q, nil)
					mu.Lock()
					answered++
					for _, code := range resp.Codes() {
						codes[code]++
						if code == server.CodeInternal {
							t.Errorf("deadline %s: %s: INTERNAL_SERVER_ERROR: %s", timeout, q, resp.Raw)
						}
					}
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		srv.Close()
		db.Close(t.Context())
		t.Logf("deadline %s (warm %v): %d answers, error codes %s", timeout, warm, answered, formatCodes(codes))
	}
}

func formatCodes(codes map[string]int) string {
	var parts []string
	for c, n := range codes {
		parts = append(parts, fmt.Sprintf("%s×%d", c, n))
	}
	sort.Strings(parts)
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}
