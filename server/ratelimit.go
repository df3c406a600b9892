package server

import (
	"fmt"
	"math"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"golang.org/x/time/rate"
)

// Rate limits on /graphql: a token bucket of RATE_LIMIT requests a second
// and RATE_BURST at once per client, where a client is the API token a
// request carries (one of API_TOKENS) or else its address. A request over
// the limit gets 429 Too Many Requests with Retry-After (whole seconds) and
// a GraphQL error whose code is RATE_LIMITED, before any parsing.
//
// The address is the connection's remote address, or, when that is one of
// TRUSTED_PROXIES, the rightmost address in X-Forwarded-For that is not a
// trusted proxy. IPv6 addresses count by their /64, which one host
// usually holds whole. A token counts apart from addresses: an editor's
// script with a token is not limited by the newsroom's shared address, and
// only a configured token gets a bucket of its own (a made-up token counts
// as its address), so inventing tokens buys nothing.

const (
	// maxRateKeys bounds the clients tracked at once (about 150 bytes
	// each). When full, idle buckets are swept; if none is idle, new
	// clients share one overflow bucket until some are.
	maxRateKeys = 100_000
	// rateSweepEvery is how often idle buckets are dropped.
	rateSweepEvery = time.Minute
)

// rateLimiter holds one token bucket per client key.
type rateLimiter struct {
	limit rate.Limit
	burst int
	now   func() time.Time
	// idle is how long a bucket takes to fill up again: after that it is
	// the same as a new one and may be dropped.
	idle time.Duration

	mu        sync.Mutex
	buckets   map[string]*bucket
	overflow  *rate.Limiter
	lastSweep time.Time
}

type bucket struct {
	lim  *rate.Limiter
	seen time.Time
}

func newRateLimiter(perSecond float64, burst int, now func() time.Time) *rateLimiter {
	if now == nil {
		now = time.Now
	}
	idle := 24 * time.Hour
	if secs := float64(burst) / perSecond; secs < idle.Seconds() {
		idle = time.Duration(secs * float64(time.Second))
	}
	l := &rateLimiter{
		limit:     rate.Limit(perSecond),
		burst:     burst,
		now:       now,
		idle:      idle,
		buckets:   map[string]*bucket{},
		lastSweep: now(),
	}
	l.overflow = rate.NewLimiter(l.limit, l.burst)
	return l
}

// allow takes one request from key's bucket. When the bucket is empty it
// returns false and how long until a request would be allowed.
func (l *rateLimiter) allow(key string) (bool, time.Duration) {
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Sub(l.lastSweep) >= rateSweepEvery {
		l.sweep(now)
	}
	b, ok := l.buckets[key]
	if !ok {
		if len(l.buckets) >= maxRateKeys {
			l.sweep(now)
		}
		if len(l.buckets) >= maxRateKeys {
			return l.take(l.overflow, now)
		}
		b = &bucket{lim: rate.NewLimiter(l.limit, l.burst)}
		l.buckets[key] = b
	}
	b.seen = now
	return l.take(b.lim, now)
}

func (l *rateLimiter) take(lim *rate.Limiter, now time.Time) (bool, time.Duration) {
	if lim.AllowN(now, 1) {
		return true, 0
	}
	missing := 1 - lim.TokensAt(now)
	return false, time.Duration(missing / float64(l.limit) * float64(time.Second))
}

// sweep drops the buckets idle long enough to have filled up again.
func (l *rateLimiter) sweep(now time.Time) {
	for k, b := range l.buckets {
		if now.Sub(b.seen) >= l.idle {
			delete(l.buckets, k)
		}
	}
	l.lastSweep = now
}

// size is the number of buckets held (for tests).
func (l *rateLimiter) size() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.buckets)
}

// rateLimit refuses requests over the client's rate with 429. It is a
// no-op when RATE_LIMIT is 0.
func (s *Server) rateLimit(next http.Handler) http.Handler {
	if s.limiter == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ok, wait := s.limiter.allow(s.clientKey(r))
		if ok {
			next.ServeHTTP(w, r)
			return
		}
		secs := max(1, int(math.Ceil(wait.Seconds())))
		w.Header().Set("Retry-After", strconv.Itoa(secs))
		media, acceptable := negotiate(r.Header.Values("Accept"))
		if !acceptable {
			media = mediaJSON
		}
		msg := fmt.Sprintf("too many requests from this client; try again in %d s (the limit is %s requests a second, %d at once)",
			secs, strconv.FormatFloat(float64(s.limiter.limit), 'f', -1, 64), s.limiter.burst)
		resp := &graphql.Response{Errors: gqlerror.List{withCode(&gqlerror.Error{Message: msg}, CodeRateLimited)}}
		s.write(w, r, media, httpStatus(CodeRateLimited), resp)
	})
}

// clientKey is the key of the request's bucket: "token:<name>" for a
// request with one of the API tokens, else "addr:<ip>" (an IPv6 address by
// its /64).
func (s *Server) clientKey(r *http.Request) string {
	if name, ok := s.tokens.lookup(r.Header.Get("Authorization")); ok {
		return "token:" + name
	}
	return "addr:" + addrKey(s.clientAddr(r))
}

// clientAddr is the client's address: the remote address, or behind a
// trusted proxy the rightmost untrusted address of X-Forwarded-For.
func (s *Server) clientAddr(r *http.Request) netip.Addr {
	addr := remoteAddr(r.RemoteAddr)
	if !addr.IsValid() || !s.trusted(addr) {
		return addr
	}
	var hops []string
	for _, v := range r.Header.Values("X-Forwarded-For") {
		hops = append(hops, strings.Split(v, ",")...)
	}
	for i := len(hops) - 1; i >= 0; i-- {
		hop, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			break // a malformed entry: trust nothing to its left
		}
		hop = hop.Unmap()
		addr = hop
		if !s.trusted(hop) {
			break
		}
	}
	return addr
}

func (s *Server) trusted(a netip.Addr) bool {
	for _, p := range s.trustedProxies {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// remoteAddr parses http.Request.RemoteAddr ("ip:port").
func remoteAddr(hostport string) netip.Addr {
	host, _, err := net.SplitHostPort(hostport)
	if err != nil {
		host = hostport
	}
	a, err := netip.ParseAddr(host)
	if err != nil {
		return netip.Addr{}
	}
	return a.Unmap().WithZone("")
}

// addrKey writes an address as a bucket key: IPv4 whole, IPv6 by its /64.
func addrKey(a netip.Addr) string {
	if !a.IsValid() {
		return "unknown"
	}
	if a.Is6() {
		p, _ := a.Prefix(64)
		return p.String()
	}
	return a.String()
}

// parseTrustedProxies parses TRUSTED_PROXIES: addresses or CIDR prefixes.
func parseTrustedProxies(entries []string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, e := range entries {
		if strings.Contains(e, "/") {
			p, err := netip.ParsePrefix(e)
			if err != nil {
				return nil, fmt.Errorf("TRUSTED_PROXIES: %q is not an address or a CIDR prefix such as 10.0.0.0/8", e)
			}
			out = append(out, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(e)
		if err != nil {
			return nil, fmt.Errorf("TRUSTED_PROXIES: %q is not an address or a CIDR prefix such as 10.0.0.0/8", e)
		}
		a = a.Unmap()
		out = append(out, netip.PrefixFrom(a, a.BitLen()))
	}
	return out, nil
}
