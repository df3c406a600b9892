package resolvers

import (
	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/graph/model"
)

// One debate across datasets: the API's shapes of the domain's actor
// candidates and similar claims.

func toActorCandidates(cs []counterpoint.ActorCandidate) []*model.ActorCandidate {
	out := make([]*model.ActorCandidate, len(cs))
	for i := range cs {
		c := &cs[i]
		reasons := make([]model.ActorMatchReason, len(c.Reasons))
		for j, r := range c.Reasons {
			reasons[j] = model.ActorMatchReason(r)
		}
		out[i] = &model.ActorCandidate{Actor: toActor(&c.Actor), Reason: c.Reason, Reasons: reasons, Score: c.Score}
	}
	return out
}

func toSimilarClaims(ms []counterpoint.ClaimMatch) []*model.SimilarClaim {
	out := make([]*model.SimilarClaim, len(ms))
	for i := range ms {
		m := &ms[i]
		out[i] = &model.SimilarClaim{Claim: toClaim(&m.Claim), Score: m.Score, Matched: nonNilStrings(m.Matched),
			NegationDiffers: m.NegationDiffers, NumbersDiffer: m.NumbersDiffer}
	}
	return out
}
