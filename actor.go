package counterpoint

import "slices"

// ActorKind says what sort of participant an actor is; the set is closed.
type ActorKind string

// The actor kinds. An anonymous source is its own kind so that it can never
// be merged with, or mistaken for, a named person.
const (
	ActorPerson       ActorKind = "PERSON"
	ActorOrganization ActorKind = "ORGANIZATION"
	ActorCollective   ActorKind = "COLLECTIVE"
	ActorState        ActorKind = "STATE"
	ActorAnonymous    ActorKind = "ANONYMOUS"
)

// ActorKinds lists every actor kind, in the order the API documents them.
var ActorKinds = []ActorKind{ActorPerson, ActorOrganization, ActorCollective, ActorState, ActorAnonymous}

// Valid reports whether k belongs to the closed set.
func (k ActorKind) Valid() bool { return slices.Contains(ActorKinds, k) }

// Actor is anyone who takes or reports a position: a person, an
// organisation, a collective, a state or an anonymous source.
type Actor struct {
	ID          string
	Name        string
	Kind        ActorKind
	Role        string
	Description string
	MemberOf    []string
	Versioned
}

// NodeID implements Node.
func (a *Actor) NodeID() string { return a.ID }

// Validate checks an actor on its own: id, name, kind, and that it is not a
// member of itself. Whether its groups exist is for the caller to check.
func (a *Actor) Validate() error { return a.validate(newIDs()).Err() }

func (a *Actor) validate(seen *ids) Problems {
	var ps Problems
	seen.define(&ps, "id", a.ID)
	if blank(a.Name) {
		ps = append(ps, Invalidf("name", "actor %q has no name", a.ID))
	}
	if !a.Kind.Valid() {
		ps = append(ps, Invalidf("kind", "unknown actor kind %q", a.Kind))
	}
	for j, m := range a.MemberOf {
		if m == a.ID {
			ps = append(ps, Invalidf(indexField("memberOf", j), "actor %q cannot be a member of itself", a.ID))
		}
	}
	return ps
}

// ActorFilter narrows a list of actors.
type ActorFilter struct {
	Kind ActorKind
}
