package counterpoint

import "slices"

// Counter is one claim rebutting another; the sides' actors follow from
// who asserted each claim. Evidence and Inferred are the rebuttal's, as on
// its Relation.
type Counter struct {
	Counter  string // the rebutting claim
	Target   string // the rebutted claim
	Note     string
	Evidence []Quote
	Inferred bool
}

// ActorCounter is a counter seen from one actor: made by it, or aimed at it.
type ActorCounter struct {
	Actor   string
	Counter Counter
}

// CounterSummary counts how often one actor countered another.
type CounterSummary struct {
	By      string
	Against string
	Count   int
}

// CounterFilter narrows who countered whom.
type CounterFilter struct {
	By             string
	Against        string
	IncludeMembers bool
	First          int
	Datasets       Scope
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
	// Why says what makes the tie, e.g. "counter c1 → c2", so that a reader
	// can check each.
	Why string
}

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
				ties = append(ties, Tie{A: a, B: b, Sign: 1, Why: "both endorse " + id})
			}
		}
	}
	for _, r := range g.Relations {
		by, against := CounterSides(g.Asserted[r.From], g.Asserted[r.To])
		sign, why := -1, "counters: "+r.From+" rebuts "+r.To
		switch r.Kind {
		case Supports:
			sign, why = 1, "supports: "+r.From+" supports "+r.To
			if r.Inferred {
				why += " (inferred)"
			}
		case Rebuts:
		default:
			continue
		}
		for _, b := range by {
			for _, x := range against {
				ties = append(ties, Tie{A: b, B: x, Sign: sign, Why: why})
			}
		}
	}
	for _, m := range g.memberships() {
		ties = append(ties, Tie{A: m.From, B: m.To, Sign: 1, Why: m.From + " is a member of " + m.To})
	}
	return ties
}
