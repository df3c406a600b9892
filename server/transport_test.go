package server_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

const (
	mediaJSON = "application/json"
	mediaGQL  = "application/graphql-response+json"
)

// TestGraphQLOverHTTP checks the transport against the GraphQL-over-HTTP
// specification: methods, media types, Accept negotiation, malformed
// requests, and the status codes and "data" entry of request errors under
// each response media type.
func TestGraphQLOverHTTP(t *testing.T) {
	ts := newTestServer(t, nil)
	get := func(q url.Values, accept string) request {
		return request{method: http.MethodGet, query: q, headers: map[string]string{"Accept": accept}}
	}
	post := func(body, accept string) request {
		return request{body: body, headers: map[string]string{"Accept": accept}}
	}
	tests := []struct {
		name      string
		req       request
		status    int
		media     string // response media type; "" to skip the check
		data      bool   // whether the response must have a "data" entry
		code      string // first error's extensions.code; "" for no errors
		allow     string // the Allow header, when checked
		wantHello bool   // data.hello must be "hello, world"
	}{
		// Accept negotiation.
		{name: "POST without Accept", req: post(`{"query":"{ hello }"}`, ""), status: 200, media: mediaJSON, data: true, wantHello: true},
		{name: "POST Accept json", req: post(`{"query":"{ hello }"}`, mediaJSON), status: 200, media: mediaJSON, data: true, wantHello: true},
		{name: "POST Accept graphql-response+json", req: post(`{"query":"{ hello }"}`, mediaGQL), status: 200, media: mediaGQL, data: true, wantHello: true},
		{name: "POST Accept */*", req: post(`{"query":"{ hello }"}`, "*/*"), status: 200, media: mediaJSON, data: true},
		{name: "POST Accept application/*", req: post(`{"query":"{ hello }"}`, "application/*"), status: 200, media: mediaJSON, data: true},
		{name: "POST Accept both, graphql first", req: post(`{"query":"{ hello }"}`, mediaGQL+"; charset=utf-8, "+mediaJSON+"; charset=utf-8"), status: 200, media: mediaGQL, data: true},
		{name: "POST Accept both, json first", req: post(`{"query":"{ hello }"}`, mediaJSON+", "+mediaGQL), status: 200, media: mediaJSON, data: true},
		{name: "POST Accept json preferred by q", req: post(`{"query":"{ hello }"}`, mediaGQL+";q=0.5, "+mediaJSON), status: 200, media: mediaJSON, data: true},
		{name: "POST Accept graphql preferred by q over */*", req: post(`{"query":"{ hello }"}`, "*/*;q=0.8, "+mediaGQL), status: 200, media: mediaGQL, data: true},
		{name: "POST Accept browser default", req: post(`{"query":"{ hello }"}`, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"), status: 200, media: mediaJSON, data: true},
		{name: "POST Accept text/html only", req: post(`{"query":"{ hello }"}`, "text/html"), status: 406, media: mediaJSON, code: "BAD_USER_INPUT"},
		{name: "POST Accept json refused by q=0", req: post(`{"query":"{ hello }"}`, mediaJSON+";q=0"), status: 406, code: "BAD_USER_INPUT"},
		{name: "POST Accept latin1 only", req: post(`{"query":"{ hello }"}`, mediaJSON+"; charset=iso-8859-1"), status: 406, code: "BAD_USER_INPUT"},

		// GET.
		{name: "GET query", req: get(url.Values{"query": {"{ hello }"}}, ""), status: 200, media: mediaJSON, data: true, wantHello: true},
		{name: "GET query with variables", req: get(url.Values{"query": {"query Q($n: Int!) { double(n: $n) }"}, "variables": {`{"n": 21}`}}, mediaGQL), status: 200, media: mediaGQL, data: true},
		{name: "GET with operationName", req: get(url.Values{"query": {"query A { hello } query B { hello }"}, "operationName": {"B"}}, ""), status: 200, data: true},
		{name: "GET mutation is 405", req: get(url.Values{"query": {`mutation { rename(id: "a", name: "b") { id } }`}}, mediaGQL), status: 405, media: mediaGQL, code: "BAD_USER_INPUT", allow: "POST"},
		{name: "GET mutation chosen by operationName is 405", req: get(url.Values{"query": {`query Q { hello } mutation M { rename(id: "a", name: "b") { id } }`}, "operationName": {"M"}}, ""), status: 405, code: "BAD_USER_INPUT", allow: "POST"},
		{name: "GET without query", req: get(url.Values{"operationName": {"Q"}}, ""), status: 400, code: "BAD_USER_INPUT"},
		{name: "GET variables not an object", req: get(url.Values{"query": {"{ hello }"}, "variables": {"[1]"}}, ""), status: 400, code: "BAD_USER_INPUT"},
		{name: "GET variables not JSON", req: get(url.Values{"query": {"{ hello }"}, "variables": {"{n:"}}, ""), status: 400, code: "BAD_USER_INPUT"},

		// Malformed POST requests: 4xx under either media type.
		{name: "POST without Content-Type", req: request{body: `{"query":"{ hello }"}`, headers: map[string]string{"Content-Type": ""}}, status: 415, code: "BAD_USER_INPUT"},
		{name: "POST text/plain", req: request{body: `{"query":"{ hello }"}`, headers: map[string]string{"Content-Type": "text/plain"}}, status: 415, code: "BAD_USER_INPUT"},
		{name: "POST form", req: request{body: `query=%7B+hello+%7D`, headers: map[string]string{"Content-Type": "application/x-www-form-urlencoded"}}, status: 415, code: "BAD_USER_INPUT"},
		{name: "POST json latin1", req: request{body: `{"query":"{ hello }"}`, headers: map[string]string{"Content-Type": "application/json; charset=latin1"}}, status: 415, code: "BAD_USER_INPUT"},
		{name: "POST json utf-8", req: request{body: `{"query":"{ hello }"}`, headers: map[string]string{"Content-Type": "application/json; charset=UTF-8"}}, status: 200, data: true},
		{name: "POST empty body", req: request{headers: map[string]string{"Content-Type": mediaJSON}}, status: 400, code: "BAD_USER_INPUT"},
		{name: "POST invalid JSON, json", req: post(`{ "not a JSON`, mediaJSON), status: 400, media: mediaJSON, code: "BAD_USER_INPUT"},
		{name: "POST invalid JSON, graphql", req: post(`{ "not a JSON`, mediaGQL), status: 400, media: mediaGQL, code: "BAD_USER_INPUT"},
		{name: "POST JSON array", req: post(`[{"query":"{ hello }"}]`, ""), status: 400, code: "BAD_USER_INPUT"},
		{name: "POST JSON null", req: post(`null`, ""), status: 400, code: "BAD_USER_INPUT"},
		{name: "POST two JSON values", req: post(`{"query":"{ hello }"} {}`, ""), status: 400, code: "BAD_USER_INPUT"},
		{name: "POST query missing", req: post(`{"qeury":"{ hello }"}`, ""), status: 400, code: "BAD_USER_INPUT"},
		{name: "POST query null", req: post(`{"query":null}`, mediaGQL), status: 400, code: "BAD_USER_INPUT"},
		{name: "POST query a number", req: post(`{"query":0}`, ""), status: 400, code: "BAD_USER_INPUT"},
		{name: "POST operationName an object", req: post(`{"query":"{ hello }","operationName":{}}`, ""), status: 400, code: "BAD_USER_INPUT"},
		{name: "POST variables an array", req: post(`{"query":"{ hello }","variables":[7]}`, ""), status: 400, code: "BAD_USER_INPUT"},
		{name: "POST variables a string", req: post(`{"query":"{ hello }","variables":"{}"}`, ""), status: 400, code: "BAD_USER_INPUT"},
		{name: "POST extensions a boolean", req: post(`{"query":"{ hello }","extensions":false}`, ""), status: 400, code: "BAD_USER_INPUT"},
		{name: "POST null optional parameters", req: post(`{"query":"{ hello }","operationName":null,"variables":null,"extensions":null}`, mediaJSON), status: 200, data: true, wantHello: true},
		{name: "POST unknown parameter ignored", req: post(`{"query":"{ hello }","future":1}`, ""), status: 200, data: true},

		// Request errors: 200 under application/json, 400 under
		// graphql-response+json, never a data entry.
		{name: "parse error, json", req: post(`{"query":"{"}`, mediaJSON), status: 200, media: mediaJSON, code: "GRAPHQL_PARSE_FAILED"},
		{name: "parse error, graphql", req: post(`{"query":"{"}`, mediaGQL), status: 400, media: mediaGQL, code: "GRAPHQL_PARSE_FAILED"},
		{name: "parse error, no Accept", req: post(`{"query":"{"}`, ""), status: 200, media: mediaJSON, code: "GRAPHQL_PARSE_FAILED"},
		{name: "parse error over GET, graphql", req: get(url.Values{"query": {"{"}}, mediaGQL), status: 400, code: "GRAPHQL_PARSE_FAILED"},
		{name: "empty query", req: post(`{"query":""}`, mediaGQL), status: 400, code: "GRAPHQL_VALIDATION_FAILED"},
		{name: "validation error, json", req: post(`{"query":"{ nope }"}`, mediaJSON), status: 200, media: mediaJSON, code: "GRAPHQL_VALIDATION_FAILED"},
		{name: "validation error, graphql", req: post(`{"query":"{ nope }"}`, mediaGQL), status: 400, media: mediaGQL, code: "GRAPHQL_VALIDATION_FAILED"},
		{name: "missing argument, graphql", req: post(`{"query":"{ double }"}`, mediaGQL), status: 400, code: "GRAPHQL_VALIDATION_FAILED"},
		{name: "unknown operationName", req: post(`{"query":"query A { hello }","operationName":"B"}`, mediaGQL), status: 400, code: "GRAPHQL_VALIDATION_FAILED"},
		{name: "variable coercion, json", req: post(`{"query":"query Q($n: Int!) { double(n: $n) }","variables":{"n":"x"}}`, mediaJSON), status: 200, code: "BAD_USER_INPUT"},
		{name: "variable coercion, graphql", req: post(`{"query":"query Q($n: Int!) { double(n: $n) }","variables":{"n":"x"}}`, mediaGQL), status: 400, code: "BAD_USER_INPUT"},
		{name: "variable missing, graphql", req: post(`{"query":"query Q($n: Int!) { double(n: $n) }","variables":{}}`, mediaGQL), status: 400, code: "BAD_USER_INPUT"},
		{name: "variables used", req: post(`{"query":"query Q($n: Int!) { double(n: $n) }","variables":{"n":21}}`, mediaGQL), status: 200, data: true},

		// Other methods.
		{name: "PUT is 405", req: request{method: http.MethodPut, body: `{"query":"{ hello }"}`}, status: 405, code: "BAD_USER_INPUT", allow: "GET, POST, OPTIONS"},
		{name: "DELETE is 405", req: request{method: http.MethodDelete}, status: 405, code: "BAD_USER_INPUT", allow: "GET, POST, OPTIONS"},
		{name: "HEAD is 405", req: request{method: http.MethodHead}, status: 405, allow: "GET, POST, OPTIONS"},
		{name: "OPTIONS lists methods", req: request{method: http.MethodOptions}, status: 200, allow: "GET, POST, OPTIONS"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ts.do(t, tt.req)
			if got.status != tt.status {
				t.Errorf("status = %d, want %d\nbody: %s", got.status, tt.status, got.body)
			}
			if tt.media != "" && got.mediaType() != tt.media {
				t.Errorf("Content-Type = %q, want %s", got.header.Get("Content-Type"), tt.media)
			}
			if got.gql != nil && got.hasData() != tt.data {
				t.Errorf("has data entry = %v, want %v\nbody: %s", got.hasData(), tt.data, got.body)
			}
			if code := got.firstCode(); code != tt.code {
				t.Errorf("extensions.code = %q, want %q\nbody: %s", code, tt.code, got.body)
			}
			if tt.allow != "" && got.header.Get("Allow") != tt.allow {
				t.Errorf("Allow = %q, want %q", got.header.Get("Allow"), tt.allow)
			}
			if tt.wantHello && got.data("hello") != "hello, world" {
				t.Errorf("data.hello = %v, want %q\nbody: %s", got.data("hello"), "hello, world", got.body)
			}
			if ct := got.header.Get("Content-Type"); got.gql != nil && !strings.Contains(ct, "charset=utf-8") {
				t.Errorf("Content-Type = %q, want a charset=utf-8 parameter", ct)
			}
		})
	}
}

// TestExecutionErrorsKeepData: an operation that executed answers 200 with
// its data (even null) under both media types, whatever its field errors.
func TestExecutionErrorsKeepData(t *testing.T) {
	ts := newTestServer(t, nil)
	for _, accept := range []string{mediaJSON, mediaGQL} {
		got := ts.post(t, accept, map[string]any{"query": "{ hello fail(kind: NOT_FOUND) }"})
		if got.status != 200 || !got.hasData() || got.data("hello") != "hello, world" || got.firstCode() != "NOT_FOUND" {
			t.Errorf("Accept %s: status %d, body %s; want 200 with data.hello and a NOT_FOUND error", accept, got.status, got.body)
		}
	}
}

// TestInvalidUTF8IsRefused: a request whose body, variables or URL
// parameters are not valid UTF-8 (raw bytes or lone surrogate escapes) is
// refused with BAD_USER_INPUT naming where, instead of reaching the
// resolvers with U+FFFD in place of what was sent.
func TestInvalidUTF8IsRefused(t *testing.T) {
	ts := newTestServer(t, nil)
	const q = `query Q($n: String) { hello(name: $n) }`
	tests := []struct {
		name    string
		req     request
		wantMsg string
	}{
		{"raw byte in a variable", request{body: `{"query":"` + q + `","variables":{"n":"caf` + "\xe9" + `"}}`}, "$.variables.n: invalid UTF-8 byte 0xe9"},
		{"lone surrogate in a variable", request{body: `{"query":"` + q + `","variables":{"n":"x\ud800"}}`}, `$.variables.n: lone surrogate \ud800`},
		{"raw byte in the query", request{body: `{"query":"{ hello(name: \"` + "\xff" + `\") }"}`}, "$.query: invalid UTF-8 byte 0xff"},
		{"raw byte in a GET variable", request{method: http.MethodGet, query: url.Values{"query": {q}, "variables": {"{\"n\":\"\xff\"}"}}}, "variables is not valid UTF-8"},
		{"raw byte in a GET query", request{method: http.MethodGet, query: url.Values{"query": {"{ hello(name: \"\xff\") }"}}}, "query is not valid UTF-8"},
		{"lone surrogate in a GET variable", request{method: http.MethodGet, query: url.Values{"query": {q}, "variables": {`{"n":"\udfff"}`}}}, `lone surrogate \udfff`},
		// The same escapes in the GraphQL document's own strings: one rule.
		{"lone surrogate in a query literal", request{body: `{"query":"{ hello(name: \"Crit\\ud800ics\") }"}`}, `lone surrogate \ud800 at line 1, column 20 of the GraphQL document`},
		{"lone trailing surrogate in a query literal", request{body: `{"query":"{ hello(name: \"x\\udfff\") }"}`}, `lone surrogate \udfff`},
		{"high surrogate before a non-surrogate", request{body: `{"query":"{ hello(name: \"\\ud800\\u0041\") }"}`}, `lone surrogate \ud800`},
		{"lone surrogate on a later line", request{body: `{"query":"# a comment \\ud800\n{ hello(name: \"\\ud800\") }"}`}, `lone surrogate \ud800 at line 2, column 16`},
		{"lone surrogate in a GET query", request{method: http.MethodGet, query: url.Values{"query": {`{ hello(name: "\ud800") }`}}}, `lone surrogate \ud800 at line 1, column 16`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, accept := range []string{mediaJSON, mediaGQL} {
				tt.req.headers = map[string]string{"Accept": accept}
				got := ts.do(t, tt.req)
				if got.status != http.StatusBadRequest || got.firstCode() != "BAD_USER_INPUT" || got.hasData() {
					t.Errorf("Accept %s: status %d, code %q; want 400 BAD_USER_INPUT without data\nbody: %s", accept, got.status, got.firstCode(), got.body)
				}
				if !strings.Contains(got.firstMessage(), tt.wantMsg) {
					t.Errorf("Accept %s: message %q does not say %q", accept, got.firstMessage(), tt.wantMsg)
				}
			}
		})
	}
	// Valid text beyond ASCII, escaped or not, still arrives intact.
	got := ts.post(t, mediaJSON, map[string]any{"query": q, "variables": map[string]any{"n": "café ☃ 😀"}})
	if got.data("hello") != "hello, café ☃ 😀" {
		t.Errorf("hello(name: \"café ☃ 😀\") = %v; body %s", got.data("hello"), got.body)
	}
	got = ts.do(t, request{body: `{"query":"` + q + `","variables":{"n":"\ud83d\ude00"}}`})
	if got.data("hello") != "hello, 😀" {
		t.Errorf("an escaped surrogate pair: hello = %v; body %s", got.data("hello"), got.body)
	}
	// A pair escaped in the document is one character, and a block
	// string or a comment takes no escapes.
	for _, tt := range []struct{ query, want string }{
		{`{ hello(name: "\ud83d\ude00") }`, "hello, 😀"},
		{`{ hello(name: """\ud800""") }`, `hello, \ud800`},
		{"# \\ud800\n{ hello(name: \"ü\") }", "hello, ü"},
	} {
		got := ts.do(t, request{body: `{"query":` + strconv.Quote(tt.query) + `}`})
		if got.data("hello") != tt.want {
			t.Errorf("%s: hello = %v, want %q; body %s", tt.query, got.data("hello"), tt.want, got.body)
		}
	}
}
