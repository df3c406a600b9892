package e2e_test

import (
	"testing"
)

// TestCountersCountEndorsementsOnly: on the article's graph, the NSC staff,
// who only present the options paper's claims, counter no one and are
// countered by no one, though their caveat rebuts the option and Litt's
// "Really?" rebuts their deterrence claim; and no actor counters itself.
func TestCountersCountEndorsementsOnly(t *testing.T) {
	api := MustStartAPI(t)
	resp := api.Post(t, `{
  nsc: actor(id: "nsc-staff") { countered { counter { id } } counteredBy { counter { id } } }
  by: counters(by: "nsc-staff") { counter { id } }
  against: counters(against: "nsc-staff") { counter { id } }
  summary: counterSummary { by { id } against { id } count }
  caveat: claim(id: "disavowal-no-near-term-relief") { rebuts { id } }
  really: claim(id: "us-statement-will-not-deter-china-russia") { rebuts { id } }
}`, nil)
	if errs := resp.Errors(); len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	data := resp.Body["data"].(map[string]any)
	nsc := data["nsc"].(map[string]any)
	for _, list := range []string{"countered", "counteredBy"} {
		if n := len(nsc[list].([]any)); n != 0 {
			t.Errorf("NSC staff %s: %d counters, want none (the paper presents, it does not endorse)", list, n)
		}
	}
	for _, side := range []string{"by", "against"} {
		if n := len(data[side].([]any)); n != 0 {
			t.Errorf("counters(%s: nsc-staff): %d, want none", side, n)
		}
	}
	for _, s := range data["summary"].([]any) {
		s := s.(map[string]any)
		by, against := s["by"].(map[string]any)["id"], s["against"].(map[string]any)["id"]
		if by == against {
			t.Errorf("counterSummary: %v counters itself %v times", by, s["count"])
		}
		if by == "nsc-staff" || against == "nsc-staff" {
			t.Errorf("counterSummary: %v against %v; the NSC staff only present their claims", by, against)
		}
	}
	// The rebuttals themselves stay in the graph.
	for _, c := range []struct{ claim, target string }{
		{"caveat", "disavow-option-in-paper"},
		{"really", "us-statement-could-deter-authoritarians"},
	} {
		rebuts := data[c.claim].(map[string]any)["rebuts"].([]any)
		if len(rebuts) != 1 || rebuts[0].(map[string]any)["id"] != c.target {
			t.Errorf("%s rebuts %v, want %s: the relation stays in the thread", c.claim, rebuts, c.target)
		}
	}
}
