package resolvers_test

import (
	"context"
	"fmt"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/internal/readahead"
	"github.com/counterpoint-news/counterpoint/resolvers"
)

// unusedStore implements every method of resolvers.Store with an error that
// names the method, so that a test's fake overrides only what the test
// needs and a call it did not expect fails the test with that name.
type unusedStore struct{}

var _ resolvers.Store = unusedStore{}

func unused(method string) error {
	return fmt.Errorf("fake store: %s is not part of this test", method)
}

func (unusedStore) NodesByID(context.Context, []string) ([]counterpoint.Node, error) {
	return nil, unused("NodesByID")
}
func (unusedStore) ActorsByID(context.Context, []string) ([]counterpoint.Actor, error) {
	return nil, unused("ActorsByID")
}
func (unusedStore) ClaimsByID(context.Context, []string) ([]counterpoint.Claim, error) {
	return nil, unused("ClaimsByID")
}
func (unusedStore) SourcesByID(context.Context, []string) ([]counterpoint.Source, error) {
	return nil, unused("SourcesByID")
}
func (unusedStore) QuotesByClaim(context.Context, []string) ([]counterpoint.Quote, error) {
	return nil, unused("QuotesByClaim")
}
func (unusedStore) AssertionsByClaim(context.Context, []string) ([]counterpoint.Assertion, []counterpoint.Actor, error) {
	return nil, nil, unused("AssertionsByClaim")
}
func (unusedStore) AssertionsByActor(context.Context, []string) ([]counterpoint.Assertion, []counterpoint.Claim, error) {
	return nil, nil, unused("AssertionsByActor")
}
func (unusedStore) RelationsOf(context.Context, []string) ([]counterpoint.Relation, []counterpoint.Claim, error) {
	return nil, nil, unused("RelationsOf")
}
func (unusedStore) AboutByClaim(context.Context, []string) ([]counterpoint.Link, []counterpoint.Actor, error) {
	return nil, nil, unused("AboutByClaim")
}
func (unusedStore) MembershipsOf(context.Context, []string) ([]counterpoint.Link, []counterpoint.Actor, error) {
	return nil, nil, unused("MembershipsOf")
}
func (unusedStore) AuthorsOf(context.Context, []string) ([]counterpoint.Link, []counterpoint.Actor, error) {
	return nil, nil, unused("AuthorsOf")
}
func (unusedStore) CountersBy(context.Context, []string) ([]counterpoint.ActorCounter, error) {
	return nil, unused("CountersBy")
}
func (unusedStore) CountersAgainst(context.Context, []string) ([]counterpoint.ActorCounter, error) {
	return nil, unused("CountersAgainst")
}
func (unusedStore) SourceTexts(context.Context, []string) (map[string]string, error) {
	return nil, unused("SourceTexts")
}
func (unusedStore) ClaimsWithDetail(context.Context, []string, readahead.ClaimDetail) (readahead.Bundle, error) {
	return readahead.Bundle{}, unused("ClaimsWithDetail")
}
func (unusedStore) ActorsWithDetail(context.Context, []string, readahead.ActorDetail) (readahead.Bundle, error) {
	return readahead.Bundle{}, unused("ActorsWithDetail")
}
func (unusedStore) Actors(context.Context, counterpoint.ActorFilter, int, string) (counterpoint.Page[counterpoint.Actor], error) {
	return counterpoint.Page[counterpoint.Actor]{}, unused("Actors")
}
func (unusedStore) Claims(context.Context, counterpoint.ClaimFilter, int, string) (counterpoint.Page[counterpoint.Claim], error) {
	return counterpoint.Page[counterpoint.Claim]{}, unused("Claims")
}
func (unusedStore) Sources(context.Context) ([]counterpoint.Source, error) {
	return nil, unused("Sources")
}
func (unusedStore) Search(context.Context, string, int, counterpoint.Scope) ([]counterpoint.SearchHit, error) {
	return nil, unused("Search")
}
func (unusedStore) Counters(context.Context, counterpoint.CounterFilter) ([]counterpoint.Counter, error) {
	return nil, unused("Counters")
}
func (unusedStore) CounterSummary(context.Context, counterpoint.Scope, bool) ([]counterpoint.CounterSummary, error) {
	return nil, unused("CounterSummary")
}
func (unusedStore) Thread(context.Context, string, int, []counterpoint.RelationKind, counterpoint.Scope) (counterpoint.Thread, error) {
	return counterpoint.Thread{}, unused("Thread")
}
func (unusedStore) Chains(context.Context, counterpoint.ChainQuery) ([]counterpoint.Chain, []counterpoint.Claim, error) {
	return nil, nil, unused("Chains")
}
func (unusedStore) Subgraph(context.Context, counterpoint.SubgraphQuery) (counterpoint.Subgraph, error) {
	return counterpoint.Subgraph{}, unused("Subgraph")
}
func (unusedStore) UpsertActor(context.Context, counterpoint.Actor) error {
	return unused("UpsertActor")
}
func (unusedStore) UpsertSource(context.Context, counterpoint.Source) error {
	return unused("UpsertSource")
}
func (unusedStore) UpsertClaim(context.Context, counterpoint.Claim) error {
	return unused("UpsertClaim")
}
func (unusedStore) AddRelation(context.Context, counterpoint.Relation) error {
	return unused("AddRelation")
}
func (unusedStore) RemoveRelation(context.Context, counterpoint.Relation) (bool, error) {
	return false, unused("RemoveRelation")
}
func (unusedStore) QuotesBySource(context.Context, []string) ([]counterpoint.Quote, error) {
	return nil, unused("QuotesBySource")
}
func (unusedStore) History(context.Context, string, int) ([]counterpoint.Change, error) {
	return nil, unused("History")
}
func (unusedStore) ImportSource(context.Context, counterpoint.Source) (counterpoint.ImportResult, error) {
	return counterpoint.ImportResult{}, unused("ImportSource")
}
func (unusedStore) DeleteClaim(context.Context, string, int) (bool, error) {
	return false, unused("DeleteClaim")
}
func (unusedStore) DeleteActor(context.Context, string, int) (bool, error) {
	return false, unused("DeleteActor")
}
func (unusedStore) Reviews(context.Context, string) (map[string]counterpoint.ChangeAction, error) {
	return nil, unused("Reviews")
}
func (unusedStore) Review(context.Context, string, string, counterpoint.ChangeAction) error {
	return unused("Review")
}
func (unusedStore) DatasetSummaries(context.Context) ([]counterpoint.DatasetSummary, error) {
	return nil, unused("DatasetSummaries")
}
func (unusedStore) TieGraph(context.Context, counterpoint.Scope) (counterpoint.TieGraph, error) {
	return counterpoint.TieGraph{}, unused("TieGraph")
}
func (unusedStore) DeleteSource(context.Context, string, int) (bool, error) {
	return false, unused("DeleteSource")
}
func (unusedStore) DatasetSources(context.Context, counterpoint.Scope) ([]string, error) {
	return nil, unused("DatasetSources")
}
