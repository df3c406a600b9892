package store

import (
	"fmt"
	"strings"

	"github.com/counterpoint-news/counterpoint"
)

// The shape of the stored graph: which labels and relationship types there
// are, which properties each node type has, and the key of each
// relationship a dataset owns. Every writer builds properties with the
// functions here and every reader decodes them with their counterparts, so
// that the graph has one shape whichever way it was written.

// The relationship types besides the claim relations, whose types are the
// values of counterpoint.RelationKind.
const (
	relMemberOf    = "MEMBER_OF"    // actor to group
	relAuthoredBy  = "AUTHORED_BY"  // source to actor
	relReportedIn  = "REPORTED_IN"  // source to the source that reports it
	relAsserted    = "ASSERTED"     // actor to claim, one per source
	relAbout       = "ABOUT"        // claim to actor
	relEvidencedBy = "EVIDENCED_BY" // claim to quote
	relFrom        = "FROM"         // quote to the source whose text holds it
	relSaidIn      = "SAID_IN"      // quote to the document it was said in
)

// relType is a relationship type of the closed set and the labels of its
// ends.
type relType struct {
	name     string
	from, to counterpoint.NodeType
	// mergeOn is the property that tells apart relationships of this type
	// between the same two nodes, or "" when there is at most one.
	mergeOn string
}

// relTypes lists every relationship type, in the order a dataset writes
// them (and so creates them, which decides the order Neo4j walks them in).
var relTypes = append([]relType{
	{relMemberOf, counterpoint.NodeActor, counterpoint.NodeActor, ""},
	{relAuthoredBy, counterpoint.NodeSource, counterpoint.NodeActor, ""},
	{relReportedIn, counterpoint.NodeSource, counterpoint.NodeSource, ""},
	{relAsserted, counterpoint.NodeActor, counterpoint.NodeClaim, "source"},
	{relAbout, counterpoint.NodeClaim, counterpoint.NodeActor, ""},
	{relEvidencedBy, counterpoint.NodeClaim, counterpoint.NodeQuote, ""},
	{relFrom, counterpoint.NodeQuote, counterpoint.NodeSource, ""},
	{relSaidIn, counterpoint.NodeQuote, counterpoint.NodeSource, ""},
}, claimRelationTypes()...)

func claimRelationTypes() []relType {
	out := make([]relType, len(counterpoint.RelationKinds))
	for i, k := range counterpoint.RelationKinds {
		out[i] = relType{string(k), counterpoint.NodeClaim, counterpoint.NodeClaim, ""}
	}
	return out
}

// OwnerKey is the key property of a relationship that a dataset owns, which
// a reload compares to remove what the dataset no longer has: the type and
// the ids that identify the relationship ("ASSERTED|actor|claim|source"),
// or for a claim relation the key that counterpoint.Relation.Key gives
// ("from|REBUTS|to"), as the graphs already written hold them.
func OwnerKey(relType string, ids ...string) string {
	if kind := counterpoint.RelationKind(relType); kind.Valid() && len(ids) == 2 {
		return counterpoint.Relation{Kind: kind, From: ids[0], To: ids[1]}.Key()
	}
	return strings.Join(append([]string{relType}, ids...), "|")
}

// nonEmpty drops empty strings and lists from m, so that SET n = m leaves
// no empty properties and a reload compares equal to what it wrote.
func nonEmpty(m map[string]any) map[string]any {
	for k, v := range m {
		switch v := v.(type) {
		case string:
			if v == "" {
				delete(m, k)
			}
		case []string:
			if len(v) == 0 {
				delete(m, k)
			}
		}
	}
	return m
}

// ownedProps are the properties of a relationship that belongs to dataset:
// p with the dataset and the relationship's OwnerKey.
func ownedProps(dataset, key string, p map[string]any) map[string]any {
	if p == nil {
		p = map[string]any{}
	}
	p["dataset"], p["key"] = dataset, key
	return nonEmpty(p)
}

// Node properties, and the decoders that read them back. A source's
// ReportedIn and authors, a claim's assertions and quotes, and a quote's
// claim, source and document are relationships, not properties.

func actorProps(a counterpoint.Actor) map[string]any {
	return nonEmpty(map[string]any{"id": a.ID, "name": a.Name, "kind": string(a.Kind), "role": a.Role, "description": a.Description})
}

func decodeActor(v any) (counterpoint.Actor, error) {
	f := propsFields("actor", v)
	a := counterpoint.Actor{ID: f.str("id"), Name: f.str("name"), Kind: counterpoint.ActorKind(f.str("kind")),
		Role: f.optStr("role"), Description: f.optStr("description"), Versioned: decodeVersion(f)}
	return a, f.err
}

// sourceProps include the hash of the text, which every quote cut from it
// records.
func sourceProps(s counterpoint.Source) map[string]any {
	p := map[string]any{"id": s.ID, "title": s.Title, "kind": string(s.Kind), "date": s.Date, "publisher": s.Publisher, "url": s.URL, "text": s.Text}
	if s.TitleIsDescription {
		p["titleIsDescription"] = true
	}
	if s.Text != "" {
		p["textHash"] = counterpoint.TextHash(s.Text)
	}
	return nonEmpty(p)
}

func decodeSource(v any) (counterpoint.Source, error) {
	f := propsFields("source", v)
	s := counterpoint.Source{ID: f.str("id"), Title: f.str("title"), Kind: counterpoint.SourceKind(f.str("kind")),
		Date: f.optStr("date"), Publisher: f.optStr("publisher"), URL: f.optStr("url"), Text: f.optStr("text"),
		TextHash: f.optStr("textHash"), TitleIsDescription: f.optBool("titleIsDescription"), Versioned: decodeVersion(f)}
	return s, f.err
}

// claimProps include sortKey, which orders the claims pages.
// The date's bound is written only when it is not the default (IN), and
// dateInferred only when true.
func claimProps(c counterpoint.Claim) map[string]any {
	p := map[string]any{"id": c.ID, "text": c.Text, "date": c.Date, "sortKey": ClaimSortKey(c.Date, c.ID), "dataset": c.Dataset, "dateNote": c.DateNote}
	if c.DateBound.OrDefault() != counterpoint.DateIn {
		p["dateBound"] = string(c.DateBound)
	}
	if c.DateInferred {
		p["dateInferred"] = true
	}
	return nonEmpty(p)
}

func decodeClaim(v any) (counterpoint.Claim, error) {
	f := propsFields("claim", v)
	c := counterpoint.Claim{ID: f.str("id"), Text: f.str("text"), Date: f.optStr("date"), Dataset: f.optStr("dataset"),
		DateBound: counterpoint.DateBound(f.optStr("dateBound")), DateInferred: f.optBool("dateInferred"), DateNote: f.optStr("dateNote"),
		Versioned: decodeVersion(f)}
	return c, f.err
}

// quoteProps carry the dataset of the claim the quote evidences, so that a
// reload can remove the quotes the dataset no longer has.
// Its context, source hash and anchor are written when known (they are not
// in the dataset files, which the loader anchors against their texts).
func quoteProps(q counterpoint.Quote, dataset string) map[string]any {
	return nonEmpty(map[string]any{"id": q.ID, "text": q.Text, "kind": string(q.Kind.OrDefault()), "start": q.Start, "end": q.End, "dataset": dataset,
		"prefix": q.Prefix, "suffix": q.Suffix, "sourceHash": q.SourceHash, "anchor": string(q.Anchor)})
}

// decodeQuote reads a quote; one written before quotes had kinds has none,
// which the domain reads as a paraphrase.
func decodeQuote(v any) (counterpoint.Quote, error) {
	f := propsFields("quote", v)
	q := counterpoint.Quote{ID: f.str("id"), Text: f.str("text"), Kind: counterpoint.QuoteKind(f.optStr("kind")),
		Start: f.integer("start"), End: f.integer("end"), Prefix: f.optStr("prefix"), Suffix: f.optStr("suffix"),
		SourceHash: f.optStr("sourceHash"), Anchor: counterpoint.Anchor(f.optStr("anchor"))}
	return q, f.err
}

// decodeVersion reads a node's version; a node written before nodes had
// versions reads as version 1, as it exists.
func decodeVersion(f *fields) counterpoint.Versioned {
	if v := typed[int64](f, "version", false); v > 0 {
		return counterpoint.Versioned{Version: int(v)}
	}
	return counterpoint.Versioned{Version: 1}
}

// decodeNode builds the domain node for a row's labels and properties; a
// node with none of the four labels is nil.
func decodeNode(labels []string, props any) (counterpoint.Node, error) {
	for _, l := range labels {
		switch counterpoint.NodeType(l) {
		case counterpoint.NodeActor:
			a, err := decodeActor(props)
			return &a, err
		case counterpoint.NodeClaim:
			c, err := decodeClaim(props)
			return &c, err
		case counterpoint.NodeQuote:
			q, err := decodeQuote(props)
			return &q, err
		case counterpoint.NodeSource:
			s, err := decodeSource(props)
			return &s, err
		}
	}
	return nil, nil
}

// Relationship properties besides the dataset and key of ownedProps.

// inferred and its note are written only when the assertion is the
// curator's reading.
func assertionProps(a counterpoint.Assertion) map[string]any {
	p := map[string]any{"source": a.Source, "date": a.Date, "attribution": string(a.Attribution), "stance": string(a.Stance.OrDefault())}
	if a.Inferred {
		p["inferred"], p["note"] = true, a.Note
	}
	return p
}

// endorses is the Cypher condition that the ASSERTED relationship in
// variable rel is an endorsement: "who countered whom" counts nothing else.
// An assertion written before stances existed has none and endorses.
func endorses(rel string) string { return "coalesce(" + rel + ".stance, 'ENDORSES') = 'ENDORSES'" }

// endorsed is the Cypher condition that actor endorses claim. Its
// relationship variable is named after both, as a subquery takes a variable
// of the query around it that has the same name for that one.
func endorsed(actor, claim string) string {
	e := "endorsement_" + actor + "_" + claim
	return "EXISTS { (" + actor + ")-[" + e + ":ASSERTED]->(" + claim + ") WHERE " + endorses(e) + " }"
}

// countsAsCounter is the Cypher condition that actor by countered actor
// against with claim counter rebutting claim target: by endorses the
// counter and not the target, against the target and not the counter, so
// that presenting a claim counts for nothing and no actor counters itself
// (counterpoint.CounterSides says the same for lists of assertions).
func countsAsCounter(by, against, counter, target string) string {
	return by + " <> " + against + " AND " + endorsed(by, counter) + " AND NOT " + endorsed(by, target) +
		" AND " + endorsed(against, target) + " AND NOT " + endorsed(against, counter)
}

// statedEndorsed is the Cypher condition that actor endorses claim in the
// source's words: an endorsement that is not the curator's inference.
func statedEndorsed(actor, claim string) string {
	e := "stated_" + actor + "_" + claim
	return "EXISTS { (" + actor + ")-[" + e + ":ASSERTED]->(" + claim + ") WHERE " + endorses(e) + " AND NOT coalesce(" + e + ".inferred, false) }"
}

// statedPair is the Cypher condition that some pair of actors counts as
// countering with claim counter against target (countsAsCounter) with both
// endorsements stated (counterpoint.CounterReading).
func statedPair(counter, target string) string {
	return "EXISTS { MATCH (sb:Actor)-[:ASSERTED]->(" + counter + "), (sx:Actor)-[:ASSERTED]->(" + target + ") WHERE " +
		countsAsCounter("sb", "sx", counter, target) + " AND " + statedEndorsed("sb", counter) + " AND " + statedEndorsed("sx", target) + " }"
}

// counterGrounds are relationGrounds with what decides whether the counter
// of the rebuttal r from claim counter to target is stated: statedPair, and
// the notes of the inferred endorsements of actors who count on either side
// (each subquery starts from the two claims, never from every assertion;
// counterpoint.CounterReading orders and dedupes the notes).
func counterGrounds(counter, target string) string {
	return relationGrounds + ", statedPair: " + statedPair(counter, target) +
		", assertionNotes: COLLECT { MATCH (nb:Actor)-[na:ASSERTED]->(" + counter + ") WHERE na.inferred AND " + endorses("na") +
		" AND EXISTS { MATCH (ox:Actor)-[:ASSERTED]->(" + target + ") WHERE " + countsAsCounter("nb", "ox", counter, target) + " } RETURN na.note AS note }" +
		" + COLLECT { MATCH (nx:Actor)-[nt:ASSERTED]->(" + target + ") WHERE nt.inferred AND " + endorses("nt") +
		" AND EXISTS { MATCH (ob:Actor)-[:ASSERTED]->(" + counter + ") WHERE " + countsAsCounter("ob", "nx", counter, target) + " } RETURN nt.note AS note }"
}

// evidenceProps rank a claim's quotes in the curator's order.
func evidenceProps(rank int) map[string]any { return map[string]any{"rank": rank} }

// relationProps hold a relation's evidence as four lists of the same
// length, since a relationship property cannot hold maps; inferred is
// written only when true.
func relationProps(r counterpoint.Relation) map[string]any {
	p := map[string]any{"source": r.Source, "note": r.Note}
	if r.Inferred {
		p["inferred"] = true
	}
	if n := len(r.Evidence); n > 0 {
		sources, texts := make([]string, n), make([]string, n)
		starts, ends := make([]int64, n), make([]int64, n)
		for i, q := range r.Evidence {
			sources[i], texts[i], starts[i], ends[i] = q.Source, q.Text, int64(q.Start), int64(q.End)
		}
		p["evidenceSources"], p["evidenceTexts"], p["evidenceStarts"], p["evidenceEnds"] = sources, texts, starts, ends
	}
	return p
}

// relationGrounds are the Cypher map entries, of the claim relation in
// variable r, that decodeGrounds reads: its note, source, inference and
// evidence. Every read of a relation or a counter returns them.
const relationGrounds = `note: r.note, source: r.source, inferred: coalesce(r.inferred, false), ` +
	`evidenceSources: r.evidenceSources, evidenceTexts: r.evidenceTexts, evidenceStarts: r.evidenceStarts, evidenceEnds: r.evidenceEnds, ` +
	`evidenceAnchors: r.evidenceAnchors`

// decodeGrounds reads the entries of relationGrounds into r.
func decodeGrounds(f *fields, r *counterpoint.Relation) {
	r.Note, r.Source, r.Inferred = f.optStr("note"), f.optStr("source"), f.boolean("inferred")
	sources, texts := f.strs("evidenceSources"), f.strs("evidenceTexts")
	starts, ends := f.optList("evidenceStarts"), f.optList("evidenceEnds")
	anchors := f.strs("evidenceAnchors") // set only once a text was replaced
	if len(texts) != len(sources) || len(starts) != len(sources) || len(ends) != len(sources) {
		f.fail(fmt.Errorf("decode %s: evidence lists of lengths %d, %d, %d, %d", f.what, len(sources), len(texts), len(starts), len(ends)))
		return
	}
	for i := range sources {
		start, ok1 := starts[i].(int64)
		end, ok2 := ends[i].(int64)
		if !ok1 || !ok2 {
			f.fail(fmt.Errorf("decode %s: evidence offsets %T, %T, want integers", f.what, starts[i], ends[i]))
			return
		}
		q := counterpoint.Quote{Source: sources[i], Text: texts[i], Start: int(start), End: int(end), Anchor: counterpoint.Anchored}
		if i < len(anchors) && anchors[i] != "" {
			q.Anchor = counterpoint.Anchor(anchors[i])
		}
		r.Evidence = append(r.Evidence, q)
	}
}
