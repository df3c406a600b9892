package e2e_test

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

// TestCampsOfTheArticle: structural balance splits the article's actors
// into the law-enforcement and national-security camp and the camp of the
// commerce, trade and technology officials, with no tie against the camps;
// actors with no tie to anyone are in no camp.
func TestCampsOfTheArticle(t *testing.T) {
	api := MustStartAPI(t)
	d := data(t, "camps", api.Post(t, `{ camps { frustration ties camps { group actors { id } } unsure { id } frustrated { why } } }`, nil))["camps"].(map[string]any)
	var camps []string
	for _, c := range d["camps"].([]any) {
		var ids []string
		for _, a := range c.(map[string]any)["actors"].([]any) {
			ids = append(ids, a.(map[string]any)["id"].(string))
		}
		slices.Sort(ids)
		camps = append(camps, strings.Join(ids, " "))
	}
	slices.Sort(camps)
	want := []string{
		// The NSC staff join the agencies' side through the deterrence claim,
		// which the curator holds them to and Litt rebuts.
		"commerce-diplomatic-trade-tech-officials economic-trade-agency-officials nsc-staff",
		"fbi intelligence-community james-comey law-enforcement national-security-officials robert-litt sally-yates",
	}
	if !slices.Equal(camps, want) {
		t.Errorf("camps of the article:\n%s\nwant\n%s", strings.Join(camps, "\n"), strings.Join(want, "\n"))
	}
	if d["frustration"] != 0.0 || len(d["frustrated"].([]any)) != 0 {
		t.Errorf("frustration %v (%v); want 0: the article's counters all run across the camps", d["frustration"], d["frustrated"])
	}
	if strings.Contains(strings.Join(camps, " "), "senior-official-1") {
		t.Errorf("an actor with no tie to another is in a camp: %v", camps)
	}
}

// TestTimelineOfTheArticle: the July draft paper comes before the August
// e-mail; month-precision claims stay months; undated claims are apart;
// a range keeps what overlaps it.
func TestTimelineOfTheArticle(t *testing.T) {
	api := MustStartAPI(t)
	q := `query T($from: String, $to: String) { timeline(from: $from, to: $to) {
  entries { claim { id } when { date precision first last } }
  undated { id } documents { source { id kind } when { date precision } } counters { counter { id } target { id } } truncated } }`
	tl := data(t, "timeline", api.Post(t, q, nil))["timeline"].(map[string]any)
	var docs []string
	for _, d := range tl["documents"].([]any) {
		d := d.(map[string]any)
		docs = append(docs, d["source"].(map[string]any)["kind"].(string)+" "+d["when"].(map[string]any)["date"].(string))
	}
	paper, email := slices.IndexFunc(docs, func(s string) bool { return strings.HasPrefix(s, "PAPER 2015-07") }), slices.IndexFunc(docs, func(s string) bool { return strings.HasPrefix(s, "EMAIL 2015-08") })
	if paper < 0 || email < 0 || paper > email {
		t.Errorf("documents on the timeline: %v; want the July paper before the August e-mail", docs)
	}
	months := 0
	for _, e := range tl["entries"].([]any) {
		w := e.(map[string]any)["when"].(map[string]any)
		if len(w["date"].(string)) == 7 {
			months++
			if w["precision"] != "MONTH" || !strings.HasSuffix(w["first"].(string), "-01") {
				t.Errorf("a month-precision claim is shown as %v", w)
			}
		}
	}
	if months == 0 || len(tl["counters"].([]any)) == 0 {
		t.Errorf("the timeline has %d month-precision claims and %d counters; want some of each", months, len(tl["counters"].([]any)))
	}
	ranged := data(t, "timeline in August", api.Post(t, q, map[string]any{"from": "2015-08-01", "to": "2015-08-31"}))["timeline"].(map[string]any)
	for _, e := range ranged["entries"].([]any) {
		w := e.(map[string]any)["when"].(map[string]any)
		if w["last"].(string) < "2015-08-01" || w["first"].(string) > "2015-08-31" {
			t.Errorf("August's timeline holds %v", w)
		}
	}
	if len(ranged["undated"].([]any)) != 0 {
		t.Errorf("a ranged timeline lists undated claims")
	}
}

// TestMembershipsOnce: asking for a member and its group in one request
// lists each membership once on both sides.
func TestMembershipsOnce(t *testing.T) {
	api := MustStartAPI(t)
	d := data(t, "memberships", api.Post(t, `{ comey: actor(id: "james-comey") { memberOf { id } } fbi: actor(id: "fbi") { members { id } } }`, nil))
	var got []string
	for _, a := range d["comey"].(map[string]any)["memberOf"].([]any) {
		got = append(got, a.(map[string]any)["id"].(string))
	}
	for _, a := range d["fbi"].(map[string]any)["members"].([]any) {
		got = append(got, "fbi<-"+a.(map[string]any)["id"].(string))
	}
	if strings.Join(got, " ") != "fbi law-enforcement fbi<-james-comey" {
		t.Errorf("memberships = %v, want fbi and law-enforcement for Comey, and Comey once for the FBI", got)
	}
}

// TestCampsScopedToTheArticle: asked of the article's dataset alone, the
// camps are the whole graph's (the article is all it holds).
func TestCampsScopedToTheArticle(t *testing.T) {
	api := MustStartAPI(t)
	q := `query C($d: [ID!]) { camps(datasets: $d) { ties camps { actors { id } } } }`
	whole := string(api.Post(t, q, nil).Raw)
	scoped := string(api.Post(t, q, map[string]any{"d": []string{"wapo-2015-encryption"}}).Raw)
	if whole != scoped {
		t.Errorf("camps of the whole graph:\n%s\nof the article's dataset, which is all the graph holds:\n%s", whole, scoped)
	}
}

// TestWeighedTiesOfTheArticle: camps.weighed lists every tie the camps
// weigh (as many as ties), each with its kind and the claims that make it,
// and its counters are counterSummary's, pair by pair: the network view
// draws these ties and no others.
func TestWeighedTiesOfTheArticle(t *testing.T) {
	api := MustStartAPI(t)
	d := data(t, "camps", api.Post(t, `{ camps { ties weighed { from { id } to { id } sign kind claims why } }
  counterSummary { by { id } against { id } count } }`, nil))
	camps := d["camps"].(map[string]any)
	weighed := camps["weighed"].([]any)
	if float64(len(weighed)) != camps["ties"].(float64) {
		t.Errorf("camps weighs %v ties and lists %d", camps["ties"], len(weighed))
	}
	claims := map[string]int{"COUNTER": 2, "SUPPORT": 2, "SHARED_ENDORSEMENT": 1, "MEMBERSHIP": 0}
	sign := map[string]float64{"COUNTER": -1, "SUPPORT": 1, "SHARED_ENDORSEMENT": 1, "MEMBERSHIP": 1}
	kinds := map[string]int{}
	// The counter ties of a pair, counted as counterSummary counts them: one
	// exchange per claim countered, however many claims counter it.
	counters := map[string]int{}
	targets := map[string]bool{}
	for _, x := range weighed {
		tie := x.(map[string]any)
		kind, ids := tie["kind"].(string), tie["claims"].([]any)
		kinds[kind]++
		if len(ids) != claims[kind] || tie["sign"] != sign[kind] {
			t.Errorf("tie %v: kind %s, sign %v, claims %v; want sign %v and %d claims", tie["why"], kind, tie["sign"], ids, sign[kind], claims[kind])
		}
		for _, id := range ids {
			if !strings.Contains(tie["why"].(string), id.(string)) {
				t.Errorf("tie %v names claim %v, which its why does not", tie["why"], id)
			}
		}
		if kind == "COUNTER" {
			pair := tie["from"].(map[string]any)["id"].(string) + " > " + tie["to"].(map[string]any)["id"].(string)
			if target := pair + " " + ids[1].(string); !targets[target] {
				targets[target] = true
				counters[pair]++
			}
		}
	}
	if kinds["COUNTER"] == 0 || kinds["SHARED_ENDORSEMENT"] == 0 || kinds["MEMBERSHIP"] == 0 {
		t.Errorf("the article's ties by kind: %v; want counters, shared endorsements and memberships", kinds)
	}
	summary := map[string]int{}
	for _, x := range d["counterSummary"].([]any) {
		s := x.(map[string]any)
		summary[s["by"].(map[string]any)["id"].(string)+" > "+s["against"].(map[string]any)["id"].(string)] = int(s["count"].(float64))
	}
	if !maps.Equal(counters, summary) {
		t.Errorf("counter ties by pair:\n%v\ncounterSummary:\n%v", counters, summary)
	}
}
