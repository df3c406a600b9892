package csv_test

import (
	"bytes"
	stdcsv "encoding/csv"
	"slices"
	"strconv"
	"testing"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/format/aif"
	"github.com/counterpoint-news/counterpoint/format/csv"
	"github.com/counterpoint-news/counterpoint/format/network"
	"github.com/counterpoint-news/counterpoint/internal/datasettest"
)

func mustAIF(t *testing.T) *counterpoint.Dataset {
	t.Helper()
	return datasettest.MustRead(t, aif.Reader, "../aif/testdata/aif/harbour-street.json", "../aif/testdata/aif/harbour-street-followup.json")
}

// TestClaimGraph: every claim is a row of the node table, every relation a
// row of the edge table with its kind, whether inferred and its note; the
// rows parse back with the header's columns.
func TestClaimGraph(t *testing.T) {
	for _, ds := range []*counterpoint.Dataset{datasettest.MustArticle(t), mustAIF(t)} {
		g := network.ClaimGraph(ds)
		var nodes, edges bytes.Buffer
		if err := csv.Write(&nodes, &edges, g); err != nil {
			t.Fatal(err)
		}
		nrows, err := stdcsv.NewReader(&nodes).ReadAll()
		if err != nil {
			t.Fatalf("%s: the node table does not parse: %v", ds.ID, err)
		}
		erows, err := stdcsv.NewReader(&edges).ReadAll()
		if err != nil {
			t.Fatalf("%s: the edge table does not parse: %v", ds.ID, err)
		}
		if want := []string{"id", "text", "date", "endorsed_by", "presented_by", "quotes"}; !slices.Equal(nrows[0], want) {
			t.Errorf("%s: node header %v, want %v", ds.ID, nrows[0], want)
		}
		if want := []string{"id", "source", "target", "kind", "inferred", "note"}; !slices.Equal(erows[0], want) {
			t.Errorf("%s: edge header %v, want %v", ds.ID, erows[0], want)
		}
		if len(nrows)-1 != len(ds.Claims) || len(erows)-1 != len(ds.Relations) {
			t.Errorf("%s: %d node rows and %d edge rows, want %d and %d", ds.ID, len(nrows)-1, len(erows)-1, len(ds.Claims), len(ds.Relations))
		}
		claims := map[string]counterpoint.Claim{}
		for _, c := range ds.Claims {
			claims[c.ID] = c
		}
		for _, row := range nrows[1:] {
			if c, ok := claims[row[0]]; !ok || row[1] != c.Text || row[5] != strconv.Itoa(len(c.Quotes)) {
				t.Errorf("%s: node row %q, want claim %s's text and quote count", ds.ID, row, row[0])
			}
		}
		for i, row := range erows[1:] {
			r := ds.Relations[i]
			if row[1] != r.From || row[2] != r.To || row[3] != string(r.Kind) || row[4] != strconv.FormatBool(r.Inferred) || row[5] != r.Note {
				t.Errorf("%s: edge row %q, want %s %s %s inferred %v", ds.ID, row, r.From, r.Kind, r.To, r.Inferred)
			}
		}
	}
}
