package counterpoint_test

import (
	"strings"
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

// TestNewTimeline: dated claims in range come earliest first, a year before
// a month before a day that start together, then by id; undated claims are
// listed apart only when no range is asked; documents likewise; a counter
// stays only when both its claims are on the timeline.
func TestNewTimeline(t *testing.T) {
	claims := []counterpoint.Claim{
		{ID: "c-day", Date: "2015-08-01"}, {ID: "c-year", Date: "2015"}, {ID: "c-month", Date: "2015-08"},
		{ID: "b-month", Date: "2015-08"}, {ID: "c-late", Date: "2016-02"}, {ID: "c-none"},
	}
	sources := []counterpoint.Source{{ID: "s2", Date: "2015-09-01"}, {ID: "s1", Date: "2015-09"}, {ID: "s0"}, {ID: "s-late", Date: "2016"}}
	counters := []counterpoint.Counter{{Counter: "c-day", Target: "c-year"}, {Counter: "c-late", Target: "c-day"}}
	render := func(tl counterpoint.Timeline) string {
		var parts []string
		for _, e := range tl.Entries {
			parts = append(parts, e.Claim.ID+"@"+string(e.When.Precision)+":"+e.When.First+".."+e.When.Last)
		}
		for _, c := range tl.Undated {
			parts = append(parts, "undated:"+c.ID)
		}
		for _, d := range tl.Documents {
			parts = append(parts, "doc:"+d.Source)
		}
		for _, c := range tl.Counters {
			parts = append(parts, "counter:"+c.Counter+">"+c.Target)
		}
		return strings.Join(parts, " ")
	}
	tests := []struct {
		rng  counterpoint.TimeRange
		want string
	}{
		{counterpoint.TimeRange{}, "c-year@YEAR:2015-01-01..2015-12-31 b-month@MONTH:2015-08-01..2015-08-31 c-month@MONTH:2015-08-01..2015-08-31 " +
			"c-day@DAY:2015-08-01..2015-08-01 c-late@MONTH:2016-02-01..2016-02-29 undated:c-none doc:s1 doc:s2 doc:s-late " +
			"counter:c-day>c-year counter:c-late>c-day"},
		{counterpoint.TimeRange{To: "2015-12"}, "c-year@YEAR:2015-01-01..2015-12-31 b-month@MONTH:2015-08-01..2015-08-31 c-month@MONTH:2015-08-01..2015-08-31 " +
			"c-day@DAY:2015-08-01..2015-08-01 doc:s1 doc:s2 counter:c-day>c-year"},
	}
	for _, tt := range tests {
		if got := render(counterpoint.NewTimeline(tt.rng, claims, sources, counters)); got != tt.want {
			t.Errorf("NewTimeline(%v) =\n%s\nwant\n%s", tt.rng, got, tt.want)
		}
	}
}
