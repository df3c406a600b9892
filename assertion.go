package counterpoint

import "slices"

// Attribution says how the source attributes an assertion to its actor.
type Attribution string

// The attributions.
const (
	// OnRecord: a named actor said or wrote it publicly.
	OnRecord Attribution = "ON_RECORD"
	// Anonymous: said on condition of anonymity; the actor is anonymous.
	Anonymous Attribution = "ANONYMOUS"
	// InDocument: written in a document that was not public (an internal
	// paper or e-mail obtained by the reporter).
	InDocument Attribution = "IN_DOCUMENT"
	// Reported: the reporter describes the actor's position in their own words.
	Reported Attribution = "REPORTED"
)

// Attributions lists every attribution.
var Attributions = []Attribution{OnRecord, Anonymous, InDocument, Reported}

// Valid reports whether a belongs to the closed set.
func (a Attribution) Valid() bool { return slices.Contains(Attributions, a) }

// Stance says whether an actor argues for a claim or only sets it out; the
// set is closed.
type Stance string

// The stances. "Who countered whom" counts endorsements only: an options
// paper that presents an option and its caveat counters no one.
const (
	// Endorses: the actor argues for the claim (the default).
	Endorses Stance = "ENDORSES"
	// Presents: the actor sets the claim out without arguing for it, as an
	// options paper, a summary or a question does.
	Presents Stance = "PRESENTS"
)

// Stances lists every stance.
var Stances = []Stance{Endorses, Presents}

// Valid reports whether s belongs to the closed set.
func (s Stance) Valid() bool { return slices.Contains(Stances, s) }

// OrDefault is s, or Endorses when s is unset.
func (s Stance) OrDefault() Stance {
	if s == "" {
		return Endorses
	}
	return s
}

// Assertion records that an actor put a claim forward, in which document,
// when, and how the source attributes it.
type Assertion struct {
	Claim       string // the claim asserted, when read from the graph
	Actor       string
	Source      string
	Date        string
	Attribution Attribution
	Stance      Stance
}

// validate checks an assertion on its own: its date, a known attribution
// and, when one is given, a known stance. Whether its actor and source
// exist is for the caller to check.
func (a *Assertion) validate() Problems {
	var ps Problems
	checkDate(&ps, "date", a.Date)
	if !a.Attribution.Valid() {
		ps = append(ps, Invalidf("attribution", "unknown attribution %q", a.Attribution))
	}
	if a.Stance != "" && !a.Stance.Valid() {
		ps = append(ps, Invalidf("stance", "unknown stance %q (want one of %v)", a.Stance, Stances))
	}
	return ps
}
