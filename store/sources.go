package store

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/counterpoint-news/counterpoint"
)

// Reads of sources, without their texts (which are large) unless asked.
const (
	sourcesByID = `UNWIND $ids AS id MATCH (n:Source {id: id}) OPTIONAL MATCH (n)-[:REPORTED_IN]->(r:Source)
RETURN n {.*, text: null} AS props, r.id AS reportedIn`
	sourceTexts = `UNWIND $ids AS id MATCH (n:Source {id: id}) WHERE n.text IS NOT NULL RETURN id, n.text AS text`
	authorsOf   = `UNWIND $ids AS id
MATCH (:Source {id: id})-[:AUTHORED_BY]->(a:Actor)
RETURN id AS from, a.id AS to, properties(a) AS props ORDER BY from, to`
	allSources = `MATCH (n:Source) OPTIONAL MATCH (n)-[:REPORTED_IN]->(r:Source)
RETURN n {.*, text: null} AS props, r.id AS reportedIn ORDER BY n.id`
)

// SourcesByID returns the sources with the given ids, without their texts.
func (db *DB) SourcesByID(ctx context.Context, ids []string) ([]counterpoint.Source, error) {
	return db.readSources(ctx, "sourcesByID", sourcesByID, map[string]any{"ids": ids})
}

// Sources returns every source, ordered by id, without texts.
func (db *DB) Sources(ctx context.Context) ([]counterpoint.Source, error) {
	return db.readSources(ctx, "allSources", allSources, nil)
}

// readSources reads sources from columns props and reportedIn.
func (db *DB) readSources(ctx context.Context, name, cypher string, params map[string]any) ([]counterpoint.Source, error) {
	res, err := db.read(ctx, name, cypher, params)
	if err != nil {
		return nil, err
	}
	return decodeAll(res.Records, func(f *fields) counterpoint.Source {
		s, err := decodeSource(f.any("props"))
		f.fail(err)
		s.ReportedIn = f.optStr("reportedIn")
		return s
	})
}

// SourceTexts returns the full texts of the given sources that have one.
func (db *DB) SourceTexts(ctx context.Context, ids []string) (map[string]string, error) {
	res, err := db.read(ctx, "sourceTexts", sourceTexts, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	texts := make(map[string]string, len(res.Records))
	for _, rec := range res.Records {
		f := recordFields(rec)
		id, text := f.str("id"), f.str("text")
		if f.err != nil {
			return nil, f.err
		}
		texts[id] = text
	}
	return texts, nil
}

// AuthorsOf returns source-to-author links, with the authors.
func (db *DB) AuthorsOf(ctx context.Context, ids []string) ([]counterpoint.Link, []counterpoint.Actor, error) {
	return db.linksWithActors(ctx, "authorsOf", authorsOf, ids)
}

// quotesBySource reads the quotes cut from each source's text.
const quotesBySource = `UNWIND $ids AS id
MATCH (q:Quote)-[:FROM]->(:Source {id: id})
MATCH (c:Claim)-[:EVIDENCED_BY]->(q)
OPTIONAL MATCH (q)-[:SAID_IN]->(d:Source)
RETURN c.id AS claim, properties(q) AS props, id AS source, d.id AS document`

// QuotesBySource returns the quotes cut from the given sources' texts, by
// source and then in text order, so that a reader of a source can mark
// them and a curator can find those a replaced text orphaned.
func (db *DB) QuotesBySource(ctx context.Context, ids []string) ([]counterpoint.Quote, error) {
	res, err := db.read(ctx, "quotesBySource", quotesBySource, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	qs, err := decodeAll(res.Records, func(f *fields) counterpoint.Quote {
		q, err := decodeQuote(f.any("props"))
		f.fail(err)
		q.Claim, q.Source, q.Document = f.str("claim"), f.str("source"), f.optStr("document")
		return q
	})
	slices.SortFunc(qs, func(a, b counterpoint.Quote) int {
		return cmp.Or(strings.Compare(a.Source, b.Source), cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End), strings.Compare(a.ID, b.ID))
	})
	return qs, err
}
