package store

import (
	"context"
	"slices"
	"strings"

	"github.com/counterpoint-news/counterpoint"
)

// search asks the full-text index, best first.
var search = `CALL db.index.fulltext.queryNodes($index, $query, {limit: $first}) YIELD node AS n, score` +
	nodeLinks + `RETURN ` + nodeColumns + `, score ORDER BY score DESC, n.id`

// searchScoped asks the index for more hits than wanted, as those out of
// scope are dropped after the index has ranked them.
var searchScoped = `CALL db.index.fulltext.queryNodes($index, $query, {limit: $first * 20}) YIELD node AS n, score
WITH n, score WHERE ` + inScope("n") + `
WITH n, score ORDER BY score DESC, n.id LIMIT $first` + nodeLinks + `RETURN ` + nodeColumns + `, score ORDER BY score DESC, n.id`

// luceneSpecial are the characters Lucene's query parser treats as syntax.
var luceneSpecial = strings.NewReplacer(
	`\`, `\\`, `+`, `\+`, `-`, `\-`, `&`, `\&`, `|`, `\|`, `!`, `\!`, `(`, `\(`, `)`, `\)`,
	`{`, `\{`, `}`, `\}`, `[`, `\[`, `]`, `\]`, `^`, `\^`, `"`, `\"`, `~`, `\~`, `*`, `\*`,
	`?`, `\?`, `:`, `\:`, `/`, `\/`,
)

// searchQuery turns user text into a Lucene query that matches its words:
// syntax characters are escaped and the operators AND, OR and NOT lowered,
// so no input can make the query fail to parse.
func searchQuery(text string) string {
	words := strings.Fields(luceneSpecial.Replace(text))
	for i, w := range words {
		switch w {
		case "AND", "OR", "NOT", "TO":
			words[i] = strings.ToLower(w)
		}
	}
	return strings.Join(words, " ")
}

// Search finds actors, claims and quotes by their words, best first.
func (db *DB) Search(ctx context.Context, text string, first int, scope counterpoint.Scope) ([]counterpoint.SearchHit, error) {
	q := searchQuery(text)
	if q == "" {
		return nil, counterpoint.Errorf(counterpoint.EINVALID, "search: text must contain a word")
	}
	name, cypher := "search", search
	if len(scope) > 0 {
		name, cypher = "searchScoped", searchScoped
	}
	res, err := db.read(ctx, name, cypher, map[string]any{"index": FullTextIndex, "query": q, "first": first, "datasets": scopeParam(scope)})
	if err != nil {
		return nil, err
	}
	hits, err := decodeAll(res.Records, func(f *fields) counterpoint.SearchHit {
		return counterpoint.SearchHit{Score: f.number("score"), Node: decodeNodeRecord(f)}
	})
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(hits, func(h counterpoint.SearchHit) bool { return h.Node == nil }), nil
}
