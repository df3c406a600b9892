// Package suite runs the benchmark's phases at one scale: loading (the
// loader against the raw baseline), the equivalence check, and the query
// mix on the three implementations, with round trips per request and the
// services' memory. The command cmd/counterpoint-bench calls it;
// scripts/bench.sh starts and stops the servers around it.
package suite

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/rand"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/counterpoint-news/counterpoint/bench/gen"
	"github.com/counterpoint-news/counterpoint/bench/ingest"
	"github.com/counterpoint-news/counterpoint/bench/loadgen"
	"github.com/counterpoint-news/counterpoint/bench/mix"
	"github.com/counterpoint-news/counterpoint/bench/profile"
	"github.com/counterpoint-news/counterpoint/bench/report"
	"github.com/counterpoint-news/counterpoint/resolvers"
	"github.com/counterpoint-news/counterpoint/server"
	"github.com/counterpoint-news/counterpoint/store"
)

// Progress prints one line of progress.
type Progress func(format string, args ...any)

// LoadConfig configures the loading phase.
type LoadConfig struct {
	Scale     string
	Data      gen.Files
	Runs      int   // loader and raw runs each
	BatchSize int   // the loader's and the baseline's
	Sweep     []int // other batch sizes to run the loader at, once each
	Neo4jPID  int
	Neo4j     report.Neo4jConfig
	Digest    bool // read the graph's digest after each run (small scales only)
	Warmup    bool // unmeasured runs of each first, until two agree (a cold JVM runs the first loads several times slower)
}

// maxWarmupRounds bounds the warm-up: a machine too noisy to settle still gets measured.
const maxWarmupRounds = 6

// warmupAgrees reports whether two successive warm-up runs took about the same time
// (within a fifth of the shorter), the sign that Neo4j has warmed up for this kind of load.
func warmupAgrees(prev, cur float64) bool {
	lo, hi := min(prev, cur), max(prev, cur)
	return lo > 0 && hi-lo <= lo/5
}

// Load measures the loader against the raw baseline, each on an emptied
// graph, alternating which goes first; it leaves the graph as the loader
// wrote it, ready for the queries.
func Load(ctx context.Context, db *store.DB, raw *mix.Raw, cfg LoadConfig, say Progress) (*report.Load, error) {
	m, err := gen.ReadManifest(cfg.Data.Manifest)
	if err != nil {
		return nil, err
	}
	out := &report.Load{Scale: cfg.Scale, Elements: m.Counts.Elements, Nodes: m.Counts.TotalNodes, Rels: m.Counts.TotalRels,
		DatasetBytes: m.Bytes, BatchSize: cfg.BatchSize, Neo4j: cfg.Neo4j}
	icfg := ingest.Config{Dataset: cfg.Data.Dataset, Elements: m.Counts.Elements, BatchSize: cfg.BatchSize, Neo4jPID: cfg.Neo4jPID}
	wipe := func() error {
		wctx, cancel := context.WithTimeout(ctx, 30*time.Minute)
		defer cancel()
		return db.DeleteAll(wctx)
	}
	report := func(r ingest.Run) {
		if r.Error != "" {
			say("  %s (batch %d): FAILED: %.300s", r.Kind, r.BatchSize, r.Error)
			return
		}
		var parts []string
		for _, p := range r.Phases {
			parts = append(parts, fmt.Sprintf("%s %.2fs", strings.SplitN(p.Name, " (", 2)[0], p.Seconds))
		}
		say("  %s (batch %d): %.2fs, %.0f elements/s [%s]", r.Kind, r.BatchSize, r.Seconds, r.Throughput, strings.Join(parts, ", "))
	}
	for _, size := range cfg.Sweep {
		if err := wipe(); err != nil {
			return nil, err
		}
		c := icfg
		c.BatchSize = size
		r := ingest.Loader(ctx, db, c)
		report(r)
		out.Sweep = append(out.Sweep, r)
	}
	// loadOnce empties the graph and loads the dataset once, by the loader or the raw baseline.
	loadOnce := func(kind string) (ingest.Run, error) {
		if err := wipe(); err != nil {
			return ingest.Run{}, err
		}
		if kind == "raw" {
			return ingest.Raw(ctx, raw.Driver(), raw.Database(), icfg), nil
		}
		return ingest.Loader(ctx, db, icfg), nil
	}
	if cfg.Warmup {
		// A fresh Neo4j runs the first loads several times slower, and the loader, which
		// sends more statements, more so: warm up until each kind's last two warm-up runs
		// agree, so that the measured runs compare the two and not the JVM's warming.
		last := map[string]float64{}
		for round := 1; round <= maxWarmupRounds; round++ {
			settled := true
			for _, kind := range []string{"raw", "loader"} {
				r, err := loadOnce(kind)
				if err != nil {
					return nil, err
				}
				say("  warm-up %d %s: %.2fs (not counted)", round, kind, r.Seconds)
				if prev, ok := last[kind]; !ok || !warmupAgrees(prev, r.Seconds) {
					settled = false
				}
				last[kind] = r.Seconds
			}
			if settled {
				break
			}
		}
	}
	for i := 0; i < cfg.Runs; i++ {
		order := []string{"raw", "loader"}
		if i%2 == 1 {
			order = []string{"loader", "raw"}
		}
		if i == cfg.Runs-1 {
			order = []string{"raw", "loader"} // end with the loader's graph
		}
		for _, kind := range order {
			r, err := loadOnce(kind)
			if err != nil {
				return nil, err
			}
			if cfg.Digest && r.Error == "" {
				st, err := db.Stats(ctx)
				if err != nil {
					return nil, err
				}
				r.Digest = st.Digest
			}
			report(r)
			out.Runs = append(out.Runs, r)
		}
	}
	// A load of this size leaves the planner's statistics behind the graph,
	// and plans made for the smaller graph cached: resample the indexes
	// and clear the plan cache, as an operator would after a bulk load, so
	// that the queries are measured with plans for this graph.
	start := time.Now()
	if err := raw.PrepareForReplanning(ctx); err != nil {
		return nil, fmt.Errorf("prepare for replanning: %w", err)
	}
	say("  indexes resampled and query caches cleared in %s (db.prepareForReplanning)", time.Since(start).Round(time.Millisecond))
	return out, nil
}

// Check asks every implementation the check parameters of every query.
func Check(ctx context.Context, t *mix.Targets, probes *gen.Probes, queries []*mix.Query, scale string, say Progress) *report.Check {
	out := &report.Check{Scale: scale, Impls: t.Available()}
	for _, q := range queries {
		params := q.CheckParams(probes)
		eq := t.Check(ctx, q, params)
		status := "equal"
		if !eq.OK() {
			status = fmt.Sprintf("DIFFER: %v", eq.Mismatch)
		}
		say("  %-15s %d checked, %d equal (%d empty), %d skipped: %s", q.Name, eq.Checked, eq.Equal, eq.Empty, eq.Skipped, status)
		out.Results = append(out.Results, eq)
	}
	return out
}

// QueryConfig configures the query phase.
type QueryConfig struct {
	Scale       string
	Elements    int
	Concurrency []int
	Rounds      int
	Warmup      time.Duration
	Duration    time.Duration
	MaxRequests int
	Seed        int64
	CPPID       int
	PeerPID     int
	// Profiler, when set, records Counterpoint's profiles during the first
	// round's measurements at ProfileConcurrency (every level when empty).
	Profiler           *profile.Recorder
	ProfileConcurrency []int
}

// Queries runs the mix: for each round, query and concurrency, each
// implementation in turn (the order rotating by round, so that none always
// runs first), with the same seeded arguments.
func Queries(ctx context.Context, t *mix.Targets, probes *gen.Probes, queries []*mix.Query, cfg QueryConfig, say Progress) *report.Queries {
	impls := t.Available()
	out := &report.Queries{Scale: cfg.Scale, Elements: cfg.Elements, Impls: impls, Concurrency: cfg.Concurrency, Rounds: cfg.Rounds,
		WarmupSec: cfg.Warmup.Seconds(), DurationSec: cfg.Duration.Seconds(), MaxRequests: cfg.MaxRequests}
	for _, q := range queries {
		out.Queries = append(out.Queries, report.QueryDoc{Name: q.Name, Description: q.Description, Grows: q.Grows})
	}
	for round := 0; round < cfg.Rounds; round++ {
		for _, q := range queries {
			for _, c := range cfg.Concurrency {
				for k := range impls {
					impl := impls[(k+round)%len(impls)]
					measure := func() loadgen.Stats {
						return loadgen.Run(ctx, loadgen.Config{
							Concurrency: c, Warmup: cfg.Warmup, Duration: cfg.Duration, MaxRequests: cfg.MaxRequests,
							Seed: cfg.Seed + int64(round)*1_000_000,
						}, func(ctx context.Context, rng *rand.Rand) error {
							return t.Do(ctx, impl, q, q.Pick(rng, probes))
						})
					}
					var st loadgen.Stats
					if cfg.Profiler != nil && round == 0 && impl == mix.Counterpoint &&
						(len(cfg.ProfileConcurrency) == 0 || slices.Contains(cfg.ProfileConcurrency, c)) {
						cfg.Profiler.Measure(ctx, q.Name, c, cfg.Warmup, cfg.Duration, func() int {
							st = measure()
							return st.Requests - st.Errors
						})
					} else {
						st = measure()
					}
					say("  round %d/%d %-15s c=%-2d %-12s p50 %8.2f ms  p99 %8.2f ms  %8.1f req/s  (%d requests, %d errors)",
						round+1, cfg.Rounds, q.Name, c, impl, st.P50, st.P99, st.Throughput, st.Requests, st.Errors)
					if st.FirstError != "" {
						say("    first error: %s", st.FirstError)
					}
					out.Cells = append(out.Cells, report.Cell{Query: q.Name, Impl: impl, Concurrency: c, Round: round + 1, Stats: st})
				}
			}
		}
	}
	if cfg.Profiler != nil {
		out.Profiles = cfg.Profiler.Results()
	}
	for _, m := range []struct {
		impl string
		pid  int
	}{{mix.Counterpoint, cfg.CPPID}, {mix.Peer, cfg.PeerPID}} {
		if m.pid > 0 {
			out.Memory = append(out.Memory, ReadMemory(m.impl, m.pid))
		}
	}
	return out
}

// CacheLookups reads the response cache's look-ups by result (hit, miss,
// bypass) from a Counterpoint's /metrics; nil when it cannot.
func CacheLookups(ctx context.Context, metricsURL string) map[string]float64 {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, metricsURL, nil)
	if err != nil {
		return nil
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil
	}
	defer resp.Body.Close()
	out := map[string]float64{}
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		rest, ok := strings.CutPrefix(sc.Text(), `counterpoint_response_cache_lookups_total{result="`)
		if !ok {
			continue
		}
		result, value, ok := strings.Cut(rest, `"} `)
		if v, err := strconv.ParseFloat(value, 64); ok && err == nil {
			out[result] = v
		}
	}
	return out
}

// ReadMemory reads a process's peak and current resident set size.
func ReadMemory(impl string, pid int) report.Memory {
	m := report.Memory{Impl: impl, PID: pid}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return m
	}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		kb, _ := strconv.ParseFloat(f[1], 64)
		switch f[0] {
		case "VmHWM:":
			m.PeakRSS = kb / 1024
			m.Available = true
		case "VmRSS:":
			m.RSS = kb / 1024
		}
	}
	return m
}

// RoundTrips counts, request by request with nothing else running, the
// Cypher statements each implementation sends for each query:
// Counterpoint's through its own store's counter, with the real server
// handler in this process over the same Neo4j (the HTTP server's store
// cannot be read from outside); the limit's by counting its statements;
// the peer's from its /bench/stats counter, which wraps the driver's
// transactions.
func RoundTrips(ctx context.Context, t *mix.Targets, db *store.DB, probes *gen.Probes, queries []*mix.Query, samples int, say Progress) ([]report.RoundTrips, error) {
	api := resolvers.NewAPI(db) // the default batch wait, as `serve` has
	srv, err := server.New(server.Config{ComplexityLimit: ComplexityLimit}, server.Deps{
		Schema: api.Schema, Middleware: api.Middleware,
		Logger: slog.New(slog.NewJSONHandler(io.Discard, nil)),
	})
	if err != nil {
		return nil, err
	}
	var out []report.RoundTrips
	for _, q := range queries {
		rng := rand.New(rand.NewSource(42))
		counts := map[string][]int{}
		for i := 0; i < samples; i++ {
			p := q.Pick(rng, probes)
			// Counterpoint, in process.
			before := db.RoundTrips()
			if err := ServeOne(ctx, srv, q.CP, q.CPVars(p)); err != nil {
				return nil, fmt.Errorf("%s in process: %w", q.Name, err)
			}
			counts[mix.Counterpoint] = append(counts[mix.Counterpoint], int(db.RoundTrips()-before))
			if t.Raw != nil {
				before := t.Raw.RoundTrips()
				if _, err := q.Raw(ctx, t.Raw, p); err != nil {
					return nil, fmt.Errorf("%s on the limit: %w", q.Name, err)
				}
				counts[mix.Limit] = append(counts[mix.Limit], int(t.Raw.RoundTrips()-before))
			}
			if t.Peer != nil {
				b0, err := peerQueries(ctx, t.Peer)
				if err != nil {
					return nil, err
				}
				if err := t.Do(ctx, mix.Peer, q, p); err != nil {
					return nil, fmt.Errorf("%s on the peer: %w", q.Name, err)
				}
				b1, err := peerQueries(ctx, t.Peer)
				if err != nil {
					return nil, err
				}
				counts[mix.Peer] = append(counts[mix.Peer], b1-b0)
			}
		}
		methods := map[string]string{
			mix.Counterpoint: "store.DB.RoundTrips() around one request to the real handler, in process",
			mix.Limit:        "statements the limit sends",
			mix.Peer:         "transaction runs counted by a driver wrapper in the peer (/bench/stats)",
		}
		var line []string
		for _, impl := range mix.Impls {
			c := counts[impl]
			if len(c) == 0 {
				continue
			}
			sorted := append([]int(nil), c...)
			sort.Ints(sorted)
			out = append(out, report.RoundTrips{Query: q.Name, Impl: impl, Samples: c, Min: sorted[0], Max: sorted[len(sorted)-1], Method: methods[impl]})
			line = append(line, fmt.Sprintf("%s %d-%d", impl, sorted[0], sorted[len(sorted)-1]))
		}
		say("  %-15s round trips: %s", q.Name, strings.Join(line, ", "))
	}
	return out, nil
}

// ServeOne sends one GraphQL request to the handler h in process and fails
// on any error in the answer.
func ServeOne(ctx context.Context, h http.Handler, query string, vars map[string]any) error {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req := httptest.NewRequestWithContext(ctx, http.MethodPost, "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/graphql-response+json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK || bytes.Contains(rec.Body.Bytes(), []byte(`"errors":`)) {
		return fmt.Errorf("status %d: %.300s", rec.Code, rec.Body.String())
	}
	return nil
}

func peerQueries(ctx context.Context, c *mix.Client) (int, error) {
	b, err := c.Get(ctx, "/bench/stats")
	if err != nil {
		return 0, err
	}
	var st struct {
		Queries int `json:"queries"`
	}
	if err := json.Unmarshal(b, &st); err != nil {
		return 0, fmt.Errorf("peer /bench/stats: %v: %.200s", err, b)
	}
	return st.Queries, nil
}

// ComplexityLimit is the complexity limit the benchmark serves
// Counterpoint with (COMPLEXITY_LIMIT): the default, 2000, refuses the
// mix's page of 50 claims with quotes, asserters and rebuttals with their
// asserters (complexity 2601).
const ComplexityLimit = 10000
