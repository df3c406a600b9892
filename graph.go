package counterpoint

import "strings"

// Node is anything in the graph with a stable id: *Actor, *Claim, *Quote or
// *Source.
type Node interface{ NodeID() string }

// NodeType names a kind of node, for subgraph filters.
type NodeType string

// The node types; their values are the Neo4j labels.
const (
	NodeActor  NodeType = "Actor"
	NodeClaim  NodeType = "Claim"
	NodeQuote  NodeType = "Quote"
	NodeSource NodeType = "Source"
)

// noun is how messages name a node type.
func (t NodeType) noun() string { return strings.ToLower(string(t)) }

// withArticle is the noun with "a" or "an".
func (t NodeType) withArticle() string {
	if n := t.noun(); n != "" && strings.ContainsRune("aeiou", rune(n[0])) {
		return "an " + n
	}
	return "a " + t.noun()
}

// UnknownRef is the problem of a reference to a node that does not exist.
func UnknownRef(field string, t NodeType, id string) *Error {
	return Invalidf(field, "unknown %s %q", t.noun(), id)
}

// IDTaken is the problem of an id that already names a node of another type.
func IDTaken(field, id string, is, want NodeType) *Error {
	return Invalidf(field, "id %q is already %s, not %s", id, is.withArticle(), want.withArticle())
}

// Link is a plain directed relationship between two node ids, such as a
// membership (member to group) or authorship (source to actor).
type Link struct {
	From string
	To   string
}

// Edge is a relationship of any type between two node ids.
type Edge struct {
	Type string
	From string
	To   string
}

// Page is one page of an ordered list, with the total across pages.
type Page[T any] struct {
	Items   []T
	Cursors []string
	HasNext bool
	Total   int
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

// SubgraphQuery asks for the nodes around some ids (or all), up to a limit.
type SubgraphQuery struct {
	IDs      []string
	Hops     int
	Limit    int
	Types    []NodeType
	Datasets Scope
}

// Subgraph is nodes and the relationships among them.
type Subgraph struct {
	Nodes     []Node
	Edges     []Edge
	Truncated bool
}

// Limits on the variable parts of path queries: the API refuses arguments
// beyond them and the store never walks further.
const (
	MaxThreadDepth = 10
	MaxChainHops   = 8
	MaxChains      = 20
	MaxSubgraph    = 5000
	MaxHops        = 4
)
