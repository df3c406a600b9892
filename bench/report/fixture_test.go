package report

import (
	"github.com/counterpoint-news/counterpoint/bench/ingest"
	"github.com/counterpoint-news/counterpoint/bench/loadgen"
	"github.com/counterpoint-news/counterpoint/bench/mix"
	"slices"
)

// The fixtures below are small, hand-made runs for the golden tests: every
// section of the report has something to show, and between them they reach
// each verdict of each goal (met, missed on some, missed everywhere, not
// measured).

// fixtureMachine stands in for the machine the report is written on.
var fixtureMachine = map[string]string{
	"cpu": "Test CPU", "cores": "4", "memory": "16.0 GiB", "kernel": "6.1.0-test", "go": "go1.26.0",
	"os": "linux/amd64", "node": "v20.0.0", "java": `openjdk version "17.0.0"`,
	"@neo4j/graphql": "7.6.3", "@apollo/server": "5.5.1", "graphql": "16.15.0", "neo4j-driver": "6.3.0",
}

const fixtureFindings = "Findings, written by hand.\n\n**1.** A finding.\n"

// rounds returns one cell per round of a query on an implementation at a
// concurrency, from each round's p50 (p99 three times it; throughput as if
// every worker waited p50 per request).
func rounds(query, impl string, conc int, p50s ...float64) []Cell {
	var out []Cell
	for i, p := range p50s {
		thr := float64(conc) * 1000 / p
		out = append(out, Cell{Query: query, Impl: impl, Concurrency: conc, Round: i + 1,
			Stats: loadgen.Stats{Requests: int(thr * 3), Seconds: 3, Throughput: thr, P50: p, P90: 2 * p, P99: 3 * p, Max: 4 * p, Mean: 1.2 * p}})
	}
	return out
}

func concat(parts ...[]Cell) []Cell {
	var out []Cell
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func loadRun(kind string, batch, elements int, seconds float64, statements int64) ingest.Run {
	r := ingest.Run{Kind: kind, BatchSize: batch, Elements: elements, Seconds: seconds, Throughput: float64(elements) / seconds}
	read := 0.05 * seconds
	r.Phases = append(r.Phases, ingest.Phase{Name: "read", Seconds: read, ClientCPU: read})
	if kind == "loader" {
		r.Phases = append(r.Phases, ingest.Phase{Name: "validate", Seconds: 0.01 * seconds, ClientCPU: 0.01 * seconds})
	}
	r.Phases = append(r.Phases, ingest.Phase{Name: "write", Seconds: 0.9 * seconds, ClientCPU: 0.02 * seconds, Neo4jCPU: 1.1 * seconds, Statements: statements})
	return r
}

var fixtureDocs = []QueryDoc{
	{Name: "claim", Description: "one claim"},
	{Name: "search", Description: "full-text search", Grows: "no (top 20), but matches grow with the text"},
	{Name: "subgraph", Description: "the 2-hop subgraph", Grows: "no (at most 500 nodes)"},
}

// fixtureFull is two scales with every phase: the latency goal missed on
// some queries, throughput missed at 1m for search, memory met, the loader
// missed at 10k, search growing more than the growth goal allows.
func fixtureFull() ([]Scale, Meta) {
	impls := []string{mix.Counterpoint, mix.Limit, mix.Peer}
	// At 10k the limit over HTTP ran too; it has a section of its own and
	// stays out of the main tables.
	small := &Queries{Scale: "10k", Elements: 10_120, Impls: append(slices.Clone(impls), mix.LimitHTTP), Concurrency: []int{1, 16}, Rounds: 2,
		WarmupSec: 1, DurationSec: 3, MaxRequests: 3000, Queries: fixtureDocs,
		Cells: concat(
			rounds("claim", mix.Counterpoint, 1, 2.0, 2.2), rounds("claim", mix.Limit, 1, 1.0, 1.1), rounds("claim", mix.Peer, 1, 6.5, 6.6),
			rounds("search", mix.Counterpoint, 1, 3.0, 3.1), rounds("search", mix.Limit, 1, 2.5, 2.6), rounds("search", mix.Peer, 1, 8.4, 8.5),
			rounds("subgraph", mix.Counterpoint, 1, 40, 42), rounds("subgraph", mix.Limit, 1, 32, 34), rounds("subgraph", mix.Peer, 1, 70, 71),
			rounds("claim", mix.Counterpoint, 16, 16, 17), rounds("claim", mix.Limit, 16, 10, 11), rounds("claim", mix.Peer, 16, 52, 50),
			rounds("search", mix.Counterpoint, 16, 31, 30), rounds("search", mix.Limit, 16, 19, 20), rounds("search", mix.Peer, 16, 60, 59),
			rounds("subgraph", mix.Counterpoint, 16, 510, 515), rounds("subgraph", mix.Limit, 16, 270, 268), rounds("subgraph", mix.Peer, 16, 820, 830),
			rounds("claim", mix.LimitHTTP, 1, 1.3, 1.3), rounds("search", mix.LimitHTTP, 1, 2.9, 3.0), rounds("subgraph", mix.LimitHTTP, 1, 33, 35),
			rounds("claim", mix.LimitHTTP, 16, 12, 12), rounds("search", mix.LimitHTTP, 16, 22, 23), rounds("subgraph", mix.LimitHTTP, 16, 300, 290),
		),
		RoundTrips: []RoundTrips{
			{Query: "claim", Impl: mix.Counterpoint, Samples: []int{1, 1}, Min: 1, Max: 1, Method: "store counter"},
			{Query: "claim", Impl: mix.Limit, Samples: []int{1, 1}, Min: 1, Max: 1, Method: "statements"},
			{Query: "claim", Impl: mix.Peer, Samples: []int{1, 1}, Min: 1, Max: 1, Method: "tx.run"},
			{Query: "search", Impl: mix.Counterpoint, Samples: []int{1, 1}, Min: 1, Max: 1, Method: "store counter"},
			{Query: "search", Impl: mix.Limit, Samples: []int{1, 1}, Min: 1, Max: 1, Method: "statements"},
			{Query: "subgraph", Impl: mix.Counterpoint, Samples: []int{1, 2}, Min: 1, Max: 2, Method: "store counter"},
			{Query: "subgraph", Impl: mix.Limit, Samples: []int{1, 1}, Min: 1, Max: 1, Method: "statements"},
			{Query: "subgraph", Impl: mix.Peer, Samples: []int{1, 1}, Min: 1, Max: 1, Method: "tx.run"},
		},
		Memory: []Memory{
			{Impl: mix.Counterpoint, PID: 10, PeakRSS: 63.4, RSS: 36.2, Available: true},
			{Impl: mix.Peer, PID: 11, PeakRSS: 310, RSS: 267, Available: true},
		},
	}
	failed := rounds("subgraph", mix.Peer, 16, 2300, 2310)
	failed[1].Errors, failed[1].FirstError = 3, "peer: Neo.TransientError | memory limit reached"
	large := &Queries{Scale: "1m", Elements: 1_003_400, Impls: impls, Concurrency: []int{1, 16}, Rounds: 2,
		WarmupSec: 1, DurationSec: 3, MaxRequests: 3000, Queries: fixtureDocs,
		Cells: concat(
			rounds("claim", mix.Counterpoint, 1, 2.3, 2.3), rounds("claim", mix.Limit, 1, 1.1, 1.1), rounds("claim", mix.Peer, 1, 6.4, 6.3),
			rounds("search", mix.Counterpoint, 1, 7.0, 7.2), rounds("search", mix.Limit, 1, 3.4, 3.5), rounds("search", mix.Peer, 1, 8.6, 8.5),
			rounds("subgraph", mix.Counterpoint, 1, 66, 67), rounds("subgraph", mix.Limit, 1, 54, 53), rounds("subgraph", mix.Peer, 1, 97, 98),
			rounds("claim", mix.Counterpoint, 16, 16.4, 16.5), rounds("claim", mix.Limit, 16, 9, 9.1), rounds("claim", mix.Peer, 16, 55, 56),
			rounds("search", mix.Counterpoint, 16, 70, 72), rounds("search", mix.Limit, 16, 22, 23), rounds("search", mix.Peer, 16, 64, 63),
			rounds("subgraph", mix.Counterpoint, 16, 840, 850), rounds("subgraph", mix.Limit, 16, 595, 600), failed,
		),
		RoundTrips: []RoundTrips{
			{Query: "claim", Impl: mix.Counterpoint, Samples: []int{1}, Min: 1, Max: 1, Method: "store counter"},
			{Query: "search", Impl: mix.Counterpoint, Samples: []int{1}, Min: 1, Max: 1, Method: "store counter"},
			{Query: "subgraph", Impl: mix.Counterpoint, Samples: []int{2}, Min: 2, Max: 2, Method: "store counter"},
		},
		Memory: []Memory{
			{Impl: mix.Counterpoint, PID: 20, PeakRSS: 123, RSS: 69, Available: true},
			{Impl: mix.Peer, PID: 21, PeakRSS: 317, RSS: 260, Available: true},
		},
	}
	neo4j := Neo4jConfig{Version: "Neo4j Kernel 5.26.0 community", Heap: "8g", PageCache: "2g", TxMemory: "6500m"}
	sweepFailed := loadRun("loader", 20000, 10_120, 1, 3)
	sweepFailed.Error = "Neo.TransientError.General.MemoryPoolOutOfMemoryError | transaction memory"
	scales := []Scale{
		{Name: "10k", Queries: small,
			Load: &Load{Scale: "10k", Elements: 10_120, Nodes: 6_000, Rels: 4_120, DatasetBytes: 2_000_000, BatchSize: 5000, Neo4j: neo4j,
				Runs: []ingest.Run{loadRun("loader", 5000, 10_120, 2.9, 18), loadRun("raw", 5000, 10_120, 2.2, 15),
					loadRun("loader", 5000, 10_120, 2.8, 18), loadRun("raw", 5000, 10_120, 2.25, 15)},
				Sweep: []ingest.Run{loadRun("loader", 1000, 10_120, 3.4, 40), sweepFailed}},
			Check: &Check{Scale: "10k", Impls: impls, Results: []mix.Equivalence{
				{Query: "claim", Checked: 8, Equal: 8}, {Query: "search", Checked: 8, Equal: 7, Empty: 1, Skipped: 1},
				{Query: "subgraph", Checked: 8, Equal: 8}}}},
		{Name: "1m", Queries: large,
			Load: &Load{Scale: "1m", Elements: 1_003_400, Nodes: 600_000, Rels: 403_400, DatasetBytes: 200_000_000, BatchSize: 5000, Neo4j: neo4j,
				Runs: []ingest.Run{loadRun("loader", 5000, 1_003_400, 100.9, 279), loadRun("raw", 5000, 1_003_400, 88.7, 207)}},
			Check: &Check{Scale: "1m", Impls: impls, Results: []mix.Equivalence{
				{Query: "claim", Checked: 8, Equal: 8},
				{Query: "subgraph", Checked: 8, Equal: 6, Mismatch: []string{"claim c1: peer | counterpoint differ", "claim c2: 3 lines missing"}}}}},
	}
	meta := Meta{"date": "2026-12-01 21:01 UTC", "scales_requested": "10k,100k,1m", "seed": "20151001"}
	return scales, meta
}

// fixturePartial is one scale without the peer, a failed raw load and
// memory that could not be read: most goals are not measured.
func fixturePartial() ([]Scale, Meta) {
	impls := []string{mix.Counterpoint, mix.Limit}
	rawFailed := loadRun("raw", 5000, 100_100, 8.8, 30)
	rawFailed.Error = "connection reset"
	q := &Queries{Scale: "100k", Elements: 100_100, Impls: impls, Concurrency: []int{1}, Rounds: 1,
		WarmupSec: 0.5, DurationSec: 2, MaxRequests: 500, Queries: fixtureDocs[:2],
		Cells: concat(rounds("claim", mix.Counterpoint, 1, 1.2), rounds("claim", mix.Limit, 1, 1.0),
			rounds("search", mix.Counterpoint, 1, 1.3), rounds("search", mix.Limit, 1, 0.9)),
		RoundTrips: []RoundTrips{{Query: "claim", Impl: mix.Counterpoint, Samples: []int{1}, Min: 1, Max: 1}},
		Memory:     []Memory{{Impl: mix.Counterpoint}},
	}
	scales := []Scale{{Name: "100k", Queries: q,
		Load: &Load{Scale: "100k", Elements: 100_100, BatchSize: 5000,
			Runs: []ingest.Run{loadRun("loader", 5000, 100_100, 9.5, 39), rawFailed}}}}
	return scales, Meta{"date": "2026-12-02 08:00 UTC"}
}

// fixtureAIF is an AIF corpus step whose first load meets its goals and
// whose second load misses its time.
func fixtureAIF() *AIFCorpus {
	return &AIFCorpus{Date: "2026-12-05 03:00 UTC", Maps: 1400, Nodes: 130547, Edges: 159930, Groups: 344, LargestGroup: 300, Datasets: 344,
		Command: "counterpoint load --quiet --format aif --skip-invalid --aliases aliases.txt --report report.jsonl CORPUS", Neo4jHeap: "1g",
		TAYAs: 19275, SelfLoops: 54, Undercutters: 177, Copies: 488, PlaceholderMaps: 1007, Skipped: 796,
		DigestsKnown: true, SecondLoadSameDigest: true,
		Loads: []AIFLoad{
			{Name: "first", Seconds: 30.2, CPUSeconds: 4.9, PeakRSSMB: 165, NodesPerSecond: 4323, LoadAverage: "4.2 → 5.1"},
			{Name: "second", Seconds: 16.1, CPUSeconds: 3.6, PeakRSSMB: 170, NodesPerSecond: 8108, LoadAverage: "5.1 → 4.8"},
		}}
}
