package store

import (
	"context"

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
