package aif

import (
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint/loader"
)

// TestDatesOnlyWhereTheSourceSupportsThem: a date that starts the
// locutions of most maps is a placeholder and a date far from the rest of
// its map contradicts it: their claims are left undated, with a notice;
// the map's own dates stay.
func TestDatesOnlyWhereTheSourceSupportsThem(t *testing.T) {
	dir := t.TempDir()
	var files []string
	for i := range 8 {
		p := "p" + itoa(i) + "-"
		m := debateMap(p, "Ann Lee")
		m.starts = map[string]string{p + "2": "2015-01-01 10:00:00", p + "5": "2015-01-01 10:01:00", p + "9": "2015-01-01 10:02:00"}
		files = append(files, mustWriteMap(t, dir, "placeholder"+itoa(i)+".json", m))
	}
	real := debateMap("r", "Ann Lee")
	real.starts = map[string]string{"r2": "2016-09-26 21:03:11", "r5": "2016-09-26 21:04:00", "r9": "2016-03-01 21:05:00"}
	files = append(files, mustWriteMap(t, dir, "real.json", real))

	inputs, rep, err := loader.Limits{}.Read(Reader, loader.Options{}, files...)
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range inputs {
		for _, c := range in.Dataset.Claims {
			want := ""
			if in.Dataset.ID == "real" && c.ID != "aif-r8" {
				want = "2016-09-26"
			}
			if c.Date != want {
				t.Errorf("%s: claim %s dated %q, want %q", in.File, c.ID, c.Date, want)
			}
			for _, a := range c.Assertions {
				if a.Date != want {
					t.Errorf("%s: claim %s asserted on %q, want %q", in.File, c.ID, a.Date, want)
				}
			}
		}
	}
	for _, in := range inputs {
		if in.Dataset.ID == "real" && in.Dataset.Title != "Ann Lee, Bo Chan: “Taxes on sugar should rise.” (2016-09-26)" {
			t.Errorf("title %q, want the speakers, the first words and the map's own date", in.Dataset.Title)
		}
	}
	var kinds []string
	for _, p := range rep.Notices {
		if strings.HasSuffix(p.Kind, "-date") {
			kinds = append(kinds, p.Kind+" "+p.Node)
		}
	}
	if strings.Join(kinds, ",") != "placeholder-date ,contradictory-date r8" {
		t.Errorf("date notices %q, want the placeholder and I node r8's contradictory date", kinds)
	}
}
