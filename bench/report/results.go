// Package report holds the benchmark's result files (one JSON document per
// phase and scale), checks that they are well-formed, and turns them into
// docs/performance.md and the p50-against-scale chart.
package report

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/counterpoint-news/counterpoint/bench/ingest"
	"github.com/counterpoint-news/counterpoint/bench/loadgen"
	"github.com/counterpoint-news/counterpoint/bench/mix"
	"github.com/counterpoint-news/counterpoint/bench/profile"
)

// Result file names within a scale's folder.
const (
	LoadFile    = "load.json"
	CheckFile   = "check.json"
	QueriesFile = "queries.json"
)

// Load is the loading phase at one scale.
type Load struct {
	Scale        string       `json:"scale"`
	Elements     int          `json:"elements"`
	Nodes        int          `json:"nodes"`
	Rels         int          `json:"relationships"`
	DatasetBytes int64        `json:"datasetBytes"`
	BatchSize    int          `json:"batchSize"`
	Runs         []ingest.Run `json:"runs"`  // loader and raw, alternating
	Sweep        []ingest.Run `json:"sweep"` // the loader at other batch sizes
	Neo4j        Neo4jConfig  `json:"neo4j"`
}

// Neo4jConfig is the server's memory configuration, as the script set it.
type Neo4jConfig struct {
	Version   string `json:"version"`
	Heap      string `json:"heap"`
	PageCache string `json:"pageCache"`
	TxMemory  string `json:"txMemory"`
}

// Check is the equivalence check at one scale.
type Check struct {
	Scale   string            `json:"scale"`
	Impls   []string          `json:"impls"`
	Results []mix.Equivalence `json:"results"`
}

// Cell is one measured run: one query on one implementation at one
// concurrency, in one round.
type Cell struct {
	Query       string `json:"query"`
	Impl        string `json:"impl"`
	Concurrency int    `json:"concurrency"`
	Round       int    `json:"round"`
	loadgen.Stats
}

// RoundTrips counts the Cypher statements of one request, measured alone.
type RoundTrips struct {
	Query   string `json:"query"`
	Impl    string `json:"impl"`
	Samples []int  `json:"samples"`
	Min     int    `json:"min"`
	Max     int    `json:"max"`
	Method  string `json:"method"`
}

// Memory is a service's memory, read from /proc/<pid>/status after the
// queries ran.
type Memory struct {
	Impl      string  `json:"impl"`
	PID       int     `json:"pid"`
	PeakRSS   float64 `json:"peakRSSMiB"` // VmHWM
	RSS       float64 `json:"rssMiB"`     // VmRSS
	Available bool    `json:"available"`
}

// Queries is the query phase at one scale.
type Queries struct {
	Scale       string         `json:"scale"`
	Elements    int            `json:"elements"`
	Impls       []string       `json:"impls"`
	Concurrency []int          `json:"concurrency"`
	Rounds      int            `json:"rounds"`
	WarmupSec   float64        `json:"warmupSeconds"`
	DurationSec float64        `json:"durationSeconds"`
	MaxRequests int            `json:"maxRequests"`
	Cells       []Cell         `json:"cells"`
	RoundTrips  []RoundTrips   `json:"roundTrips"`
	Memory      []Memory       `json:"memory"`
	Queries     []QueryDoc     `json:"queries"`
	Env         map[string]any `json:"env,omitempty"`
	// Profiles are Counterpoint's costs per query by bucket (bench/profile),
	// when the run recorded them.
	Profiles []profile.Query `json:"profiles,omitempty"`
	// CacheLookups are the cached Counterpoint's look-ups by result (hit,
	// miss, bypass) over the whole run, when it ran.
	CacheLookups map[string]float64 `json:"cacheLookups,omitempty"`
}

// QueryDoc describes a query of the mix, for the report.
type QueryDoc struct {
	Name        string `json:"name"`
	Description string `json:"description"`
	Grows       string `json:"grows,omitempty"`
}

// WriteJSON writes v as indented JSON.
func WriteJSON(file string, v any) error {
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(file, append(b, '\n'), 0o644)
}

func readJSON(file string, v any) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	return nil
}

// Scale is one scale's results.
type Scale struct {
	Name    string
	Load    *Load
	Check   *Check
	Queries *Queries
}

// Elements returns the scale's element count.
func (s Scale) Elements() int {
	switch {
	case s.Load != nil:
		return s.Load.Elements
	case s.Queries != nil:
		return s.Queries.Elements
	}
	n, _ := ParseScale(s.Name)
	return n
}

// ReadAll reads every scale folder under dir, smallest first.
func ReadAll(dir string) ([]Scale, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []Scale
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		if _, err := ParseScale(e.Name()); err != nil {
			continue
		}
		s := Scale{Name: e.Name()}
		for file, v := range map[string]any{LoadFile: &s.Load, CheckFile: &s.Check, QueriesFile: &s.Queries} {
			path := filepath.Join(dir, e.Name(), file)
			if _, err := os.Stat(path); err != nil {
				continue
			}
			if err := readJSON(path, v); err != nil {
				return nil, err
			}
		}
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Elements() < out[j].Elements() })
	return out, nil
}

// ParseScale reads "10k", "100k", "1m" or a plain number.
func ParseScale(s string) (int, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	mult := 1
	switch {
	case strings.HasSuffix(t, "k"):
		mult, t = 1000, strings.TrimSuffix(t, "k")
	case strings.HasSuffix(t, "m"):
		mult, t = 1_000_000, strings.TrimSuffix(t, "m")
	}
	n, err := strconv.Atoi(t)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("scale %q: want a number of elements such as 10k, 100k or 1m", s)
	}
	return n * mult, nil
}

// Validate checks that a scale folder's result files are well-formed: they
// parse with no unknown fields, name their scale, and hold numbers where
// numbers belong. It says nothing about speed.
func Validate(dir string) error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	found := 0
	if path := filepath.Join(dir, LoadFile); exists(path) {
		found++
		var l Load
		if err := readJSON(path, &l); err != nil {
			bad("%v", err)
		} else {
			if l.Elements <= 0 || l.Scale == "" || len(l.Runs) == 0 {
				bad("%s: no scale, elements or runs", path)
			}
			digests := map[string]string{}
			for _, r := range l.Runs {
				if r.Digest != "" {
					if d, ok := digests[r.Kind]; ok && d != r.Digest {
						bad("%s: two %s runs left different graphs", path, r.Kind)
					}
					digests[r.Kind] = r.Digest
				}
			}
			if digests["loader"] != "" && digests["raw"] != "" && digests["loader"] != digests["raw"] {
				bad("%s: the raw baseline and the loader left different graphs (digests %s and %s): they do not write the same rows", path, digests["raw"], digests["loader"])
			}
			for i, r := range append(append([]ingest.Run(nil), l.Runs...), l.Sweep...) {
				if r.Error != "" {
					bad("%s: run %d (%s) failed: %s", path, i, r.Kind, r.Error)
				}
				if r.Seconds <= 0 || r.Throughput <= 0 || len(r.Phases) == 0 || (r.Kind != "loader" && r.Kind != "raw") {
					bad("%s: run %d is incomplete: %+v", path, i, r)
				}
			}
		}
	}
	if path := filepath.Join(dir, CheckFile); exists(path) {
		found++
		var c Check
		if err := readJSON(path, &c); err != nil {
			bad("%v", err)
		} else if len(c.Results) == 0 {
			bad("%s: no queries checked", path)
		} else {
			for _, r := range c.Results {
				if !r.OK() {
					bad("%s: %s: implementations differ: %v", path, r.Query, r.Mismatch)
				}
			}
		}
	}
	if path := filepath.Join(dir, QueriesFile); exists(path) {
		found++
		var q Queries
		if err := readJSON(path, &q); err != nil {
			bad("%v", err)
		} else {
			if len(q.Cells) == 0 || len(q.Impls) == 0 {
				bad("%s: no measurements", path)
			}
			for _, c := range q.Cells {
				if c.Requests <= 0 || c.Errors > 0 || c.P50 <= 0 || c.P99 < c.P50 || c.Throughput <= 0 {
					bad("%s: %s on %s at concurrency %d: malformed or failed (%d requests, %d errors, p50 %v, p99 %v: %s)",
						path, c.Query, c.Impl, c.Concurrency, c.Requests, c.Errors, c.P50, c.P99, c.FirstError)
				}
			}
			if len(q.RoundTrips) == 0 {
				bad("%s: no round-trip counts", path)
			}
		}
	}
	if found == 0 {
		bad("%s: no result files", dir)
	}
	return errors.Join(errs...)
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
