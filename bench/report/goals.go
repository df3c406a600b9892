package report

import "github.com/counterpoint-news/counterpoint/bench/mix"

// The benchmark's concurrency levels as the report reads them.
const (
	// lowConcurrency is one client at a time: the latency goal, the growth
	// table and the chart read p50 there.
	lowConcurrency = 1
	// highConcurrency is the loaded level (the upper value of
	// BENCH_CONCURRENCY in scripts/bench.sh): the throughput goal is judged
	// there.
	highConcurrency = 16
)

// The goals' thresholds. Each is used once to judge the run and once, from
// the same value, in the sentence of the report that states the goal.
const (
	// latencyGoalMaxRatio bounds Counterpoint's p50 over the limit's.
	latencyGoalMaxRatio = 1.3
	// throughputGoalMinRatio is the least Counterpoint's throughput over
	// the peer's may be.
	throughputGoalMinRatio = 1.5
	// memoryGoalMaxRatio is what Counterpoint's peak RSS over the peer's
	// must stay below (issue 23: a third).
	memoryGoalMaxRatio = 1.0 / 3
	// loaderGoalMinRatio is the least the loader's throughput over the raw
	// UNWIND baseline's may be.
	loaderGoalMinRatio = 0.9
	// growthGoalMaxRatio bounds a query's p50 at growthGoalTo elements over
	// its p50 at growthGoalFrom.
	growthGoalMaxRatio = 1.5
	// growthGoalFrom is the scale, in elements, the growth goal starts from.
	growthGoalFrom = 10_000
	// growthGoalTo is the scale, in elements, the growth goal ends at.
	growthGoalTo = 1_000_000
)

// judgement is one case a goal is judged on.
type judgement interface{ IsMet() bool }

// judged is the cases of one goal, in report order.
type judged[C judgement] []C

// Measured says whether the goal had anything to judge.
func (j judged[C]) Measured() bool { return len(j) > 0 }

// Meeting lists the cases that meet the goal.
func (j judged[C]) Meeting() []C { return j.filter(true) }

// Missing lists the cases that miss the goal.
func (j judged[C]) Missing() []C { return j.filter(false) }

// AllMet says whether no case misses the goal (true when there are none).
func (j judged[C]) AllMet() bool { return len(j.Missing()) == 0 }

// NoneMet says whether no case meets the goal (true when there are none).
func (j judged[C]) NoneMet() bool { return len(j.Meeting()) == 0 }

func (j judged[C]) filter(met bool) []C {
	var out []C
	for _, c := range j {
		if c.IsMet() == met {
			out = append(out, c)
		}
	}
	return out
}

// queryRatio is one query at one scale against a ratio goal.
type queryRatio struct {
	Query, Scale string
	Ratio        float64
	Met          bool
}

// IsMet says whether the case meets its goal.
func (c queryRatio) IsMet() bool { return c.Met }

// scaleRatio is one scale against a ratio goal.
type scaleRatio struct {
	Scale string
	Ratio float64
	Met   bool
}

// IsMet says whether the case meets its goal.
func (c scaleRatio) IsMet() bool { return c.Met }

// peakMemory is one scale's peak RSS of Counterpoint and the peer, in MiB.
type peakMemory struct {
	Scale              string
	Counterpoint, Peer float64
	Met                bool
}

// IsMet says whether the case meets its goal.
func (c peakMemory) IsMet() bool { return c.Met }

// queryGrowth is one query's growth of p50 from the first scale to the last.
type queryGrowth struct {
	Query  string
	Growth float64
	Met    bool
}

// IsMet says whether the case meets its goal.
func (c queryGrowth) IsMet() bool { return c.Met }

// goals are the run's verdicts, with the thresholds they were judged by.
type goals struct {
	Latency    ratioGoal[queryRatio]
	Throughput ratioGoal[queryRatio]
	Memory     ratioGoal[peakMemory]
	Loader     ratioGoal[scaleRatio]
	Growth     growthGoal
}

// ratioGoal is a goal whose cases are judged against one ratio.
type ratioGoal[C judgement] struct {
	Ratio       float64
	Concurrency int // 0 where the goal is not about queries
	Cases       judged[C]
}

// growthGoal judges each query's growth from the smallest scale run to the
// largest, which should be growthGoalFrom and growthGoalTo.
type growthGoal struct {
	MaxRatio    float64
	From, To    int    // elements the goal spans
	First, Last string // the scales the growth was measured between ("" when fewer than two)
	SpansGoal   bool   // First and Last are the goal's From and To
	Cases       judged[queryGrowth]
}

// Measured says whether two scales were run, so that there is a growth.
func (g growthGoal) Measured() bool { return g.First != "" }

func judgeGoals(scales []Scale) goals {
	g := goals{
		Latency:    ratioGoal[queryRatio]{Ratio: latencyGoalMaxRatio, Concurrency: lowConcurrency},
		Throughput: ratioGoal[queryRatio]{Ratio: throughputGoalMinRatio, Concurrency: highConcurrency},
		Memory:     ratioGoal[peakMemory]{Ratio: memoryGoalMaxRatio},
		Loader:     ratioGoal[scaleRatio]{Ratio: loaderGoalMinRatio},
		Growth:     growthGoal{MaxRatio: growthGoalMaxRatio, From: growthGoalFrom, To: growthGoalTo},
	}
	for _, s := range scales {
		if q := s.Queries; q != nil {
			for _, name := range queryOrder(q) {
				if r := ratio(q, name, lowConcurrency, mix.Counterpoint, mix.Limit, p50); r.OK {
					g.Latency.Cases = append(g.Latency.Cases, queryRatio{name, s.Name, r.Value, r.Value <= latencyGoalMaxRatio})
				}
				if has(q.Impls, mix.Peer) {
					if r := ratio(q, name, highConcurrency, mix.Counterpoint, mix.Peer, thr); r.OK {
						g.Throughput.Cases = append(g.Throughput.Cases, queryRatio{name, s.Name, r.Value, r.Value >= throughputGoalMinRatio})
					}
				}
			}
			var cp, peer float64
			for _, m := range q.Memory {
				switch m.Impl {
				case mix.Counterpoint:
					cp = m.PeakRSS
				case mix.Peer:
					peer = m.PeakRSS
				}
			}
			if cp > 0 && peer > 0 {
				g.Memory.Cases = append(g.Memory.Cases, peakMemory{s.Name, cp, peer, cp < peer*memoryGoalMaxRatio})
			}
		}
		if s.Load != nil {
			if r := loadRatio(s.Load); r.OK {
				g.Loader.Cases = append(g.Loader.Cases, scaleRatio{s.Name, r.Value, r.Value >= loaderGoalMinRatio})
			}
		}
	}
	first, last := growthEnds(scales)
	if first == nil || first == last {
		return g
	}
	g.Growth.First, g.Growth.Last = first.Name, last.Name
	from, _ := ParseScale(first.Name)
	to, _ := ParseScale(last.Name)
	g.Growth.SpansGoal = from == growthGoalFrom && to == growthGoalTo
	for _, name := range queryOrder(last.Queries) {
		if r := growth(first, last, name, mix.Counterpoint); r.OK {
			g.Growth.Cases = append(g.Growth.Cases, queryGrowth{name, r.Value, r.Value <= growthGoalMaxRatio})
		}
	}
	return g
}
