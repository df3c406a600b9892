package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/counterpoint-news/counterpoint/internal/neo4jtest"
)

// TestRelationsAcrossDatasetsRestore: two datasets related both ways (a
// claim curated through the API supports one of the article's, and one
// of the article's rebuts it) are backed up by `export --all`, each file
// requiring the other; the folder loaded into an empty graph, in either
// order, gives the digest the graph had; each file alone is refused,
// naming the dataset it requires, and leaves the graph empty.
func TestRelationsAcrossDatasetsRestore(t *testing.T) {
	db := neo4jtest.MustOpen(t)
	neo4jtest.MustSeed(t, db)
	neo4jtest.SetEnv(t)
	cli := func(args ...string) (string, error) {
		var out, errOut bytes.Buffer
		err := run(context.Background(), args, &out, &errOut)
		return out.String() + errOut.String(), err
	}
	mustCLI := func(args ...string) string {
		t.Helper()
		out, err := cli(args...)
		if err != nil {
			t.Fatalf("counterpoint %q: %v\n%s", args, err, out)
		}
		return out
	}
	ctx := context.Background()
	empty := func() {
		t.Helper()
		if err := db.DeleteAll(ctx); err != nil {
			t.Fatal(err)
		}
	}

	const article, curated = "wapo-2015-encryption", "curated"
	mustCurateAcross(t, mustServe(t))
	want := neo4jtest.MustStats(t, db)

	dir := t.TempDir()
	mustCLI("export", "--all", "-o", dir)
	files := map[string]string{article: filepath.Join(dir, article+".json"), curated: filepath.Join(dir, curated+".json")}
	for id, other := range map[string]string{article: curated, curated: article} {
		b, err := os.ReadFile(files[id])
		if err != nil {
			t.Fatal(err)
		}
		if wantReq := `"requires": [` + "\n    \"" + other + "\"\n  ]"; !bytes.Contains(b, []byte(wantReq)) {
			t.Errorf("export of %s: no %s in it", id, wantReq)
		}
	}
	exported, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	reversed := slices.Clone(exported)
	slices.Reverse(reversed)

	for _, order := range [][]string{exported, reversed} {
		empty()
		mustCLI(append([]string{"load"}, order...)...)
		if got := neo4jtest.MustStats(t, db); got.Digest != want.Digest {
			t.Errorf("load %v: digest %s, want %s\nrelationships %v, want %v", order, got.Digest, want.Digest, got.Relationships, want.Relationships)
		}
	}
	// A reload of one dataset while the other is in the graph keeps both
	// relations.
	mustCLI("load", files[article])
	mustCLI("load", files[curated])
	if got := neo4jtest.MustStats(t, db); got.Digest != want.Digest {
		t.Errorf("reloading each dataset alone: digest %s, want %s\nrelationships %v, want %v", got.Digest, want.Digest, got.Relationships, want.Relationships)
	}

	tests := []struct {
		file, wantErr string
	}{
		{article, `relations[14].to: unknown claim "litt-doubts-again": it is in no dataset of this load nor in the graph; dataset "curated", which this file requires, is not loaded`},
		{curated, `relations[0].to: unknown claim "policy-is-hard-to-reach": it is in no dataset of this load nor in the graph; dataset "wapo-2015-encryption", which this file requires, is not loaded`},
	}
	for _, tt := range tests {
		empty()
		out, err := cli("load", files[tt.file])
		if err == nil || !strings.Contains(out+err.Error(), tt.wantErr) {
			t.Errorf("load %s alone: error %v\n%s\nwant one containing %q", tt.file, err, out, tt.wantErr)
		}
		if got := neo4jtest.MustStats(t, db); len(got.Nodes) != 0 {
			t.Errorf("load %s alone failed but left %v in the graph", tt.file, got.Nodes)
		}
	}
}

// servedAPI is `counterpoint serve` run in the test's process.
type servedAPI struct{ url, token string }

// mustServe runs `serve` on a free loopback port over the test graph until
// the test ends, with one curator token.
func mustServe(tb testing.TB) servedAPI {
	tb.Helper()
	const token = "curator-test-token-1"
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--listen-addr", "127.0.0.1:0", "--api-tokens", "curator:" + token}, pw, io.Discard)
		pw.Close()
	}()
	tb.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			tb.Errorf("serve: %v", err)
		}
	})
	sc := bufio.NewScanner(pr)
	for sc.Scan() {
		if base, ok := strings.CutPrefix(sc.Text(), "counterpoint: serving on "); ok {
			go io.Copy(io.Discard, pr) //nolint:errcheck // the rest of serve's output
			api := servedAPI{url: base, token: token}
			for deadline := time.Now().Add(3 * time.Minute); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
				if res, err := http.Get(base + "/readyz"); err == nil {
					res.Body.Close()
					if res.StatusCode == http.StatusOK {
						return api
					}
				}
			}
			tb.Fatalf("serve at %s: not ready in 3 minutes", base)
		}
	}
	tb.Fatalf("serve printed no address (%v)", sc.Err())
	return servedAPI{}
}

// mustPost sends a mutation or query as the curator and fails the test on
// any error in the answer.
func (a servedAPI) mustPost(tb testing.TB, query string, vars map[string]any) map[string]any {
	tb.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		tb.Fatal(err)
	}
	req, err := http.NewRequest(http.MethodPost, a.url+"/graphql", bytes.NewReader(body))
	if err != nil {
		tb.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+a.token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatalf("POST %s: %v", query, err)
	}
	defer res.Body.Close()
	var out struct {
		Data   map[string]any   `json:"data"`
		Errors []map[string]any `json:"errors"`
	}
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil {
		tb.Fatalf("POST %s: status %d, %v", query, res.StatusCode, err)
	}
	if len(out.Errors) > 0 || res.StatusCode != http.StatusOK {
		tb.Fatalf("POST %s: status %d, errors %v", query, res.StatusCode, out.Errors)
	}
	return out.Data
}

// mustCurateAcross curates, through the API as the studio sends it, a
// claim into dataset "curated" related to the article's both ways: it
// supports one of the article's claims, and one of the article's rebuts it.
func mustCurateAcross(t *testing.T, api servedAPI) {
	t.Helper()
	api.mustPost(t, `mutation Add($in: ClaimInput!) { upsertClaim(input: $in) { id } }`, map[string]any{"in": map[string]any{
		"id": "litt-doubts-again", "text": "The deterrence claim is doubtful.", "date": "2015-08", "dataset": "curated",
		"assertions": []any{map[string]any{"actor": "robert-litt", "source": "litt-email-2015-08", "attribution": "IN_DOCUMENT"}},
		"quotes":     []any{map[string]any{"text": "Really?", "kind": "DIRECT", "source": "wapo-2015-encryption", "start": 7039, "end": 7046}},
	}})
	for _, r := range []string{
		`mutation { addRelation(input: {kind: SUPPORTS, from: "litt-doubts-again", to: "policy-is-hard-to-reach", inferred: true, note: "curated into the article"}) { kind } }`,
		`mutation { addRelation(input: {kind: REBUTS, from: "healthy-debate-expected", to: "litt-doubts-again", inferred: true, note: "the article into curated"}) { kind } }`,
	} {
		api.mustPost(t, r, nil)
	}
}
