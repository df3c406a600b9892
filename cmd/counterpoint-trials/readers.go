package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/counterpoint-news/counterpoint/store"
)

// ReadersCmd loads a generated dataset, reloads a changed version of it and
// loads the first again, while readers poll the dataset's claim count
// through the API, and reports what they saw around each load's commit.
type ReadersCmd struct {
	Common
	Elements int           `default:"100000" help:"Size of the generated dataset (nodes plus relationships)."`
	Readers  int           `default:"4" help:"Concurrent readers."`
	Port     int           `default:"18091" help:"Port of the counterpoint serve the readers ask."`
	Pause    time.Duration `default:"0s" help:"Pause between one reader's requests (0: none; a short run leaves the load some CPU)."`
}

// countQuery is the readers' question: how many claims the dataset has.
const countQuery = `query($d: String) { claims(filter: {dataset: $d}, first: 1) { totalCount } }`

type observation struct {
	start, end time.Time
	count      int // -1: an error
}

// direct is one read of the dataset's three counts in one Cypher query.
type direct struct {
	start, end time.Time
	counts     store.DatasetCounts
	err        error
}

// Run runs the three loads.
func (c *ReadersCmd) Run(e *env) error {
	db, err := c.open(e.ctx)
	if err != nil {
		return err
	}
	defer db.Close(context.Background())
	if err := db.DeleteAll(e.ctx); err != nil {
		return err
	}
	dir := filepath.Join(c.Work, fmt.Sprintf("readers-%d", c.Elements))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	v, err := makeVersions(dir, c.Elements, 1)
	if err != nil {
		return err
	}
	srv, err := c.startServe(c.Port, filepath.Join(c.Work, "readers-serve.log"), "RATE_LIMIT=0")
	if err != nil {
		return err
	}
	defer srv.stop()
	if err := srv.waitReady(time.Minute); err != nil {
		return err
	}
	phases := []struct {
		name     string
		file     string
		old, new int
	}{
		{"first load", v.files[0], 0, v.claims[0]},
		{"reload with a third of the claims removed", v.files[1], v.claims[0], v.claims[1]},
		{"reload restoring them", v.files[0], v.claims[1], v.claims[0]},
	}
	held, trials := 0, 0
	var lines []string
	for _, p := range phases {
		trials++
		before, err := db.DatasetCounts(e.ctx, v.id)
		if err != nil {
			return err
		}
		obs, directs, l, err := c.observe(e, db, srv.url, v.id, p.file)
		if err != nil {
			return err
		}
		after, err := db.DatasetCounts(e.ctx, v.id)
		if err != nil {
			return err
		}
		exit := l.exited
		var nOld, nNew, nPartial, nErr, late int
		var firstNew, firstPartial, lastPartial time.Time
		var partialValues []int
		for _, o := range obs {
			switch {
			case o.count < 0:
				nErr++
			case o.count == p.old:
				nOld++
			case o.count == p.new:
				nNew++
				if firstNew.IsZero() || o.start.Before(firstNew) {
					firstNew = o.start
				}
			default:
				nPartial++
				partialValues = append(partialValues, o.count)
				if firstPartial.IsZero() || o.start.Before(firstPartial) {
					firstPartial = o.start
				}
				if o.end.After(lastPartial) {
					lastPartial = o.end
				}
			}
			// A read that began after the loader said it was done must
			// see the whole new dataset.
			if o.start.After(exit) && o.count != p.new {
				late++
			}
		}
		var dMixed, dErr int
		var firstMixed, lastMixed time.Time
		var mixed []string
		for _, d := range directs {
			switch {
			case d.err != nil:
				dErr++
			case d.counts == before || d.counts == after:
			default:
				dMixed++
				if len(mixed) < 3 {
					mixed = append(mixed, fmt.Sprintf("%d/%d/%d", d.counts.Claims, d.counts.Quotes, d.counts.Evidence))
				}
				if firstMixed.IsZero() || d.start.Before(firstMixed) {
					firstMixed = d.start
				}
				if d.end.After(lastMixed) {
					lastMixed = d.end
				}
			}
			if d.start.After(exit) && d.counts != after {
				late++
			}
		}
		ok := late == 0 && nErr == 0 && dErr == 0
		if ok {
			held++
		}
		rel := func(t time.Time) string {
			if t.IsZero() {
				return "-"
			}
			return fmt.Sprintf("%+.2fs", t.Sub(exit).Seconds())
		}
		partial := "no partial count"
		if nPartial > 0 {
			sort.Ints(partialValues)
			partial = fmt.Sprintf("%d partial counts (%d..%d) from %s to %s", nPartial, partialValues[0], partialValues[len(partialValues)-1], rel(firstPartial), rel(lastPartial))
		}
		mixedText := "none mixed"
		if dMixed > 0 {
			mixedText = fmt.Sprintf("%d mixed (e.g. %s claims/quotes/evidence) from %s to %s", dMixed, strings.Join(mixed, ", "), rel(firstMixed), rel(lastMixed))
		}
		line := fmt.Sprintf("%s (%d -> %d claims, load %.1fs): API %d reads, old %d, new %d, %s, errors %d, first new %s; one-query counts %d reads, %s, errors %d; reads begun after the loader returned that were not new: %d",
			p.name, p.old, p.new, exit.Sub(l.start).Seconds(), len(obs), nOld, nNew, partial, nErr, rel(firstNew), len(directs), mixedText, dErr, late)
		e.say("%s", line)
		lines = append(lines, line)
	}
	return c.finish(e, Result{
		Trial: "readers", Trials: trials, Held: held, Failed: trials - held,
		Measured:   strings.Join(lines, "; "),
		Conditions: fmt.Sprintf("%d-element dataset, %d readers polling claims(filter: {dataset}).totalCount through the API; times relative to the loader's exit", c.Elements, c.Readers),
	})
}

// observe runs one load while the readers poll, from a second before it to
// two seconds after the loader exits.
func (c *ReadersCmd) observe(e *env, db *store.DB, url, dataset, file string) ([]observation, []direct, *loadRun, error) {
	ctx, cancel := context.WithCancel(e.ctx)
	defer cancel()
	client := &http.Client{Timeout: 30 * time.Second}
	var mu sync.Mutex
	var obs []observation
	var wg sync.WaitGroup
	for range c.Readers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				a := post(ctx, client, url, countQuery, map[string]any{"d": dataset})
				o := observation{start: a.start, end: a.end, count: -1}
				if a.code == codeOK {
					var d struct {
						Claims struct {
							TotalCount int `json:"totalCount"`
						} `json:"claims"`
					}
					if json.Unmarshal(a.data, &d) == nil {
						o.count = d.Claims.TotalCount
					}
				}
				if ctx.Err() != nil {
					return
				}
				mu.Lock()
				obs = append(obs, o)
				mu.Unlock()
				sleepCtx(ctx, c.Pause)
			}
		}()
	}
	// One more reader asks Neo4j directly for three counts in one query.
	var directs []direct
	wg.Add(1)
	go func() {
		defer wg.Done()
		for ctx.Err() == nil {
			d := direct{start: time.Now()}
			d.counts, d.err = db.DatasetCounts(ctx, dataset)
			d.end = time.Now()
			if ctx.Err() != nil {
				return
			}
			mu.Lock()
			directs = append(directs, d)
			mu.Unlock()
			sleepCtx(ctx, c.Pause)
		}
	}()
	if err := sleepCtx(e.ctx, time.Second); err != nil {
		return nil, nil, nil, err
	}
	l, err := c.startLoad(file)
	if err != nil {
		return nil, nil, nil, err
	}
	<-l.done
	if l.err != nil {
		return nil, nil, nil, fmt.Errorf("counterpoint load %s: %v: %s", file, l.err, l.out.String())
	}
	if err := sleepCtx(e.ctx, 2*time.Second); err != nil {
		return nil, nil, nil, err
	}
	cancel()
	wg.Wait()
	return obs, directs, l, nil
}
