package loader_test

import (
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint/format/datasetjson"
	"github.com/counterpoint-news/counterpoint/internal/datasettest"
	"github.com/counterpoint-news/counterpoint/loader"
)

// TestSkipInvalidCostsOnlyWhatAProblemTouches: with --skip-invalid, a
// problem the dataset checks find leaves out the element it names and what
// needs it (a relation whose claim goes), never the dataset; without it,
// nothing is read.
func TestSkipInvalidCostsOnlyWhatAProblemTouches(t *testing.T) {
	seed := datasettest.MustSeedJSON(t)
	claims, relations := len(seed["claims"].([]any)), len(seed["relations"].([]any))
	tests := []struct {
		name                      string
		mutate                    func(m map[string]any)
		wantClaims, wantRelations int
		wantAction                string
	}{
		{"a relation to no claim", func(m map[string]any) {
			at(m, "relations", 0).(map[string]any)["to"] = "no-such-claim"
		}, claims, relations - 1, "relation skipped"},
		{"an assertion by no actor", func(m map[string]any) {
			i := claimIndex(t, m, "us-statement-will-not-deter-china-russia")
			at(m, "claims", i, "assertions", 0).(map[string]any)["actor"] = "robert-s-litt"
			// Its only assertion goes, so the claim, asserted by no one,
			// goes too, with the one relation that needs it.
		}, claims - 1, relations - 1, "assertion skipped"},
		{"a quote not in its source", func(m map[string]any) {
			i := claimIndex(t, m, "us-statement-will-not-deter-china-russia")
			at(m, "claims", i, "quotes", 0).(map[string]any)["text"] = "Surely?"
			// The claim has another quote: only this one goes.
		}, claims, relations, "quote skipped"},
	}
	for _, tt := range tests {
		m := datasettest.MustSeedJSON(t)
		tt.mutate(m)
		file := datasettest.MustWriteDataset(t, "d.json", datasettest.MustJSON(t, m))
		if _, err := loader.ReadFiles(datasetjson.Reader, file); err == nil {
			t.Errorf("%s: read without --skip-invalid, want it refused", tt.name)
		}
		inputs, skipped, err := loader.Limits{}.ReadFilesSkipInvalid(datasetjson.Reader, file)
		if err != nil || len(inputs) != 1 {
			t.Errorf("%s: %d datasets, error %v; want the dataset read", tt.name, len(inputs), err)
			continue
		}
		ds := inputs[0].Dataset
		if len(ds.Claims) != tt.wantClaims || len(ds.Relations) != tt.wantRelations {
			t.Errorf("%s: %d claims, %d relations; want %d, %d", tt.name, len(ds.Claims), len(ds.Relations), tt.wantClaims, tt.wantRelations)
		}
		if len(skipped) == 0 || !strings.Contains(skipped[0].Action, tt.wantAction) {
			t.Errorf("%s: skipped %v, want the first %q", tt.name, skipped, tt.wantAction)
		}
		for _, p := range skipped {
			if strings.Contains(p.Action, "dataset") {
				t.Errorf("%s: %s, want no dataset skipped", tt.name, p.Line())
			}
		}
	}
}

// TestSkipInvalidKeepsConflictingDatasets: two datasets that define an
// actor differently and share claims both load with --skip-invalid: the
// second takes the first's definition and leaves out the shared claims.
func TestSkipInvalidKeepsConflictingDatasets(t *testing.T) {
	a := datasettest.MustSeedJSON(t)
	b := datasettest.MustSeedJSON(t)
	b["id"] = "second-dataset"
	at(b, "actors", 8).(map[string]any)["role"] = "a different role"
	fa := datasettest.MustWriteDataset(t, "a.json", datasettest.MustJSON(t, a))
	fb := datasettest.MustWriteDataset(t, "b.json", datasettest.MustJSON(t, b))
	inputs, skipped, err := loader.Limits{}.ReadFilesSkipInvalid(datasetjson.Reader, fa, fb)
	if err != nil || len(inputs) != 2 {
		t.Fatalf("%d datasets, error %v; want both", len(inputs), err)
	}
	if got := inputs[1].Dataset.Actors[8].Role; got == "a different role" {
		t.Errorf("second dataset's actor 8 role = %q, want the first's", got)
	}
	if n := len(inputs[1].Dataset.Claims); n != 0 {
		t.Errorf("second dataset keeps %d claims, want none (all are the first's)", n)
	}
	kinds := map[string]int{}
	for _, p := range skipped {
		kinds[p.Kind]++
	}
	if kinds["actor-differs"] != 1 || kinds["claim-twice"] == 0 {
		t.Errorf("skipped kinds %v, want one actor-differs and the claims twice", kinds)
	}
}
