package main

import (
	"context"
	"fmt"
	"net/http"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/counterpoint-news/counterpoint/store"
)

// OutageCmd kills Neo4j under concurrent clients and restarts it.
type OutageCmd struct {
	Common
	Neo4jControl
	Clients  int           `default:"16" help:"Concurrent clients."`
	Duration time.Duration `default:"60s" help:"How long the clients run (at least until 5s after the first success that follows Neo4j's return)."`
	KillAt   time.Duration `default:"10s" help:"When Neo4j is killed, after the clients start."`
	Port     int           `default:"18092" help:"Port of the counterpoint serve the clients ask."`
}

// outageQueries are what the clients ask: top-level reads and nested ones
// that go through the per-request loaders.
var outageQueries = []string{
	`{ claim(id: "us-statement-could-deter-authoritarians") { id text rebuttedBy { id assertedBy { name } quotes { text } } } }`,
	`{ sources { id authors { name } reportedIn { id } } }`,
	`{ claims(first: 20) { totalCount nodes { id quotes { text } assertedBy { name } } } }`,
	`{ counters(against: "law-enforcement", includeMembers: true) { counter { id } by { name } against { name } } }`,
	`{ search(text: "encryption", first: 5) { score node { ... on Claim { id } ... on Actor { name } } } }`,
	`{ thread(claim: "disavow-option-in-paper", depth: 2) { claims { id } relations { kind } } }`,
}

// probeQuery is the query sent right after /readyz says 200.
const probeQuery = `{ actors(first: 1) { nodes { id } } }`

// Run runs the trial.
func (c *OutageCmd) Run(e *env) error {
	if _, err := c.load("--seed"); err != nil {
		return err
	}
	srv, err := c.startServe(c.Port, filepath.Join(c.Work, "outage-serve.log"), "RATE_LIMIT=0")
	if err != nil {
		return err
	}
	defer srv.stop()
	if err := srv.waitReady(time.Minute); err != nil {
		return err
	}
	// A driver of its own tells when Neo4j answers again, apart from the
	// service's.
	watcher, err := store.Connect(c.storeConfig())
	if err != nil {
		return err
	}
	defer watcher.Close(context.Background())

	ctx, cancel := context.WithCancel(e.ctx)
	defer cancel()
	client := &http.Client{Timeout: 30 * time.Second}
	var mu sync.Mutex
	var answers []answer
	var wg sync.WaitGroup
	begin := time.Now()
	for i := range c.Clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := i; ctx.Err() == nil; n++ {
				a := post(ctx, client, srv.url, outageQueries[n%len(outageQueries)], nil)
				if ctx.Err() != nil {
					return
				}
				mu.Lock()
				answers = append(answers, a)
				mu.Unlock()
			}
		}()
	}
	// /readyz every 100 ms; after each 200, one query at once, which must
	// succeed.
	type readyProbe struct {
		at     time.Time
		status int
		query  string
	}
	var probes []readyProbe
	wg.Add(1)
	go func() {
		defer wg.Done()
		for ctx.Err() == nil {
			p := readyProbe{at: time.Now()}
			p.status, _ = getStatus(srv.url + "/readyz")
			if p.status == http.StatusOK {
				p.query = post(ctx, client, srv.url, probeQuery, nil).code
			}
			if ctx.Err() != nil {
				return
			}
			mu.Lock()
			probes = append(probes, p)
			mu.Unlock()
			sleepCtx(ctx, 100*time.Millisecond)
		}
	}()

	if err := sleepCtx(e.ctx, c.KillAt); err != nil {
		return err
	}
	if err := c.Neo4jControl.kill(c.URI); err != nil {
		return err
	}
	killed := time.Now()
	e.say("Neo4j killed; restarting it")
	startErr := make(chan error, 1)
	go func() { startErr <- c.start(e.ctx) }()
	var back time.Time
	lastSaid := ""
	for back.IsZero() {
		pctx, pcancel := context.WithTimeout(e.ctx, time.Second)
		t0 := time.Now()
		err := watcher.Ping(pctx)
		pcancel()
		if err == nil {
			back = time.Now()
		} else if said := shortError(err); said != lastSaid {
			e.say("watcher: Neo4j says %q (after %s)", said, time.Since(t0).Round(time.Millisecond))
			lastSaid = said
		}
		if e.ctx.Err() != nil {
			return e.ctx.Err()
		}
		select {
		case err := <-startErr:
			if err != nil {
				return err
			}
			startErr <- nil
		default:
		}
		if back.IsZero() {
			time.Sleep(50 * time.Millisecond)
		}
		if time.Since(killed) > 3*time.Minute {
			return fmt.Errorf("Neo4j did not answer within 3 minutes of the kill")
		}
	}
	e.say("Neo4j answers again %.1fs after the kill", back.Sub(killed).Seconds())
	if err := <-startErr; err != nil {
		return err
	}
	// Run on until Duration, and at least 5s past the first success
	// after Neo4j's return.
	for {
		mu.Lock()
		var first time.Time
		for _, a := range answers {
			if a.code == codeOK && a.start.After(back) && (first.IsZero() || a.end.Before(first)) {
				first = a.end
			}
		}
		mu.Unlock()
		if time.Since(begin) >= c.Duration && !first.IsZero() && time.Since(first) > 5*time.Second {
			break
		}
		if time.Since(back) > 2*time.Minute {
			break
		}
		if err := sleepCtx(e.ctx, 200*time.Millisecond); err != nil {
			return err
		}
	}
	cancel()
	wg.Wait()

	codes := map[string]int{}
	var firstOK, lastFailure time.Time
	var firstOKTook time.Duration
	var longestFailure time.Duration
	failedAfterBack := 0
	for _, a := range answers {
		codes[a.code]++
		if a.code != codeOK {
			longestFailure = max(longestFailure, a.end.Sub(a.start))
			if a.start.After(back) {
				failedAfterBack++
			}
		}
		if a.code == codeOK && a.start.After(killed) && (firstOK.IsZero() || a.end.Before(firstOK)) {
			firstOK, firstOKTook = a.end, a.end.Sub(a.start)
		}
		if a.code != codeOK && a.end.After(lastFailure) {
			lastFailure = a.end
		}
	}
	var firstReady time.Time
	readyButFailed := 0
	for _, p := range probes {
		if p.status == http.StatusOK && p.at.After(killed) {
			if firstReady.IsZero() {
				firstReady = p.at
			}
			if p.query != codeOK {
				readyButFailed++
			}
		}
	}
	internal := codes["INTERNAL_SERVER_ERROR"] + codes["HTTP_500"]
	var parts []string
	for code, n := range codes {
		parts = append(parts, fmt.Sprintf("%s %d", code, n))
	}
	sort.Strings(parts)
	since := func(t time.Time) string {
		if t.IsZero() {
			return "never"
		}
		return fmt.Sprintf("%.1fs", t.Sub(back).Seconds())
	}
	recovered := !firstOK.IsZero()
	held := 0
	if internal == 0 && readyButFailed == 0 && recovered {
		held = 1
	}
	e.say("answers by code: %s", strings.Join(parts, ", "))
	return c.finish(e, Result{
		Trial: "outage", Trials: 1, Held: held, Failed: 1 - held,
		Measured: fmt.Sprintf("%d answers: %s; longest failed answer %.1fs; Neo4j answered again %.1fs after the kill; after that: first success %s (it took %.1fs), /readyz 200 %s, last failure %s, failures of requests sent after it %d; /readyz 200 followed by a failed query: %d",
			len(answers), strings.Join(parts, ", "), longestFailure.Seconds(), back.Sub(killed).Seconds(), since(firstOK), firstOKTook.Seconds(), since(firstReady), since(lastFailure), failedAfterBack, readyButFailed),
		Conditions: fmt.Sprintf("%d clients without pause, %s, Neo4j killed at %s and restarted at once", c.Clients, time.Since(begin).Round(time.Second), c.KillAt),
	})
}

// shortError is the gist of a driver error, for the trial's log.
func shortError(err error) string {
	s := err.Error()
	if i := strings.LastIndex(s, "try again: "); i >= 0 {
		s = s[i+len("try again: "):]
	}
	if len(s) > 160 {
		s = s[:160]
	}
	return s
}
