package e2e_test

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/counterpoint-news/counterpoint/internal/neo4jtest"
	"github.com/counterpoint-news/counterpoint/store"
)

// switchableProxy forwards TCP to Neo4j while up, and refuses (and cuts)
// connections while down: Neo4j going away and coming back, without
// mustProxiedSeed seeds the test graph and returns a store configuration
// that reaches Neo4j through a proxy the test can cut and restore.
func mustProxiedSeed(tb testing.TB) (store.Config, *switchableProxy) {
	tb.Helper()
	neo4jtest.MustSeed(tb, neo4jtest.MustOpen(tb))
	cfg := neo4jtest.Config(tb)
	u, err := url.Parse(cfg.URI)
	if err != nil {
		tb.Fatal(err)
	}
	proxy := startProxy(tb, u.Host)
	cfg.URI = "bolt://" + proxy.ln.Addr().String()
	return cfg, proxy
}

// stopping the shared test server.
type switchableProxy struct {
	ln     net.Listener
	target string
	up     atomic.Bool
	mu     sync.Mutex
	conns  []net.Conn
}

func startProxy(tb testing.TB, target string) *switchableProxy {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	p := &switchableProxy{ln: ln, target: target}
	tb.Cleanup(func() { ln.Close(); p.setUp(false) })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			if !p.up.Load() {
				c.Close()
				continue
			}
			go p.forward(c)
		}
	}()
	return p
}

func (p *switchableProxy) forward(c net.Conn) {
	s, err := net.Dial("tcp", p.target)
	if err != nil {
		c.Close()
		return
	}
	p.mu.Lock()
	p.conns = append(p.conns, c, s)
	p.mu.Unlock()
	go func() { io.Copy(s, c); s.Close() }()
	io.Copy(c, s)
	c.Close()
}

func (p *switchableProxy) setUp(up bool) {
	p.up.Store(up)
	if !up {
		p.mu.Lock()
		for _, c := range p.conns {
			c.Close()
		}
		p.conns = nil
		p.mu.Unlock()
	}
}

// TestStoreUnavailableAndRecovery: with Neo4j unreachable, reads fail with
// STORE_UNAVAILABLE and /readyz says 503; when it is back, the same service
// becomes ready again without a restart, and once /readyz says 200 a query
// succeeds. Nothing here is timed as pass or fail: the durations are only
// logged (readiness is waited for with a generous bound).
func TestStoreUnavailableAndRecovery(t *testing.T) {
	cfg, proxy := mustProxiedSeed(t)
	db, err := store.Connect(cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(newHandler(t, db))
	defer srv.Close()
	api := &API{URL: srv.URL + "/graphql", DB: db}
	const query = `{ actors(first: 1) { totalCount } claims(first: 3) { nodes { id quotes { text } assertedBy { name } } } }`

	for round := 1; round <= 2; round++ {
		proxy.setUp(false)
		start := time.Now()
		resp := api.Post(t, query, nil)
		t.Logf("round %d, Neo4j cut: answered in %s", round, time.Since(start).Round(time.Millisecond))
		if !slices.Contains(resp.Codes(), "STORE_UNAVAILABLE") {
			t.Errorf("round %d, Neo4j cut: codes %v, want STORE_UNAVAILABLE; body %s", round, resp.Codes(), resp.Raw)
		}
		if slices.Contains(resp.Codes(), "INTERNAL_SERVER_ERROR") {
			t.Errorf("round %d, Neo4j cut: INTERNAL_SERVER_ERROR among %v", round, resp.Codes())
		}
		if got := readyStatus(t, srv.URL); got != http.StatusServiceUnavailable {
			t.Errorf("round %d: a query fails with STORE_UNAVAILABLE, yet /readyz = %d, want 503", round, got)
		}

		proxy.setUp(true)
		restored := time.Now()
		if !waitReady(t, srv.URL, time.Minute) {
			t.Fatalf("round %d: /readyz never said 200 after Neo4j came back", round)
		}
		t.Logf("round %d, Neo4j back: /readyz 200 after %s", round, time.Since(restored).Round(time.Millisecond))
		resp = api.Post(t, query, nil)
		if len(resp.Errors()) > 0 {
			t.Errorf("round %d: /readyz said 200, yet the query failed: %s", round, resp.Raw)
		}
		t.Logf("round %d, Neo4j back: first query answered %s after the restore", round, time.Since(restored).Round(time.Millisecond))
	}
}

// TestReadyMeansAnswersQueries: a Neo4j that accepts connections but whose
// database cannot answer (here: a database that does not exist, as a
// database that is still starting after a restart cannot) is not ready,
// since every query would fail; the Bolt handshake alone passes.
func TestReadyMeansAnswersQueries(t *testing.T) {
	cfg := neo4jtest.Config(t)
	cfg.Database = "no-such-database"
	db, err := store.Connect(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close(t.Context())
	srv := httptest.NewServer(newHandler(t, db))
	defer srv.Close()
	api := &API{URL: srv.URL + "/graphql", DB: db}
	if resp := api.Post(t, `{ actors(first: 1) { totalCount } }`, nil); len(resp.Errors()) == 0 {
		t.Fatalf("a query against a missing database succeeded: %s", resp.Raw)
	}
	if got := readyStatus(t, srv.URL); got != http.StatusServiceUnavailable {
		t.Errorf("queries fail, yet /readyz = %d, want 503", got)
	}
}

// readyStatus is /readyz's status code.
func readyStatus(tb testing.TB, base string) int {
	tb.Helper()
	resp, err := http.Get(base + "/readyz")
	if err != nil {
		tb.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// waitReady polls /readyz until it says 200, for at most limit.
func waitReady(tb testing.TB, base string, limit time.Duration) bool {
	tb.Helper()
	for deadline := time.Now().Add(limit); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if readyStatus(tb, base) == http.StatusOK {
			return true
		}
	}
	return false
}
