package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/counterpoint-news/counterpoint"
)

// Writer is every write the API and the loader make. Each method checks its
// input against the graph inside its transaction and writes nothing when a
// check fails.
type Writer interface {
	WriteDataset(ctx context.Context, ds *counterpoint.Dataset) (counterpoint.WriteSummary, error)
	UpsertActor(ctx context.Context, a counterpoint.Actor) error
	UpsertSource(ctx context.Context, s counterpoint.Source) error
	UpsertClaim(ctx context.Context, c counterpoint.Claim) error
	AddRelation(ctx context.Context, r counterpoint.Relation) error
	RemoveRelation(ctx context.Context, r counterpoint.Relation) (bool, error)
}

var _ Writer = (*DB)(nil)

// CuratedDataset tags claims created through the API rather than a dataset.
const CuratedDataset = "curated"

// ref is one id an input refers to, the label it must have, and where in
// the input it appears.
type ref struct{ id, label, field string }

// A reference check and the per-mutation writes. Every write first checks
// its references and fails (so the transaction rolls back) when one is
// missing.
const (
	checkRefs = `UNWIND $refs AS ref
OPTIONAL MATCH (n:Entity {id: ref.id})
RETURN ref.id AS id, ref.label AS label, ref.field AS field,
       CASE WHEN n IS NULL THEN null ELSE [l IN labels(n) WHERE l <> 'Entity'][0] END AS found`
	upsertActor = `MERGE (a:Entity:Actor {id: $props.id})
SET a = $props
WITH a
OPTIONAL MATCH (a)-[m:MEMBER_OF]->()
DELETE m
WITH DISTINCT a
UNWIND $memberOf AS gid
MATCH (g:Actor {id: gid})
MERGE (a)-[:MEMBER_OF]->(g)`
	upsertSource = `MERGE (s:Entity:Source {id: $props.id})
SET s = $props, s.text = $keepText
WITH s
OPTIONAL MATCH (s)-[r:AUTHORED_BY|REPORTED_IN]->()
DELETE r
WITH DISTINCT s
CALL (s) { UNWIND $authors AS aid MATCH (a:Actor {id: aid}) MERGE (s)-[:AUTHORED_BY]->(a) }
CALL (s) { UNWIND $reportedIn AS rid MATCH (r:Source {id: rid}) MERGE (s)-[:REPORTED_IN]->(r) }`
	existingClaim = `OPTIONAL MATCH (c:Claim {id: $id})
OPTIONAL MATCH (q:Quote) WHERE q.id IN $quoteIDs AND NOT (c)-[:EVIDENCED_BY]->(q)
RETURN c.dataset AS dataset, collect(q.id) AS foreignQuotes`
	sourceTextsForQuotes = `UNWIND $ids AS id MATCH (s:Source {id: id}) RETURN s.id AS id, s.text AS text`
	upsertClaim          = `MERGE (c:Entity:Claim {id: $props.id})
SET c = $props
WITH c
OPTIONAL MATCH (c)-[:EVIDENCED_BY]->(old:Quote)
DETACH DELETE old
WITH DISTINCT c
OPTIONAL MATCH (c)-[r:ABOUT]->() DELETE r
WITH DISTINCT c
OPTIONAL MATCH ()-[r:ASSERTED]->(c) DELETE r
WITH DISTINCT c
CALL (c) {
  UNWIND $assertions AS a
  MATCH (actor:Actor {id: a.actor})
  MERGE (actor)-[r:ASSERTED {source: a.props.source}]->(c) SET r = a.props
}
CALL (c) { UNWIND $about AS aid MATCH (a:Actor {id: aid}) MERGE (c)-[r:ABOUT]->(a) SET r = {dataset: c.dataset, key: 'ABOUT|' + c.id + '|' + aid} }
CALL (c) {
  UNWIND $quotes AS q
  CREATE (quote:Entity:Quote) SET quote = q.props
  MERGE (c)-[e:EVIDENCED_BY]->(quote) SET e = q.evidence
  WITH quote, q
  MATCH (s:Source {id: q.source})
  MERGE (quote)-[f:FROM]->(s) SET f = q.from
  WITH quote, q
  UNWIND q.documents AS did
  MATCH (d:Source {id: did})
  MERGE (quote)-[sd:SAID_IN]->(d) SET sd = q.saidIn
}`
)

// relationWrites maps each relation kind to its add and remove queries.
var relationWrites = map[counterpoint.RelationKind]struct{ add, remove string }{
	counterpoint.Rebuts: {
		`MATCH (a:Claim {id: $from}), (b:Claim {id: $to}) MERGE (a)-[r:REBUTS]->(b) SET r = $props`,
		`MATCH (:Claim {id: $from})-[r:REBUTS]->(:Claim {id: $to}) DELETE r RETURN count(r) AS n`,
	},
	counterpoint.Supports: {
		`MATCH (a:Claim {id: $from}), (b:Claim {id: $to}) MERGE (a)-[r:SUPPORTS]->(b) SET r = $props`,
		`MATCH (:Claim {id: $from})-[r:SUPPORTS]->(:Claim {id: $to}) DELETE r RETURN count(r) AS n`,
	},
	counterpoint.Qualifies: {
		`MATCH (a:Claim {id: $from}), (b:Claim {id: $to}) MERGE (a)-[r:QUALIFIES]->(b) SET r = $props`,
		`MATCH (:Claim {id: $from})-[r:QUALIFIES]->(:Claim {id: $to}) DELETE r RETURN count(r) AS n`,
	},
}

// write runs fn in one managed write transaction that shares bookmarks with
// reads, so that a read after the write sees it.
func (db *DB) write(ctx context.Context, fn func(tx neo4j.ManagedTransaction) error) error {
	ctx, cancel := db.readContext(ctx)
	defer cancel()
	session := db.writeSession(ctx)
	defer session.Close(ctx)
	_, err := session.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return nil, fn(tx)
	})
	if err != nil {
		return wrap(withContextError(ctx, err))
	}
	return nil
}

// requireRefs fails with EINVALID, naming each field, when a referenced id
// is missing or has another label.
func (db *DB) requireRefs(ctx context.Context, tx neo4j.ManagedTransaction, refs []ref) error {
	if len(refs) == 0 {
		return nil
	}
	rows := make([]map[string]any, len(refs))
	for i, r := range refs {
		rows[i] = map[string]any{"id": r.id, "label": r.label, "field": r.field}
	}
	recs, err := db.run(ctx, tx, checkRefs, map[string]any{"refs": rows})
	if err != nil {
		return err
	}
	var problems []string
	for _, rec := range recs {
		found := recordString(rec, "found")
		label := recordString(rec, "label")
		switch {
		case found == "":
			problems = append(problems, fmt.Sprintf("%s: no %s has id %q", recordString(rec, "field"), label, recordString(rec, "id")))
		case found != label:
			problems = append(problems, fmt.Sprintf("%s: id %q is a %s, not a %s", recordString(rec, "field"), recordString(rec, "id"), found, label))
		}
	}
	if len(problems) > 0 {
		return counterpoint.Errorf(counterpoint.EINVALID, "%s", strings.Join(problems, "; "))
	}
	return nil
}

func checkID(field, id string) error {
	if !counterpoint.ValidID(id) {
		return counterpoint.Errorf(counterpoint.EINVALID, "%s: id %q is not a slug (lower-case letters and digits separated by '-', '_' or '.')", field, id)
	}
	return nil
}

func checkDate(field, d string) error {
	if d != "" && !counterpoint.ValidDate(d) {
		return counterpoint.Errorf(counterpoint.EINVALID, "%s: date %q is not YYYY, YYYY-MM or YYYY-MM-DD", field, d)
	}
	return nil
}

func checkText(field, s string) error {
	if strings.TrimSpace(s) == "" {
		return counterpoint.Errorf(counterpoint.EINVALID, "%s: must not be empty", field)
	}
	return nil
}

// UpsertActor creates or replaces an actor and its memberships.
func (db *DB) UpsertActor(ctx context.Context, a counterpoint.Actor) error {
	if err := firstError(checkID("input.id", a.ID), checkText("input.name", a.Name)); err != nil {
		return err
	}
	if !a.Kind.Valid() {
		return counterpoint.Errorf(counterpoint.EINVALID, "input.kind: unknown actor kind %q", a.Kind)
	}
	refs := []ref{{a.ID, "Actor", "input.id"}}
	for i, m := range a.MemberOf {
		if m == a.ID {
			return counterpoint.Errorf(counterpoint.EINVALID, "input.memberOf[%d]: an actor cannot be a member of itself", i)
		}
		refs = append(refs, ref{m, "Actor", fmt.Sprintf("input.memberOf[%d]", i)})
	}
	return db.write(ctx, func(tx neo4j.ManagedTransaction) error {
		if err := db.requireRefs(ctx, tx, refs[1:]); err != nil {
			return err
		}
		if err := db.requireLabelIfExists(ctx, tx, refs[0]); err != nil {
			return err
		}
		_, err := db.run(ctx, tx, upsertActor, map[string]any{
			"props":    props("id", a.ID, "name", a.Name, "kind", string(a.Kind), "role", a.Role, "description", a.Description),
			"memberOf": nonNil(a.MemberOf),
		})
		return err
	})
}

// requireLabelIfExists refuses to turn a node of one kind into another.
func (db *DB) requireLabelIfExists(ctx context.Context, tx neo4j.ManagedTransaction, r ref) error {
	recs, err := db.run(ctx, tx, checkRefs, map[string]any{"refs": []map[string]any{{"id": r.id, "label": r.label, "field": r.field}}})
	if err != nil {
		return err
	}
	if found := recordString(recs[0], "found"); found != "" && found != r.label {
		return counterpoint.Errorf(counterpoint.EINVALID, "%s: id %q is already a %s", r.field, r.id, found)
	}
	return nil
}

// UpsertSource creates or replaces a source's metadata; its text, which
// only datasets provide, is kept.
func (db *DB) UpsertSource(ctx context.Context, s counterpoint.Source) error {
	if err := firstError(checkID("input.id", s.ID), checkText("input.title", s.Title), checkDate("input.date", s.Date)); err != nil {
		return err
	}
	if !s.Kind.Valid() {
		return counterpoint.Errorf(counterpoint.EINVALID, "input.kind: unknown source kind %q", s.Kind)
	}
	var refs []ref
	for i, a := range s.Authors {
		refs = append(refs, ref{a, "Actor", fmt.Sprintf("input.authors[%d]", i)})
	}
	var reportedIn []string
	if s.ReportedIn != "" {
		if s.ReportedIn == s.ID {
			return counterpoint.Errorf(counterpoint.EINVALID, "input.reportedIn: a source cannot be reported in itself")
		}
		refs = append(refs, ref{s.ReportedIn, "Source", "input.reportedIn"})
		reportedIn = []string{s.ReportedIn}
	}
	return db.write(ctx, func(tx neo4j.ManagedTransaction) error {
		if err := db.requireRefs(ctx, tx, refs); err != nil {
			return err
		}
		if err := db.requireLabelIfExists(ctx, tx, ref{s.ID, "Source", "input.id"}); err != nil {
			return err
		}
		texts, err := db.run(ctx, tx, sourceTextsForQuotes, map[string]any{"ids": []string{s.ID}})
		if err != nil {
			return err
		}
		var keep any
		if len(texts) > 0 {
			keep, _ = texts[0].Get("text")
		}
		_, err = db.run(ctx, tx, upsertSource, map[string]any{
			"props":    props("id", s.ID, "title", s.Title, "kind", string(s.Kind), "date", s.Date, "publisher", s.Publisher),
			"keepText": keep, "authors": nonNil(s.Authors), "reportedIn": nonNil(reportedIn),
		})
		return err
	})
}

// UpsertClaim creates or replaces a claim with its assertions, the actors
// it is about, and its quotes, after checking every reference and that
// every quote is verbatim at its offsets in its source's text.
func (db *DB) UpsertClaim(ctx context.Context, c counterpoint.Claim) error {
	if err := firstError(checkID("input.id", c.ID), checkText("input.text", c.Text), checkDate("input.date", c.Date)); err != nil {
		return err
	}
	if len(c.Assertions) == 0 {
		return counterpoint.Errorf(counterpoint.EINVALID, "input.assertions: a claim needs at least one assertion")
	}
	if len(c.Quotes) == 0 {
		return counterpoint.Errorf(counterpoint.EINVALID, "input.quotes: a claim needs at least one verbatim quote")
	}
	var refs []ref
	for i, a := range c.Assertions {
		f := fmt.Sprintf("input.assertions[%d]", i)
		if !a.Attribution.Valid() {
			return counterpoint.Errorf(counterpoint.EINVALID, "%s.attribution: unknown attribution %q", f, a.Attribution)
		}
		if err := checkDate(f+".date", a.Date); err != nil {
			return err
		}
		refs = append(refs, ref{a.Actor, "Actor", f + ".actor"}, ref{a.Source, "Source", f + ".source"})
	}
	for i, a := range c.About {
		refs = append(refs, ref{a, "Actor", fmt.Sprintf("input.about[%d]", i)})
	}
	quoteIDs := make([]string, len(c.Quotes))
	seen := map[string]bool{}
	var textSources []string
	for i := range c.Quotes {
		q := &c.Quotes[i]
		f := fmt.Sprintf("input.quotes[%d]", i)
		if q.ID == "" {
			q.ID = fmt.Sprintf("%s.q%d", c.ID, i+1)
		}
		if err := checkID(f+".id", q.ID); err != nil {
			return err
		}
		if seen[q.ID] || q.ID == c.ID {
			return counterpoint.Errorf(counterpoint.EINVALID, "%s.id: duplicate id %q", f, q.ID)
		}
		seen[q.ID] = true
		quoteIDs[i] = q.ID
		refs = append(refs, ref{q.Source, "Source", f + ".source"})
		if q.Document != "" {
			refs = append(refs, ref{q.Document, "Source", f + ".document"})
		}
		textSources = append(textSources, q.Source)
	}
	return db.write(ctx, func(tx neo4j.ManagedTransaction) error {
		if err := db.requireRefs(ctx, tx, refs); err != nil {
			return err
		}
		if err := db.requireLabelIfExists(ctx, tx, ref{c.ID, "Claim", "input.id"}); err != nil {
			return err
		}
		recs, err := db.run(ctx, tx, existingClaim, map[string]any{"id": c.ID, "quoteIDs": quoteIDs})
		if err != nil {
			return err
		}
		if foreign, _, _ := neo4j.GetRecordValue[[]any](recs[0], "foreignQuotes"); len(foreign) > 0 {
			return counterpoint.Errorf(counterpoint.EINVALID, "input.quotes: ids %v already belong to other claims", foreign)
		}
		dataset := c.Dataset
		if existing := recordString(recs[0], "dataset"); dataset == "" {
			dataset = existing
		}
		if dataset == "" {
			dataset = CuratedDataset
		}
		texts, err := db.run(ctx, tx, sourceTextsForQuotes, map[string]any{"ids": textSources})
		if err != nil {
			return err
		}
		byID := map[string]*counterpoint.Text{}
		for _, rec := range texts {
			if t, ok := rec.Get("text"); ok && t != nil {
				byID[recordString(rec, "id")] = counterpoint.NewText(t.(string))
			}
		}
		for i, q := range c.Quotes {
			text, ok := byID[q.Source]
			f := fmt.Sprintf("input.quotes[%d]", i)
			if !ok {
				return counterpoint.Errorf(counterpoint.EINVALID, "%s.source: source %q has no text to hold quotes", f, q.Source)
			}
			if !text.QuoteMatches(q) {
				got, _ := text.Slice(q.Start, q.End)
				msg := fmt.Sprintf("%s: quote %q is not at [%d, %d) in source %q (which holds %q there)", f, q.Text, q.Start, q.End, q.Source, got)
				if found := text.Find(q.Text); len(found) > 0 {
					msg += fmt.Sprintf("; it is at [%d, %d)", found[0][0], found[0][1])
				} else {
					msg += "; the quote is nowhere in the source text"
				}
				return counterpoint.Errorf(counterpoint.EINVALID, "%s", msg)
			}
		}
		assertions := make([]map[string]any, len(c.Assertions))
		for i, a := range c.Assertions {
			key := strings.Join([]string{"ASSERTED", a.Actor, c.ID, a.Source}, "|")
			assertions[i] = map[string]any{"actor": a.Actor, "props": props("dataset", dataset, "key", key, "source", a.Source, "date", a.Date, "attribution", string(a.Attribution))}
		}
		quotes := make([]map[string]any, len(c.Quotes))
		for i, q := range c.Quotes {
			var docs []string
			var saidIn map[string]any
			if q.Document != "" {
				docs = []string{q.Document}
				saidIn = props("dataset", dataset, "key", "SAID_IN|"+q.ID+"|"+q.Document)
			}
			quotes[i] = map[string]any{
				"props":     props("id", q.ID, "text", q.Text, "start", q.Start, "end", q.End, "dataset", dataset),
				"evidence":  props("dataset", dataset, "key", "EVIDENCED_BY|"+c.ID+"|"+q.ID, "rank", i),
				"source":    q.Source,
				"from":      props("dataset", dataset, "key", "FROM|"+q.ID+"|"+q.Source),
				"documents": nonNil(docs),
				"saidIn":    saidIn,
			}
		}
		_, err = db.run(ctx, tx, upsertClaim, map[string]any{
			"props":      props("id", c.ID, "text", c.Text, "date", c.Date, "sortKey", ClaimSortKey(c.Date, c.ID), "dataset", dataset),
			"assertions": assertions, "about": nonNil(c.About), "quotes": quotes,
		})
		return err
	})
}

// AddRelation adds a relation between two existing claims, or updates its
// note and source.
func (db *DB) AddRelation(ctx context.Context, r counterpoint.Relation) error {
	w, ok := relationWrites[r.Kind]
	if !ok {
		return counterpoint.Errorf(counterpoint.EINVALID, "input.kind: unknown relation kind %q", r.Kind)
	}
	if r.From == r.To {
		return counterpoint.Errorf(counterpoint.EINVALID, "input.to: claim %q cannot %s itself", r.From, strings.ToLower(string(r.Kind)))
	}
	refs := []ref{{r.From, "Claim", "input.from"}, {r.To, "Claim", "input.to"}}
	if r.Source != "" {
		refs = append(refs, ref{r.Source, "Source", "input.source"})
	}
	return db.write(ctx, func(tx neo4j.ManagedTransaction) error {
		if err := db.requireRefs(ctx, tx, refs); err != nil {
			return err
		}
		recs, err := db.run(ctx, tx, `MATCH (c:Claim {id: $id}) RETURN c.dataset AS dataset`, map[string]any{"id": r.From})
		if err != nil {
			return err
		}
		dataset := recordString(recs[0], "dataset")
		_, err = db.run(ctx, tx, w.add, map[string]any{"from": r.From, "to": r.To,
			"props": props("dataset", dataset, "key", r.Key(), "source", r.Source, "note", r.Note)})
		return err
	})
}

// RemoveRelation removes a relation; it reports whether there was one.
func (db *DB) RemoveRelation(ctx context.Context, r counterpoint.Relation) (bool, error) {
	w, ok := relationWrites[r.Kind]
	if !ok {
		return false, counterpoint.Errorf(counterpoint.EINVALID, "kind: unknown relation kind %q", r.Kind)
	}
	var removed bool
	err := db.write(ctx, func(tx neo4j.ManagedTransaction) error {
		if err := db.requireRefs(ctx, tx, []ref{{r.From, "Claim", "from"}, {r.To, "Claim", "to"}}); err != nil {
			return err
		}
		recs, err := db.run(ctx, tx, w.remove, map[string]any{"from": r.From, "to": r.To})
		if err != nil {
			return err
		}
		n, _, _ := neo4j.GetRecordValue[int64](recs[0], "n")
		removed = n > 0
		return nil
	})
	return removed, err
}

func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
