// Package loadgen drives one operation at a fixed concurrency for a bounded
// time and number of requests, and summarises the latencies. It only calls
// the function it is given; the targets (loopback HTTP servers, or Neo4j
// through the driver) are the caller's.
package loadgen

import (
	"context"
	"math"
	"math/rand"
	"sort"
	"sync"
	"time"
)

// Config bounds one run.
type Config struct {
	Concurrency int
	Warmup      time.Duration // run, unmeasured, before measuring
	Duration    time.Duration // measure for this long...
	MaxRequests int           // ...or until this many requests completed (0: no bound)
	Seed        int64         // each worker draws its arguments from rand.New(Seed+worker)
}

// Op is one request; rng is the worker's own.
type Op func(ctx context.Context, rng *rand.Rand) error

// Stats summarise one measured run. Latencies are in milliseconds.
type Stats struct {
	Requests   int     `json:"requests"`
	Errors     int     `json:"errors"`
	FirstError string  `json:"firstError,omitempty"`
	Seconds    float64 `json:"seconds"`
	Throughput float64 `json:"throughput"` // successful requests per second
	P50        float64 `json:"p50"`
	P90        float64 `json:"p90"`
	P99        float64 `json:"p99"`
	Max        float64 `json:"max"`
	Mean       float64 `json:"mean"`
}

// Run runs op with cfg.Concurrency workers: first for cfg.Warmup, then
// measured until cfg.Duration has passed or cfg.MaxRequests have
// completed, whichever comes first. It always stops by itself.
func Run(ctx context.Context, cfg Config, op Op) Stats {
	if cfg.Concurrency < 1 {
		cfg.Concurrency = 1
	}
	if cfg.Warmup > 0 {
		run(ctx, cfg.Concurrency, cfg.Seed+1_000_003, time.Now().Add(cfg.Warmup), 0, op)
	}
	start := time.Now()
	lat, errs, first := run(ctx, cfg.Concurrency, cfg.Seed, start.Add(cfg.Duration), cfg.MaxRequests, op)
	elapsed := time.Since(start).Seconds()
	return Summarise(lat, errs, first, elapsed)
}

func run(ctx context.Context, workers int, seed int64, deadline time.Time, maxRequests int, op Op) ([]float64, int, string) {
	ctx, cancel := context.WithDeadline(ctx, deadline.Add(2*time.Minute)) // a hung request cannot hang the run
	defer cancel()
	var (
		mu      sync.Mutex
		lat     []float64
		errs    int
		first   string
		started int
		wg      sync.WaitGroup
	)
	take := func() bool {
		mu.Lock()
		defer mu.Unlock()
		if ctx.Err() != nil || time.Now().After(deadline) || (maxRequests > 0 && started >= maxRequests) {
			return false
		}
		started++
		return true
	}
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			rng := rand.New(rand.NewSource(seed + int64(w)*7919))
			var mine []float64
			myErrs, myFirst := 0, ""
			for take() {
				t := time.Now()
				err := op(ctx, rng)
				d := float64(time.Since(t).Microseconds()) / 1000
				if err != nil {
					myErrs++
					if myFirst == "" {
						myFirst = err.Error()
					}
					continue
				}
				mine = append(mine, d)
			}
			mu.Lock()
			lat = append(lat, mine...)
			errs += myErrs
			if first == "" {
				first = myFirst
			}
			mu.Unlock()
		}(w)
	}
	wg.Wait()
	return lat, errs, first
}

// Summarise computes the statistics of successful latencies (ms).
func Summarise(lat []float64, errs int, firstErr string, seconds float64) Stats {
	s := Stats{Requests: len(lat) + errs, Errors: errs, FirstError: firstErr, Seconds: seconds}
	if len(firstErr) > 300 {
		s.FirstError = firstErr[:300]
	}
	if len(lat) == 0 {
		return s
	}
	sort.Float64s(lat)
	sum := 0.0
	for _, l := range lat {
		sum += l
	}
	s.Mean = round(sum / float64(len(lat)))
	s.P50 = round(Percentile(lat, 50))
	s.P90 = round(Percentile(lat, 90))
	s.P99 = round(Percentile(lat, 99))
	s.Max = round(lat[len(lat)-1])
	if seconds > 0 {
		s.Throughput = round(float64(len(lat)) / seconds)
	}
	return s
}

// Percentile returns the nearest-rank percentile of sorted values.
func Percentile(sorted []float64, p float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	rank := int(math.Ceil(p / 100 * float64(len(sorted))))
	return sorted[min(max(rank, 1), len(sorted))-1]
}

// Median returns the median of values (not necessarily sorted).
func Median(values []float64) float64 {
	if len(values) == 0 {
		return 0
	}
	v := append([]float64(nil), values...)
	sort.Float64s(v)
	if len(v)%2 == 1 {
		return v[len(v)/2]
	}
	return (v[len(v)/2-1] + v[len(v)/2]) / 2
}

func round(x float64) float64 { return math.Round(x*1000) / 1000 }
