// Package maps measures a graph of many debates: it writes N generated
// argument maps as AIF files, loads them through the AIF format as
// `counterpoint load --format aif` does (one dataset per map), and times
// the query mix scoped to one map through the real handler, so that the
// cost of a scoped question can be compared at 1, 100 and 1,000 maps.
package maps

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/counterpoint-news/counterpoint/format/aif"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/bench/gen"
	"github.com/counterpoint-news/counterpoint/bench/suite"
	"github.com/counterpoint-news/counterpoint/loader"
	"github.com/counterpoint-news/counterpoint/resolvers"
	"github.com/counterpoint-news/counterpoint/server"
	"github.com/counterpoint-news/counterpoint/store"
)

// Config says how many maps and how large.
type Config struct {
	Maps     int   // maps to write and load
	Elements int   // target elements of each generated map
	Seed     int64 // the first map's seed; map i has Seed+i
	Samples  int   // requests per scoped query
	Dir      string
}

// Result is one measurement.
type Result struct {
	Maps         int     `json:"maps"`
	Elements     int     `json:"elementsPerMap"`
	LoadSeconds  float64 `json:"loadSeconds"`  // all the maps, one dataset each
	LoadPerMapMs float64 `json:"loadPerMapMs"` // LoadSeconds per map
	OneMoreMs    float64 `json:"oneMoreMs"`    // one more map, loaded into the graph of Maps maps

	ScopedP50Ms   map[string]float64 `json:"scopedP50Ms"`
	MixP50Ms      float64            `json:"mixP50Ms"` // the median of the queries' p50s
	ScopedDataset string             `json:"scopedDataset"`
}

// mapID is the dataset id of map i, as the AIF format names a map by its file.
func mapID(i int) string { return fmt.Sprintf("map-%04d", i) }

// Write generates cfg.Maps maps into cfg.Dir as AIF files (OVA's form,
// with their transcripts) and returns their paths.
func Write(cfg Config) ([]string, error) {
	if err := os.MkdirAll(cfg.Dir, 0o755); err != nil {
		return nil, err
	}
	var files []string
	for i := range cfg.Maps {
		r := gen.Generate(gen.Config{Elements: cfg.Elements, Seed: cfg.Seed + int64(i), ID: mapID(i)})
		ds := r.Dataset
		for j := range ds.Sources { // EncodeAIF writes the texts the dataset holds
			if t, ok := r.Texts[ds.Sources[j].TextFile]; ok {
				ds.Sources[j].Text = t
			}
		}
		ownIDs(ds, mapID(i)+"-")
		var buf bytes.Buffer
		if err := aif.Encode(&buf, ds); err != nil {
			return nil, fmt.Errorf("map %d: %w", i, err)
		}
		file := filepath.Join(cfg.Dir, mapID(i)+".json")
		if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
			return nil, err
		}
		files = append(files, file)
	}
	return files, nil
}

// scopedQueries are the mix's questions asked of one dataset.
var scopedQueries = []struct{ name, query string }{
	{"counterSummary", `query Q($d: [ID!]) { counterSummary(datasets: $d) { by { id } against { id } count } }`},
	{"counters", `query Q($d: [ID!]) { counters(datasets: $d, first: 50) { counter { id text } target { id } by { id } against { id } } }`},
	{"claimsPage", `query Q($d: [ID!]) { claims(first: 20, filter: {datasets: $d}) { totalCount nodes { id text assertedBy { id } quotes { text } } } }`},
	{"search", `query Q($d: [ID!]) { search(text: "policy", first: 20, datasets: $d) { node { id } } }`},
	{"subgraph", `query Q($d: [ID!]) { subgraph(limit: 200, datasets: $d) { nodes { id } edges { type } } }`},
	{"camps", `query Q($d: [ID!]) { camps(datasets: $d) { frustration camps { actors { id } } } }`},
	{"timeline", `query Q($d: [ID!]) { timeline(datasets: $d) { entries { claim { id } when { date } } counters { counter { id } } } }`},
}

// Run empties the graph, loads the files (one dataset each), times the
// load of one more map (extra) into that graph, and times the scoped
// queries on the middle map; say reports progress.
func Run(ctx context.Context, db *store.DB, cfg Config, files []string, extra string, say func(string, ...any)) (Result, error) {
	res := Result{Maps: len(files), Elements: cfg.Elements, ScopedP50Ms: map[string]float64{}}
	// A first load plans the loader's queries; it is not what a map costs.
	warm, err := loader.ReadFiles(aif.Reader, files[0])
	if err != nil {
		return res, err
	}
	if _, err := loader.Load(ctx, db, warm, loader.Progress{}); err != nil {
		return res, err
	}
	if err := db.DeleteAll(ctx); err != nil {
		return res, err
	}
	inputs, err := loader.ReadFiles(aif.Reader, files...)
	if err != nil {
		return res, err
	}
	start := time.Now()
	if _, err := loader.Load(ctx, db, inputs, loader.Progress{}); err != nil {
		return res, err
	}
	res.LoadSeconds = time.Since(start).Seconds()
	res.LoadPerMapMs = res.LoadSeconds * 1000 / float64(len(files))
	more, err := loader.ReadFiles(aif.Reader, extra)
	if err != nil {
		return res, err
	}
	start = time.Now()
	if _, err := loader.Load(ctx, db, more, loader.Progress{}); err != nil {
		return res, err
	}
	res.OneMoreMs = float64(time.Since(start).Microseconds()) / 1000
	say("maps %d: loaded in %.1f s (%.1f ms a map); one more map: %.1f ms", len(files), res.LoadSeconds, res.LoadPerMapMs, res.OneMoreMs)

	api := resolvers.NewAPI(db)
	h, err := server.New(server.Config{RateLimit: 0}, server.Deps{Schema: api.Schema, Middleware: api.Middleware,
		Logger: slog.New(slog.NewJSONHandler(io.Discard, nil))})
	if err != nil {
		return res, err
	}
	res.ScopedDataset = mapID(len(files) / 2)
	vars := map[string]any{"d": []string{res.ScopedDataset}}
	var p50s []float64
	for _, q := range scopedQueries {
		if err := suite.ServeOne(ctx, h, q.query, vars); err != nil { // warm up, and check it answers
			return res, fmt.Errorf("%s: %w", q.name, err)
		}
		took := make([]float64, 0, cfg.Samples)
		for range cfg.Samples {
			t := time.Now()
			if err := suite.ServeOne(ctx, h, q.query, vars); err != nil {
				return res, fmt.Errorf("%s: %w", q.name, err)
			}
			took = append(took, float64(time.Since(t).Microseconds())/1000)
		}
		slices.Sort(took)
		res.ScopedP50Ms[q.name] = took[len(took)/2]
		p50s = append(p50s, took[len(took)/2])
		say("maps %d: %-15s p50 %.2f ms", len(files), q.name, took[len(took)/2])
	}
	slices.Sort(p50s)
	res.MixP50Ms = p50s[len(p50s)/2]
	return res, nil
}

// ownIDs gives a generated map's claims, quotes and sources ids of its
// own: AIF node ids are global, and every map is generated with the same
// ids. Actors keep theirs: speakers of the same name are one actor.
func ownIDs(ds *counterpoint.Dataset, prefix string) {
	own := func(id string) string {
		if id == "" {
			return ""
		}
		return prefix + id
	}
	for i := range ds.Sources {
		s := &ds.Sources[i]
		s.ID, s.ReportedIn = own(s.ID), own(s.ReportedIn)
	}
	for i := range ds.Claims {
		c := &ds.Claims[i]
		c.ID = own(c.ID)
		for j := range c.Assertions {
			c.Assertions[j].Source = own(c.Assertions[j].Source)
		}
		for j := range c.Quotes {
			q := &c.Quotes[j]
			q.ID, q.Source, q.Document = own(q.ID), own(q.Source), own(q.Document)
		}
	}
	for i := range ds.Relations {
		r := &ds.Relations[i]
		r.From, r.To, r.Source = own(r.From), own(r.To), own(r.Source)
		for j := range r.Evidence {
			r.Evidence[j].Source = own(r.Evidence[j].Source)
		}
	}
}
