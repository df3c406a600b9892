package store

import (
	"context"

	"github.com/counterpoint-news/counterpoint"
)

// Deletes: a claim goes with its quotes and every relation that touches
// it; an actor goes only when nothing in the graph still names it.
const (
	deleteClaim = `MATCH (c:Claim {id: $id})
OPTIONAL MATCH (c)-[:EVIDENCED_BY]->(q:Quote)
DETACH DELETE c, q`
	actorUses = `MATCH (a:Actor {id: $id})
RETURN COUNT { (a)-[:ASSERTED]->(:Claim) } AS asserts,
       COUNT { (:Claim)-[:ABOUT]->(a) } AS about,
       COUNT { (:Source)-[:AUTHORED_BY]->(a) } AS authored,
       COUNT { (:Actor)-[:MEMBER_OF]->(a) } AS members`
	deleteActor = `MATCH (a:Actor {id: $id}) DETACH DELETE a`
	sourceUses  = `MATCH (s:Source {id: $id})
RETURN COUNT { (:Quote)-[:FROM|SAID_IN]->(s) } AS quotes,
       COUNT { MATCH ()-[r:ASSERTED]->(:Claim) WHERE r.source = $id } AS assertions,
       COUNT { MATCH (:Claim)-[r:REBUTS|SUPPORTS|QUALIFIES]->(:Claim) WHERE r.source = $id OR $id IN coalesce(r.evidenceSources, []) } AS relations,
       COUNT { (:Source)-[:REPORTED_IN]->(s) } AS reports`
	deleteSource = `MATCH (s:Source {id: $id}) DETACH DELETE s`
)

// DeleteClaim deletes a claim based on version base, with its quotes and
// relations; it reports whether there was one.
func (db *DB) DeleteClaim(ctx context.Context, id string, base int) (bool, error) {
	var found bool
	err := db.writeLocked(ctx, id, nil, func(tx lockedTx) error {
		labels, err := db.labelsOf(ctx, tx, []ref{{id, counterpoint.NodeClaim, "id"}})
		if err != nil {
			return err
		}
		if found = len(labels) == 1 && labels[0] == counterpoint.NodeClaim; !found {
			return notFoundUnlessOther(labels, id, counterpoint.NodeClaim)
		}
		return db.versioned(ctx, tx, "claim", &base, "", func() error {
			_, err := db.run(ctx, tx, deleteClaim, map[string]any{"id": id})
			return err
		})
	})
	return found, err
}

// DeleteActor deletes an actor based on version base, refusing while a
// claim, source or group still names it; it reports whether there was one.
func (db *DB) DeleteActor(ctx context.Context, id string, base int) (bool, error) {
	var found bool
	err := db.writeLocked(ctx, id, nil, func(tx lockedTx) error {
		labels, err := db.labelsOf(ctx, tx, []ref{{id, counterpoint.NodeActor, "id"}})
		if err != nil {
			return err
		}
		if found = len(labels) == 1 && labels[0] == counterpoint.NodeActor; !found {
			return notFoundUnlessOther(labels, id, counterpoint.NodeActor)
		}
		return db.versioned(ctx, tx, "actor", &base, "", func() error {
			recs, err := db.run(ctx, tx, actorUses, map[string]any{"id": id})
			if err != nil {
				return err
			}
			f, err := onlyRecord(recs, "count the uses of actor "+id)
			if err != nil {
				return err
			}
			asserts, about, authored, members := f.integer("asserts"), f.integer("about"), f.integer("authored"), f.integer("members")
			if f.err != nil {
				return f.err
			}
			if asserts+about+authored+members > 0 {
				return counterpoint.Invalidf("id", "actor %q is still named by %d claims it asserts, %d claims about it, %d sources it wrote and %d members; change or delete those first",
					id, asserts, about, authored, members)
			}
			_, err = db.run(ctx, tx, deleteActor, map[string]any{"id": id})
			return err
		})
	})
	return found, err
}

// DeleteSource deletes a source based on version base, with its text,
// refusing while a quote, an assertion, a relation or another source still
// names it; it reports whether there was one.
func (db *DB) DeleteSource(ctx context.Context, id string, base int) (bool, error) {
	var found bool
	err := db.writeLocked(ctx, id, nil, func(tx lockedTx) error {
		labels, err := db.labelsOf(ctx, tx, []ref{{id, counterpoint.NodeSource, "id"}})
		if err != nil {
			return err
		}
		if found = len(labels) == 1 && labels[0] == counterpoint.NodeSource; !found {
			return notFoundUnlessOther(labels, id, counterpoint.NodeSource)
		}
		return db.versioned(ctx, tx, "source", &base, "", func() error {
			recs, err := db.run(ctx, tx, sourceUses, map[string]any{"id": id})
			if err != nil {
				return err
			}
			f, err := onlyRecord(recs, "count the uses of source "+id)
			if err != nil {
				return err
			}
			quotes, assertions, relations, reports := f.integer("quotes"), f.integer("assertions"), f.integer("relations"), f.integer("reports")
			if f.err != nil {
				return f.err
			}
			if quotes+assertions+relations+reports > 0 {
				return counterpoint.Invalidf("id", "source %q is still named by %d quotes, %d assertions, %d relations and %d sources it reports on; change or delete those first",
					id, quotes, assertions, relations, reports)
			}
			_, err = db.run(ctx, tx, deleteSource, map[string]any{"id": id})
			return err
		})
	})
	return found, err
}

// notFoundUnlessOther is nil when no node has id (a delete of nothing),
// and IDTaken when a node of another kind has it.
func notFoundUnlessOther(found []counterpoint.NodeType, id string, want counterpoint.NodeType) error {
	for _, label := range found { // one label, that of id
		if label != "" {
			return counterpoint.IDTaken("id", id, label, want)
		}
	}
	return nil
}
