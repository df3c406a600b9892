package mix

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
)

func TestLimitParams(t *testing.T) {
	tests := []struct {
		in   string
		want Params
	}{
		{`{"id": "claim-7"}`, Params{"id": "claim-7"}},
		{`{"first": 50}`, Params{"first": 50}},
		{`{"from": "actor-1", "to": "actor-2", "first": 5}`, Params{"from": "actor-1", "to": "actor-2", "first": 5}},
		{`{"weight": 0.5}`, Params{"weight": 0.5}},
		{`{}`, Params{}},
	}
	for _, tt := range tests {
		var vars map[string]any
		dec := json.NewDecoder(strings.NewReader(tt.in))
		dec.UseNumber()
		if err := dec.Decode(&vars); err != nil {
			t.Fatal(err)
		}
		if got := limitParams(vars); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("limitParams(%s) = %#v; want %#v", tt.in, got, tt.want)
		}
	}
}

// A request the limit over HTTP cannot run is answered 400 with an error
// naming what was wrong, in the shape Client.Post and Decode read.
func TestLimitHandlerRefuses(t *testing.T) {
	h := LimitHandler(nil, Mix())
	tests := []struct {
		body, want string
	}{
		{`{"query": "no-such-query", "variables": {}}`, `no query \"no-such-query\" in the mix`},
		{`{"query": `, "request body"},
		{`{"query": "claim", "variables": {"id": [}}`, "request body"},
	}
	for _, tt := range tests {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/query", strings.NewReader(tt.body)))
		if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), tt.want) {
			t.Errorf("POST %s: status %d, body %s; want 400 and %q", tt.body, rec.Code, rec.Body, tt.want)
		}
		if _, err := Decode(rec.Body.Bytes()); err == nil {
			t.Errorf("POST %s: Decode found no error in %s", tt.body, rec.Body)
		}
	}
}

func TestLimitLines(t *testing.T) {
	got, err := limitLines([]byte(`{"data": {"lines": ["claim|c1|x", "quote|q1|c1"]}}`))
	if want := []string{"claim|c1|x", "quote|q1|c1"}; err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("limitLines = %q, %v; want %q", got, err, want)
	}
	for _, body := range []string{`{"data": {}}`, `{"data": {"lines": [1]}}`, `{"errors": [{"message": "boom"}]}`} {
		if _, err := limitLines([]byte(body)); err == nil {
			t.Errorf("limitLines(%s): no error", body)
		}
	}
}
