package loader_test

import (
	"errors"
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

// badDataset is one way a curator can get a dataset wrong, with the path
// and words the loader's problem must name.
type badDataset struct {
	name     string
	content  func(tb testing.TB) []byte
	wantPath string
	wantMsg  string
}

func mutated(f func(tb testing.TB, m map[string]any)) func(tb testing.TB) []byte {
	return func(tb testing.TB) []byte {
		m := datasettest.MustSeedJSON(tb)
		f(tb, m)
		return datasettest.MustJSON(tb, m)
	}
}

func badDatasets() []badDataset {
	return []badDataset{
		{"malformed JSON", func(tb testing.TB) []byte {
			return []byte("{\n  \"id\": \"x\",\n  \"title\": \"t\"\n  \"sources\": []\n}")
		}, "line 4, column 3", "malformed JSON"},
		{"truncated JSON", func(tb testing.TB) []byte {
			b := datasettest.MustJSON(tb, datasettest.MustSeedJSON(tb))
			return b[:len(b)/2]
		}, "line ", "malformed JSON"},
		{"dangling actor reference", mutated(func(tb testing.TB, m map[string]any) {
			i := claimIndex(tb, m, "us-statement-will-not-deter-china-russia")
			at(m, "claims", i, "assertions", 0).(map[string]any)["actor"] = "robert-s-litt"
		}), "$.claims[%d].assertions[0].actor", `unknown actor "robert-s-litt"`},
		{"dangling claim reference in a relation", mutated(func(tb testing.TB, m map[string]any) {
			at(m, "relations", 0).(map[string]any)["to"] = "no-such-claim"
		}), "$.relations[0].to", `unknown claim "no-such-claim"`},
		{"duplicate actor id", mutated(func(tb testing.TB, m map[string]any) {
			actors := m["actors"].([]any)
			dup := map[string]any{"id": "robert-litt", "name": "Another Litt", "kind": "PERSON"}
			m["actors"] = append(actors, dup)
		}), "$.actors[20].id", `duplicate id "robert-litt" (first defined at actors[8].id)`},
		{"claim id equal to an actor id", mutated(func(tb testing.TB, m map[string]any) {
			at(m, "claims", 0).(map[string]any)["id"] = "fbi"
		}), "$.claims[0].id", `duplicate id "fbi"`},
		{"quote not in its source", mutated(func(tb testing.TB, m map[string]any) {
			i := claimIndex(tb, m, "us-statement-will-not-deter-china-russia")
			at(m, "claims", i, "quotes", 0).(map[string]any)["text"] = "Surely?"
		}), "$.claims[%d].quotes[0]", "the quote is nowhere in the source text"},
		{"wrong offset", mutated(func(tb testing.TB, m map[string]any) {
			i := claimIndex(tb, m, "us-statement-will-not-deter-china-russia")
			q := at(m, "claims", i, "quotes", 0).(map[string]any)
			q["start"] = q["start"].(float64) + 1
			q["end"] = q["end"].(float64) + 1
		}), "$.claims[%d].quotes[0]", `quote "Really?" is not at`},
		{"offsets past the end of the text", mutated(func(tb testing.TB, m map[string]any) {
			q := at(m, "claims", 0, "quotes", 0).(map[string]any)
			q["start"], q["end"] = 9000, 9010
		}), "$.claims[0].quotes[0]", "outside source"},
		{"unknown relation kind", mutated(func(tb testing.TB, m map[string]any) {
			at(m, "relations", 0).(map[string]any)["kind"] = "REFUTES"
		}), "$.relations[0].kind", "must be one of"},
		{"self-rebuttal", mutated(func(tb testing.TB, m map[string]any) {
			r := at(m, "relations", 0).(map[string]any)
			r["kind"], r["to"] = "REBUTS", r["from"]
		}), "$.relations[0].to", "cannot be related to itself (REBUTS)"},
		{"unknown actor kind", mutated(func(tb testing.TB, m map[string]any) {
			at(m, "actors", 0).(map[string]any)["kind"] = "ALIEN"
		}), "$.actors[0].kind", "must be one of"},
		{"claim without a quote", mutated(func(tb testing.TB, m map[string]any) {
			at(m, "claims", 0).(map[string]any)["quotes"] = []any{}
		}), "$.claims[0].quotes", "has no quote; every claim needs at least one verbatim quote"},
		{"id that is not a slug", mutated(func(tb testing.TB, m map[string]any) {
			at(m, "actors", 0).(map[string]any)["id"] = "Law Enforcement"
		}), "$.actors[0].id", "is not a slug"},
		{"unknown field", mutated(func(tb testing.TB, m map[string]any) {
			at(m, "claims", 0).(map[string]any)["speaker"] = "fbi"
		}), "$.claims[0]", "additional properties 'speaker' not allowed"},
		{"quote in a source without text", mutated(func(tb testing.TB, m map[string]any) {
			at(m, "claims", 0, "quotes", 0).(map[string]any)["source"] = "litt-email-2015-08"
		}), "$.claims[0].quotes[0].source", `source "litt-email-2015-08" has no text`},
		{"bad date", mutated(func(tb testing.TB, m map[string]any) {
			at(m, "claims", 0).(map[string]any)["date"] = "2015-13"
		}), "$.claims[0].date", `date "2015-13" is not YYYY, YYYY-MM or YYYY-MM-DD`},
		{"the reporter's words as a DIRECT quote", mutated(func(tb testing.TB, m map[string]any) {
			words := "Privately, law enforcement officials have acknowledged that prospects for congressional action this year are remote."
			start, end := articleSpan(tb, words)
			at(m, "claims", 0).(map[string]any)["quotes"] = []any{map[string]any{
				"text": words, "kind": "DIRECT", "source": "wapo-2015-encryption", "start": start, "end": end,
			}}
		}), "$.claims[0].quotes[0].kind", "is DIRECT but not inside quotation marks in source \"wapo-2015-encryption\"; the reporter's words are a PARAPHRASE"},
		{"a quoted span interrupted by the reporter as DIRECT", mutated(func(tb testing.TB, m map[string]any) {
			words := "the legislative environment is very hostile today,” the intelligence community’s top lawyer"
			start, end := articleSpan(tb, words)
			at(m, "claims", 0).(map[string]any)["quotes"] = []any{map[string]any{
				"text": words, "kind": "DIRECT", "source": "wapo-2015-encryption", "start": start, "end": end,
			}}
		}), "$.claims[0].quotes[0].kind", "is DIRECT but not inside quotation marks"},
		{"relation evidence not in the source", mutated(func(tb testing.TB, m map[string]any) {
			at(m, "relations", 0).(map[string]any)["evidence"] = []any{map[string]any{
				"text": "He flatly rejected the paper", "source": "wapo-2015-encryption", "start": 0, "end": 28,
			}}
		}), "$.relations[0].evidence[0]", "the quote is nowhere in the source text"},
		{"relation evidence at a wrong offset", mutated(func(tb testing.TB, m map[string]any) {
			start, end := articleSpan(tb, "He also took issue with the assertion")
			at(m, "relations", 0).(map[string]any)["evidence"] = []any{map[string]any{
				"text": "He also took issue with the assertion", "source": "wapo-2015-encryption", "start": start + 2, "end": end + 2,
			}}
		}), "$.relations[0].evidence[0]", "; it is at ["},
		{"inferred relation without a reason", mutated(func(tb testing.TB, m map[string]any) {
			r := at(m, "relations", 0).(map[string]any)
			r["inferred"], r["note"] = true, ""
		}), "$.relations[0].note", "is inferred: its note must say why"},
	}
}

// TestReadRefusesBadDatasets checks each bad dataset is refused with a
// problem naming its file and JSON path.
func TestReadRefusesBadDatasets(t *testing.T) {
	m := datasettest.MustSeedJSON(t)
	really := claimIndex(t, m, "us-statement-will-not-deter-china-russia")
	for _, tt := range badDatasets() {
		t.Run(tt.name, func(t *testing.T) {
			file := datasettest.MustWriteDataset(t, "bad.json", tt.content(t))
			wantPath := tt.wantPath
			if strings.Contains(wantPath, "%d") {
				wantPath = fmt.Sprintf(wantPath, really)
			}
			inputs, err := loader.ReadFiles(datasetjson.Reader, file)
			if err == nil {
				t.Fatalf("ReadFiles(%s) accepted it (%d inputs); want a problem at %s", tt.name, len(inputs), wantPath)
			}
			if code := domainError(err).Code; code != counterpoint.EINVALID {
				t.Errorf("error code = %q, want %q", code, counterpoint.EINVALID)
			}
			problems, ok := err.(loader.Problems)
			if !ok {
				t.Fatalf("error is %T, want loader.Problems: %v", err, err)
			}
			for _, p := range problems {
				if p.File == file && strings.HasPrefix(p.Path, wantPath) && strings.Contains(p.Message, tt.wantMsg) {
					return
				}
			}
			t.Errorf("no problem in %s at %s containing %q; got:\n%v", file, wantPath, tt.wantMsg, err)
		})
	}
}

func TestReadAcceptsTheSeed(t *testing.T) {
	inputs, err := loader.ReadFiles(datasetjson.Reader, seedFile)
	if err != nil {
		t.Fatalf("ReadFiles(%s): %v", seedFile, err)
	}
	ds := inputs[0].Dataset
	if len(ds.Claims) == 0 || len(ds.Actors) == 0 {
		t.Fatalf("seed has %d claims and %d actors", len(ds.Claims), len(ds.Actors))
	}
	for _, c := range ds.Claims {
		if len(c.Quotes) == 0 {
			t.Errorf("claim %q has no quote", c.ID)
		}
	}
}

// TestReadReportsEveryProblemAtOnce: a curator fixes a file in one pass.
func TestReadReportsEveryProblemAtOnce(t *testing.T) {
	m := datasettest.MustSeedJSON(t)
	at(m, "relations", 0).(map[string]any)["to"] = "no-such-claim"
	at(m, "claims", 1, "assertions", 0).(map[string]any)["actor"] = "nobody"
	q := at(m, "claims", 2, "quotes", 0).(map[string]any)
	q["start"] = q["start"].(float64) + 2
	file := datasettest.MustWriteDataset(t, "three.json", datasettest.MustJSON(t, m))
	_, err := loader.ReadFiles(datasetjson.Reader, file)
	problems, _ := err.(loader.Problems)
	want := []string{"$.relations[0].to", "$.claims[1].assertions[0].actor", "$.claims[2].quotes[0]"}
	for _, w := range want {
		found := false
		for _, p := range problems {
			found = found || p.Path == w
		}
		if !found {
			t.Errorf("no problem at %s; got %v", w, err)
		}
	}
}

// TestReadRefusesConflictingDatasets: two datasets may share actors, but
// must define them alike, and may not share claims.
func TestReadRefusesConflictingDatasets(t *testing.T) {
	a := datasettest.MustSeedJSON(t)
	b := datasettest.MustSeedJSON(t)
	b["id"] = "second-dataset"
	at(b, "actors", 8).(map[string]any)["role"] = "a different role"
	fa := datasettest.MustWriteDataset(t, "a.json", datasettest.MustJSON(t, a))
	fb := datasettest.MustWriteDataset(t, "b.json", datasettest.MustJSON(t, b))
	_, err := loader.ReadFiles(datasetjson.Reader, fa, fb)
	if err == nil {
		t.Fatal("two datasets with the same claims and a differing actor were accepted")
	}
	for _, want := range []string{`"robert-litt" is defined differently in ` + fa, `id "going-dark-risk" is also defined in ` + fa} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not say %q:\n%v", want, err)
		}
	}
}

// domainError is the first *counterpoint.Error in err's chain, or an
// EINTERNAL one when there is none.
func domainError(err error) *counterpoint.Error {
	var e *counterpoint.Error
	if errors.As(err, &e) {
		return e
	}
	return &counterpoint.Error{Code: counterpoint.EINTERNAL, Message: "not a domain error: " + err.Error()}
}

// TestSkipInvalidJSON: --skip-invalid with the JSON format leaves out a
// dataset file that has problems, whole, and lists them; the others load.
func TestSkipInvalidJSON(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(bad, []byte(`{"id":"x"`), 0o644); err != nil {
		t.Fatal(err)
	}
	inputs, skipped, err := loader.Limits{}.ReadFilesSkipInvalid(datasetjson.Reader, bad, seedFile)
	if err != nil {
		t.Fatal(err)
	}
	if len(inputs) != 1 || inputs[0].Dataset.ID != "wapo-2015-encryption" {
		t.Errorf("read %d datasets, want the article's only", len(inputs))
	}
	if len(skipped) != 1 || skipped[0].File != bad || !strings.Contains(skipped[0].Message, "malformed JSON") {
		t.Errorf("skipped %v, want the malformed file", skipped)
	}
}
