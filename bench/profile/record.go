package profile

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/google/pprof/profile"
)

// Cost is one bucket's share of a query: CPU time and allocations per
// request.
type Cost struct {
	Bucket      string  `json:"bucket"`
	CPUMicros   float64 `json:"cpuMicrosPerRequest"`
	CPUShare    float64 `json:"cpuShare"`
	Allocs      float64 `json:"allocsPerRequest"`
	AllocBytes  float64 `json:"allocBytesPerRequest"`
	AllocsShare float64 `json:"allocBytesShare"`
}

// Query is what the profiles of one query say, per request of the
// measurements they covered.
type Query struct {
	Query       string `json:"query"`
	Concurrency int    `json:"concurrency"`
	Requests    int    `json:"requests"`
	// CPUSamples is the number of CPU samples (10 ms of CPU each, at
	// pprof's 100 Hz): few samples, a rough split.
	CPUSamples int     `json:"cpuSamples"`
	Costs      []Cost  `json:"costs"`
	CPUMicros  float64 `json:"cpuMicrosPerRequest"`
	// Neo4jMicros is the wall time of the store's Cypher round trips per
	// request (the driver's send, Neo4j's work, the driver's receive), from
	// counterpoint_neo4j_query_duration_seconds on /metrics.
	Neo4jMicros float64 `json:"neo4jMicrosPerRequest"`
	RoundTrips  float64 `json:"roundTripsPerRequest"`
	Error       string  `json:"error,omitempty"`
}

// Recorder fetches profiles of a Counterpoint server around measurements
// and adds them up per query.
type Recorder struct {
	pprof   string // http://127.0.0.1:port of PPROF_ADDR
	metrics string // the server's /metrics URL
	dir     string // where the raw profiles are kept; "" keeps none
	client  *http.Client

	mu      sync.Mutex
	order   []measured
	queries map[measured]*acc
}

// measured is a query at a concurrency.
type measured struct {
	query       string
	concurrency int
}

type acc struct {
	cpu, allocs []*profile.Profile
	requests    int
	neo4jSec    float64
	neo4jCount  float64
	err         string
}

// NewRecorder records from the server whose profiles are served at
// pprofBase (http://127.0.0.1:port) and whose metrics are at metricsURL,
// keeping the raw profiles in dir (when not empty).
func NewRecorder(pprofBase, metricsURL, dir string) *Recorder {
	return &Recorder{pprof: strings.TrimRight(pprofBase, "/"), metrics: metricsURL, dir: dir,
		client: &http.Client{Timeout: 2 * time.Minute}, queries: map[measured]*acc{}}
}

// Measure runs run, a measurement of query at concurrency that starts after warmup and
// lasts at most duration, while it fetches a CPU and an allocation profile
// of the measurement (whole seconds, at least one) and reads the Neo4j
// round trips' time from /metrics before and after; requests is the
// number of requests run measured.
func (r *Recorder) Measure(ctx context.Context, query string, concurrency int, warmup, duration time.Duration, run func() (requests int)) {
	secs := max(1, int(math.Ceil(duration.Seconds())))
	var (
		wg          sync.WaitGroup
		cpu, allocs *profile.Profile
		cpuErr      error
		allocErr    error
		sumBefore   float64
		countBefore float64
		metricsErr  error
	)
	wg.Go(func() {
		select {
		case <-ctx.Done():
			return
		case <-time.After(warmup):
		}
		sumBefore, countBefore, metricsErr = r.neo4jTime(ctx)
		var inner sync.WaitGroup
		inner.Go(func() { cpu, cpuErr = r.fetch(ctx, fmt.Sprintf("/debug/pprof/profile?seconds=%d", secs)) })
		inner.Go(func() { allocs, allocErr = r.fetch(ctx, fmt.Sprintf("/debug/pprof/allocs?seconds=%d", secs)) })
		inner.Wait()
	})
	requests := run()
	wg.Wait()
	sumAfter, countAfter, err := r.neo4jTime(ctx)
	if metricsErr == nil {
		metricsErr = err
	}

	r.mu.Lock()
	defer r.mu.Unlock()
	m := measured{query, concurrency}
	a := r.queries[m]
	if a == nil {
		a = &acc{}
		r.queries[m] = a
		r.order = append(r.order, m)
	}
	for _, e := range []error{cpuErr, allocErr, metricsErr} {
		if e != nil && a.err == "" {
			a.err = e.Error()
		}
	}
	if cpuErr != nil || allocErr != nil || metricsErr != nil {
		return
	}
	a.cpu = append(a.cpu, cpu)
	a.allocs = append(a.allocs, allocs)
	a.requests += requests
	a.neo4jSec += sumAfter - sumBefore
	a.neo4jCount += countAfter - countBefore
	if r.dir != "" {
		r.keep(cpu, fmt.Sprintf("%s-c%d-%d.cpu.pb.gz", query, concurrency, len(a.cpu)))
		r.keep(allocs, fmt.Sprintf("%s-c%d-%d.allocs.pb.gz", query, concurrency, len(a.cpu)))
	}
}

func (r *Recorder) keep(p *profile.Profile, name string) {
	if err := os.MkdirAll(r.dir, 0o755); err != nil {
		return
	}
	f, err := os.Create(filepath.Join(r.dir, name))
	if err != nil {
		return
	}
	defer f.Close()
	_ = p.Write(f)
}

func (r *Recorder) fetch(ctx context.Context, path string) (*profile.Profile, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, r.pprof+path, nil)
	if err != nil {
		return nil, err
	}
	resp, err := r.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 300))
		return nil, fmt.Errorf("GET %s: %s: %s", path, resp.Status, b)
	}
	return profile.Parse(resp.Body)
}

// neo4jTime reads the sum and count of counterpoint_neo4j_query_duration_seconds
// over all queries.
func (r *Recorder) neo4jTime(ctx context.Context) (sum, count float64, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, r.metrics, nil)
	if err != nil {
		return 0, 0, err
	}
	resp, err := r.client.Do(req)
	if err != nil {
		return 0, 0, err
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		name, rest, ok := strings.Cut(line, " ")
		if !ok {
			continue
		}
		if i := strings.IndexByte(name, '{'); i >= 0 {
			name = name[:i]
			if j := strings.LastIndexByte(line, ' '); j >= 0 {
				rest = line[j+1:]
			}
		}
		v, perr := strconv.ParseFloat(strings.TrimSpace(rest), 64)
		if perr != nil {
			continue
		}
		switch name {
		case "counterpoint_neo4j_query_duration_seconds_sum":
			sum += v
		case "counterpoint_neo4j_query_duration_seconds_count":
			count += v
		}
	}
	return sum, count, sc.Err()
}

// Results sums each query's profiles at each concurrency into its costs
// per request, in the order they were first measured.
func (r *Recorder) Results() []Query {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []Query
	for _, m := range r.order {
		a := r.queries[m]
		q := Query{Query: m.query, Concurrency: m.concurrency, Requests: a.requests, Error: a.err}
		if a.requests > 0 {
			q.Neo4jMicros = a.neo4jSec * 1e6 / float64(a.requests)
			q.RoundTrips = a.neo4jCount / float64(a.requests)
			q.Costs, q.CPUMicros, q.CPUSamples = Summarize(a.cpu, a.allocs, a.requests)
		}
		out = append(out, q)
	}
	return out
}

// Summarize buckets CPU and allocation profiles (every sample by Classify)
// into costs per request.
func Summarize(cpu, allocs []*profile.Profile, requests int) (costs []Cost, cpuMicros float64, samples int) {
	cpuNanos := map[string]float64{}
	objs, bytes := map[string]float64{}, map[string]float64{}
	var totalCPU, totalBytes float64
	for _, p := range cpu {
		iSamples, iCPU := index(p, "samples"), index(p, "cpu")
		for _, s := range p.Sample {
			b := Classify(stack(s))
			if iCPU >= 0 {
				cpuNanos[b] += float64(s.Value[iCPU])
				totalCPU += float64(s.Value[iCPU])
			}
			if iSamples >= 0 {
				samples += int(s.Value[iSamples])
			}
		}
	}
	for _, p := range allocs {
		iObjs, iBytes := index(p, "alloc_objects"), index(p, "alloc_space")
		for _, s := range p.Sample {
			b := Classify(stack(s))
			if iObjs >= 0 {
				objs[b] += float64(s.Value[iObjs])
			}
			if iBytes >= 0 {
				bytes[b] += float64(s.Value[iBytes])
				totalBytes += float64(s.Value[iBytes])
			}
		}
	}
	n := float64(requests)
	for _, b := range Buckets {
		c := Cost{Bucket: b, CPUMicros: cpuNanos[b] / 1e3 / n, Allocs: objs[b] / n, AllocBytes: bytes[b] / n}
		if totalCPU > 0 {
			c.CPUShare = cpuNanos[b] / totalCPU
		}
		if totalBytes > 0 {
			c.AllocsShare = bytes[b] / totalBytes
		}
		costs = append(costs, c)
	}
	return costs, totalCPU / 1e3 / n, samples
}

// index is the position of the sample type named typ, or -1.
func index(p *profile.Profile, typ string) int {
	for i, st := range p.SampleType {
		if st.Type == typ {
			return i
		}
	}
	return -1
}

// stack is a sample's function names, leaf first (inlined frames
// included, innermost first).
func stack(s *profile.Sample) []string {
	var out []string
	for _, loc := range s.Location {
		for _, line := range loc.Line {
			if line.Function != nil {
				out = append(out, line.Function.Name)
			}
		}
	}
	return out
}
