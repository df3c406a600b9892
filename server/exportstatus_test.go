package server_test

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/internal/storetest"
	"github.com/counterpoint-news/counterpoint/server"
)

// TestExportStatuses: the download answers each way a dataset read can
// end with the status its error code maps to (the one mapping of codes to
// HTTP), the domain's message for a client's mistake and a generic one,
// logged, for anything internal.
func TestExportStatuses(t *testing.T) {
	tests := []struct {
		name   string
		path   string
		fail   error
		status int
		body   string // part of the body
		logged string // a log message, "" for none at error level
		zipped bool
	}{
		{name: "a dataset", path: "/export/datasets/test.zip", status: http.StatusOK, zipped: true},
		{name: "an unknown dataset", path: "/export/datasets/nothing-here.zip", status: http.StatusNotFound, body: `dataset "nothing-here" is not in the graph`},
		{name: "an unknown 10 KB id", path: "/export/datasets/" + strings.Repeat("x", 10_000) + ".zip", status: http.StatusNotFound, body: `"… (10000 characters) is not in the graph (no claim belongs to it); the graph holds 1 dataset`},
		{name: "not a zip", path: "/export/datasets/test.tar", status: http.StatusNotFound, body: "want /export/datasets/<dataset id>.zip"},
		{name: "the store down", path: "/export/datasets/test.zip", fail: storetest.Unavailable, status: http.StatusServiceUnavailable, body: "unavailable"},
		{name: "a refused read", path: "/export/datasets/test.zip", fail: counterpoint.Errorf(counterpoint.EINVALID, "no such export"), status: http.StatusBadRequest, body: "no such export"},
		{name: "an internal failure", path: "/export/datasets/test.zip", fail: errors.New("disk on fire"), status: http.StatusInternalServerError, body: "the export failed", logged: "the export failed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			store := storetest.MustGraph(t, []storetest.ClaimSpec{storetest.Claim("a", "Claim a.", "x")})
			if tt.fail != nil {
				store.Fail(tt.fail, "ExportDataset")
			}
			ts := newTestServer(t, func(_ *server.Config, d *server.Deps) { d.Exporter = store })
			resp := ts.do(t, request{method: http.MethodGet, path: tt.path})
			if resp.status != tt.status || !strings.Contains(resp.body, tt.body) {
				t.Errorf("GET %s: %d %q, want %d with %q", tt.path, resp.status, resp.body, tt.status, tt.body)
			}
			if tt.zipped && resp.header.Get("Content-Type") != "application/zip" {
				t.Errorf("GET %s: Content-Type %q, want application/zip", tt.path, resp.header.Get("Content-Type"))
			}
			errs := ts.logs.lines(t, map[string]string{"level": "ERROR", "msg": "the export failed"})
			if tt.logged == "" && len(errs) > 0 || tt.logged != "" && (len(errs) != 1 || errs[0]["dataset"] != "test" || errs[0]["error"] != "disk on fire") {
				t.Errorf("GET %s: error log %v, want %q with the dataset and the error", tt.path, errs, tt.logged)
			}
			if !tt.zipped && len(resp.body) > 500 {
				t.Errorf("GET %.60s…: a body of %d bytes, want a short one", tt.path, len(resp.body))
			}
			if strings.Contains(resp.body, "disk on fire") {
				t.Errorf("GET %s: the internal error reached the client: %q", tt.path, resp.body)
			}
		})
	}
}
