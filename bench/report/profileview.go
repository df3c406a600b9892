package report

import (
	"fmt"
	"slices"

	"github.com/counterpoint-news/counterpoint/bench/mix"
	"github.com/counterpoint-news/counterpoint/bench/profile"
)

// engineImpls are the implementations of the main comparison: all but
// Counterpoint with its response cache, which is reported apart.
func engineImpls(impls []string) []string {
	var out []string
	for _, impl := range impls {
		if impl != mix.Cached {
			out = append(out, impl)
		}
	}
	return out
}

// profileTable is one query's costs at one scale, by bucket.
type profileTable struct {
	Scale string
	profile.Query
	P50 float64 // Counterpoint's p50 at low concurrency, for scale
}

func profileTables(scales []Scale) []profileTable {
	var out []profileTable
	for _, s := range scales {
		if s.Queries == nil {
			continue
		}
		a := aggregate(s.Queries)
		for _, p := range s.Queries.Profiles {
			out = append(out, profileTable{Scale: s.Name, Query: p, P50: a[key{p.Query, mix.Counterpoint, lowConcurrency}].P50})
		}
	}
	return out
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
	for _, s := range scales {
		q := s.Queries
		if q == nil || !slices.Contains(q.Impls, mix.Cached) {
			continue
		}
		a := aggregate(q)
		lookups := ""
		if l := q.CacheLookups; len(l) > 0 {
			total := l["hit"] + l["miss"] + l["bypass"]
			if total > 0 {
				lookups = fmt.Sprintf("%.0f look-ups, %.1f%% hits, %.0f misses, %.0f bypassed", total, 100*l["hit"]/total, l["miss"], l["bypass"])
			}
		}
		for _, conc := range q.Concurrency {
			t := cacheTable{Scale: s.Name, Elements: s.Elements(), Concurrency: conc, Lookups: lookups}
			for _, name := range queryOrder(q) {
				t.Rows = append(t.Rows, cacheRow{Query: name,
					Cached: a[key{name, mix.Cached, conc}], Off: a[key{name, mix.Counterpoint, conc}],
					OverOff:   ratio(q, name, conc, mix.Cached, mix.Counterpoint, thr),
					OverPeer:  ratio(q, name, conc, mix.Cached, mix.Peer, thr),
					OverLimit: ratio(q, name, conc, mix.Cached, mix.Limit, thr)})
			}
			out = append(out, t)
		}
	}
	return out
}
