package server

import (
	"context"
	"crypto/rand"
	"fmt"
	"log/slog"
	"net/http"
	"regexp"
	"runtime/debug"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/rs/cors"
)

// requestInfo travels in a request's context: the observing middleware
// creates it, the GraphQL transport fills in what it learns, and the
// middleware logs and counts it when the request is done.
type requestInfo struct {
	id         string
	graphql    bool     // the request reached /graphql
	operation  string   // the GraphQL operation's name, "" when anonymous
	errorCodes []string // extensions.code of the errors returned (at most 10)
}

type requestInfoKey struct{}

func withRequestInfo(ctx context.Context, info *requestInfo) context.Context {
	return context.WithValue(ctx, requestInfoKey{}, info)
}

func requestInfoFrom(ctx context.Context) *requestInfo {
	info, _ := ctx.Value(requestInfoKey{}).(*requestInfo)
	return info
}

// requestIDPattern is what an incoming X-Request-ID must look like to be
// kept: UUIDs, ULIDs, hex and the like, at most 128 characters.
var requestIDPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$`)

// observe gives every request an id (the client's X-Request-ID when it is
// well-formed, else a new random one), echoes it in the response, and when
// the request is done logs it as one JSON line and records the GraphQL
// metrics. Probe and metrics requests are logged at debug level only;
// server errors (5xx) at error level.
func (s *Server) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := r.Header.Get("X-Request-ID")
		if !requestIDPattern.MatchString(id) {
			id = rand.Text()
		}
		w.Header().Set("X-Request-ID", id)
		// No response is to be read as anything but its Content-Type: a
		// GraphQL answer echoing a client's string must never run as HTML.
		w.Header().Set("X-Content-Type-Options", "nosniff")
		info := &requestInfo{id: id}
		rec := &statusRecorder{ResponseWriter: w}
		next.ServeHTTP(rec, r.WithContext(withRequestInfo(r.Context(), info)))

		d := time.Since(start)
		status := rec.status
		if status == 0 {
			status = http.StatusOK
		}
		attrs := []slog.Attr{
			slog.String("request_id", id),
			slog.String("method", r.Method),
			slog.String("path", clip(r.URL.Path, maxLoggedPath)),
			slog.Int("status", status),
			slog.Float64("duration_ms", float64(d.Microseconds())/1000),
			slog.Int64("bytes", rec.bytes),
			slog.String("remote", r.RemoteAddr),
		}
		if info.graphql {
			s.metrics.observeRequest(info.operation, d)
			attrs = append(attrs, slog.String("operation", clip(info.operation, maxLoggedOperation)))
			if len(info.operation) > maxLoggedOperation {
				attrs = append(attrs, slog.Int("operation_bytes", len(info.operation)))
			}
			if len(info.errorCodes) > 0 {
				attrs = append(attrs, slog.String("error_codes", strings.Join(info.errorCodes, ",")))
			}
		}
		level := slog.LevelInfo
		switch {
		case r.URL.Path == "/healthz" || r.URL.Path == "/readyz" || r.URL.Path == "/metrics":
			level = slog.LevelDebug // /readyz logs why it is not ready on its own
		case status >= 500:
			level = slog.LevelError
		}
		s.log.LogAttrs(r.Context(), level, "request", attrs...)
	})
}

// The longest client-chosen strings a log line keeps: an operation name
// (GraphQL names are rarely longer than a few dozen characters) and a URL
// path. A client must not be able to write 100 KB log lines.
const (
	maxLoggedOperation = 128
	maxLoggedPath      = 256
)

// clip shortens s to at most max bytes, at a rune boundary, marking the cut
// with "…".
func clip(s string, max int) string {
	if len(s) <= max {
		return s
	}
	cut := max - len("…")
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// recoverPanics turns a panic outside gqlgen's own recovery (in the
// per-request middleware, say) into a 500 with a generic GraphQL error, and
// logs it with its stack.
func (s *Server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			p := recover()
			if p == nil {
				return
			}
			if p == http.ErrAbortHandler {
				panic(p)
			}
			s.logger(r.Context()).ErrorContext(r.Context(), "panic in handler", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			if rec, ok := w.(*statusRecorder); ok && rec.status != 0 {
				return // too late for a status
			}
			w.Header().Set("Content-Type", mediaJSON+"; charset=utf-8")
			w.WriteHeader(http.StatusInternalServerError)
			_, _ = w.Write([]byte(`{"errors":[{"message":"internal error","extensions":{"code":"INTERNAL_SERVER_ERROR"}}]}`))
		}()
		next.ServeHTTP(w, r)
	})
}

// limitGraphQL bounds a GraphQL request: a context deadline of
// REQUEST_TIMEOUT that the resolvers pass down to Neo4j, and a body of at
// most MAX_BODY_BYTES.
func (s *Server) limitGraphQL(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if info := requestInfoFrom(r.Context()); info != nil && (r.Method == http.MethodGet || r.Method == http.MethodPost) {
			info.graphql = true
		}
		// A GraphQL answer is for the client that asked: no cache (a
		// browser's, a proxy's) keeps it.
		w.Header().Set("Cache-Control", "no-store")
		ctx, cancel := context.WithTimeout(r.Context(), s.cfg.RequestTimeout)
		defer cancel()
		r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes)
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// corsHandler lets pages from CORS_ALLOWED_ORIGINS call the API from a
// browser. With no origins configured it answers preflights without any
// Access-Control-Allow-* header, so browsers keep to the same origin.
// Credentials (cookies) are never allowed: the API authenticates with a
// bearer token in the Authorization header.
func (s *Server) corsHandler(next http.Handler) http.Handler {
	opts := cors.Options{
		AllowedMethods: []string{http.MethodGet, http.MethodPost},
		AllowedHeaders: []string{"Authorization", "Content-Type", "X-Request-ID"},
		ExposedHeaders: []string{"X-Request-ID"},
		MaxAge:         600,
	}
	switch {
	case len(s.cfg.CORSAllowedOrigins) == 0:
		opts.AllowOriginFunc = func(string) bool { return false }
	case slices.Contains(s.cfg.CORSAllowedOrigins, "*"):
		opts.AllowedOrigins = []string{"*"}
	default:
		opts.AllowedOrigins = s.cfg.CORSAllowedOrigins
	}
	return cors.New(opts).Handler(next)
}

// statusRecorder remembers the status and size of a response.
type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (r *statusRecorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// Flush passes flushes through (promhttp and streaming handlers use them).
func (r *statusRecorder) Flush() {
	if f, ok := r.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}
