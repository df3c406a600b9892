package counterpoint_test

import (
	"fmt"
	"testing"

	"github.com/counterpoint-news/counterpoint"
)

// graphActors are existing actors of a second article's graph, written here.
var graphActors = []counterpoint.Actor{
	{ID: "james-comey", Name: "James B. Comey", Kind: counterpoint.ActorPerson, Role: "FBI Director"},
	{ID: "robert-litt", Name: "Robert S. Litt", Kind: counterpoint.ActorPerson, Role: "general counsel, Office of the Director of National Intelligence"},
	{ID: "jane-comey", Name: "Jane Comey", Kind: counterpoint.ActorPerson},
	{ID: "fbi", Name: "Federal Bureau of Investigation", Kind: counterpoint.ActorOrganization},
	{ID: "nsc", Name: "National Security Council", Kind: counterpoint.ActorOrganization},
	{ID: "nic", Name: "National Intelligence Council", Kind: counterpoint.ActorOrganization},
	{ID: "anon-official", Name: "Comey", Kind: counterpoint.ActorAnonymous, Role: "FBI Director"},
	{ID: "maria-gonzalez", Name: "María González", Kind: counterpoint.ActorPerson},
}

func TestMatchActors(t *testing.T) {
	tests := []struct {
		q    counterpoint.ActorQuery
		want []string // "id reason,reason" best first
	}{
		{counterpoint.ActorQuery{Name: "James Comey"}, []string{"james-comey [SAME_NAME]"}},
		{counterpoint.ActorQuery{Name: "J. Comey"}, []string{"james-comey [SURNAME_AND_INITIAL]", "jane-comey [SURNAME_AND_INITIAL]"}},
		{counterpoint.ActorQuery{Name: "Jim Comey"}, []string{"james-comey [KNOWN_VARIANT]"}},
		{counterpoint.ActorQuery{Name: "Director Comey", Role: "director of the FBI"}, []string{"james-comey [SAME_SURNAME SAME_ROLE]", "jane-comey [SAME_SURNAME]"}},
		{counterpoint.ActorQuery{Name: "James Comy"}, []string{"james-comey [SIMILAR_SPELLING]"}},
		{counterpoint.ActorQuery{Name: "Bob Litt", Role: "ODNI general counsel"}, []string{"robert-litt [KNOWN_VARIANT]"}},
		{counterpoint.ActorQuery{Name: "The FBI director", Role: "FBI director"}, []string{"james-comey [SAME_ROLE]"}},
		{counterpoint.ActorQuery{Name: "FBI"}, []string{"fbi [KNOWN_VARIANT]"}},
		{counterpoint.ActorQuery{Name: "national security council"}, []string{"nsc [SAME_NAME]"}},
		{counterpoint.ActorQuery{Name: "Maria Gonzalez"}, []string{"maria-gonzalez [SAME_NAME]"}},
		// Never proposed: anonymous sources, either way; a different person.
		{counterpoint.ActorQuery{Name: "James Comey", Kind: counterpoint.ActorAnonymous}, nil},
		{counterpoint.ActorQuery{Name: "John Smith"}, nil},
		{counterpoint.ActorQuery{Name: "James Comey", Kind: counterpoint.ActorOrganization}, nil},
		{counterpoint.ActorQuery{Name: "Michael Comey"}, []string{}},
	}
	for _, tt := range tests {
		got := counterpoint.MatchActors(tt.q, graphActors)
		var ids []string
		for _, c := range got {
			ids = append(ids, fmt.Sprintf("%s %v", c.Actor.ID, c.Reasons))
			if c.Reason == "" || c.Score < counterpoint.MinActorScore || c.Score > 1 {
				t.Errorf("MatchActors(%+v): candidate %s has reason %q, score %v", tt.q, c.Actor.ID, c.Reason, c.Score)
			}
		}
		if fmt.Sprint(ids) != fmt.Sprint(tt.want) {
			t.Errorf("MatchActors(%+v)\n got %v\nwant %v", tt.q, ids, tt.want)
		}
	}
}

func TestValidateMerge(t *testing.T) {
	person := counterpoint.Actor{ID: "a", Kind: counterpoint.ActorPerson}
	other := counterpoint.Actor{ID: "b", Kind: counterpoint.ActorPerson}
	anon := counterpoint.Actor{ID: "c", Kind: counterpoint.ActorAnonymous}
	tests := []struct {
		into, from counterpoint.Actor
		want       string
	}{
		{person, other, ""},
		{person, person, `from: cannot merge actor "a" into itself`},
		{anon, person, `into: actor "c" is an anonymous source: anonymous sources are never merged`},
		{person, anon, `from: actor "c" is an anonymous source: anonymous sources are never merged`},
	}
	for _, tt := range tests {
		got := ""
		if err := counterpoint.ValidateMerge(tt.into, tt.from); err != nil {
			e := err.(*counterpoint.Error)
			got = e.Field + ": " + e.Message
		}
		if got != tt.want {
			t.Errorf("ValidateMerge(%s, %s) = %q, want %q", tt.into.ID, tt.from.ID, got, tt.want)
		}
	}
}
