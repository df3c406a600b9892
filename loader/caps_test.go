package loader_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/format/datasetjson"
	"github.com/counterpoint-news/counterpoint/internal/datasettest"
	"github.com/counterpoint-news/counterpoint/loader"
)

// TestProblemsAreCapped: a file of thousands of broken elements lists the
// first counterpoint.MaxProblems problems and says how many there are in
// all, whether the schema or the domain's rules find them (before the cap,
// every problem was kept: 21 M empty claims took 6.1 GB).
func TestProblemsAreCapped(t *testing.T) {
	m := datasettest.MustSeedJSON(t)
	claims := m["claims"].([]any)
	schemaBroken := datasettest.MustSeedJSON(t)
	domainBroken := datasettest.MustSeedJSON(t)
	var empty, badIDs []any
	for i := range 1000 {
		empty = append(empty, map[string]any{})
		c := map[string]any{}
		for k, v := range claims[0].(map[string]any) {
			c[k] = v
		}
		c["id"] = fmt.Sprintf("Not A Slug %d", i)
		c["quotes"] = []any{}
		badIDs = append(badIDs, c)
	}
	schemaBroken["claims"] = empty
	domainBroken["claims"] = badIDs
	tests := []struct {
		name    string
		content map[string]any
		wantAll int // problems in all
	}{
		{"1,000 empty claims (the schema)", schemaBroken, 1000},                      // one each: "missing properties"
		{"1,000 claims with a bad id and no quote (the domain)", domainBroken, 2056}, // two each, and the seed's 56 references to its claims, gone
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := datasettest.MustWriteDataset(t, "ds.json", datasettest.MustJSON(t, tt.content))
			_, err := loader.ReadFiles(datasetjson.Reader, file)
			ps, ok := err.(loader.Problems)
			if !ok {
				t.Fatalf("read: err = %v, want Problems", err)
			}
			datasettest.CheckProblems(t, file, tt.name, ps)
			if len(ps) != counterpoint.MaxProblems+1 {
				t.Errorf("read: %d problems listed, want %d and one that counts the rest", len(ps), counterpoint.MaxProblems)
			}
			last := ps[len(ps)-1].Message
			if want := fmt.Sprintf("(%d in all; only the first %d are)", tt.wantAll, counterpoint.MaxProblems); !strings.Contains(last, want) {
				t.Errorf("read: last problem %q, want it to say %q", last, want)
			}
		})
	}
}

// TestTextBudgetPerDataset: the cap holds for all of a dataset's texts
// together, so that sources naming one text of nearly the cap are refused
// by its size before it is read again (8 sources on one 63 MB text took
// 6.2 GB).
func TestTextBudgetPerDataset(t *testing.T) {
	tests := []struct {
		name    string
		sources int
		wantOK  bool
	}{
		{"one source on the text", 1, true},
		{"two sources on the text", 2, true},
		{"three sources on the text, over the cap together", 3, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := datasettest.MustWriteDataset(t, "ds.json", nil)
			seedText, err := os.ReadFile(filepath.Join(filepath.Dir(file), datasettest.SeedText))
			if err != nil {
				t.Fatal(err)
			}
			text := strings.Repeat("Words of a long text. ", 5000)
			if err := os.WriteFile(filepath.Join(filepath.Dir(file), "big.txt"), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			// The seed's own text and two reads of big.txt fit; a third does not.
			limits := loader.Limits{MaxBytes: int64(len(seedText)+len(text))*5/2 + 100}
			m := datasettest.MustSeedJSON(t)
			third := fmt.Sprintf("$.sources[%d].textFile", len(m["sources"].([]any))+2)
			for i := 1; i <= tt.sources; i++ {
				m["sources"] = append(m["sources"].([]any), map[string]any{"id": fmt.Sprintf("copy-%d", i), "title": "A copy", "kind": "ARTICLE", "textFile": "big.txt"})
			}
			if err := os.WriteFile(file, datasettest.MustJSON(t, m), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err = limits.ReadFiles(datasetjson.Reader, file)
			if tt.wantOK {
				if err != nil {
					t.Fatalf("%d sources on a text of %d bytes, cap %d: %v", tt.sources, len(text), limits.MaxBytes, err)
				}
				return
			}
			want := fmt.Sprintf("source texts together would be %d bytes", len(seedText)+3*len(text))
			if err == nil || !strings.Contains(err.Error(), third) || !strings.Contains(err.Error(), want) {
				t.Errorf("%d sources on a text of %d bytes, cap %d: err = %v, want one at %s saying %q", tt.sources, len(text), limits.MaxBytes, err, third, want)
			}
		})
	}
}
