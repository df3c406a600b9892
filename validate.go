package counterpoint

import (
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"
)

// The checks every write path runs: the loader on a dataset, the API's
// mutations on one node, and every later importer. Each returns Problems
// whose fields are relative to the value checked; the store adds only the
// checks that need the graph (does a referenced node exist), with the
// messages of UnknownRef and IDTaken, so that the same mistake reads the
// same whichever way it arrives.

// ids records the ids an input defines, to report duplicates with the place
// of their first definition. Ids are unique across every kind of node,
// since the API looks nodes up by id alone.
type ids struct {
	first map[string]string // id -> field of its first definition
	at    string            // the field of the node being checked
}

func newIDs() *ids { return &ids{first: map[string]string{}} }

func (seen *ids) define(ps *Problems, field, id string) {
	if !ValidID(id) {
		*ps = append(*ps, Invalidf(field, "id %q is not a slug (lower-case letters and digits separated by '-', '_' or '.')", id))
		return
	}
	if first, ok := seen.first[id]; ok {
		*ps = append(*ps, Invalidf(field, "duplicate id %q (first defined at %s)", id, first))
		return
	}
	seen.first[id] = joinField(seen.at, field)
}

func checkDate(ps *Problems, field, d string) {
	if d != "" && !ValidDate(d) {
		*ps = append(*ps, Invalidf(field, "date %q is not YYYY, YYYY-MM or YYYY-MM-DD", d))
	}
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }

// UnknownRef is the problem of a reference to a node that does not exist.
func UnknownRef(field string, t NodeType, id string) *Error {
	return Invalidf(field, "unknown %s %q", t.noun(), id)
}

// IDTaken is the problem of an id that already names a node of another type.
func IDTaken(field, id string, is, want NodeType) *Error {
	return Invalidf(field, "id %q is already %s, not %s", id, is.withArticle(), want.withArticle())
}

// noun is how messages name a node type.
func (t NodeType) noun() string { return strings.ToLower(string(t)) }

// withArticle is the noun with "a" or "an".
func (t NodeType) withArticle() string {
	if n := t.noun(); n != "" && strings.ContainsRune("aeiou", rune(n[0])) {
		return "an " + n
	}
	return "a " + t.noun()
}

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

// Validate checks a source on its own: id, title, kind, date, and that it is
// not reported in itself.
func (s *Source) Validate() error { return s.validate(newIDs()).Err() }

func (s *Source) validate(seen *ids) Problems {
	var ps Problems
	seen.define(&ps, "id", s.ID)
	if blank(s.Title) {
		ps = append(ps, Invalidf("title", "source %q has no title", s.ID))
	}
	if !s.Kind.Valid() {
		ps = append(ps, Invalidf("kind", "unknown source kind %q", s.Kind))
	}
	checkDate(&ps, "date", s.Date)
	if s.ReportedIn != "" && s.ReportedIn == s.ID {
		ps = append(ps, Invalidf("reportedIn", "source %q cannot be reported in itself", s.ID))
	}
	if s.URL != "" {
		if u, err := url.Parse(s.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			ps = append(ps, Invalidf("url", "source %q: url %q is not a web address (want http:// or https://)", s.ID, s.URL))
		}
	}
	return ps
}

// MaxSourceText is the longest text, in bytes, that a source may be given
// through the API: a long report, not a book.
const MaxSourceText = 2 << 20

// ValidateImport checks a source that brings its own text: the source's
// rules, and a text that is there and not too long.
func (s *Source) ValidateImport() error {
	ps := s.validate(newIDs())
	switch {
	case blank(s.Text):
		ps = append(ps, Invalidf("text", "source %q has no text to import", s.ID))
	case len(s.Text) > MaxSourceText:
		ps = append(ps, Invalidf("text", "source %q: the text has %d bytes, more than the %d a source may have", s.ID, len(s.Text), MaxSourceText))
	}
	return ps.Err()
}

// Validate checks a claim on its own: id, text, date, at least one
// assertion with a known attribution, and at least one quote with a unique
// id (QuoteID gives the default). Whether the quotes are verbatim needs
// their sources' texts: see Quote.Validate.
func (c *Claim) Validate() error { return c.validate(newIDs()).Err() }

func (c *Claim) validate(seen *ids) Problems {
	var ps Problems
	seen.define(&ps, "id", c.ID)
	if blank(c.Text) {
		ps = append(ps, Invalidf("text", "claim %q has no text", c.ID))
	}
	checkDate(&ps, "date", c.Date)
	if len(c.Assertions) == 0 {
		ps = append(ps, Invalidf("assertions", "claim %q is asserted by no one", c.ID))
	}
	for j, a := range c.Assertions {
		f := indexField("assertions", j)
		checkDate(&ps, joinField(f, "date"), a.Date)
		if !a.Attribution.Valid() {
			ps = append(ps, Invalidf(joinField(f, "attribution"), "unknown attribution %q", a.Attribution))
		}
		if a.Stance != "" && !a.Stance.Valid() {
			ps = append(ps, Invalidf(joinField(f, "stance"), "unknown stance %q (want one of %v)", a.Stance, Stances))
		}
	}
	if len(c.Quotes) == 0 {
		ps = append(ps, Invalidf("quotes", "claim %q has no quote; every claim needs at least one verbatim quote", c.ID))
	}
	for j, q := range c.Quotes {
		seen.define(&ps, joinField(indexField("quotes", j), "id"), q.ID)
		if q.Kind != "" && !q.Kind.Valid() {
			ps = append(ps, Invalidf(joinField(indexField("quotes", j), "kind"), "unknown quote kind %q (want one of %v)", q.Kind, QuoteKinds))
		}
	}
	return ps
}

// QuoteID is the id of a claim's n-th quote (counting from 1) when the
// curator gives none.
func QuoteID(claimID string, n int) string { return fmt.Sprintf("%s.q%d", claimID, n) }

// SetDefaults fills what a curator may leave out: a quote's id (QuoteID)
// and kind (Paraphrase: nothing is shown as someone's words unless the
// curator says so and the source bears it out), and an assertion's stance
// (Endorses).
func (c *Claim) SetDefaults() {
	for i := range c.Quotes {
		if c.Quotes[i].ID == "" {
			c.Quotes[i].ID = QuoteID(c.ID, i+1)
		}
		c.Quotes[i].Kind = c.Quotes[i].Kind.OrDefault()
	}
	for i := range c.Assertions {
		c.Assertions[i].Stance = c.Assertions[i].Stance.OrDefault()
	}
}

// Validate checks that a quote's words are verbatim at its offsets in text,
// its source's text (nil when the source has none). A quote at the wrong
// place is told where its words are, or how often they occur.
func (q *Quote) Validate(text *Text) error {
	if text == nil {
		return Invalidf("source", "source %q has no text to hold quotes; quote the text that reports it", q.Source)
	}
	if blank(q.Text) {
		return Invalidf("text", "quote %q has no words", q.ID)
	}
	if q.End <= q.Start || q.Start < 0 || q.End > text.Len() {
		return Invalidf("", "offsets [%d, %d) are outside source %q (%d code points)", q.Start, q.End, q.Source, text.Len())
	}
	if text.QuoteMatches(*q) {
		if q.Kind == Direct && !text.InsideQuotation(q.Start, q.End) {
			return Invalidf("kind", "quote %q is DIRECT but not inside quotation marks in source %q; the reporter's words are a PARAPHRASE", q.Text, q.Source)
		}
		return nil
	}
	// Echo no more of the source than the quote's own length: offsets far
	// wider than the words must not print (or leak) the text between them.
	shown := min(q.End, q.Start+utf8.RuneCountInString(q.Text))
	got, _ := text.Slice(q.Start, shown)
	if shown < q.End {
		got += "…"
	}
	msg := fmt.Sprintf("quote %q is not at [%d, %d) in source %q, which holds %q there", q.Text, q.Start, q.End, q.Source, got)
	switch found := text.Find(q.Text); len(found) {
	case 0:
		msg += "; the quote is nowhere in the source text"
	case 1:
		msg += fmt.Sprintf("; it is at [%d, %d)", found[0][0], found[0][1])
	default:
		msg += fmt.Sprintf("; it occurs %d times, first at [%d, %d)", len(found), found[0][0], found[0][1])
	}
	return Invalidf("", "%s", msg)
}

// Validate checks a relation on its own: a kind of the closed set and two
// different claims.
func (r *Relation) Validate() error { return r.validate().Err() }

func (r *Relation) validate() Problems {
	var ps Problems
	if !r.Kind.Valid() {
		ps = append(ps, Invalidf("kind", "unknown relation kind %q (want one of %v)", r.Kind, RelationKinds))
	}
	if r.From == r.To {
		ps = append(ps, Invalidf("to", "claim %q cannot be related to itself (%s)", r.From, r.Kind))
	}
	if r.Inferred && blank(r.Note) {
		ps = append(ps, Invalidf("note", "relation %s %s %s is inferred: its note must say why", r.From, r.Kind, r.To))
	}
	if !r.Inferred && len(r.Evidence) == 0 {
		ps = append(ps, Invalidf("evidence", "relation %s %s %s has no evidence: give the source's words that make the link, or mark it inferred with a note saying why", r.From, r.Kind, r.To))
	}
	return ps
}

// ValidateEvidence checks a relation's evidence against the texts of its
// sources, like any quote; source returns a source's text (nil when it has
// none) and whether the source exists.
func (r *Relation) ValidateEvidence(source func(id string) (*Text, bool)) error {
	return r.validateEvidence(source).Err()
}

func (r *Relation) validateEvidence(source func(id string) (*Text, bool)) Problems {
	var ps Problems
	for j := range r.Evidence {
		q := &r.Evidence[j]
		f := indexField("evidence", j)
		text, ok := source(q.Source)
		if !ok {
			ps = append(ps, UnknownRef(joinField(f, "source"), NodeSource, q.Source))
			continue
		}
		if err := Within(f, q.Validate(text)); err != nil {
			ps = append(ps, err.(*Error))
		}
	}
	return ps
}

// Validate checks a whole dataset: every node as its own Validate does, ids
// unique across the dataset, every reference resolved within it, no
// relation twice, and every quote verbatim at its offsets in its source's
// text. It returns every problem at once.
func (ds *Dataset) Validate() error {
	var ps Problems
	seen := newIDs()
	add := func(field string, more Problems) {
		for _, p := range more {
			ps = append(ps, &Error{Code: p.Code, Message: p.Message, Field: joinField(field, p.Field)})
		}
	}
	if !ValidID(ds.ID) {
		ps = append(ps, Invalidf("id", "dataset id %q is not a slug", ds.ID))
	}

	// Define every id first, so that a reference may point forward.
	actors := map[string]bool{}
	sources := map[string]*Source{}
	claims := map[string]bool{}
	for i := range ds.Actors {
		seen.at = indexField("actors", i)
		add(seen.at, ds.Actors[i].validate(seen))
		actors[ds.Actors[i].ID] = true
	}
	for i := range ds.Sources {
		seen.at = indexField("sources", i)
		add(seen.at, ds.Sources[i].validate(seen))
		sources[ds.Sources[i].ID] = &ds.Sources[i]
	}
	for i := range ds.Claims {
		seen.at = indexField("claims", i)
		add(seen.at, ds.Claims[i].validate(seen))
		claims[ds.Claims[i].ID] = true
	}

	ref := func(field string, t NodeType, id string) bool {
		known := map[NodeType]bool{NodeActor: actors[id], NodeClaim: claims[id]}[t]
		if t == NodeSource {
			_, known = sources[id]
		}
		if !known {
			ps = append(ps, UnknownRef(field, t, id))
		}
		return known
	}
	for i, a := range ds.Actors {
		for j, m := range a.MemberOf {
			ref(indexField(joinField(indexField("actors", i), "memberOf"), j), NodeActor, m)
		}
	}
	texts := map[string]*Text{}
	for i, s := range ds.Sources {
		p := indexField("sources", i)
		for j, a := range s.Authors {
			ref(indexField(joinField(p, "authors"), j), NodeActor, a)
		}
		if s.ReportedIn != "" && s.ReportedIn != s.ID {
			ref(joinField(p, "reportedIn"), NodeSource, s.ReportedIn)
		}
		if s.Text != "" {
			texts[s.ID] = NewText(s.Text)
		}
	}
	for i, c := range ds.Claims {
		p := indexField("claims", i)
		for j, a := range c.About {
			ref(indexField(joinField(p, "about"), j), NodeActor, a)
		}
		for j, a := range c.Assertions {
			ap := indexField(joinField(p, "assertions"), j)
			ref(joinField(ap, "actor"), NodeActor, a.Actor)
			ref(joinField(ap, "source"), NodeSource, a.Source)
		}
		for j := range c.Quotes {
			q := &c.Quotes[j]
			qp := indexField(joinField(p, "quotes"), j)
			if q.Document != "" {
				ref(joinField(qp, "document"), NodeSource, q.Document)
			}
			if !ref(joinField(qp, "source"), NodeSource, q.Source) {
				continue
			}
			if err := Within(qp, q.Validate(texts[q.Source])); err != nil {
				ps = append(ps, err.(*Error))
			}
		}
	}
	first := map[string]int{}
	for i := range ds.Relations {
		r := &ds.Relations[i]
		p := indexField("relations", i)
		add(p, r.validate())
		ref(joinField(p, "from"), NodeClaim, r.From)
		ref(joinField(p, "to"), NodeClaim, r.To)
		if r.Source != "" {
			ref(joinField(p, "source"), NodeSource, r.Source)
		}
		add(p, r.validateEvidence(func(id string) (*Text, bool) {
			_, ok := sources[id]
			return texts[id], ok
		}))
		if j, ok := first[r.Key()]; ok {
			ps = append(ps, Invalidf(p, "duplicate relation %s %s %s (first at %s)", r.From, r.Kind, r.To, indexField("relations", j)))
		} else {
			first[r.Key()] = i
		}
	}
	return ps.Err()
}

// Validate checks a claim filter's dates.
func (f ClaimFilter) Validate() error {
	var ps Problems
	checkDate(&ps, "dateFrom", f.DateFrom)
	checkDate(&ps, "dateTo", f.DateTo)
	if p := f.Datasets.problem("datasets"); p != nil {
		ps = append(ps, p)
	}
	return ps.Err()
}

// MaxScope is the most datasets one read may name.
const MaxScope = 100

// Validate checks that a scope names at most MaxScope datasets, each by a
// well-formed id, once.
func (s Scope) Validate(field string) error {
	if p := s.problem(field); p != nil {
		return p
	}
	return nil
}

func (s Scope) problem(field string) *Error {
	if len(s) > MaxScope {
		return Invalidf(field, "at most %d datasets, not %d", MaxScope, len(s))
	}
	for i, id := range s {
		if !ValidID(id) {
			return Invalidf(indexField(field, i), "%q is not a dataset id (a slug: lower-case letters and digits separated by '-', '_' or '.')", id)
		}
		for _, other := range s[:i] {
			if other == id {
				return Invalidf(indexField(field, i), "dataset %q is named twice", id)
			}
		}
	}
	return nil
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
