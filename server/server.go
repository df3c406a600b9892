// Package server is Counterpoint's HTTP serving layer: the GraphQL endpoint
// (GraphQL over HTTP, POST and GET), the explorer at /, the probes /healthz
// and /readyz, and Prometheus metrics at /metrics.
//
// Routes:
//
//	POST /graphql   queries and mutations (mutations need Authorization: Bearer <token>)
//	GET  /graphql   queries only; a mutation gets 405
//	GET  /healthz   liveness: 200 while the process serves
//	GET  /readyz    readiness: 200 when the readiness check (Neo4j) passes within READY_TIMEOUT (2s), else 503
//	GET  /metrics   Prometheus metrics (see Metrics); with METRICS_TOKEN it needs
//	                Authorization: Bearer <token>; with METRICS_ADDR it is served there instead
//	GET  /          the explorer, or a small page linking to the above
//
// /graphql is rate limited per client (API token, else address): over
// RATE_LIMIT it answers 429 with Retry-After (ratelimit.go).
//
// Every response carries an X-Request-ID header, and every request is
// logged as one JSON line with that id.
package server

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"sync"
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/counterpoint-news/counterpoint"
)

// maxPersistedQueryBytes is the largest query the APQ cache keeps, so that
// APQ_CACHE_SIZE entries cannot hold more than a few tens of MiB.
const maxPersistedQueryBytes = 64 << 10

// Deps are what the server serves.
type Deps struct {
	// Schema is the executable schema (graph.NewExecutableSchema(...)).
	Schema graphql.ExecutableSchema
	// Ready reports whether the service can answer (Neo4j reachable); nil
	// means always ready. It gets a context with a READY_TIMEOUT deadline
	// (2s), and a check that overruns it counts as not ready.
	Ready func(context.Context) error
	// Middleware wraps each GraphQL request, inside the request deadline
	// and body limit: the resolvers' per-request dataloaders. Optional.
	Middleware func(http.Handler) http.Handler
	// Logger receives the JSON request logs and error details. Defaults to
	// slog.Default().
	Logger *slog.Logger
	// Explorer serves / (and anything under it no other route claims).
	// When nil, / is a small HTML page linking to the endpoints.
	Explorer http.Handler
	// Metrics are the collectors /metrics serves; created when nil. Pass
	// them in to share ObserveQuery with the store.
	Metrics *Metrics
	// GraphVersion reads the graph's version (store.DB.GraphVersion), which
	// every committed write and load advances; the response cache
	// (CACHE_ENABLED) needs it and is off without it.
	GraphVersion func(context.Context) (int64, error)
	// Exporter serves GET /export/datasets/{id}.zip, the download of a
	// dataset, and GET /export/formats; without one neither is served.
	Exporter Exporter
}

// Exporter reads a dataset back from the graph in the loader's terms.
type Exporter interface {
	ExportDataset(ctx context.Context, id string) (*counterpoint.Dataset, error)
}

// Server is the HTTP handler of the whole service.
type Server struct {
	cfg     Config
	log     *slog.Logger
	metrics *Metrics
	ready   func(context.Context) error
	handler http.Handler

	draining  atomic.Bool // set on shutdown: /readyz answers 503
	readiness readinessLog

	limiter        *rateLimiter   // nil when RATE_LIMIT is 0
	cache          *responseCache // nil when CACHE_ENABLED is off
	tokens         *tokenSet
	trustedProxies []netip.Prefix
}

// New builds the server's handler from cfg (zero fields take their
// defaults) and deps.
func New(cfg Config, deps Deps) (*Server, error) {
	cfg = cfg.withDefaults()
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	if deps.Schema == nil {
		return nil, errors.New("server: Deps.Schema is nil")
	}
	s := &Server{cfg: cfg, log: deps.Logger, metrics: deps.Metrics, ready: deps.Ready}
	if s.log == nil {
		s.log = slog.Default()
	}
	if s.metrics == nil {
		s.metrics = NewMetrics()
	}
	s.trustedProxies, _ = parseTrustedProxies(cfg.TrustedProxies) // validated above
	tokens, err := newTokenSet(cfg.APITokens, cfg.APITokensFile, s.log)
	if err != nil {
		return nil, err
	}
	s.tokens = tokens
	if cfg.RateLimit > 0 {
		s.limiter = newRateLimiter(cfg.RateLimit, cfg.RateBurst, nil)
	}
	if cfg.CacheEnabled {
		if deps.GraphVersion == nil {
			return nil, errors.New("server: CACHE_ENABLED needs Deps.GraphVersion")
		}
		s.cache = newResponseCache(cfg.CacheMaxBytes, deps.GraphVersion, s.metrics.Registry())
	}

	var gql http.Handler = s.graphQLHandler(deps.Schema)
	if deps.Middleware != nil {
		gql = deps.Middleware(gql)
	}
	mux := http.NewServeMux()
	mux.Handle("/graphql", s.limitGraphQL(s.rateLimit(gql)))
	mux.HandleFunc("GET /healthz", s.healthz)
	if deps.Exporter != nil {
		s.exportRoutes(mux, deps.Exporter)
	}
	mux.HandleFunc("GET /readyz", s.readyz)
	if cfg.MetricsAddr == "" {
		mux.Handle("GET /metrics", s.MetricsHandler())
	}
	if deps.Explorer != nil {
		mux.Handle("/", deps.Explorer)
	} else {
		mux.HandleFunc("GET /{$}", home)
	}
	s.handler = s.observe(s.recoverPanics(s.corsHandler(mux)))
	return s, nil
}

// graphQLHandler is gqlgen's handler with explicit transports, caches and
// extensions. Extensions run in the order added: APQ resolves the query,
// then the depth and size guard, then gqlgen's complexity limit, then the
// mutation guard around the operation.
func (s *Server) graphQLHandler(es graphql.ExecutableSchema) *handler.Server {
	h := handler.New(es)
	h.AddTransport(httpTransport{method: http.MethodGet, srv: s})
	h.AddTransport(httpTransport{method: http.MethodPost, srv: s})
	h.AddTransport(methodNotAllowed{srv: s})
	h.AddTransport(transport.Options{AllowedMethods: []string{http.MethodGet, http.MethodPost, http.MethodOptions}})

	h.SetQueryCache(lru.New[*ast.QueryDocument](s.cfg.QueryCacheSize))
	h.SetParserTokenLimit(s.cfg.MaxTokens)
	h.SetErrorPresenter(s.presenter)
	h.SetRecoverFunc(s.recoverFunc)

	if *s.cfg.Introspection {
		h.Use(extension.Introspection{})
	} else {
		// "Did you mean ...?" would reveal the schema all the same.
		h.SetDisableSuggestion(true)
	}
	h.Use(extension.AutomaticPersistedQuery{Cache: boundedCache{Cache: lru.New[string](s.cfg.APQCacheSize), max: maxPersistedQueryBytes}})
	h.Use(&queryLimits{maxDepth: s.cfg.MaxDepth, maxFields: s.cfg.ComplexityLimit, maxRootFields: s.cfg.MaxRootFields, introspection: *s.cfg.Introspection})
	h.Use(extension.FixedComplexityLimit(s.cfg.ComplexityLimit))
	h.Use(mutationAuth{tokens: s.tokens})
	return h
}

// boundedCache keeps only values up to max bytes long.
type boundedCache struct {
	graphql.Cache[string]
	max int
}

func (c boundedCache) Add(ctx context.Context, key, value string) {
	if len(value) <= c.max {
		c.Cache.Add(ctx, key, value)
	}
}

// ServeHTTP serves every route.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// Metrics returns the server's collectors (for ObserveQuery).
func (s *Server) Metrics() *Metrics { return s.metrics }

// Config returns the configuration in effect, defaults filled in.
func (s *Server) Config() Config { return s.cfg }

// Serve serves on ln until ctx is done (SIGTERM or SIGINT in the command),
// then stops accepting connections, answers /readyz with 503, and waits up
// to SHUTDOWN_TIMEOUT for in-flight requests before closing the rest. It
// returns nil after a clean shutdown.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: s.cfg.ReadHeaderTimeout,
		ReadTimeout:       s.cfg.ReadTimeout,
		WriteTimeout:      s.cfg.WriteTimeout,
		IdleTimeout:       s.cfg.IdleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	s.log.Info("serving", "addr", ln.Addr().String())

	select {
	case err := <-errc:
		return fmt.Errorf("serve on %s: %w", ln.Addr(), err)
	case <-ctx.Done():
	}
	s.draining.Store(true)
	s.log.Info("shutting down", "timeout", s.cfg.ShutdownTimeout.String())
	sctx, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		_ = srv.Close()
		return fmt.Errorf("graceful shutdown did not finish within %s: %w", s.cfg.ShutdownTimeout, err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	s.log.Info("stopped")
	return nil
}

// MetricsHandler serves the metrics, asking for METRICS_TOKEN when one is
// set. New mounts it at /metrics unless METRICS_ADDR is set; ServeMetrics
// serves it there.
func (s *Server) MetricsHandler() http.Handler {
	h := s.metrics.Handler()
	if s.cfg.MetricsToken == "" {
		return h
	}
	want := []byte("Bearer " + s.cfg.MetricsToken)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if subtle.ConstantTimeCompare([]byte(r.Header.Get("Authorization")), want) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="counterpoint-metrics"`)
			http.Error(w, "/metrics needs Authorization: Bearer <METRICS_TOKEN>", http.StatusUnauthorized)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// ServeMetrics serves GET /metrics alone on ln (METRICS_ADDR) until ctx is
// done, then shuts down within SHUTDOWN_TIMEOUT. It returns nil after a
// clean shutdown.
func (s *Server) ServeMetrics(ctx context.Context, ln net.Listener) error {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", s.MetricsHandler())
	srv := &http.Server{
		Handler:           s.observe(mux),
		ReadHeaderTimeout: s.cfg.ReadHeaderTimeout,
		ReadTimeout:       s.cfg.ReadTimeout,
		WriteTimeout:      s.cfg.WriteTimeout,
		IdleTimeout:       s.cfg.IdleTimeout,
		MaxHeaderBytes:    16 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	s.log.Info("serving metrics", "addr", ln.Addr().String())
	select {
	case err := <-errc:
		return fmt.Errorf("serve metrics on %s: %w", ln.Addr(), err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		_ = srv.Close()
		return fmt.Errorf("metrics: graceful shutdown did not finish within %s: %w", s.cfg.ShutdownTimeout, err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// readyz answers 200 when the readiness check passes within READY_TIMEOUT,
// else 503 with a reason in user-safe words (the details go to the log).
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	if s.draining.Load() {
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "reason": "the server is shutting down"})
		return
	}
	if s.ready == nil {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.ReadyTimeout)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- s.ready(ctx) }()
	var err error
	select {
	case err = <-done:
	case <-ctx.Done():
		err = ctx.Err()
	}
	log := s.logger(r.Context())
	if err == nil {
		if s.readiness.changed("") {
			log.InfoContext(r.Context(), "ready")
		}
		writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
		return
	}
	reason := "the graph store is not reachable"
	var domain *counterpoint.Error
	switch {
	case errors.Is(err, context.DeadlineExceeded) && ctx.Err() != nil:
		reason = fmt.Sprintf("the graph store did not answer within %s", s.cfg.ReadyTimeout)
	case errors.As(err, &domain) && domain.Code != counterpoint.EINTERNAL:
		reason = domain.Message
	}
	level := slog.LevelDebug
	if s.readiness.changed(reason) {
		level = slog.LevelWarn
	}
	log.Log(r.Context(), level, "not ready", "reason", reason, "error", err.Error())
	writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "reason": reason})
}

// readinessLog remembers /readyz's last answer, so that a change is logged
// at Info or Warn and a repeat only at Debug: probes and start-up scripts
// poll it several times a second, and while the service starts (tens of
// seconds on a fresh Neo4j) a line per poll would bury the log.
type readinessLog struct {
	mu    sync.Mutex
	asked bool
	last  string // the reason it was not ready; "" for ready
}

// changed records reason ("" for ready) and reports whether it differs
// from the last answer; the first answer is a change.
func (l *readinessLog) changed(reason string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	changed := !l.asked || l.last != reason
	l.asked, l.last = true, reason
	return changed
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, _ := json.Marshal(v)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

const homePage = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Counterpoint</title></head>
<body>
<h1>Counterpoint</h1>
<p>Who argued what, on whose authority, and who countered whom.</p>
<ul>
<li><a href="/graphql">/graphql</a>: the GraphQL API (POST; GET for queries)</li>
<li><a href="/healthz">/healthz</a>: liveness</li>
<li><a href="/readyz">/readyz</a>: readiness</li>
<li><a href="/metrics">/metrics</a>: Prometheus metrics</li>
</ul>
</body>
</html>
`

func home(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = w.Write([]byte(homePage))
}
