package report

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/counterpoint-news/counterpoint/bench/ingest"
	"github.com/counterpoint-news/counterpoint/bench/loadgen"
	"github.com/counterpoint-news/counterpoint/bench/mix"
)

//go:embed chart.py
var chartScript []byte

//go:embed findings.md
var findings string

// Meta is what scripts/bench.sh knows about the run.
type Meta map[string]string

// ReadMeta reads the run's meta file; an empty name gives an empty Meta.
func ReadMeta(file string) (Meta, error) {
	m := Meta{}
	if file == "" {
		return m, nil
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	return m, json.Unmarshal(b, &m)
}

// key of an aggregated cell.
type key struct {
	query, impl string
	conc        int
}

// agg is the medians over rounds of one query, implementation and
// concurrency.
type agg struct {
	p50, p99, thr float64
	n             int // rounds
	requests      int
	errors        int
	firstErr      string
}

func aggregate(q *Queries) map[key]agg {
	by := map[key][]Cell{}
	for _, c := range q.Cells {
		k := key{c.Query, c.Impl, c.Concurrency}
		by[k] = append(by[k], c)
	}
	out := map[key]agg{}
	for k, cells := range by {
		var p50, p99, thr []float64
		reqs, errs, first := 0, 0, ""
		for _, c := range cells {
			if c.Requests > c.Errors { // a round in which every request failed has no latency
				p50 = append(p50, c.P50)
				p99 = append(p99, c.P99)
			}
			thr = append(thr, c.Throughput)
			reqs += c.Requests
			errs += c.Errors
			if first == "" {
				first = c.FirstError
			}
		}
		out[k] = agg{p50: loadgen.Median(p50), p99: loadgen.Median(p99), thr: loadgen.Median(thr), n: len(cells), requests: reqs, errors: errs, firstErr: first}
	}
	return out
}

// ratio is the median over rounds of a/b for a metric of two cells.
func ratio(q *Queries, query string, conc int, a, b string, metric func(Cell) float64) (float64, bool) {
	rounds := map[int]map[string]float64{}
	for _, c := range q.Cells {
		if c.Query != query || c.Concurrency != conc || (c.Impl != a && c.Impl != b) {
			continue
		}
		if rounds[c.Round] == nil {
			rounds[c.Round] = map[string]float64{}
		}
		rounds[c.Round][c.Impl] = metric(c)
	}
	var rs []float64
	for _, m := range rounds {
		x, okA := m[a]
		y, okB := m[b]
		if okA && okB && y > 0 {
			rs = append(rs, x/y)
		}
	}
	if len(rs) == 0 {
		return 0, false
	}
	return loadgen.Median(rs), true
}

func p50(c Cell) float64 { return c.P50 }
func thr(c Cell) float64 { return c.Throughput }

func ms(x float64) string {
	switch {
	case x == 0:
		return "–"
	case x < 10:
		return fmt.Sprintf("%.2f", x)
	case x < 100:
		return fmt.Sprintf("%.1f", x)
	default:
		return fmt.Sprintf("%.0f", x)
	}
}

func rate(x float64) string {
	if x == 0 {
		return "–"
	}
	if x < 10 {
		return fmt.Sprintf("%.1f", x)
	}
	return fmt.Sprintf("%.0f", x)
}

func human(n int) string {
	switch {
	case n >= 1_000_000:
		return fmt.Sprintf("%.2fM", float64(n)/1e6)
	case n >= 1000:
		return fmt.Sprintf("%.1fk", float64(n)/1e3)
	}
	return fmt.Sprint(n)
}

// queryOrder lists the queries in the mix's order, then any others.
func queryOrder(q *Queries) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range mix.Mix() {
		for _, d := range q.Queries {
			if d.Name == m.Name && !seen[m.Name] {
				out = append(out, m.Name)
				seen[m.Name] = true
			}
		}
	}
	for _, d := range q.Queries {
		if !seen[d.Name] {
			out = append(out, d.Name)
			seen[d.Name] = true
		}
	}
	return out
}

func has(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// machine describes the machine the report is written on (the same one
// the benchmark ran on: make bench writes the report at its end).
func machine() map[string]string {
	m := map[string]string{"cores": fmt.Sprint(runtime.NumCPU()), "go": runtime.Version(), "os": runtime.GOOS + "/" + runtime.GOARCH}
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(line, "model name") {
				m["cpu"] = strings.TrimSpace(strings.SplitN(line, ":", 2)[1])
				break
			}
		}
	}
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		var kb float64
		fmt.Sscanf(strings.SplitN(string(b), "\n", 2)[0], "MemTotal: %f kB", &kb)
		m["memory"] = fmt.Sprintf("%.1f GiB", kb/1024/1024)
	}
	if b, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		m["kernel"] = strings.TrimSpace(string(b))
	}
	if out, err := exec.Command("node", "--version").Output(); err == nil {
		m["node"] = strings.TrimSpace(string(out))
	}
	if out, err := exec.Command("java", "-version").CombinedOutput(); err == nil {
		m["java"] = strings.TrimSpace(strings.SplitN(string(out), "\n", 2)[0])
	}
	// The peer's packages, as installed from the lock file.
	for _, p := range []string{"@neo4j/graphql", "@apollo/server", "graphql", "neo4j-driver"} {
		b, err := os.ReadFile(filepath.Join("bench/peer/node_modules", p, "package.json"))
		if err != nil {
			continue
		}
		var pkg struct{ Version string }
		if json.Unmarshal(b, &pkg) == nil {
			m[p] = pkg.Version
		}
	}
	return m
}

// WriteMarkdown writes the report.
func WriteMarkdown(file string, scales []Scale, meta Meta, chart string) error {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	mach := machine()
	date := meta["date"]
	if date == "" {
		date = time.Now().UTC().Format("2006-01-02 15:04 UTC")
	}
	var names []string
	for _, s := range scales {
		names = append(names, s.Name)
	}

	w("# Performance\n\n")
	w("Counterpoint measured side by side, in one run on one machine, against **the limit** (the same Cypher the store\n")
	w("runs, sent straight through the Go driver: no HTTP, no GraphQL, no loaders) and against **the peer**\n")
	w("([@neo4j/graphql](../bench/peer/) %s on Node, served by Apollo Server, over the same Neo4j and the same data).\n", mach["@neo4j/graphql"])
	w("Speed is measured here and never asserted in tests. The machine is shared and noisy: every number is the\n")
	w("median of several rounds, and comparisons are ratios taken within a round, then the median of those.\n\n")
	w("This file is generated by `make bench` (`cmd/counterpoint-bench report`); the section *Findings* comes from\n")
	w("`bench/report/findings.md`. Run: %s. Scales run: **%s**", date, strings.Join(names, ", "))
	if req := meta["scales_requested"]; req != "" && req != strings.Join(names, ",") {
		w(" (requested: %s)", req)
	}
	w(".\n\n")
	w("![p50 latency against scale](%s)\n\n", chart)

	w("## How to reproduce\n\n")
	w("```sh\nmake bench                                   # all scales in BENCH_SCALES (default 10k,100k,1m)\nBENCH_SCALES=10k,100k make bench             # fewer scales\nBENCH_ROUNDS=5 BENCH_DURATION=5s make bench  # more rounds, longer measurements\n```\n\n")
	w("`scripts/bench.sh` starts its own Neo4j (port 7697, home `.neo4j/bench`), builds and starts `counterpoint serve`\n")
	w("and the peer (`bench/peer`, installed with `npm ci` from its lock file), and for each scale: generates the\n")
	w("dataset (`counterpoint-bench gen`, seeded), measures loading (`load`, which ends by resampling the indexes and\n")
	w("clearing the plan cache with `db.prepareForReplanning()`, so that queries run with plans made for the loaded\n")
	w("graph), checks that the three implementations give the same answers (`check`), counts round trips and measures\n")
	w("the mix (`queries`), with fresh Counterpoint and peer processes for each scale; then it writes this file\n")
	w("(`report`) and stops everything. The smoke run in `make test` (`scripts/bench-smoke.sh`) runs the same code at\n")
	w("10k elements for a few seconds and only checks that its output is well-formed.\n\n")

	w("## Machine and versions\n\n| | |\n|---|---|\n")
	rows := [][2]string{
		{"CPU", mach["cpu"]}, {"cores", mach["cores"]}, {"memory", mach["memory"]}, {"kernel", mach["kernel"]},
		{"Go", mach["go"]}, {"Node", mach["node"]}, {"Java", mach["java"]},
		{"@neo4j/graphql", mach["@neo4j/graphql"]}, {"@apollo/server", mach["@apollo/server"]},
		{"graphql (peer)", mach["graphql"]}, {"neo4j-driver (peer)", mach["neo4j-driver"]},
	}
	for _, s := range scales {
		if s.Load != nil && s.Load.Neo4j.Version != "" {
			n := s.Load.Neo4j
			rows = append(rows, [2]string{"Neo4j", n.Version + " (embedded launcher, Bolt on 127.0.0.1)"},
				[2]string{"Neo4j memory", fmt.Sprintf("heap %s, page cache %s, transaction memory cap %s", n.Heap, n.PageCache, n.TxMemory)})
			break
		}
	}
	keys := make([]string, 0, len(meta))
	for k := range meta {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if k != "date" {
			rows = append(rows, [2]string{k, meta[k]})
		}
	}
	for _, r := range rows {
		if r[1] != "" {
			w("| %s | %s |\n", r[0], r[1])
		}
	}
	w("\nAll three implementations, Neo4j and the load generator share the machine's %s cores, so at concurrency 16\n", mach["cores"])
	w("they compete for CPU with each other and with whatever else runs; latencies include the client's own time.\n\n")

	writeMix(&b, scales)
	writeHeadline(&b, scales)
	writeGoals(&b, scales)
	writeLoading(&b, scales)
	writeGrowth(&b, scales)
	writeRoundTrips(&b, scales)
	writeMemory(&b, scales)
	writeChecks(&b, scales)
	w("## Findings\n\n%s\n", strings.TrimSpace(findings))
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	return os.WriteFile(file, []byte(b.String()), 0o644)
}

func writeMix(b *strings.Builder, scales []Scale) {
	w := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	w("## The query mix\n\n")
	w("Arguments are drawn with a fixed seed from parameters the generator picked in the graph (every question has an\n")
	w("answer), the same sequence for every implementation. The GraphQL documents and the peer's type definitions are\n")
	w("in `bench/mix/mix.go` and `bench/peer/typedefs.graphql`; where @neo4j/graphql cannot express a thread, a chain,\n")
	w("a bounded neighbourhood or one search over three labels, the peer uses `@cypher` fields, as its users do.\n\n")
	w("| query | what |\n|---|---|\n")
	for _, q := range mix.Mix() {
		w("| `%s` | %s |\n", q.Name, q.Description)
	}
	w("\n")
	for _, s := range scales {
		if s.Queries != nil {
			q := s.Queries
			w("Each measurement: %.0f s warm-up, then %.0f s or %d requests, whichever comes first; %d rounds; concurrency %v.\n\n",
				q.WarmupSec, q.DurationSec, q.MaxRequests, q.Rounds, q.Concurrency)
			break
		}
	}
}

func writeHeadline(b *strings.Builder, scales []Scale) {
	w := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	w("## Latency and throughput\n\n")
	w("p50 and p99 in milliseconds, throughput in requests per second; each the median over rounds. *CP/limit* is\n")
	w("Counterpoint's p50 over the limit's; *CP/peer thr.* is Counterpoint's throughput over the peer's (higher is better\n")
	w("for Counterpoint); both are medians of per-round ratios.\n\n")
	for _, s := range scales {
		q := s.Queries
		if q == nil {
			continue
		}
		a := aggregate(q)
		for _, conc := range q.Concurrency {
			w("### %s elements (%s), concurrency %d\n\n", s.Name, human(s.Elements()), conc)
			w("| query |")
			for _, impl := range q.Impls {
				w(" %s p50 | p99 | req/s |", impl)
			}
			w(" CP/limit p50 | CP/peer thr. |\n|---|")
			for range q.Impls {
				w("---:|---:|---:|")
			}
			w("---:|---:|\n")
			for _, name := range queryOrder(q) {
				w("| `%s` |", name)
				for _, impl := range q.Impls {
					x := a[key{name, impl, conc}]
					w(" %s | %s | %s |", ms(x.p50), ms(x.p99), rate(x.thr))
				}
				r1, ok1 := ratio(q, name, conc, mix.Counterpoint, mix.Limit, p50)
				r2, ok2 := ratio(q, name, conc, mix.Counterpoint, mix.Peer, thr)
				w(" %s | %s |\n", fmtRatio(r1, ok1), fmtRatio(r2, ok2))
			}
			w("\n")
			for _, name := range queryOrder(q) {
				for _, impl := range q.Impls {
					if x := a[key{name, impl, conc}]; x.errors > 0 {
						w("Failed: `%s` on %s, %d of %d requests (latencies are of the others): %s\n\n", name, impl, x.errors, x.requests,
							strings.ReplaceAll(trunc(x.firstErr, 200), "|", "/"))
					}
				}
			}
		}
	}
}

func fmtRatio(r float64, ok bool) string {
	if !ok {
		return "–"
	}
	return fmt.Sprintf("%.2fx", r)
}

func writeGoals(b *strings.Builder, scales []Scale) {
	w := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	w("## Goals\n\n")
	// 1. p50 within 1.3x of the limit.
	var miss1, met1 []string
	var miss2, met2 []string
	for _, s := range scales {
		q := s.Queries
		if q == nil {
			continue
		}
		for _, name := range queryOrder(q) {
			if r, ok := ratio(q, name, 1, mix.Counterpoint, mix.Limit, p50); ok {
				item := fmt.Sprintf("`%s` at %s: %.2fx", name, s.Name, r)
				if r <= 1.3 {
					met1 = append(met1, item)
				} else {
					miss1 = append(miss1, item)
				}
			}
			if has(q.Impls, mix.Peer) {
				if r, ok := ratio(q, name, 16, mix.Counterpoint, mix.Peer, thr); ok {
					item := fmt.Sprintf("`%s` at %s: %.2fx", name, s.Name, r)
					if r >= 1 {
						met2 = append(met2, item)
					} else {
						miss2 = append(miss2, item)
					}
				}
			}
		}
	}
	verdict := func(miss, met []string) string {
		switch {
		case len(miss) == 0 && len(met) == 0:
			return "**not measured**"
		case len(miss) == 0:
			return "**met**"
		case len(met) == 0:
			return "**missed everywhere**"
		}
		return fmt.Sprintf("**missed** on %d of %d", len(miss), len(miss)+len(met))
	}
	w("1. *Counterpoint's p50 within 1.3x of the raw driver on every query* (concurrency 1): %s.", verdict(miss1, met1))
	if len(miss1) > 0 {
		w(" Missed: %s.", strings.Join(miss1, "; "))
	}
	if len(met1) > 0 {
		w(" Met: %s.", strings.Join(met1, "; "))
	}
	w("\n")
	w("2. *Counterpoint's throughput at concurrency 16 at least the peer's on every query*: %s.", verdict(miss2, met2))
	if len(miss2) > 0 {
		w(" Missed: %s.", strings.Join(miss2, "; "))
	}
	if len(met2) > 0 {
		w(" Met: %s.", strings.Join(met2, "; "))
	}
	// Memory.
	var memItems []string
	memMet, memMeasured := true, false
	for _, s := range scales {
		if s.Queries == nil {
			continue
		}
		var cp, peer float64
		for _, m := range s.Queries.Memory {
			switch m.Impl {
			case mix.Counterpoint:
				cp = m.PeakRSS
			case mix.Peer:
				peer = m.PeakRSS
			}
		}
		if cp > 0 && peer > 0 {
			memMeasured = true
			memItems = append(memItems, fmt.Sprintf("%s: %.0f MiB against %.0f MiB", s.Name, cp, peer))
			memMet = memMet && cp < peer
		}
	}
	switch {
	case !memMeasured:
		w(" *Peak memory lower than the peer's*: **not measured**.\n")
	case memMet:
		w(" *Peak memory lower than the peer's*: **met** (%s).\n", strings.Join(memItems, "; "))
	default:
		w(" *Peak memory lower than the peer's*: **missed** (%s).\n", strings.Join(memItems, "; "))
	}
	// 3. Loader.
	var loadItems []string
	loadMet, loadMeasured := true, false
	for _, s := range scales {
		if s.Load == nil {
			continue
		}
		r, ok := loadRatio(s.Load)
		if !ok {
			continue
		}
		loadMeasured = true
		loadItems = append(loadItems, fmt.Sprintf("%s: %.2fx", s.Name, r))
		loadMet = loadMet && r >= 0.8
	}
	switch {
	case !loadMeasured:
		w("3. *The loader at 0.8x or better of the raw UNWIND baseline, validation included*: **not measured**.\n")
	case loadMet:
		w("3. *The loader at 0.8x or better of the raw UNWIND baseline, validation included*: **met** (%s).\n", strings.Join(loadItems, "; "))
	default:
		w("3. *The loader at 0.8x or better of the raw UNWIND baseline, validation included*: **missed** (%s).\n", strings.Join(loadItems, "; "))
	}
	// 4. Growth.
	first, last := growthEnds(scales)
	if first == nil || last == nil || first == last {
		w("4. *No query's p50 more than 2x from 10k to 1M elements, except where the answer grows*: **not measured** (one scale only).\n\n")
		return
	}
	var grew, flat []string
	for _, name := range queryOrder(last.Queries) {
		g, ok := growth(first, last, name, mix.Counterpoint)
		if !ok {
			continue
		}
		item := fmt.Sprintf("`%s` %.2fx", name, g)
		if g > 2 {
			grew = append(grew, item)
		} else {
			flat = append(flat, item)
		}
	}
	span := fmt.Sprintf("from %s to %s", first.Name, last.Name)
	if last.Name != "1m" || first.Name != "10k" {
		span += " (the scales run; 1M was not)"
	}
	if len(grew) == 0 {
		w("4. *No query's p50 more than 2x from 10k to 1M elements*: **met** %s: %s.\n\n", span, strings.Join(flat, ", "))
	} else {
		w("4. *No query's p50 more than 2x from 10k to 1M elements, except where the answer grows*: Counterpoint's p50 %s grew more than 2x for %s; within 2x: %s. Whether each excess is the answer growing or the query doing more work than its answer needs is discussed under *Growth* and *Findings*.\n\n",
			span, strings.Join(grew, ", "), strings.Join(flat, ", "))
	}
}

// loadRatio is the median of the loader's throughput over the raw
// baseline's, pairing runs in order.
func loadRatio(l *Load) (float64, bool) {
	var loaderT, rawT []float64
	for _, r := range l.Runs {
		if r.Error != "" {
			continue
		}
		if r.Kind == "loader" {
			loaderT = append(loaderT, r.Throughput)
		} else {
			rawT = append(rawT, r.Throughput)
		}
	}
	var rs []float64
	for i := 0; i < len(loaderT) && i < len(rawT); i++ {
		rs = append(rs, loaderT[i]/rawT[i])
	}
	if len(rs) == 0 {
		return 0, false
	}
	return loadgen.Median(rs), true
}

func growthEnds(scales []Scale) (*Scale, *Scale) {
	var first, last *Scale
	for i := range scales {
		if scales[i].Queries == nil {
			continue
		}
		if first == nil {
			first = &scales[i]
		}
		last = &scales[i]
	}
	return first, last
}

func growth(first, last *Scale, query, impl string) (float64, bool) {
	a := aggregate(first.Queries)[key{query, impl, 1}]
	z := aggregate(last.Queries)[key{query, impl, 1}]
	if a.p50 <= 0 || z.p50 <= 0 {
		return 0, false
	}
	return z.p50 / a.p50, true
}

func writeLoading(b *strings.Builder, scales []Scale) {
	w := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	w("## Loading\n\n")
	w("Each run loads the scale's dataset into an emptied graph, in **one transaction** (as the loader does: a\n")
	w("dataset is written whole or not at all). *Loader*: `loader.JSON.Decode` (JSON, JSON Schema, source texts),\n")
	w("`loader.Validate` (ids, references, closed sets, every quote verbatim at its offsets), then `store.WriteDataset`\n")
	w("(an id-clash guard, `UNWIND ... MERGE` per label and type reporting created/updated/unchanged, then removal of\n")
	w("what an earlier version of the dataset had and this one has not). *Raw*: plain `encoding/json` decoding, then\n")
	w("the same rows (same properties and keys; at 10k every run checks that both leave the same graph, by digest) with `UNWIND $rows AS row MERGE\n")
	w("(n:Entity:Label {id: row.props.id}) SET n = row.props` and `MATCH` both ends `MERGE` the relationship, through\n")
	w("the driver, no validation. Throughput counts elements (nodes plus relationships) per second of the whole run.\n")
	w("CPU columns: seconds of CPU of this process (client) and of the Neo4j process (server) during the phase; the\n")
	w("rest of the wall time is waiting (network round trips, disk, lock and commit).\n\n")
	w("| scale | elements | kind | batch | runs | median s | median elements/s | decode s | validate s | write s | write: client CPU s | write: Neo4j CPU s | statements |\n")
	w("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, s := range scales {
		l := s.Load
		if l == nil {
			continue
		}
		for _, kind := range []string{"loader", "raw"} {
			var runs []ingest.Run
			for _, r := range l.Runs {
				if r.Kind == kind && r.Error == "" {
					runs = append(runs, r)
				}
			}
			if len(runs) == 0 {
				continue
			}
			med := func(f func(ingest.Run) float64) float64 {
				var v []float64
				for _, r := range runs {
					v = append(v, f(r))
				}
				return loadgen.Median(v)
			}
			phase := func(r ingest.Run, prefix string, f func(ingest.Phase) float64) float64 {
				for _, p := range r.Phases {
					if strings.HasPrefix(p.Name, prefix) {
						return f(p)
					}
				}
				return 0
			}
			secs := func(p ingest.Phase) float64 { return p.Seconds }
			w("| %s | %s | %s | %d | %d | %.2f | %.0f | %.2f | %.2f | %.2f | %.2f | %.2f | %.0f |\n", s.Name, human(l.Elements), kind, l.BatchSize, len(runs),
				med(func(r ingest.Run) float64 { return r.Seconds }), med(func(r ingest.Run) float64 { return r.Throughput }),
				med(func(r ingest.Run) float64 { return phase(r, "read", secs) }),
				med(func(r ingest.Run) float64 { return phase(r, "validate", secs) }),
				med(func(r ingest.Run) float64 { return phase(r, "write", secs) }),
				med(func(r ingest.Run) float64 {
					return phase(r, "write", func(p ingest.Phase) float64 { return p.ClientCPU })
				}),
				med(func(r ingest.Run) float64 {
					return phase(r, "write", func(p ingest.Phase) float64 { return p.Neo4jCPU })
				}),
				med(func(r ingest.Run) float64 {
					return phase(r, "write", func(p ingest.Phase) float64 { return float64(p.Statements) })
				}))
		}
		for _, r := range l.Runs {
			if r.Error != "" {
				w("| %s | %s | %s | %d | failed | %s | | | | | | | |\n", s.Name, human(l.Elements), r.Kind, r.BatchSize, strings.ReplaceAll(trunc(r.Error, 160), "|", "/"))
			}
		}
		if r, ok := loadRatio(l); ok {
			w("| %s | | **loader / raw** | | | | **%.2fx** | | | | | | |\n", s.Name, r)
		}
	}
	w("\n")
	var sweep []string
	for _, s := range scales {
		if s.Load == nil {
			continue
		}
		for _, r := range s.Load.Sweep {
			if r.Error != "" {
				sweep = append(sweep, fmt.Sprintf("| %s | %d | failed: %s |", s.Name, r.BatchSize, strings.ReplaceAll(trunc(r.Error, 160), "|", "/")))
				continue
			}
			sweep = append(sweep, fmt.Sprintf("| %s | %d | %.2f s, %.0f elements/s |", s.Name, r.BatchSize, r.Seconds, r.Throughput))
		}
	}
	if len(sweep) > 0 {
		w("Batch size (rows per `UNWIND` statement, `store.Config.BatchSize`), the loader once at each size:\n\n| scale | batch | loader |\n|---|---:|---|\n%s\n\n", strings.Join(sweep, "\n"))
	}
}

func trunc(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

func writeGrowth(b *strings.Builder, scales []Scale) {
	w := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	first, last := growthEnds(scales)
	if first == nil {
		return
	}
	w("## Growth\n\n")
	w("p50 at concurrency 1 (ms, median over rounds) at each scale, and the growth from the smallest to the largest\n")
	w("scale run. *Answer grows?* says whether the answer itself gets bigger with the graph.\n\n")
	var withQ []Scale
	for _, s := range scales {
		if s.Queries != nil {
			withQ = append(withQ, s)
		}
	}
	w("| query | impl |")
	for _, s := range withQ {
		w(" %s |", s.Name)
	}
	w(" growth | answer grows? |\n|---|---|")
	for range withQ {
		w("---:|")
	}
	w("---:|---|\n")
	docs := map[string]string{}
	for _, d := range last.Queries.Queries {
		docs[d.Name] = d.Grows
	}
	for _, name := range queryOrder(last.Queries) {
		for _, impl := range last.Queries.Impls {
			w("| `%s` | %s |", name, impl)
			for _, s := range withQ {
				w(" %s |", ms(aggregate(s.Queries)[key{name, impl, 1}].p50))
			}
			g, ok := growth(first, last, name, impl)
			grows := docs[name]
			if grows == "" {
				grows = "no"
			}
			if impl != mix.Counterpoint {
				grows = ""
			}
			w(" %s | %s |\n", fmtRatio(g, ok), grows)
		}
	}
	w("\n")
}

func writeRoundTrips(b *strings.Builder, scales []Scale) {
	w := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	w("## Cypher round trips per request\n\n")
	w("Each query sent alone (no other load), a few arguments each; min–max statements per request. Counterpoint: the\n")
	w("store's counter (`store.DB.RoundTrips()`) around one request to the real server handler in the benchmark's own\n")
	w("process, over the same Neo4j (a separate server's counter cannot be read over HTTP); the limit: the statements it\n")
	w("sends; the peer: `tx.run` calls counted by a wrapper around its driver's sessions (`/bench/stats`).\n\n")
	w("| scale | query |")
	for _, impl := range mix.Impls {
		w(" %s |", impl)
	}
	w("\n|---|---|")
	for range mix.Impls {
		w("---:|")
	}
	w("\n")
	for _, s := range scales {
		if s.Queries == nil {
			continue
		}
		by := map[key]RoundTrips{}
		for _, r := range s.Queries.RoundTrips {
			by[key{r.Query, r.Impl, 0}] = r
		}
		for _, name := range queryOrder(s.Queries) {
			w("| %s | `%s` |", s.Name, name)
			for _, impl := range mix.Impls {
				r, ok := by[key{name, impl, 0}]
				switch {
				case !ok:
					w(" – |")
				case r.Min == r.Max:
					w(" %d |", r.Min)
				default:
					w(" %d–%d |", r.Min, r.Max)
				}
			}
			w("\n")
		}
	}
	w("\n")
}

func writeMemory(b *strings.Builder, scales []Scale) {
	w := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	w("## Memory\n\n")
	w("Peak resident set (`VmHWM` in `/proc/<pid>/status`) of each service over its life: started fresh for each scale,\n")
	w("read after the whole query phase (both concurrency levels, every round).\n\n| scale | service | peak RSS MiB | RSS at the end MiB |\n|---|---|---:|---:|\n")
	for _, s := range scales {
		if s.Queries == nil {
			continue
		}
		for _, m := range s.Queries.Memory {
			if m.Available {
				w("| %s | %s | %.0f | %.0f |\n", s.Name, m.Impl, m.PeakRSS, m.RSS)
			} else {
				w("| %s | %s | not read | |\n", s.Name, m.Impl)
			}
		}
	}
	w("\n")
}

func writeChecks(b *strings.Builder, scales []Scale) {
	w := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	w("## Equivalence\n\n")
	w("Before timing, each query is asked with several arguments of every implementation and the answers compared in\n")
	w("a canonical form (sets of lines: ids, texts, offsets, who asserted what, the relations among the nodes returned;\n")
	w("order where the query defines one). Subgraphs are compared whole, around claims whose 2-hop neighbourhood is\n")
	w("under the limit (which 500 nodes of a larger one a query keeps is not defined); chains where fewer than 20\n")
	w("shortest chains exist, for the same reason.\n\n| scale | query | checked | equal | empty | skipped | differences |\n|---|---|---:|---:|---:|---:|---|\n")
	for _, s := range scales {
		if s.Check == nil {
			continue
		}
		for _, r := range s.Check.Results {
			d := "none"
			if len(r.Mismatch) > 0 {
				d = strings.ReplaceAll(trunc(strings.Join(r.Mismatch, "; "), 300), "|", "/")
			}
			w("| %s | `%s` | %d | %d | %d | %d | %s |\n", s.Name, r.Query, r.Checked, r.Equal, r.Empty, r.Skipped, d)
		}
	}
	w("\n")
}

// Chart draws p50 against scale (concurrency 1) with matplotlib.
func Chart(scales []Scale, out, python string) error {
	type sc struct {
		Name     string `json:"name"`
		Elements int    `json:"elements"`
	}
	summary := struct {
		Scales      []sc                             `json:"scales"`
		Queries     []string                         `json:"queries"`
		Impls       []string                         `json:"impls"`
		Concurrency int                              `json:"concurrency"`
		P50         map[string]map[string][]*float64 `json:"p50"`
	}{Impls: mix.Impls, Concurrency: 1, P50: map[string]map[string][]*float64{}}
	var withQ []Scale
	for _, s := range scales {
		if s.Queries != nil {
			withQ = append(withQ, s)
			summary.Scales = append(summary.Scales, sc{s.Name, s.Elements()})
		}
	}
	if len(withQ) == 0 {
		return fmt.Errorf("no query results to chart")
	}
	summary.Queries = queryOrder(withQ[len(withQ)-1].Queries)
	for _, q := range summary.Queries {
		summary.P50[q] = map[string][]*float64{}
		for _, impl := range mix.Impls {
			for _, s := range withQ {
				var v *float64
				if x := aggregate(s.Queries)[key{q, impl, 1}].p50; x > 0 && !math.IsNaN(x) {
					v = &x
				}
				summary.P50[q][impl] = append(summary.P50[q][impl], v)
			}
		}
	}
	dir, err := os.MkdirTemp("", "counterpoint-chart")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	js, _ := json.Marshal(summary)
	src, script := filepath.Join(dir, "summary.json"), filepath.Join(dir, "chart.py")
	if err := os.WriteFile(src, js, 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(script, chartScript, 0o644); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	cmd := exec.Command(python, script, src, out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("%s %s: %v: %s", python, script, err, msg)
	}
	return nil
}
