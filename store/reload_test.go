package store_test

import (
	"context"
	"slices"
	"testing"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/internal/neo4jtest"
)

// linkedDataset is a dataset of one claim by actor x in source s, which
// defines x's memberships and s's authors and report as given.
func linkedDataset(id string, memberOf, authors []string, reportedIn string) *counterpoint.Dataset {
	ds := &counterpoint.Dataset{ID: id, Title: id,
		Actors: []counterpoint.Actor{{ID: "x", Name: "X", Kind: counterpoint.ActorPerson, MemberOf: memberOf}},
		Sources: []counterpoint.Source{{ID: "s", Title: "S", Kind: counterpoint.SourceArticle, Text: "words here",
			Authors: authors, ReportedIn: reportedIn}},
		Claims: []counterpoint.Claim{{ID: "c-" + id, Text: "A claim.",
			Assertions: []counterpoint.Assertion{{Actor: "x", Source: "s", Attribution: counterpoint.OnRecord}},
			Quotes:     []counterpoint.Quote{{ID: "c-" + id + ".q1", Source: "s", Text: "words", End: 5}}}},
	}
	for _, g := range append(slices.Clone(memberOf), authors...) {
		ds.Actors = append(ds.Actors, counterpoint.Actor{ID: g, Name: g, Kind: counterpoint.ActorOrganization})
	}
	if reportedIn != "" {
		ds.Sources = append(ds.Sources, counterpoint.Source{ID: reportedIn, Title: reportedIn, Kind: counterpoint.SourceArticle})
	}
	return ds
}

// TestReloadReplacesLinksOfSharedNodes: an actor's memberships and a
// source's authors and report are part of their definition, which the last
// load that defines them gives whole, as their properties: loading A after
// B leaves x and s as A defines them, and so does loading a new version of
// one dataset (before, the links of earlier loads stayed and added up, so
// the graph was neither the old nor the new definition).
func TestReloadReplacesLinksOfSharedNodes(t *testing.T) {
	db := neo4jtest.MustOpen(t)
	ctx := context.Background()
	tests := []struct {
		name   string
		before *counterpoint.Dataset
		after  *counterpoint.Dataset
	}{
		{"A after B", linkedDataset("b", []string{"g1", "g2"}, []string{"a1", "a2"}, "r"), linkedDataset("a", []string{"g1"}, []string{"a1"}, "")},
		{"a new version of A", linkedDataset("a", []string{"g1", "g2"}, []string{"a1", "a2"}, "r"), linkedDataset("a", []string{"g1"}, []string{"a1"}, "")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := db.DeleteAll(ctx); err != nil {
				t.Fatal(err)
			}
			if _, err := db.WriteDataset(ctx, tt.before, nil); err != nil {
				t.Fatalf("load %s: %v", tt.before.ID, err)
			}
			sum, err := db.WriteDataset(ctx, tt.after, nil)
			if err != nil {
				t.Fatalf("load %s: %v", tt.after.ID, err)
			}
			for _, typ := range []string{"MEMBER_OF", "AUTHORED_BY", "REPORTED_IN"} {
				if sum.Removed[typ] != 1 {
					t.Errorf("load %s: removed %d %s, want 1 (summary %+v)", tt.after.ID, sum.Removed[typ], typ, sum.Removed)
				}
			}
			got, err := db.ExportDataset(ctx, "a")
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range got.Actors {
				if a.ID == "x" && !slices.Equal(a.MemberOf, []string{"g1"}) {
					t.Errorf("actor x is a member of %v, want [g1] as the last load defines it", a.MemberOf)
				}
			}
			for _, s := range got.Sources {
				if s.ID == "s" && (!slices.Equal(s.Authors, []string{"a1"}) || s.ReportedIn != "") {
					t.Errorf("source s has authors %v and reportedIn %q, want [a1] and none as the last load defines it", s.Authors, s.ReportedIn)
				}
			}
			again, err := db.WriteDataset(ctx, tt.after, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(again.Removed)+len(again.Created)+len(again.Updated) > 0 {
				t.Errorf("loading %s again changed the graph: %+v", tt.after.ID, again)
			}
		})
	}
}
