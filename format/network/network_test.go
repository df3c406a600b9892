package network_test

import (
	"slices"
	"testing"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/format/aif"
	"github.com/counterpoint-news/counterpoint/format/network"
	"github.com/counterpoint-news/counterpoint/internal/datasettest"
)

func mustAIF(t *testing.T) *counterpoint.Dataset {
	t.Helper()
	return datasettest.MustRead(t, aif.Reader, "../aif/testdata/aif/harbour-street.json", "../aif/testdata/aif/harbour-street-followup.json")
}

// TestAIFActorNetwork: on the AIF test maps, the rebuttals count between
// the speakers who endorse each side (the rhetorical question among them);
// the rephrase and the pure question count for nothing.
func TestAIFActorNetwork(t *testing.T) {
	g := network.ActorNetwork(mustAIF(t))
	var got []string
	for _, e := range g.Edges {
		got = append(got, e.Source+">"+e.Target+":"+e.Values[0])
	}
	want := []string{
		"aif.harbour-street-followup.audience-member>aif.ana-ruiz:1",
		"aif.harbour-street-followup.unnamed-speaker>aif.tom-becker:1",
		"aif.harbour-street.audience-member-1>aif.ana-ruiz:1",
		"aif.tom-becker>aif.ana-ruiz:1",
	}
	if !slices.Equal(got, want) {
		t.Errorf("edges %v, want %v", got, want)
	}
}
