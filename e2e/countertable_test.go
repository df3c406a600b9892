package e2e_test

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

// The article's counters as a signed table: docs/counters.md holds, between
// two markers, a table made from the golden answer of
// testdata/golden/article-counters.graphql, so that any change to who
// countered whom shows in review twice, as data and as prose.
const (
	counterTableDoc   = "../docs/counters.md"
	counterTableBegin = "<!-- counter table: made from e2e/testdata/golden/article-counters.json by TestCounterTableMatchesGolden -->"
	counterTableEnd   = "<!-- end of counter table -->"
)

// TestCounterTableMatchesGolden fails when docs/counters.md's table is not
// the one the golden answer gives; `go test ./e2e -run CounterTable -update`
// rewrites it.
func TestCounterTableMatchesGolden(t *testing.T) {
	raw, err := os.ReadFile("testdata/golden/article-counters.json")
	if err != nil {
		t.Fatal(err)
	}
	table, err := counterTable(raw)
	if err != nil {
		t.Fatalf("read the golden counters: %v", err)
	}
	doc, err := os.ReadFile(counterTableDoc)
	if err != nil {
		t.Fatal(err)
	}
	before, rest, ok := strings.Cut(string(doc), counterTableBegin)
	_, after, ok2 := strings.Cut(rest, counterTableEnd)
	if !ok || !ok2 {
		t.Fatalf("%s has no counter table between %q and %q", counterTableDoc, counterTableBegin, counterTableEnd)
	}
	want := before + counterTableBegin + "\n" + table + counterTableEnd + after
	if *update {
		if err := os.WriteFile(counterTableDoc, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if string(doc) != want {
		t.Errorf("%s's counter table is not the golden answer's (run with -update and review the diff):\n%s", counterTableDoc, lineDiff(string(doc), want))
	}
}

// counterTable renders the golden answer as a Markdown table, one row per
// counter, in the answer's order.
func counterTable(raw []byte) (string, error) {
	var answer struct {
		Data struct {
			Counters []struct {
				By, Against     []struct{ ID, Name string }
				Counter, Target struct{ ID, Text string }
				Evidence        []struct{ Text string }
				Note            *string
				Inferred        bool
				Notes           []string
			}
		}
	}
	if err := json.Unmarshal(raw, &answer); err != nil {
		return "", err
	}
	if len(answer.Data.Counters) == 0 {
		return "", fmt.Errorf("no counters in the answer")
	}
	names := func(as []struct{ ID, Name string }) string {
		var out []string
		for _, a := range as {
			out = append(out, a.Name)
		}
		return strings.Join(out, "; ")
	}
	cell := func(s string) string { return strings.ReplaceAll(strings.ReplaceAll(s, "|", `\|`), "\n", " ") }
	var b strings.Builder
	b.WriteString("| # | who | against whom | the counter | the claim it counters | what it rests on | |\n")
	b.WriteString("|---|---|---|---|---|---|---|\n")
	for i, c := range answer.Data.Counters {
		var grounds []string
		for _, e := range c.Evidence {
			grounds = append(grounds, "the article: “"+e.Text+"”")
		}
		for _, n := range c.Notes {
			grounds = append(grounds, "the curator: "+n)
		}
		if len(c.Notes) == 0 && c.Note != nil && *c.Note != "" {
			grounds = append(grounds, "note: "+*c.Note)
		}
		kind := "stated"
		if c.Inferred {
			kind = "**inferred**"
		}
		fmt.Fprintf(&b, "| %d | %s | %s | %s (`%s`) | %s (`%s`) | %s | %s |\n", i+1, cell(names(c.By)), cell(names(c.Against)),
			cell(c.Counter.Text), c.Counter.ID, cell(c.Target.Text), c.Target.ID, cell(strings.Join(grounds, "<br>")), kind)
	}
	return b.String(), nil
}
