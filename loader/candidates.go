package loader

import (
	"context"
	"errors"
	"fmt"

	"github.com/counterpoint-news/counterpoint"
)

// ActorFinder is what ActorCandidates asks of the graph: which of some ids
// are actors already, and which existing actors a new one may be.
type ActorFinder interface {
	ActorsByID(ctx context.Context, ids []string) ([]counterpoint.Actor, error)
	ActorCandidates(ctx context.Context, q counterpoint.ActorQuery, scope counterpoint.Scope, first int) ([]counterpoint.ActorCandidate, error)
}

// CandidatesPerActor is how many existing actors a load names for each new
// one.
const CandidatesPerActor = 3

// MaxCandidateLookups is how many new actors of one load are looked up (one
// full-text read each, a few milliseconds), so that a load of thousands of
// new actors is not held up by proposals; the rest are counted in a notice.
const MaxCandidateLookups = 500

// ActorCandidates lists, for every actor of the inputs that the graph does
// not hold yet, the existing actors it may be (counterpoint.MatchActors
// through the store's candidates), with the reason, as notices of kind
// "actor-candidate": a load says them and merges nothing (mergeActors
// does, when a curator decides). Anonymous actors are never matched.
func ActorCandidates(ctx context.Context, g ActorFinder, inputs []Input) (Problems, error) {
	var ids []string
	for _, in := range inputs {
		for _, a := range in.Dataset.Actors {
			ids = append(ids, a.ID)
		}
	}
	existing, err := g.ActorsByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	old := make(map[string]bool, len(existing))
	for _, a := range existing {
		old[a.ID] = true
	}
	var notes Problems
	looked, left := 0, 0
	for _, in := range inputs {
		for i, a := range in.Dataset.Actors {
			if old[a.ID] || a.Kind == counterpoint.ActorAnonymous {
				continue
			}
			if looked == MaxCandidateLookups {
				left++
				continue
			}
			looked++
			cands, err := g.ActorCandidates(ctx, counterpoint.ActorQuery{Name: a.Name, Role: a.Role, Kind: a.Kind}, nil, CandidatesPerActor)
			var invalid *counterpoint.Error
			if errors.As(err, &invalid) && invalid.Code == counterpoint.EINVALID {
				continue // a name of no searchable words: nothing to propose
			}
			if err != nil {
				return nil, err
			}
			for _, c := range cands {
				notes = append(notes, Problem{File: in.File, Path: fmt.Sprintf("$.actors[%d]", i), Node: a.ID, Kind: "actor-candidate", Action: Noted,
					Message: fmt.Sprintf("new actor %q (%q) may be the existing actor %q (%q): %s (score %.2f); nothing merged",
						a.ID, a.Name, c.Actor.ID, c.Actor.Name, c.Reason, c.Score)})
			}
		}
	}
	if left > 0 {
		notes = append(notes, Problem{File: inputs[len(inputs)-1].File, Kind: "actor-candidate", Action: Noted,
			Message: fmt.Sprintf("%d more new actors were not looked up among the existing ones (at most %d a load)", left, MaxCandidateLookups)})
	}
	return notes, nil
}
