package suggest

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/counterpoint-news/counterpoint"
)

// goldText is one hand-marked text of testdata/eval: its quotation parts
// with their speakers (parts of one interrupted quotation share a group) and
// the words that signal a counter-argument.
type goldText struct {
	ID       string      `json:"id"`
	Note     string      `json:"note"`
	Text     string      `json:"text"`
	Quotes   []goldQuote `json:"quotes"`
	Counters []goldSpan  `json:"counters"`
}

type goldQuote struct {
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Text    string `json:"text"`
	Speaker string `json:"speaker"`
	Group   string `json:"group,omitempty"`
	// speakers: for the article, every actor asserting the quote's claim.
	speakers []string
}

type goldSpan struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// loadGold reads every text of a set and checks that its offsets frame its words.
func loadGold(t *testing.T, set string) []goldText {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "eval", set, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no gold texts in testdata/eval/%s: %v", set, err)
	}
	var texts []goldText
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var g goldText
		if err := json.Unmarshal(b, &g); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		r := []rune(g.Text)
		for _, q := range g.Quotes {
			if q.Start < 0 || q.End > len(r) || q.Start >= q.End || string(r[q.Start:q.End]) != q.Text {
				t.Fatalf("%s: quote [%d, %d) should hold %q", f, q.Start, q.End, q.Text)
			}
		}
		for _, c := range g.Counters {
			if c.Start < 0 || c.End > len(r) || c.Start >= c.End || string(r[c.Start:c.End]) != c.Text {
				t.Fatalf("%s: counter [%d, %d) should hold %q", f, c.Start, c.End, c.Text)
			}
		}
		for i := range g.Quotes {
			g.Quotes[i].speakers = []string{g.Quotes[i].Speaker}
		}
		texts = append(texts, g)
	}
	return texts
}

// TestGoldOffsets: every hand-marked span holds the words it names.
func TestGoldOffsets(t *testing.T) {
	for _, set := range []string{"dev", "heldout", "heldout2", "british"} {
		if _, err := os.Stat(filepath.Join("testdata", "eval", set)); err == nil {
			if n := len(loadGold(t, set)); n == 0 {
				t.Errorf("set %s has no texts", set)
			}
		}
	}
}

// loadArticle turns the dataset's DIRECT quotes of the article into gold:
// offsets into the article text, speakers from the claims' assertions, and
// the quotes of one claim as one group (the curators kept them together).
func loadArticle(t *testing.T) goldText {
	t.Helper()
	var ds struct {
		Sources []struct {
			ID       string `json:"id"`
			TextFile string `json:"textFile"`
		} `json:"sources"`
		Actors []struct {
			ID   string `json:"id"`
			Name string `json:"name"`
		} `json:"actors"`
		Claims []struct {
			ID         string `json:"id"`
			Assertions []struct {
				Actor string `json:"actor"`
			} `json:"assertions"`
			Quotes []struct {
				Kind   string `json:"kind"`
				Source string `json:"source"`
				Start  int    `json:"start"`
				End    int    `json:"end"`
				Text   string `json:"text"`
			} `json:"quotes"`
		} `json:"claims"`
		Relations []struct {
			Kind     string     `json:"kind"`
			Evidence []goldSpan `json:"evidence"`
		} `json:"relations"`
	}
	b, err := os.ReadFile(filepath.Join("..", "data", "wapo-2015-encryption.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &ds); err != nil {
		t.Fatal(err)
	}
	src := ds.Sources[0]
	text, err := os.ReadFile(filepath.Join("..", "data", src.TextFile))
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]string{}
	for _, a := range ds.Actors {
		names[a.ID] = a.Name
	}
	g := goldText{ID: src.ID, Text: string(text)}
	for _, c := range ds.Claims {
		var speakers []string
		for _, a := range c.Assertions {
			speakers = append(speakers, names[a.Actor])
		}
		for _, q := range c.Quotes {
			if q.Kind == "DIRECT" && q.Source == src.ID {
				g.Quotes = append(g.Quotes, goldQuote{Start: q.Start, End: q.End, Text: q.Text, Speaker: strings.Join(speakers, " / "), speakers: speakers, Group: c.ID})
			}
		}
	}
	// A counter's gold: the evidence of each REBUTS relation.
	for _, r := range ds.Relations {
		if r.Kind == "REBUTS" {
			g.Counters = append(g.Counters, r.Evidence...)
		}
	}
	return g
}

// sameSpeaker compares a suggested speaker with a gold one. They agree when
// equal after lower-casing and normalising apostrophes and spaces; when the
// gold is a name of two or more capitalised words and the suggestion is a
// capitalised name ending in the same surname (Hale for Tom B. Hale);
// or when the suggestion starts with an acronym of the gold's capitalised
// words (NSC aides for National Security Council staff). An unknown gold
// speaker agrees only with no suggestion.
func sameSpeaker(got, want string) bool {
	norm := func(s string) string {
		return strings.Join(strings.Fields(strings.ToLower(apostrophes.Replace(s))), " ")
	}
	g, w := norm(got), norm(want)
	if g == w {
		return true
	}
	if g == "" || w == "" {
		return false
	}
	gw, ww := strings.Fields(got), strings.Fields(want)
	capital := func(s string) bool {
		for _, c := range s {
			return unicode.IsUpper(c)
		}
		return false
	}
	if len(ww) >= 2 && capital(ww[0]) && capital(ww[len(ww)-1]) && capital(gw[len(gw)-1]) &&
		strings.EqualFold(gw[len(gw)-1], ww[len(ww)-1]) {
		return true
	}
	var initials strings.Builder
	for _, x := range ww {
		if capital(x) {
			r := []rune(x)
			initials.WriteRune(r[0])
		}
	}
	return initials.Len() >= 2 && gw[0] == initials.String()
}

// scores of one set of texts.
type scores struct {
	texts, gold, pred                 int
	exactP, exactR                    int // predicted parts that match a gold part exactly; gold parts matched
	commaP, commaR                    int // the same, ignoring a comma at the end of either
	overP, overR                      int // the same for overlap
	speakerRight, speakerFound        int
	groups, groupsRight, wrongJoins   int
	hints, hintsRight, counters, cHit int
	misses                            []string
}

func ratio(a, b int) string {
	if b == 0 {
		return "  –  "
	}
	return fmt.Sprintf("%.2f", float64(a)/float64(b))
}

// evaluate scores the suggestions on the texts. Quotations are compared
// part by part (a suggestion interrupted by "he said" has two parts, and so
// has its gold); a part counts as found exactly when its offsets are the
// gold's, and by overlap when they share a code point. The speaker is
// judged on every gold part found, against the suggested part that overlaps
// it most.
func evaluate(texts []goldText) scores {
	var s scores
	for _, g := range texts {
		s.texts++
		quotes := Quotes(g.Text)
		type part struct {
			Span
			quote int
		}
		var parts []part
		for qi, q := range quotes {
			for _, p := range q.Parts {
				parts = append(parts, part{p, qi})
			}
		}
		s.gold += len(g.Quotes)
		s.pred += len(parts)
		r := []rune(g.Text)
		trimComma := func(a, b int) (int, int) {
			if b > a && r[b-1] == ',' {
				b--
			}
			return a, b
		}
		for _, p := range parts {
			e, c, o := false, false, false
			for _, q := range g.Quotes {
				e = e || p.Start == q.Start && p.End == q.End
				pa, pb := trimComma(p.Start, p.End)
				qa, qb := trimComma(q.Start, q.End)
				c = c || pa == qa && pb == qb
				o = o || p.Start < q.End && q.Start < p.End
			}
			s.exactP, s.commaP, s.overP = s.exactP+b2i(e), s.commaP+b2i(c), s.overP+b2i(o)
			if !o {
				s.misses = append(s.misses, fmt.Sprintf("%s: suggested %q (speaker %q), not in the gold", g.ID, clip(p.Text), quotes[p.quote].Speaker))
			}
		}
		best := make([]int, len(g.Quotes))
		for i, q := range g.Quotes {
			e, c := false, false
			best[i] = -1
			most := 0
			for j, p := range parts {
				e = e || p.Start == q.Start && p.End == q.End
				pa, pb := trimComma(p.Start, p.End)
				qa, qb := trimComma(q.Start, q.End)
				c = c || pa == qa && pb == qb
				if ov := min(p.End, q.End) - max(p.Start, q.Start); ov > most {
					most, best[i] = ov, j
				}
			}
			s.exactR, s.commaR = s.exactR+b2i(e), s.commaR+b2i(c)
			if best[i] < 0 {
				s.misses = append(s.misses, fmt.Sprintf("%s: missed %q", g.ID, clip(q.Text)))
				continue
			}
			s.overR++
			s.speakerFound++
			got := quotes[parts[best[i]].quote].Speaker
			right := false
			for _, w := range q.speakers {
				right = right || sameSpeaker(got, w)
			}
			if right {
				s.speakerRight++
			} else {
				s.misses = append(s.misses, fmt.Sprintf("%s: %q said by %q, suggested %q", g.ID, clip(q.Text), q.Speaker, got))
			}
			if exact := parts[best[i]]; !(exact.Start == q.Start && exact.End == q.End) {
				s.misses = append(s.misses, fmt.Sprintf("%s: gold %q, suggested %q", g.ID, clip(q.Text), clip(exact.Text)))
			}
		}
		// Interrupted quotations: a gold group is kept together when its
		// parts fall in one suggestion holding nothing else; a suggestion
		// joining parts of different gold quotations is a wrong join.
		groups := map[string][]int{}
		for i, q := range g.Quotes {
			if q.Group != "" {
				groups[q.Group] = append(groups[q.Group], i)
			}
		}
		for name, members := range groups {
			if len(members) < 2 {
				continue
			}
			s.groups++
			qi := -1
			ok := true
			for _, m := range members {
				if best[m] < 0 || (qi >= 0 && parts[best[m]].quote != qi) {
					ok = false
					break
				}
				qi = parts[best[m]].quote
			}
			if ok && len(quotes[qi].Parts) == len(members) {
				s.groupsRight++
			} else {
				s.misses = append(s.misses, fmt.Sprintf("%s: group %s not kept together", g.ID, name))
			}
		}
		for qi, q := range quotes {
			if len(q.Parts) < 2 {
				continue
			}
			key := map[string]bool{}
			for i, gq := range g.Quotes {
				if best[i] >= 0 && parts[best[i]].quote == qi {
					k := gq.Group
					if k == "" {
						k = fmt.Sprint("single", i)
					}
					key[k] = true
				}
			}
			if len(key) > 1 {
				s.wrongJoins++
				s.misses = append(s.misses, fmt.Sprintf("%s: %s joins parts of %d gold quotations", g.ID, q.ID, len(key)))
			}
		}
		// Counter hints: right when the signal overlaps a gold counter.
		hints := CounterHints(g.Text, quotes)
		s.hints += len(hints)
		s.counters += len(g.Counters)
		for _, h := range hints {
			right := false
			for _, c := range g.Counters {
				right = right || overlaps(h.Span, c) || overlaps(h.SignalSpan, c)
			}
			if right {
				s.hintsRight++
			} else {
				s.misses = append(s.misses, fmt.Sprintf("%s: hint %q (%q) not a gold counter", g.ID, h.Signal, clip(h.Span.Text)))
			}
		}
		for _, c := range g.Counters {
			hit := false
			for _, h := range hints {
				hit = hit || overlaps(h.Span, c) || overlaps(h.SignalSpan, c)
			}
			if hit {
				s.cHit++
			} else {
				s.misses = append(s.misses, fmt.Sprintf("%s: counter %q has no hint", g.ID, clip(c.Text)))
			}
		}
	}
	return s
}

func overlaps(a Span, b goldSpan) bool { return a.Start < b.End && b.Start < a.End }

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func clip(s string) string {
	r := []rune(s)
	if len(r) > 60 {
		return string(r[:57]) + "…"
	}
	return s
}

// floors are set a little under what the hand-written dev set reaches, so
// that a change that makes the rules worse fails; the article and the
// held-out set are reported, never held to a floor (no tuning to them).
var floors = struct{ overlapP, overlapR, exactP, exactR, speaker float64 }{0.95, 0.95, 0.9, 0.9, 0.9}

// TestEvaluation prints, per set of texts, the precision and recall of the
// suggested quotation parts (exact, exact but for a trailing comma, and
// overlapping), the share of found quotations with the right speaker, the
// interrupted quotations kept together, and the counter hints.
//
//	go test ./suggest -run TestEvaluation -v
func TestEvaluation(t *testing.T) {
	sets := []struct {
		name  string
		texts []goldText
	}{{"dev (hand-written)", loadGold(t, "dev")}}
	for _, h := range []struct{ dir, name string }{
		{"heldout", "held-out (written after the rules)"},
		{"heldout2", "held-out 2 (written after the last rule change)"},
		{"british", "British single marks (not DIRECT by the domain's rule; no floor)"},
	} {
		if _, err := os.Stat(filepath.Join("testdata", "eval", h.dir)); err == nil {
			sets = append(sets, struct {
				name  string
				texts []goldText
			}{h.name, loadGold(t, h.dir)})
		}
	}
	sets = append(sets, struct {
		name  string
		texts []goldText
	}{"article (dataset DIRECT quotes)", []goldText{loadArticle(t)}})
	var b strings.Builder
	fmt.Fprintf(&b, "\n| set | texts | gold parts | suggested parts | exact P | exact R | exact P (±comma) | exact R (±comma) | overlap P | overlap R | speaker | kept together | wrong joins | hints P | counters R |\n")
	fmt.Fprintf(&b, "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n")
	results := map[string]scores{}
	for _, set := range sets {
		s := evaluate(set.texts)
		results[set.name] = s
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %s | %s | %s | %s | %s | %s | %s (%d/%d) | %d/%d | %d | %s (%d/%d) | %s (%d/%d) |\n",
			set.name, s.texts, s.gold, s.pred, ratio(s.exactP, s.pred), ratio(s.exactR, s.gold), ratio(s.commaP, s.pred), ratio(s.commaR, s.gold),
			ratio(s.overP, s.pred), ratio(s.overR, s.gold), ratio(s.speakerRight, s.speakerFound), s.speakerRight, s.speakerFound,
			s.groupsRight, s.groups, s.wrongJoins, ratio(s.hintsRight, s.hints), s.hintsRight, s.hints, ratio(s.cHit, s.counters), s.cHit, s.counters)
	}
	t.Log(b.String())
	for _, set := range sets {
		s := results[set.name]
		sort.Strings(s.misses)
		t.Logf("%s: %d differences\n  %s", set.name, len(s.misses), strings.Join(s.misses, "\n  "))
	}
	dev := results[sets[0].name]
	check := func(what string, got int, of int, floor float64) {
		if of > 0 && float64(got)/float64(of) < floor {
			t.Errorf("dev set %s = %d/%d = %.3f, below the floor %.2f", what, got, of, float64(got)/float64(of), floor)
		}
	}
	check("overlap precision", dev.overP, dev.pred, floors.overlapP)
	check("overlap recall", dev.overR, dev.gold, floors.overlapR)
	check("exact precision", dev.exactP, dev.pred, floors.exactP)
	check("exact recall", dev.exactR, dev.gold, floors.exactR)
	check("speaker share", dev.speakerRight, dev.speakerFound, floors.speaker)
}

// TestSuggestionsAreDirect: the pass and the API share one quotation rule,
// so no suggested part is ever refused as DIRECT (issue 18 §3): on the
// article, on every hand-marked text and on the fuzz corpus (whose seeds
// run through checkSuggestions, which checks the same on any input).
func TestSuggestionsAreDirect(t *testing.T) {
	texts := []goldText{loadArticle(t)}
	for _, set := range []string{"dev", "heldout", "heldout2", "british"} {
		texts = append(texts, loadGold(t, set)...)
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "fuzz", "FuzzQuotes", "*"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		// go test fuzz v1 / string("…")
		for _, line := range strings.Split(string(b), "\n") {
			if s, ok := strings.CutPrefix(line, "string("); ok {
				if v, err := strconv.Unquote(strings.TrimSuffix(s, ")")); err == nil {
					texts = append(texts, goldText{ID: f, Text: v})
				}
			}
		}
	}
	if len(texts) < 20 {
		t.Fatalf("only %d texts to check", len(texts))
	}
	parts := 0
	for _, g := range texts {
		tx := counterpoint.NewText(g.Text)
		for _, q := range Quotes(g.Text) {
			for _, p := range q.Parts {
				parts++
				if !tx.InsideQuotation(p.Start, p.End) {
					t.Errorf("%s: suggested part %q at [%d, %d) is refused as DIRECT by counterpoint.Text.InsideQuotation", g.ID, p.Text, p.Start, p.End)
				}
			}
		}
	}
	if parts == 0 {
		t.Fatal("no suggested parts to check")
	}
}
