package server

import (
	"strconv"
	"testing"
	"time"
)

// clock is a time the test moves by hand.
type clock struct{ t time.Time }

func (c *clock) now() time.Time          { return c.t }
func (c *clock) advance(d time.Duration) { c.t = c.t.Add(d) }

// TestRateLimiterRefillsAndSaysWhen: with a clock the test controls, a
// bucket of 4 at 2 a second refuses the fifth request, says it may come in
// 500 ms, and takes it then.
func TestRateLimiterRefillsAndSaysWhen(t *testing.T) {
	c := &clock{t: time.Unix(1_700_000_000, 0)}
	l := newRateLimiter(2, 4, c.now)
	for i := range 4 {
		if ok, _ := l.allow("a"); !ok {
			t.Fatalf("request %d of the burst refused", i+1)
		}
	}
	ok, wait := l.allow("a")
	if ok || wait != 500*time.Millisecond {
		t.Fatalf("fifth request: ok %v, wait %s; want refused, 500ms", ok, wait)
	}
	c.advance(250 * time.Millisecond)
	if ok, wait := l.allow("a"); ok || wait != 250*time.Millisecond {
		t.Fatalf("after 250ms: ok %v, wait %s; want refused, 250ms", ok, wait)
	}
	c.advance(250 * time.Millisecond)
	if ok, _ := l.allow("a"); !ok {
		t.Fatal("after 500ms: refused")
	}
	if ok, _ := l.allow("b"); !ok {
		t.Fatal("another key refused")
	}
}

// TestRateLimiterEvictsIdleBuckets: buckets that have filled up again are
// dropped at the next sweep, so the map does not grow with every address
// ever seen.
func TestRateLimiterEvictsIdleBuckets(t *testing.T) {
	c := &clock{t: time.Unix(1_700_000_000, 0)}
	l := newRateLimiter(10, 20, c.now) // a bucket fills up in 2 s
	for i := range 100 {
		l.allow("addr:" + strconv.Itoa(i))
	}
	if n := l.size(); n != 100 {
		t.Fatalf("%d buckets, want 100", n)
	}
	c.advance(rateSweepEvery)
	l.allow("addr:new")
	if n := l.size(); n != 1 {
		t.Fatalf("after a sweep: %d buckets, want 1", n)
	}
}

// TestRateLimiterBounded: when maxRateKeys clients are all active, a new
// one shares the overflow bucket instead of growing the map.
func TestRateLimiterBounded(t *testing.T) {
	c := &clock{t: time.Unix(1_700_000_000, 0)}
	l := newRateLimiter(0.001, 1, c.now)
	for i := range maxRateKeys {
		l.buckets["addr:"+strconv.Itoa(i)] = &bucket{lim: l.overflow, seen: c.t}
	}
	l.overflow = newRateLimiter(0.001, 1, c.now).overflow
	if ok, _ := l.allow("addr:new-1"); !ok {
		t.Fatal("the first overflow client refused")
	}
	if ok, _ := l.allow("addr:new-2"); ok {
		t.Fatal("the second overflow client got a bucket of its own")
	}
	if n := l.size(); n != maxRateKeys {
		t.Fatalf("%d buckets, want %d", n, maxRateKeys)
	}
}
