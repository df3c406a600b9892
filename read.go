package counterpoint

// Node is anything in the graph with a stable id: *Actor, *Claim, *Quote or
// *Source.
type Node interface{ NodeID() string }

// NodeID implements Node.
func (a *Actor) NodeID() string { return a.ID }

// NodeID implements Node.
func (c *Claim) NodeID() string { return c.ID }

// NodeID implements Node.
func (q *Quote) NodeID() string { return q.ID }

// NodeID implements Node.
func (s *Source) NodeID() string { return s.ID }

// Link is a plain directed relationship between two node ids, such as a
// membership (member to group) or authorship (source to actor).
type Link struct {
	From string
	To   string
}

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

// Page is one page of an ordered list, with the total across pages.
type Page[T any] struct {
	Items   []T
	Cursors []string
	HasNext bool
	Total   int
}

// ActorFilter narrows a list of actors.
type ActorFilter struct {
	Kind ActorKind
}

// ClaimFilter narrows a list of claims; zero fields do not filter.
type ClaimFilter struct {
	AssertedBy string
	Source     string
	DateFrom   string
	DateTo     string
	Dataset    string
	Datasets   Scope
}

// Scope limits a read to the claims, quotes and relations of some
// datasets, so that a journalist following one debate sees only it; empty
// means the whole graph. Actors and sources are shared: they are in scope
// through what they assert or hold.
type Scope []string

// CounterFilter narrows who countered whom.
type CounterFilter struct {
	By             string
	Against        string
	IncludeMembers bool
	First          int
	Datasets       Scope
}

// SearchHit is a full-text match.
type SearchHit struct {
	Score float64
	Node  Node
}

// Thread is the claims around a root claim and the relations between them.
type Thread struct {
	Root      string
	Claims    []Claim
	Relations []Relation
}

// ChainQuery asks for chains of claim relations from one actor to another.
type ChainQuery struct {
	From, To string
	Kinds    []RelationKind
	Directed bool
	MaxHops  int
	First    int
	Datasets Scope
}

// Chain is one path of claim relations, from a claim of the first actor to
// a claim of the second.
type Chain struct {
	Claims    []string
	Relations []Relation
}

// NodeType names a kind of node, for subgraph filters.
type NodeType string

// The node types; their values are the Neo4j labels.
const (
	NodeActor  NodeType = "Actor"
	NodeClaim  NodeType = "Claim"
	NodeQuote  NodeType = "Quote"
	NodeSource NodeType = "Source"
)

// SubgraphQuery asks for the nodes around some ids (or all), up to a limit.
type SubgraphQuery struct {
	IDs      []string
	Hops     int
	Limit    int
	Types    []NodeType
	Datasets Scope
}

// Edge is a relationship of any type between two node ids.
type Edge struct {
	Type string
	From string
	To   string
}

// Subgraph is nodes and the relationships among them.
type Subgraph struct {
	Nodes     []Node
	Edges     []Edge
	Truncated bool
}

// ClaimDetail says what to read along with some claims, so that a request
// whose selection is known up front costs one query instead of one per
// level of nesting.
type ClaimDetail struct {
	Quotes     bool // each claim's quotes
	Assertions bool // who asserted each claim, with the actors
	Relations  bool // every relation to or from each claim, with the claim at its other end
	// Of the claims at the other end of the relations:
	RelatedQuotes     bool
	RelatedAssertions bool
}

// Any reports whether d asks for anything beyond the claims themselves.
func (d ClaimDetail) Any() bool { return d != ClaimDetail{} }

// ActorDetail says what to read along with some actors.
type ActorDetail struct {
	Countered   bool // the counters each actor made, with both claims
	CounteredBy bool // the counters aimed at each actor, with both claims
	// CounterAssertions: who asserted each counter's two claims.
	CounterAssertions bool
}

// Any reports whether d asks for anything beyond the actors themselves.
func (d ActorDetail) Any() bool { return d != ActorDetail{} }

// Bundle is what one read-ahead query found: nodes, and lists keyed by the
// id they belong to. A key is present only when its list is complete (an
// empty list means there is none), so that a reader can trust it as it
// would a query of its own.
type Bundle struct {
	Actors []Actor
	Claims []Claim

	Quotes     map[string][]Quote     // by claim id
	Assertions map[string][]Assertion // by claim id
	Relations  map[string][]Relation  // by claim id: every relation touching it

	CountersBy      map[string][]Counter // by actor id: the counters it made
	CountersAgainst map[string][]Counter // by actor id: the counters aimed at it
}

// Or returns what d or e asks for.
func (d ClaimDetail) Or(e ClaimDetail) ClaimDetail {
	return ClaimDetail{
		Quotes: d.Quotes || e.Quotes, Assertions: d.Assertions || e.Assertions, Relations: d.Relations || e.Relations,
		RelatedQuotes: d.RelatedQuotes || e.RelatedQuotes, RelatedAssertions: d.RelatedAssertions || e.RelatedAssertions,
	}
}

// Or returns what d or e asks for.
func (d ActorDetail) Or(e ActorDetail) ActorDetail {
	return ActorDetail{
		Countered: d.Countered || e.Countered, CounteredBy: d.CounteredBy || e.CounteredBy,
		CounterAssertions: d.CounterAssertions || e.CounterAssertions,
	}
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

// DatasetSummary is what one dataset holds, so that a reader can choose
// the debates to follow.
type DatasetSummary struct {
	ID, Title, Description            string
	Claims, Quotes, Relations, Actors int
	Sources                           []string
}
