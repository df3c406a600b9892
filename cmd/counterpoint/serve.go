package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"sync/atomic"
	"time"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/resolvers"
	"github.com/counterpoint-news/counterpoint/server"
	"github.com/counterpoint-news/counterpoint/store"
	"github.com/counterpoint-news/counterpoint/web"
)

// ServeCmd serves the GraphQL API, the explorer, the probes and the metrics
// until SIGTERM or SIGINT. It starts even when Neo4j is down: /readyz says
// not ready until Neo4j answers and the schema (constraints, indexes) is
// applied, which a background loop retries until it succeeds.
type ServeCmd struct {
	Neo4jConfig
	server.Config
	CollectorConfig
	// EmbedFrameAncestors is who may put /embed in an iframe: news pages are
	// on other sites, so any by default.
	EmbedFrameAncestors string `name:"embed-frame-ancestors" env:"EMBED_FRAME_ANCESTORS" default:"*" help:"Sites that may frame the read-only graphics at /embed: a CSP frame-ancestors list such as \"'self' https://news.example.com\" ('*' for any, 'none' for no site). The other pages may only be framed by this origin."`
}

// Bounds of the background schema migration's retries.
const (
	migrateAttemptTimeout = 5 * time.Minute // CALL db.awaitIndexes(300) may take that long
	migrateFirstBackoff   = time.Second
	migrateMaxBackoff     = 30 * time.Second
	// warmUpTimeout bounds the planning of the reads at start, after which
	// /readyz says ready whatever is left unplanned.
	warmUpTimeout = 2 * time.Minute
)

// startup is how far serve's start has come. /readyz says ready only
// once the schema is set up and Neo4j has planned the service's reads: on
// a fresh Neo4j planning them takes tens of seconds, and a request sent
// meanwhile waits for its own plan behind them (in the benchmark, the first
// actor's counters at 10k hit the 15 s store deadline that way).
type startup struct{ stage atomic.Int32 }

// The stages of startup, in order.
const (
	settingUpSchema int32 = iota
	planningReads
	started
)

// check says why the service is not ready yet, or nil.
func (s *startup) check() error {
	switch s.stage.Load() {
	case settingUpSchema:
		return counterpoint.Errorf(counterpoint.EUNAVAILABLE, "the graph store answers, but its schema is still being set up")
	case planningReads:
		return counterpoint.Errorf(counterpoint.EUNAVAILABLE, "the graph store answers, but it is still planning the service's reads")
	}
	return nil
}

// Run serves until e.ctx is done.
func (c *ServeCmd) Run(e *env) error {
	var cacheBytes int64
	if c.CacheEnabled {
		cacheBytes = c.CacheMaxBytes
	}
	if err := c.CollectorConfig.apply(cacheBytes); err != nil {
		return err
	}
	ancestors, err := web.ParseFrameAncestors(c.EmbedFrameAncestors)
	if err != nil {
		return err
	}
	metrics := server.NewMetrics()
	db, err := store.Connect(store.Config{
		URI: c.URI, Username: c.Username, Password: c.Password, Database: c.Database,
		Logger: e.log, ObserveQuery: metrics.ObserveQuery,
	})
	if err != nil {
		return err
	}
	defer db.Close(context.Background())

	var start startup
	mctx, stopMigrating := context.WithCancel(e.ctx)
	defer stopMigrating()
	go migrate(mctx, db, e.log, &start)

	api := resolvers.NewAPI(db)
	srv, err := server.New(c.Config, server.Deps{
		Schema:   api.Schema,
		Exporter: db,
		// The response cache (CACHE_ENABLED) keys answers by it.
		GraphVersion: db.GraphVersion,
		Ready: func(ctx context.Context) error {
			if err := db.Ping(ctx); err != nil {
				return err
			}
			return start.check()
		},
		Middleware: api.Middleware,
		Logger:     e.log,
		Metrics:    metrics,
		Explorer:   web.Handler(web.EmbedFrameAncestors(ancestors)),
	})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", srv.Config().ListenAddr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", srv.Config().ListenAddr, err)
	}
	var metricsAddr net.Addr
	metricsDone := make(chan error, 1)
	mctx, stopMetrics := context.WithCancel(e.ctx)
	defer stopMetrics()
	if addr := srv.Config().MetricsAddr; addr != "" {
		mln, err := net.Listen("tcp", addr)
		if err != nil {
			ln.Close()
			return fmt.Errorf("listen on METRICS_ADDR %s: %w", addr, err)
		}
		metricsAddr = mln.Addr()
		go func() { metricsDone <- srv.ServeMetrics(mctx, mln) }()
	} else {
		metricsDone <- nil
	}
	if addr := srv.Config().PprofAddr; addr != "" {
		pln, err := net.Listen("tcp", addr)
		if err != nil {
			ln.Close()
			return fmt.Errorf("listen on PPROF_ADDR %s: %w", addr, err)
		}
		go func() {
			if err := srv.ServeProfiles(mctx, pln); err != nil {
				e.log.Warn("profiles", "error", err.Error())
			}
		}()
	}
	printURLs(e.stdout, ln.Addr(), metricsAddr)
	err = srv.Serve(e.ctx, ln)
	stopMetrics()
	if merr := <-metricsDone; err == nil {
		err = merr
	}
	return err
}

// migrate applies the store's schema, retrying with backoff until it
// succeeds or ctx ends, then has Neo4j plan the reads, moving start on at
// each step.
func migrate(ctx context.Context, db *store.DB, log *slog.Logger, start *startup) {
	backoff := migrateFirstBackoff
	for attempt := 1; ; attempt++ {
		actx, cancel := context.WithTimeout(ctx, migrateAttemptTimeout)
		err := db.Migrate(actx)
		cancel()
		if err == nil {
			start.stage.Store(planningReads)
			log.Info("graph schema ready", "attempts", attempt)
			// Neo4j plans each read on its first use, seconds on a fresh
			// server; planning them now spares the first requests.
			began := time.Now()
			wctx, cancel := context.WithTimeout(ctx, warmUpTimeout)
			n, err := db.WarmUp(wctx)
			cancel()
			if ctx.Err() != nil {
				return
			}
			start.stage.Store(started)
			log.Info("planned the reads", "queries", n, "took", time.Since(began).String(), "err", err)
			return
		}
		if ctx.Err() != nil {
			return
		}
		log.Warn("graph schema not applied yet; retrying", "attempt", attempt, "retry_in", backoff.String(), "error", err.Error())
		select {
		case <-ctx.Done():
			return
		case <-time.After(backoff):
		}
		backoff = min(2*backoff, migrateMaxBackoff)
	}
}

// printURLs tells the operator where everything is; metrics is the
// separate metrics address, nil when /metrics is served beside the API.
func printURLs(w io.Writer, addr, metrics net.Addr) {
	base := baseURL(addr)
	metricsBase := base
	if metrics != nil {
		metricsBase = baseURL(metrics)
	}
	fmt.Fprintf(w, "counterpoint: serving on %s\n", base)
	fmt.Fprintf(w, "  GraphQL endpoint  %s/graphql\n", base)
	fmt.Fprintf(w, "  explorer          %s/\n", base)
	fmt.Fprintf(w, "  liveness          %s/healthz\n", base)
	fmt.Fprintf(w, "  readiness         %s/readyz\n", base)
	fmt.Fprintf(w, "  metrics           %s/metrics\n", metricsBase)
}

func baseURL(addr net.Addr) string {
	host := addr.String()
	if tcp, ok := addr.(*net.TCPAddr); ok && (tcp.IP == nil || tcp.IP.IsUnspecified()) {
		host = net.JoinHostPort("localhost", fmt.Sprint(tcp.Port))
	}
	return "http://" + host
}
