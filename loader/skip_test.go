package loader_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint"
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

// groupReader reads each file as a dataset of one claim (c-<file name>, no
// text in a file named bad.json) and joins every file into one group, as
// AIF maps that share nodes are, placing each element in the file it came
// from as "<file> (first)".
type groupReader struct{}

func (groupReader) Name() string { return "group" }

func (groupReader) Decode(file string, _ []byte, _ func(string) ([]byte, error)) (*counterpoint.Dataset, loader.Problems) {
	name := strings.TrimSuffix(filepath.Base(file), ".json")
	text := "A claim."
	if name == "bad" {
		text = ""
	}
	return &counterpoint.Dataset{ID: "g", Title: "G",
		Actors:  []counterpoint.Actor{{ID: "x", Name: "X", Kind: counterpoint.ActorPerson}},
		Sources: []counterpoint.Source{{ID: "s", Title: "S", Kind: counterpoint.SourceArticle, Text: "words here"}},
		Claims: []counterpoint.Claim{{ID: "c-" + name, Text: text,
			Assertions: []counterpoint.Assertion{{Actor: "x", Source: "s", Attribution: counterpoint.OnRecord}},
			Quotes:     []counterpoint.Quote{{ID: "q-" + name, Source: "s", Text: "words", End: 5}}}},
	}, nil
}

func (groupReader) Merge(inputs []loader.Input) ([]loader.Input, loader.Problems) {
	g := *inputs[0].Dataset
	from := map[string]string{}
	for _, in := range inputs {
		for _, c := range in.Dataset.Claims {
			from[c.ID] = in.File + " (first)"
		}
	}
	for _, in := range inputs[1:] {
		g.Claims = append(g.Claims, in.Dataset.Claims...)
	}
	return []loader.Input{{File: "the group", Dataset: &g, Place: func(id string) string { return from[id] }}}, nil
}

// TestGroupProblemNamesThePlace: a problem of an element of a merged
// group names the file that defines the element (the reader's Place), not
// the group.
func TestGroupProblemNamesThePlace(t *testing.T) {
	dir := t.TempDir()
	var files []string
	for _, name := range []string{"good.json", "bad.json"} {
		f := filepath.Join(dir, name)
		if err := os.WriteFile(f, []byte("{}"), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	inputs, rep, err := loader.Limits{}.Read(groupReader{}, loader.Options{SkipInvalid: true}, files...)
	if err != nil || len(inputs) != 1 {
		t.Fatalf("read: %d datasets, error %v; want the group", len(inputs), err)
	}
	want := files[1] + " (first)"
	if len(rep.Skipped) != 1 || rep.Skipped[0].File != want || rep.Skipped[0].Action != "claim skipped" {
		t.Errorf("skipped %q, want the claim of bad.json skipped, placed in %s", problemLines(rep.Skipped), want)
	}
}

func problemLines(ps loader.Problems) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Line())
	}
	return out
}
