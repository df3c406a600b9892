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
// who asserted each claim.
type Counter struct {
	Counter string // the rebutting claim
	Target  string // the rebutted claim
	Note    string
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
}

// CounterFilter narrows who countered whom.
type CounterFilter struct {
	By             string
	Against        string
	IncludeMembers bool
	First          int
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
	IDs   []string
	Hops  int
	Limit int
	Types []NodeType
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
