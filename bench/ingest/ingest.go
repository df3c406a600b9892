// Package ingest measures loading: Counterpoint's loader (decode, schema,
// checks, then the store's one-transaction, idempotent UNWIND ... MERGE
// write) against a raw baseline that writes the same rows with plain
// UNWIND ... MERGE through the Go driver, with no validation, no id guard,
// no change summary and no clean-up of stale elements.
//
// The raw baseline imports the Neo4j driver, which only the store does in
// the service: the benchmark is a separate tool.
package ingest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/counterpoint-news/counterpoint/format/datasetjson"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/internal/progress"
	"github.com/counterpoint-news/counterpoint/loader"
	"github.com/counterpoint-news/counterpoint/store"
)

// Phase is one timed part of a load.
type Phase struct {
	Name       string  `json:"name"`
	Seconds    float64 `json:"seconds"`
	ClientCPU  float64 `json:"clientCPU"`  // CPU seconds of this process
	Neo4jCPU   float64 `json:"neo4jCPU"`   // CPU seconds of the Neo4j process (0 when its pid is unknown)
	Statements int64   `json:"statements"` // Cypher statements sent
}

// Run is one load of the dataset into an empty graph.
type Run struct {
	Kind       string  `json:"kind"` // "loader" or "raw"
	BatchSize  int     `json:"batchSize"`
	Elements   int     `json:"elements"`
	Seconds    float64 `json:"seconds"`    // all phases
	Throughput float64 `json:"throughput"` // elements per second, all phases
	Phases     []Phase `json:"phases"`
	Error      string  `json:"error,omitempty"`
	// Digest is store.Stats' digest of the graph the run left, when asked
	// for: the loader's and the raw baseline's must be equal (same rows).
	Digest string `json:"digest,omitempty"`
}

// Config is what to load and how.
type Config struct {
	Dataset   string // dataset JSON file
	Elements  int    // elements it creates (from the generator's manifest)
	BatchSize int    // rows per UNWIND statement
	Neo4jPID  int    // to read the server's CPU time; 0 to skip
	Quiet     bool   // no progress on stderr (a line every few seconds of a long load otherwise)
}

// cpu returns this process's user+system CPU seconds.
func cpu() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}

// procCPU returns a process's user+system CPU seconds from /proc.
func procCPU(pid int) float64 {
	if pid <= 0 {
		return 0
	}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return 0
	}
	f := strings.Fields(s[i+1:])
	if len(f) < 13 {
		return 0
	}
	ut, _ := strconv.ParseFloat(f[11], 64)
	st, _ := strconv.ParseFloat(f[12], 64)
	return (ut + st) / 100 // USER_HZ is 100 on Linux
}

// timer measures one phase.
type timer struct {
	pid              int
	start            time.Time
	cpu0, neo0       float64
	statements0      int64
	statementCounter func() int64
}

func startTimer(pid int, statements func() int64) *timer {
	t := &timer{pid: pid, start: time.Now(), cpu0: cpu(), neo0: procCPU(pid), statementCounter: statements}
	if statements != nil {
		t.statements0 = statements()
	}
	return t
}

func (t *timer) stop(name string) Phase {
	p := Phase{Name: name, Seconds: time.Since(t.start).Seconds(), ClientCPU: cpu() - t.cpu0}
	if t.pid > 0 {
		p.Neo4jCPU = procCPU(t.pid) - t.neo0
	}
	if t.statementCounter != nil {
		p.Statements = t.statementCounter() - t.statements0
	}
	return p
}

func finish(r Run) Run {
	for _, p := range r.Phases {
		r.Seconds += p.Seconds
	}
	if r.Seconds > 0 {
		r.Throughput = float64(r.Elements) / r.Seconds
	}
	return r
}

// Loader loads the dataset with Counterpoint's loader: Decode (JSON,
// schema, source texts), Validate (ids, references, closed sets, every
// quote at its offsets), then the store's WriteDataset with cfg.BatchSize.
// It is what ReadFiles followed by Load does, timed phase by phase.
func Loader(ctx context.Context, db *store.DB, cfg Config) Run {
	r := Run{Kind: "loader", BatchSize: cfg.BatchSize, Elements: cfg.Elements}
	t := startTimer(cfg.Neo4jPID, nil)
	b, err := os.ReadFile(cfg.Dataset)
	if err != nil {
		r.Error = err.Error()
		return r
	}
	dir := filepath.Dir(cfg.Dataset)
	ds, problems := datasetjson.Reader.Decode(cfg.Dataset, b, func(rel string) ([]byte, error) { return os.ReadFile(filepath.Join(dir, rel)) })
	r.Phases = append(r.Phases, t.stop("read and decode (JSON, schema, texts)"))
	if len(problems) > 0 {
		r.Error = problems.Error()
		return r
	}
	t = startTimer(cfg.Neo4jPID, nil)
	problems = loader.Validate(cfg.Dataset, ds)
	r.Phases = append(r.Phases, t.stop("validate (ids, references, quotes)"))
	if len(problems) > 0 {
		r.Error = problems.Error()
		return r
	}
	t = startTimer(cfg.Neo4jPID, db.RoundTrips)
	rep := progress.New(os.Stderr, "bench load (loader)", "elements", 1, int64(store.Elements(ds)), cfg.Quiet)
	_, err = loader.Load(ctx, db, []loader.Input{{File: cfg.Dataset, Dataset: ds}}, loader.Progress{Elements: rep.Add, Dataset: rep.FileDone})
	rep.Finish()
	r.Phases = append(r.Phases, t.stop("write (store.WriteDataset, one transaction)"))
	if err != nil {
		r.Error = err.Error()
	}
	return finish(r)
}

// The raw baseline's statements: plain MERGE on the id, properties set
// from the row; relationships MERGE between ends matched by id.
var (
	rawNode        = `UNWIND $rows AS row MERGE (n:Entity:%s {id: row.props.id}) SET n = row.props`
	rawRel         = `UNWIND $rows AS row MATCH (a:%s {id: row.from}), (b:%s {id: row.to}) MERGE (a)-[r:%s]->(b) SET r = row.props`
	rawDatasetNode = `UNWIND $rows AS row MERGE (d:Dataset {id: row.props.id}) SET d = row.props`
	// ASSERTED is keyed by its source, as the store keys it.
	rawAsserted = `UNWIND $rows AS row MATCH (a:Actor {id: row.from}), (b:Claim {id: row.to}) MERGE (a)-[r:ASSERTED {source: row.props.source}]->(b) SET r = row.props`
)

type step struct {
	query string
	rows  []map[string]any
}

// rawDataset is the dataset file as plain JSON, decoded without the
// schema or any check.
type rawDataset struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	Description string `json:"description"`
	Sources     []struct {
		ID, Title, Kind, Date, Publisher, URL, ReportedIn, TextFile string
		Authors                                                     []string
	} `json:"sources"`
	Actors []struct {
		ID, Name, Kind, Role, Description string
		MemberOf                          []string
	} `json:"actors"`
	Claims []struct {
		ID, Text, Date string
		About          []string
		Assertions     []struct{ Actor, Source, Date, Attribution, Stance string }
		Quotes         []struct {
			ID, Text, Kind, Source, Document string
			Start, End                       int
		}
	} `json:"claims"`
	Relations []struct {
		Kind, From, To, Source, Note string
		Inferred                     bool
		Evidence                     []struct {
			Text, Source string
			Start, End   int64
		}
	} `json:"relations"`
}

// props drops empty strings, as the store does, so that both loads write
// the same properties.
func props(kv ...any) map[string]any {
	m := make(map[string]any, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		if s, ok := kv[i+1].(string); ok && s == "" {
			continue
		}
		m[kv[i].(string)] = kv[i+1]
	}
	return m
}

func edge(from, to string, p map[string]any) map[string]any {
	return map[string]any{"from": from, "to": to, "props": p}
}

// rawRows builds the same rows the store writes (same properties, same
// keys), from the plainly decoded file.
func rawRows(ds *rawDataset, dir string) ([]step, error) {
	var actors, sources, claims, quotes, memberOf, authoredBy, reportedIn, asserted, about, evidencedBy, from, saidIn []map[string]any
	rels := map[string][]map[string]any{}
	node := func(p map[string]any) map[string]any { return map[string]any{"props": p} }
	owned := func(key string, kv ...any) map[string]any {
		return props(append([]any{"dataset", ds.ID, "key", key}, kv...)...)
	}
	for _, a := range ds.Actors {
		actors = append(actors, node(props("id", a.ID, "name", a.Name, "kind", a.Kind, "role", a.Role, "description", a.Description)))
		for _, m := range a.MemberOf {
			memberOf = append(memberOf, edge(a.ID, m, map[string]any{}))
		}
	}
	texts := map[string]*counterpoint.Text{} // to anchor quotes, as the store does
	for _, s := range ds.Sources {
		text, hash := "", ""
		if s.TextFile != "" {
			b, err := os.ReadFile(filepath.Join(dir, s.TextFile))
			if err != nil {
				return nil, err
			}
			text = string(b)
			texts[s.ID] = counterpoint.NewText(text)
			hash = texts[s.ID].Hash()
		}
		sources = append(sources, node(props("id", s.ID, "title", s.Title, "kind", s.Kind, "date", s.Date, "publisher", s.Publisher, "url", s.URL, "text", text, "textHash", hash)))
		for _, a := range s.Authors {
			authoredBy = append(authoredBy, edge(s.ID, a, map[string]any{}))
		}
		if s.ReportedIn != "" {
			reportedIn = append(reportedIn, edge(s.ID, s.ReportedIn, map[string]any{}))
		}
	}
	for _, c := range ds.Claims {
		claims = append(claims, node(props("id", c.ID, "text", c.Text, "date", c.Date, "sortKey", store.ClaimSortKey(c.Date, c.ID), "dataset", ds.ID)))
		for _, a := range c.Assertions {
			asserted = append(asserted, edge(a.Actor, c.ID, owned(store.OwnerKey("ASSERTED", a.Actor, c.ID, a.Source), "source", a.Source, "date", a.Date, "attribution", a.Attribution,
				"stance", string(counterpoint.Stance(a.Stance).OrDefault()))))
		}
		for _, a := range c.About {
			about = append(about, edge(c.ID, a, owned(store.OwnerKey("ABOUT", c.ID, a))))
		}
		for i, q := range c.Quotes {
			id := q.ID
			if id == "" {
				id = counterpoint.QuoteID(c.ID, i+1)
			}
			var prefix, suffix, hash, anchor string
			if t := texts[q.Source]; t != nil {
				prefix, suffix = t.Context(q.Start, q.End)
				hash, anchor = t.Hash(), string(counterpoint.Anchored)
			}
			quotes = append(quotes, node(props("id", id, "text", q.Text, "kind", string(counterpoint.QuoteKind(q.Kind).OrDefault()), "start", q.Start, "end", q.End, "dataset", ds.ID,
				"prefix", prefix, "suffix", suffix, "sourceHash", hash, "anchor", anchor)))
			evidencedBy = append(evidencedBy, edge(c.ID, id, owned(store.OwnerKey("EVIDENCED_BY", c.ID, id), "rank", i)))
			from = append(from, edge(id, q.Source, owned(store.OwnerKey("FROM", id, q.Source))))
			if q.Document != "" {
				saidIn = append(saidIn, edge(id, q.Document, owned(store.OwnerKey("SAID_IN", id, q.Document))))
			}
		}
	}
	for _, r := range ds.Relations {
		p := owned(store.OwnerKey(r.Kind, r.From, r.To), "source", r.Source, "note", r.Note)
		if r.Inferred {
			p["inferred"] = true
		}
		if len(r.Evidence) > 0 {
			var sources, texts []string
			var starts, ends []int64
			for _, e := range r.Evidence {
				sources, texts, starts, ends = append(sources, e.Source), append(texts, e.Text), append(starts, e.Start), append(ends, e.End)
			}
			p["evidenceSources"], p["evidenceTexts"], p["evidenceStarts"], p["evidenceEnds"] = sources, texts, starts, ends
		}
		rels[r.Kind] = append(rels[r.Kind], edge(r.From, r.To, p))
	}
	var datasets []map[string]any // the title a file gives, as the store keeps it
	if title := ds.Title; (title != "" && title != ds.ID) || ds.Description != "" {
		if title == ds.ID {
			title = ""
		}
		datasets = append(datasets, node(props("id", ds.ID, "title", title, "description", ds.Description)))
	}
	steps := []step{
		{rawDatasetNode, datasets},
		{fmt.Sprintf(rawNode, "Actor"), actors},
		{fmt.Sprintf(rawNode, "Source"), sources},
		{fmt.Sprintf(rawNode, "Claim"), claims},
		{fmt.Sprintf(rawNode, "Quote"), quotes},
		{fmt.Sprintf(rawRel, "Actor", "Actor", "MEMBER_OF"), memberOf},
		{fmt.Sprintf(rawRel, "Source", "Actor", "AUTHORED_BY"), authoredBy},
		{fmt.Sprintf(rawRel, "Source", "Source", "REPORTED_IN"), reportedIn},
		{rawAsserted, asserted},
		{fmt.Sprintf(rawRel, "Claim", "Actor", "ABOUT"), about},
		{fmt.Sprintf(rawRel, "Claim", "Quote", "EVIDENCED_BY"), evidencedBy},
		{fmt.Sprintf(rawRel, "Quote", "Source", "FROM"), from},
		{fmt.Sprintf(rawRel, "Quote", "Source", "SAID_IN"), saidIn},
	}
	for _, k := range counterpoint.RelationKinds {
		steps = append(steps, step{fmt.Sprintf(rawRel, "Claim", "Claim", k), rels[string(k)]})
	}
	return steps, nil
}

// Raw loads the dataset the raw way: plain JSON decoding, then the same
// rows in UNWIND ... MERGE batches of cfg.BatchSize, in one transaction
// (as the loader's), through the driver.
func Raw(ctx context.Context, driver neo4j.DriverWithContext, database string, cfg Config) Run {
	r := Run{Kind: "raw", BatchSize: cfg.BatchSize, Elements: cfg.Elements}
	t := startTimer(cfg.Neo4jPID, nil)
	b, err := os.ReadFile(cfg.Dataset)
	if err != nil {
		r.Error = err.Error()
		return r
	}
	var ds rawDataset
	if err := json.Unmarshal(b, &ds); err != nil {
		r.Error = err.Error()
		return r
	}
	steps, err := rawRows(&ds, filepath.Dir(cfg.Dataset))
	r.Phases = append(r.Phases, t.stop("read and decode (plain JSON, texts)"))
	if err != nil {
		r.Error = err.Error()
		return r
	}
	var statements int64
	var total int64
	for _, s := range steps {
		total += int64(len(s.rows))
	}
	rep := progress.New(os.Stderr, "bench load (raw)", "elements", 1, total, cfg.Quiet)
	defer rep.Finish()
	t = startTimer(cfg.Neo4jPID, func() int64 { return statements })
	session := driver.NewSession(ctx, neo4j.SessionConfig{AccessMode: neo4j.AccessModeWrite, DatabaseName: database})
	defer session.Close(ctx)
	_, err = session.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		statements = 0
		for _, s := range steps {
			for start := 0; start < len(s.rows); start += cfg.BatchSize {
				statements++
				res, err := tx.Run(ctx, s.query, map[string]any{"rows": s.rows[start:min(start+cfg.BatchSize, len(s.rows))]})
				if err != nil {
					return nil, err
				}
				if _, err := res.Consume(ctx); err != nil {
					return nil, err
				}
				rep.Add(min(cfg.BatchSize, len(s.rows)-start))
			}
		}
		rep.FileDone()
		return nil, nil
	})
	r.Phases = append(r.Phases, t.stop("write (UNWIND ... MERGE, one transaction)"))
	if err != nil {
		r.Error = err.Error()
	}
	return finish(r)
}
