package report

import (
	"sort"
	"strings"
	"time"

	"github.com/counterpoint-news/counterpoint/bench/ingest"
	"github.com/counterpoint-news/counterpoint/bench/loadgen"
	"github.com/counterpoint-news/counterpoint/bench/mix"
	"github.com/counterpoint-news/counterpoint/bench/profile"
)

// performanceView is everything performance.md.tmpl shows, computed: the
// template only lays it out and words it.
type performanceView struct {
	Date            string
	ScaleNames      string
	RequestedScales string // BENCH_SCALES, when it differs from the scales run
	Chart           string
	PeerVersion     string // @neo4j/graphql's
	Cores           string
	Machine         []labelled

	LowConcurrency, HighConcurrency int
	SubgraphHops, SubgraphLimit     int

	Mix         []*mix.Query
	Measurement *Queries // the first scale's settings (warm-up, duration, rounds)
	Latency     []latencyTable
	Goals       goals
	Loading     []loadingScale
	Sweep       []sweepRun
	Growth      *growthTable // nil when no scale has query results
	RoundTrips  roundTripsTable
	Memory      []scaleMemory
	Checks      []scaleCheck
	AIF         *aifView // nil when the AIF corpus step did not run
	Findings    string
	Profiles    []profileTable
	Cache       []cacheTable
	LimitHTTP   []limitHTTPTable
	Buckets     []string
}

// labelled is one row of a two-column table.
type labelled struct{ Label, Value string }

// latencyTable is one scale at one concurrency.
type latencyTable struct {
	Scale       string
	Elements    int
	Concurrency int
	Impls       []string
	Rows        []latencyRow
	Failures    []failedCell
}

// latencyRow is one query: each implementation's medians, then
// Counterpoint's p50 over the limit's and its throughput over the peer's.
type latencyRow struct {
	Query               string
	Impls               []agg
	OverLimit, OverPeer optionalRatio
}

// failedCell is a query on an implementation with failed requests.
type failedCell struct {
	Query, Impl string
	agg
}

// loadingScale is one scale's loading runs.
type loadingScale struct {
	Scale         string
	Elements      int
	BatchSize     int
	Kinds         []loadKind
	Failed        []ingest.Run
	LoaderOverRaw optionalRatio
}

// loadKind is the medians of the successful runs of the loader or of the
// raw baseline.
type loadKind struct {
	Kind                                           string
	Runs                                           int
	Seconds, Throughput, Decode, Validate, Write   float64
	WriteClientCPU, WriteNeo4jCPU, WriteStatements float64
}

// sweepRun is the loader at another batch size.
type sweepRun struct {
	Scale string
	ingest.Run
}

// growthTable is p50 at the low concurrency at each scale with queries.
type growthTable struct {
	Scales []string
	Rows   []growthRow
}

// growthRow is one query on one implementation.
type growthRow struct {
	Query, Impl    string
	P50s           []float64
	Growth         optionalRatio
	IsCounterpoint bool   // only Counterpoint's rows say whether the answer grows
	AnswerGrows    string // the query's own account, "" when it does not grow
}

// roundTripsTable is statements per request, every implementation of the
// mix in its columns.
type roundTripsTable struct {
	Impls []string
	Rows  []roundTripsRow
}

// roundTripsRow is one query at one scale.
type roundTripsRow struct {
	Scale, Query string
	Counts       []roundTripCount
}

// roundTripCount is one implementation's statements per request.
type roundTripCount struct {
	Measured bool
	Min, Max int
}

// scaleMemory is one service's memory at one scale.
type scaleMemory struct {
	Scale string
	Memory
}

// scaleCheck is one query's equivalence check at one scale.
type scaleCheck struct {
	Scale string
	mix.Equivalence
}

func newPerformanceView(scales []Scale, meta Meta, machine map[string]string, chart, findings string) performanceView {
	v := performanceView{
		Date: meta["date"], Chart: chart, PeerVersion: machine["@neo4j/graphql"], Cores: machine["cores"],
		LowConcurrency: lowConcurrency, HighConcurrency: highConcurrency,
		SubgraphHops: mix.SubgraphHops, SubgraphLimit: mix.SubgraphLimit,
		Mix: mix.Mix(), Goals: judgeGoals(scales), Findings: strings.TrimSpace(findings),
	}
	if v.Date == "" {
		v.Date = time.Now().UTC().Format("2006-01-02 15:04 UTC")
	}
	var names []string
	for _, s := range scales {
		names = append(names, s.Name)
	}
	v.ScaleNames = strings.Join(names, ", ")
	if req := meta["scales_requested"]; req != strings.Join(names, ",") {
		v.RequestedScales = req
	}
	v.Machine = machineRows(scales, meta, machine)
	for _, s := range scales {
		if s.Queries != nil {
			v.Measurement = s.Queries
			break
		}
	}
	v.Latency = latencyTables(scales)
	v.Loading, v.Sweep = loading(scales)
	v.Growth = newGrowthTable(scales)
	v.RoundTrips = roundTrips(scales)
	v.Profiles = profileTables(scales)
	v.Cache = cacheTables(scales)
	v.LimitHTTP = limitHTTPTables(scales)
	v.Buckets = profile.Buckets
	for _, s := range scales {
		if s.Queries != nil {
			for _, m := range s.Queries.Memory {
				v.Memory = append(v.Memory, scaleMemory{s.Name, m})
			}
		}
		if s.Check != nil {
			for _, r := range s.Check.Results {
				v.Checks = append(v.Checks, scaleCheck{s.Name, r})
			}
		}
	}
	return v
}

// machineRows lists the machine, the versions, Neo4j's memory settings and
// the run's meta, leaving out what is unknown.
func machineRows(scales []Scale, meta Meta, machine map[string]string) []labelled {
	rows := []labelled{
		{"CPU", machine["cpu"]}, {"cores", machine["cores"]}, {"memory", machine["memory"]}, {"kernel", machine["kernel"]},
		{"Go", machine["go"]}, {"Node", machine["node"]}, {"Java", machine["java"]},
		{"@neo4j/graphql", machine["@neo4j/graphql"]}, {"@apollo/server", machine["@apollo/server"]},
		{"graphql (peer)", machine["graphql"]}, {"neo4j-driver (peer)", machine["neo4j-driver"]},
	}
	for _, s := range scales {
		if s.Load != nil && s.Load.Neo4j.Version != "" {
			n := s.Load.Neo4j
			rows = append(rows, labelled{"Neo4j", n.Version + " (embedded launcher, Bolt on 127.0.0.1)"},
				labelled{"Neo4j memory", "heap " + n.Heap + ", page cache " + n.PageCache + ", transaction memory cap " + n.TxMemory})
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
			rows = append(rows, labelled{k, meta[k]})
		}
	}
	var out []labelled
	for _, r := range rows {
		if r.Value != "" {
			out = append(out, r)
		}
	}
	return out
}

func latencyTables(scales []Scale) []latencyTable {
	var out []latencyTable
	for _, s := range scales {
		q := s.Queries
		if q == nil {
			continue
		}
		a := aggregate(q)
		for _, conc := range q.Concurrency {
			t := latencyTable{Scale: s.Name, Elements: s.Elements(), Concurrency: conc, Impls: engineImpls(q.Impls)}
			for _, name := range queryOrder(q) {
				row := latencyRow{Query: name,
					OverLimit: ratio(q, name, conc, mix.Counterpoint, mix.Limit, p50),
					OverPeer:  ratio(q, name, conc, mix.Counterpoint, mix.Peer, thr)}
				for _, impl := range t.Impls {
					x := a[key{name, impl, conc}]
					row.Impls = append(row.Impls, x)
					if x.Errors > 0 {
						t.Failures = append(t.Failures, failedCell{name, impl, x})
					}
				}
				t.Rows = append(t.Rows, row)
			}
			out = append(out, t)
		}
	}
	return out
}

func loading(scales []Scale) ([]loadingScale, []sweepRun) {
	var out []loadingScale
	var sweep []sweepRun
	for _, s := range scales {
		l := s.Load
		if l == nil {
			continue
		}
		ls := loadingScale{Scale: s.Name, Elements: l.Elements, BatchSize: l.BatchSize, LoaderOverRaw: loadRatio(l)}
		for _, kind := range []string{"loader", "raw"} {
			var runs []ingest.Run
			for _, r := range l.Runs {
				if r.Kind == kind && r.Error == "" {
					runs = append(runs, r)
				}
			}
			if len(runs) > 0 {
				ls.Kinds = append(ls.Kinds, medianRun(kind, runs))
			}
		}
		for _, r := range l.Runs {
			if r.Error != "" {
				ls.Failed = append(ls.Failed, r)
			}
		}
		out = append(out, ls)
		for _, r := range l.Sweep {
			sweep = append(sweep, sweepRun{s.Name, r})
		}
	}
	return out, sweep
}

// medianRun is the medians of runs of one kind, whole and by phase (a
// phase is found by the prefix of its name).
func medianRun(kind string, runs []ingest.Run) loadKind {
	med := func(f func(ingest.Run) float64) float64 {
		var v []float64
		for _, r := range runs {
			v = append(v, f(r))
		}
		return loadgen.Median(v)
	}
	phase := func(prefix string, f func(ingest.Phase) float64) float64 {
		return med(func(r ingest.Run) float64 {
			for _, p := range r.Phases {
				if strings.HasPrefix(p.Name, prefix) {
					return f(p)
				}
			}
			return 0
		})
	}
	secs := func(p ingest.Phase) float64 { return p.Seconds }
	return loadKind{
		Kind: kind, Runs: len(runs),
		Seconds:         med(func(r ingest.Run) float64 { return r.Seconds }),
		Throughput:      med(func(r ingest.Run) float64 { return r.Throughput }),
		Decode:          phase("read", secs),
		Validate:        phase("validate", secs),
		Write:           phase("write", secs),
		WriteClientCPU:  phase("write", func(p ingest.Phase) float64 { return p.ClientCPU }),
		WriteNeo4jCPU:   phase("write", func(p ingest.Phase) float64 { return p.Neo4jCPU }),
		WriteStatements: phase("write", func(p ingest.Phase) float64 { return float64(p.Statements) }),
	}
}

func newGrowthTable(scales []Scale) *growthTable {
	first, last := growthEnds(scales)
	if first == nil {
		return nil
	}
	t := &growthTable{}
	var withQ []Scale
	for _, s := range scales {
		if s.Queries != nil {
			withQ = append(withQ, s)
			t.Scales = append(t.Scales, s.Name)
		}
	}
	grows := map[string]string{}
	for _, d := range last.Queries.Queries {
		grows[d.Name] = d.Grows
	}
	for _, name := range queryOrder(last.Queries) {
		for _, impl := range engineImpls(last.Queries.Impls) {
			row := growthRow{Query: name, Impl: impl, Growth: growth(first, last, name, impl),
				IsCounterpoint: impl == mix.Counterpoint, AnswerGrows: grows[name]}
			for _, s := range withQ {
				row.P50s = append(row.P50s, aggregate(s.Queries)[key{name, impl, lowConcurrency}].P50)
			}
			t.Rows = append(t.Rows, row)
		}
	}
	return t
}

func roundTrips(scales []Scale) roundTripsTable {
	t := roundTripsTable{Impls: engineImpls(mix.Impls)}
	for _, s := range scales {
		if s.Queries == nil {
			continue
		}
		by := map[key]RoundTrips{}
		for _, r := range s.Queries.RoundTrips {
			by[key{r.Query, r.Impl, 0}] = r
		}
		for _, name := range queryOrder(s.Queries) {
			row := roundTripsRow{Scale: s.Name, Query: name}
			for _, impl := range t.Impls {
				r, ok := by[key{name, impl, 0}]
				row.Counts = append(row.Counts, roundTripCount{ok, r.Min, r.Max})
			}
			t.Rows = append(t.Rows, row)
		}
	}
	return t
}
