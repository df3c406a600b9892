// Command counterpoint-bench is Counterpoint's benchmark: it generates
// synthetic debates at a chosen scale, measures loading against a raw
// UNWIND ... MERGE baseline, checks that Counterpoint, the raw driver (the
// limit) and @neo4j/graphql (the peer) give the same answers, measures the
// query mix on all three, and writes docs/performance.md with its chart.
// scripts/bench.sh runs it all (make bench); scripts/bench-smoke.sh runs a
// small smoke run (make test). It reports speed and never judges it.
package main

import (
	"context"
	"fmt"
	"github.com/counterpoint-news/counterpoint/bench/profile"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/alecthomas/kong"

	"github.com/counterpoint-news/counterpoint/bench/gen"
	"github.com/counterpoint-news/counterpoint/bench/mix"
	"github.com/counterpoint-news/counterpoint/bench/report"
	"github.com/counterpoint-news/counterpoint/bench/suite"
	"github.com/counterpoint-news/counterpoint/internal/cmdline"
	"github.com/counterpoint-news/counterpoint/store"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "counterpoint-bench:", err)
		os.Exit(1)
	}
}

// Neo4jConfig is the database under test, from the environment.
type Neo4jConfig struct {
	URI      string `name:"neo4j-uri" env:"NEO4J_URI" default:"bolt://127.0.0.1:7697" help:"Neo4j URI."`
	Username string `name:"neo4j-username" env:"NEO4J_USERNAME" default:"neo4j" help:"Neo4j user."`
	Password string `name:"neo4j-password" env:"NEO4J_PASSWORD" default:"counterpoint-bench" help:"Neo4j password."`
	Database string `name:"neo4j-database" env:"NEO4J_DATABASE" default:"" help:"Neo4j database; empty for the default."`
}

func (c Neo4jConfig) store(ctx context.Context, batch int) (*store.DB, error) {
	return store.Open(ctx, store.Config{URI: c.URI, Username: c.Username, Password: c.Password, Database: c.Database,
		BatchSize: batch, WriteTimeout: 2 * time.Hour, Logger: slog.New(slog.NewJSONHandler(io.Discard, nil))})
}

func (c Neo4jConfig) raw(ctx context.Context) (*mix.Raw, error) {
	return mix.OpenRaw(ctx, c.URI, c.Username, c.Password, c.Database)
}

// Data names a generated dataset folder.
type Data struct {
	Data string `required:"" type:"path" help:"Folder that gen wrote (dataset, sources, probes.json, manifest.json)."`
}

func (d Data) files() (gen.Files, gen.Manifest, error) {
	f := gen.Files{Probes: filepath.Join(d.Data, "probes.json"), Manifest: filepath.Join(d.Data, "manifest.json")}
	m, err := gen.ReadManifest(f.Manifest)
	if err != nil {
		return f, m, fmt.Errorf("%s: run gen first: %w", d.Data, err)
	}
	f.Dataset = filepath.Join(d.Data, m.Config.ID+".json")
	return f, m, nil
}

// Targets are the endpoints of the implementations.
type Targets struct {
	Counterpoint string `name:"counterpoint" help:"Counterpoint's GraphQL endpoint (127.0.0.1 only)." placeholder:"URL"`
	Peer         string `name:"peer" help:"The peer's GraphQL endpoint (127.0.0.1 only); empty to leave the peer out." placeholder:"URL"`
	NoLimit      bool   `name:"no-limit" help:"Leave the raw driver (the limit) out."`
	Cached       string `name:"counterpoint-cached" help:"The GraphQL endpoint of a second Counterpoint with CACHE_ENABLED=true (127.0.0.1 only); empty to leave it out." placeholder:"URL"`
	LimitHTTP    string `name:"limit-http" help:"The endpoint of the limit over HTTP, which the limit-http command serves (127.0.0.1 only); empty to leave it out." placeholder:"URL"`
}

func (t Targets) open(ctx context.Context, n Neo4jConfig, conns int) (*mix.Targets, error) {
	out := &mix.Targets{}
	var err error
	if t.Counterpoint != "" {
		if out.CP, err = mix.NewClient(t.Counterpoint, conns); err != nil {
			return nil, err
		}
	}
	if t.Peer != "" {
		if out.Peer, err = mix.NewClient(t.Peer, conns); err != nil {
			return nil, err
		}
	}
	if t.Cached != "" {
		if out.Cached, err = mix.NewClient(t.Cached, conns); err != nil {
			return nil, err
		}
	}
	if t.LimitHTTP != "" {
		if out.LimitHTTP, err = mix.NewClient(t.LimitHTTP, conns); err != nil {
			return nil, err
		}
	}
	if !t.NoLimit {
		if out.Raw, err = n.raw(ctx); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// CLI is the command line.
type CLI struct {
	Gen       GenCmd       `cmd:"" help:"Generate a synthetic dataset at a scale."`
	Load      LoadCmd      `cmd:"" help:"Measure the loader against the raw UNWIND ... MERGE baseline; leaves the graph loaded."`
	Check     CheckCmd     `cmd:"" help:"Check that the implementations give the same answers to the mix."`
	Queries   QueriesCmd   `cmd:"" help:"Measure the query mix on every implementation, with round trips and memory."`
	Report    ReportCmd    `cmd:"" help:"Write docs/performance.md and the p50 chart from the results."`
	Validate  ValidateCmd  `cmd:"" help:"Check that result folders are well-formed (nothing about speed)."`
	Wipe      WipeCmd      `cmd:"" help:"Empty the graph (the schema stays)."`
	Maps      MapsCmd      `cmd:"" help:"Load 1, 100 and 1,000 generated AIF maps and time the query mix scoped to one map; writes docs/many-debates.md."`
	AIFCorpus AIFCorpusCmd `cmd:"" name:"aif-corpus" help:"Write a generated AIF corpus shaped like a televised-debate corpus (issue 19): 1,400 maps, about 130,000 nodes, with its faults."`
	LimitHTTP LimitHTTPCmd `cmd:"" name:"limit-http" help:"Serve the limit over HTTP (mix.LimitHandler) until stopped: the reference for what HTTP alone costs."`
	AIFLoad   AIFLoadCmd   `cmd:"" name:"aif-load" help:"Time two loads of the generated AIF corpus (into an emptied graph, then unchanged) by bin/counterpoint; writes aif-corpus.json for the report."`
}

// WipeCmd empties the graph.
type WipeCmd struct {
	Neo4jConfig
}

// Run empties the graph.
func (c *WipeCmd) Run(e *env) error {
	db, err := c.store(e.ctx, 0)
	if err != nil {
		return err
	}
	defer db.Close(context.Background())
	return db.DeleteAll(e.ctx)
}

type env struct {
	ctx context.Context
	out io.Writer
}

func (e *env) say(format string, args ...any) {
	fmt.Fprintf(e.out, "[%s] %s\n", time.Now().Format("15:04:05"), fmt.Sprintf(format, args...))
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var cli CLI
	kctx, help, err := cmdline.Parse(&cli, args, stdout, stderr, kong.Name("counterpoint-bench"),
		kong.Description("Counterpoint's benchmark: loading and the query mix against the raw driver and @neo4j/graphql."))
	if help || err != nil {
		return err
	}
	return kctx.Run(&env{ctx: ctx, out: stdout})
}

// GenCmd writes a dataset.
type GenCmd struct {
	Scale string `required:"" help:"Elements (nodes plus relationships): 10k, 100k, 1m or a number."`
	Seed  int64  `default:"20151001" help:"Seed; the same seed and scale give the same dataset."`
	Out   string `required:"" type:"path" help:"Folder to write into."`
}

// Run generates and writes, skipping the work when the folder already
// holds the same scale and seed.
func (c *GenCmd) Run(e *env) error {
	n, err := report.ParseScale(c.Scale)
	if err != nil {
		return err
	}
	cfg := gen.Config{Elements: n, Seed: c.Seed}
	if m, err := gen.ReadManifest(filepath.Join(c.Out, "manifest.json")); err == nil && m.Config.Elements == n && m.Config.Seed == c.Seed {
		e.say("gen %s: %s already holds it (%d elements)", c.Scale, c.Out, m.Counts.Elements)
		return nil
	}
	start := time.Now()
	r := gen.Generate(cfg)
	files, err := gen.Write(c.Out, cfg, r)
	if err != nil {
		return err
	}
	e.say("gen %s: %d nodes + %d relationships = %d elements in %s (%s)", c.Scale, r.Counts.TotalNodes, r.Counts.TotalRels,
		r.Counts.Elements, time.Since(start).Round(time.Millisecond), files.Dataset)
	return nil
}

// LoadCmd measures loading.
type LoadCmd struct {
	Neo4jConfig
	Data
	Scale     string `required:"" help:"Scale name for the report."`
	Runs      int    `default:"3" help:"Runs of the loader and of the raw baseline each."`
	BatchSize int    `default:"5000" help:"Rows per UNWIND statement, for both."`
	Sweep     string `default:"" help:"Other batch sizes to run the loader at once each, comma-separated."`
	Neo4jPID  int    `name:"neo4j-pid" help:"Pid of the Neo4j server, to read its CPU time."`
	Heap      string `env:"NEO4J_HEAP" help:"Neo4j heap, for the report."`
	PageCache string `env:"NEO4J_PAGECACHE" help:"Neo4j page cache, for the report."`
	TxMemory  string `env:"NEO4J_TX_MEMORY" help:"Neo4j transaction memory cap, for the report."`
	Digest    bool   `help:"Read the graph's digest after each run, to prove both write the same graph (small scales only)."`
	Warmup    bool   `help:"Run each unmeasured first, until two successive runs of each agree within a fifth (at most 6)."`
	Out       string `required:"" type:"path" help:"Result folder of this scale."`
}

// Run measures and writes load.json.
func (c *LoadCmd) Run(e *env) error {
	files, _, err := c.files()
	if err != nil {
		return err
	}
	sweep, err := ints(c.Sweep)
	if err != nil {
		return err
	}
	db, err := c.store(e.ctx, c.BatchSize)
	if err != nil {
		return err
	}
	defer db.Close(context.Background())
	// The sweep needs stores with other batch sizes; they share the server.
	raw, err := c.raw(e.ctx)
	if err != nil {
		return err
	}
	defer raw.Close(context.Background())
	version := neo4jVersion(e.ctx, raw)
	e.say("load %s: loader and raw baseline, %d runs each, batch %d (Neo4j %s)", c.Scale, c.Runs, c.BatchSize, version)
	cfg := suite.LoadConfig{Scale: c.Scale, Data: files, Runs: c.Runs, BatchSize: c.BatchSize, Neo4jPID: c.Neo4jPID,
		Neo4j: report.Neo4jConfig{Version: version, Heap: c.Heap, PageCache: c.PageCache, TxMemory: c.TxMemory}, Digest: c.Digest, Warmup: c.Warmup}
	res := &report.Load{}
	if len(sweep) > 0 {
		for _, size := range sweep {
			sdb, err := c.store(e.ctx, size)
			if err != nil {
				return err
			}
			r, err := suite.Load(e.ctx, sdb, raw, suite.LoadConfig{Scale: c.Scale, Data: files, BatchSize: size, Sweep: []int{size}, Neo4jPID: c.Neo4jPID}, e.say)
			sdb.Close(context.Background())
			if err != nil {
				return err
			}
			res.Sweep = append(res.Sweep, r.Sweep...)
		}
	}
	main, err := suite.Load(e.ctx, db, raw, cfg, e.say)
	if err != nil {
		return err
	}
	main.Sweep = res.Sweep
	return report.WriteJSON(filepath.Join(c.Out, report.LoadFile), main)
}

func neo4jVersion(ctx context.Context, raw *mix.Raw) string {
	v, err := raw.ServerVersion(ctx)
	if err != nil {
		return "unknown"
	}
	return v
}

func ints(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil || n <= 0 {
			return nil, fmt.Errorf("%q is not a positive number", f)
		}
		out = append(out, n)
	}
	return out, nil
}

func names(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// CheckCmd checks equivalence.
type CheckCmd struct {
	Neo4jConfig
	Data
	Targets
	Scale   string `required:"" help:"Scale name for the report."`
	Queries string `default:"" help:"Queries of the mix to check, comma-separated; all by default."`
	Strict  bool   `help:"Exit non-zero when the implementations differ."`
	Out     string `required:"" type:"path" help:"Result folder of this scale."`
}

// Run checks and writes check.json.
func (c *CheckCmd) Run(e *env) error {
	files, _, err := c.files()
	if err != nil {
		return err
	}
	probes, err := gen.ReadProbes(files.Probes)
	if err != nil {
		return err
	}
	queries, err := mix.ByName(names(c.Queries))
	if err != nil {
		return err
	}
	t, err := c.open(e.ctx, c.Neo4jConfig, 4)
	if err != nil {
		return err
	}
	e.say("check %s: do %v give the same answers?", c.Scale, t.Available())
	res := suite.Check(e.ctx, t, &probes, queries, c.Scale, e.say)
	if err := report.WriteJSON(filepath.Join(c.Out, report.CheckFile), res); err != nil {
		return err
	}
	for _, r := range res.Results {
		if !r.OK() && c.Strict {
			return fmt.Errorf("check %s: %s: the implementations differ", c.Scale, r.Query)
		}
	}
	return nil
}

// QueriesCmd measures the mix.
type QueriesCmd struct {
	Neo4jConfig
	Data
	Targets
	Scale       string        `required:"" help:"Scale name for the report."`
	Queries     string        `default:"" help:"Queries of the mix, comma-separated; all by default."`
	Concurrency string        `default:"1,16" help:"Concurrency levels, comma-separated."`
	Rounds      int           `default:"3" help:"Rounds: each runs every query on every implementation once."`
	Warmup      time.Duration `default:"1s" help:"Unmeasured warm-up before each measurement."`
	Duration    time.Duration `default:"3s" help:"Measurement time of each query, implementation and concurrency."`
	MaxRequests int           `default:"3000" help:"Stop a measurement after this many requests."`
	Seed        int64         `default:"1" help:"Seed of the arguments drawn."`
	Samples     int           `default:"5" help:"Requests measured alone per query, for round trips."`
	CPPID       int           `name:"counterpoint-pid" help:"Pid of the Counterpoint server, for its memory."`
	PeerPID     int           `name:"peer-pid" help:"Pid of the peer server, for its memory."`
	Pprof       string        `name:"counterpoint-pprof" help:"Base URL of Counterpoint's PPROF_ADDR (http://127.0.0.1:port): record a CPU and an allocation profile of each query (first round)." placeholder:"URL"`
	ProfileConc string        `name:"profile-concurrency" default:"" help:"Concurrency levels to profile at, comma-separated; all by default."`
	Out         string        `required:"" type:"path" help:"Result folder of this scale."`
}

// Run measures and writes queries.json.
func (c *QueriesCmd) Run(e *env) error {
	files, m, err := c.files()
	if err != nil {
		return err
	}
	probes, err := gen.ReadProbes(files.Probes)
	if err != nil {
		return err
	}
	queries, err := mix.ByName(names(c.Queries))
	if err != nil {
		return err
	}
	conc, err := ints(c.Concurrency)
	if err != nil {
		return err
	}
	t, err := c.open(e.ctx, c.Neo4jConfig, 32)
	if err != nil {
		return err
	}
	if t.CP == nil {
		return fmt.Errorf("--counterpoint is required")
	}
	db, err := c.store(e.ctx, 0)
	if err != nil {
		return err
	}
	defer db.Close(context.Background())
	e.say("round trips %s: each query alone, %d samples", c.Scale, c.Samples)
	trips, err := suite.RoundTrips(e.ctx, t, db, &probes, queries, c.Samples, e.say)
	if err != nil {
		return err
	}
	e.say("queries %s: %v, concurrency %v, %d rounds of %s (+%s warm-up) or %d requests", c.Scale, t.Available(), conc, c.Rounds, c.Duration, c.Warmup, c.MaxRequests)
	cfg := suite.QueryConfig{
		Scale: c.Scale, Elements: m.Counts.Elements, Concurrency: conc, Rounds: c.Rounds, Warmup: c.Warmup, Duration: c.Duration,
		MaxRequests: c.MaxRequests, Seed: c.Seed, CPPID: c.CPPID, PeerPID: c.PeerPID,
	}
	if c.Pprof != "" {
		metrics := strings.TrimSuffix(c.Counterpoint, "/graphql") + "/metrics"
		cfg.Profiler = profile.NewRecorder(c.Pprof, metrics, filepath.Join(c.Out, "profiles"))
		if c.ProfileConc != "" {
			if cfg.ProfileConcurrency, err = ints(c.ProfileConc); err != nil {
				return err
			}
		}
	}
	res := suite.Queries(e.ctx, t, &probes, queries, cfg, e.say)
	res.RoundTrips = trips
	if t.Cached != nil {
		res.CacheLookups = suite.CacheLookups(e.ctx, strings.TrimSuffix(c.Cached, "/graphql")+"/metrics")
	}
	for _, mem := range res.Memory {
		e.say("  memory %s (pid %d): peak RSS %.0f MiB, RSS now %.0f MiB", mem.Impl, mem.PID, mem.PeakRSS, mem.RSS)
	}
	return report.WriteJSON(filepath.Join(c.Out, report.QueriesFile), res)
}

// ReportCmd writes the report.
type ReportCmd struct {
	Results string `required:"" type:"path" help:"Folder with one result folder per scale."`
	Md      string `default:"docs/performance.md" type:"path" help:"Markdown report to write."`
	Chart   string `default:"docs/performance-p50.png" type:"path" help:"PNG chart to write."`
	Python  string `default:".venv-bench/bin/python" help:"Python with matplotlib, for the chart."`
	Meta    string `default:"" type:"path" help:"JSON file with the run's machine and versions (scripts/bench.sh writes it)."`
}

// Run writes the report and the chart.
func (c *ReportCmd) Run(e *env) error {
	scales, err := report.ReadAll(c.Results)
	if err != nil {
		return err
	}
	aif, err := report.ReadAIFCorpus(c.Results)
	if err != nil {
		return err
	}
	if len(scales) == 0 && aif == nil {
		return fmt.Errorf("%s holds no results", c.Results)
	}
	meta, err := report.ReadMeta(c.Meta)
	if err != nil {
		return err
	}
	if err := report.Chart(scales, c.Chart, c.Python); err != nil {
		e.say("chart: %v", err)
	} else {
		e.say("wrote %s", c.Chart)
	}
	if err := report.WriteMarkdown(c.Md, scales, aif, meta, filepath.Base(c.Chart)); err != nil {
		return err
	}
	e.say("wrote %s", c.Md)
	return nil
}

// ValidateCmd checks result folders.
type ValidateCmd struct {
	Dirs []string `arg:"" type:"path" help:"Result folders of scales."`
}

// Run validates.
func (c *ValidateCmd) Run(e *env) error {
	for _, d := range c.Dirs {
		if err := report.Validate(d); err != nil {
			return fmt.Errorf("malformed results in %s:\n%w", d, err)
		}
		e.say("%s: well-formed", d)
	}
	return nil
}
