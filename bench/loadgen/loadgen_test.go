package loadgen_test

import (
	"context"
	"errors"
	"math/rand"
	"sync/atomic"
	"testing"
	"time"

	"github.com/counterpoint-news/counterpoint/bench/loadgen"
)

func TestPercentilesAreNearestRank(t *testing.T) {
	var v []float64
	for i := 1; i <= 100; i++ {
		v = append(v, float64(i))
	}
	for p, want := range map[float64]float64{50: 50, 90: 90, 99: 99, 100: 100, 1: 1} {
		if got := loadgen.Percentile(v, p); got != want {
			t.Errorf("p%v = %v, want %v", p, got, want)
		}
	}
	if got := loadgen.Median([]float64{3, 1, 2, 10}); got != 2.5 {
		t.Errorf("median = %v, want 2.5", got)
	}
}

// TestRunIsBounded: a run stops by itself at its request bound, counts
// errors apart from latencies, and uses the concurrency asked for.
func TestRunIsBounded(t *testing.T) {
	var calls, inFlight, most atomic.Int64
	st := loadgen.Run(context.Background(), loadgen.Config{Concurrency: 4, Duration: time.Minute, MaxRequests: 200, Seed: 1},
		func(ctx context.Context, rng *rand.Rand) error {
			n := inFlight.Add(1)
			defer inFlight.Add(-1)
			for {
				m := most.Load()
				if n <= m || most.CompareAndSwap(m, n) {
					break
				}
			}
			time.Sleep(100 * time.Microsecond)
			if calls.Add(1)%10 == 0 {
				return errors.New("every tenth fails")
			}
			return nil
		})
	if st.Requests != 200 || st.Errors != 20 || st.FirstError == "" {
		t.Errorf("requests %d, errors %d (%q); want 200 and 20", st.Requests, st.Errors, st.FirstError)
	}
	if st.P50 <= 0 || st.P99 < st.P50 || st.Throughput <= 0 {
		t.Errorf("malformed stats: %+v", st)
	}
	if most.Load() > 4 {
		t.Errorf("%d requests in flight at once, want at most 4", most.Load())
	}
}
