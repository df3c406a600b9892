package e2e_test

import (
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
		"commerce-diplomatic-trade-tech-officials economic-trade-agency-officials",
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
