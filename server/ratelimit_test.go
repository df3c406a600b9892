package server_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint/server"
)

// The rate tests use a rate of one request in 1,000 s, so that nothing
// refills while a test runs: what passes and what gets 429 depends only on
// the burst, never on timing.
const slowRate = 0.001

// limited builds a server with the given rate settings.
func limited(t *testing.T, edit func(*server.Config)) *server.Server {
	t.Helper()
	cfg := server.DefaultConfig()
	cfg.RateLimit, cfg.RateBurst = slowRate, 3
	if edit != nil {
		edit(&cfg)
	}
	srv, err := server.New(cfg, server.Deps{Schema: newSchema(), Logger: discardLogger()})
	if err != nil {
		t.Fatalf("server.New: %v", err)
	}
	return srv
}

// from sends { hello } to srv as if from remote (ip:port), with extra
// headers ("Name: value").
func from(srv http.Handler, remote string, headers ...string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(`{"query":"{ hello }"}`))
	r.RemoteAddr = remote
	r.Header.Set("Content-Type", "application/json")
	for _, h := range headers {
		k, v, _ := strings.Cut(h, ":")
		r.Header.Add(k, strings.TrimSpace(v))
	}
	w := httptest.NewRecorder()
	srv.ServeHTTP(w, r)
	return w
}

// expect checks a response's status, and for a 429 its Retry-After and
// its GraphQL error.
func expect(t *testing.T, what string, w *httptest.ResponseRecorder, status int) {
	t.Helper()
	if w.Code != status {
		t.Fatalf("%s: status %d, want %d; body %s", what, w.Code, status, w.Body)
	}
	if status != http.StatusTooManyRequests {
		if ra := w.Header().Get("Retry-After"); ra != "" {
			t.Errorf("%s: Retry-After %q on a %d", what, ra, status)
		}
		return
	}
	secs, err := strconv.Atoi(w.Header().Get("Retry-After"))
	if err != nil || secs < 1 {
		t.Errorf("%s: Retry-After %q, want whole seconds of at least 1", what, w.Header().Get("Retry-After"))
	}
	var body struct {
		Data   json.RawMessage `json:"data"`
		Errors []struct {
			Message    string         `json:"message"`
			Extensions map[string]any `json:"extensions"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil {
		t.Fatalf("%s: body is not JSON: %v\n%s", what, err, w.Body)
	}
	if len(body.Errors) != 1 || body.Errors[0].Extensions["code"] != "RATE_LIMITED" || body.Data != nil {
		t.Errorf("%s: body %s, want one RATE_LIMITED error and no data", what, w.Body)
	}
}

// TestRateLimitBurstThen429: a client gets its burst, then 429 with
// Retry-After and a RATE_LIMITED error, while another client is served.
func TestRateLimitBurstThen429(t *testing.T) {
	srv := limited(t, nil)
	for i := range 3 {
		expect(t, "request "+strconv.Itoa(i+1)+" of the burst", from(srv, "192.0.2.1:1000"), http.StatusOK)
	}
	w := from(srv, "192.0.2.1:1001") // another connection, the same client
	expect(t, "beyond the burst", w, http.StatusTooManyRequests)
	if secs, _ := strconv.Atoi(w.Header().Get("Retry-After")); secs < 900 || secs > 1000 {
		t.Errorf("Retry-After %d s, want about 1,000 s at one request in 1,000 s", secs)
	}
	expect(t, "beyond the burst, asked again", from(srv, "192.0.2.1:1000"), http.StatusTooManyRequests)
	expect(t, "another client", from(srv, "192.0.2.2:1000"), http.StatusOK)

	// Under application/graphql-response+json too, and with its media type.
	w = from(srv, "192.0.2.1:1000", "Accept: application/graphql-response+json")
	expect(t, "graphql-response+json", w, http.StatusTooManyRequests)
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/graphql-response+json") {
		t.Errorf("Content-Type %q", ct)
	}
	// Other routes are not limited.
	r := httptest.NewRequest(http.MethodGet, "/healthz", nil)
	r.RemoteAddr = "192.0.2.1:1000"
	hw := httptest.NewRecorder()
	srv.ServeHTTP(hw, r)
	if hw.Code != http.StatusOK {
		t.Errorf("/healthz from a limited client: %d", hw.Code)
	}
}

// TestRateLimitTokensApart: a request with one of API_TOKENS counts
// against its token, not its address, whatever address it comes from; a
// token that is not configured counts as its address.
func TestRateLimitTokensApart(t *testing.T) {
	srv := limited(t, func(c *server.Config) { c.APITokens = []string{tokenOne, tokenTwo} })
	for range 3 {
		expect(t, "address A's burst", from(srv, "192.0.2.1:1"), http.StatusOK)
	}
	expect(t, "address A beyond its burst", from(srv, "192.0.2.1:1"), http.StatusTooManyRequests)
	expect(t, "address A with a made-up token", from(srv, "192.0.2.1:1", "Authorization: Bearer not-a-token-0123456789"), http.StatusTooManyRequests)
	expect(t, "address A with token one", from(srv, "192.0.2.1:1", "Authorization: Bearer "+tokenOne), http.StatusOK)
	expect(t, "token one from B", from(srv, "192.0.2.2:1", "Authorization: Bearer "+tokenOne), http.StatusOK)
	expect(t, "token one from C", from(srv, "192.0.2.3:1", "Authorization: bearer  "+tokenOne), http.StatusOK)
	expect(t, "token one beyond its burst, from D", from(srv, "192.0.2.4:1", "Authorization: Bearer "+tokenOne), http.StatusTooManyRequests)
	expect(t, "token two", from(srv, "192.0.2.4:1", "Authorization: Bearer "+tokenTwo), http.StatusOK)
	expect(t, "address D without a token", from(srv, "192.0.2.4:1"), http.StatusOK)
}

// TestRateLimitOff: RATE_LIMIT 0 limits nothing.
func TestRateLimitOff(t *testing.T) {
	srv := limited(t, func(c *server.Config) { c.RateLimit, c.RateBurst = 0, 1 })
	for i := range 50 {
		expect(t, "request "+strconv.Itoa(i+1), from(srv, "192.0.2.1:1"), http.StatusOK)
	}
}

// TestRateLimitDefaultIsGenerous: the default (50 a second, 300 at once)
// lets a page's worth of requests and more through.
func TestRateLimitDefaultIsGenerous(t *testing.T) {
	cfg := server.DefaultConfig()
	if cfg.RateLimit != 50 || cfg.RateBurst != 300 {
		t.Fatalf("default RATE_LIMIT %v, RATE_BURST %d; README says 50 and 300", cfg.RateLimit, cfg.RateBurst)
	}
	srv, err := server.New(cfg, server.Deps{Schema: newSchema(), Logger: discardLogger()})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 200 {
		expect(t, "request "+strconv.Itoa(i+1), from(srv, "192.0.2.1:1"), http.StatusOK)
	}
}

// TestRateLimitClientAddress: X-Forwarded-For counts only from a trusted
// proxy, and then its rightmost untrusted entry is the client; IPv6
// addresses count by their /64.
func TestRateLimitClientAddress(t *testing.T) {
	t.Run("untrusted X-Forwarded-For is ignored", func(t *testing.T) {
		srv := limited(t, nil)
		for i := range 3 {
			expect(t, "burst", from(srv, "192.0.2.1:1", "X-Forwarded-For: 198.51.100."+strconv.Itoa(i)), http.StatusOK)
		}
		expect(t, "a new X-Forwarded-For from the same address", from(srv, "192.0.2.1:1", "X-Forwarded-For: 198.51.100.99"), http.StatusTooManyRequests)
	})
	t.Run("behind a trusted proxy", func(t *testing.T) {
		srv := limited(t, func(c *server.Config) { c.TrustedProxies = []string{"10.0.0.0/8", "::1"} })
		for range 3 {
			// The client claims 203.0.113.9; the proxy 10.0.0.2 saw 198.51.100.7.
			expect(t, "burst", from(srv, "10.0.0.1:1", "X-Forwarded-For: 203.0.113.9, 198.51.100.7, 10.0.0.2"), http.StatusOK)
		}
		expect(t, "the same client, another spoofed entry", from(srv, "10.0.0.1:1", "X-Forwarded-For: 203.0.113.10, 198.51.100.7"), http.StatusTooManyRequests)
		expect(t, "the same client, in two headers", from(srv, "[::1]:1", "X-Forwarded-For: 203.0.113.11", "X-Forwarded-For: 198.51.100.7"), http.StatusTooManyRequests)
		expect(t, "another client behind the proxy", from(srv, "10.0.0.1:1", "X-Forwarded-For: 198.51.100.8"), http.StatusOK)
		for range 3 {
			expect(t, "the proxy's own requests", from(srv, "10.0.0.1:1"), http.StatusOK)
		}
		expect(t, "the proxy beyond its burst", from(srv, "10.0.0.1:1"), http.StatusTooManyRequests)
		expect(t, "an untrusted address's X-Forwarded-For", from(srv, "192.0.2.1:1", "X-Forwarded-For: 198.51.100.7"), http.StatusOK)
	})
	t.Run("IPv6 by /64", func(t *testing.T) {
		srv := limited(t, nil)
		for i := range 3 {
			expect(t, "burst", from(srv, "[2001:db8:1:2::"+strconv.Itoa(i+1)+"]:1"), http.StatusOK)
		}
		expect(t, "the same /64", from(srv, "[2001:db8:1:2:ffff::1]:1"), http.StatusTooManyRequests)
		expect(t, "another /64", from(srv, "[2001:db8:1:3::1]:1"), http.StatusOK)
	})
}

// TestRateLimitConfig: a negative rate and a malformed proxy are refused.
func TestRateLimitConfig(t *testing.T) {
	for name, edit := range map[string]func(*server.Config){
		"negative rate":   func(c *server.Config) { c.RateLimit = -1 },
		"malformed proxy": func(c *server.Config) { c.TrustedProxies = []string{"proxy.example"} },
		"malformed cidr":  func(c *server.Config) { c.TrustedProxies = []string{"10.0.0.0/33"} },
	} {
		cfg := server.DefaultConfig()
		edit(&cfg)
		if _, err := server.New(cfg, server.Deps{Schema: newSchema()}); err == nil {
			t.Errorf("%s: server.New accepted it", name)
		}
	}
}
