package store

import (
	"context"
	"strings"

	"github.com/counterpoint-news/counterpoint"
)

// similarPool is how many claims the index proposes for the domain's rule
// (counterpoint.RankSimilarClaims) to rank.
const similarPool = 50

const (
	claimText = `MATCH (c:Claim {id: $id}) RETURN c.text AS text`
	// similarCandidates asks the claims' own index (English stemming) for
	// the claims that share words with the text, in scope, leaving out the
	// claim itself; out-of-scope hits are dropped after the index ranked
	// them, so a scoped read asks it for more.
	similarCandidates = `CALL db.index.fulltext.queryNodes($index, $query, {limit: $limit}) YIELD node AS c, score
WITH c, score WHERE ` + claimInScope + ` AND ($exclude IS NULL OR c.id <> $exclude)
WITH c, score ORDER BY score DESC, c.id LIMIT $pool
RETURN properties(c) AS props, score`
)

// SimilarClaims returns the claims that say what text says, or what the
// claim with id claim says when text is "", best first, at most first.
func (db *DB) SimilarClaims(ctx context.Context, claim, text string, scope counterpoint.Scope, first int) ([]counterpoint.ClaimMatch, error) {
	if claim != "" && text == "" {
		res, err := db.read(ctx, "claimText", claimText, map[string]any{"id": claim})
		if err != nil {
			return nil, err
		}
		if len(res.Records) == 0 {
			return nil, counterpoint.UnknownRef("claim", counterpoint.NodeClaim, claim)
		}
		f := recordFields(res.Records[0])
		if text = f.str("text"); f.err != nil {
			return nil, f.err
		}
	}
	words := counterpoint.SimilarSearchWords(text)
	if len(words) == 0 {
		return nil, counterpoint.Invalidf("text", "similarClaims: the text must contain a word that is not a stop word")
	}
	for i, w := range words {
		words[i] = luceneSpecial.Replace(w)
	}
	limit := similarPool
	if len(scope) > 0 {
		limit *= 20
	}
	res, err := db.read(ctx, "similarCandidates", similarCandidates, map[string]any{
		"index": ClaimTextIndex, "query": strings.Join(words, " "), "limit": limit, "pool": similarPool,
		"datasets": scopeParam(scope), "exclude": nullable(claim)})
	if err != nil {
		return nil, err
	}
	claims := make([]counterpoint.Claim, 0, len(res.Records))
	scores := make([]float64, 0, len(res.Records))
	for _, rec := range res.Records {
		f := recordFields(rec)
		c, err := decodeClaim(f.any("props"))
		score := f.number("score")
		if f.err != nil {
			return nil, f.err
		} else if err != nil {
			return nil, err
		}
		claims, scores = append(claims, c), append(scores, score)
	}
	out := counterpoint.RankSimilarClaims(text, claims, scores)
	return out[:min(len(out), first)], nil
}
