package counterpoint_test

import (
	"testing"

	"github.com/counterpoint-news/counterpoint"
)

// TestDateSpanAndRange: each precision covers its days; a range holds a
// month-precision item that overlaps it, even from mid-month.
func TestDateSpanAndRange(t *testing.T) {
	spans := []struct{ date, p, first, last string }{
		{"2015", "YEAR", "2015-01-01", "2015-12-31"},
		{"2016-02", "MONTH", "2016-02-01", "2016-02-29"},
		{"2015-07-08", "DAY", "2015-07-08", "2015-07-08"},
		{"2015-02-30", "", "", ""},
		{"", "", "", ""},
	}
	for _, s := range spans {
		p, first, last, _ := counterpoint.DateSpan(s.date)
		if string(p) != s.p || first != s.first || last != s.last {
			t.Errorf("DateSpan(%q) = %s %s %s, want %s %s %s", s.date, p, first, last, s.p, s.first, s.last)
		}
	}
	r := counterpoint.TimeRange{From: "2015-07-15", To: "2015-08"}
	for date, want := range map[string]bool{"2015-07": true, "2015": true, "2015-07-14": false, "2015-08-31": true, "2015-09": false, "": false} {
		if got := r.Contains(date); got != want {
			t.Errorf("%v.Contains(%q) = %v, want %v", r, date, got, want)
		}
	}
	if err := (counterpoint.TimeRange{From: "2016", To: "2015-12"}).Validate(); err == nil {
		t.Errorf("a range that ends before it starts is accepted")
	}
}
