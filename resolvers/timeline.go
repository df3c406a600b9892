package resolvers

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/graph/model"
)

// precisionOrder puts a year before a month before a day that start on
// the same day: the vaguer date spans the others.
var precisionOrder = map[counterpoint.Precision]int{counterpoint.PrecisionYear: 0, counterpoint.PrecisionMonth: 1, counterpoint.PrecisionDay: 2}

func toDateSpan(date string) (*model.DateSpan, bool) {
	p, first, last, ok := counterpoint.DateSpan(date)
	if !ok {
		return nil, false
	}
	return &model.DateSpan{Date: date, Precision: model.DatePrecision(p), First: first, Last: last}, true
}

func compareSpans(a, b *model.DateSpan) int {
	return cmp.Or(strings.Compare(a.First, b.First),
		cmp.Compare(precisionOrder[counterpoint.Precision(a.Precision)], precisionOrder[counterpoint.Precision(b.Precision)]))
}

// timeline builds the debate over time from the claims, sources and
// counters of a scope.
func (r *Resolver) timeline(ctx context.Context, scope counterpoint.Scope, rng counterpoint.TimeRange, first int) (*model.Timeline, error) {
	page, err := r.store.Claims(ctx, counterpoint.ClaimFilter{Datasets: scope}, first, "")
	if err != nil {
		return nil, err
	}
	l := r.loadersFor(ctx)
	out := &model.Timeline{Entries: []*model.TimelineEntry{}, Undated: []*model.Claim{}, Documents: []*model.TimelineDocument{}, Truncated: page.HasNext}
	onTimeline := map[string]bool{}
	for i := range page.Items {
		c := &page.Items[i]
		l.claim.Prime(c.ID, c)
		span, dated := toDateSpan(c.Date)
		switch {
		case !dated:
			if rng == (counterpoint.TimeRange{}) {
				out.Undated = append(out.Undated, toClaim(c))
			}
		case rng.Contains(c.Date):
			onTimeline[c.ID] = true
			out.Entries = append(out.Entries, &model.TimelineEntry{Claim: toClaim(c), When: span})
		}
	}
	slices.SortStableFunc(out.Entries, func(a, b *model.TimelineEntry) int {
		return cmp.Or(compareSpans(a.When, b.When), strings.Compare(a.Claim.ID, b.Claim.ID))
	})

	sources, err := r.sourcesIn(ctx, scope)
	if err != nil {
		return nil, err
	}
	for _, s := range sources {
		if span, dated := toDateSpan(s.Date); dated && rng.Contains(s.Date) {
			out.Documents = append(out.Documents, &model.TimelineDocument{SourceID: s.ID, When: span})
		}
	}
	slices.SortStableFunc(out.Documents, func(a, b *model.TimelineDocument) int {
		return cmp.Or(compareSpans(a.When, b.When), strings.Compare(a.SourceID, b.SourceID))
	})

	cs, err := r.store.Counters(ctx, counterpoint.CounterFilter{Datasets: scope, First: maxCounters})
	if err != nil {
		return nil, err
	}
	cs = slices.DeleteFunc(cs, func(c counterpoint.Counter) bool { return !onTimeline[c.Counter] || !onTimeline[c.Target] })
	if out.Counters, err = r.counters(ctx, cs, nil); err != nil {
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
