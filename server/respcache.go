package server

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"sync"

	lru "github.com/hashicorp/golang-lru/v2"
	"github.com/prometheus/client_golang/prometheus"
)

// responseCache keeps the encoded answers of queries, so that a repeated
// question is answered without asking Neo4j. An answer is keyed by the
// document, the operation name, the variables, the caller's scope (the
// name of its API token, "" without one: the editor query answers it) and
// the graph version read before the query ran. Every committed write and
// load advances the version (store/version.go), so after one no request
// reads the version an older answer was kept under: no answer is older
// than the last committed write. Only answers without errors are kept.
//
// It is bounded by the bytes of the answers it holds (CACHE_MAX_BYTES), a
// least-recently-used entry making room for a new one; an answer larger
// than an eighth of that is never kept.
type responseCache struct {
	version func(context.Context) (int64, error)

	mu       sync.Mutex
	entries  *lru.Cache[cacheKey, []byte]
	bytes    int64
	maxBytes int64

	lookups *prometheus.CounterVec
}

// cacheKey is the digest of what an answer depends on.
type cacheKey = [sha256.Size]byte

// newResponseCache makes a cache of at most maxBytes of answers; version
// reads the graph's version.
func newResponseCache(maxBytes int64, version func(context.Context) (int64, error), reg prometheus.Registerer) *responseCache {
	c := &responseCache{version: version, maxBytes: maxBytes}
	// The entry count is bounded by the bytes; the LRU's own bound only
	// has to be out of reach (an answer is at least a few bytes).
	c.entries, _ = lru.NewWithEvict(int(max(maxBytes/16, 16)), func(_ cacheKey, v []byte) { c.bytes -= int64(len(v)) })
	c.lookups = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "counterpoint_response_cache_lookups_total",
		Help: "Response cache look-ups by result: hit, miss, or bypass (the graph version could not be read).",
	}, []string{"result"})
	if reg != nil {
		reg.MustRegister(c.lookups)
	}
	return c
}

// key is the cache key of one query, or ok false when the graph version
// cannot be read (the query then runs uncached).
func (c *responseCache) key(ctx context.Context, query, operation string, variables map[string]any, scope string) (k cacheKey, ok bool) {
	v, err := c.version(ctx)
	if err != nil {
		c.lookups.WithLabelValues("bypass").Inc()
		return k, false
	}
	vars, err := json.Marshal(variables) // map keys sorted: one text per value
	if err != nil {
		c.lookups.WithLabelValues("bypass").Inc()
		return k, false
	}
	h := sha256.New()
	var n [8]byte
	for _, part := range [][]byte{[]byte(query), []byte(operation), vars, []byte(scope)} {
		binary.BigEndian.PutUint64(n[:], uint64(len(part))) // length-prefixed: no two tuples run together alike
		h.Write(n[:])
		h.Write(part)
	}
	binary.BigEndian.PutUint64(n[:], uint64(v))
	h.Write(n[:])
	h.Sum(k[:0])
	return k, true
}

// get returns the answer kept under k.
func (c *responseCache) get(k cacheKey) ([]byte, bool) {
	c.mu.Lock()
	body, ok := c.entries.Get(k)
	c.mu.Unlock()
	if ok {
		c.lookups.WithLabelValues("hit").Inc()
	} else {
		c.lookups.WithLabelValues("miss").Inc()
	}
	return body, ok
}

// add keeps body under k, evicting the least recently used answers until
// the cache is within its bound.
func (c *responseCache) add(k cacheKey, body []byte) {
	if int64(len(body)) > c.maxBytes/8 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries.Contains(k) {
		return
	}
	c.entries.Add(k, body)
	c.bytes += int64(len(body))
	for c.bytes > c.maxBytes {
		if _, _, ok := c.entries.RemoveOldest(); !ok {
			break
		}
	}
}
