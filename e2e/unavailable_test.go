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
// answers and is ready again, without a restart.
func TestStoreUnavailableAndRecovery(t *testing.T) {
	seeded := neo4jtest.MustOpen(t)
	neo4jtest.MustSeed(t, seeded)
	cfg := neo4jtest.Config(t)
	u, err := url.Parse(cfg.URI)
	if err != nil {
		t.Fatal(err)
	}
	proxy := startProxy(t, u.Host)
	cfg.URI = "bolt://" + proxy.ln.Addr().String()
	db, err := store.Connect(cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(newHandler(t, db))
	defer srv.Close()
	api := &API{URL: srv.URL + "/graphql", DB: db}
	const query = `{ actors(first: 1) { totalCount } }`

	ready := func() int {
		resp, err := http.Get(srv.URL + "/readyz")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	for _, step := range []struct {
		up        bool
		wantCode  string
		wantReady int
	}{
		{false, "STORE_UNAVAILABLE", http.StatusServiceUnavailable},
		{true, "", http.StatusOK},
		{false, "STORE_UNAVAILABLE", http.StatusServiceUnavailable},
		{true, "", http.StatusOK},
	} {
		proxy.setUp(step.up)
		start := time.Now()
		resp := api.Post(t, query, nil)
		t.Logf("Neo4j up=%v: answered in %s", step.up, time.Since(start).Round(time.Millisecond))
		if step.wantCode == "" {
			if len(resp.Errors()) > 0 {
				t.Errorf("Neo4j up: errors %v", resp.Errors())
			}
		} else if !slices.Contains(resp.Codes(), step.wantCode) {
			t.Errorf("Neo4j down: codes %v, want %s; body %s", resp.Codes(), step.wantCode, resp.Raw)
		}
		if got := ready(); got != step.wantReady {
			t.Errorf("Neo4j up=%v: /readyz = %d, want %d", step.up, got, step.wantReady)
		}
	}
}
