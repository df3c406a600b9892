package server_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"reflect"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/alecthomas/kong"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/server"
)

func TestAutomaticPersistedQueries(t *testing.T) {
	ts := newTestServer(t, nil)
	const query = "{ hello }"
	sum := sha256.Sum256([]byte(query))
	hash := hex.EncodeToString(sum[:])
	ext := map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hash}}
	extJSON := fmt.Sprintf(`{"persistedQuery":{"version":1,"sha256Hash":%q}}`, hash)

	steps := []struct {
		name   string
		req    func() response
		status int
		code   string
		hello  bool
	}{
		{name: "hash only, unknown: POST", req: func() response { return ts.post(t, mediaJSON, map[string]any{"extensions": ext}) },
			status: 200, code: "PERSISTED_QUERY_NOT_FOUND"},
		{name: "hash only, unknown: GET, graphql-response+json", req: func() response {
			return ts.do(t, request{method: http.MethodGet, query: url.Values{"extensions": {extJSON}}, headers: map[string]string{"Accept": mediaGQL}})
		}, status: 400, code: "PERSISTED_QUERY_NOT_FOUND"},
		{name: "hash that does not match the query", req: func() response {
			return ts.post(t, mediaJSON, map[string]any{"query": "{ hello things { id } }", "extensions": ext})
		}, status: 200, code: "BAD_USER_INPUT"},
		{name: "register with query and hash", req: func() response { return ts.post(t, mediaJSON, map[string]any{"query": query, "extensions": ext}) },
			status: 200, hello: true},
		{name: "hash only, known: POST", req: func() response { return ts.post(t, mediaJSON, map[string]any{"extensions": ext}) },
			status: 200, hello: true},
		{name: "hash only, known: GET", req: func() response {
			return ts.do(t, request{method: http.MethodGet, query: url.Values{"extensions": {extJSON}}})
		}, status: 200, hello: true},
	}
	for _, s := range steps {
		got := s.req()
		if got.status != s.status || got.firstCode() != s.code || (got.data("hello") == "hello, world") != s.hello {
			t.Fatalf("%s: status %d, code %q, body %s; want %d, %q, data.hello %v", s.name, got.status, got.firstCode(), got.body, s.status, s.code, s.hello)
		}
		if s.code == "PERSISTED_QUERY_NOT_FOUND" && got.firstMessage() != "PersistedQueryNotFound" {
			t.Errorf("%s: message = %q, want PersistedQueryNotFound (Apollo clients look for it)", s.name, got.firstMessage())
		}
	}
}

func TestProbes(t *testing.T) {
	tests := []struct {
		name   string
		ready  func(context.Context) error
		path   string
		status int
		body   string // a substring of the body
	}{
		{name: "healthz", path: "/healthz", status: 200, body: `"status":"ok"`,
			ready: func(context.Context) error { return errors.New("down") }},
		{name: "readyz without a check", path: "/readyz", status: 200, body: `"status":"ready"`},
		{name: "readyz ready", path: "/readyz", status: 200, body: `"status":"ready"`,
			ready: func(context.Context) error { return nil }},
		{name: "readyz store unavailable", path: "/readyz", status: 503, body: `"reason":"the graph store is unavailable or too slow; try again"`,
			ready: func(context.Context) error {
				return fmt.Errorf("%w: dial tcp 10.0.0.7:7687: connection refused", counterpoint.Errorf(counterpoint.EUNAVAILABLE, "the graph store is unavailable or too slow; try again"))
			}},
		{name: "readyz internal error", path: "/readyz", status: 503, body: `"reason":"the graph store is not reachable"`,
			ready: func(context.Context) error { return errors.New("Neo.ClientError.Security.Unauthorized at 10.0.0.7") }},
		{name: "readyz check that hangs", path: "/readyz", status: 503, body: `"reason":"the graph store did not answer within 50ms"`,
			ready: func(ctx context.Context) error { time.Sleep(time.Second); return nil }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := newTestServer(t, func(c *server.Config, d *server.Deps) {
				d.Ready = tt.ready
				c.ReadyTimeout = 50 * time.Millisecond
			})
			got := ts.do(t, request{method: http.MethodGet, path: tt.path})
			if got.status != tt.status || !strings.Contains(got.body, tt.body) {
				t.Fatalf("GET %s: status %d, body %s; want %d and a body with %s", tt.path, got.status, got.body, tt.status, tt.body)
			}
			if strings.Contains(got.body, "10.0.0.7") {
				t.Errorf("GET %s leaks internal details: %s", tt.path, got.body)
			}
		})
	}
}

// TestReadyzLogsChanges: a probe that polls /readyz while the service
// starts logs one line per change of answer, not one per poll; the
// repeats stay at Debug.
func TestReadyzLogsChanges(t *testing.T) {
	var answer atomic.Value // the check's error text; "" for ready
	answer.Store("")
	ts := newTestServer(t, func(c *server.Config, d *server.Deps) {
		d.Ready = func(context.Context) error {
			if msg := answer.Load().(string); msg != "" {
				return counterpoint.Errorf(counterpoint.EUNAVAILABLE, "%s", msg)
			}
			return nil
		}
	})
	const (
		schema   = "the graph store answers, but its schema is still being set up"
		planning = "the graph store answers, but it is still planning the service's reads"
		down     = "the graph store is unavailable or too slow; try again"
	)
	polls := []struct {
		answer string
		times  int
	}{{schema, 5}, {planning, 3}, {"", 4}, {down, 2}, {"", 1}}
	for _, p := range polls {
		answer.Store(p.answer)
		for range p.times {
			ts.do(t, request{method: http.MethodGet, path: "/readyz"})
		}
	}
	var got []string
	for _, rec := range ts.logs.lines(t, nil) {
		level, _ := rec["level"].(string)
		msg, _ := rec["msg"].(string)
		if msg != "ready" && msg != "not ready" || level == "DEBUG" {
			continue
		}
		reason, _ := rec["reason"].(string)
		got = append(got, strings.TrimSpace(level+" "+msg+" "+reason))
	}
	want := []string{"WARN not ready " + schema, "WARN not ready " + planning, "INFO ready", "WARN not ready " + down, "INFO ready"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("after polls %+v, the log above Debug says\n%s\nwant\n%s", polls, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if debug := len(ts.logs.lines(t, map[string]string{"level": "DEBUG", "msg": "not ready"})); debug != 5+3+2-3 {
		t.Errorf("%d repeated not-ready answers logged at Debug, want %d", debug, 5+3+2-3)
	}
}

func TestMetrics(t *testing.T) {
	ts := newTestServer(t, nil)
	long := "Q" + strings.Repeat("x", 70)
	for _, p := range []map[string]any{
		{"query": "query HelloOp { hello }"},
		{"query": "query HelloOp { hello }"},
		{"query": "{ hello }"},
		{"query": "query " + long + " { hello }"},
		{"query": "{"},
		{"query": "{ fail(kind: INTERNAL) }"},
	} {
		ts.post(t, mediaJSON, p)
	}
	ts.srv.Metrics().ObserveQuery("actorsByID", 3*time.Millisecond)
	ts.srv.Metrics().ObserveQuery("MATCH (n) RETURN n", time.Millisecond)
	var nilMetrics *server.Metrics
	nilMetrics.ObserveQuery("ignored", time.Millisecond) // must not panic

	got := ts.do(t, request{method: http.MethodGet, path: "/metrics"})
	if got.status != 200 {
		t.Fatalf("GET /metrics: status %d", got.status)
	}
	for _, want := range []string{
		`counterpoint_graphql_requests_total{operation="HelloOp"} 2`,
		`counterpoint_graphql_requests_total{operation="anonymous"} 3`,
		`counterpoint_graphql_requests_total{operation="other"} 1`,
		`counterpoint_graphql_request_duration_seconds_count{operation="HelloOp"} 2`,
		`counterpoint_graphql_errors_total{code="GRAPHQL_PARSE_FAILED"} 1`,
		`counterpoint_graphql_errors_total{code="INTERNAL_SERVER_ERROR"} 1`,
		`counterpoint_neo4j_query_duration_seconds_count{query="actorsByID"} 1`,
		`counterpoint_neo4j_query_duration_seconds_count{query="other"} 1`,
		`go_goroutines`,
	} {
		if !strings.Contains(got.body, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	if strings.Contains(got.body, long) {
		t.Errorf("/metrics has a label for a %d-character operation name", len(long))
	}
}

func TestRequestIDAndLog(t *testing.T) {
	ts := newTestServer(t, nil)
	generated := regexp.MustCompile(`^[A-Z2-7]{26}$`)
	tests := []struct {
		name     string
		incoming string
		keep     bool
	}{
		{name: "uuid kept", incoming: "0f8fad5b-d9cb-469f-a165-70867728950e", keep: true},
		{name: "token kept", incoming: "abc.DEF_123:x", keep: true},
		{name: "absent", incoming: ""},
		{name: "with a space", incoming: "abc def"},
		{name: "with a newline injection", incoming: "abc\",\"level\":\"ERROR"},
		{name: "too long", incoming: strings.Repeat("a", 129)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ts.do(t, request{body: `{"query":"query LogMe { hello }"}`, headers: map[string]string{"X-Request-ID": tt.incoming}})
			id := got.header.Get("X-Request-ID")
			if tt.keep && id != tt.incoming {
				t.Errorf("X-Request-ID %q: echoed %q, want it kept", tt.incoming, id)
			}
			if !tt.keep && !generated.MatchString(id) {
				t.Errorf("X-Request-ID %q: echoed %q, want a fresh 26-character id", tt.incoming, id)
			}
			recs := ts.logs.lines(t, map[string]string{"msg": "request", "request_id": id})
			if len(recs) != 1 {
				t.Fatalf("%d request log records with request_id %q, want 1; logs:\n%s", len(recs), id, ts.logs.String())
			}
			rec := recs[0]
			for k, want := range map[string]any{"method": "POST", "path": "/graphql", "status": float64(200), "operation": "LogMe"} {
				if rec[k] != want {
					t.Errorf("log record %s = %v, want %v", k, rec[k], want)
				}
			}
			if _, ok := rec["duration_ms"].(float64); !ok {
				t.Errorf("log record has no duration_ms: %v", rec)
			}
		})
	}
}

func TestCORS(t *testing.T) {
	const allowed, other = "https://explorer.example.org", "https://evil.example"
	tests := []struct {
		name    string
		origins []string
		origin  string
		want    string // Access-Control-Allow-Origin; "" for none
	}{
		{name: "allowed origin", origins: []string{allowed}, origin: allowed, want: allowed},
		{name: "other origin", origins: []string{allowed}, origin: other},
		{name: "no origins configured", origin: allowed},
		{name: "any origin", origins: []string{"*"}, origin: other, want: "*"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := newTestServer(t, func(c *server.Config, _ *server.Deps) { c.CORSAllowedOrigins = tt.origins })
			pre := ts.do(t, request{method: http.MethodOptions, headers: map[string]string{
				"Origin": tt.origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization, content-type",
			}})
			if got := pre.header.Get("Access-Control-Allow-Origin"); got != tt.want {
				t.Errorf("preflight from %s: Access-Control-Allow-Origin = %q, want %q", tt.origin, got, tt.want)
			}
			if tt.want != "" {
				h := strings.ToLower(pre.header.Get("Access-Control-Allow-Headers"))
				if !strings.Contains(h, "authorization") || !strings.Contains(h, "content-type") {
					t.Errorf("preflight: Access-Control-Allow-Headers = %q, want authorization and content-type", h)
				}
				if pre.header.Get("Access-Control-Allow-Credentials") != "" {
					t.Errorf("preflight allows credentials")
				}
			}
			got := ts.do(t, request{body: `{"query":"{ hello }"}`, headers: map[string]string{"Origin": tt.origin}})
			if got.status != 200 || got.header.Get("Access-Control-Allow-Origin") != tt.want {
				t.Errorf("POST from %s: status %d, Access-Control-Allow-Origin %q; want 200, %q", tt.origin, got.status, got.header.Get("Access-Control-Allow-Origin"), tt.want)
			}
			if tt.want != "" && !strings.Contains(got.header.Get("Access-Control-Expose-Headers"), "X-Request-Id") {
				t.Errorf("POST from %s: Access-Control-Expose-Headers = %q, want X-Request-Id", tt.origin, got.header.Get("Access-Control-Expose-Headers"))
			}
		})
	}
}

func TestRootPage(t *testing.T) {
	explorer := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "explorer at "+r.URL.Path) })
	tests := []struct {
		name     string
		explorer http.Handler
		path     string
		status   int
		body     string
	}{
		{name: "no explorer: links", path: "/", status: 200, body: `<a href="/graphql">`},
		{name: "no explorer: unknown path", path: "/nope", status: 404},
		{name: "explorer at /", explorer: explorer, path: "/", status: 200, body: "explorer at /"},
		{name: "explorer's assets", explorer: explorer, path: "/assets/app.js", status: 200, body: "explorer at /assets/app.js"},
		{name: "explorer does not shadow /healthz", explorer: explorer, path: "/healthz", status: 200, body: `"ok"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := newTestServer(t, func(_ *server.Config, d *server.Deps) { d.Explorer = tt.explorer })
			got := ts.do(t, request{method: http.MethodGet, path: tt.path})
			if got.status != tt.status || !strings.Contains(got.body, tt.body) {
				t.Errorf("GET %s: status %d, body %.200s; want %d with %q", tt.path, got.status, got.body, tt.status, tt.body)
			}
		})
	}
}

// TestServeShutsDownGracefully: when the context ends, Serve lets the
// request in flight finish, then returns nil.
func TestServeShutsDownGracefully(t *testing.T) {
	entered, release := make(chan struct{}), make(chan struct{})
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(entered)
		<-release
		fmt.Fprint(w, "finished")
	})
	srv, err := server.New(server.DefaultConfig(), server.Deps{Schema: newSchema(), Explorer: slow, Logger: discardLogger()})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ctx, ln) }()

	body := make(chan string, 1)
	go func() {
		resp, err := http.Get("http://" + ln.Addr().String() + "/")
		if err != nil {
			body <- "error: " + err.Error()
			return
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		body <- string(b)
	}()
	<-entered
	cancel()
	select {
	case err := <-served:
		t.Fatalf("Serve returned %v while a request was in flight", err)
	case <-time.After(100 * time.Millisecond):
	}
	close(release)
	if got := <-body; got != "finished" {
		t.Errorf("in-flight request got %q, want finished", got)
	}
	if err := <-served; err != nil {
		t.Errorf("Serve returned %v after a graceful shutdown, want nil", err)
	}
}

// TestConfigFromEnvironment: kong's defaults from the struct tags are
// DefaultConfig, and the env vars reach the fields.
func TestConfigFromEnvironment(t *testing.T) {
	vars := []string{"LISTEN_ADDR", "API_TOKENS", "GRAPHQL_INTROSPECTION", "CORS_ALLOWED_ORIGINS", "MAX_BODY_BYTES",
		"REQUEST_TIMEOUT", "READ_HEADER_TIMEOUT", "READ_TIMEOUT", "WRITE_TIMEOUT", "IDLE_TIMEOUT", "SHUTDOWN_TIMEOUT",
		"READY_TIMEOUT", "COMPLEXITY_LIMIT", "MAX_DEPTH", "MAX_TOKENS", "APQ_CACHE_SIZE", "QUERY_CACHE_SIZE",
		"MAX_ROOT_FIELDS", "METRICS_ADDR", "METRICS_TOKEN", "RATE_LIMIT", "RATE_BURST", "TRUSTED_PROXIES"}
	for _, v := range vars {
		t.Setenv(v, "x") // restored after the test
		os.Unsetenv(v)
	}
	parse := func(t *testing.T) server.Config {
		var cli struct{ server.Config }
		p, err := kong.New(&cli)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.Parse(nil); err != nil {
			t.Fatal(err)
		}
		return cli.Config
	}
	if got, want := parse(t), server.DefaultConfig(); !reflect.DeepEqual(got, want) {
		t.Errorf("defaults from the environment:\n got %+v\nwant %+v", got, want)
	}

	t.Setenv("API_TOKENS", tokenOne+","+tokenTwo)
	t.Setenv("CORS_ALLOWED_ORIGINS", "https://a.example,http://localhost:3000")
	t.Setenv("GRAPHQL_INTROSPECTION", "false")
	t.Setenv("REQUEST_TIMEOUT", "3s")
	t.Setenv("MAX_DEPTH", "8")
	t.Setenv("MAX_ROOT_FIELDS", "4")
	t.Setenv("METRICS_ADDR", "127.0.0.1:9090")
	t.Setenv("METRICS_TOKEN", "metrics-secret")
	t.Setenv("RATE_LIMIT", "0.5")
	t.Setenv("RATE_BURST", "7")
	t.Setenv("TRUSTED_PROXIES", "10.0.0.0/8,::1")
	got := parse(t)
	want := server.DefaultConfig()
	want.APITokens = []string{tokenOne, tokenTwo}
	want.CORSAllowedOrigins = []string{"https://a.example", "http://localhost:3000"}
	want.Introspection = new(false)
	want.RequestTimeout = 3 * time.Second
	want.MaxDepth = 8
	want.MaxRootFields = 4
	want.MetricsAddr = "127.0.0.1:9090"
	want.MetricsToken = "metrics-secret"
	want.RateLimit = 0.5
	want.RateBurst = 7
	want.TrustedProxies = []string{"10.0.0.0/8", "::1"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("config from the environment:\n got %+v\nwant %+v", got, want)
	}
}

// TestLongOperationNameIsClippedInTheLog: an operation name is the
// client's to choose; the log keeps at most 128 bytes of it (and how long
// it was), so that a 100 KB name cannot make a 100 KB log line.
func TestLongOperationNameIsClippedInTheLog(t *testing.T) {
	ts := newTestServer(t, nil)
	long := "Q" + strings.Repeat("é", 50_000) // 100 KB, multi-byte: the cut must not split a rune
	for _, params := range []map[string]any{
		{"query": "query " + long + " { hello }"},                   // the operation's own name
		{"query": "{ hello }", "operationName": long},               // an operationName no operation has
		{"query": "query A { hello }", "operationName": long + "x"}, // likewise, over GET below
	} {
		ts.post(t, mediaJSON, params)
	}
	ts.do(t, request{method: http.MethodGet, query: url.Values{"query": {"{ hello }"}, "operationName": {long}}})
	ts.do(t, request{method: http.MethodGet, path: "/" + strings.Repeat("p", 10_000)})
	for _, line := range strings.Split(strings.TrimSpace(ts.logs.String()), "\n") {
		if len(line) > 2048 {
			t.Errorf("a log line of %d bytes: %.200s…", len(line), line)
		}
	}
	recs := ts.logs.lines(t, map[string]string{"msg": "request", "path": "/graphql"})
	if len(recs) != 4 {
		t.Fatalf("%d request records, want 4", len(recs))
	}
	clipped := 0
	for _, rec := range recs {
		op, _ := rec["operation"].(string)
		if op == "" {
			continue // gqlgen ran the one anonymous operation
		}
		clipped++
		if len(op) > 128 || !strings.HasPrefix(op, "Qéé") || !strings.HasSuffix(op, "…") || !utf8.ValidString(op) {
			t.Errorf("logged operation %q (%d bytes), want at most 128 bytes of the name, cut at a rune, ending in …", op, len(op))
		}
		if n, _ := rec["operation_bytes"].(float64); n < 100_000 {
			t.Errorf("operation_bytes = %v, want the name's length", rec["operation_bytes"])
		}
	}
	if clipped < 3 {
		t.Errorf("%d records name the long operation, want at least 3", clipped)
	}
}

// TestGraphQLResponseHeaders: every /graphql answer, success or error,
// tells browsers not to sniff its type and caches not to keep it.
func TestGraphQLResponseHeaders(t *testing.T) {
	ts := newTestServer(t, nil)
	for name, req := range map[string]request{
		"POST query":        {body: `{"query":"{ hello }"}`},
		"GET query":         {method: http.MethodGet, query: url.Values{"query": {"{ hello }"}}},
		"parse error":       {body: `{"query":"{"}`},
		"execution error":   {body: `{"query":"{ fail(kind: INTERNAL) }"}`},
		"malformed request": {body: `{"query":`},
		"wrong method":      {method: http.MethodPut, body: `{}`},
		"unsupported media": {body: `{"query":"{ hello }"}`, headers: map[string]string{"Content-Type": "text/plain"}},
	} {
		got := ts.do(t, req)
		if h := got.header.Get("X-Content-Type-Options"); h != "nosniff" {
			t.Errorf("%s: X-Content-Type-Options = %q, want nosniff", name, h)
		}
		if h := got.header.Get("Cache-Control"); h != "no-store" {
			t.Errorf("%s: Cache-Control = %q, want no-store", name, h)
		}
	}
}

// TestMetricsToken: with METRICS_TOKEN, /metrics answers only the bearer
// of that token.
func TestMetricsToken(t *testing.T) {
	const token = "metrics-secret-token"
	ts := newTestServer(t, func(c *server.Config, _ *server.Deps) { c.MetricsToken = token })
	for _, tt := range []struct {
		auth   string
		status int
	}{
		{"", http.StatusUnauthorized},
		{"Bearer wrong", http.StatusUnauthorized},
		{"Bearer " + token + "x", http.StatusUnauthorized},
		{token, http.StatusUnauthorized},
		{"Bearer " + token, http.StatusOK},
	} {
		got := ts.do(t, request{method: http.MethodGet, path: "/metrics", headers: map[string]string{"Authorization": tt.auth}})
		if got.status != tt.status {
			t.Errorf("Authorization %q: status %d, want %d", tt.auth, got.status, tt.status)
		}
		if got.status == http.StatusOK && !strings.Contains(got.body, "go_goroutines") {
			t.Errorf("Authorization %q: body lacks the metrics", tt.auth)
		}
		if got.status == http.StatusUnauthorized && (got.header.Get("WWW-Authenticate") == "" || strings.Contains(got.body, "go_goroutines")) {
			t.Errorf("Authorization %q: a 401 without WWW-Authenticate, or with the metrics", tt.auth)
		}
	}
}

// TestMetricsOnTheirOwnAddress: with METRICS_ADDR, /metrics is served by
// ServeMetrics on that listener and no longer beside the API.
func TestMetricsOnTheirOwnAddress(t *testing.T) {
	ts := newTestServer(t, func(c *server.Config, _ *server.Deps) { c.MetricsAddr = "127.0.0.1:0" })
	if got := ts.do(t, request{method: http.MethodGet, path: "/metrics"}); got.status == http.StatusOK {
		t.Errorf("GET /metrics on the API's address: status 200, want it served elsewhere only")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- ts.srv.ServeMetrics(ctx, ln) }()
	resp, err := http.Get("http://" + ln.Addr().String() + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "counterpoint_graphql") && !strings.Contains(string(body), "go_goroutines") {
		t.Errorf("GET /metrics on METRICS_ADDR: status %d, body %.200s", resp.StatusCode, body)
	}
	if resp, err := http.Get("http://" + ln.Addr().String() + "/graphql"); err == nil {
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET /graphql on METRICS_ADDR: status %d, want 404", resp.StatusCode)
		}
	}
	cancel()
	if err := <-served; err != nil {
		t.Errorf("ServeMetrics after its context ended: %v, want nil", err)
	}

	// The same address for both is refused.
	cfg := server.DefaultConfig()
	cfg.MetricsAddr = cfg.ListenAddr
	if _, err := server.New(cfg, server.Deps{Schema: newSchema()}); err == nil || !strings.Contains(err.Error(), "METRICS_ADDR") {
		t.Errorf("METRICS_ADDR = LISTEN_ADDR: err = %v, want it refused", err)
	}
}
