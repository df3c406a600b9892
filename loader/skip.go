package loader

import (
	"cmp"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"

	"github.com/counterpoint-news/counterpoint"
)

// NodeNamer is a Reader whose inputs have ids of their own (AIF's
// nodeIDs): NodeOf gives the input's id of a graph element the reader
// made, so that a problem names the place in the input's terms.
type NodeNamer interface {
	NodeOf(elementID string) string
}

// maxPruneRounds bounds how many times prune re-checks a dataset: each
// round leaves out what the last one's problems name and what then hangs
// loose (a relation whose claim went), which takes a few rounds at most.
const maxPruneRounds = 20

var elementField = regexp.MustCompile(`^(actors|sources|claims|relations)\[(\d+)\](?:\.(quotes|assertions|about|memberOf|authors)\[(\d+)\])?`)

// prune leaves out of ds the elements that its domain problems name (a
// claim, a quote, a relation...) and then what needs them, until ds
// passes the checks, so that --skip-invalid costs a problem only what it
// touches. It returns each problem with what was done; ok is false when a
// problem concerns the dataset as a whole (its id), which cannot be
// pruned.
func prune(in Input, namer NodeNamer) (skipped Problems, ok bool) {
	file, ds := in.File, in.Dataset
	// Claims of the datasets the file requires: no claim of its own, so
	// none that pruning leaves out.
	external := map[string]bool{}
	if len(ds.Requires) > 0 {
		for _, r := range ds.ExternalRefs() {
			external[r.Claim] = true
		}
	}
	for round := 0; round < maxPruneRounds; round++ {
		ps := Validate(file, ds)
		if len(ps) == 0 {
			return skipped, true
		}
		gone := map[string]map[int]bool{}  // collection -> indices
		inner := map[[2]int]map[int]bool{} // (collection code, index) -> inner indices
		innerName := map[[2]int]string{}
		for _, p := range ps {
			g := elementField.FindStringSubmatch(trimRoot(p.Path))
			if g == nil {
				return append(skipped, ps...), false
			}
			i, _ := strconv.Atoi(g[2])
			var what, id, key string
			switch g[1] {
			case "actors":
				id = ds.Actors[i].ID
			case "sources":
				id = ds.Sources[i].ID
			case "claims":
				id = ds.Claims[i].ID
			case "relations":
				r := ds.Relations[i]
				id, key = r.From+" "+string(r.Kind)+" "+r.To, r.Key()
			}
			if g[3] != "" && (g[1] != "claims" || g[3] != "quotes" || len(ds.Claims[i].Quotes) > 1) {
				j, _ := strconv.Atoi(g[4])
				key := [2]int{collectionCode(g[1]), i}
				if inner[key] == nil {
					inner[key] = map[int]bool{}
				}
				inner[key][j] = true
				innerName[key] = g[3]
				what = singular(g[3]) + " skipped"
				if g[3] == "quotes" {
					id = ds.Claims[i].Quotes[j].ID
				}
			} else {
				if gone[g[1]] == nil {
					gone[g[1]] = map[int]bool{}
				}
				gone[g[1]][i] = true
				what = singular(g[1]) + " skipped"
			}
			p.Action = what
			p.File = in.fileOf(cmp.Or(key, id))
			if namer != nil && p.Node == "" {
				p.Node = namer.NodeOf(id)
			}
			if p.Kind == "" {
				p.Kind = "dataset-check"
			}
			skipped = append(skipped, p)
		}
		for key, js := range inner {
			i := key[1]
			switch key[0] {
			case 2:
				c := &ds.Claims[i]
				switch innerName[key] {
				case "quotes":
					c.Quotes = dropIndices(c.Quotes, js)
				case "assertions":
					c.Assertions = dropIndices(c.Assertions, js)
				case "about":
					c.About = dropIndices(c.About, js)
				default:
					gone["claims"] = addIndex(gone["claims"], i)
				}
			case 0:
				if innerName[key] == "memberOf" {
					ds.Actors[i].MemberOf = dropIndices(ds.Actors[i].MemberOf, js)
				} else {
					gone["actors"] = addIndex(gone["actors"], i)
				}
			case 1:
				if innerName[key] == "authors" {
					ds.Sources[i].Authors = dropIndices(ds.Sources[i].Authors, js)
				} else {
					gone["sources"] = addIndex(gone["sources"], i)
				}
			default:
				gone["relations"] = addIndex(gone["relations"], i)
			}
		}
		ds.Actors = dropIndices(ds.Actors, gone["actors"])
		ds.Sources = dropIndices(ds.Sources, gone["sources"])
		ds.Claims = dropIndices(ds.Claims, gone["claims"])
		ds.Relations = dropIndices(ds.Relations, gone["relations"])
		dropDangling(ds, external)
	}
	return skipped, Validate(file, ds) == nil
}

// dropDangling leaves out the references to what prune left out: a
// relation whose claim went goes with it, an assertion whose actor went too;
// a relation to a claim of another dataset (external) stays.
func dropDangling(ds *counterpoint.Dataset, external map[string]bool) {
	claims := map[string]bool{}
	for _, c := range ds.Claims {
		claims[c.ID] = true
	}
	ds.Relations = slices.DeleteFunc(ds.Relations, func(r counterpoint.Relation) bool { return !claims[r.From] || !claims[r.To] && !external[r.To] })
}

func trimRoot(path string) string {
	if len(path) >= 2 && path[:2] == "$." {
		return path[2:]
	}
	return path
}

func collectionCode(name string) int {
	return map[string]int{"actors": 0, "sources": 1, "claims": 2, "relations": 3}[name]
}

func singular(name string) string {
	return map[string]string{"actors": "actor", "sources": "source", "claims": "claim", "relations": "relation",
		"quotes": "quote", "assertions": "assertion", "about": "subject", "memberOf": "membership", "authors": "author"}[name]
}

func addIndex(m map[int]bool, i int) map[int]bool {
	if m == nil {
		m = map[int]bool{}
	}
	m[i] = true
	return m
}

func dropIndices[T any](s []T, gone map[int]bool) []T {
	if len(gone) == 0 {
		return s
	}
	out := s[:0]
	for i, v := range s {
		if !gone[i] {
			out = append(out, v)
		}
	}
	return out
}

// resolveConflicts is crossCheck for --skip-invalid: instead of failing
// the read, each conflict between datasets costs the later one only what
// conflicts. A dataset id given twice skips the later dataset; a claim or
// quote in two datasets stays in the first; an actor or source defined
// two ways takes the first definition. Whatever then hangs loose is
// pruned.
func resolveConflicts(inputs []Input, namer NodeNamer) ([]Input, Problems) {
	var skipped Problems
	type def struct {
		file, path string
		v          any
	}
	datasets := map[string]string{}
	owned := map[string]def{}
	shared := map[string]def{}
	kept := inputs[:0]
	for _, in := range inputs {
		ds := in.Dataset
		if first, ok := datasets[ds.ID]; ok {
			skipped = append(skipped, Problem{File: in.File, Path: "$.id", Kind: "dataset-twice", Action: "dataset skipped",
				Message: fmt.Sprintf("dataset %q is also in %s", ds.ID, first)})
			continue
		}
		datasets[ds.ID] = in.File
		changed := false
		claims := ds.Claims[:0]
		for i, c := range ds.Claims {
			p := Root.Field("claims").Index(i)
			if first, ok := owned[c.ID]; ok && first.file != in.File {
				skipped = append(skipped, Problem{File: in.fileOf(c.ID), Path: string(p.Field("id")), Kind: "claim-twice", Node: nodeOf(namer, c.ID),
					Action: "claim skipped", Message: fmt.Sprintf("id %q is also defined in %s at %s", c.ID, first.file, first.path)})
				changed = true
				continue
			}
			quotes := c.Quotes[:0]
			for j, q := range c.Quotes {
				if first, ok := owned[q.ID]; ok && first.file != in.File {
					skipped = append(skipped, Problem{File: in.fileOf(q.ID), Path: string(p.Field("quotes").Index(j).Field("id")), Kind: "quote-twice", Node: nodeOf(namer, q.ID),
						Action: "quote skipped", Message: fmt.Sprintf("id %q is also defined in %s at %s", q.ID, first.file, first.path)})
					changed = true
					continue
				}
				quotes = append(quotes, q)
			}
			c.Quotes = quotes
			claims = append(claims, c)
		}
		ds.Claims = claims
		for i := range ds.Actors {
			a := &ds.Actors[i]
			p := string(Root.Field("actors").Index(i))
			if first, ok := shared[a.ID]; ok && first.file != in.File && !reflect.DeepEqual(first.v, *a) {
				skipped = append(skipped, Problem{File: in.fileOf(a.ID), Path: p, Kind: "actor-differs", Action: "defined as in " + first.file,
					Message: fmt.Sprintf("%q is defined differently in %s at %s; the first definition is kept", a.ID, first.file, first.path)})
				*a = first.v.(counterpoint.Actor)
				changed = true
				continue
			}
			if _, ok := shared[a.ID]; !ok {
				shared[a.ID] = def{in.File, p, *a}
			}
		}
		for i := range ds.Sources {
			s := &ds.Sources[i]
			p := string(Root.Field("sources").Index(i))
			cmp := *s
			cmp.TextFile = ""
			if first, ok := shared[s.ID]; ok && first.file != in.File && !reflect.DeepEqual(first.v, cmp) {
				skipped = append(skipped, Problem{File: in.fileOf(s.ID), Path: p, Kind: "source-differs", Action: "defined as in " + first.file,
					Message: fmt.Sprintf("%q is defined differently in %s at %s; the first definition is kept", s.ID, first.file, first.path)})
				*s = first.v.(counterpoint.Source)
				changed = true
				continue
			}
			if _, ok := shared[s.ID]; !ok {
				shared[s.ID] = def{in.File, p, cmp}
			}
		}
		if changed {
			ps, ok := prune(in, namer)
			skipped = append(skipped, ps...)
			if !ok {
				skipped = append(skipped, Problem{File: in.File, Kind: "dataset-invalid", Action: "dataset skipped", Message: fmt.Sprintf("dataset %q is not loaded", ds.ID)})
				continue
			}
		}
		for i, c := range ds.Claims {
			p := Root.Field("claims").Index(i)
			owned[c.ID] = def{in.File, string(p.Field("id")), nil}
			for j, q := range c.Quotes {
				owned[q.ID] = def{in.File, string(p.Field("quotes").Index(j).Field("id")), nil}
			}
		}
		kept = append(kept, in)
	}
	return kept, skipped
}

func nodeOf(namer NodeNamer, id string) string {
	if namer == nil {
		return ""
	}
	return namer.NodeOf(id)
}
