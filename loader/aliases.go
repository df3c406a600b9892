package loader

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/internal/disjoint"
)

// Aliases says which names are one actor's: each line of an aliases file
// is a canonical name and its variants, separated by '|' ("John Smith |
// J. Smith | Jon Smith"); blank lines and lines starting with '#' are
// skipped. Matching ignores case and runs of spaces.
type Aliases struct {
	canonical map[string]string // folded variant or canonical name -> canonical name
}

// ReadAliases reads an aliases file.
func ReadAliases(file string) (*Aliases, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, counterpoint.Errorf(counterpoint.EINVALID, "aliases file: %v", err)
	}
	defer f.Close()
	return ParseAliases(file, io.LimitReader(f, 16<<20))
}

// ParseAliases reads the lines of an aliases file; file names it in
// errors.
func ParseAliases(file string, r io.Reader) (*Aliases, error) {
	a := &Aliases{canonical: map[string]string{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	var ps Problems
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		names := strings.Split(line, "|")
		canon := strings.Join(strings.Fields(names[0]), " ")
		if canon == "" || len(names) < 2 {
			ps = append(ps, Problem{File: file, Path: fmt.Sprintf("line %d", n), Message: "want a canonical name and its variants, separated by '|'"})
			continue
		}
		for _, v := range names {
			key := foldName(v)
			if key == "" {
				continue
			}
			if other, ok := a.canonical[key]; ok && other != canon {
				ps = append(ps, Problem{File: file, Path: fmt.Sprintf("line %d", n), Message: fmt.Sprintf("%q is already a variant of %q", strings.TrimSpace(v), other)})
				continue
			}
			a.canonical[key] = canon
		}
	}
	if err := sc.Err(); err != nil {
		return nil, counterpoint.Errorf(counterpoint.EINVALID, "aliases file %s: %v", file, err)
	}
	if len(ps) > 0 {
		return nil, ps
	}
	return a, nil
}

func foldName(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// apply merges the actors whose names the aliases give as one name's
// variants, in every dataset, into one actor: the first one named by the
// canonical name itself (else the first variant met), whose definition
// they all take, and every reference follows. Anonymous speakers are never
// merged. Each merge is a notice.
func (a *Aliases) apply(inputs []Input) Problems {
	chosen := map[string]counterpoint.Actor{} // canonical name -> the actor all become
	for pass := 0; pass < 2; pass++ {
		for _, in := range inputs {
			for _, act := range in.Dataset.Actors {
				canon, ok := a.canonical[foldName(act.Name)]
				if !ok || act.Kind == counterpoint.ActorAnonymous {
					continue
				}
				if _, done := chosen[canon]; done {
					continue
				}
				// The first pass takes an actor named canon itself; the
				// second any variant.
				if pass == 0 && foldName(act.Name) != foldName(canon) {
					continue
				}
				act.Name = canon
				act.MemberOf = slices.Clone(act.MemberOf)
				chosen[canon] = act
			}
		}
	}
	var notes Problems
	for _, in := range inputs {
		ds := in.Dataset
		rename := map[string]string{}
		for i, act := range ds.Actors {
			canon, ok := a.canonical[foldName(act.Name)]
			if !ok || act.Kind == counterpoint.ActorAnonymous {
				continue
			}
			to := chosen[canon]
			if act.ID != to.ID || act.Name != to.Name {
				notes = append(notes, Problem{File: in.File, Path: string(Root.Field("actors").Index(i)), Kind: "alias", Action: Noted,
					Message: fmt.Sprintf("actor %q (%q) is %q (%q) by the aliases file", act.Name, act.ID, to.Name, to.ID)})
			}
			rename[act.ID] = to.ID
			ds.Actors[i] = to
		}
		if len(rename) == 0 {
			continue
		}
		renameActors(ds, rename)
	}
	return notes
}

// renameActors makes every reference to an actor in rename refer to the
// actor it is renamed to, and keeps one of each actor and of each
// assertion by the same actor in the same source.
func renameActors(ds *counterpoint.Dataset, rename map[string]string) {
	to := func(id string) string {
		if r, ok := rename[id]; ok {
			return r
		}
		return id
	}
	seen := map[string]bool{}
	actors := ds.Actors[:0]
	for _, act := range ds.Actors {
		if seen[act.ID] {
			continue
		}
		seen[act.ID] = true
		for j := range act.MemberOf {
			act.MemberOf[j] = to(act.MemberOf[j])
		}
		actors = append(actors, act)
	}
	ds.Actors = actors
	for i := range ds.Sources {
		for j := range ds.Sources[i].Authors {
			ds.Sources[i].Authors[j] = to(ds.Sources[i].Authors[j])
		}
		ds.Sources[i].Authors = uniq(ds.Sources[i].Authors)
	}
	for i := range ds.Claims {
		c := &ds.Claims[i]
		for j := range c.About {
			c.About[j] = to(c.About[j])
		}
		c.About = uniq(c.About)
		var as []counterpoint.Assertion
		for _, x := range c.Assertions {
			x.Actor = to(x.Actor)
			dup := false
			for k := range as {
				if as[k].Actor == x.Actor && as[k].Source == x.Source {
					dup = true
					if x.Stance == counterpoint.Endorses {
						as[k].Stance = x.Stance
					}
					if x.Date != "" && (as[k].Date == "" || x.Date < as[k].Date) {
						as[k].Date = x.Date
					}
				}
			}
			if !dup {
				as = append(as, x)
			}
		}
		c.Assertions = as
	}
}

func uniq(ids []string) []string {
	seen := map[string]bool{}
	out := ids[:0]
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// maxSpellingNames bounds the names compared pairwise for small edit
// distances, so that a corpus with very many speakers stays fast; the
// other tests (case, initials, word order) cover every name.
const maxSpellingNames = 4000

// spellings reports the names of actors, across every dataset, that look
// like one name spelt several ways: the same but for case, hyphens,
// dots or a word "Unknown"; the same surname with a first name or middle
// name cut to its initial or shortened (three letters in common); or a small edit distance apart. Each is a
// notice with the files where each spelling is first used, so that an
// aliases file can merge them.
func spellings(inputs []Input) Problems {
	type place struct {
		file   string
		others int
		id     string // the actor's id: spellings of one id are one actor already
	}
	places := map[string]*place{} // name -> where
	var names []string
	for _, in := range inputs {
		for _, act := range in.Dataset.Actors {
			if act.Kind == counterpoint.ActorAnonymous || act.Kind == counterpoint.ActorCollective {
				continue
			}
			if p, ok := places[act.Name]; ok {
				if p.file != in.File {
					p.others++
				}
				continue
			}
			places[act.Name] = &place{file: in.File, id: act.ID}
			names = append(names, act.Name)
		}
	}
	sort.Strings(names)
	sets := disjoint.New(len(names))
	find, union := sets.Find, sets.Union
	byKey := map[string]int{}
	byInitials := map[string][]int{}
	keys := make([]string, len(names))
	for i, n := range names {
		k := nameKey(n)
		keys[i] = k
		if j, ok := byKey[k]; ok {
			union(i, j)
		} else {
			byKey[k] = i
		}
		w := strings.Fields(k)
		if len(w) >= 2 {
			ik := string([]rune(w[0])[:1]) + " " + w[len(w)-1]
			byInitials[ik] = append(byInitials[ik], i)
		}
	}
	for _, idx := range byInitials {
		for a := 0; a < len(idx); a++ {
			for b := a + 1; b < len(idx); b++ {
				if initialsMatch(keys[idx[a]], keys[idx[b]]) {
					union(idx[a], idx[b])
				}
			}
		}
	}
	if len(names) <= maxSpellingNames {
		for i := range keys {
			for j := i + 1; j < len(keys); j++ {
				li, lj := len(keys[i]), len(keys[j])
				if keys[i] == keys[j] || li < 6 || lj < 6 || li-lj > 2 || lj-li > 2 {
					continue
				}
				limit := 1
				if min(li, lj) >= 10 {
					limit = 2
				}
				if editDistance(keys[i], keys[j], limit) <= limit && sameShape(keys[i], keys[j]) {
					union(i, j)
				}
			}
		}
	}
	groups := map[int][]int{}
	var roots []int
	for i := range names {
		r := find(i)
		if len(groups[r]) == 0 {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], i)
	}
	var notes Problems
	for _, r := range roots {
		g := groups[r]
		ids := map[string]bool{}
		for _, i := range g {
			ids[places[names[i]].id] = true
		}
		if len(g) < 2 || len(ids) < 2 {
			continue
		}
		var parts []string
		for _, i := range g {
			p := places[names[i]]
			s := fmt.Sprintf("%q in %s", names[i], p.file)
			if p.others > 0 {
				s += fmt.Sprintf(" and %d more", p.others)
			}
			parts = append(parts, s)
		}
		notes = append(notes, Problem{File: places[names[g[0]]].file, Kind: "name-variants", Action: Noted,
			Message: "one name spelt several ways? " + strings.Join(parts, "; ") + "; merge them with --aliases"})
	}
	return notes
}

// nameKey folds the differences that never tell two people apart: case,
// hyphens, dots, apostrophes, and the word "unknown" (with the order it
// brings).
func nameKey(name string) string {
	name = strings.ToLower(name)
	name = strings.Map(func(r rune) rune {
		switch {
		case r == '-' || r == '_' || r == '.' || r == ',':
			return ' '
		case r == '\'' || r == '’':
			return -1
		}
		return r
	}, name)
	var w []string
	for _, f := range strings.Fields(name) {
		if f != "unknown" {
			w = append(w, f)
		}
	}
	return strings.Join(w, " ")
}

// initialsMatch says whether two folded names differ only in that one
// gives a first or middle name as its initial, or leaves a middle name
// out.
func initialsMatch(a, b string) bool {
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	if len(wa) < 2 || wa[len(wa)-1] != wb[len(wb)-1] {
		return false
	}
	// Each word of the shorter name, in order, matches a word of the
	// longer (the same, or its initial either way).
	j := 0
	for _, x := range wa[:len(wa)-1] {
		for j < len(wb)-1 && !wordMatch(x, wb[j]) {
			j++
		}
		if j == len(wb)-1 {
			return false
		}
		j++
	}
	return true
}

func wordMatch(a, b string) bool {
	if a == b {
		return true
	}
	ra, rb := []rune(a), []rune(b)
	if (len(ra) == 1 || len(rb) == 1) && unicode.ToLower(ra[0]) == unicode.ToLower(rb[0]) {
		return true
	}
	// A shortened first name: "Toby" and "Tobias", "Dan" and "Daniel".
	n := 0
	for n < len(ra) && n < len(rb) && ra[n] == rb[n] {
		n++
	}
	return n >= 3
}

// sameShape keeps the edit distance from joining names whose first letters
// differ ("Dan Hill" and "Ian Hill" are two people more often than one).
func sameShape(a, b string) bool {
	return a != "" && b != "" && []rune(a)[0] == []rune(b)[0]
}

// editDistance is the Levenshtein distance of a and b, or limit+1 once it
// is sure to exceed limit.
func editDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
