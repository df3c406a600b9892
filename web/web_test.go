package web

import (
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
)

func get(t *testing.T, h http.Handler, method, target string, hdr map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func builtFS() fstest.MapFS {
	return fstest.MapFS{
		".gitkeep":                {Data: nil},
		"index.html":              {Data: []byte("<!doctype html><title>explorer</title>")},
		"graphiql.html":           {Data: []byte("<!doctype html><title>graphiql</title>")},
		"favicon.svg":             {Data: []byte("<svg xmlns='http://www.w3.org/2000/svg'/>")},
		"assets/index-AbC123.js":  {Data: []byte("console.log(1)")},
		"assets/index-AbC123.css": {Data: []byte("body{}")},
		"assets/codicon-x1.ttf":   {Data: []byte("ttf")},
	}
}

func TestPagesAndAssets(t *testing.T) {
	h := NewHandler(builtFS())
	cases := []struct {
		target, body, ctype, cache string
	}{
		{"/", "explorer", "text/html; charset=utf-8", "no-cache"},
		{"/?node=robert-litt&mode=trace", "explorer", "text/html; charset=utf-8", "no-cache"},
		{"/graphiql", "graphiql", "text/html; charset=utf-8", "no-cache"},
		{"/graphiql/", "graphiql", "text/html; charset=utf-8", "no-cache"},
		{"/favicon.svg", "<svg", "image/svg+xml", "no-cache"},
		{"/assets/index-AbC123.js", "console.log", "text/javascript; charset=utf-8", "public, max-age=31536000, immutable"},
		{"/assets/index-AbC123.css", "body", "text/css; charset=utf-8", "public, max-age=31536000, immutable"},
		{"/assets/codicon-x1.ttf", "ttf", "font/ttf", "public, max-age=31536000, immutable"},
	}
	for _, c := range cases {
		rec := get(t, h, http.MethodGet, c.target, nil)
		if rec.Code != http.StatusOK {
			t.Errorf("GET %s: status %d, want 200", c.target, rec.Code)
			continue
		}
		if !strings.Contains(rec.Body.String(), c.body) {
			t.Errorf("GET %s: body %q lacks %q", c.target, rec.Body.String(), c.body)
		}
		if got := rec.Header().Get("Content-Type"); got != c.ctype {
			t.Errorf("GET %s: Content-Type %q, want %q", c.target, got, c.ctype)
		}
		if got := rec.Header().Get("Cache-Control"); got != c.cache {
			t.Errorf("GET %s: Cache-Control %q, want %q", c.target, got, c.cache)
		}
		if rec.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("GET %s: no X-Content-Type-Options: nosniff", c.target)
		}
		if strings.HasPrefix(c.ctype, "text/html") && !strings.Contains(rec.Header().Get("Content-Security-Policy"), "default-src 'self'") {
			t.Errorf("GET %s: CSP %q", c.target, rec.Header().Get("Content-Security-Policy"))
		}
	}
}

func TestNotFoundAndMethods(t *testing.T) {
	h := NewHandler(builtFS())
	for _, target := range []string{"/.gitkeep", "/index.html", "/graphiql.html", "/nope", "/assets/missing.js"} {
		if rec := get(t, h, http.MethodGet, target, nil); rec.Code != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", target, rec.Code)
		}
	}
	rec := get(t, h, http.MethodPost, "/", nil)
	if rec.Code != http.StatusMethodNotAllowed || rec.Header().Get("Allow") != "GET, HEAD" {
		t.Errorf("POST /: status %d, Allow %q", rec.Code, rec.Header().Get("Allow"))
	}
	if rec := get(t, h, http.MethodHead, "/", nil); rec.Code != http.StatusOK || rec.Body.Len() != 0 {
		t.Errorf("HEAD /: status %d, %d body bytes", rec.Code, rec.Body.Len())
	}
}

func TestETagRevalidation(t *testing.T) {
	h := NewHandler(builtFS())
	first := get(t, h, http.MethodGet, "/", nil)
	etag := first.Header().Get("ETag")
	if etag == "" {
		t.Fatal("no ETag on /")
	}
	if rec := get(t, h, http.MethodGet, "/", map[string]string{"If-None-Match": etag}); rec.Code != http.StatusNotModified {
		t.Errorf("revalidation: status %d, want 304", rec.Code)
	}
}

func TestGzip(t *testing.T) {
	js := strings.Repeat("console.log('counterpoint');\n", 200)
	h := NewHandler(fstest.MapFS{
		"index.html":          {Data: []byte("<!doctype html>")},
		"assets/big-Ab12.js":  {Data: []byte(js)},
		"assets/img-Ab12.png": {Data: []byte(strings.Repeat("x", 4096))},
	})
	plain := get(t, h, http.MethodGet, "/assets/big-Ab12.js", nil)
	if plain.Header().Get("Content-Encoding") != "" || plain.Body.String() != js {
		t.Fatalf("without Accept-Encoding: encoding %q, %d bytes", plain.Header().Get("Content-Encoding"), plain.Body.Len())
	}
	zipped := get(t, h, http.MethodGet, "/assets/big-Ab12.js", map[string]string{"Accept-Encoding": "br, gzip"})
	if zipped.Header().Get("Content-Encoding") != "gzip" || zipped.Body.Len() >= len(js)/2 {
		t.Fatalf("with gzip: encoding %q, %d bytes of %d", zipped.Header().Get("Content-Encoding"), zipped.Body.Len(), len(js))
	}
	zr, err := gzip.NewReader(zipped.Body)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(zr)
	if string(got) != js {
		t.Error("gzipped body does not decompress to the file")
	}
	if zipped.Header().Get("ETag") == plain.Header().Get("ETag") {
		t.Error("the gzipped and plain bodies share an ETag")
	}
	if !strings.Contains(zipped.Header().Get("Vary"), "Accept-Encoding") || zipped.Header().Get("Content-Type") != "text/javascript; charset=utf-8" {
		t.Errorf("headers %v", zipped.Header())
	}
	if rec := get(t, h, http.MethodGet, "/assets/big-Ab12.js", map[string]string{"Accept-Encoding": "gzip;q=0"}); rec.Header().Get("Content-Encoding") != "" {
		t.Error("gzip;q=0 got gzip")
	}
	if rec := get(t, h, http.MethodGet, "/assets/img-Ab12.png", map[string]string{"Accept-Encoding": "gzip"}); rec.Header().Get("Content-Encoding") != "" {
		t.Error("a PNG got gzipped")
	}
}

func TestNotBuilt(t *testing.T) {
	h := NewHandler(fstest.MapFS{".gitkeep": {Data: nil}})
	for _, target := range []string{"/", "/graphiql"} {
		rec := get(t, h, http.MethodGet, target, nil)
		if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "make web") {
			t.Errorf("GET %s unbuilt: status %d, body %q", target, rec.Code, rec.Body.String())
		}
		if rec.Header().Get("Content-Type") != "text/html; charset=utf-8" {
			t.Errorf("GET %s unbuilt: Content-Type %q", target, rec.Header().Get("Content-Type"))
		}
	}
	if rec := get(t, h, http.MethodGet, "/assets/x.js", nil); rec.Code != http.StatusNotFound {
		t.Errorf("asset of unbuilt bundle: status %d, want 404", rec.Code)
	}
}

// The embedded bundle is whatever web/dist held at compile time: built or
// just .gitkeep. Either way Handler must answer / with a page.
func TestEmbedded(t *testing.T) {
	rec := get(t, Handler(), http.MethodGet, "/", nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("GET / on the embedded bundle: status %d", rec.Code)
	}
	if Built() != !strings.Contains(rec.Body.String(), "make web") {
		t.Errorf("Built() = %v but / says %q", Built(), rec.Body.String()[:min(80, rec.Body.Len())])
	}
}

func TestEmbedFramePolicy(t *testing.T) {
	files := builtFS()
	files["embed.html"] = &fstest.MapFile{Data: []byte("<!doctype html><title>embed</title>")}
	cases := []struct {
		name, target string
		opts         []Option
		want         string
	}{
		{"embed, default: any site", "/embed?mode=network", nil, "frame-ancestors *"},
		{"embed, restricted", "/embed?mode=timeline", []Option{EmbedFrameAncestors("'self' https://news.example.com")}, "frame-ancestors 'self' https://news.example.com"},
		{"explorer: this origin only", "/", []Option{EmbedFrameAncestors("*")}, "frame-ancestors 'self'"},
		{"graphiql: this origin only", "/graphiql", nil, "frame-ancestors 'self'"},
	}
	for _, c := range cases {
		rec := get(t, NewHandler(files, c.opts...), http.MethodGet, c.target, nil)
		if rec.Code != http.StatusOK {
			t.Errorf("%s: GET %s: status %d, want 200", c.name, c.target, rec.Code)
			continue
		}
		csp := rec.Header().Get("Content-Security-Policy")
		if !strings.HasSuffix(csp, c.want) || !strings.HasPrefix(csp, "default-src 'self';") {
			t.Errorf("%s: GET %s: CSP %q, want one ending in %q", c.name, c.target, csp, c.want)
		}
	}
	if rec := get(t, NewHandler(files), http.MethodGet, "/embed.html", nil); rec.Code != http.StatusNotFound {
		t.Errorf("GET /embed.html: status %d, want 404 (the page is /embed)", rec.Code)
	}
}

func TestParseFrameAncestors(t *testing.T) {
	cases := []struct {
		in, want string
		ok       bool
	}{
		{"", "*", true},
		{"   ", "*", true},
		{"*", "*", true},
		{"'self'", "'self'", true},
		{"'none'", "'none'", true},
		{" 'self'   https://news.example.com ", "'self' https://news.example.com", true},
		{"https: *.example.org http://127.0.0.1:8080", "https: *.example.org http://127.0.0.1:8080", true},
		{"https://news.example.com/graphics/", "https://news.example.com/graphics/", true},
		{"'self'; script-src *", "", false},
		{"https://a.example,https://b.example", "", false},
		{"'unsafe-inline'", "", false},
		{"'none' 'self'", "", false},
		{"https://news.example.com\r\nX-Evil: 1", "", false},
	}
	for _, c := range cases {
		got, err := ParseFrameAncestors(c.in)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("ParseFrameAncestors(%q) = %q, %v; want %q, ok %v", c.in, got, err, c.want, c.ok)
		}
	}
}
