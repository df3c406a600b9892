package counterpoint

import (
	"fmt"
	"slices"
	"strings"
)

// Dataset is one curated body of actors, claims, sources and relations,
// usually drawn from one article.
type Dataset struct {
	ID          string
	Title       string
	Description string
	// Requires names the other datasets whose claims this one's relations
	// point into: a debate runs across articles, and a file must say what
	// it needs loaded beside it.
	Requires  []string
	Sources   []Source
	Actors    []Actor
	Claims    []Claim
	Relations []Relation
}

// Validate checks a whole dataset: every node as its own Validate does, ids
// unique across the dataset, every reference resolved within it (but a
// relation's to, which may name a claim of a required dataset), no
// relation twice, and every quote verbatim at its offsets in its source's
// text. It returns every problem at once.
func (ds *Dataset) Validate() error {
	var ps problemList
	seen := newIDs()
	add := func(field string, more Problems) { ps.add(more.under(field)...) }
	if !ValidID(ds.ID) {
		ps.add(Invalidf("id", "dataset id %q is not a slug", ds.ID))
	}
	for i, id := range ds.Requires {
		switch {
		case !ValidID(id):
			ps.add(Invalidf(indexField("requires", i), "%s is not a dataset id (a slug)", Echo(id)))
		case id == ds.ID:
			ps.add(Invalidf(indexField("requires", i), "a dataset does not require itself"))
		case slices.Contains(ds.Requires[:i], id):
			ps.add(Invalidf(indexField("requires", i), "dataset %q is required twice", id))
		}
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

	// A reference's field is spelled out only when it is unknown: a large
	// file has hundreds of thousands that resolve.
	ref := references{actors: actors, sources: sources, claims: claims, ps: &ps}
	for i, a := range ds.Actors {
		for j, m := range a.MemberOf {
			ref.check(NodeActor, m, func() string { return indexField(joinField(indexField("actors", i), "memberOf"), j) })
		}
	}
	texts := map[string]*Text{}
	for i, s := range ds.Sources {
		p := func() string { return indexField("sources", i) }
		for j, a := range s.Authors {
			ref.check(NodeActor, a, func() string { return indexField(joinField(p(), "authors"), j) })
		}
		if s.ReportedIn != "" && s.ReportedIn != s.ID {
			ref.check(NodeSource, s.ReportedIn, func() string { return joinField(p(), "reportedIn") })
		}
		if s.Text != "" {
			texts[s.ID] = NewText(s.Text)
		}
	}
	for i, c := range ds.Claims {
		p := func() string { return indexField("claims", i) }
		for j, a := range c.About {
			ref.check(NodeActor, a, func() string { return indexField(joinField(p(), "about"), j) })
		}
		for j, a := range c.Assertions {
			ap := func() string { return indexField(joinField(p(), "assertions"), j) }
			ref.check(NodeActor, a.Actor, func() string { return joinField(ap(), "actor") })
			ref.check(NodeSource, a.Source, func() string { return joinField(ap(), "source") })
		}
		for j := range c.Quotes {
			q := &c.Quotes[j]
			qp := func() string { return indexField(joinField(p(), "quotes"), j) }
			if q.Document != "" {
				ref.check(NodeSource, q.Document, func() string { return joinField(qp(), "document") })
			}
			if !ref.check(NodeSource, q.Source, func() string { return joinField(qp(), "source") }) {
				continue
			}
			if err := q.Validate(texts[q.Source]); err != nil {
				ps.add(Within(qp(), err).(*Error))
			}
		}
	}
	first := map[string]int{}
	for i := range ds.Relations {
		r := &ds.Relations[i]
		p := indexField("relations", i)
		add(p, r.validate())
		ref.check(NodeClaim, r.From, func() string { return joinField(p, "from") })
		// A relation may end at another dataset's claim when the file
		// names the datasets it requires; the loader finds it there.
		if !claims[r.To] && len(ds.Requires) > 0 {
			if !ValidID(r.To) {
				ps.add(Invalidf(joinField(p, "to"), "%s is not a claim id", Echo(r.To)))
			}
		} else {
			ref.check(NodeClaim, r.To, func() string { return joinField(p, "to") })
		}
		if r.Source != "" {
			ref.check(NodeSource, r.Source, func() string { return joinField(p, "source") })
		}
		add(p, r.validateEvidence(func(id string) (*Text, bool) {
			_, ok := sources[id]
			return texts[id], ok
		}))
		if j, ok := first[r.Key()]; ok {
			ps.add(Invalidf(p, "duplicate relation %s %s %s (first at %s)", r.From, r.Kind, r.To, indexField("relations", j)))
		} else {
			first[r.Key()] = i
		}
	}
	return ps.err()
}

// references are the ids a dataset defines, for checking what refers to
// them.
type references struct {
	actors, claims map[string]bool
	sources        map[string]*Source
	ps             *problemList
}

// check reports whether id names a node of type t in the dataset, and adds
// the problem at field() when it does not.
func (r references) check(t NodeType, id string, field func() string) bool {
	known := r.actors[id]
	switch t {
	case NodeClaim:
		known = r.claims[id]
	case NodeSource:
		_, known = r.sources[id]
	}
	if !known {
		r.ps.add(UnknownRef(field(), t, id))
	}
	return known
}

// ExternalRef is a relation of a dataset that ends at a claim of another
// dataset: the loader must find that claim in the load or the graph.
type ExternalRef struct {
	Field string // where, as "relations[3].to"
	Claim string
}

// ExternalRefs lists the relations whose to-claim the dataset does not
// hold, in file order; Validate allows them only when Requires is not
// empty.
func (ds *Dataset) ExternalRefs() []ExternalRef {
	own := make(map[string]bool, len(ds.Claims))
	for _, c := range ds.Claims {
		own[c.ID] = true
	}
	var refs []ExternalRef
	for i, r := range ds.Relations {
		if !own[r.To] {
			refs = append(refs, ExternalRef{joinField(indexField("relations", i), "to"), r.To})
		}
	}
	return refs
}

// OwnedRelation is a relation of one dataset (Dataset, its from claim's)
// that ends at a claim of another (ToDataset): what reloading that other
// dataset without the claim would cut.
type OwnedRelation struct {
	Dataset, From, To, ToDataset string
	Kind                         RelationKind
}

// DatasetSummary is what one dataset holds, so that a reader can choose
// the debates to follow.
type DatasetSummary struct {
	ID, Title, Description            string
	Claims, Quotes, Relations, Actors int
	Sources                           []string
}

// RelatedDataset is a dataset that shares actors or claim relations with
// another: the same debate told in another article, which a reader
// following one debate wants beside it.
type RelatedDataset struct {
	ID, Title string
	// SharedActors are the ids of the actors both datasets hold, by name:
	// an actor is held by a dataset when it asserts one of its claims or
	// wrote a source one of its quotes is from or said in.
	SharedActors []string
	// RelationsTo counts the claim relations from the claims of the
	// dataset asked about to this one's; RelationsFrom those from this
	// one's claims to the claims of the dataset asked about.
	RelationsTo, RelationsFrom int
}

// Shared is how much the two datasets hold together: the shared actors
// and the relations either way.
func (r RelatedDataset) Shared() int { return len(r.SharedActors) + r.RelationsTo + r.RelationsFrom }

// RankRelatedDatasets orders related datasets for a reader, the most
// shared first (then by id), and leaves out those that share nothing, so
// that the store and its double answer alike.
func RankRelatedDatasets(rs []RelatedDataset) []RelatedDataset {
	out := slices.DeleteFunc(slices.Clone(rs), func(r RelatedDataset) bool { return r.Shared() == 0 })
	slices.SortStableFunc(out, func(a, b RelatedDataset) int {
		if d := b.Shared() - a.Shared(); d != 0 {
			return d
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out
}

// Scope limits a read to the claims, quotes and relations of some
// datasets, so that a journalist following one debate sees only it; empty
// means the whole graph. Actors and sources are shared: they are in scope
// through what they assert or hold.
type Scope []string

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

// maxEcho is how many characters of an id an error repeats: an id is at
// most 200, and an answer must not grow with whatever a client sent.
const maxEcho = 64

// Echo quotes s for a message, cut after maxEcho characters (saying how
// long it was), so that an error never repeats a 10 KB id back.
func Echo(s string) string {
	r := []rune(s)
	if len(r) <= maxEcho {
		return fmt.Sprintf("%q", s)
	}
	return fmt.Sprintf("%q… (%d characters)", string(r[:maxEcho]), len(r))
}

// UnknownDataset is the error for a dataset id that owns no claim. It says
// how many datasets the graph holds rather than listing them (a public
// export's 404 would otherwise list every id), and where to find them.
func UnknownDataset(id string, known int) *Error {
	there := "the graph holds no dataset"
	switch {
	case known == 1:
		there = "the graph holds 1 dataset; the API's datasets query lists it"
	case known > 1:
		there = fmt.Sprintf("the graph holds %d datasets; the API's datasets query lists them", known)
	}
	return Errorf(ENOTFOUND, "dataset %s is not in the graph (no claim belongs to it); %s", Echo(id), there)
}
