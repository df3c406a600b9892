// Package web serves Counterpoint's browser pages from files embedded in the
// binary: the graph explorer at /, GraphiQL at /graphiql, and the
// journalist's views read-only at /embed, for other sites' iframes.
//
// The pages are built from npm packages by Vite (scripts/web-build.sh, or
// `npm ci && npm run build` in web/) into web/dist, which go:embed picks up
// when the binary is compiled. Nothing is loaded from elsewhere at run time.
// When the binary was compiled without a built bundle (dist holds only its
// .gitkeep), / and /graphiql answer with a short page saying how to build it.
package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"regexp"
	"strings"
	"sync"
	"time"
)

//go:embed all:dist
var dist embed.FS

// Handler serves the embedded pages: index.html at /, graphiql.html at
// /graphiql, embed.html at /embed, and the hashed bundle files under
// /assets/. Only GET and HEAD are allowed. HTML is revalidated on every load
// (ETag); hashed assets are cached for a year as immutable. Text files go
// out gzipped to clients that accept it (compressed once, on first request).
func Handler(opts ...Option) http.Handler {
	sub, err := fs.Sub(dist, "dist")
	if err != nil { // cannot happen: "dist" is a valid path
		panic(err)
	}
	return NewHandler(sub, opts...)
}

// An Option changes how the pages are served.
type Option func(*handler)

// DefaultEmbedFrameAncestors lets any site frame /embed: it is a read-only
// picture of public data, made to be embedded in news pages.
const DefaultEmbedFrameAncestors = "*"

// EmbedFrameAncestors sets the sites that may frame /embed (a CSP
// frame-ancestors source list, checked by ParseFrameAncestors), so that an
// operator can restrict embedding to the newsroom's own pages. The other
// pages may only be framed by this origin.
func EmbedFrameAncestors(sources string) Option {
	return func(h *handler) { h.embedAncestors = sources }
}

var frameSource = regexp.MustCompile(`^(\*|'self'|'none'|[a-zA-Z][a-zA-Z0-9+.-]*:|([a-zA-Z][a-zA-Z0-9+.-]*://)?(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:([0-9]{1,5}|\*))?(/[A-Za-z0-9._~!$&()*+=:@%/-]*)?)$`)

// ParseFrameAncestors checks a frame-ancestors source list (sources
// separated by spaces: *, 'self', 'none', a scheme such as https:, or a host
// such as https://news.example.com or *.example.com with an optional port
// and path) and returns it normalised to single spaces; empty gives the
// default. A value that could change the rest of the policy (a ; or a
// comma, quotes other than 'self' and 'none', a line break) is refused, so that the
// setting cannot widen anything but framing.
func ParseFrameAncestors(s string) (string, error) {
	if strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
		return "", fmt.Errorf("EMBED_FRAME_ANCESTORS: %q holds a control character; separate the sources with spaces", s)
	}
	fields := strings.Fields(s)
	if len(fields) == 0 {
		return DefaultEmbedFrameAncestors, nil
	}
	for _, f := range fields {
		if !frameSource.MatchString(f) {
			return "", fmt.Errorf("EMBED_FRAME_ANCESTORS: %q is not a frame-ancestors source (use *, 'self', 'none', a scheme like https: or an origin like https://news.example.com)", f)
		}
		if f == "'none'" && len(fields) > 1 {
			return "", fmt.Errorf("EMBED_FRAME_ANCESTORS: 'none' must stand alone, got %q", s)
		}
	}
	return strings.Join(fields, " "), nil
}

// NewHandler serves the files of fsys (a built bundle's root) as Handler does.
func NewHandler(fsys fs.FS, opts ...Option) http.Handler {
	h := &handler{files: map[string]*file{}, embedAncestors: DefaultEmbedFrameAncestors}
	for _, o := range opts {
		o(h)
	}
	_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		if strings.HasPrefix(path.Base(p), ".") { // .gitkeep and the like
			return nil
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil
		}
		sum := sha256.Sum256(b)
		h.files["/"+p] = &file{
			name:        p,
			body:        b,
			etag:        `"` + hex.EncodeToString(sum[:16]) + `"`,
			contentType: contentType(p),
			immutable:   strings.HasPrefix(p, "assets/"),
		}
		return nil
	})
	h.built = h.files["/index.html"] != nil
	return h
}

// Built reports whether the embedded bundle holds the explorer's index.html.
func Built() bool {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		return false
	}
	_, err = fs.Stat(sub, "index.html")
	return err == nil
}

type file struct {
	name        string
	body        []byte
	etag        string
	contentType string
	immutable   bool

	gzOnce sync.Once
	gz     []byte // nil when compression does not pay
}

// gzipped returns the file compressed, or nil when it is not worth it.
func (f *file) gzipped() []byte {
	f.gzOnce.Do(func() {
		if len(f.body) < 1024 || !compressible(f.contentType) {
			return
		}
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
		_, _ = zw.Write(f.body)
		_ = zw.Close()
		if buf.Len() < len(f.body)*9/10 {
			f.gz = buf.Bytes()
		}
	})
	return f.gz
}

func compressible(contentType string) bool {
	return strings.HasPrefix(contentType, "text/") || contentType == "application/json" ||
		contentType == "image/svg+xml" || contentType == "font/ttf" || contentType == "application/wasm"
}

func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		enc, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(enc), "gzip") && strings.ReplaceAll(strings.TrimSpace(params), " ", "") != "q=0" {
			return true
		}
	}
	return false
}

type handler struct {
	files          map[string]*file
	built          bool
	embedAncestors string // frame-ancestors of /embed
}

// pages maps the pages' clean URLs to their files.
var pages = map[string]string{
	"/":          "/index.html",
	"/graphiql":  "/graphiql.html",
	"/graphiql/": "/graphiql.html",
	"/embed":     "/embed.html",
}

// The pages' Content-Security-Policy: everything from this origin only.
// Styles may be inline (the graph library and the GraphiQL editor set
// element styles); workers (the GraphiQL editor's) and images may also come
// from blob: and data: URLs the page makes itself. Only this origin may
// frame the pages, except /embed (its frame-ancestors are configurable).
const contentSecurityPolicy = cspBase + "frame-ancestors 'self'"

const cspBase = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data: blob:; font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; " +
	"object-src 'none'; base-uri 'self'; form-action 'self'; "

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	page, isPage := pages[p]
	if isPage {
		p = page
	}
	f := h.files[p]
	if f == nil || (!isPage && strings.HasSuffix(p, ".html")) {
		if isPage && !h.built {
			notBuilt(w, r)
			return
		}
		http.NotFound(w, r)
		return
	}
	hd := w.Header()
	hd.Set("Content-Type", f.contentType)
	hd.Set("X-Content-Type-Options", "nosniff")
	body, etag := f.body, f.etag
	if gz := f.gzipped(); gz != nil {
		hd.Add("Vary", "Accept-Encoding")
		if acceptsGzip(r) {
			body, etag = gz, strings.TrimSuffix(f.etag, `"`)+`-gz"`
			hd.Set("Content-Encoding", "gzip")
		}
	}
	hd.Set("ETag", etag)
	if f.immutable {
		hd.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		hd.Set("Cache-Control", "no-cache")
	}
	if f.name == "embed.html" {
		hd.Set("Content-Security-Policy", cspBase+"frame-ancestors "+h.embedAncestors)
		hd.Set("Referrer-Policy", "no-referrer")
	} else if strings.HasSuffix(f.name, ".html") {
		hd.Set("Content-Security-Policy", contentSecurityPolicy)
		hd.Set("Referrer-Policy", "no-referrer")
	}
	http.ServeContent(w, r, f.name, time.Time{}, bytes.NewReader(body))
}

// contentType is the media type by file extension, fixed here so that it
// does not depend on the host's MIME tables.
func contentType(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".html":
		return "text/html; charset=utf-8"
	case ".js", ".mjs":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".json", ".map":
		return "application/json"
	case ".svg":
		return "image/svg+xml"
	case ".png":
		return "image/png"
	case ".ico":
		return "image/x-icon"
	case ".woff2":
		return "font/woff2"
	case ".woff":
		return "font/woff"
	case ".ttf":
		return "font/ttf"
	case ".wasm":
		return "application/wasm"
	case ".txt":
		return "text/plain; charset=utf-8"
	}
	return "application/octet-stream"
}

const notBuiltPage = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Counterpoint: explorer not built</title></head>
<body>
<h1>The explorer is not built into this binary</h1>
<p>Run <code>make web</code> (or <code>scripts/web-build.sh</code>), then rebuild the binary.</p>
<p>The GraphQL API is at <a href="/graphql">/graphql</a>.</p>
</body>
</html>
`

func notBuilt(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	hd.Set("Content-Type", "text/html; charset=utf-8")
	hd.Set("Cache-Control", "no-store")
	hd.Set("X-Content-Type-Options", "nosniff")
	if r.Method == http.MethodHead {
		return
	}
	_, _ = w.Write([]byte(notBuiltPage))
}
