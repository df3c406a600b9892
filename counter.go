package counterpoint

import (
	"cmp"
	"slices"
	"strings"
)

// Counter is one claim rebutting another; the sides' actors follow from
// who asserted each claim. Note and Evidence are the rebuttal's, as on its
// Relation; Inferred says that the counter as a whole is the curator's
// reading (CounterReading), and Notes what it rests on.
type Counter struct {
	Counter          string // the rebutting claim
	Target           string // the rebutted claim
	Note             string
	Evidence         []Quote
	Inferred         bool // the counter as a whole is the curator's reading (CounterReading)
	RelationInferred bool // the rebuttal itself is
	Notes            []string
}

// ActorCounter is a counter seen from one actor: made by it, or aimed at it.
type ActorCounter struct {
	Actor   string
	Counter Counter
}

// CounterSummary counts how often one actor countered another, in
// exchanges (SummarizeCounters).
type CounterSummary struct {
	By        string
	Against   string
	Count     int // len(Exchanges)
	Pairs     int // the claim pairs under the exchanges
	Inferred  bool
	Exchanges []Exchange
}

// CounterFilter narrows who countered whom.
type CounterFilter struct {
	By             string
	Against        string
	IncludeMembers bool
	First          int
	Datasets       Scope
	// StatedOnly leaves out the counters that rest on the curator's reading.
	StatedOnly bool
}

// CounterSides says who counts on each side of a counter, from the
// assertions of the countering claim and of its target: by are the actors
// who endorse the countering claim and not the target, against those who
// endorse the target and not the countering claim. Presenting a claim counts
// for nothing, and no actor counters itself. The store's queries apply the
// same rule in Cypher.
func CounterSides(counter, target []Assertion) (by, against []string) {
	endorsers := func(as []Assertion) map[string]bool {
		m := map[string]bool{}
		for _, a := range as {
			if a.Stance.OrDefault() == Endorses {
				m[a.Actor] = true
			}
		}
		return m
	}
	c, t := endorsers(counter), endorsers(target)
	side := func(as []Assertion, mine, theirs map[string]bool) []string {
		var out []string
		seen := map[string]bool{}
		for _, a := range as {
			if mine[a.Actor] && !theirs[a.Actor] && !seen[a.Actor] {
				seen[a.Actor] = true
				out = append(out, a.Actor)
			}
		}
		return out
	}
	return side(counter, c, t), side(target, t, c)
}

// Tie is one signed tie between two actors.
type Tie struct {
	A, B string
	// Sign is +1 (agreement: co-endorsement, support, membership) or -1
	// (a counter).
	Sign int
	// Kind says what makes the tie, and Claims the claims it rests on (the
	// countering or supporting claim and its target, or the claim both
	// endorse; none for a membership), so that a view draws exactly the
	// ties the camps weigh.
	Kind   TieKind
	Claims []string
	// Inferred says that the tie rests on the curator's reading: an
	// inferred relation, or an inferred attribution of one of its claims.
	Inferred bool
	// Why says what makes the tie, e.g. "counter c1 → c2", so that a reader
	// can check each.
	Why string
}

// TieKind says what makes a tie between two actors; the set is closed.
type TieKind string

// The kinds of tie.
const (
	TieCounter           TieKind = "COUNTER"
	TieSupport           TieKind = "SUPPORT"
	TieSharedEndorsement TieKind = "SHARED_ENDORSEMENT"
	TieMembership        TieKind = "MEMBERSHIP"
)

// CampSplit is the partition Camps finds and how well it fits.
type CampSplit struct {
	// Camps are the groups of actors, each sorted by id; the camps of one
	// connected group of actors are next to each other and share Group.
	Camps []Camp
	// Unsure are actors that fit either of their group's camps equally
	// well: moving one changes no tie's fit.
	Unsure []string
	// Frustrated are the ties against the partition: a positive tie across
	// camps or a negative one within a camp.
	Frustrated []Tie
	// Ties counts every tie considered.
	Ties int
}

// Camp is one side of a connected group of actors.
type Camp struct {
	Group  int // 1, 2, …: the connected group of actors it belongs to
	Actors []string
}

// Frustration is the share of ties against the partition, 0 when the
// camps describe every tie.
func (s CampSplit) Frustration() float64 {
	if s.Ties == 0 {
		return 0
	}
	return float64(len(s.Frustrated)) / float64(s.Ties)
}

// TieGraph is what camps are read from: the claims in scope with who
// asserted them, the rebuttals and supports that start at them (with who
// asserted their targets, in Asserted too), and every membership among
// actors. The store reads it; Ties and Camps apply the rules.
type TieGraph struct {
	Scope       Scope                  // the datasets read; empty for the whole graph
	Scoped      []string               // ids of the claims in scope
	Asserted    map[string][]Assertion // by claim id, for the scoped claims and the targets of their relations
	Relations   []Relation             // REBUTS and SUPPORTS from scoped claims
	Memberships []Link                 // member -> group, all of them
}

// Camps splits the actors of g into camps by the ties between them.
func (g TieGraph) Camps() CampSplit { return SplitCamps(Ties(g)) }

// memberships are the memberships that tie actors in g: all of them for
// the whole graph; in a scope, those whose member or group asserts one of
// the scope's claims, so that Comey stays with the FBI when the article
// alone is asked about, as he does in the whole graph.
func (g TieGraph) memberships() []Link {
	if len(g.Scope) == 0 {
		return g.Memberships
	}
	asserts := map[string]bool{}
	for _, id := range g.Scoped {
		for _, a := range g.Asserted[id] {
			asserts[a.Actor] = true
		}
	}
	var out []Link
	for _, l := range g.Memberships {
		if asserts[l.From] || asserts[l.To] {
			out = append(out, l)
		}
	}
	return out
}

// Ties turns a TieGraph into signed ties by the counter rule
// (CounterSides): a rebuttal ties each actor on its counter side to each on
// its target side, negatively; a support ties them positively by the same
// sides (each endorses its own claim and not the other); two actors who
// both endorse one claim are tied positively, and so is a member to its
// group (in a scope, when either asserts one of its claims). Each tie says
// why.
func Ties(g TieGraph) []Tie {
	var ties []Tie
	for _, id := range g.Scoped {
		var endorsers []string
		for _, a := range g.Asserted[id] {
			if a.Stance.OrDefault() == Endorses && !slices.Contains(endorsers, a.Actor) {
				endorsers = append(endorsers, a.Actor)
			}
		}
		slices.Sort(endorsers)
		for i, a := range endorsers {
			for _, b := range endorsers[i+1:] {
				ties = append(ties, Tie{A: a, B: b, Sign: 1, Kind: TieSharedEndorsement, Claims: []string{id}, Why: "both endorse " + id,
					Inferred: !statedEndorsement(g.Asserted[id], a) || !statedEndorsement(g.Asserted[id], b)})
			}
		}
	}
	for _, r := range g.Relations {
		by, against := CounterSides(g.Asserted[r.From], g.Asserted[r.To])
		sign, kind, why := -1, TieCounter, "counters: "+r.From+" rebuts "+r.To
		switch r.Kind {
		case Supports:
			sign, kind, why = 1, TieSupport, "supports: "+r.From+" supports "+r.To
			if r.Inferred {
				why += " (inferred)"
			}
		case Rebuts:
		default:
			continue
		}
		for _, b := range by {
			for _, x := range against {
				ties = append(ties, Tie{A: b, B: x, Sign: sign, Kind: kind, Claims: []string{r.From, r.To}, Why: why,
					Inferred: r.Inferred || !statedEndorsement(g.Asserted[r.From], b) || !statedEndorsement(g.Asserted[r.To], x)})
			}
		}
	}
	for _, m := range g.memberships() {
		ties = append(ties, Tie{A: m.From, B: m.To, Sign: 1, Kind: TieMembership, Claims: []string{}, Why: m.From + " is a member of " + m.To})
	}
	return ties
}

// CounterReading decides whether a counter rests on the source's words or
// on the curator's reading. A counter is stated when its rebuttal is not
// inferred and some pair of actors on its two sides is held to both claims
// by the source's words (neither assertion inferred); otherwise it is the
// curator's reading, and notes are what it rests on: the rebuttal's note
// when the rebuttal is inferred, then the notes of the inferred assertions, sorted.
func CounterReading(relationInferred bool, relationNote string, statedPair bool, assertionNotes []string) (inferred bool, notes []string) {
	notes = []string{}
	if relationInferred && relationNote != "" {
		notes = append(notes, relationNote)
	}
	if !statedPair {
		for _, n := range slices.Sorted(slices.Values(assertionNotes)) {
			if n != "" && !slices.Contains(notes, n) {
				notes = append(notes, n)
			}
		}
	}
	return relationInferred || !statedPair, notes
}

// CounterPair is one claim pair behind a counter between two actors: by's
// claim Counter rebuts against's claim Target. Stated says that the
// rebuttal and both actors' assertions rest on the source's words.
type CounterPair struct {
	By, Against     string
	Counter, Target string
	Stated          bool
}

// Exchange is one actor's pushback on one claim of another: every claim of
// the first that rebuts that target. One pushback with two reasons is one
// exchange, not two, so that a count can be repeated by a reader.
type Exchange struct {
	Target   string
	Counters []string // the rebutting claims, by id
	Inferred bool     // every pair under it rests on the curator's reading
}

// SummarizeCounters groups claim pairs into who countered whom: one
// summary per ordered pair of actors, its exchanges by target, most
// exchanges first. With statedOnly the pairs that rest on the curator's
// reading are left out, and so is a pair of actors left with none.
func SummarizeCounters(pairs []CounterPair, statedOnly bool) []CounterSummary {
	type key struct{ by, against string }
	byActors := map[key]map[string]*Exchange{}
	for _, p := range pairs {
		if statedOnly && !p.Stated {
			continue
		}
		k := key{p.By, p.Against}
		if byActors[k] == nil {
			byActors[k] = map[string]*Exchange{}
		}
		e := byActors[k][p.Target]
		if e == nil {
			e = &Exchange{Target: p.Target, Inferred: true}
			byActors[k][p.Target] = e
		}
		if !slices.Contains(e.Counters, p.Counter) {
			e.Counters = append(e.Counters, p.Counter)
		}
		e.Inferred = e.Inferred && !p.Stated
	}
	out := make([]CounterSummary, 0, len(byActors))
	for k, exchanges := range byActors {
		s := CounterSummary{By: k.by, Against: k.against, Inferred: true}
		for _, e := range exchanges {
			slices.Sort(e.Counters)
			s.Exchanges = append(s.Exchanges, *e)
			s.Pairs += len(e.Counters)
			s.Inferred = s.Inferred && e.Inferred
		}
		slices.SortFunc(s.Exchanges, func(a, b Exchange) int { return strings.Compare(a.Target, b.Target) })
		s.Count = len(s.Exchanges)
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b CounterSummary) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.By, b.By), strings.Compare(a.Against, b.Against))
	})
	return out
}

// statedEndorsement reports whether actor endorses the claim of as in the
// source's words (an endorsement that is not the curator's inference).
func statedEndorsement(as []Assertion, actor string) bool {
	return slices.ContainsFunc(as, func(a Assertion) bool {
		return a.Actor == actor && a.Stance.OrDefault() == Endorses && !a.Inferred
	})
}

// CounterPairsOf lists the actor pairs that rebuttal r makes, from the
// assertions of its countering claim and of its target (CounterSides), each
// stated when r and both actors' endorsements rest on the source's words.
// The store's Cypher reads the same pairs from the graph.
func CounterPairsOf(r Relation, counter, target []Assertion) []CounterPair {
	if r.Kind != Rebuts {
		return nil
	}
	by, against := CounterSides(counter, target)
	var out []CounterPair
	for _, b := range by {
		for _, x := range against {
			out = append(out, CounterPair{By: b, Against: x, Counter: r.From, Target: r.To,
				Stated: !r.Inferred && statedEndorsement(counter, b) && statedEndorsement(target, x)})
		}
	}
	return out
}
