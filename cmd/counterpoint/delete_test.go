package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/internal/neo4jtest"
)

// TestDeleteDataset: `counterpoint delete` refuses a dataset the graph does
// not hold and a delete that would cut another dataset's relation, naming
// it, and changes nothing; with --cut-relations it deletes the curated
// dataset whole, leaving exactly the article's graph; deleting the article
// then leaves nothing, since nothing else uses its actors and sources.
func TestDeleteDataset(t *testing.T) {
	db := neo4jtest.MustOpen(t)
	ctx := context.Background()
	if err := db.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	empty := neo4jtest.MustStats(t, db)
	neo4jtest.MustSeed(t, db)
	seedOnly := neo4jtest.MustStats(t, db)
	neo4jtest.SetEnv(t)
	cli := func(args ...string) (string, error) {
		var out, errOut bytes.Buffer
		err := run(context.Background(), args, &out, &errOut)
		return out.String() + errOut.String(), err
	}

	mustCurateAcross(t, mustServe(t))
	both := neo4jtest.MustStats(t, db)

	for _, tc := range []struct {
		args      []string
		wantError []string
	}{
		{[]string{"delete", "nope"}, []string{`no dataset "nope"`, "wapo-2015-encryption", "nothing was deleted"}},
		{[]string{"delete", "curated"}, []string{"this delete drops claims", "healthy-debate-expected REBUTS litt-doubts-again", "--cut-relations"}},
		{[]string{"delete", "wapo-2015-encryption"}, []string{"this delete drops claims", "litt-doubts-again SUPPORTS policy-is-hard-to-reach"}},
	} {
		out, err := cli(tc.args...)
		if err == nil {
			t.Errorf("counterpoint %q: no error; want one saying %q\n%s", tc.args, tc.wantError, out)
			continue
		}
		for _, w := range tc.wantError {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("counterpoint %q: error %q; want it to say %q", tc.args, err, w)
			}
		}
		if got := neo4jtest.MustStats(t, db); got.Digest != both.Digest {
			t.Errorf("counterpoint %q, refused, changed the graph: digest %s, want %s", tc.args, got.Digest, both.Digest)
		}
	}

	if out, err := cli("delete", "--cut-relations", "curated"); err != nil {
		t.Fatalf("delete --cut-relations curated: %v\n%s", err, out)
	} else if !strings.Contains(out, "Claim: 1") || !strings.Contains(out, "Quote: 1") {
		t.Errorf("delete --cut-relations curated printed %q; want the claim and the quote counted", out)
	}
	if got := neo4jtest.MustStats(t, db); got.Digest != seedOnly.Digest {
		t.Errorf("after deleting curated: digest %s (nodes %v), want the seed's alone %s (nodes %v)", got.Digest, got.Nodes, seedOnly.Digest, seedOnly.Nodes)
	}
	changes, err := db.History(ctx, "curated", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(changes) == 0 || changes[0].Action != counterpoint.ChangeDelete || changes[0].By != "cli" {
		t.Errorf("history of curated after its delete: %+v; want a DELETE by cli first", changes)
	}

	if out, err := cli("delete", "wapo-2015-encryption"); err != nil {
		t.Fatalf("delete wapo-2015-encryption: %v\n%s", err, out)
	}
	if got := neo4jtest.MustStats(t, db); got.Digest != empty.Digest {
		t.Errorf("after deleting every dataset: nodes %v, relationships %v; want an empty graph", got.Nodes, got.Relationships)
	}
	neo4jtest.MustSeed(t, db) // leave the seed for the tests after this one
}
