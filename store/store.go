// Package store is the only package that talks to Neo4j: it holds the
// driver, the Cypher, the constraints and indexes, and the transactions.
package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"

	"github.com/counterpoint-news/counterpoint"
)

// Config says where Neo4j is and how long calls may take.
type Config struct {
	URI      string // bolt://, neo4j://, neo4j+s://...
	Username string // empty for a server without authentication
	Password string
	Database string // empty for the server's default database

	ConnectTimeout time.Duration // bound on Open's connectivity check; default 30s
	ReadTimeout    time.Duration // bound on a read when the caller's context has none; default 15s
	// DownReadTimeout bounds each read while Neo4j is unreachable (from a
	// read that found it so until one succeeds); default 2s. After a
	// restart Neo4j accepts connections many seconds before its database
	// answers, and a read sent then waits for an answer: without this
	// bound it would wait for the whole request deadline, and its client
	// would learn of Neo4j's return that much later.
	DownReadTimeout time.Duration
	WriteTimeout    time.Duration // bound on a dataset write; default 10m
	BatchSize       int           // rows per UNWIND statement within a write; default 5000

	Logger *slog.Logger
	// ObserveQuery, when set, is told each read's name and duration (for
	// the service's latency metrics).
	ObserveQuery func(name string, d time.Duration)
}

func (c *Config) defaults() {
	if c.ConnectTimeout <= 0 {
		c.ConnectTimeout = 30 * time.Second
	}
	if c.ReadTimeout <= 0 {
		c.ReadTimeout = 15 * time.Second
	}
	if c.DownReadTimeout <= 0 {
		c.DownReadTimeout = 2 * time.Second
	}
	if c.WriteTimeout <= 0 {
		c.WriteTimeout = 10 * time.Minute
	}
	if c.BatchSize <= 0 {
		c.BatchSize = 5000
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
}

// DB is the graph store. One DB, and so one driver, serves the whole
// process; it is safe for concurrent use.
type DB struct {
	cfg    Config
	driver neo4j.DriverWithContext

	roundTrips atomic.Int64
	// down is set by a read that found Neo4j unreachable and cleared by
	// the next that succeeds; while set, reads are bounded by
	// cfg.DownReadTimeout.
	down atomic.Bool

	// The DB's own background work (planning the reads again after an
	// outage) runs under bgCtx; Close cancels it and waits for
	// it, so that nothing uses the driver once it is closed.
	bgMu    sync.Mutex
	bgCtx   context.Context
	bgStop  context.CancelFunc
	bg      sync.WaitGroup
	replans atomic.Bool // a re-planning runs; one at a time
}

// Open connects to Neo4j, checks within cfg.ConnectTimeout that it answers,
// and applies the schema (constraints and indexes) idempotently.
func Open(ctx context.Context, cfg Config) (*DB, error) {
	db, err := Connect(cfg)
	if err != nil {
		return nil, err
	}
	cctx, cancel := context.WithTimeout(ctx, db.cfg.ConnectTimeout)
	defer cancel()
	if err := db.driver.VerifyConnectivity(cctx); err != nil {
		db.Close(context.Background())
		return nil, fmt.Errorf("neo4j at %s did not answer within %s: %w", cfg.URI, db.cfg.ConnectTimeout,
			counterpoint.Errorf(counterpoint.EUNAVAILABLE, "the graph store is unavailable: %v", err))
	}
	if err := db.Migrate(cctx); err != nil {
		db.Close(context.Background())
		return nil, err
	}
	return db, nil
}

// Connect creates the driver without contacting the server, so that a
// service can start while Neo4j is still down and become ready later.
func Connect(cfg Config) (*DB, error) {
	cfg.defaults()
	auth := neo4j.NoAuth()
	if cfg.Username != "" {
		auth = neo4j.BasicAuth(cfg.Username, cfg.Password, "")
	}
	driver, err := neo4j.NewDriverWithContext(cfg.URI, auth, func(c *config.Config) {
		// Fail fast when the server is down instead of queueing callers,
		// and recover fast when it is back. The driver sleeps about 2 s
		// (±10%) before its first retry and twice as long before each
		// next one, for as long as MaxTransactionRetryTime has not passed
		// since the first attempt: at 3 s a read made while Neo4j was down
		// tried at 0, 2 and 6 s, so it answered STORE_UNAVAILABLE after
		// about 6 s and, when Neo4j came back, slept up to 4.4 s before
		// it noticed. At 1 s it tries twice, at 0 and about 2 s: an outage
		// is reported in about 2 s, a read never sleeps more than 2.2 s
		// before it tries again, and a blip (a cluster electing a leader,
		// a dead pooled connection, which is retried at once) is still
		// retried away.
		c.SocketConnectTimeout = 2 * time.Second
		c.ConnectionAcquisitionTimeout = 5 * time.Second
		c.MaxTransactionRetryTime = time.Second
	})
	if err != nil {
		return nil, counterpoint.Errorf(counterpoint.EINVALID, "NEO4J_URI %q: %v", cfg.URI, err)
	}
	db := &DB{cfg: cfg, driver: driver}
	db.bgCtx, db.bgStop = context.WithCancel(context.Background())
	return db, nil
}

// Close stops the DB's background work, waits for it, and then releases
// the driver's connections, so that no work outlives the store and logs
// the closed pool's errors.
func (db *DB) Close(ctx context.Context) error {
	db.bgMu.Lock()
	db.bgStop()
	db.bgMu.Unlock()
	db.bg.Wait()
	return db.driver.Close(ctx)
}

// background runs f in a goroutine under the DB's background context,
// unless the DB is closed; Close waits for it.
func (db *DB) background(f func(ctx context.Context)) {
	db.bgMu.Lock()
	defer db.bgMu.Unlock()
	if db.bgCtx.Err() != nil {
		return
	}
	db.bg.Go(func() { f(db.bgCtx) })
}

// pingCypher is the readiness query: a read of the graph itself (the node
// count, which Neo4j answers from its count store without a scan), so that
// it fails while the database is still starting, when Bolt already
// answers the handshake that VerifyConnectivity checks.
const pingCypher = `MATCH (n) RETURN count(n) AS nodes`

// Ping reports whether Neo4j answers queries; the readiness probe uses it.
// It runs a cheap read through the same path as every query (RunRead,
// routed to a reader, the same pool and retries), not only the Bolt
// handshake: after a restart Neo4j accepts connections several seconds
// before its database answers.
func (db *DB) Ping(ctx context.Context) error {
	_, err := db.read(ctx, "ping", pingCypher, nil)
	return err
}

// Unreachable reports whether the last read found Neo4j unreachable (and
// so whether reads are now bounded by DownReadTimeout).
func (db *DB) Unreachable() bool { return db.down.Load() }

// RoundTrips returns how many Cypher round trips this DB has made since it
// was opened; tests read it to prove a request's count does not grow with
// the number of items it returns.
func (db *DB) RoundTrips() int64 { return db.roundTrips.Load() }

// readContext bounds a read by cfg.ReadTimeout unless the caller already set
// a deadline.
func (db *DB) readContext(ctx context.Context) (context.Context, context.CancelFunc) {
	if _, ok := ctx.Deadline(); ok {
		return ctx, func() {}
	}
	return context.WithTimeout(ctx, db.cfg.ReadTimeout)
}

// read runs one read query, routed to a reader, with the driver's default
// bookmark manager so that it sees this process's earlier writes.
func (db *DB) read(ctx context.Context, name, cypher string, params map[string]any) (*neo4j.EagerResult, error) {
	ctx, cancel := db.readContext(ctx)
	defer cancel()
	down := db.down.Load()
	if down {
		var cancelDown context.CancelFunc
		ctx, cancelDown = context.WithTimeout(ctx, db.cfg.DownReadTimeout)
		defer cancelDown()
	}
	db.roundTrips.Add(1)
	start := time.Now()
	res, err := RunRead(ctx, db.driver, db.cfg.Database, cypher, params)
	if db.cfg.ObserveQuery != nil {
		db.cfg.ObserveQuery(name, time.Since(start))
	}
	if err != nil {
		// A read its deadline cut short says nothing of Neo4j: the
		// caller may have asked for little time. One refused, reset or
		// timed out by the driver itself says Neo4j is unreachable; any
		// other error is an answer from it.
		if ctx.Err() == nil && !deadlinePassed(ctx) {
			db.down.Store(unreachable(err))
		}
		return nil, wrap(withContextError(ctx, err))
	}
	if db.down.Swap(false) {
		db.warmAfterRecovery()
	}
	return res, nil
}

// RunRead runs one read statement as the store runs every read, routed to
// a reader and with ExecuteQuery's bookmark manager, so that it sees this
// process's earlier writes. It first sends the statement as an auto-commit
// transaction, which takes one round trip (RUN and PULL), where a managed
// transaction takes a second for its COMMIT: measured on this machine, a
// small read's p50 at concurrency 1 went from 1.2-1.3 ms to 0.9-1.0 ms. If
// that attempt fails in a way the driver would retry (a dead pooled
// connection, Neo4j unreachable, a transient error), the statement goes
// through ExecuteQuery, with the driver's retries; a read changes nothing,
// so trying it twice is safe. bench/mix's limit calls it too, so that the
// limit reads exactly as the store does.
func RunRead(ctx context.Context, driver neo4j.DriverWithContext, database, cypher string, params map[string]any) (*neo4j.EagerResult, error) {
	res, err := autoCommitRead(ctx, driver, database, cypher, params)
	if err == nil || !neo4j.IsRetryable(err) || ctx.Err() != nil || deadlinePassed(ctx) {
		return res, err
	}
	return neo4j.ExecuteQuery(ctx, driver, cypher, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(database), neo4j.ExecuteQueryWithReadersRouting())
}

// autoCommitRead runs one read statement in an auto-commit transaction of
// a session that reads as ExecuteQuery does.
func autoCommitRead(ctx context.Context, driver neo4j.DriverWithContext, database, cypher string, params map[string]any) (_ *neo4j.EagerResult, err error) {
	session := bookmarkedSession(ctx, driver, database, neo4j.AccessModeRead)
	defer func() {
		// Kept apart from errors.Join: the driver's retry check looks at the
		// error's own type, not at what it wraps.
		if cerr := session.Close(ctx); err == nil {
			err = cerr
		}
	}()
	result, err := session.Run(ctx, cypher, params)
	if err != nil {
		return nil, err
	}
	records, err := result.Collect(ctx)
	if err != nil {
		return nil, err
	}
	summary, err := result.Consume(ctx)
	if err != nil {
		return nil, err
	}
	keys, err := result.Keys()
	if err != nil {
		return nil, err
	}
	return &neo4j.EagerResult{Keys: keys, Records: records, Summary: summary}, nil
}

// nullable passes an empty string as null, which a query reads as "no
// filter".
func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// writeQuery runs one auto-managed write query routed to the leader.
func (db *DB) writeQuery(ctx context.Context, cypher string, params map[string]any) (*neo4j.EagerResult, error) {
	db.roundTrips.Add(1)
	res, err := neo4j.ExecuteQuery(ctx, db.driver, cypher, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(db.cfg.Database), neo4j.ExecuteQueryWithWritersRouting())
	if err != nil {
		return nil, wrap(withContextError(ctx, err))
	}
	return res, nil
}

// writeSession opens a write session whose writes later reads see.
func (db *DB) writeSession(ctx context.Context) neo4j.SessionWithContext {
	return bookmarkedSession(ctx, db.driver, db.cfg.Database, neo4j.AccessModeWrite)
}

// bookmarkedSession opens a session that shares ExecuteQuery's bookmarks,
// so that a read made after a write sees it, even on a cluster, whichever
// of ExecuteQuery and the sessions made either.
func bookmarkedSession(ctx context.Context, driver neo4j.DriverWithContext, database string, mode neo4j.AccessMode) neo4j.SessionWithContext {
	return driver.NewSession(ctx, neo4j.SessionConfig{
		AccessMode:      mode,
		DatabaseName:    database,
		BookmarkManager: driver.ExecuteQueryBookmarkManager(),
	})
}

// run executes one statement inside a managed transaction and counts it.
func (db *DB) run(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	db.roundTrips.Add(1)
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return nil, err
	}
	return res.Collect(ctx)
}

// withContextError marks err as caused by ctx's deadline or cancellation
// when ctx is done: the server may answer a cancelled transaction with an
// error of its own, which says nothing of why.
//
// A deadline that has passed counts even before ctx says so (its timer may
// not have fired yet): the driver then gives up on a connection with
// whatever it made of a read it could not finish, "none of the server
// offered Bolt versions are supported" among them (its racing reader
// returns no bytes and no error once the deadline is past, and the
// handshake reads that as an empty list of versions).
func withContextError(ctx context.Context, err error) error {
	cerr := ctx.Err()
	if cerr == nil && deadlinePassed(ctx) {
		cerr = context.DeadlineExceeded
	}
	if cerr != nil && !errors.Is(err, cerr) {
		return fmt.Errorf("%w: %w", cerr, err)
	}
	return err
}

// deadlinePassed reports whether ctx has a deadline that has passed, which
// may be before ctx's timer has fired and set its Err.
func deadlinePassed(ctx context.Context) bool {
	deadline, ok := ctx.Deadline()
	return ok && !time.Now().Before(deadline)
}

// wrap turns driver errors into the domain's: an unreachable server or a
// spent deadline is EUNAVAILABLE; anything else stays internal. Callers
// that hold the call's context pass the error through withContextError
// first, so that whatever the driver says of a connection its deadline cut
// short (a half-read handshake included) counts as the deadline.
func wrap(err error) error {
	var cpErr *counterpoint.Error
	switch {
	case err == nil:
		return nil
	case errors.As(err, &cpErr):
		return err
	case unreachable(err), errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("%w: %v", counterpoint.Errorf(counterpoint.EUNAVAILABLE, "the graph store is unavailable or too slow; try again"), err)
	default:
		return err
	}
}

// unreachable reports whether err says the server could not be reached or
// the connection to it broke, wrapped or not: the driver's connectivity
// errors and spent retries, and the network's own errors when they come
// through unclassified (a handshake cut short, say).
func unreachable(err error) bool {
	var (
		conn    *neo4j.ConnectivityError
		limit   *neo4j.TransactionExecutionLimit
		netErr  net.Error
		sysErrn syscall.Errno
	)
	switch {
	case errors.As(err, &conn), errors.As(err, &limit), errors.As(err, &netErr):
		return true
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, net.ErrClosed):
		return true
	case errors.As(err, &sysErrn):
		return sysErrn == syscall.ECONNREFUSED || sysErrn == syscall.ECONNRESET || sysErrn == syscall.EPIPE
	}
	return false
}
