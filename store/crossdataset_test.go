package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/internal/neo4jtest"
)

// TestWriteDatasetRefusesARelationWithoutItsEnd: a dataset whose relation
// ends at a claim of another dataset that the graph does not hold (the
// loader checks first; this is the write's own guard) is refused, naming
// the relationship type, and nothing of it is written.
func TestWriteDatasetRefusesARelationWithoutItsEnd(t *testing.T) {
	db := neo4jtest.MustOpen(t)
	ctx := context.Background()
	ds := &counterpoint.Dataset{ID: "lonely", Title: "Lonely", Requires: []string{"elsewhere"},
		Sources: []counterpoint.Source{{ID: "lonely-src", Title: "A report", Kind: counterpoint.SourceArticle}},
		Actors:  []counterpoint.Actor{{ID: "lonely-mayor", Name: "The Mayor", Kind: counterpoint.ActorPerson}},
		Claims: []counterpoint.Claim{{ID: "lonely-1", Text: "A claim.", Date: "2024-01",
			Assertions: []counterpoint.Assertion{{Actor: "lonely-mayor", Source: "lonely-src", Attribution: counterpoint.InDocument}}}},
		Relations: []counterpoint.Relation{{Kind: counterpoint.Rebuts, From: "lonely-1", To: "not-in-the-graph", Inferred: true, Note: "test"}},
	}
	_, err := db.WriteDataset(ctx, ds, nil)
	if want := `write REBUTS: 1 of 1 found no end in the graph`; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("WriteDataset with a relation to a claim not in the graph: error %v, want one containing %q", err, want)
	}
	if got := neo4jtest.MustStats(t, db); len(got.Nodes) != 0 {
		t.Errorf("the refused write left %v", got.Nodes)
	}
}
