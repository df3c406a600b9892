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

// TestAIFAndOtherFormatsCommand runs `counterpoint load --format aif` and
// `counterpoint export --format …` against the test Neo4j: a folder of maps
// with a broken one is refused whole, and loads with --skip-invalid, which
// lists what it left out; each export format writes its files, and the AIF
// export validates as an AIF map again.
func TestAIFAndOtherFormatsCommand(t *testing.T) {
	neo4jtest.MustOpen(t)
	neo4jtest.SetEnv(t)
	dir := t.TempDir()
	maps := "../../format/aif/testdata/aif"
	tests := []struct {
		name      string
		args      []string
		wantOut   []string
		wantErr   string
		wantFiles []string
	}{
		{"a broken map stops the load", []string{"load", "--format", "aif", maps}, nil, "$.edges[4].fromID: dangling edge: no node 9", nil},
		{"--skip-invalid loads the rest", []string{"load", "--format", "aif", "--skip-invalid", maps},
			[]string{"broken.json: $.nodes[4].type", "skipped: ", `dataset "harbour-street" loaded`, `dataset "broken" loaded`, "loaded 2 dataset(s)"}, "", nil},
		{"aif", []string{"export", "--format", "aif", "--dataset", "harbour-street", "-o", filepath.Join(dir, "harbour-street.aif.json")},
			[]string{`dataset "harbour-street" exported as aif`}, "", []string{"harbour-street.aif.json"}},
		{"the AIF export reads back", []string{"validate", "--format", "aif", filepath.Join(dir, "harbour-street.aif.json")},
			[]string{`dataset "harbour-street" is valid: 2 sources, 7 actors, 11 claims, 11 quotes, 9 relations`}, "", nil},
		{"graphml", []string{"export", "--format", "graphml", "--dataset", "harbour-street", "-o", dir}, nil, "", []string{"harbour-street.actors.graphml", "harbour-street.claims.graphml"}},
		{"csv, all", []string{"export", "--format", "csv", "--all", "-o", filepath.Join(dir, "csv")}, nil, "",
			[]string{"csv/harbour-street.actors.nodes.csv", "csv/harbour-street.actors.edges.csv", "csv/harbour-street.claims.nodes.csv", "csv/broken.claims.edges.csv"}},
		{"webanno", []string{"export", "--format", "webanno", "--dataset", "broken", "-o", filepath.Join(dir, "broken.jsonld")}, nil, "", []string{"broken.jsonld"}},
	}
	for _, tt := range tests {
		var out, errOut bytes.Buffer
		err := run(context.Background(), tt.args, &out, &errOut)
		switch {
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.wantErr)
		case tt.wantErr == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		}
		printed := out.String() + errOut.String() // skipped problems go to stderr
		for _, w := range tt.wantOut {
			if !strings.Contains(printed, w) {
				t.Errorf("%s: printed %q, want it to contain %q", tt.name, printed, w)
			}
		}
		for _, f := range tt.wantFiles {
			if fi, err := os.Stat(filepath.Join(dir, f)); err != nil || fi.Size() == 0 {
				t.Errorf("%s: %s: %v, want a file", tt.name, f, err)
			}
		}
	}
}
