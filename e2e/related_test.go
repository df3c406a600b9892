package e2e_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/internal/storetest"
	"github.com/counterpoint-news/counterpoint/loader"
)

// article is one small dataset of the related-datasets test: its claims
// (each quoting itself from the dataset's one source, written by author
// when given) and the datasets it requires.
type article struct {
	id, author string
	requires   []string
	actors     []counterpoint.Actor
	claims     []debateClaim
}

// dataset builds the article's dataset, checked as a load checks it.
func (a article) dataset(tb testing.TB) *counterpoint.Dataset {
	tb.Helper()
	var text strings.Builder
	src := a.id + "-report"
	ds := &counterpoint.Dataset{ID: a.id, Title: "Report " + a.id, Requires: a.requires, Actors: a.actors}
	for i, c := range a.claims {
		start := len([]rune(text.String()))
		text.WriteString(c.text + "\n\n")
		ds.Claims = append(ds.Claims, counterpoint.Claim{ID: c.id, Text: c.text, Date: "2016-03",
			Assertions: []counterpoint.Assertion{{Actor: c.actor, Source: src, Attribution: counterpoint.OnRecord}},
			Quotes:     []counterpoint.Quote{{ID: counterpoint.QuoteID(c.id, 1), Text: c.text, Source: src, Start: start, End: start + len([]rune(c.text))}}})
		if c.rebuts != "" {
			ds.Relations = append(ds.Relations, counterpoint.Relation{Kind: counterpoint.Rebuts, From: c.id, To: c.rebuts, Inferred: true, Note: fmt.Sprintf("claim %d answers it", i)})
		}
	}
	source := counterpoint.Source{ID: src, Title: "Report " + a.id, Kind: counterpoint.SourceArticle, TextFile: a.id + ".txt", Text: text.String()}
	if a.author != "" {
		source.Authors = []string{a.author}
	}
	ds.Sources = []counterpoint.Source{source}
	if problems := loader.Validate(a.id, ds); len(problems) > 0 {
		tb.Fatalf("dataset %s is invalid: %v", a.id, problems)
	}
	return ds
}

// relatedArticles are four articles of one graph: the mayor speaks in the
// first two, whose claims answer each other across them (the second file
// rebuts the first's plan; a curator then relates the first's critic to
// the second's union); one reporter wrote the first and the third; the
// fourth shares nothing.
var relatedArticles = []article{
	{id: "rel-one", author: "rel-reporter", actors: []counterpoint.Actor{
		{ID: "rel-mayor", Name: "Ann Lee", Kind: counterpoint.ActorPerson, Role: "mayor"},
		{ID: "rel-critic", Name: "Bo Chen", Kind: counterpoint.ActorPerson},
		{ID: "rel-reporter", Name: "Cy Diaz", Kind: counterpoint.ActorPerson, Role: "reporter"},
	}, claims: []debateClaim{
		{"rel-one-plan", "rel-mayor", "The new bus lanes will be finished by the summer.", ""},
		{"rel-one-cost", "rel-critic", "The bus lanes will cost twice what the city says.", "rel-one-plan"},
	}},
	{id: "rel-two", requires: []string{"rel-one"}, actors: []counterpoint.Actor{
		{ID: "rel-mayor", Name: "Ann Lee", Kind: counterpoint.ActorPerson, Role: "mayor"},
		{ID: "rel-union", Name: "Transit Workers Union", Kind: counterpoint.ActorOrganization},
	}, claims: []debateClaim{
		{"rel-two-late", "rel-mayor", "The bus lanes are late because of the weather.", ""},
		{"rel-two-strike", "rel-union", "The bus lanes cannot open without more drivers.", "rel-one-plan"},
	}},
	{id: "rel-three", author: "rel-reporter", actors: []counterpoint.Actor{
		{ID: "rel-reporter", Name: "Cy Diaz", Kind: counterpoint.ActorPerson, Role: "reporter"},
		{ID: "rel-grocer", Name: "Di Evans", Kind: counterpoint.ActorPerson},
	}, claims: []debateClaim{
		{"rel-three-shop", "rel-grocer", "Deliveries to the market take an hour longer.", ""},
	}},
	{id: "rel-four", actors: []counterpoint.Actor{
		{ID: "rel-loner", Name: "Ed Fox", Kind: counterpoint.ActorPerson},
	}, claims: []debateClaim{
		{"rel-four-park", "rel-loner", "The park needs more benches.", ""},
	}},
}

// relatedLink is the relation a curator draws through the API from the
// first article's claim to the second's.
var relatedLink = counterpoint.Relation{Kind: counterpoint.Supports, From: "rel-one-cost", To: "rel-two-strike", Inferred: true, Note: "both say the plan is short of money"}

// TestRelatedDatasets asks relatedDatasets through the API, over the real
// store, for each of four articles: which others share an actor (by
// assertion or authorship) or a relation, with the shared actors and the
// relations either way; the store's in-memory double answers the same.
func TestRelatedDatasets(t *testing.T) {
	api := MustStartAPI(t)
	double := storetest.New()
	ctx := context.Background()
	for _, a := range relatedArticles {
		ds := a.dataset(t)
		if _, err := api.DB.WriteDataset(ctx, ds, nil); err != nil {
			t.Fatal(err)
		}
		if _, err := double.WriteDataset(ctx, ds, nil); err != nil {
			t.Fatal(err)
		}
	}
	if err := api.DB.AddRelation(ctx, relatedLink); err != nil {
		t.Fatal(err)
	}
	if err := double.AddRelation(ctx, relatedLink); err != nil {
		t.Fatal(err)
	}

	const q = `query($ds: ID!) { relatedDatasets(dataset: $ds) { id title sharedActors { id name } relationsTo relationsFrom } }`
	tests := []struct {
		dataset string
		want    string // each related dataset as "id: actor names; to N, from M", in order
	}{
		{"rel-one", "rel-two: Ann Lee; to 1, from 1 | rel-three: Cy Diaz; to 0, from 0"},
		{"rel-two", "rel-one: Ann Lee; to 1, from 1"},
		{"rel-three", "rel-one: Cy Diaz; to 0, from 0"},
		{"rel-four", ""},
		{"not-in-the-graph", ""},
	}
	for _, tt := range tests {
		resp := api.Post(t, q, map[string]any{"ds": tt.dataset})
		if errs := resp.Errors(); len(errs) > 0 {
			t.Fatalf("relatedDatasets(%q): %v", tt.dataset, errs)
		}
		var got struct {
			Data struct {
				RelatedDatasets []struct {
					ID, Title                  string
					SharedActors               []struct{ ID, Name string }
					RelationsTo, RelationsFrom int
				}
			}
		}
		if err := json.Unmarshal(resp.Raw, &got); err != nil {
			t.Fatal(err)
		}
		var lines []string
		for _, r := range got.Data.RelatedDatasets {
			var names []string
			for _, a := range r.SharedActors {
				names = append(names, a.Name)
			}
			if r.Title != "Report "+r.ID {
				t.Errorf("relatedDatasets(%q): %s titled %q, want %q", tt.dataset, r.ID, r.Title, "Report "+r.ID)
			}
			lines = append(lines, fmt.Sprintf("%s: %s; to %d, from %d", r.ID, strings.Join(names, ", "), r.RelationsTo, r.RelationsFrom))
		}
		if g := strings.Join(lines, " | "); g != tt.want {
			t.Errorf("relatedDatasets(%q)\n got %s\nwant %s", tt.dataset, g, tt.want)
		}

		fromDouble, err := double.RelatedDatasets(ctx, tt.dataset)
		if err != nil {
			t.Fatal(err)
		}
		var dlines []string
		for _, r := range fromDouble {
			var names []string
			for _, id := range r.SharedActors {
				names = append(names, map[string]string{"rel-mayor": "Ann Lee", "rel-reporter": "Cy Diaz"}[id])
			}
			dlines = append(dlines, fmt.Sprintf("%s: %s; to %d, from %d", r.ID, strings.Join(names, ", "), r.RelationsTo, r.RelationsFrom))
		}
		if g := strings.Join(dlines, " | "); g != tt.want {
			t.Errorf("storetest RelatedDatasets(%q)\n got %s\nwant %s", tt.dataset, g, tt.want)
		}
	}

	resp := api.Post(t, q, map[string]any{"ds": "Not A Slug"})
	if errs := resp.Errors(); len(errs) == 0 || !strings.Contains(fmt.Sprint(errs[0]["message"]), "is not a dataset id") {
		t.Errorf("relatedDatasets(%q) = %s, want it refused as not a dataset id", "Not A Slug", resp.Raw)
	}
}
