package store

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/counterpoint-news/counterpoint"
)

// CuratedDataset tags claims created through the API rather than a dataset.
const CuratedDataset = "curated"

// ref is one id an input refers to, the label it must have, and where in
// the input it appears.
type ref struct {
	id    string
	label counterpoint.NodeType
	field string
}

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
SET s = $props
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
	datasetOfClaim       = `MATCH (c:Claim {id: $id}) RETURN c.dataset AS dataset`
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
CALL (c) { UNWIND $about AS about MATCH (a:Actor {id: about.actor}) MERGE (c)-[r:ABOUT]->(a) SET r = about.props }
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

// Adding and removing a claim relation, one query per relation kind from
// one template each.
const (
	addRelationTemplate    = `MATCH (a:Claim {id: $from}), (b:Claim {id: $to}) MERGE (a)-[r:%s]->(b) SET r = $props`
	removeRelationTemplate = `MATCH (:Claim {id: $from})-[r:%s]->(:Claim {id: $to}) DELETE r RETURN count(r) AS n`
)

// relationWrites maps each relation kind to its add and remove queries.
var relationWrites = func() map[counterpoint.RelationKind]struct{ add, remove string } {
	m := map[counterpoint.RelationKind]struct{ add, remove string }{}
	for _, k := range counterpoint.RelationKinds {
		m[k] = struct{ add, remove string }{fmt.Sprintf(addRelationTemplate, k), fmt.Sprintf(removeRelationTemplate, k)}
	}
	return m
}()

// requireRefs fails with the domain's UnknownRef problem, naming each
// field, when a referenced id is missing or names a node of another type;
// then, when self is given (the node being written), with IDTaken when its
// id is another kind's. One statement checks both.
func (db *DB) requireRefs(ctx context.Context, tx neo4j.ManagedTransaction, refs []ref, self *ref) error {
	all := refs
	if self != nil {
		all = append(slices.Clip(refs), *self)
	}
	if len(all) == 0 {
		return nil
	}
	found, err := db.labelsOf(ctx, tx, all)
	if err != nil {
		return err
	}
	var problems counterpoint.Problems
	for i, r := range refs {
		if found[i] != r.label {
			problems = append(problems, counterpoint.UnknownRef(r.field, r.label, r.id))
		}
	}
	if err := problems.Err(); err != nil {
		return err
	}
	if self != nil {
		if label := found[len(refs)]; label != "" && label != self.label {
			return counterpoint.IDTaken(self.field, self.id, label, self.label)
		}
	}
	return nil
}

// labelsOf returns the label of the node each ref names, "" for none.
func (db *DB) labelsOf(ctx context.Context, tx neo4j.ManagedTransaction, refs []ref) ([]counterpoint.NodeType, error) {
	rows := make([]map[string]any, len(refs))
	for i, r := range refs {
		rows[i] = map[string]any{"id": r.id, "label": string(r.label), "field": r.field}
	}
	recs, err := db.run(ctx, tx, checkRefs, map[string]any{"refs": rows})
	if err != nil {
		return nil, err
	}
	if len(recs) != len(refs) {
		return nil, fmt.Errorf("check references: %d rows for %d references", len(recs), len(refs))
	}
	return decodeAll(recs, func(f *fields) counterpoint.NodeType { return counterpoint.NodeType(f.optStr("found")) })
}

// UpsertActor creates or replaces an actor and its memberships.
func (db *DB) UpsertActor(ctx context.Context, a counterpoint.Actor) error {
	if err := a.Validate(); err != nil {
		return err
	}
	var refs []ref
	for i, m := range a.MemberOf {
		refs = append(refs, ref{m, counterpoint.NodeActor, fmt.Sprintf("memberOf[%d]", i)})
	}
	return db.writeLocked(ctx, a.ID, nil, func(tx lockedTx) error {
		if err := db.requireRefs(ctx, tx, refs, &ref{a.ID, counterpoint.NodeActor, "id"}); err != nil {
			return err
		}
		return db.versioned(ctx, tx, "actor", a.Base, "", func() error {
			_, err := db.run(ctx, tx, upsertActor, map[string]any{"props": actorProps(a), "memberOf": nonNil(a.MemberOf)})
			return err
		})
	})
}

// sourceRefs are the nodes a source names, which must exist, and its
// reportedIn as the list upsertSource takes.
func sourceRefs(s counterpoint.Source) ([]ref, []string) {
	var refs []ref
	for i, a := range s.Authors {
		refs = append(refs, ref{a, counterpoint.NodeActor, fmt.Sprintf("authors[%d]", i)})
	}
	var reportedIn []string
	if s.ReportedIn != "" {
		refs = append(refs, ref{s.ReportedIn, counterpoint.NodeSource, "reportedIn"})
		reportedIn = []string{s.ReportedIn}
	}
	return refs, reportedIn
}

// UpsertSource creates or replaces a source's description; its text is
// kept (ImportSource replaces a text).
func (db *DB) UpsertSource(ctx context.Context, s counterpoint.Source) error {
	if err := s.Validate(); err != nil {
		return err
	}
	refs, reportedIn := sourceRefs(s)
	return db.writeLocked(ctx, s.ID, nil, func(tx lockedTx) error {
		if err := db.requireRefs(ctx, tx, refs, &ref{s.ID, counterpoint.NodeSource, "id"}); err != nil {
			return err
		}
		return db.versioned(ctx, tx, "source", s.Base, "", func() error {
			texts, err := db.sourceTexts(ctx, tx, []string{s.ID})
			if err != nil {
				return err
			}
			s.Text = texts[s.ID] // the graph's text is kept
			_, err = db.run(ctx, tx, upsertSource, map[string]any{
				"props": sourceProps(s), "authors": nonNil(s.Authors), "reportedIn": nonNil(reportedIn),
			})
			return err
		})
	})
}

// sourceTexts returns the texts of the sources with the given ids that
// have one.
func (db *DB) sourceTexts(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) (map[string]string, error) {
	recs, err := db.run(ctx, tx, sourceTextsForQuotes, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	texts := map[string]string{}
	for _, rec := range recs {
		f := recordFields(rec)
		id, text := f.str("id"), f.optStr("text")
		if f.err != nil {
			return nil, f.err
		}
		if text != "" {
			texts[id] = text
		}
	}
	return texts, nil
}

// UpsertClaim creates or replaces a claim with its assertions, the actors
// it is about, and its quotes, after checking it with the domain's rules,
// every reference against the graph, and every quote against its source's
// text in the graph.
func (db *DB) UpsertClaim(ctx context.Context, c counterpoint.Claim) error {
	c.SetDefaults()
	if err := c.Validate(); err != nil {
		return err
	}
	refs, quoteIDs, textSources := claimRefs(c)
	// The quotes' ids are locked too: two claims saved at once must not
	// both take one quote id.
	return db.writeLocked(ctx, c.ID, quoteIDs, func(tx lockedTx) error {
		if err := db.requireRefs(ctx, tx, refs, &ref{c.ID, counterpoint.NodeClaim, "id"}); err != nil {
			return err
		}
		return db.versioned(ctx, tx, "claim", c.Base, "", func() error { return db.upsertClaim(ctx, tx, c, quoteIDs, textSources) })
	})
}

// claimRefs lists what claim c refers to (its actors and sources, each
// with its field), its quotes' ids and the sources its quotes' offsets are
// checked against.
func claimRefs(c counterpoint.Claim) (refs []ref, quoteIDs, textSources []string) {
	for i, a := range c.Assertions {
		f := fmt.Sprintf("assertions[%d]", i)
		refs = append(refs, ref{a.Actor, counterpoint.NodeActor, f + ".actor"}, ref{a.Source, counterpoint.NodeSource, f + ".source"})
	}
	for i, a := range c.About {
		refs = append(refs, ref{a, counterpoint.NodeActor, fmt.Sprintf("about[%d]", i)})
	}
	quoteIDs = make([]string, len(c.Quotes))
	for i, q := range c.Quotes {
		f := fmt.Sprintf("quotes[%d]", i)
		quoteIDs[i] = q.ID
		refs = append(refs, ref{q.Source, counterpoint.NodeSource, f + ".source"})
		if q.Document != "" {
			refs = append(refs, ref{q.Document, counterpoint.NodeSource, f + ".document"})
		}
		textSources = append(textSources, q.Source)
	}
	return refs, quoteIDs, textSources
}

// upsertClaim checks claim c's quotes against the graph and writes it in tx.
func (db *DB) upsertClaim(ctx context.Context, tx lockedTx, c counterpoint.Claim, quoteIDs, textSources []string) error {
	{
		recs, err := db.run(ctx, tx, existingClaim, map[string]any{"id": c.ID, "quoteIDs": quoteIDs})
		if err != nil {
			return err
		}
		f, err := onlyRecord(recs, fmt.Sprintf("read claim %q", c.ID))
		if err != nil {
			return err
		}
		foreign, existing := f.strs("foreignQuotes"), f.optStr("dataset")
		if f.err != nil {
			return f.err
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
		c.Dataset = cmp.Or(c.Dataset, existing, CuratedDataset)
		texts, err := db.sourceTexts(ctx, tx, textSources)
		if err != nil {
			return err
		}
		for i := range c.Quotes {
			q := &c.Quotes[i]
			var text *counterpoint.Text
			if t, ok := texts[q.Source]; ok {
				text = counterpoint.NewText(t)
			}
			if err := counterpoint.Within(fmt.Sprintf("quotes[%d]", i), q.Validate(text)); err != nil {
				var problem *counterpoint.Error
				if !errors.As(err, &problem) {
					return err
				}
				problems = append(problems, problem)
			} else if text != nil {
				q.AnchorIn(text)
			}
		}
		if err := problems.Err(); err != nil {
			return err
		}
		_, err = db.run(ctx, tx, upsertClaim, claimWrite(c))
		return err
	}
}

// claimWrite is the parameters of upsertClaim: the claim's properties and
// its relationships' rows, all owned by the claim's dataset.
func claimWrite(c counterpoint.Claim) map[string]any {
	assertions := make([]map[string]any, len(c.Assertions))
	for i, a := range c.Assertions {
		assertions[i] = map[string]any{"actor": a.Actor, "props": ownedProps(c.Dataset, OwnerKey(relAsserted, a.Actor, c.ID, a.Source), assertionProps(a))}
	}
	about := make([]map[string]any, len(c.About))
	for i, a := range c.About {
		about[i] = map[string]any{"actor": a, "props": ownedProps(c.Dataset, OwnerKey(relAbout, c.ID, a), nil)}
	}
	quotes := make([]map[string]any, len(c.Quotes))
	for i, q := range c.Quotes {
		var docs []string
		var saidIn map[string]any
		if q.Document != "" {
			docs = []string{q.Document}
			saidIn = ownedProps(c.Dataset, OwnerKey(relSaidIn, q.ID, q.Document), nil)
		}
		quotes[i] = map[string]any{
			"props":     quoteProps(q, c.Dataset),
			"evidence":  ownedProps(c.Dataset, OwnerKey(relEvidencedBy, c.ID, q.ID), evidenceProps(i)),
			"source":    q.Source,
			"from":      ownedProps(c.Dataset, OwnerKey(relFrom, q.ID, q.Source), nil),
			"documents": nonNil(docs),
			"saidIn":    saidIn,
		}
	}
	return map[string]any{"props": claimProps(c), "assertions": assertions, "about": about, "quotes": quotes}
}

// AddRelation adds a relation between two existing claims, or updates its
// note and source.
func (db *DB) AddRelation(ctx context.Context, r counterpoint.Relation) error {
	if err := r.Validate(); err != nil {
		return err
	}
	w := relationWrites[r.Kind]
	refs := []ref{{r.From, counterpoint.NodeClaim, "from"}, {r.To, counterpoint.NodeClaim, "to"}}
	if r.Source != "" {
		refs = append(refs, ref{r.Source, counterpoint.NodeSource, "source"})
	}
	var evidenceSources []string
	for i, q := range r.Evidence {
		refs = append(refs, ref{q.Source, counterpoint.NodeSource, fmt.Sprintf("evidence[%d].source", i)})
		evidenceSources = append(evidenceSources, q.Source)
	}
	return db.writeLocked(ctx, r.From, nil, func(tx lockedTx) error {
		if err := db.requireRefs(ctx, tx, refs, nil); err != nil {
			return err
		}
		texts, err := db.sourceTexts(ctx, tx, evidenceSources)
		if err != nil {
			return err
		}
		if err := r.ValidateEvidence(func(id string) (*counterpoint.Text, bool) {
			if t, ok := texts[id]; ok {
				return counterpoint.NewText(t), true
			}
			return nil, true // it exists (requireRefs), but has no text
		}); err != nil {
			return err
		}
		recs, err := db.run(ctx, tx, datasetOfClaim, map[string]any{"id": r.From})
		if err != nil {
			return err
		}
		f, err := onlyRecord(recs, fmt.Sprintf("read claim %q", r.From))
		if err != nil {
			return err
		}
		dataset := f.optStr("dataset")
		if f.err != nil {
			return f.err
		}
		return db.versioned(ctx, tx, "claim", nil, "", func() error {
			_, err := db.run(ctx, tx, w.add, map[string]any{"from": r.From, "to": r.To,
				"props": ownedProps(dataset, OwnerKey(string(r.Kind), r.From, r.To), relationProps(r))})
			return err
		})
	})
}

// RemoveRelation removes a relation; it reports whether there was one.
func (db *DB) RemoveRelation(ctx context.Context, r counterpoint.Relation) (bool, error) {
	if !r.Kind.Valid() {
		return false, counterpoint.Invalidf("kind", "unknown relation kind %q (want one of %v)", r.Kind, counterpoint.RelationKinds)
	}
	w := relationWrites[r.Kind]
	var removed bool
	err := db.writeLocked(ctx, r.From, nil, func(tx lockedTx) error {
		removed = false // fresh on every retry
		if err := db.requireRefs(ctx, tx, []ref{{r.From, counterpoint.NodeClaim, "from"}, {r.To, counterpoint.NodeClaim, "to"}}, nil); err != nil {
			return err
		}
		return db.versioned(ctx, tx, "claim", nil, "", func() error {
			recs, err := db.run(ctx, tx, w.remove, map[string]any{"from": r.From, "to": r.To})
			if err != nil {
				return err
			}
			f, err := onlyRecord(recs, "remove relation")
			if err != nil {
				return err
			}
			removed = f.integer("n") > 0
			return f.err
		})
	})
	return removed, err
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
