package report

import (
	"fmt"
	"slices"

	"github.com/counterpoint-news/counterpoint/bench/mix"
	"github.com/counterpoint-news/counterpoint/bench/profile"
)

// engineImpls are the implementations of the main comparison: all but
// Counterpoint with its response cache and the limit over HTTP, which are
// reported apart.
func engineImpls(impls []string) []string {
	var out []string
	for _, impl := range impls {
		if impl != mix.Cached && impl != mix.LimitHTTP {
			out = append(out, impl)
		}
	}
	return out
}

// profileTable is one query's costs at one scale, by bucket, at the low
// and the high concurrency.
type profileTable struct {
	Scale     string
	Query     string
	Low, High *profile.Query // nil when not profiled at that concurrency
	P50       float64        // Counterpoint's p50 at low concurrency
	Rows      []profileRow
}

// profileRow is one bucket of a profileTable.
type profileRow struct {
	Bucket        string
	Low, High     *profile.Cost
	LowOK, HighOK bool
}

func profileTables(scales []Scale) []profileTable {
	var out []profileTable
	for _, s := range scales {
		if s.Queries == nil || len(s.Queries.Profiles) == 0 {
			continue
		}
		a := aggregate(s.Queries)
		for _, name := range queryOrder(s.Queries) {
			t := profileTable{Scale: s.Name, Query: name, P50: a[key{name, mix.Counterpoint, lowConcurrency}].P50}
			for i := range s.Queries.Profiles {
				p := &s.Queries.Profiles[i]
				switch {
				case p.Query != name:
				case p.Concurrency == lowConcurrency:
					t.Low = p
				case p.Concurrency == highConcurrency:
					t.High = p
				}
			}
			if t.Low == nil && t.High == nil {
				continue
			}
			for _, b := range profile.Buckets {
				row := profileRow{Bucket: b}
				row.Low, row.LowOK = costOf(t.Low, b)
				row.High, row.HighOK = costOf(t.High, b)
				t.Rows = append(t.Rows, row)
			}
			out = append(out, t)
		}
	}
	return out
}

// costOf is bucket's cost in q.
func costOf(q *profile.Query, bucket string) (*profile.Cost, bool) {
	if q == nil {
		return &profile.Cost{}, false
	}
	for i := range q.Costs {
		if q.Costs[i].Bucket == bucket {
			return &q.Costs[i], true
		}
	}
	return &profile.Cost{}, false
}

// cacheTable is the mix with the response cache on, at one scale and
// concurrency, next to Counterpoint without it and the peer.
type cacheTable struct {
	Scale       string
	Elements    int
	Concurrency int
	Rows        []cacheRow
	Lookups     string // hits and misses over the whole scale's run
}

// cacheRow is one query: the cached server's medians, Counterpoint's
// without the cache, and the ratios of throughput.
type cacheRow struct {
	Query                        string
	Cached, Off                  agg
	OverOff, OverPeer, OverLimit optionalRatio
}

func cacheTables(scales []Scale) []cacheTable {
	var out []cacheTable
	eachRunOf(scales, mix.Cached, func(s Scale, q *Queries, a map[key]agg, conc int) {
		lookups := ""
		if l := q.CacheLookups; len(l) > 0 {
			total := l["hit"] + l["miss"] + l["bypass"]
			if total > 0 {
				lookups = fmt.Sprintf("%.0f look-ups, %.1f%% hits, %.0f misses, %.0f bypassed", total, 100*l["hit"]/total, l["miss"], l["bypass"])
			}
		}
		t := cacheTable{Scale: s.Name, Elements: s.Elements(), Concurrency: conc, Lookups: lookups}
		for _, name := range queryOrder(q) {
			t.Rows = append(t.Rows, cacheRow{Query: name,
				Cached: a[key{name, mix.Cached, conc}], Off: a[key{name, mix.Counterpoint, conc}],
				OverOff:   ratio(q, name, conc, mix.Cached, mix.Counterpoint, thr),
				OverPeer:  ratio(q, name, conc, mix.Cached, mix.Peer, thr),
				OverLimit: ratio(q, name, conc, mix.Cached, mix.Limit, thr)})
		}
		out = append(out, t)
	})
	return out
}

// eachRunOf calls f for every scale whose queries ran impl, at each of its
// concurrency levels in order, with the scale's medians: the walk of the
// sections that report one implementation apart.
func eachRunOf(scales []Scale, impl string, f func(s Scale, q *Queries, a map[key]agg, conc int)) {
	for _, s := range scales {
		q := s.Queries
		if q == nil || !slices.Contains(q.Impls, impl) {
			continue
		}
		a := aggregate(q)
		for _, conc := range q.Concurrency {
			f(s, q, a, conc)
		}
	}
}

// limitHTTPTable is the limit over HTTP at one scale and concurrency.
type limitHTTPTable struct {
	Scale       string
	Elements    int
	Concurrency int
	Rows        []limitHTTPRow
}

// limitHTTPRow is one query: the limit over HTTP's medians, the limit's and
// Counterpoint's p50, and the ratios of p50 that split Counterpoint's
// distance from the limit into what HTTP alone costs and the rest.
type limitHTTPRow struct {
	Query                       string
	Floor, Limit, CP            agg
	FloorOverLimit, CPOverFloor optionalRatio
}

func limitHTTPTables(scales []Scale) []limitHTTPTable {
	var out []limitHTTPTable
	eachRunOf(scales, mix.LimitHTTP, func(s Scale, q *Queries, a map[key]agg, conc int) {
		t := limitHTTPTable{Scale: s.Name, Elements: s.Elements(), Concurrency: conc}
		for _, name := range queryOrder(q) {
			t.Rows = append(t.Rows, limitHTTPRow{Query: name,
				Floor: a[key{name, mix.LimitHTTP, conc}], Limit: a[key{name, mix.Limit, conc}], CP: a[key{name, mix.Counterpoint, conc}],
				FloorOverLimit: ratio(q, name, conc, mix.LimitHTTP, mix.Limit, p50),
				CPOverFloor:    ratio(q, name, conc, mix.Counterpoint, mix.LimitHTTP, p50)})
		}
		out = append(out, t)
	})
	return out
}
