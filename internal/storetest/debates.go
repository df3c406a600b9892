package storetest

import (
	"cmp"
	"context"
	"maps"
	"slices"
	"strings"

	"github.com/counterpoint-news/counterpoint"
)

// One debate across datasets, in memory: the domain's rules over every
// actor and claim (the real store first narrows them with its indexes).

// ActorCandidates proposes existing actors for a new speaker.
func (s *Store) ActorCandidates(_ context.Context, q counterpoint.ActorQuery, scope counterpoint.Scope, first int) ([]counterpoint.ActorCandidate, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("ActorCandidates", q, scope, first); err != nil {
		return nil, err
	}
	inScopeActors := map[string]bool{}
	for _, c := range s.claims {
		if inScope(scope, c.Dataset) {
			for _, a := range c.Assertions {
				inScopeActors[a.Actor] = true
			}
			for _, a := range c.About {
				inScopeActors[a] = true
			}
		}
	}
	var actors []counterpoint.Actor
	for _, id := range slices.Sorted(maps.Keys(s.actors)) {
		if len(scope) == 0 || inScopeActors[id] {
			actors = append(actors, s.actors[id])
		}
	}
	out := counterpoint.MatchActors(q, actors)
	return out[:min(len(out), first)], nil
}

// SimilarClaims ranks every claim in scope against the text (or the
// claim's text), without index scores.
func (s *Store) SimilarClaims(_ context.Context, claim, text string, scope counterpoint.Scope, first int) ([]counterpoint.ClaimMatch, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("SimilarClaims", claim, text, scope, first); err != nil {
		return nil, err
	}
	if claim != "" && text == "" {
		c, ok := s.claims[claim]
		if !ok {
			return nil, counterpoint.UnknownRef("claim", counterpoint.NodeClaim, claim)
		}
		text = c.Text
	}
	var claims []counterpoint.Claim
	for _, id := range s.sortedClaimIDs() {
		if c := s.claims[id]; id != claim && inScope(scope, c.Dataset) {
			claims = append(claims, bare(c))
		}
	}
	out := counterpoint.RankSimilarClaims(text, claims, nil)
	return out[:min(len(out), first)], nil
}

// merged is what a merge changed, kept for UnmergeActors.
type merged struct {
	into   string
	actor  counterpoint.Actor
	claims map[string]counterpoint.Claim
	actors map[string]counterpoint.Actor
	srcs   map[string]counterpoint.Source
	undone bool
}

// MergeActors moves everything of actor from to actor into and deletes
// from, as the real store does.
func (s *Store) MergeActors(ctx context.Context, into, from string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("MergeActors", into, from); err != nil {
		return err
	}
	var problems counterpoint.Problems
	i, ok := s.actors[into]
	if !ok {
		problems = append(problems, counterpoint.UnknownRef("into", counterpoint.NodeActor, into))
	}
	f, ok := s.actors[from]
	if !ok {
		problems = append(problems, counterpoint.UnknownRef("from", counterpoint.NodeActor, from))
	}
	if err := problems.Err(); err != nil {
		return err
	}
	if err := counterpoint.ValidateMerge(i, f); err != nil {
		return err
	}
	m := merged{into: into, actor: f, claims: map[string]counterpoint.Claim{}, actors: map[string]counterpoint.Actor{}, srcs: map[string]counterpoint.Source{}}
	rename := func(ids []string) []string {
		out := slices.Clone(ids)
		for k, id := range out {
			if id == from {
				out[k] = into
			}
		}
		slices.Sort(out)
		return slices.Compact(out)
	}
	for id, c := range s.claims {
		if !slices.ContainsFunc(c.Assertions, func(a counterpoint.Assertion) bool { return a.Actor == from }) && !slices.Contains(c.About, from) {
			continue
		}
		m.claims[id] = c
		var as []counterpoint.Assertion
		for _, a := range c.Assertions {
			if a.Actor == from {
				a.Actor = into
				if slices.ContainsFunc(c.Assertions, func(b counterpoint.Assertion) bool { return b.Actor == into && b.Source == a.Source }) {
					continue // into's own is kept
				}
			}
			as = append(as, a)
		}
		c.Assertions, c.About = as, rename(c.About)
		s.claims[id] = c
	}
	for id, a := range s.actors {
		if slices.Contains(a.MemberOf, from) || id == into {
			m.actors[id] = a
			a.MemberOf = slices.DeleteFunc(rename(a.MemberOf), func(g string) bool { return g == id })
			if id == into {
				a.MemberOf = slices.DeleteFunc(rename(append(a.MemberOf, f.MemberOf...)), func(g string) bool { return g == into })
				a.Version++
			}
			s.actors[id] = a
		}
	}
	for id, src := range s.sources {
		if slices.Contains(src.Authors, from) {
			m.srcs[id] = src
			src.Authors = rename(src.Authors)
			s.sources[id] = src
		}
	}
	delete(s.actors, from)
	if s.merges == nil {
		s.merges = map[string]merged{}
	}
	s.merges[from] = m
	s.record(ctx, into, counterpoint.ChangeMerge, s.actors[into].Version, i, s.actors[into], "merged "+from)
	s.record(ctx, from, counterpoint.ChangeMerge, 0, f, nil, "merged into "+into)
	return nil
}

// UnmergeActors puts back what the last merge of from changed (the double
// restores the nodes as they were, rather than only what moved).
func (s *Store) UnmergeActors(ctx context.Context, into, from string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("UnmergeActors", into, from); err != nil {
		return err
	}
	m, ok := s.merges[from]
	switch {
	case !ok:
		return counterpoint.Invalidf("from", "actor %q was never merged into another", from)
	case m.undone:
		return counterpoint.Invalidf("from", "the last merge of actor %q was undone already", from)
	case m.into != into:
		return counterpoint.Invalidf("into", "actor %q was last merged into %q, not %q", from, m.into, into)
	case s.kindOf(from) != "":
		return counterpoint.Invalidf("from", "id %q is taken again: delete or rename it before undoing the merge", from)
	}
	maps.Copy(s.claims, m.claims)
	maps.Copy(s.actors, m.actors)
	maps.Copy(s.sources, m.srcs)
	s.actors[from] = m.actor
	m.undone = true
	s.merges[from] = m
	s.record(ctx, into, counterpoint.ChangeUnmerge, s.actors[into].Version, nil, s.actors[into], "unmerged "+from)
	s.record(ctx, from, counterpoint.ChangeUnmerge, m.actor.Version, nil, m.actor, "unmerged from "+into)
	return nil
}

// RelatedDatasets finds the datasets that share an actor (one asserting a
// claim of both, or the author of a source a quote of each is from or
// said in) or a claim relation with dataset, as the real store does.
func (s *Store) RelatedDatasets(_ context.Context, dataset string) ([]counterpoint.RelatedDataset, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter("RelatedDatasets", dataset); err != nil {
		return nil, err
	}
	// Which datasets hold each actor.
	holds := map[string]map[string]bool{}
	hold := func(actor, ds string) {
		if holds[actor] == nil {
			holds[actor] = map[string]bool{}
		}
		holds[actor][ds] = true
	}
	for _, c := range s.claims {
		for _, a := range c.Assertions {
			hold(a.Actor, c.Dataset)
		}
		for _, q := range c.Quotes {
			for _, src := range []string{q.Source, q.Document} {
				for _, author := range s.sources[src].Authors {
					hold(author, c.Dataset)
				}
			}
		}
	}
	byID := map[string]*counterpoint.RelatedDataset{}
	get := func(id string) *counterpoint.RelatedDataset {
		if byID[id] == nil {
			title := s.datasets[id].Title
			if title == "" {
				title = id
			}
			byID[id] = &counterpoint.RelatedDataset{ID: id, Title: title}
		}
		return byID[id]
	}
	actors := slices.SortedFunc(maps.Keys(holds), func(a, b string) int {
		return cmp.Or(strings.Compare(s.actors[a].Name, s.actors[b].Name), strings.Compare(a, b))
	})
	for _, a := range actors {
		if !holds[a][dataset] {
			continue
		}
		for _, other := range slices.Sorted(maps.Keys(holds[a])) {
			if other != dataset {
				r := get(other)
				r.SharedActors = append(r.SharedActors, a)
			}
		}
	}
	for _, r := range s.relations {
		from, to := s.claims[r.From].Dataset, s.claims[r.To].Dataset
		switch {
		case from == dataset && to != dataset:
			get(to).RelationsTo++
		case to == dataset && from != dataset:
			get(from).RelationsFrom++
		}
	}
	var out []counterpoint.RelatedDataset
	for _, id := range slices.Sorted(maps.Keys(byID)) {
		out = append(out, *byID[id])
	}
	return counterpoint.RankRelatedDatasets(out), nil
}
