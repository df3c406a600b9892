package loader_test

import (
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint/format/datasetjson"
	"github.com/counterpoint-news/counterpoint/internal/datasettest"
	"github.com/counterpoint-news/counterpoint/loader"
)

// TestAliasesMergeActorsOfJSONDatasets: the aliases file that merges an
// AIF corpus's spellings merges a curated dataset's actors too: the
// variant's actor goes and its assertions are the canonical actor's.
func TestAliasesMergeActorsOfJSONDatasets(t *testing.T) {
	m := datasettest.MustSeedJSON(t)
	m["actors"] = append(m["actors"].([]any), map[string]any{"id": "bob-litt", "name": "Bob Litt", "kind": "PERSON"})
	i := claimIndex(t, m, "us-statement-will-not-deter-china-russia")
	at(m, "claims", i, "assertions", 0).(map[string]any)["actor"] = "bob-litt"
	file := datasettest.MustWriteDataset(t, "d.json", datasettest.MustJSON(t, m))
	al, err := loader.ParseAliases("aliases.txt", strings.NewReader("Robert S. Litt | Bob Litt\n"))
	if err != nil {
		t.Fatal(err)
	}
	inputs, rep, err := loader.Limits{}.Read(datasetjson.Reader, loader.Options{Aliases: al}, file)
	if err != nil {
		t.Fatalf("read with aliases: %v", err)
	}
	ds := inputs[0].Dataset
	for _, a := range ds.Actors {
		if a.ID == "bob-litt" {
			t.Errorf("actor bob-litt is still there, want it merged into robert-litt")
		}
	}
	for _, c := range ds.Claims {
		if c.ID == "us-statement-will-not-deter-china-russia" && c.Assertions[0].Actor != "robert-litt" {
			t.Errorf("claim %s asserted by %s, want robert-litt", c.ID, c.Assertions[0].Actor)
		}
	}
	if len(rep.Notices) == 0 || rep.Notices[0].Kind != "alias" {
		t.Errorf("notices %v, want the merge noted", rep.Notices)
	}
}

// TestAliasesFileProblems: a line without variants, or a variant given to
// two names, is refused with the line.
func TestAliasesFileProblems(t *testing.T) {
	for text, want := range map[string]string{
		"Robert Litt\n":             "aliases.txt: line 1: want a canonical name and its variants",
		"A B | C D\n\nE F | c  d\n": `aliases.txt: line 3: "c  d" is already a variant of "A B"`,
	} {
		_, err := loader.ParseAliases("aliases.txt", strings.NewReader(text))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("aliases %q: error %v, want %q", text, err, want)
		}
	}
}
