package suggest

import "github.com/counterpoint-news/counterpoint"

// kind is the actor kind the words give the speaker (Quote.SpeakerKind): a
// named person, a named organisation or place, or a description of someone
// unnamed, which is an anonymous source of its own and never matched to
// another actor by its words.
func (ref speakerRef) kind() counterpoint.ActorKind {
	switch {
	case ref.person:
		return counterpoint.ActorPerson
	case ref.anon:
		return counterpoint.ActorAnonymous
	default:
		return counterpoint.ActorOrganization
	}
}
