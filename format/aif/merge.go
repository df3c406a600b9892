package aif

import (
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/internal/disjoint"
	"github.com/counterpoint-news/counterpoint/loader"
)

// merge joins the maps that share node ids into one dataset each: a
// proposition or locution in two maps is one claim or quote in the graph,
// and a claim belongs to one dataset, so maps that share one are loaded as
// one dataset, under the first id in order. A shared node that the maps give
// differently is reported in both files.
func (aifFormat) Merge(inputs []loader.Input) ([]loader.Input, loader.Problems) {
	problems := placeholderDates(inputs)
	for _, in := range inputs {
		addDateSpan(in.Dataset)
	}
	sets := disjoint.New(len(inputs))
	find := sets.Find
	owner := map[string]int{}
	for i, in := range inputs {
		for _, id := range ownedIDs(in.Dataset) {
			if j, ok := owner[id]; ok {
				sets.Union(i, j)
				continue
			}
			owner[id] = i
		}
	}
	var out []loader.Input
	for i, in := range inputs {
		if find(i) != i {
			continue
		}
		group := []loader.Input{in}
		for j := i + 1; j < len(inputs); j++ {
			if find(j) == i {
				group = append(group, inputs[j])
			}
		}
		var where map[string][]string
		if len(group) > 1 {
			// The group's dataset is the same whichever order the files
			// are named in: the map with the first id leads.
			slices.SortStableFunc(group, func(a, b loader.Input) int { return strings.Compare(a.Dataset.ID, b.Dataset.ID) })
			var ps loader.Problems
			in, where, ps = mergeMaps(group)
			problems = append(problems, ps...)
		}
		problems = append(problems, dropUnspoken(in, where)...)
		out = append(out, in)
	}
	problems = append(problems, sameActors(out)...)
	return out, problems
}

// sameActors gives every actor the definition it has in the first dataset
// that names it: a speaker's name spelt with another case in another map
// (the same actor id) is one speaker, named as first met, and a notice.
func sameActors(inputs []loader.Input) loader.Problems {
	type def struct {
		a    counterpoint.Actor
		file string
	}
	first := map[string]def{}
	type variant struct {
		file   string
		others int
		at     int
	}
	seen := map[[2]string]*variant{} // (actor id, other name) -> where first
	var notes loader.Problems
	for _, in := range inputs {
		for i, a := range in.Dataset.Actors {
			f, ok := first[a.ID]
			if !ok {
				first[a.ID] = def{a, in.File}
				continue
			}
			if reflect.DeepEqual(f.a, a) {
				continue
			}
			in.Dataset.Actors[i] = f.a
			key := [2]string{a.ID, a.Name}
			if v, ok := seen[key]; ok {
				v.others++
				continue
			}
			seen[key] = &variant{file: in.File, at: len(notes)}
			notes = append(notes, loader.Problem{File: in.File, Path: string(loader.Root), Kind: "name-variants", Action: loader.Noted,
				Message: fmt.Sprintf("speaker %q is named %q in %s; they are one actor (%q), named as there", a.Name, f.a.Name, f.file, a.ID)})
		}
	}
	for _, v := range seen {
		if v.others > 0 {
			notes[v.at].Message += fmt.Sprintf(" (the same spelling in %d more)", v.others)
		}
	}
	return notes
}

// groupFile names a group of maps by its first file and how many others
// share nodes with it.
func groupFile(files []string) string {
	if len(files) == 1 {
		return files[0]
	}
	return fmt.Sprintf("%s (+%d maps sharing nodes)", files[0], len(files)-1)
}

// placeOf names where a node of a group is first defined and how many
// other maps of the group repeat it.
func placeOf(files []string) string {
	if len(files) < 2 {
		return files[0]
	}
	return fmt.Sprintf("%s (and %d other maps that repeat it)", files[0], len(files)-1)
}

// dropUnspoken leaves out the propositions that no locution of the maps
// puts forward, with the relations that touch them, and reports each: a
// claim needs someone's words.
func dropUnspoken(in loader.Input, where map[string][]string) loader.Problems {
	var problems loader.Problems
	ds := in.Dataset
	gone := map[string]bool{}
	kept := ds.Claims[:0]
	for _, c := range ds.Claims {
		if len(c.Quotes) == 0 {
			gone[c.ID] = true
			file := in.File
			if fs := where[c.ID]; len(fs) > 0 {
				file = placeOf(fs)
			}
			problems = append(problems, loader.Problem{File: file, Path: nodePath(ClaimAIFID(c.ID)), Kind: "unspoken", Node: ClaimAIFID(c.ID), Action: "node skipped", Message: fmt.Sprintf("I node %s is put forward by no locution (no YA from an L node to it), so no one's words stand for it; every claim needs a quote", ClaimAIFID(c.ID))})
			continue
		}
		kept = append(kept, c)
	}
	ds.Claims = kept
	if len(gone) == 0 {
		return nil
	}
	rels := ds.Relations[:0]
	for _, r := range ds.Relations {
		if !gone[r.From] && !gone[r.To] {
			rels = append(rels, r)
		}
	}
	ds.Relations = rels
	return problems
}

func ownedIDs(ds *counterpoint.Dataset) []string {
	var ids []string
	for _, c := range ds.Claims {
		ids = append(ids, c.ID)
		for _, q := range c.Quotes {
			ids = append(ids, q.ID)
		}
	}
	return ids
}

// mergeMaps joins maps that share nodes into the first one's dataset.
func mergeMaps(group []loader.Input) (loader.Input, map[string][]string, loader.Problems) {
	var problems loader.Problems
	first := group[0]
	files := make([]string, len(group))
	for i, in := range group {
		files[i] = in.File
	}
	title := first.Dataset.Title
	if strings.HasPrefix(first.Dataset.Description, generatedDescription) {
		title += fmt.Sprintf(", and %d more maps", len(group)-1)
	}
	ds := &counterpoint.Dataset{ID: first.Dataset.ID, Title: title,
		Description: "Read from the AIF maps " + briefNames(mapNames(files)) + ", which share nodes, so they load as one dataset."}
	where := map[string][]string{} // claim id -> the files that hold it
	type place struct {
		file string
		at   int
	}
	actors, sources, claims := map[string]place{}, map[string]place{}, map[string]place{}
	relations := map[string]int{}
	defined := map[string][]string{} // an element's id (a relation's key) -> the files that hold it
	for _, in := range group {
		ids := map[string]bool{}
		for _, a := range in.Dataset.Actors {
			ids[a.ID] = true
		}
		for _, s := range in.Dataset.Sources {
			ids[s.ID] = true
		}
		for _, c := range in.Dataset.Claims {
			ids[c.ID] = true
			for _, q := range c.Quotes {
				ids[q.ID] = true
			}
		}
		for _, r := range in.Dataset.Relations {
			ids[r.Key()] = true
		}
		for id := range ids {
			defined[id] = append(defined[id], in.File)
		}
	}
	for _, in := range group {
		for _, a := range in.Dataset.Actors {
			if p, ok := actors[a.ID]; ok {
				if !reflect.DeepEqual(ds.Actors[p.at], a) {
					problems = append(problems, loader.Problem{File: in.File, Path: string(loader.Root), Kind: "name-variants", Action: loader.Noted,
						Message: fmt.Sprintf("speaker %q is named %q in %s; they are one actor (%q), named as there", a.Name, ds.Actors[p.at].Name, p.file, a.ID)})
				}
				continue
			}
			actors[a.ID] = place{in.File, len(ds.Actors)}
			ds.Actors = append(ds.Actors, a)
		}
		for _, s := range in.Dataset.Sources {
			if _, ok := sources[s.ID]; !ok {
				sources[s.ID] = place{in.File, len(ds.Sources)}
				ds.Sources = append(ds.Sources, s)
			}
		}
		for _, c := range in.Dataset.Claims {
			where[c.ID] = append(where[c.ID], in.File)
			p, ok := claims[c.ID]
			if !ok {
				claims[c.ID] = place{in.File, len(ds.Claims)}
				c.Assertions = slices.Clone(c.Assertions)
				c.Quotes = slices.Clone(c.Quotes)
				ds.Claims = append(ds.Claims, c)
				continue
			}
			have := &ds.Claims[p.at]
			if len(have.Quotes) == 0 {
				have.Quotes = slices.Clone(c.Quotes) // the shared proposition is spoken in this map, not the first
			}
			if have.Text != c.Text {
				problems = append(problems, loader.Problem{File: in.File, Path: nodePath(ClaimAIFID(c.ID)), Kind: "node-differs", Node: ClaimAIFID(c.ID), Action: "this copy skipped",
					Message: fmt.Sprintf("I node %s is also in %s, with another text (%q there, %q here); a node shared by maps must be the same node", ClaimAIFID(c.ID), p.file, clip(have.Text, 60), clip(c.Text, 60))})
				continue
			}
			for _, a := range c.Assertions {
				have.Assertions = mergeAssertion(have.Assertions, a)
			}
			if c.Date != "" && (have.Date == "" || c.Date < have.Date) {
				have.Date = c.Date
			}
		quotes:
			for _, q := range c.Quotes {
				for _, h := range have.Quotes {
					if h.ID != q.ID {
						continue
					}
					if h.Text != q.Text {
						l, _, _, _ := ParseAIFQuoteID(q.ID)
						file := in.File
						if fs := where[c.ID]; len(fs) > 0 {
							file = placeOf(fs)
						}
						problems = append(problems, loader.Problem{File: file, Path: nodePath(l), Message: fmt.Sprintf("L node %s is also in %s, with other words; a node shared by maps must be the same node", l, p.file)})
					}
					continue quotes // the first map's transcript holds the shared words
				}
				have.Quotes = append(have.Quotes, q)
			}
		}
		for _, r := range in.Dataset.Relations {
			if i, ok := relations[r.Key()]; ok {
				if ds.Relations[i].Note != r.Note {
					at := string(loader.Root)
					if sn, ok := ParseSchemeNote(r.Note); ok {
						at = nodePath(sn.ID)
					}
					problems = append(problems, loader.Problem{File: in.File, Path: at, Message: fmt.Sprintf("the relation %s %s %s (%s) is also in another map of the group, from another node (%s)", r.From, r.Kind, r.To, r.Note, ds.Relations[i].Note)})
				}
				continue
			}
			relations[r.Key()] = len(ds.Relations)
			ds.Relations = append(ds.Relations, r)
		}
	}
	placeOfID := func(id string) string {
		if fs := defined[id]; len(fs) > 0 {
			return placeOf(fs)
		}
		return ""
	}
	return loader.Input{File: groupFile(files), Dataset: ds, Place: placeOfID}, where, problems
}

// briefNames lists a few names and counts the rest.
func briefNames(names []string) string {
	const shown = 3
	if len(names) <= shown+1 {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:shown], ", "), len(names)-shown)
}

func mapNames(files []string) []string {
	out := make([]string, len(files))
	for i, f := range files {
		out[i] = filepath.Base(f)
	}
	return out
}

// nodePath is a JSON path (with a filter) to the node with the given id.
func nodePath(id string) string {
	return fmt.Sprintf("$..nodes[?(@.nodeID==%q)]", id)
}

// NodeOf is the AIF node id of a claim (its I node) or quote (its L node)
// that this format read, for problems in the input's terms.
func (aifFormat) NodeOf(id string) string {
	if l, _, _, ok := ParseAIFQuoteID(id); ok {
		return l
	}
	if strings.HasPrefix(id, "aif-") && !strings.Contains(id, ".") {
		return ClaimAIFID(id)
	}
	return ""
}

// Dates that the maps' locutions cannot support. A date that starts the
// locutions of more than placeholderMaps maps, and more than a tenth of
// those loaded, is an annotation tool's placeholder, not a broadcast's; a
// date more than contradictoryDays from the date most of a map's
// locutions give contradicts the map's own span.
const (
	placeholderMaps   = 5
	contradictoryDays = 2
)

// placeholderDates leaves undated the claims whose only dates are
// placeholders or contradict their map, each with a notice, so that the
// timeline never shows a claim at a date the source does not support.
func placeholderDates(inputs []loader.Input) loader.Problems {
	maps := map[string]int{} // date -> maps that use it
	for _, in := range inputs {
		seen := map[string]bool{}
		for _, c := range in.Dataset.Claims {
			for _, a := range c.Assertions {
				if a.Date != "" && !seen[a.Date] {
					seen[a.Date] = true
					maps[a.Date]++
				}
			}
		}
	}
	placeholder := map[string]bool{}
	var notes loader.Problems
	var dates []string
	for d, n := range maps {
		if n > placeholderMaps && n*10 > len(inputs) {
			placeholder[d] = true
			dates = append(dates, d)
		}
	}
	slices.Sort(dates)
	for _, d := range dates {
		notes = append(notes, loader.Problem{File: inputs[0].File, Kind: "placeholder-date", Action: loader.Noted,
			Message: fmt.Sprintf("%s starts the locutions of %d of the %d maps: a placeholder, not the debates' dates; their claims are left undated", d, maps[d], len(inputs))})
	}
	for _, in := range inputs {
		ds := in.Dataset
		count := map[string]int{}
		for _, c := range ds.Claims {
			for _, a := range c.Assertions {
				if a.Date != "" && !placeholder[a.Date] {
					count[a.Date]++
				}
			}
		}
		mode, best := "", 0
		for d, n := range count {
			if n > best || (n == best && d < mode) {
				mode, best = d, n
			}
		}
		for i := range ds.Claims {
			c := &ds.Claims[i]
			dropped := ""
			c.Date = ""
			for j := range c.Assertions {
				a := &c.Assertions[j]
				switch {
				case a.Date == "":
				case placeholder[a.Date]:
					a.Date = ""
				case daysApart(a.Date, mode) > contradictoryDays:
					dropped = a.Date
					a.Date = ""
				}
				if a.Date != "" && (c.Date == "" || a.Date < c.Date) {
					c.Date = a.Date
				}
			}
			if dropped != "" {
				notes = append(notes, loader.Problem{File: in.File, Path: nodePath(ClaimAIFID(c.ID)), Node: ClaimAIFID(c.ID), Kind: "contradictory-date", Action: loader.Noted,
					Message: fmt.Sprintf("I node %s is dated %s by its locution, more than %d days from %s, the date of most of the map's locutions; that date is dropped", ClaimAIFID(c.ID), dropped, contradictoryDays, mode)})
			}
		}
	}
	return notes
}

// daysApart is how many days lie between two dates (YYYY-MM-DD); 0 when
// either is not a date.
func daysApart(a, b string) int {
	ta, err1 := time.Parse(time.DateOnly, a)
	tb, err2 := time.Parse(time.DateOnly, b)
	if err1 != nil || err2 != nil {
		return 0
	}
	d := ta.Sub(tb).Hours() / 24
	if d < 0 {
		d = -d
	}
	return int(d)
}

// generatedDescription starts the description of a map that names none.
const generatedDescription = "Read from the AIF map "

// addDateSpan ends the title that the format made for a map with the span
// of its claims' dates, once placeholderDates has kept only the map's own.
func addDateSpan(ds *counterpoint.Dataset) {
	if !strings.HasPrefix(ds.Description, generatedDescription) {
		return
	}
	lo, hi := "", ""
	for _, c := range ds.Claims {
		if c.Date == "" {
			continue
		}
		if lo == "" || c.Date < lo {
			lo = c.Date
		}
		if c.Date > hi {
			hi = c.Date
		}
	}
	span := " (" + lo + ")"
	if lo != hi {
		span = " (" + lo + " – " + hi + ")"
	}
	if lo != "" && !strings.HasSuffix(ds.Title, span) { // a map exported with its title has it already
		ds.Title += span
	}
}
