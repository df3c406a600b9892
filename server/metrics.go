package server

import (
	"net/http"
	"regexp"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics holds the service's Prometheus collectors in a registry of its own
// (so that tests and several servers in one process never collide), served
// at /metrics:
//
//	counterpoint_graphql_requests_total{operation}            counter
//	counterpoint_graphql_request_duration_seconds{operation}  histogram
//	counterpoint_graphql_errors_total{code}                   counter
//	counterpoint_neo4j_query_duration_seconds{query}          histogram
//
// plus the Go runtime and process collectors.
type Metrics struct {
	registry *prometheus.Registry

	requests      *prometheus.CounterVec
	duration      *prometheus.HistogramVec
	errors        *prometheus.CounterVec
	queryDuration *prometheus.HistogramVec

	operations *labelSet
	queries    *labelSet
}

// NewMetrics creates the collectors and registers them.
func NewMetrics() *Metrics {
	m := &Metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "counterpoint_graphql_requests_total",
			Help: "GraphQL requests served, by operation name (anonymous, other when the name is malformed or too many names were seen).",
		}, []string{"operation"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "counterpoint_graphql_request_duration_seconds",
			Help:    "Time to serve a GraphQL request, by operation name.",
			Buckets: []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 15, 30},
		}, []string{"operation"}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "counterpoint_graphql_errors_total",
			Help: "GraphQL errors returned, by extensions.code.",
		}, []string{"code"}),
		queryDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "counterpoint_neo4j_query_duration_seconds",
			Help:    "Time of one Cypher round trip, by the store's name for the query.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"query"}),
		operations: newLabelSet(maxOperationLabels),
		queries:    newLabelSet(maxQueryLabels),
	}
	m.registry.MustRegister(m.requests, m.duration, m.errors, m.queryDuration,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// ObserveQuery records one Neo4j round trip of duration d. query names the
// query, not its Cypher: a short fixed identifier such as "actorsByID",
// from a small closed set in the store (at most 200 distinct names are
// kept; names that are malformed or beyond that count as "other"). It is
// safe for concurrent use, and a nil *Metrics ignores the call, so the store
// can hold the func unconditionally.
func (m *Metrics) ObserveQuery(query string, d time.Duration) {
	if m == nil {
		return
	}
	m.queryDuration.WithLabelValues(m.queries.label(query, "unnamed")).Observe(d.Seconds())
}

// Registry is the registry /metrics serves, for adding collectors.
func (m *Metrics) Registry() *prometheus.Registry { return m.registry }

// Handler serves the registry in the Prometheus exposition format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{Registry: m.registry})
}

func (m *Metrics) observeRequest(operation string, d time.Duration) {
	op := m.operations.label(operation, "anonymous")
	m.requests.WithLabelValues(op).Inc()
	m.duration.WithLabelValues(op).Observe(d.Seconds())
}

func (m *Metrics) countError(code string) {
	m.errors.WithLabelValues(code).Inc()
}

const (
	maxOperationLabels = 500
	maxQueryLabels     = 200
)

// labelName is what an operation or query name must look like to become a
// label value: a GraphQL name of at most 64 characters.
var labelName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]{0,63}$`)

// labelSet caps the cardinality of a label whose values come from clients:
// well-formed names are kept until max distinct ones were seen; every other
// name is "other".
type labelSet struct {
	mu   sync.Mutex
	seen map[string]struct{}
	max  int
}

func newLabelSet(max int) *labelSet { return &labelSet{seen: map[string]struct{}{}, max: max} }

func (s *labelSet) label(name, empty string) string {
	if name == "" {
		return empty
	}
	if !labelName.MatchString(name) {
		return "other"
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.seen[name]; ok {
		return name
	}
	if len(s.seen) >= s.max {
		return "other"
	}
	s.seen[name] = struct{}{}
	return name
}
