package loader

import (
	"fmt"
	"strings"

	"github.com/counterpoint-news/counterpoint"
)

// Validate checks a decoded dataset against the model's invariants, whatever
// format it came from: well-formed unique ids, references that resolve
// within the dataset, kinds from the closed sets, no claim related to
// itself, and every quote verbatim at its offsets in its source's text. It
// returns every problem at once; file names the input in each.
func Validate(file string, ds *counterpoint.Dataset) Problems {
	v := validator{file: file, ids: map[string]string{}}
	v.dataset(ds)
	return v.problems
}

type validator struct {
	file     string
	problems Problems
	ids      map[string]string // id -> JSON path of its first definition
}

func (v *validator) addf(p path, format string, args ...any) {
	v.problems = append(v.problems, Problem{v.file, string(p), fmt.Sprintf(format, args...)})
}

// define records a new id and reports a duplicate. Ids are unique across
// every kind of node, since the API looks nodes up by id alone.
func (v *validator) define(p path, id string) {
	if !counterpoint.ValidID(id) {
		v.addf(p, "id %q is not a slug (lower-case letters and digits separated by '-', '_' or '.')", id)
		return
	}
	if first, ok := v.ids[id]; ok {
		v.addf(p, "duplicate id %q (first defined at %s)", id, first)
		return
	}
	v.ids[id] = string(p)
}

func (v *validator) dataset(ds *counterpoint.Dataset) {
	if !counterpoint.ValidID(ds.ID) {
		v.addf(root.Field("id"), "dataset id %q is not a slug", ds.ID)
	}
	actors := map[string]bool{}
	sources := map[string]*counterpoint.Source{}
	claims := map[string]bool{}
	for i, a := range ds.Actors {
		v.define(root.Field("actors").Index(i).Field("id"), a.ID)
		actors[a.ID] = true
	}
	for i := range ds.Sources {
		s := &ds.Sources[i]
		v.define(root.Field("sources").Index(i).Field("id"), s.ID)
		sources[s.ID] = s
	}
	for i, c := range ds.Claims {
		v.define(root.Field("claims").Index(i).Field("id"), c.ID)
		claims[c.ID] = true
		for j, q := range c.Quotes {
			v.define(root.Field("claims").Index(i).Field("quotes").Index(j).Field("id"), q.ID)
		}
	}

	refActor := func(p path, id string) {
		if !actors[id] {
			v.addf(p, "unknown actor %q", id)
		}
	}
	refSource := func(p path, id string) *counterpoint.Source {
		s, ok := sources[id]
		if !ok {
			v.addf(p, "unknown source %q", id)
		}
		return s
	}
	refClaim := func(p path, id string) {
		if !claims[id] {
			v.addf(p, "unknown claim %q", id)
		}
	}
	date := func(p path, d string) {
		if d != "" && !counterpoint.ValidDate(d) {
			v.addf(p, "date %q is not YYYY, YYYY-MM or YYYY-MM-DD", d)
		}
	}

	for i, a := range ds.Actors {
		p := root.Field("actors").Index(i)
		if strings.TrimSpace(a.Name) == "" {
			v.addf(p.Field("name"), "actor %q has no name", a.ID)
		}
		if !a.Kind.Valid() {
			v.addf(p.Field("kind"), "unknown actor kind %q", a.Kind)
		}
		for j, m := range a.MemberOf {
			refActor(p.Field("memberOf").Index(j), m)
			if m == a.ID {
				v.addf(p.Field("memberOf").Index(j), "actor %q cannot be a member of itself", a.ID)
			}
		}
	}

	texts := map[string]*counterpoint.Text{}
	for i, s := range ds.Sources {
		p := root.Field("sources").Index(i)
		if !s.Kind.Valid() {
			v.addf(p.Field("kind"), "unknown source kind %q", s.Kind)
		}
		date(p.Field("date"), s.Date)
		for j, a := range s.Authors {
			refActor(p.Field("authors").Index(j), a)
		}
		if s.ReportedIn != "" {
			if r := refSource(p.Field("reportedIn"), s.ReportedIn); r != nil && r.ID == s.ID {
				v.addf(p.Field("reportedIn"), "source %q cannot be reported in itself", s.ID)
			}
		}
		if s.TextFile != "" {
			texts[s.ID] = counterpoint.NewText(s.Text)
		}
	}

	for i, c := range ds.Claims {
		p := root.Field("claims").Index(i)
		if strings.TrimSpace(c.Text) == "" {
			v.addf(p.Field("text"), "claim %q has no text", c.ID)
		}
		date(p.Field("date"), c.Date)
		for j, a := range c.About {
			refActor(p.Field("about").Index(j), a)
		}
		if len(c.Assertions) == 0 {
			v.addf(p.Field("assertions"), "claim %q is asserted by no one", c.ID)
		}
		for j, a := range c.Assertions {
			ap := p.Field("assertions").Index(j)
			refActor(ap.Field("actor"), a.Actor)
			refSource(ap.Field("source"), a.Source)
			date(ap.Field("date"), a.Date)
			if !a.Attribution.Valid() {
				v.addf(ap.Field("attribution"), "unknown attribution %q", a.Attribution)
			}
		}
		if len(c.Quotes) == 0 {
			v.addf(p.Field("quotes"), "claim %q has no quote; every claim needs at least one verbatim quote", c.ID)
		}
		for j, q := range c.Quotes {
			v.quote(p.Field("quotes").Index(j), q, sources, texts)
		}
	}

	seen := map[string]int{}
	for i, r := range ds.Relations {
		p := root.Field("relations").Index(i)
		if !r.Kind.Valid() {
			v.addf(p.Field("kind"), "unknown relation kind %q (want one of %v)", r.Kind, counterpoint.RelationKinds)
		}
		refClaim(p.Field("from"), r.From)
		refClaim(p.Field("to"), r.To)
		if r.Source != "" {
			refSource(p.Field("source"), r.Source)
		}
		if r.From == r.To {
			v.addf(p, "claim %q cannot %s itself", r.From, strings.ToLower(string(r.Kind)))
		}
		if first, ok := seen[r.Key()]; ok {
			v.addf(p, "duplicate relation %s %s %s (first at %s)", r.From, r.Kind, r.To, root.Field("relations").Index(first))
		} else {
			seen[r.Key()] = i
		}
	}
}

// quote checks one quote: its source has a text, the offsets lie within it,
// and the words there are the quote's after normalisation.
func (v *validator) quote(p path, q counterpoint.Quote, sources map[string]*counterpoint.Source, texts map[string]*counterpoint.Text) {
	s, ok := sources[q.Source]
	if !ok {
		v.addf(p.Field("source"), "unknown source %q", q.Source)
		return
	}
	if q.Document != "" {
		if _, ok := sources[q.Document]; !ok {
			v.addf(p.Field("document"), "unknown source %q", q.Document)
		}
	}
	text, ok := texts[s.ID]
	if !ok {
		v.addf(p.Field("source"), "source %q has no text (textFile) to hold quotes; quote the text that reports it", q.Source)
		return
	}
	if q.End <= q.Start || q.Start < 0 || q.End > text.Len() {
		v.addf(p, "offsets [%d, %d) are outside source %q (%d code points)", q.Start, q.End, q.Source, text.Len())
		return
	}
	if text.QuoteMatches(q) {
		return
	}
	got, _ := text.Slice(q.Start, q.End)
	msg := fmt.Sprintf("quote %q is not at [%d, %d) in source %q, which holds %q there", q.Text, q.Start, q.End, q.Source, got)
	switch found := text.Find(q.Text); len(found) {
	case 0:
		msg += "; the quote is nowhere in the source text"
	case 1:
		msg += fmt.Sprintf("; it is at [%d, %d)", found[0][0], found[0][1])
	default:
		msg += fmt.Sprintf("; it occurs %d times, first at [%d, %d)", len(found), found[0][0], found[0][1])
	}
	v.addf(p, "%s", msg)
}
