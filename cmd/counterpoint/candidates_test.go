package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint/internal/neo4jtest"
)

// secondDebate is a dataset written for this test: a later report in which
// the article's FBI director is "Jim Comey", with an anonymous source and a
// speaker the graph does not know.
const secondDebate = `{
  "id": "later-report",
  "title": "A later report",
  "sources": [{"id": "later-report-src", "title": "A later report", "kind": "ARTICLE", "textFile": "later-report.txt"}],
  "actors": [
    {"id": "jim-comey-later", "name": "Jim Comey", "kind": "PERSON", "role": "director of the FBI"},
    {"id": "later-official", "name": "a senior administration official", "kind": "ANONYMOUS"},
    {"id": "later-newcomer", "name": "Wilhelmina Quade", "kind": "PERSON"}
  ],
  "claims": [
    {"id": "later-1", "text": "Encrypted phones keep evidence from the police.", "date": "2016",
     "assertions": [{"actor": "jim-comey-later", "source": "later-report-src", "attribution": "IN_DOCUMENT"},
                    {"actor": "later-official", "source": "later-report-src", "attribution": "ANONYMOUS"},
                    {"actor": "later-newcomer", "source": "later-report-src", "attribution": "IN_DOCUMENT"}],
     "quotes": [{"text": "encrypted phones keep evidence from the police", "kind": "PARAPHRASE", "source": "later-report-src", "start": 15, "end": 61}]}
  ]
}`

// TestLoadProposesActorCandidates: a load names, for each new actor, the
// existing actors it may be with the reason (on stderr and in --report),
// never for an anonymous one, and merges nothing.
func TestLoadProposesActorCandidates(t *testing.T) {
	db := neo4jtest.MustOpen(t)
	seedOnly := func() {
		if err := db.DeleteAll(context.Background()); err != nil {
			t.Fatal(err)
		}
		neo4jtest.MustSeed(t, db)
	}
	seedOnly()
	t.Cleanup(seedOnly) // the later report is not left to the tests after this one
	neo4jtest.SetEnv(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "later-report.json")
	if err := os.WriteFile(file, []byte(secondDebate), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "later-report.txt"), []byte("Jim Comey said encrypted phones keep evidence from the police."), 0o644); err != nil {
		t.Fatal(err)
	}
	report := filepath.Join(dir, "report.jsonl")
	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"load", "--quiet", "--report", report, file}, &out, &errOut); err != nil {
		t.Fatalf("load: %v\n%s", err, errOut.String())
	}
	var lines []string
	for _, l := range strings.Split(errOut.String(), "\n") {
		if strings.HasPrefix(l, "candidate: ") {
			lines = append(lines, l)
		}
	}
	want := `candidate: ` + file + `: $.actors[0]: new actor "jim-comey-later" ("Jim Comey") may be the existing actor "james-comey" ("James B. Comey"): `
	if len(lines) != 1 || !strings.HasPrefix(lines[0], want) || !strings.HasSuffix(lines[0], "[actor-candidate] (noted)") {
		t.Errorf("load's candidate lines:\n%s\nwant one starting %q", strings.Join(lines, "\n"), want)
	}
	b, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"node":"jim-comey-later","kind":"actor-candidate","action":"noted"`) || !strings.Contains(string(b), `"actor-candidate":1`) {
		t.Errorf("report %s: want the candidate of jim-comey-later and its count", b)
	}
	got, err := db.ActorsByID(context.Background(), []string{"jim-comey-later", "james-comey"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Errorf("after the load, actors %v: want both, nothing merged", got)
	}
}
