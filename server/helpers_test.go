package server_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"

	"github.com/counterpoint-news/counterpoint/internal/syncbuf"
	"github.com/counterpoint-news/counterpoint/server"
	"github.com/counterpoint-news/counterpoint/server/internal/testschema"
)

// testServer is a server over the test schema, behind httptest.NewServer.
type testServer struct {
	*httptest.Server
	res  *testschema.Resolver
	srv  *server.Server
	logs *syncBuffer
}

// newTestServer starts a server with the default config and the test
// schema; edit may change the config and the deps first.
func newTestServer(t *testing.T, edit func(*server.Config, *server.Deps)) *testServer {
	t.Helper()
	res := &testschema.Resolver{}
	logs := &syncBuffer{}
	cfg := server.DefaultConfig()
	deps := server.Deps{
		Schema:     testschema.New(res),
		Middleware: testschema.Middleware,
		Logger:     slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
	}
	if edit != nil {
		edit(&cfg, &deps)
	}
	srv, err := server.New(cfg, deps)
	if err != nil {
		t.Fatalf("server.New: %v", err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return &testServer{Server: ts, res: res, srv: srv, logs: logs}
}

// request is one HTTP request to the test server.
type request struct {
	method  string            // default POST
	path    string            // default /graphql
	query   url.Values        // URL query
	headers map[string]string // Content-Type defaults to application/json for a POST with a body
	body    string
}

// response is what came back; gql is the body decoded as a GraphQL
// response when it is JSON.
type response struct {
	status int
	header http.Header
	body   string
	gql    map[string]any
}

func (ts *testServer) do(t *testing.T, req request) response {
	t.Helper()
	method := req.method
	if method == "" {
		method = http.MethodPost
	}
	path := req.path
	if path == "" {
		path = "/graphql"
	}
	u := ts.URL + path
	if req.query != nil {
		u += "?" + req.query.Encode()
	}
	var body io.Reader
	if req.body != "" {
		body = strings.NewReader(req.body)
	}
	hr, err := http.NewRequestWithContext(context.Background(), method, u, body)
	if err != nil {
		t.Fatalf("%s %s: %v", method, u, err)
	}
	if method == http.MethodPost && req.body != "" {
		hr.Header.Set("Content-Type", "application/json")
	}
	for k, v := range req.headers {
		if v == "" {
			hr.Header.Del(k)
		} else {
			hr.Header.Set(k, v)
		}
	}
	resp, err := ts.Client().Do(hr)
	if err != nil {
		t.Fatalf("%s %s: %v", method, u, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: reading body: %v", method, u, err)
	}
	out := response{status: resp.StatusCode, header: resp.Header, body: string(b)}
	if strings.Contains(resp.Header.Get("Content-Type"), "json") && len(b) > 0 {
		if err := json.Unmarshal(b, &out.gql); err != nil {
			t.Fatalf("%s %s: body is not JSON: %v\n%s", method, u, err, b)
		}
	}
	return out
}

// post sends a GraphQL request as a JSON POST with the given Accept header.
func (ts *testServer) post(t *testing.T, accept string, params map[string]any) response {
	t.Helper()
	b, err := json.Marshal(params)
	if err != nil {
		t.Fatal(err)
	}
	return ts.do(t, request{body: string(b), headers: map[string]string{"Accept": accept}})
}

// hasData reports whether the response has a "data" entry at all.
func (r response) hasData() bool {
	_, ok := r.gql["data"]
	return ok
}

// errorCodes lists extensions.code of each error.
func (r response) errorCodes() []string {
	var codes []string
	errs, _ := r.gql["errors"].([]any)
	for _, e := range errs {
		m, _ := e.(map[string]any)
		ext, _ := m["extensions"].(map[string]any)
		code, _ := ext["code"].(string)
		codes = append(codes, code)
	}
	return codes
}

// firstCode is the first error's code, "" without errors.
func (r response) firstCode() string {
	if codes := r.errorCodes(); len(codes) > 0 {
		return codes[0]
	}
	return ""
}

// firstMessage is the first error's message.
func (r response) firstMessage() string {
	errs, _ := r.gql["errors"].([]any)
	if len(errs) == 0 {
		return ""
	}
	m, _ := errs[0].(map[string]any)
	s, _ := m["message"].(string)
	return s
}

// data returns data.<field>.
func (r response) data(field string) any {
	d, _ := r.gql["data"].(map[string]any)
	return d[field]
}

func (r response) mediaType() string {
	ct := r.header.Get("Content-Type")
	mt, _, _ := strings.Cut(ct, ";")
	return strings.TrimSpace(mt)
}

// syncBuffer is the log the server writes while a test reads it.
type syncBuffer struct{ syncbuf.Buffer }

// lines returns the JSON log records that have every given key=value.
func (b *syncBuffer) lines(t *testing.T, match map[string]string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(b.String()), "\n") {
		if line == "" {
			continue
		}
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("log line is not JSON: %v\n%s", err, line)
		}
		ok := true
		for k, v := range match {
			if s, _ := rec[k].(string); s != v {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, rec)
		}
	}
	return out
}

// newSchema is the test schema over a fresh resolver.
func newSchema() graphql.ExecutableSchema { return testschema.New(&testschema.Resolver{}) }

func discardLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }
