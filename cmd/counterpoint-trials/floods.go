package main

import (
	"context"
	"fmt"
	"net/http"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// AliasFloodCmd sends requests of 1,000 aliases of the costly fields.
type AliasFloodCmd struct {
	Common
	Attackers int           `default:"4" help:"Clients that send the floods without pause while the normal client measures."`
	Duration  time.Duration `default:"20s" help:"How long the normal client measures, with and without the attack each."`
	Port      int           `default:"18093" help:"Port of the counterpoint serve."`
}

// aliases repeats field n times under aliases a0, a1, ...
func aliases(n int, field string) string {
	var b strings.Builder
	b.WriteString("{ ")
	for i := range n {
		fmt.Fprintf(&b, "a%d: %s ", i, field)
	}
	b.WriteString("}")
	return b.String()
}

// floods are the costly fields, each 1,000 times, and introspection.
var floods = []struct{ name, query string }{
	{"search(first: 1)", aliases(1000, `search(text: "encryption", first: 1) { score }`)},
	{"subgraph(hops: 4, limit: 1)", aliases(1000, `subgraph(ids: ["robert-litt"], hops: 4, limit: 1) { truncated }`)},
	{"thread(depth: 10)", aliases(1000, `thread(claim: "disavow-option-in-paper", depth: 10) { claims { id } }`)},
	{"chains(maxHops: 8)", aliases(1000, `chains(from: "robert-litt", to: "james-comey", maxHops: 8) { hops }`)},
	{"10 x subgraph(hops: 4, limit: 5000)", aliases(10, `subgraph(hops: 4, limit: 5000) { truncated }`)},
	{"__schema", aliases(1000, `__schema { types { name fields { name } } }`)},
}

// normalQuery is the query whose latency the attack must not starve.
const normalQuery = `{ claim(id: "us-statement-could-deter-authoritarians") { id text rebuttedBy { id assertedBy { name } } } }`

// Run runs the trial.
func (c *AliasFloodCmd) Run(e *env) error {
	if _, err := c.load("--seed"); err != nil {
		return err
	}
	srv, err := c.startServe(c.Port, filepath.Join(c.Work, "alias-flood-serve.log"), "RATE_LIMIT=0")
	if err != nil {
		return err
	}
	defer srv.stop()
	if err := srv.waitReady(time.Minute); err != nil {
		return err
	}
	client := &http.Client{Timeout: 60 * time.Second}
	trials, held := 0, 0
	var refused []string
	for _, f := range floods {
		trials++
		a := post(e.ctx, client, srv.url, f.query, nil)
		e.say("%s: HTTP %d, %s, in %s", f.name, a.status, a.code, a.end.Sub(a.start).Round(time.Millisecond))
		if a.code == "QUERY_TOO_COMPLEX" {
			held++
		}
		refused = append(refused, fmt.Sprintf("%s %s in %dms", f.name, a.code, a.end.Sub(a.start).Milliseconds()))
	}
	quiet, err := c.p50(e.ctx, client, srv.url, 0)
	if err != nil {
		return err
	}
	attacked, err := c.p50(e.ctx, client, srv.url, c.Attackers)
	if err != nil {
		return err
	}
	return c.finish(e, Result{
		Trial: "alias-flood", Trials: trials, Held: held, Failed: trials - held,
		Measured: fmt.Sprintf("%s; a normal query's p50 %s alone, %s under %d attackers",
			strings.Join(refused, "; "), quiet.Round(100*time.Microsecond), attacked.Round(100*time.Microsecond), c.Attackers),
		Conditions: fmt.Sprintf("the article's graph, RATE_LIMIT=0 (complexity alone), %s of a sequential normal client each way", c.Duration),
	})
}

// p50 measures the normal query's median latency for Duration while
// attackers send the floods.
func (c *AliasFloodCmd) p50(ctx context.Context, client *http.Client, url string, attackers int) (time.Duration, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	for i := range attackers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := i; ctx.Err() == nil; n++ {
				post(ctx, client, url, floods[n%len(floods)].query, nil)
			}
		}()
	}
	var took []time.Duration
	failed := 0
	for end := time.Now().Add(c.Duration); time.Now().Before(end); {
		a := post(ctx, client, url, normalQuery, nil)
		if a.code != codeOK {
			failed++
			continue
		}
		took = append(took, a.end.Sub(a.start))
	}
	cancel()
	wg.Wait()
	if len(took) == 0 {
		return 0, fmt.Errorf("no normal query succeeded (%d failed)", failed)
	}
	slices.Sort(took)
	return took[len(took)/2], nil
}

// RateFloodCmd sends one client's requests past the default rate limit.
type RateFloodCmd struct {
	Common
	Requests int `default:"2000" help:"Requests to send."`
	Conns    int `default:"8" help:"Concurrent connections they are sent over."`
	Port     int `default:"18094" help:"Port of the counterpoint serve (run with the default RATE_LIMIT and RATE_BURST)."`
}

// Run runs the trial.
func (c *RateFloodCmd) Run(e *env) error {
	if _, err := c.load("--seed"); err != nil {
		return err
	}
	srv, err := c.startServe(c.Port, filepath.Join(c.Work, "rate-flood-serve.log"))
	if err != nil {
		return err
	}
	defer srv.stop()
	if err := srv.waitReady(time.Minute); err != nil {
		return err
	}
	client := &http.Client{Timeout: 30 * time.Second}
	var mu sync.Mutex
	codes := map[string]int{}
	var badRefusals []string
	maxRetry := 0
	next := make(chan struct{})
	var wg sync.WaitGroup
	start := time.Now()
	for range c.Conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range next {
				a := post(e.ctx, client, srv.url, probeQuery, nil)
				mu.Lock()
				codes[fmt.Sprintf("%d %s", a.status, a.code)]++
				if a.status == http.StatusTooManyRequests {
					secs, err := strconv.Atoi(a.retryAfter)
					if err != nil || secs < 1 || a.code != "RATE_LIMITED" {
						badRefusals = append(badRefusals, fmt.Sprintf("Retry-After %q, code %s", a.retryAfter, a.code))
					}
					maxRetry = max(maxRetry, secs)
				}
				mu.Unlock()
			}
		}()
	}
	for range c.Requests {
		next <- struct{}{}
	}
	close(next)
	wg.Wait()
	took := time.Since(start)
	limited := codes["429 RATE_LIMITED"]
	// After waiting as told, the client is served again.
	if err := sleepCtx(e.ctx, time.Duration(max(maxRetry, 1))*time.Second); err != nil {
		return err
	}
	after := post(e.ctx, client, srv.url, probeQuery, nil)
	var parts []string
	for code, n := range codes {
		parts = append(parts, fmt.Sprintf("%s: %d", code, n))
	}
	slices.Sort(parts)
	failed := len(badRefusals)
	for code, n := range codes {
		if !strings.HasPrefix(code, "200 ") && !strings.HasPrefix(code, "429 ") {
			failed += n
		}
	}
	if limited == 0 {
		failed++ // the flood was never limited
	}
	if after.code != codeOK {
		failed++
	}
	held := c.Requests - failed
	e.say("answers: %s; after Retry-After: %s", strings.Join(parts, ", "), after.code)
	return c.finish(e, Result{
		Trial: "rate-flood", Trials: c.Requests, Held: held, Failed: failed,
		Measured: fmt.Sprintf("%d requests in %.1fs: %s; every 429 with Retry-After (at most %ds) and RATE_LIMITED: %v; served again after waiting: %v",
			c.Requests, took.Seconds(), strings.Join(parts, ", "), maxRetry, len(badRefusals) == 0, after.code == codeOK),
		Conditions: fmt.Sprintf("one client address, %d connections, default RATE_LIMIT 50/s and RATE_BURST 300", c.Conns),
	})
}
