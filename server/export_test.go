package server_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"net/http"
	"slices"
	"testing"

	"github.com/counterpoint-news/counterpoint/format"
	"github.com/counterpoint-news/counterpoint/internal/storetest"
	"github.com/counterpoint-news/counterpoint/server"
)

// TestExportFormatsAreTheRegistry: GET /export/formats lists the registry's
// formats in its order, and each downloads at the archive name it gives,
// as a zip whose first file is the dataset's file in that format; an
// unknown dataset or a name that is no download is 404.
func TestExportFormatsAreTheRegistry(t *testing.T) {
	store := storetest.MustNew(t, storetest.Dataset("d", []storetest.ClaimSpec{storetest.Claim("a", "Claim a.", "ann")}))
	ts := newTestServer(t, func(_ *server.Config, deps *server.Deps) { deps.Exporter = store })
	resp := ts.do(t, request{method: http.MethodGet, path: "/export/formats"})
	var list struct {
		Formats []struct {
			Name, Title, Extension, Archive string
		}
	}
	if err := json.Unmarshal([]byte(resp.body), &list); resp.status != http.StatusOK || err != nil {
		t.Fatalf("GET /export/formats: %d %v %s", resp.status, err, resp.body)
	}
	var names []string
	for _, f := range list.Formats {
		names = append(names, f.Name)
		got := ts.do(t, request{method: http.MethodGet, path: "/export/datasets/d" + f.Archive})
		if got.status != http.StatusOK || got.header.Get("Content-Type") != "application/zip" {
			t.Errorf("GET /export/datasets/d%s (%s): %d %s", f.Archive, f.Name, got.status, got.header.Get("Content-Type"))
			continue
		}
		z, err := zip.NewReader(bytes.NewReader([]byte(got.body)), int64(len(got.body)))
		if err != nil || len(z.File) == 0 || z.File[0].Name != "d"+f.Extension {
			t.Errorf("GET /export/datasets/d%s (%s): a zip (%v) whose first file is %v, want d%s", f.Archive, f.Name, err, z, f.Extension)
		}
	}
	if want := format.Names(format.All()); !slices.Equal(names, want) {
		t.Errorf("GET /export/formats lists %v, want the registry's %v", names, want)
	}
	for _, path := range []string{"/export/datasets/no-such-dataset.zip", "/export/datasets/d", "/export/datasets/.zip"} {
		if got := ts.do(t, request{method: http.MethodGet, path: path}); got.status != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", path, got.status)
		}
	}
}
