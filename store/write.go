package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/counterpoint-news/counterpoint"
)

// outcomeOf compares an existing element's properties with the new ones;
// every merge query below reports what it did through it.
const outcomeOf = `CASE WHEN old IS NULL THEN 'created' WHEN properties(old) = row.props THEN 'unchanged' ELSE 'updated' END AS outcome`

// Merges, one per label and one per relationship type, from one template
// each: labels and types are closed sets and cannot be query parameters,
// so each gets its own query text, built once from constants.
const (
	// A node's version counts the loads that change it, as it counts the
	// API's writes; a load that changes nothing keeps it.
	mergeNodeTemplate = `UNWIND $rows AS row
OPTIONAL MATCH (old:%[1]s {id: row.props.id})
WITH row, old, row.props AS props
WITH row, old.version AS oldVersion, CASE WHEN old IS NULL THEN 'created'
  WHEN old {.*, version: 0} = props {.*, version: 0} THEN 'unchanged' ELSE 'updated' END AS outcome
MERGE (n:Entity:%[1]s {id: row.props.id})
SET n = row.props
SET n.version = CASE outcome WHEN 'created' THEN 1 WHEN 'unchanged' THEN oldVersion ELSE coalesce(oldVersion, 1) + 1 END
RETURN outcome, count(*) AS n`
	// Each row names its two ends; relationships owned by a dataset carry
	// props.dataset and props.key so that a reload can remove the ones the
	// dataset no longer has. %[4]s tells apart relationships of one type
	// between the same two nodes (relType.mergeOn).
	mergeRelTemplate = `UNWIND $rows AS row
MATCH (a:%[1]s {id: row.from}), (b:%[3]s {id: row.to})
OPTIONAL MATCH (a)-[old:%[2]s%[4]s]->(b)
WITH a, b, row, ` + outcomeOf + `
MERGE (a)-[r:%[2]s%[4]s]->(b)
SET r = row.props
RETURN outcome, count(*) AS n`
)

// Creates for a first load: a claim or quote of a dataset that the graph
// has never held, and a relationship at one, cannot be there already, so
// they are created without the look-up and comparison of the merges (the
// uniqueness constraints still refuse an id twice). Their report is the
// merges' on an empty graph.
const (
	createNodeTemplate = `UNWIND $rows AS row
CREATE (n:Entity:%[1]s)
SET n = row.props, n.version = 1
RETURN 'created' AS outcome, count(*) AS n`
	createRelTemplate = `UNWIND $rows AS row
MATCH (a:%[1]s {id: row.from}), (b:%[3]s {id: row.to})
CREATE (a)-[r:%[2]s]->(b)
SET r = row.props
RETURN 'created' AS outcome, count(*) AS n`
)

// nodeWriteOrder is the order in which a dataset writes its nodes.
var nodeWriteOrder = []counterpoint.NodeType{counterpoint.NodeActor, counterpoint.NodeSource, counterpoint.NodeClaim, counterpoint.NodeQuote}

// mergeNodes and mergeRels hold the merge of each label and each
// relationship type; createNodes and createRels the create of each.
var (
	mergeNodes, mergeRels   = mergeQueries(mergeNodeTemplate, mergeRelTemplate)
	createNodes, createRels = mergeQueries(createNodeTemplate, createRelTemplate)
)

func mergeQueries(nodeTemplate, relTemplate string) (map[counterpoint.NodeType]string, map[string]string) {
	nodes := map[counterpoint.NodeType]string{}
	for _, label := range nodeWriteOrder {
		nodes[label] = fmt.Sprintf(nodeTemplate, label)
	}
	rels := map[string]string{}
	for _, t := range relTypes {
		on := ""
		if t.mergeOn != "" {
			on = fmt.Sprintf(" {%[1]s: row.props.%[1]s}", t.mergeOn)
		}
		rels[t.name] = fmt.Sprintf(relTemplate, t.from, t.name, t.to, on)
	}
	return nodes, rels
}

// Guards and clean-up around a dataset write.
const (
	// conflictingIDs finds ids the dataset would give a node that the graph
	// already has under another label, or claims and quotes that belong to
	// another dataset.
	// It also counts the claims and quotes of the dataset that the graph
	// has already: with none, and no earlier load, every one of them and
	// every relationship at one of them is new, and can be created
	// without looking for an old one (firstSteps); and every node of the
	// dataset that the graph has: with none, its actors and sources and
	// the links between them are new too (firstSteps with fresh).
	conflictingIDs = `UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
WITH row, n ORDER BY n.id
WITH count(*) AS held, count(CASE WHEN row.owned THEN 1 END) AS owned,
  collect(CASE WHEN NOT row.label IN labels(n) OR (row.owned AND n.dataset <> $dataset)
    THEN {id: n.id, label: [l IN labels(n) WHERE l <> 'Entity'][0], dataset: n.dataset, wanted: row.label} END)[..20] AS clashes
RETURN held, owned, clashes`
	// removeStaleRelationships deletes relationships the dataset wrote
	// before but no longer has.
	removeStaleRelationships = `MATCH (n:Claim|Quote {dataset: $dataset})-[r]-()
WHERE r.dataset = $dataset AND NOT r.key IN $keys
WITH DISTINCT r
WITH type(r) AS type, collect(r) AS rs
FOREACH (r IN rs | DELETE r)
RETURN type AS outcome, size(rs) AS n`
	// removeStaleLinks removes the memberships of the actors a dataset
	// defines, and the authors and reportedIn of its sources, that the
	// dataset does not give: an actor or source is one node, and the last
	// load that defines it gives all of its definition, links as well as
	// properties, as upsertActor and upsertSource do (the links of shared
	// nodes used to add up across loads). Ids are unique across labels, so
	// one list of the ids to keep serves every type.
	removeStaleLinks = `UNWIND $rows AS row
MATCH (n:Entity {id: row.id})-[r:MEMBER_OF|AUTHORED_BY|REPORTED_IN]->(m:Entity)
WHERE NOT m.id IN row.keep
WITH type(r) AS type, collect(r) AS rs
FOREACH (r IN rs | DELETE r)
RETURN type AS outcome, size(rs) AS n`
	resampleOutdatedIndexes = `CALL db.resampleOutdatedIndexes()`
	// hasBeenLoaded says whether an earlier version of the dataset is in
	// the graph: only then can anything of it be stale.
	hasBeenLoaded     = `RETURN EXISTS { MATCH (n:Claim {dataset: $dataset}) } OR EXISTS { MATCH (n:Quote {dataset: $dataset}) } AS loaded`
	removeStaleClaims = `MATCH (n:Claim {dataset: $dataset}) WHERE NOT n.id IN $ids
DETACH DELETE n RETURN count(*) AS n`
	removeStaleQuotes = `MATCH (n:Quote {dataset: $dataset}) WHERE NOT n.id IN $ids
DETACH DELETE n RETURN count(*) AS n`
)

// rows are the parameters of one write, prepared outside the transaction so
// that a retried transaction does no work twice.
type rows struct {
	nodes map[counterpoint.NodeType][]map[string]any
	rels  map[string][]map[string]any // by relationship type
	// rels split for a first load (firstSteps): those at one of the
	// dataset's own claims or quotes, each key once, and the others.
	newRels, otherRels map[string][]map[string]any
	// the links of actors and sources (MEMBER_OF ...), each once, for a
	// load into a graph that holds none of the dataset's nodes (firstSteps with fresh)
	linksOnce                     map[string][]map[string]any
	linkSeen                      map[string]bool
	linkRepeats                   int             // rows of links given twice
	ownIDs                        map[string]bool // the dataset's claims and quotes
	ownedKeySeen                  map[string]bool
	guard                         []map[string]any
	ownedKeys, claimIDs, quoteIDs []string
	links                         []map[string]any // each actor's and source's id, and the ids its links lead to
}

// node adds a node's row, and its id to the guard's.
func (r *rows) node(label counterpoint.NodeType, owned bool, p map[string]any) {
	r.guard = append(r.guard, map[string]any{"id": p["id"], "label": string(label), "owned": owned})
	r.nodes[label] = append(r.nodes[label], map[string]any{"props": p})
}

// rel adds a relationship's row.
func (r *rows) rel(typ, from, to string, p map[string]any) {
	row := map[string]any{"from": from, "to": to, "props": p}
	r.rels[typ] = append(r.rels[typ], row)
	r.otherRels[typ] = append(r.otherRels[typ], row)
	if key := typ + "|" + from + "|" + to; !r.linkSeen[key] {
		r.linkSeen[key] = true
		r.linksOnce[typ] = append(r.linksOnce[typ], row)
	} else {
		r.linkRepeats++
	}
}

// owned adds the row of a relationship that belongs to dataset, and keeps
// its key so that removeStale leaves it.
func (r *rows) owned(dataset, typ, from, to, key string, p map[string]any) {
	r.ownedKeys = append(r.ownedKeys, key)
	row := map[string]any{"from": from, "to": to, "props": ownedProps(dataset, key, p)}
	r.rels[typ] = append(r.rels[typ], row)
	if (r.ownIDs[from] || r.ownIDs[to]) && !r.ownedKeySeen[key] {
		r.ownedKeySeen[key] = true
		r.newRels[typ] = append(r.newRels[typ], row)
	} else {
		r.otherRels[typ] = append(r.otherRels[typ], row)
	}
}

func prepare(ds *counterpoint.Dataset) *rows {
	r := &rows{nodes: map[counterpoint.NodeType][]map[string]any{}, rels: map[string][]map[string]any{},
		newRels: map[string][]map[string]any{}, otherRels: map[string][]map[string]any{},
		ownIDs: map[string]bool{}, ownedKeySeen: map[string]bool{}, linksOnce: map[string][]map[string]any{}, linkSeen: map[string]bool{}}
	for _, c := range ds.Claims {
		r.ownIDs[c.ID] = true
		for _, q := range c.Quotes {
			r.ownIDs[q.ID] = true
		}
	}
	// The nodes' rows and the relationships' rows are made side by side (a
	// large dataset's take seconds, before the transaction starts): each
	// half fills only its own fields of r, in the dataset's order.
	var wg sync.WaitGroup
	wg.Go(func() { r.relationshipRows(ds) })
	r.nodeRows(ds)
	wg.Wait()
	return r
}

// nodeRows adds the rows of ds's nodes, with the guard's ids, the links to
// keep, and the claims' and quotes' ids.
func (r *rows) nodeRows(ds *counterpoint.Dataset) {
	for _, a := range ds.Actors {
		r.node(counterpoint.NodeActor, false, actorProps(a))
		r.links = append(r.links, map[string]any{"id": a.ID, "keep": append([]string{}, a.MemberOf...)})
	}
	texts := map[string]*counterpoint.Text{}
	for _, s := range ds.Sources {
		if s.Text != "" {
			texts[s.ID] = counterpoint.NewText(s.Text)
		}
		r.node(counterpoint.NodeSource, false, sourceProps(s))
		keep := append([]string{}, s.Authors...)
		if s.ReportedIn != "" {
			keep = append(keep, s.ReportedIn)
		}
		r.links = append(r.links, map[string]any{"id": s.ID, "keep": keep})
	}
	for _, c := range ds.Claims {
		c.Dataset = ds.ID
		r.claimIDs = append(r.claimIDs, c.ID)
		r.node(counterpoint.NodeClaim, true, claimProps(c))
		for _, q := range c.Quotes {
			if t := texts[q.Source]; t != nil {
				q.AnchorIn(t)
			}
			r.quoteIDs = append(r.quoteIDs, q.ID)
			r.node(counterpoint.NodeQuote, true, quoteProps(q, ds.ID))
		}
	}
}

// relationshipRows adds the rows of ds's relationships, with the keys of
// those it owns.
func (r *rows) relationshipRows(ds *counterpoint.Dataset) {
	for _, a := range ds.Actors {
		for _, m := range a.MemberOf {
			r.rel(relMemberOf, a.ID, m, map[string]any{})
		}
	}
	for _, s := range ds.Sources {
		for _, a := range s.Authors {
			r.rel(relAuthoredBy, s.ID, a, map[string]any{})
		}
		if s.ReportedIn != "" {
			r.rel(relReportedIn, s.ID, s.ReportedIn, map[string]any{})
		}
	}
	for _, c := range ds.Claims {
		for _, a := range c.Assertions {
			r.owned(ds.ID, relAsserted, a.Actor, c.ID, OwnerKey(relAsserted, a.Actor, c.ID, a.Source), assertionProps(a))
		}
		for _, a := range c.About {
			r.owned(ds.ID, relAbout, c.ID, a, OwnerKey(relAbout, c.ID, a), nil)
		}
		for i, q := range c.Quotes {
			r.owned(ds.ID, relEvidencedBy, c.ID, q.ID, OwnerKey(relEvidencedBy, c.ID, q.ID), evidenceProps(i))
			r.owned(ds.ID, relFrom, q.ID, q.Source, OwnerKey(relFrom, q.ID, q.Source), nil)
			if q.Document != "" {
				r.owned(ds.ID, relSaidIn, q.ID, q.Document, OwnerKey(relSaidIn, q.ID, q.Document), nil)
			}
		}
	}
	for _, rel := range ds.Relations {
		r.owned(ds.ID, string(rel.Kind), rel.From, rel.To, OwnerKey(string(rel.Kind), rel.From, rel.To), relationProps(rel))
	}
}

// writeStep is one merge and its rows.
type writeStep struct {
	what  string // the label or relationship type, as the summary counts it
	query string
	rows  []map[string]any
}

// steps lists the merges of a write: nodes first, so that every
// relationship finds its ends.
func (r *rows) steps() []writeStep {
	var steps []writeStep
	for _, label := range nodeWriteOrder {
		steps = append(steps, writeStep{string(label), mergeNodes[label], r.nodes[label]})
	}
	for _, t := range relTypes {
		steps = append(steps, writeStep{t.name, mergeRels[t.name], r.rels[t.name]})
	}
	return steps
}

// firstSteps lists the steps of a dataset's first write into a graph that
// holds none of its claims and quotes: those, and the relationships at
// them, are created (each relationship once); the rest is merged as steps
// does. With fresh (the graph holds none of the dataset's nodes at all)
// its actors and sources are created too, and the links between them
// (MEMBER_OF, AUTHORED_BY, REPORTED_IN), which only nodes made by this
// write could have, once each; otherwise actors and sources, which other
// datasets share, and relationships between nodes the graph may already
// link, are merged.
func (r *rows) firstSteps(fresh bool) []writeStep {
	var steps []writeStep
	for _, label := range nodeWriteOrder {
		q := mergeNodes[label]
		if fresh || label == counterpoint.NodeClaim || label == counterpoint.NodeQuote {
			q = createNodes[label]
		}
		steps = append(steps, writeStep{string(label), q, r.nodes[label]})
	}
	for _, t := range relTypes {
		if once, ok := r.linksOnce[t.name]; ok && fresh {
			steps = append(steps, writeStep{t.name, createRels[t.name], once})
			continue
		}
		steps = append(steps, writeStep{t.name, createRels[t.name], r.newRels[t.name]}, writeStep{t.name, mergeRels[t.name], r.otherRels[t.name]})
	}
	return steps
}

// WriteDataset writes a checked dataset in one transaction: MERGE on ids in
// UNWIND batches, so that writing the same dataset twice changes nothing,
// then removes the claims, quotes and relationships that an earlier version
// of the same dataset had and this one has not. Either all of it is written
// or none of it. A dataset that its last load wrote the same and that
// nothing has changed since is recognised with two reads and not written
// again (loadmark.go). progress (nil for none) hears how many more elements
// (Elements counts them) each batch has written: a command shows how far a
// long load is.
func (db *DB) WriteDataset(ctx context.Context, ds *counterpoint.Dataset, progress func(elements int)) (counterpoint.WriteSummary, error) {
	ctx, cancel := context.WithTimeout(ctx, db.cfg.WriteTimeout)
	defer cancel()
	r := prepare(ds)
	// The digest of a large dataset takes a while; it is needed only to
	// compare with an earlier load's and at the end, so it is made beside
	// the write rather than before it.
	var mark loadMark
	var markErr error
	marked := make(chan struct{})
	go func() {
		defer close(marked)
		mark, markErr = markOf(ds.ID, ds.Title, ds.Description, r)
		if markErr != nil {
			markErr = fmt.Errorf("digest of dataset %q: %w", ds.ID, markErr)
		}
	}()
	getMark := func() (loadMark, error) {
		<-marked
		return mark, markErr
	}
	// A retried transaction reports its rows again: progress counts work
	// done, which a retry repeats.
	if progress == nil {
		progress = func(int) {}
	}
	session := db.writeSession(ctx)
	defer session.Close(ctx)
	// A first write creates what the guard found missing; a load that made
	// one of those nodes meanwhile (or a node given twice, which checked
	// datasets never have) makes it fail on a uniqueness constraint.
	// Written again with merges, it takes what is there.
	var sum counterpoint.WriteSummary
	var err error
	for _, merge := range []bool{false, true} {
		sum, err = neo4j.ExecuteWrite(ctx, session, func(tx neo4j.ManagedTransaction) (counterpoint.WriteSummary, error) {
			return db.writeDatasetTx(ctx, tx, ds, r, getMark, progress, merge)
		})
		if !errors.Is(err, errCreatedMeanwhile) {
			break
		}
	}
	if err != nil {
		return counterpoint.WriteSummary{}, wrap(withContextError(ctx, err))
	}
	if len(sum.Created)+len(sum.Removed) > 0 {
		db.resampleIndexes(ctx)
	}
	return sum, nil
}

// errCreatedMeanwhile marks a first write refused because a node it
// created without looking was there already (made by another transaction
// after the guard looked, or given twice).
var errCreatedMeanwhile = errors.New("a node the first write of the dataset created was there already")

// writeDatasetTx is WriteDataset's transaction; merge forbids creating
// without looking (firstSteps).
func (db *DB) writeDatasetTx(ctx context.Context, tx neo4j.ManagedTransaction, ds *counterpoint.Dataset, r *rows, getMark func() (loadMark, error), progress func(int), merge bool) (counterpoint.WriteSummary, error) {
	sum, err := db.writeDataset(ctx, tx, ds, r, getMark, progress, merge)
	// A write that changed nothing (an unchanged reload, skipped whole)
	// leaves the cached answers true: only a change advances the version.
	if err == nil && sum.Changed() {
		err = db.bumpVersion(ctx, tx)
	}
	// Neo4j calls running out of transaction memory transient, and the
	// driver would retry it; the same load needs the same memory, so it
	// becomes an error that says what would help, and no retry.
	if e := outOfMemory(err, datasetSize(ds)); e != nil {
		return sum, e
	}
	return sum, err
}

// isConstraintViolation says whether Neo4j refused a write on a
// uniqueness constraint.
func isConstraintViolation(err error) bool {
	var ne *neo4j.Neo4jError
	return errors.As(err, &ne) && ne.Code == "Neo.ClientError.Schema.ConstraintValidationFailed"
}

// memorySettings are Neo4j's codes for a transaction refused for want of
// memory, and the setting (of scripts/neo4j.sh and docker-compose.yml)
// that gives it more.
var memorySettings = map[string]string{
	"Neo.TransientError.General.MemoryPoolOutOfMemoryError":  "NEO4J_TX_MEMORY",
	"Neo.TransientError.General.TransactionOutOfMemoryError": "NEO4J_TX_MEMORY",
	"Neo.TransientError.General.TransactionMemoryLimit":      "NEO4J_TX_MEMORY",
	"Neo.TransientError.General.OutOfMemoryError":            "NEO4J_HEAP",
}

// outOfMemory is the error for a write Neo4j refused for want of memory,
// saying how large what needed it is and what to do; nil for any other
// error.
func outOfMemory(err error, what string) error {
	var ne *neo4j.Neo4jError
	if !errors.As(err, &ne) {
		return nil
	}
	setting, ok := memorySettings[ne.Code]
	if !ok {
		return nil
	}
	return fmt.Errorf("%w (Neo4j: %s)", counterpoint.Errorf(counterpoint.EINVALID,
		"%s needs more memory than Neo4j gives a transaction; raise %s or split the dataset (nothing was written; the same load would fail again)", what, setting), ne.Msg)
}

// datasetSize says how large a dataset is for a write, in the units its
// transaction's memory grows with: elements and the bytes of its texts.
func datasetSize(ds *counterpoint.Dataset) string {
	text := 0
	for _, s := range ds.Sources {
		text += len(s.Text)
	}
	return fmt.Sprintf("dataset %q (%d elements, %.1f MB of source text)", ds.ID, Elements(ds), float64(text)/1e6)
}

// writeDataset is one attempt at WriteDataset's transaction.
func (db *DB) writeDataset(ctx context.Context, tx neo4j.ManagedTransaction, ds *counterpoint.Dataset, r *rows, mark func() (loadMark, error), progress func(int), merge bool) (counterpoint.WriteSummary, error) {
	sum := counterpoint.NewWriteSummary() // fresh on every retry
	same, err := db.unchangedSince(ctx, tx, ds.ID, mark)
	if err != nil {
		return sum, fmt.Errorf("compare with the last load: %w", err)
	}
	if same {
		// What every merge would have reported: each row unchanged.
		for _, s := range r.steps() {
			if len(s.rows) > 0 {
				sum.Add(s.what, "unchanged", len(s.rows))
				progress(len(s.rows))
			}
		}
		return sum, nil
	}
	existing, err := db.guard(ctx, tx, ds.ID, r.guard)
	if err != nil {
		return sum, err
	}
	// Every relationship a dataset owns touches one of its claims or
	// quotes, so on a first load there is nothing to remove, and the
	// removal's scan of everything just written can be skipped.
	recs, err := db.run(ctx, tx, hasBeenLoaded, map[string]any{"dataset": ds.ID})
	if err != nil {
		return sum, fmt.Errorf("check for an earlier version: %w", err)
	}
	f, err := onlyRecord(recs, "check for an earlier version")
	if err != nil {
		return sum, err
	}
	reload := f.boolean("loaded")
	if f.err != nil {
		return sum, f.err
	}
	if err := db.writeDatasetNode(ctx, tx, ds); err != nil {
		return sum, fmt.Errorf("write the dataset's title: %w", err)
	}
	first := !merge && !reload && existing.owned == 0
	fresh := !merge && !reload && existing.held == 0
	steps := r.steps()
	if first {
		steps = r.firstSteps(fresh)
	}
	if fresh {
		progress(r.linkRepeats) // written as one
	}
	for _, s := range steps {
		for start := 0; start < len(s.rows); start += db.cfg.BatchSize {
			batch := s.rows[start:min(start+db.cfg.BatchSize, len(s.rows))]
			recs, err := db.run(ctx, tx, s.query, map[string]any{"rows": batch})
			if err != nil {
				if (first || fresh) && isConstraintViolation(err) {
					err = fmt.Errorf("%w: %w", errCreatedMeanwhile, err)
				}
				return sum, fmt.Errorf("write %s: %w", s.what, err)
			}
			if err := addOutcomes(sum, recs, func(outcome string) (string, string) { return s.what, outcome }); err != nil {
				return sum, fmt.Errorf("write %s: %w", s.what, err)
			}
			// A relationship whose end is not in the graph (a claim of
			// another dataset, deleted since the loader looked) matches
			// nothing: refuse rather than leave it out unsaid.
			if written := rowsWritten(recs); written < len(batch) {
				return sum, counterpoint.Errorf(counterpoint.EINVALID, "write %s: %d of %d found no end in the graph (a claim of another dataset that is not loaded?); nothing of dataset %q was written", s.what, len(batch)-written, len(batch), ds.ID)
			}
			progress(len(batch))
		}
	}
	// The actors and sources a fresh write made have the links it gave
	// them and no others.
	for start := 0; start < len(r.links) && !fresh; start += db.cfg.BatchSize {
		recs, err := db.run(ctx, tx, removeStaleLinks, map[string]any{"rows": r.links[start:min(start+db.cfg.BatchSize, len(r.links))]})
		if err != nil {
			return sum, fmt.Errorf("remove stale memberships and authors: %w", err)
		}
		if err := addOutcomes(sum, recs, func(typ string) (string, string) { return typ, "removed" }); err != nil {
			return sum, fmt.Errorf("remove stale memberships and authors: %w", err)
		}
	}
	if reload {
		if err := db.removeStale(ctx, tx, ds.ID, r, sum); err != nil {
			return sum, err
		}
	}
	m, err := mark()
	if err != nil {
		return sum, err
	}
	if err := db.markLoad(ctx, tx, ds.ID, m, r, first); err != nil {
		return sum, fmt.Errorf("record the load's digest: %w", err)
	}
	return sum, db.recordLoad(ctx, tx, ds.ID, sum)
}

// Elements counts the nodes and relationships writing ds makes, the unit of
// WriteDataset's progress, so that a command knows the total beforehand.
func Elements(ds *counterpoint.Dataset) int {
	n := len(ds.Actors) + len(ds.Sources) + len(ds.Claims) + len(ds.Relations)
	for _, a := range ds.Actors {
		n += len(a.MemberOf)
	}
	for _, s := range ds.Sources {
		n += len(s.Authors)
		if s.ReportedIn != "" {
			n++
		}
	}
	for _, c := range ds.Claims {
		n += len(c.Assertions) + len(c.About) + 3*len(c.Quotes) // a quote, its EVIDENCED_BY and its FROM
		for _, q := range c.Quotes {
			if q.Document != "" {
				n++
			}
		}
	}
	return n
}

// rowsWritten sums column n of a merge's records: the rows it wrote.
func rowsWritten(recs []*neo4j.Record) int {
	n := 0
	for _, rec := range recs {
		if v, ok := rec.Get("n"); ok {
			if i, ok := v.(int64); ok {
				n += int(i)
			}
		}
	}
	return n
}

// addOutcomes counts rows of columns outcome and n into sum, under the
// label or type and outcome that count gives for each row's outcome.
func addOutcomes(sum counterpoint.WriteSummary, recs []*neo4j.Record, count func(outcome string) (what, as string)) error {
	for _, rec := range recs {
		f := recordFields(rec)
		outcome, n := f.str("outcome"), f.integer("n")
		if f.err != nil {
			return f.err
		}
		what, as := count(outcome)
		sum.Add(what, as, n)
	}
	return nil
}

// resampleIndexes asks Neo4j to resample the indexes a write has made
// outdated, so that the planner does not plan the next queries from counts
// of the graph as it was before a bulk load. Neo4j does it in the
// background; the dataset is committed either way, so a failure is only
// logged.
func (db *DB) resampleIndexes(ctx context.Context) {
	if _, err := db.writeQuery(ctx, resampleOutdatedIndexes, nil); err != nil {
		db.cfg.Logger.Warn("resampling outdated indexes after a load failed", "err", err)
	}
}

// held counts the nodes of a dataset that the graph holds already.
type held struct {
	held  int // of every label
	owned int // its claims and quotes
}

// guard refuses, before anything is written, ids that clash with the graph,
// and counts the nodes of the dataset that the graph holds.
func (db *DB) guard(ctx context.Context, tx neo4j.ManagedTransaction, dataset string, guard []map[string]any) (existing held, err error) {
	var clashes []string
	for start := 0; start < len(guard); start += db.cfg.BatchSize {
		recs, err := db.run(ctx, tx, conflictingIDs, map[string]any{"rows": guard[start:min(start+db.cfg.BatchSize, len(guard))], "dataset": dataset})
		if err != nil {
			return existing, fmt.Errorf("check ids: %w", err)
		}
		f, err := onlyRecord(recs, "check ids")
		if err != nil {
			return existing, err
		}
		existing.held += f.integer("held")
		existing.owned += f.integer("owned")
		for _, c := range f.list("clashes") {
			m := mapFields("clash", c)
			id, label, wanted := m.str("id"), m.str("label"), m.str("wanted")
			if label != wanted {
				clashes = append(clashes, fmt.Sprintf("id %q is already a %s in the graph, not a %s", id, label, wanted))
			} else {
				clashes = append(clashes, fmt.Sprintf("%s %q belongs to dataset %v", label, id, m.optStr("dataset")))
			}
			if m.err != nil {
				return existing, fmt.Errorf("check ids: %w", m.err)
			}
		}
		if f.err != nil {
			return existing, fmt.Errorf("check ids: %w", f.err)
		}
	}
	if len(clashes) > 0 {
		return existing, counterpoint.Errorf(counterpoint.EINVALID, "dataset %q clashes with the graph: %s", dataset, strings.Join(clashes, "; "))
	}
	return existing, nil
}

func (db *DB) removeStale(ctx context.Context, tx neo4j.ManagedTransaction, dataset string, r *rows, sum counterpoint.WriteSummary) error {
	recs, err := db.run(ctx, tx, removeStaleRelationships, map[string]any{"dataset": dataset, "keys": r.ownedKeys})
	if err != nil {
		return fmt.Errorf("remove stale relationships: %w", err)
	}
	// The outcome column holds the type of the removed relationships.
	if err := addOutcomes(sum, recs, func(typ string) (string, string) { return typ, "removed" }); err != nil {
		return fmt.Errorf("remove stale relationships: %w", err)
	}
	for _, s := range []struct {
		what, query string
		ids         []string
	}{
		{"Claim", removeStaleClaims, r.claimIDs},
		{"Quote", removeStaleQuotes, r.quoteIDs},
	} {
		recs, err := db.run(ctx, tx, s.query, map[string]any{"dataset": dataset, "ids": s.ids})
		if err != nil {
			return fmt.Errorf("remove stale %s: %w", s.what, err)
		}
		f, err := onlyRecord(recs, "remove stale "+s.what)
		if err != nil {
			return err
		}
		n := f.integer("n")
		if f.err != nil {
			return fmt.Errorf("remove stale %s: %w", s.what, f.err)
		}
		if n > 0 {
			sum.Add(s.what, "removed", n)
		}
	}
	return nil
}

// recordLoad adds the load of dataset to the audit trail, unless it
// changed nothing.
func (db *DB) recordLoad(ctx context.Context, tx neo4j.ManagedTransaction, dataset string, sum counterpoint.WriteSummary) error {
	total := func(m map[string]int) (n int) {
		for _, v := range m {
			n += v
		}
		return n
	}
	created, updated, removed := total(sum.Created), total(sum.Updated), total(sum.Removed)
	if created+updated+removed == 0 {
		return nil
	}
	note := fmt.Sprintf("dataset %s: %d created, %d updated, %d removed", dataset, created, updated, removed)
	_, err := db.run(ctx, tx, recordLoad, map[string]any{"dataset": dataset, "by": counterpoint.EditorOf(ctx), "note": note})
	return err
}
