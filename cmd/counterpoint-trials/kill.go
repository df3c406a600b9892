package main

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/counterpoint-news/counterpoint/store"
)

// KillSetup is what both kill trials take.
type KillSetup struct {
	Common
	Trials   int   `default:"20" help:"Number of kills."`
	Elements int   `default:"30000" help:"Size of the generated dataset that is loaded and reloaded (nodes plus relationships)."`
	Seed     int64 `default:"0" help:"Seed of the kill moments (0: from the clock; printed, so that a run can be repeated)."`
}

// killBench is the state of a kill trial: two versions, the digest of the
// graph with each, and which one the graph holds.
type killBench struct {
	db      *store.DB
	v       versions
	digests [2]string
	current int           // index of the version the graph holds
	loadFor time.Duration // how long a whole load of a version took
	rng     *rand.Rand
	seed    int64
}

// prepare empties the graph and loads v1, v2 and v1 again, to learn each
// version's digest and how long a load takes, and to check that a reload
// gives exactly the same graph.
func (k KillSetup) prepare(e *env) (*killBench, error) {
	if k.Seed == 0 {
		k.Seed = time.Now().UnixNano() % 1_000_000
	}
	e.say("kill moments from seed %d", k.Seed)
	db, err := k.open(e.ctx)
	if err != nil {
		return nil, err
	}
	if err := db.DeleteAll(e.ctx); err != nil {
		db.Close(context.Background())
		return nil, err
	}
	dir := filepath.Join(k.Work, fmt.Sprintf("kill-%d", k.Elements))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	v, err := makeVersions(dir, k.Elements, 1)
	if err != nil {
		return nil, err
	}
	b := &killBench{db: db, v: v, rng: rand.New(rand.NewSource(k.Seed)), seed: k.Seed}
	for i, which := range []int{0, 1, 0} {
		took, err := k.load(v.files[which])
		if err != nil {
			return nil, err
		}
		d, err := quietDigest(e.ctx, db)
		if err != nil {
			return nil, err
		}
		switch {
		case i < 2:
			b.digests[which] = d
		case d != b.digests[0]:
			return nil, fmt.Errorf("reloading version 1 over version 2 gave digest %s, not the %s of its first load", d, b.digests[0])
		}
		// The reloads (the trials' loads) are the measure; the first
		// load into an empty graph runs cold.
		if i > 0 && (b.loadFor == 0 || took < b.loadFor) {
			b.loadFor = took
		}
		e.say("loaded version %d (%d claims) in %s; digest %.12s", which+1, v.claims[which], took.Round(time.Millisecond), d)
	}
	b.current = 0
	return b, nil
}

// outcome checks the graph after a trial: the old version, the new one,
// or neither (a failure). It moves current to the version found.
func (b *killBench) outcome(ctx context.Context, target int) (string, error) {
	d, err := quietDigest(ctx, b.db)
	if err != nil {
		return "", err
	}
	switch d {
	case b.digests[b.current]:
		return "old", nil
	case b.digests[target]:
		b.current = target
		return "new", nil
	default:
		return "NEITHER", nil
	}
}

// KillLoaderCmd kills the loader at random moments of its load.
type KillLoaderCmd struct {
	KillSetup
}

// Run runs the trials.
func (c *KillLoaderCmd) Run(e *env) error {
	b, err := c.prepare(e)
	if err != nil {
		return err
	}
	defer b.db.Close(context.Background())
	counts := map[string]int{}
	finishedFirst := 0
	for i := 1; i <= c.Trials; i++ {
		target := 1 - b.current
		// Anywhere from the process's start to a little past a whole
		// load: start-up, reading, the write's batches, the commit, exit.
		at := time.Duration(b.rng.Float64() * 1.05 * float64(b.loadFor))
		l, err := c.startLoad(b.v.files[target])
		if err != nil {
			return err
		}
		if err := sleepCtx(e.ctx, at); err != nil {
			l.kill()
			return err
		}
		killed := l.kill()
		if !killed {
			finishedFirst++
		}
		got, err := b.outcome(e.ctx, target)
		if err != nil {
			return err
		}
		if !killed && l.err == nil && got != "new" {
			got = "NEITHER (done, but not there)"
		}
		counts[got]++
		e.say("trial %d: load of version %d killed at %s (running: %v): graph is the %s one", i, target+1, at.Round(time.Millisecond), killed, got)
	}
	held := counts["old"] + counts["new"]
	return c.finish(e, Result{
		Trial: "kill-loader", Trials: c.Trials, Held: held, Failed: c.Trials - held,
		Measured: fmt.Sprintf("old graph %d, new graph %d (%d loads had finished before the kill), neither %d; a load took %s",
			counts["old"], counts["new"], finishedFirst, c.Trials-held, b.loadFor.Round(100*time.Millisecond)),
		Conditions: fmt.Sprintf("%d-element dataset (%d/%d claims), kill -9 at a uniform moment in [0, 1.05 x load time (%s)], seed %d", c.Elements, b.v.claims[0], b.v.claims[1], b.loadFor.Round(100*time.Millisecond), b.seed),
	})
}

// KillNeo4jCmd kills Neo4j during loads.
type KillNeo4jCmd struct {
	KillSetup
	Neo4jControl
	Calibrate bool `default:"true" negatable:"" help:"First kill and restart Neo4j with no load running, and time a whole load on the fresh server: the loads the trials kill run on one, which plans and caches anew and is several times slower than a warm one."`
}

// Run runs the trials.
func (c *KillNeo4jCmd) Run(e *env) error {
	if c.Trials == 20 {
		c.Trials = 5
	}
	b, err := c.prepare(e)
	if err != nil {
		return err
	}
	defer b.db.Close(context.Background())
	counts := map[string]int{}
	var restarts []time.Duration
	unclear := 0
	var phases []string
	restart := func() error {
		start := time.Now()
		if err := c.start(e.ctx); err != nil {
			return err
		}
		if err := waitPing(e.ctx, b.db, 2*time.Minute); err != nil {
			return err
		}
		restarts = append(restarts, time.Since(start))
		return nil
	}
	if c.Calibrate {
		if err := c.Neo4jControl.kill(c.URI); err != nil {
			return err
		}
		if err := restart(); err != nil {
			return err
		}
		if got, err := b.outcome(e.ctx, b.current); err != nil || got != "old" {
			return fmt.Errorf("Neo4j killed with no load running: the graph is %q (%v), want the old one", got, err)
		}
		target := 1 - b.current
		took, err := c.load(b.v.files[target])
		if err != nil {
			return err
		}
		if got, err := b.outcome(e.ctx, target); err != nil || got != "new" {
			return fmt.Errorf("a whole load after a restart: the graph is %q (%v), want the new one", got, err)
		}
		b.loadFor = took
		e.say("a load on a freshly restarted Neo4j took %s; the kills fall within it", took.Round(time.Millisecond))
	}
	for i := 1; i <= c.Trials; i++ {
		target := 1 - b.current
		// Within the write itself: past start-up and reading, before the end.
		at := time.Duration((0.2 + 0.75*b.rng.Float64()) * float64(b.loadFor))
		l, err := c.startLoad(b.v.files[target])
		if err != nil {
			return err
		}
		if err := sleepCtx(e.ctx, at); err != nil {
			l.kill()
			return err
		}
		if err := c.Neo4jControl.kill(c.URI); err != nil {
			l.kill()
			return err
		}
		<-l.done
		said := l.lastLine()
		if err := restart(); err != nil {
			return err
		}
		got, err := b.outcome(e.ctx, target)
		if err != nil {
			return err
		}
		switch {
		case l.err == nil && got != "new":
			got = "NEITHER (said loaded, but not there)"
		case l.err != nil && !isUnavailable(said):
			// The graph may be fine, but the operator was not told why.
			unclear++
			got += " (unclear error)"
		}
		counts[got]++
		phases = append(phases, loaderPhase(said, l.err))
		e.say("trial %d: Neo4j killed %s into a load of version %d; the loader said %q; graph is the %s one",
			i, at.Round(time.Millisecond), target+1, strings.TrimSpace(said), got)
	}
	held := counts["old"] + counts["new"]
	var total time.Duration
	for _, r := range restarts {
		total += r
	}
	return c.finish(e, Result{
		Trial: "kill-neo4j", Trials: c.Trials, Held: held, Failed: c.Trials - held,
		Measured: fmt.Sprintf("old graph %d, new graph %d, neither %d; loader errors without \"unavailable\": %d; the loader's errors: %s; Neo4j restart and recovery %s on average",
			counts["old"], counts["new"], c.Trials-held-unclear, unclear, strings.Join(phases, ", "), (total / time.Duration(max(1, len(restarts)))).Round(100*time.Millisecond)),
		Conditions: fmt.Sprintf("%d-element dataset, kill -9 of Neo4j at a uniform moment in [0.2, 0.95] x load time (%s), restart with scripts/neo4j.sh start, seed %d",
			c.Elements, b.loadFor.Round(100*time.Millisecond), b.seed),
	})
}

// loaderPhase is where a load stood when it failed, from its error ("check
// ids: ...", "write Quote: ..."), or "done" when it succeeded.
func loaderPhase(said string, err error) string {
	if err == nil {
		return "done"
	}
	for _, p := range []string{"check ids", "check for an earlier version", "remove stale", "write "} {
		if i := strings.Index(said, p); i >= 0 {
			rest := said[i:]
			if j := strings.Index(rest, ":"); j >= 0 {
				rest = rest[:j]
			}
			return rest
		}
	}
	return "commit or connect"
}
