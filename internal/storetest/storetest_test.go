package storetest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/client"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/transport"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/data"
	"github.com/counterpoint-news/counterpoint/format/datasetjson"
	"github.com/counterpoint-news/counterpoint/internal/storetest"
	"github.com/counterpoint-news/counterpoint/loader"
	"github.com/counterpoint-news/counterpoint/resolvers"
	"github.com/counterpoint-news/counterpoint/server"
)

// The double meets every store contract the code declares.
var (
	_ resolvers.Store = (*storetest.Store)(nil)
	_ loader.Writer   = (*storetest.Store)(nil)
	_ server.Exporter = (*storetest.Store)(nil)
)

// MustSeed is the double holding the embedded article's dataset, loaded
// through loader.Load as `counterpoint load --seed` loads it into Neo4j.
func MustSeed(tb testing.TB) *storetest.Store {
	tb.Helper()
	inputs, err := loader.ReadFS(datasetjson.Reader, data.Files, data.Seeds...)
	if err != nil {
		tb.Fatal(err)
	}
	s := storetest.New()
	res, err := loader.Load(context.Background(), s, inputs, loader.Progress{})
	if err != nil || len(res) != len(inputs) || res[0].Summary.Created["Claim"] == 0 {
		tb.Fatalf("loading the seed into the double: %+v, %v", res, err)
	}
	s.ResetCalls()
	return s
}

// TestGoldenAnswersFromTheDouble: the journalists' golden questions that
// need no ranking or path order of Neo4j's get, through the real API over
// the double, the very answers the real store gives (e2e/testdata/golden),
// so that a unit test over the double sees the graph an integration test
// sees. Left out: search (Neo4j's full-text score), subgraph and chains
// (the order Neo4j walks paths in).
func TestGoldenAnswersFromTheDouble(t *testing.T) {
	api := resolvers.NewAPI(MustSeed(t))
	h := handler.New(api.Schema)
	h.AddTransport(transport.POST{})
	c := client.New(api.Middleware(h))
	for _, name := range []string{
		"anonymous-officials", "claims-page", "counter-summary", "counters-against-law-enforcement",
		"deterrence-rebuttal", "litt-countered", "nsc-paper-thread", "sources", "whose-words",
	} {
		t.Run(name, func(t *testing.T) {
			file := filepath.Join("..", "..", "e2e", "testdata", "golden", name)
			query, err := os.ReadFile(file + ".graphql")
			if err != nil {
				t.Fatal(err)
			}
			var data map[string]any
			if err := c.Post(string(query), &data); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			var got bytes.Buffer
			enc := json.NewEncoder(&got)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			if err := enc.Encode(map[string]any{"data": data}); err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(file + ".json")
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("%s: the double answers\n%s\nwant (the real store's)\n%s", name, got.String(), want)
			}
		})
	}
}

// TestWritesCheckVersionsAndRules: the double's writes keep the real
// store's promises that unit tests lean on: a stale version is a conflict,
// a create of an existing id is a conflict, a bad node is refused with the
// domain's error, and each write is in the history.
func TestWritesCheckVersionsAndRules(t *testing.T) {
	ctx := counterpoint.WithEditor(context.Background(), "ana")
	s := storetest.New()
	zero, one := 0, 1
	tests := []struct {
		name  string
		actor counterpoint.Actor
		code  string // "" for success
	}{
		{"create", counterpoint.Actor{ID: "a", Name: "A", Kind: counterpoint.ActorPerson, Versioned: counterpoint.Versioned{Base: &zero}}, ""},
		{"create again", counterpoint.Actor{ID: "a", Name: "A", Kind: counterpoint.ActorPerson, Versioned: counterpoint.Versioned{Base: &zero}}, counterpoint.ECONFLICT},
		{"edit at version 1", counterpoint.Actor{ID: "a", Name: "A2", Kind: counterpoint.ActorPerson, Versioned: counterpoint.Versioned{Base: &one}}, ""},
		{"edit at stale version 1", counterpoint.Actor{ID: "a", Name: "A3", Kind: counterpoint.ActorPerson, Versioned: counterpoint.Versioned{Base: &one}}, counterpoint.ECONFLICT},
		{"no name", counterpoint.Actor{ID: "b", Kind: counterpoint.ActorPerson}, counterpoint.EINVALID},
		{"unknown group", counterpoint.Actor{ID: "b", Name: "B", Kind: counterpoint.ActorPerson, MemberOf: []string{"nobody"}}, counterpoint.EINVALID},
	}
	for _, tt := range tests {
		err := s.UpsertActor(ctx, tt.actor)
		var e *counterpoint.Error
		switch {
		case tt.code == "" && err != nil:
			t.Errorf("%s: %v, want success", tt.name, err)
		case tt.code != "" && (!errors.As(err, &e) || e.Code != tt.code):
			t.Errorf("%s: error %v, want code %s", tt.name, err, tt.code)
		}
	}
	h, err := s.History(ctx, "a", 10)
	if err != nil || len(h) != 2 || h[0].Action != counterpoint.ChangeUpdate || h[0].By != "ana" || h[0].Version != 2 {
		t.Errorf("history of a = %+v, %v; want the update (version 2, by ana) then the create", h, err)
	}
}

// TestExportGivesBackTheLoad: a dataset written into the double and
// exported gives the same dataset again, and loading the export changes
// nothing; an unknown dataset is NOT_FOUND.
func TestExportGivesBackTheLoad(t *testing.T) {
	ctx := context.Background()
	ds := storetest.Dataset("two", []storetest.ClaimSpec{storetest.Claim("a", "Claim a.", "x"), storetest.Claim("b", "Claim b.", "y")},
		counterpoint.Relation{Kind: counterpoint.Rebuts, From: "b", To: "a"})
	s := storetest.MustNew(t, ds)
	got, err := s.ExportDataset(ctx, "two")
	if err != nil {
		t.Fatal(err)
	}
	sum, err := s.WriteDataset(ctx, got, nil)
	if err != nil {
		t.Fatal(err)
	}
	for kind, n := range sum.Created {
		if n != 0 {
			t.Errorf("loading the export created %d %s", n, kind)
		}
	}
	for kind, n := range sum.Updated {
		if n != 0 {
			t.Errorf("loading the export updated %d %s", n, kind)
		}
	}
	again, err := s.ExportDataset(ctx, "two")
	if err != nil || !reflect.DeepEqual(again, got) {
		t.Errorf("export after reloading the export = %+v, %v; want %+v", again, err, got)
	}
	_, err = s.ExportDataset(ctx, "none")
	var e *counterpoint.Error
	if !errors.As(err, &e) || e.Code != counterpoint.ENOTFOUND {
		t.Errorf("export of an unknown dataset: %v, want NOT_FOUND", err)
	}
}

// TestFailAndCalls: a failure set for some methods is what they return,
// and the call log names every call with its arguments.
func TestFailAndCalls(t *testing.T) {
	ctx := context.Background()
	s := storetest.New()
	s.Fail(storetest.Unavailable, "Sources")
	if _, err := s.Sources(ctx); !errors.Is(err, storetest.Unavailable) {
		t.Errorf("Sources: %v, want the failure set", err)
	}
	if _, err := s.ActorsByID(ctx, []string{"x"}); err != nil {
		t.Errorf("ActorsByID: %v, want no failure (only Sources fails)", err)
	}
	s.Fail(nil, "Sources")
	if _, err := s.Sources(ctx); err != nil {
		t.Errorf("Sources after Fail(nil): %v", err)
	}
	got := s.Calls()
	var names []string
	for _, c := range got {
		names = append(names, c.Method)
	}
	if strings.Join(names, " ") != "Sources ActorsByID Sources" || !reflect.DeepEqual(got[1].Args, []any{[]string{"x"}}) {
		t.Errorf("calls = %+v, want Sources, ActorsByID([x]), Sources", got)
	}
}

// TestNeedsOnlyTheDomain: the double stands in for Neo4j, so it never
// reaches the driver, nor anything but the domain, the read-ahead's types
// and the standard library; a test that uses it runs anywhere.
func TestNeedsOnlyTheDomain(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, out)
	}
	for _, dep := range strings.Fields(string(out)) {
		switch dep {
		case "github.com/counterpoint-news/counterpoint", "github.com/counterpoint-news/counterpoint/internal/readahead",
			"github.com/counterpoint-news/counterpoint/internal/storetest":
		default:
			t.Errorf("storetest depends on %s: want the domain (with the read-ahead's plan) and the standard library only", dep)
		}
	}
}
