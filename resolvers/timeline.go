package resolvers

import (
	"context"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/graph/model"
)

func toWhen(w counterpoint.When) *model.DateSpan {
	return &model.DateSpan{Date: w.Date, Precision: model.DatePrecision(w.Precision), First: w.First, Last: w.Last}
}

// timeline reads the claims, sources and counters of a scope and
// translates the domain's timeline of them (counterpoint.NewTimeline).
func (r *Resolver) timeline(ctx context.Context, scope counterpoint.Scope, rng counterpoint.TimeRange, first int) (*model.Timeline, error) {
	page, err := r.store.Claims(ctx, counterpoint.ClaimFilter{Datasets: scope}, first, "")
	if err != nil {
		return nil, err
	}
	l := r.loadersFor(ctx)
	for i := range page.Items {
		l.claim.Prime(page.Items[i].ID, &page.Items[i])
	}
	sources, err := r.sourcesIn(ctx, scope)
	if err != nil {
		return nil, err
	}
	cs, err := r.store.Counters(ctx, counterpoint.CounterFilter{Datasets: scope, First: maxCounters})
	if err != nil {
		return nil, err
	}
	tl := counterpoint.NewTimeline(rng, page.Items, sources, cs)
	out := &model.Timeline{Entries: make([]*model.TimelineEntry, len(tl.Entries)), Undated: make([]*model.Claim, len(tl.Undated)),
		Documents: make([]*model.TimelineDocument, len(tl.Documents)), Truncated: page.HasNext}
	for i, e := range tl.Entries {
		out.Entries[i] = &model.TimelineEntry{Claim: toClaim(&e.Claim), When: toWhen(e.When)}
	}
	for i := range tl.Undated {
		out.Undated[i] = toClaim(&tl.Undated[i])
	}
	for i, d := range tl.Documents {
		out.Documents[i] = &model.TimelineDocument{SourceID: d.Source, When: toWhen(d.When)}
	}
	if out.Counters, err = r.counters(ctx, tl.Counters, nil); err != nil {
		return nil, err
	}
	return out, nil
}

// sourcesIn returns the sources of a scope: every source for the whole
// graph, else those the scope's claims quote or are asserted in.
func (r *Resolver) sourcesIn(ctx context.Context, scope counterpoint.Scope) ([]counterpoint.Source, error) {
	if len(scope) == 0 {
		return r.store.Sources(ctx)
	}
	ids, err := r.store.DatasetSources(ctx, scope)
	if err != nil {
		return nil, err
	}
	ss, err := r.loadersFor(ctx).source.LoadAll(ctx, ids)
	if err != nil {
		return nil, err
	}
	var out []counterpoint.Source
	for _, s := range ss {
		if s != nil {
			out = append(out, *s)
		}
	}
	return out, nil
}
