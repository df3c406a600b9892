package store

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/counterpoint-news/counterpoint"
)

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

// requireRefs fails with the domain's UnknownRef problem, naming each
// field, when a referenced id is missing or names a node of another type.
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
	var problems counterpoint.Problems
	for i, rec := range recs {
		found, err := optionalString(rec, "found")
		if err != nil {
			return err
		}
		if r := refs[i]; found != r.label {
			problems = append(problems, counterpoint.UnknownRef(r.field, counterpoint.NodeType(r.label), r.id))
		}
	}
	return problems.Err()
}

// UpsertActor creates or replaces an actor and its memberships.
func (db *DB) UpsertActor(ctx context.Context, a counterpoint.Actor) error {
	if err := a.Validate(); err != nil {
		return err
	}
	var refs []ref
	for i, m := range a.MemberOf {
		refs = append(refs, ref{m, "Actor", fmt.Sprintf("memberOf[%d]", i)})
	}
	return db.write(ctx, func(tx neo4j.ManagedTransaction) error {
		if err := db.requireRefs(ctx, tx, refs); err != nil {
			return err
		}
		if err := db.requireLabelIfExists(ctx, tx, ref{a.ID, "Actor", "id"}); err != nil {
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
	if len(recs) != 1 {
		return fmt.Errorf("check the type of %q: %d rows, want 1", r.id, len(recs))
	}
	found, err := optionalString(recs[0], "found")
	if err != nil {
		return err
	}
	if found != "" && found != r.label {
		return counterpoint.IDTaken(r.field, r.id, counterpoint.NodeType(found), counterpoint.NodeType(r.label))
	}
	return nil
}

// UpsertSource creates or replaces a source's metadata; its text, which
// only datasets provide, is kept.
func (db *DB) UpsertSource(ctx context.Context, s counterpoint.Source) error {
	if err := s.Validate(); err != nil {
		return err
	}
	var refs []ref
	for i, a := range s.Authors {
		refs = append(refs, ref{a, "Actor", fmt.Sprintf("authors[%d]", i)})
	}
	var reportedIn []string
	if s.ReportedIn != "" {
		refs = append(refs, ref{s.ReportedIn, "Source", "reportedIn"})
		reportedIn = []string{s.ReportedIn}
	}
	return db.write(ctx, func(tx neo4j.ManagedTransaction) error {
		if err := db.requireRefs(ctx, tx, refs); err != nil {
			return err
		}
		if err := db.requireLabelIfExists(ctx, tx, ref{s.ID, "Source", "id"}); err != nil {
			return err
		}
		texts, err := db.run(ctx, tx, sourceTextsForQuotes, map[string]any{"ids": []string{s.ID}})
		if err != nil {
			return err
		}
		var keep any
		if len(texts) > 0 {
			text, err := optionalString(texts[0], "text")
			if err != nil {
				return err
			}
			if text != "" {
				keep = text
			}
		}
		_, err = db.run(ctx, tx, upsertSource, map[string]any{
			"props":    props("id", s.ID, "title", s.Title, "kind", string(s.Kind), "date", s.Date, "publisher", s.Publisher),
			"keepText": keep, "authors": nonNil(s.Authors), "reportedIn": nonNil(reportedIn),
		})
		return err
	})
}

// UpsertClaim creates or replaces a claim with its assertions, the actors
// it is about, and its quotes, after checking it with the domain's rules,
// every reference against the graph, and every quote against its source's
// text in the graph.
func (db *DB) UpsertClaim(ctx context.Context, c counterpoint.Claim) error {
	c.DefaultQuoteIDs()
	if err := c.Validate(); err != nil {
		return err
	}
	var refs []ref
	for i, a := range c.Assertions {
		f := fmt.Sprintf("assertions[%d]", i)
		refs = append(refs, ref{a.Actor, "Actor", f + ".actor"}, ref{a.Source, "Source", f + ".source"})
	}
	for i, a := range c.About {
		refs = append(refs, ref{a, "Actor", fmt.Sprintf("about[%d]", i)})
	}
	quoteIDs := make([]string, len(c.Quotes))
	var textSources []string
	for i, q := range c.Quotes {
		f := fmt.Sprintf("quotes[%d]", i)
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
		if err := db.requireLabelIfExists(ctx, tx, ref{c.ID, "Claim", "id"}); err != nil {
			return err
		}
		recs, err := db.run(ctx, tx, existingClaim, map[string]any{"id": c.ID, "quoteIDs": quoteIDs})
		if err != nil {
			return err
		}
		if len(recs) != 1 {
			return fmt.Errorf("read claim %q: %d rows, want 1", c.ID, len(recs))
		}
		foreign, err := stringList(recs[0], "foreignQuotes")
		if err != nil {
			return err
		}
		var problems counterpoint.Problems
		for i, id := range quoteIDs {
			if slices.Contains(foreign, id) {
				problems = append(problems, counterpoint.Invalidf(fmt.Sprintf("quotes[%d].id", i), "quote id %q already belongs to another claim", id))
			}
		}
		if err := problems.Err(); err != nil {
			return err
		}
		existing, err := optionalString(recs[0], "dataset")
		if err != nil {
			return err
		}
		dataset := c.Dataset
		if dataset == "" {
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
			id, err := requiredString(rec, "id")
			if err != nil {
				return err
			}
			text, err := optionalString(rec, "text")
			if err != nil {
				return err
			}
			if text != "" {
				byID[id] = counterpoint.NewText(text)
			}
		}
		for i, q := range c.Quotes {
			if err := counterpoint.Within(fmt.Sprintf("quotes[%d]", i), q.Validate(byID[q.Source])); err != nil {
				problems = append(problems, err.(*counterpoint.Error))
			}
		}
		if err := problems.Err(); err != nil {
			return err
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
	if err := r.Validate(); err != nil {
		return err
	}
	w := relationWrites[r.Kind]
	refs := []ref{{r.From, "Claim", "from"}, {r.To, "Claim", "to"}}
	if r.Source != "" {
		refs = append(refs, ref{r.Source, "Source", "source"})
	}
	return db.write(ctx, func(tx neo4j.ManagedTransaction) error {
		if err := db.requireRefs(ctx, tx, refs); err != nil {
			return err
		}
		recs, err := db.run(ctx, tx, `MATCH (c:Claim {id: $id}) RETURN c.dataset AS dataset`, map[string]any{"id": r.From})
		if err != nil {
			return err
		}
		if len(recs) != 1 {
			return fmt.Errorf("read claim %q: %d rows, want 1", r.From, len(recs))
		}
		dataset, err := optionalString(recs[0], "dataset")
		if err != nil {
			return err
		}
		_, err = db.run(ctx, tx, w.add, map[string]any{"from": r.From, "to": r.To,
			"props": props("dataset", dataset, "key", r.Key(), "source", r.Source, "note", r.Note)})
		return err
	})
}

// RemoveRelation removes a relation; it reports whether there was one.
func (db *DB) RemoveRelation(ctx context.Context, r counterpoint.Relation) (bool, error) {
	if !r.Kind.Valid() {
		return false, counterpoint.Invalidf("kind", "unknown relation kind %q (want one of %v)", r.Kind, counterpoint.RelationKinds)
	}
	w := relationWrites[r.Kind]
	var removed bool
	err := db.write(ctx, func(tx neo4j.ManagedTransaction) error {
		if err := db.requireRefs(ctx, tx, []ref{{r.From, "Claim", "from"}, {r.To, "Claim", "to"}}); err != nil {
			return err
		}
		recs, err := db.run(ctx, tx, w.remove, map[string]any{"from": r.From, "to": r.To})
		if err != nil {
			return err
		}
		if len(recs) != 1 {
			return fmt.Errorf("remove relation: %d rows, want 1", len(recs))
		}
		n, err := requiredInt(recs[0], "n")
		if err != nil {
			return err
		}
		removed = n > 0
		return nil
	})
	return removed, err
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
