package report

import (
	"fmt"

	"github.com/counterpoint-news/counterpoint/bench/loadgen"
	"github.com/counterpoint-news/counterpoint/bench/mix"
)

// key of an aggregated cell.
type key struct {
	query, impl string
	conc        int
}

// agg is the medians over rounds of one query, implementation and
// concurrency.
type agg struct {
	P50, P99, Throughput float64
	Rounds               int
	Requests             int
	Errors               int
	FirstError           string
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
		out[k] = agg{P50: loadgen.Median(p50), P99: loadgen.Median(p99), Throughput: loadgen.Median(thr), Rounds: len(cells), Requests: reqs, Errors: errs, FirstError: first}
	}
	return out
}

// ratio is the median over rounds of a/b for a metric of two cells.
func ratio(q *Queries, query string, conc int, a, b string, metric func(Cell) float64) optionalRatio {
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
		return optionalRatio{}
	}
	return optionalRatio{Value: loadgen.Median(rs), OK: true}
}

func p50(c Cell) float64 { return c.P50 }
func thr(c Cell) float64 { return c.Throughput }

// loadRatio is the median of the loader's throughput over the raw
// baseline's, pairing runs in order.
func loadRatio(l *Load) optionalRatio {
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
		return optionalRatio{}
	}
	return optionalRatio{Value: loadgen.Median(rs), OK: true}
}

// growthEnds returns the smallest and the largest scale with query results.
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

// growth is an implementation's p50 at the low concurrency at the last
// scale over the first's.
func growth(first, last *Scale, query, impl string) optionalRatio {
	a := aggregate(first.Queries)[key{query, impl, lowConcurrency}]
	z := aggregate(last.Queries)[key{query, impl, lowConcurrency}]
	if a.P50 <= 0 || z.P50 <= 0 {
		return optionalRatio{}
	}
	return optionalRatio{Value: z.P50 / a.P50, OK: true}
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

// optionalRatio is a ratio that may not have been measured (no round had
// both sides).
type optionalRatio struct {
	Value float64
	OK    bool
}

// String renders the ratio for a table: "1.23x", or a dash when unmeasured.
func (r optionalRatio) String() string {
	if !r.OK {
		return "–"
	}
	return fmt.Sprintf("%.2fx", r.Value)
}
