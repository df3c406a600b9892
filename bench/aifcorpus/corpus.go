// Package aifcorpus writes a generated corpus of AIF maps shaped like the
// annotated televised debates that argument-mining corpora hold (issue
// 19): many maps of one programme, recurring speakers with variant
// spellings, audience members by code, maps chained into groups by shared
// node ids, TA-anchored illocutions, and the faults such corpora carry
// (self-relations, undercutters, annotators' edgeless copies of
// locutions, placeholder dates). Everything is generated here from the
// AIF specification; no corpus text is copied.
package aifcorpus

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// Config says how large a corpus to write.
type Config struct {
	Maps int    // maps to write (1,400 for the shape)
	Seed uint64 // the generator's seed: the same seed writes the same files
	Dir  string
	// Chain puts every map in one group (one dataset), to time how the
	// reader scales with the size of one dataset.
	Chain bool
	// Turns, when above zero, is every map's number of turns (about five
	// nodes each), to time one large map.
	Turns int
}

// Stats says what was written, for the record.
type Stats struct {
	Maps, Nodes, Edges, Groups, LargestGroup int
	SelfLoops, Undercutters, Copies, TAYAs   int
	PlaceholderMaps                          int
}

// speakers recur across episodes; each has the spellings annotators used.
var speakers = [][]string{
	{"Harriet Cole", "Harriet M. Cole", "HARRIET COLE"},
	{"Owen Prichard", "Owen Pritchard"},
	{"Nadia El-Amin", "Nadia El Amin"},
	{"Rupert Vance"},
	{"Grace Okafor", "Grace Okafo"},
	{"Declan Moss", "D. Moss"},
	{"Priya Raman"},
	{"Tobias Lund", "Toby Lund"},
	{"Celia van Dorn", "Celia Van-Dorn"},
	{"Marcus Hale"},
	{"Imogen Strand", "Imogen Strande"},
	{"Felix Amadi"},
	{"Ruth Kessler", "Ruth A. Kessler"},
	{"Samir al-Hadi"},
	{"Lena Brandt"},
	{"Victor Osei", "Victor Osie"},
	{"Agnes Whitlow"},
	{"Callum Reid", "Calum Reid"},
	{"Esther Nakamura"},
	{"Jonah Price"},
}

const host = "Miriam Ashby" // the programme's chair, in every episode

var topics = []string{"rail fares", "school meals", "housing benefit", "fishing quotas", "the energy cap", "hospital parking",
	"bus routes", "student loans", "flood defences", "broadband", "care homes", "the minimum wage", "bank holidays", "police numbers"}

var claimsFmt = []string{
	"The government should freeze %s.", "%s are too high for ordinary families.", "Cutting %s would cost more than it saves.",
	"Nobody voted for changes to %s.", "%s need a long-term plan, not a quick fix.", "Local councils know best about %s.",
	"The figures on %s are misleading.", "We cannot afford to leave %s as they are.", "%s are a matter for parliament, not the courts.",
}

// Speakers returns the corpus's recurring speakers, each as its canonical
// name followed by the variant spellings the maps use: the truth that a
// check of variant detection or of actor candidates is measured against.
func Speakers() [][]string {
	out := make([][]string, len(speakers))
	for i, sp := range speakers {
		out[i] = append([]string{}, sp...)
	}
	return out
}

// Host is the programme's chair, a speaker of every map.
const Host = host

// Write writes cfg.Maps maps into cfg.Dir, one file each, and says what it
// wrote.
func Write(cfg Config) (Stats, error) {
	if err := os.MkdirAll(cfg.Dir, 0o755); err != nil {
		return Stats{}, err
	}
	// The aliases file a curator would write for this corpus (not a
	// *.json file, so that loading the folder skips it).
	var al strings.Builder
	for _, sp := range speakers {
		if len(sp) > 1 {
			al.WriteString(strings.Join(sp, " | ") + "\n")
		}
	}
	if err := os.WriteFile(filepath.Join(cfg.Dir, "aliases.txt"), []byte(al.String()), 0o644); err != nil {
		return Stats{}, err
	}
	r := rand.New(rand.NewPCG(cfg.Seed, 19))
	groups := groupSizes(cfg.Maps)
	if cfg.Chain {
		groups = []int{cfg.Maps}
	}
	st := Stats{Maps: cfg.Maps, Groups: len(groups)}
	m := 0
	for _, size := range groups {
		st.LargestGroup = max(st.LargestGroup, size)
		var prev *shared
		for k := 0; k < size; k++ {
			g := &mapGen{r: r, index: m, base: 100000 * (m + 1), prev: prev, turns: cfg.Turns}
			b, s := g.build(&st)
			prev = s
			name := filepath.Join(cfg.Dir, fmt.Sprintf("nodeset%05d.json", m+1))
			if err := os.WriteFile(name, b, 0o644); err != nil {
				return st, err
			}
			m++
		}
	}
	return st, nil
}

// groupSizes chains maps into groups by shared ids, as the corpus does: a
// group of 300 maps, a few of 100 down to 20, and the rest alone.
func groupSizes(n int) []int {
	var out []int
	left := n
	for _, size := range []int{300, 160, 120, 100, 80, 60, 50, 40, 40, 30, 30, 20, 20, 20} {
		if left < size*2 {
			break
		}
		out = append(out, size)
		left -= size
	}
	for ; left > 0; left-- {
		out = append(out, 1)
	}
	return out
}

// shared is the node a map hands on to the next map of its group.
type shared struct {
	iID, iText string
}

type mapGen struct {
	r     *rand.Rand
	index int
	base  int
	next  int
	prev  *shared
	nodes []map[string]any
	edges []map[string]any
	locs  []map[string]any
	turns int
}

func (g *mapGen) id() string {
	g.next++
	return fmt.Sprint(g.base*100 + g.next)
}

func (g *mapGen) node(typ, text string) string {
	id := g.id()
	g.nodes = append(g.nodes, map[string]any{"nodeID": id, "type": typ, "text": text, "timestamp": "2016-01-01 00:00:00"})
	return id
}

func (g *mapGen) edge(from, to string) {
	g.edges = append(g.edges, map[string]any{"edgeID": g.base*100 + 5000000 + len(g.edges), "fromID": from, "toID": to, "formEdgeID": nil})
}

// build writes one map: a chaired debate of about twenty turns.
func (g *mapGen) build(st *Stats) ([]byte, *shared) {
	r := g.r
	topic := topics[r.IntN(len(topics))]
	panel := r.Perm(len(speakers))[:4]
	placeholder := r.IntN(10) < 7
	if placeholder {
		st.PlaceholderMaps++
	}
	day := fmt.Sprintf("2016-%02d-%02d", 1+g.index%12, 1+g.index%28)
	code := strings.ReplaceAll(day, "-", "")
	turns := 15 + r.IntN(6)
	if g.turns > 0 {
		turns = g.turns
	}
	var props, ls []string
	var firstShared string
	if g.prev != nil {
		// The previous map's proposition, under its id: the chain.
		firstShared = g.prev.iID
		g.nodes = append(g.nodes, map[string]any{"nodeID": g.prev.iID, "type": "I", "text": g.prev.iText})
	}
	for t := 0; t < turns; t++ {
		var label string
		switch {
		case t%5 == 0:
			label = host
		case r.IntN(12) == 0:
			label = []string{"AudienceMember " + code + fmt.Sprintf("QT%02d", 1+r.IntN(9)), "Male Aud 1", "Female Audience Member 2",
				speakers[panel[0]][0] + " Unknown", "Unknown " + strings.Fields(speakers[panel[1]][0])[0], "Audience Speaker"}[r.IntN(6)]
		default:
			sp := speakers[panel[r.IntN(len(panel))]]
			label = sp[0]
			if len(sp) > 1 && r.IntN(15) == 0 {
				label = sp[1+r.IntN(len(sp)-1)]
			}
		}
		text := fmt.Sprintf(claimsFmt[r.IntN(len(claimsFmt))], topic)
		text = strings.ToUpper(text[:1]) + text[1:] + fmt.Sprintf(" (%d)", t+1)
		sep := " : "
		if r.IntN(20) == 0 {
			sep = " :"
		}
		l := g.node("L", label+sep+text)
		start := day + fmt.Sprintf(" 21:%02d:%02d", t*2/60, (t*2)%60)
		if placeholder {
			start = "2015-05-12 " + fmt.Sprintf("10:%02d:00", t%60)
		}
		g.locs = append(g.locs, map[string]any{"nodeID": l, "personID": nil, "start": start, "end": nil, "source": nil})
		i := g.node("I", text)
		ya := g.node("YA", []string{"Asserting", "Asserting", "Asserting", "Rhetorical Questioning", "Pure Questioning"}[r.IntN(5)])
		g.edge(l, ya)
		g.edge(ya, i)
		if len(ls) > 0 {
			ta := g.node("TA", "Default Transition")
			g.edge(ls[len(ls)-1], ta)
			g.edge(ta, l)
			if r.IntN(3) == 0 {
				// The reply agrees with, disputes or challenges the last turn.
				y := g.node("YA", []string{"Agreeing", "Disagreeing", "Challenging", "Restating"}[r.IntN(4)])
				g.edge(ta, y)
				g.edge(y, props[len(props)-1])
				st.TAYAs++
			}
			if r.IntN(2) == 0 {
				kind, text := "CA", "Default Conflict"
				if r.IntN(2) == 0 {
					kind, text = "RA", "Default Inference"
				}
				s := g.node(kind, text)
				g.edge(i, s)
				g.edge(s, props[len(props)-1])
				y := g.node("YA", map[string]string{"CA": "Disagreeing", "RA": "Arguing"}[kind])
				g.edge(ta, y)
				g.edge(y, s)
				st.TAYAs++
			}
		}
		props = append(props, i)
		ls = append(ls, l)
	}
	if firstShared != "" {
		s := g.node("CA", "Default Conflict")
		g.edge(props[0], s)
		g.edge(s, firstShared)
	}
	if r.IntN(26) == 0 { // a rephrase of a claim by itself
		s := g.node("MA", "Default Rephrase")
		p := props[r.IntN(len(props))]
		g.edge(p, s)
		g.edge(s, p)
		st.SelfLoops++
	}
	if r.IntN(8) == 0 { // an undercutter: a conflict with an inference
		ra := g.node("RA", "Default Inference")
		g.edge(props[1], ra)
		g.edge(ra, props[0])
		ca := g.node("CA", "Default Conflict")
		g.edge(props[2], ca)
		g.edge(ca, ra)
		st.Undercutters++
	}
	if r.IntN(3) == 0 { // an annotator's edgeless copy of a locution
		g.node("L", "Editor: "+host+" : "+fmt.Sprintf(claimsFmt[0], topic))
		st.Copies++
	}
	st.Nodes += len(g.nodes)
	st.Edges += len(g.edges)
	b, _ := json.Marshal(map[string]any{"nodes": g.nodes, "edges": g.edges, "locutions": g.locs, "participants": []any{}})
	last := props[len(props)-1]
	return b, &shared{iID: last, iText: g.nodes[indexOf(g.nodes, last)]["text"].(string)}
}

func indexOf(nodes []map[string]any, id string) int {
	for i, n := range nodes {
		if n["nodeID"] == id {
			return i
		}
	}
	return -1
}
