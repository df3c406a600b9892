// Package counterpoint holds the domain of the argument graph: actors, the
// claims they assert, the sources that record them, the verbatim quotes that
// evidence each claim, and the closed set of relations between claims.
//
// It imports only the standard library so that the store, the loader and the
// API can all share it without pulling in each other's dependencies.
package counterpoint

import (
	"regexp"
	"slices"
	"strings"
)

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

// SourceKind says what sort of document a source is; the set is closed.
type SourceKind string

// The source kinds.
const (
	SourceArticle   SourceKind = "ARTICLE"
	SourcePaper     SourceKind = "PAPER"
	SourceEmail     SourceKind = "EMAIL"
	SourceSpeech    SourceKind = "SPEECH"
	SourceTestimony SourceKind = "TESTIMONY"
	SourceInterview SourceKind = "INTERVIEW"
	SourceStatement SourceKind = "STATEMENT"
)

// SourceKinds lists every source kind.
var SourceKinds = []SourceKind{SourceArticle, SourcePaper, SourceEmail, SourceSpeech, SourceTestimony, SourceInterview, SourceStatement}

// Valid reports whether k belongs to the closed set.
func (k SourceKind) Valid() bool { return slices.Contains(SourceKinds, k) }

// RelationKind names how one claim bears on another; the set is closed and
// its values double as Neo4j relationship types, so they never come from
// user text.
type RelationKind string

// The relation kinds between claims.
const (
	// Rebuts: the claim argues that the target is wrong.
	Rebuts RelationKind = "REBUTS"
	// Supports: the claim is offered as a reason for the target.
	Supports RelationKind = "SUPPORTS"
	// Qualifies: the claim corrects the target's scope or strength without
	// denying it (Litt's "not provide ANY relief, ever" against the paper's
	// "not provide any relief in the near term").
	Qualifies RelationKind = "QUALIFIES"
	// Rephrases: the claim restates the target in other words (AIF's MA
	// node); it neither argues for nor against it, so it counters no one.
	Rephrases RelationKind = "REPHRASES"
)

// RelationKinds lists every relation kind.
var RelationKinds = []RelationKind{Rebuts, Supports, Qualifies, Rephrases}

// Valid reports whether k belongs to the closed set.
func (k RelationKind) Valid() bool { return slices.Contains(RelationKinds, k) }

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

// QuoteKind says whose words a quote holds; the set is closed.
type QuoteKind string

// The quote kinds. Nothing shows a paraphrase as someone's words, so the
// kind a quote has when none is given is Paraphrase.
const (
	// Direct: the speaker's own words, inside quotation marks in the source.
	Direct QuoteKind = "DIRECT"
	// Paraphrase: the reporter's words reporting what was said or written;
	// a span that mixes the reporter's words with quoted ones is one.
	Paraphrase QuoteKind = "PARAPHRASE"
)

// QuoteKinds lists every quote kind.
var QuoteKinds = []QuoteKind{Direct, Paraphrase}

// Valid reports whether k belongs to the closed set.
func (k QuoteKind) Valid() bool { return slices.Contains(QuoteKinds, k) }

// OrDefault is k, or Paraphrase when k is unset: a quote is shown as
// someone's words only when it is known to be.
func (k QuoteKind) OrDefault() QuoteKind {
	if k == "" {
		return Paraphrase
	}
	return k
}

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

// Source is a document: the article, or one that the article reports on.
// Only sources with a text can hold quotes; TextFile names that text.
type Source struct {
	ID         string
	Title      string
	Kind       SourceKind
	Date       string
	Publisher  string
	Authors    []string
	ReportedIn string
	URL        string
	TextFile   string
	Text       string
	TextHash   string // TextHash(Text), kept so that quotes can tell which text they were cut from
	Versioned
}

// Quote is a run of verbatim words in a source's text. Start and End are
// offsets in Unicode code points into that text, End exclusive.
type Quote struct {
	ID       string
	Claim    string // the claim it evidences, when read from the graph
	Text     string
	Kind     QuoteKind
	Source   string
	Document string
	Start    int
	End      int
	// Prefix and Suffix are up to ContextLength code points of the source's
	// text before and after the words, and SourceHash the hash of that text,
	// so that a quote can be found again, and only exactly, in a corrected text.
	Prefix, Suffix string
	SourceHash     string
	Anchor         Anchor
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

// Claim is one proposition in neutral words, with a date as precise as the
// source allows and at least one quote that evidences it.
type Claim struct {
	ID         string
	Text       string
	Date       string
	Dataset    string
	About      []string
	Assertions []Assertion
	Quotes     []Quote
	Versioned
}

// Relation is a directed, typed link between two claims. A relation is a
// claim about the source too: Evidence holds the source's words that make
// the link, or Inferred says that the link is the curator's reading, with
// Note saying why.
type Relation struct {
	Kind     RelationKind
	From     string
	To       string
	Source   string
	Note     string
	Evidence []Quote
	Inferred bool
}

// Key identifies a relation within a graph: one relation per kind per
// ordered pair of claims.
func (r Relation) Key() string { return r.From + "|" + string(r.Kind) + "|" + r.To }

// ParseRelationKey is the inverse of Key: the kind and ends of a relation.
func ParseRelationKey(key string) (Relation, bool) {
	parts := strings.Split(key, "|")
	if len(parts) != 3 || !RelationKind(parts[1]).Valid() {
		return Relation{}, false
	}
	return Relation{From: parts[0], Kind: RelationKind(parts[1]), To: parts[2]}, true
}

// Dataset is one curated body of actors, claims, sources and relations,
// usually drawn from one article.
type Dataset struct {
	ID          string
	Title       string
	Description string
	Sources     []Source
	Actors      []Actor
	Claims      []Claim
	Relations   []Relation
}

var (
	slugPattern = regexp.MustCompile(`^[a-z0-9]+(?:[-_.][a-z0-9]+)*$`)
	datePattern = regexp.MustCompile(`^[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?$`)
)

// ValidID reports whether id is a stable slug: lower-case letters and digits
// separated by single '-', '_' or '.'.
func ValidID(id string) bool { return len(id) <= 200 && slugPattern.MatchString(id) }

// ValidDate reports whether d is a date as precise as a source allows:
// "2015", "2015-08" or "2015-08-04".
func ValidDate(d string) bool { return datePattern.MatchString(d) }

// WriteSummary counts what a write did to the graph, by node label or
// relationship type.
type WriteSummary struct {
	Created   map[string]int
	Updated   map[string]int
	Unchanged map[string]int
	Removed   map[string]int
}

// NewWriteSummary returns an empty summary ready to count into.
func NewWriteSummary() WriteSummary {
	return WriteSummary{Created: map[string]int{}, Updated: map[string]int{}, Unchanged: map[string]int{}, Removed: map[string]int{}}
}

// Add counts n items of the given label or type under outcome, one of
// "created", "updated", "unchanged" or "removed".
func (s WriteSummary) Add(what, outcome string, n int) {
	switch outcome {
	case "created":
		s.Created[what] += n
	case "updated":
		s.Updated[what] += n
	case "unchanged":
		s.Unchanged[what] += n
	case "removed":
		s.Removed[what] += n
	}
}

// Changed reports whether the write changed anything.
func (s WriteSummary) Changed() bool {
	return len(s.Created)+len(s.Updated)+len(s.Removed) > 0
}
