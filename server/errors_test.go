package server_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/counterpoint-news/counterpoint/server"
	"github.com/counterpoint-news/counterpoint/server/internal/testschema"
)

// TestErrorPresenter: every resolver error gets its extensions.code from
// the domain code, user-safe messages pass, and internal details are logged
// with the request id but never returned.
func TestErrorPresenter(t *testing.T) {
	ts := newTestServer(t, nil)
	tests := []struct {
		kind    string
		code    string
		message string
		logged  string // a log message that must carry the request id and the details
	}{
		{kind: "INVALID", code: "BAD_USER_INPUT", message: "first must be at most 100, got 1000"},
		{kind: "NOT_FOUND", code: "NOT_FOUND", message: `no actor has id "nobody"`},
		{kind: "UNAUTHORIZED", code: "UNAUTHENTICATED", message: "this needs a token"},
		{kind: "TOO_COMPLEX", code: "QUERY_TOO_COMPLEX", message: "the subgraph asked for is too large"},
		{kind: "UNAVAILABLE", code: "STORE_UNAVAILABLE", message: "the graph store is unavailable or too slow; try again", logged: "graph store unavailable"},
		{kind: "INTERNAL", code: "INTERNAL_SERVER_ERROR", message: "internal error", logged: "internal error"},
		{kind: "PANIC", code: "INTERNAL_SERVER_ERROR", message: "internal error", logged: "panic in resolver"},
	}
	for _, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			id := "req-" + strings.ToLower(tt.kind)
			got := ts.do(t, request{
				body:    `{"query":"{ hello fail(kind: ` + tt.kind + `) }"}`,
				headers: map[string]string{"Accept": mediaGQL, "X-Request-ID": id},
			})
			if got.status != 200 || got.firstCode() != tt.code || got.firstMessage() != tt.message {
				t.Fatalf("fail(kind: %s): status %d, code %q, message %q; want 200, %q, %q\nbody: %s",
					tt.kind, got.status, got.firstCode(), got.firstMessage(), tt.code, tt.message, got.body)
			}
			if got.data("hello") != "hello, world" {
				t.Errorf("fail(kind: %s): the other field's data is lost: %s", tt.kind, got.body)
			}
			if strings.Contains(got.body, testschema.SecretDetail) || strings.Contains(got.body, "exploded") {
				t.Errorf("fail(kind: %s): the response leaks internal details: %s", tt.kind, got.body)
			}
			errs, _ := got.gql["errors"].([]any)
			if e, _ := errs[0].(map[string]any); e["path"] == nil {
				t.Errorf("fail(kind: %s): error without a path: %s", tt.kind, got.body)
			}
			if tt.logged != "" {
				recs := ts.logs.lines(t, map[string]string{"msg": tt.logged, "request_id": id})
				if len(recs) == 0 {
					t.Fatalf("fail(kind: %s): no %q log record with request_id %s; logs:\n%s", tt.kind, tt.logged, id, ts.logs.String())
				}
				rec := recs[0]
				detail, _ := rec["error"].(string)
				if p, _ := rec["panic"].(string); p != "" {
					detail = p
				}
				if !strings.Contains(detail, testschema.SecretDetail) {
					t.Errorf("fail(kind: %s): the log record lacks the details: %v", tt.kind, rec)
				}
				if tt.kind == "PANIC" {
					if stack, _ := rec["stack"].(string); !strings.Contains(stack, "testschema") {
						t.Errorf("panic logged without the resolver's stack: %v", rec)
					}
				}
			}
		})
	}
}

// TestRequestTimeout: the request's deadline reaches the resolvers, and a
// request that overruns it ends with STORE_UNAVAILABLE instead of hanging.
func TestRequestTimeout(t *testing.T) {
	ts := newTestServer(t, func(c *server.Config, _ *server.Deps) { c.RequestTimeout = 100 * time.Millisecond })
	got := ts.post(t, mediaJSON, map[string]any{"query": "{ hasDeadline }"})
	if got.data("hasDeadline") != true {
		t.Errorf("hasDeadline = %v, want true: the resolvers' context has no deadline", got.data("hasDeadline"))
	}
	got = ts.post(t, mediaJSON, map[string]any{"query": "{ slow }"})
	if got.status != 200 || got.firstCode() != "STORE_UNAVAILABLE" || !strings.Contains(got.firstMessage(), "did not finish within 100ms") {
		t.Errorf("{ slow }: status %d, code %q, message %q; want 200, STORE_UNAVAILABLE, a message naming the 100ms deadline\nbody: %s",
			got.status, got.firstCode(), got.firstMessage(), got.body)
	}
}

// TestPanicInMiddleware: a panic outside the resolvers still ends as a 500
// with a generic GraphQL error, and is logged.
func TestPanicInMiddleware(t *testing.T) {
	ts := newTestServer(t, func(_ *server.Config, d *server.Deps) {
		d.Middleware = func(http.Handler) http.Handler {
			return http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("loader setup failed: " + testschema.SecretDetail) })
		}
	})
	got := ts.post(t, mediaJSON, map[string]any{"query": "{ hello }"})
	if got.status != 500 || got.firstCode() != "INTERNAL_SERVER_ERROR" || strings.Contains(got.body, testschema.SecretDetail) {
		t.Errorf("status %d, body %s; want 500 with a generic INTERNAL_SERVER_ERROR", got.status, got.body)
	}
	if recs := ts.logs.lines(t, map[string]string{"msg": "panic in handler"}); len(recs) != 1 {
		t.Errorf("%d 'panic in handler' log records, want 1; logs:\n%s", len(recs), ts.logs.String())
	}
}

func TestMiddlewareRunsPerRequest(t *testing.T) {
	ts := newTestServer(t, nil)
	for _, method := range []string{http.MethodPost, http.MethodGet} {
		var got response
		if method == http.MethodGet {
			got = ts.do(t, request{method: method, query: map[string][]string{"query": {"{ fromMiddleware }"}}})
		} else {
			got = ts.post(t, "", map[string]any{"query": "{ fromMiddleware }"})
		}
		if want := "loaders for " + method; got.data("fromMiddleware") != want {
			t.Errorf("%s: fromMiddleware = %v, want %q", method, got.data("fromMiddleware"), want)
		}
	}
}

// TestArgumentCoercion: an argument that passes validation but that gqlgen
// cannot coerce to its Go type (a custom scalar's UnmarshalGQL refuses it)
// is the client's fault: BAD_USER_INPUT with the scalar's message.
func TestArgumentCoercion(t *testing.T) {
	ts := newTestServer(t, nil)
	tests := []struct {
		name   string
		params map[string]any
		code   string
	}{
		{name: "literal", params: map[string]any{"query": `{ slug(s: "Robert Litt") }`}, code: "BAD_USER_INPUT"},
		{name: "variable", params: map[string]any{"query": `query Q($s: Slug!) { slug(s: $s) }`, "variables": map[string]any{"s": "Robert Litt"}}, code: "BAD_USER_INPUT"},
		{name: "well-formed", params: map[string]any{"query": `{ slug(s: "robert-litt") }`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ts.post(t, mediaGQL, tt.params)
			if got.status != 200 || got.firstCode() != tt.code {
				t.Fatalf("status %d, code %q; want 200, %q\nbody: %s", got.status, got.firstCode(), tt.code, got.body)
			}
			if tt.code != "" && !strings.Contains(got.firstMessage(), "is not a slug") {
				t.Errorf("message = %q, want the scalar's explanation", got.firstMessage())
			}
		})
	}
}
