package similar_test

import (
	"fmt"
	"testing"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/bench/gen"
	"github.com/counterpoint-news/counterpoint/bench/similar"
)

// TestTheRuleAloneFindsTheRestatements ranks every claim of the test set,
// with generated claims of the debate's words around them, by the domain's
// rule alone (the store narrows by its index first): the true match must
// be in the top 5 for 90% of the queries and first for 80%.
func TestTheRuleAloneFindsTheRestatements(t *testing.T) {
	var claims []counterpoint.Claim
	for i, text := range similar.Claims() {
		claims = append(claims, counterpoint.Claim{ID: fmt.Sprintf("t%03d", i), Text: text})
	}
	for i, c := range gen.Generate(gen.Config{Elements: 20000, Seed: 7}).Dataset.Claims {
		claims = append(claims, counterpoint.Claim{ID: fmt.Sprintf("g%05d", i), Text: c.Text})
	}
	r, err := similar.Evaluate(func(text string) ([]string, error) {
		var out []string
		for _, m := range counterpoint.RankSimilarClaims(text, claims, nil) {
			out = append(out, m.Claim.Text)
		}
		return out, nil
	}, 1)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d queries over %d claims: recall@5 %.3f, precision@1 %.3f, traps above the target %d", r.Queries, len(claims), r.RecallAt5(), r.PrecisionAt1(), r.TrapAbove)
	for _, m := range r.Misses {
		t.Log("miss:", m)
	}
	if r.RecallAt5() < 0.9 || r.PrecisionAt1() < 0.8 {
		t.Errorf("recall@5 %.3f (want >= 0.9), precision@1 %.3f (want >= 0.8)", r.RecallAt5(), r.PrecisionAt1())
	}
}
