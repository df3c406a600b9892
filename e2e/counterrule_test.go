package e2e_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestCountersCountEndorsementsOnly: on the article's graph, a claim the
// NSC staff only present (the option to disavow legislation, and its
// caveat, which qualifies it) makes no counter by or against them; the one
// counter against them is Litt's "Really?", which rests on the curator's
// reading that the deterrence claim is theirs, and is served as such; and
// no actor counters itself.
func TestCountersCountEndorsementsOnly(t *testing.T) {
	api := MustStartAPI(t)
	resp := api.Post(t, `{
  nsc: actor(id: "nsc-staff") { countered { counter { id } } counteredBy { counter { id } target { id } inferred notes } }
  by: counters(by: "nsc-staff") { counter { id } }
  statedAgainst: counters(against: "nsc-staff", statedOnly: true) { counter { id } }
  summary: counterSummary { by { id } against { id } count inferred }
  caveat: claim(id: "disavowal-no-near-term-relief") { rebuts { id } qualifies { id } }
  deterrence: claim(id: "us-statement-could-deter-authoritarians") { assertions { actor { id } stance inferred note } }
}`, nil)
	if errs := resp.Errors(); len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	data := resp.Body["data"].(map[string]any)
	nsc := data["nsc"].(map[string]any)
	if n := len(nsc["countered"].([]any)); n != 0 {
		t.Errorf("NSC staff countered: %d counters, want none (the paper presents its option and caveat)", n)
	}
	if n := len(data["by"].([]any)); n != 0 {
		t.Errorf("counters(by: nsc-staff): %d, want none", n)
	}
	against := nsc["counteredBy"].([]any)
	if len(against) != 1 {
		t.Fatalf("NSC staff counteredBy: %v, want Litt's \"Really?\" alone", against)
	}
	really := against[0].(map[string]any)
	if id := really["counter"].(map[string]any)["id"]; id != "us-statement-will-not-deter-china-russia" || really["inferred"] != true || len(really["notes"].([]any)) == 0 {
		t.Errorf("NSC staff counteredBy %v, want us-statement-will-not-deter-china-russia, inferred, with the attribution's note", really)
	}
	if n := len(data["statedAgainst"].([]any)); n != 0 {
		t.Errorf("counters(against: nsc-staff, statedOnly: true): %d, want none: the attribution is the curator's reading", n)
	}
	var pairs []string
	for _, s := range data["summary"].([]any) {
		s := s.(map[string]any)
		by, against := s["by"].(map[string]any)["id"], s["against"].(map[string]any)["id"]
		if by == against {
			t.Errorf("counterSummary: %v counters itself %v times", by, s["count"])
		}
		pairs = append(pairs, fmt.Sprintf("%v>%v:%v inferred=%v", by, against, s["count"], s["inferred"]))
	}
	slices.Sort(pairs)
	want := []string{
		"commerce-diplomatic-trade-tech-officials>intelligence-community:1 inferred=false",
		"commerce-diplomatic-trade-tech-officials>law-enforcement:1 inferred=false",
		"national-security-officials>commerce-diplomatic-trade-tech-officials:1 inferred=false",
		"robert-litt>economic-trade-agency-officials:1 inferred=true",
		"robert-litt>nsc-staff:1 inferred=true",
	}
	if !slices.Equal(pairs, want) {
		t.Errorf("counterSummary:\n%s\nwant\n%s", strings.Join(pairs, "\n"), strings.Join(want, "\n"))
	}
	caveat := data["caveat"].(map[string]any)
	if len(caveat["rebuts"].([]any)) != 0 || len(caveat["qualifies"].([]any)) != 1 {
		t.Errorf("the paper's caveat rebuts %v and qualifies %v, want it to qualify the option only", caveat["rebuts"], caveat["qualifies"])
	}
	as := data["deterrence"].(map[string]any)["assertions"].([]any)
	if len(as) != 1 || as[0].(map[string]any)["inferred"] != true || as[0].(map[string]any)["note"] == nil {
		t.Errorf("the deterrence claim's assertions %v, want the NSC staff's, inferred with a note", as)
	}
}
