package store_test

import (
	"context"
	"testing"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/internal/neo4jtest"
	"github.com/counterpoint-news/counterpoint/store"
)

// MustWrite writes ds and fails the test on an error.
func MustWrite(tb testing.TB, db *store.DB, ds *counterpoint.Dataset) counterpoint.WriteSummary {
	tb.Helper()
	sum, err := db.WriteDataset(context.Background(), ds, nil)
	if err != nil {
		tb.Fatalf("load %s: %v", ds.ID, err)
	}
	return sum
}

// mustBeSkipped writes ds and fails unless the write recognised it as
// unchanged: two reads (the load's mark and the graph's fingerprint) and
// nothing written.
func mustBeSkipped(tb testing.TB, db *store.DB, ds *counterpoint.Dataset) {
	tb.Helper()
	before := db.RoundTrips()
	sum := MustWrite(tb, db, ds)
	if n := db.RoundTrips() - before; n != 2 || sum.Changed() {
		tb.Errorf("reloading %s unchanged: %d statements, summary %+v; want 2 reads and nothing changed", ds.ID, n, sum)
	}
}

// TestUnchangedReloadWritesNothing: a reload of unchanged datasets reads
// each one's mark and fingerprint and writes nothing: the same summary as a
// full compare (every element unchanged), the same graph digest, no change
// recorded in the audit, no version bumped.
func TestUnchangedReloadWritesNothing(t *testing.T) {
	db := neo4jtest.MustOpen(t)
	ctx := context.Background()
	first := neo4jtest.MustSeed(t, db)
	st := neo4jtest.MustStats(t, db)
	ds, err := db.ExportDataset(ctx, first[0].Dataset)
	if err != nil {
		t.Fatal(err)
	}
	claim := ds.Claims[0].ID
	history, err := db.History(ctx, claim, 100)
	if err != nil {
		t.Fatal(err)
	}
	before := db.RoundTrips()
	again := neo4jtest.MustSeed(t, db)
	// The loader reads the relations of other datasets into these once.
	if n := db.RoundTrips() - before; n != int64(1+2*len(again)) {
		t.Errorf("reloading %d datasets took %d statements, want the loader's read and 2 reads each (%d)", len(again), n, 1+2*len(again))
	}
	for i, r := range again {
		if r.Summary.Changed() {
			t.Errorf("reloading %s changed the graph: %+v", r.Dataset, r.Summary)
		}
		total := func(m map[string]int) (n int) {
			for _, v := range m {
				n += v
			}
			return n
		}
		want := total(first[i].Summary.Created) + total(first[i].Summary.Unchanged) + total(first[i].Summary.Updated)
		if got := total(r.Summary.Unchanged); got != want {
			t.Errorf("reloading %s: %d unchanged, want every element the first load wrote (%d)", r.Dataset, got, want)
		}
	}
	if got := neo4jtest.MustStats(t, db); got.Digest != st.Digest {
		t.Errorf("digest after an unchanged reload %s, want %s", got.Digest, st.Digest)
	}
	if after, err := db.History(ctx, claim, 100); err != nil || len(after) != len(history) {
		t.Errorf("the audit of an unchanged reload: %d changes (err %v), want %d", len(after), err, len(history))
	}
}

// TestReloadAfterAChangeWritesIt: whatever changed what a dataset wrote
// since its last load (its file, the API, another dataset's load of a
// shared actor), the reload is a full write that gives the file's content
// back; the reload after that is recognised as unchanged again.
func TestReloadAfterAChangeWritesIt(t *testing.T) {
	db := neo4jtest.MustOpen(t)
	ctx := context.Background()
	a := func() *counterpoint.Dataset { return linkedDataset("a", []string{"g1", "g2"}, []string{"a1"}, "r") }
	tests := []struct {
		name   string
		change func(t *testing.T) *counterpoint.Dataset // what the reload writes
		want   func(sum counterpoint.WriteSummary) bool
	}{
		{"the file changes one claim's text", func(t *testing.T) *counterpoint.Dataset {
			ds := a()
			ds.Claims[0].Text = "Another claim."
			return ds
		}, func(sum counterpoint.WriteSummary) bool {
			return sum.Updated["Claim"] == 1 && len(sum.Created)+len(sum.Removed) == 0
		}},
		{"the API edits the claim", func(t *testing.T) *counterpoint.Dataset {
			c := a().Claims[0]
			c.Text, c.Base = "Edited in the studio.", new(int)
			*c.Base = 1
			if err := db.UpsertClaim(ctx, c); err != nil {
				t.Fatal(err)
			}
			return a()
		}, func(sum counterpoint.WriteSummary) bool { return sum.Updated["Claim"] == 1 }},
		{"the API deletes the claim", func(t *testing.T) *counterpoint.Dataset {
			if _, err := db.DeleteClaim(ctx, "c-a", 1); err != nil {
				t.Fatal(err)
			}
			return a()
		}, func(sum counterpoint.WriteSummary) bool {
			return sum.Created["Claim"] == 1 && sum.Created["Quote"] == 1
		}},
		{"another dataset renames the shared actor", func(t *testing.T) *counterpoint.Dataset {
			b := linkedDataset("b", []string{"g1", "g2"}, []string{"a1"}, "r")
			b.Actors[0].Name = "X Renamed"
			MustWrite(t, db, b)
			return a()
		}, func(sum counterpoint.WriteSummary) bool { return sum.Updated["Actor"] == 1 }},
		{"another dataset changes the shared actor's memberships", func(t *testing.T) *counterpoint.Dataset {
			MustWrite(t, db, linkedDataset("b", []string{"g1"}, []string{"a1"}, "r"))
			return a()
		}, func(sum counterpoint.WriteSummary) bool { return sum.Created["MEMBER_OF"] == 1 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := db.DeleteAll(ctx); err != nil {
				t.Fatal(err)
			}
			MustWrite(t, db, a())
			mustBeSkipped(t, db, a())
			ds := tt.change(t)
			sum := MustWrite(t, db, ds)
			if !tt.want(sum) {
				t.Errorf("reload after %s: summary %+v, want the change written", tt.name, sum)
			}
			got, err := db.ExportDataset(ctx, "a")
			if err != nil {
				t.Fatal(err)
			}
			if got.Claims[0].Text != ds.Claims[0].Text {
				t.Errorf("after the reload claim c-a reads %q, want %q", got.Claims[0].Text, ds.Claims[0].Text)
			}
			for _, x := range got.Actors {
				if x.ID == "x" && (x.Name != "X" || len(x.MemberOf) != 2) {
					t.Errorf("after the reload actor x is %q, member of %v; want X, member of [g1 g2]", x.Name, x.MemberOf)
				}
			}
			mustBeSkipped(t, db, ds)
		})
	}
}

// TestFailedWriteKeepsTheMark: a write that fails leaves the mark of the
// last load as it was, with the graph: the earlier file is still
// recognised as unchanged.
func TestFailedWriteKeepsTheMark(t *testing.T) {
	db := neo4jtest.MustOpen(t)
	ctx := context.Background()
	a := linkedDataset("a", nil, nil, "")
	MustWrite(t, db, a)
	st := neo4jtest.MustStats(t, db)
	bad := linkedDataset("a", nil, nil, "")
	bad.Claims[0].Text = "Changed, but the write fails."
	bad.Relations = []counterpoint.Relation{{Kind: counterpoint.Rebuts, From: "c-a", To: "no-such-claim"}}
	if _, err := db.WriteDataset(ctx, bad, nil); err == nil {
		t.Fatal("a write with a relation to a claim not in the graph succeeded, want it refused")
	}
	if got := neo4jtest.MustStats(t, db); got.Digest != st.Digest {
		t.Errorf("digest after a failed write %s, want %s", got.Digest, st.Digest)
	}
	mustBeSkipped(t, db, a)
}
