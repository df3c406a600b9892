package store

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/counterpoint-news/counterpoint"
)

// Re-anchoring the quotes and evidence cut from an earlier text of a
// source (the source itself is written by upsertSource, text included).
const (
	quotesFrom = `MATCH (c:Claim)-[:EVIDENCED_BY]->(q:Quote)-[:FROM]->(:Source {id: $id})
RETURN properties(q) AS props, c.id AS claim ORDER BY q.id`
	moveQuote = `UNWIND $rows AS row
MATCH (q:Quote {id: row.id})
SET q.start = row.start, q.end = row.end, q.prefix = row.prefix, q.suffix = row.suffix,
    q.sourceHash = row.sourceHash, q.anchor = row.anchor`
	evidenceFrom = `MATCH (a:Claim)-[r:REBUTS|SUPPORTS|QUALIFIES|REPHRASES]->(b:Claim) WHERE $id IN r.evidenceSources
RETURN elementId(r) AS rel, a.id AS from, type(r) AS kind, b.id AS to, r.evidenceSources AS sources,
       r.evidenceTexts AS texts, r.evidenceStarts AS starts, r.evidenceEnds AS ends, r.evidenceAnchors AS anchors`
	moveEvidence = `UNWIND $rows AS row
MATCH ()-[r]->() WHERE elementId(r) = row.rel
SET r.evidenceStarts = row.starts, r.evidenceEnds = row.ends, r.evidenceAnchors = row.anchors`
)

// ImportSource stores a source with its text. When it replaces another
// text, every quote and every relation's evidence cut from the old text is
// found again only by its exact words and context (counterpoint.Reanchor);
// what is not found is marked orphaned, never placed by guess.
func (db *DB) ImportSource(ctx context.Context, s counterpoint.Source) (counterpoint.ImportResult, error) {
	var res counterpoint.ImportResult
	if err := s.ValidateImport(); err != nil {
		return res, err
	}
	refs, reportedIn := sourceRefs(s)
	err := db.writeLocked(ctx, s.ID, nil, func(tx lockedTx) error {
		res = counterpoint.ImportResult{} // fresh on every retry
		if err := db.requireRefs(ctx, tx, refs, &ref{s.ID, counterpoint.NodeSource, "id"}); err != nil {
			return err
		}
		return db.versioned(ctx, tx, "source", s.Base, counterpoint.ChangeImport, func() error {
			texts, err := db.sourceTexts(ctx, tx, []string{s.ID})
			if err != nil {
				return err
			}
			if _, err := db.run(ctx, tx, upsertSource, map[string]any{
				"props": sourceProps(s), "authors": nonNil(s.Authors), "reportedIn": nonNil(reportedIn),
			}); err != nil {
				return err
			}
			old, had := texts[s.ID]
			if !had || old == s.Text {
				return nil
			}
			return db.reanchor(ctx, tx, s.ID, counterpoint.NewText(old), counterpoint.NewText(s.Text), &res)
		})
	})
	return res, err
}

// reanchor moves the quotes and evidence of source id from old to next.
func (db *DB) reanchor(ctx context.Context, tx neo4j.ManagedTransaction, id string, old, next *counterpoint.Text, res *counterpoint.ImportResult) error {
	recs, err := db.run(ctx, tx, quotesFrom, map[string]any{"id": id})
	if err != nil {
		return err
	}
	quotes, err := decodeAll(recs, func(f *fields) counterpoint.Quote {
		q, err := decodeQuote(f.any("props"))
		f.fail(err)
		q.Claim, q.Source = f.str("claim"), id
		return q
	})
	if err != nil {
		return err
	}
	var rows []map[string]any
	for _, q := range quotes {
		moved := counterpoint.Reanchor(q, old, next)
		switch moved.Anchor {
		case counterpoint.Orphaned:
			res.Orphaned = append(res.Orphaned, moved)
		case counterpoint.Moved:
			res.Moved = append(res.Moved, moved)
		}
		rows = append(rows, map[string]any{"id": q.ID, "start": moved.Start, "end": moved.End, "prefix": moved.Prefix,
			"suffix": moved.Suffix, "sourceHash": nullIfEmpty(moved.SourceHash), "anchor": string(moved.Anchor)})
	}
	if len(rows) > 0 {
		if _, err := db.run(ctx, tx, moveQuote, map[string]any{"rows": rows}); err != nil {
			return err
		}
	}
	return db.reanchorEvidence(ctx, tx, id, old, next, res)
}

// reanchorEvidence moves the evidence of claim relations that source id
// holds; evidenceAnchors, parallel to the other evidence lists, marks each.
func (db *DB) reanchorEvidence(ctx context.Context, tx neo4j.ManagedTransaction, id string, old, next *counterpoint.Text, res *counterpoint.ImportResult) error {
	recs, err := db.run(ctx, tx, evidenceFrom, map[string]any{"id": id})
	if err != nil {
		return err
	}
	var rows []map[string]any
	for _, rec := range recs {
		f := recordFields(rec)
		rel := f.str("rel")
		key := counterpoint.Relation{Kind: counterpoint.RelationKind(f.str("kind")), From: f.str("from"), To: f.str("to")}.Key()
		sources, texts := f.strs("sources"), f.strs("texts")
		starts, ends, anchors := f.optList("starts"), f.optList("ends"), f.strs("anchors")
		if f.err != nil {
			return f.err
		}
		if len(texts) != len(sources) || len(starts) != len(sources) || len(ends) != len(sources) {
			return fmt.Errorf("relation %s: evidence lists of different lengths", key)
		}
		newStarts, newEnds := make([]int64, len(sources)), make([]int64, len(sources))
		newAnchors := make([]string, len(sources))
		movedAny, orphanedAny := false, false
		for i := range sources {
			start, ok1 := starts[i].(int64)
			end, ok2 := ends[i].(int64)
			if !ok1 || !ok2 {
				return fmt.Errorf("relation %s: evidence offsets %T, %T, want integers", key, starts[i], ends[i])
			}
			newStarts[i], newEnds[i] = start, end
			newAnchors[i] = string(counterpoint.Anchored)
			if i < len(anchors) && anchors[i] != "" {
				newAnchors[i] = anchors[i]
			}
			if sources[i] != id {
				continue
			}
			q := counterpoint.Reanchor(counterpoint.Quote{Text: texts[i], Start: int(start), End: int(end)}, old, next)
			newStarts[i], newEnds[i], newAnchors[i] = int64(q.Start), int64(q.End), string(q.Anchor)
			movedAny = movedAny || q.Anchor == counterpoint.Moved
			orphanedAny = orphanedAny || q.Anchor == counterpoint.Orphaned
		}
		if orphanedAny {
			res.OrphanedEvidence = append(res.OrphanedEvidence, key)
		} else if movedAny {
			res.MovedEvidence = append(res.MovedEvidence, key)
		}
		rows = append(rows, map[string]any{"rel": rel, "starts": newStarts, "ends": newEnds, "anchors": newAnchors})
	}
	if len(rows) == 0 {
		return nil
	}
	_, err = db.run(ctx, tx, moveEvidence, map[string]any{"rows": rows})
	return err
}
