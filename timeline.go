package counterpoint

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Precision is how precisely a date is known: a timeline shows a month as
// a month, never as a false exact day.
type Precision string

// The precisions a date may have.
const (
	PrecisionYear  Precision = "YEAR"
	PrecisionMonth Precision = "MONTH"
	PrecisionDay   Precision = "DAY"
)

// DateSpan returns the precision of a valid date (YYYY, YYYY-MM or
// YYYY-MM-DD) and the first and last day it covers, as YYYY-MM-DD; ok is
// false for "" and for anything else that is not a date.
func DateSpan(date string) (p Precision, first, last string, ok bool) {
	if !ValidDate(date) {
		return "", "", "", false
	}
	year, _ := strconv.Atoi(date[:4])
	switch len(date) {
	case 4:
		return PrecisionYear, date + "-01-01", date + "-12-31", true
	case 7:
		month, _ := strconv.Atoi(date[5:7])
		end := time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC) // the month's last day
		return PrecisionMonth, date + "-01", end.Format(time.DateOnly), true
	}
	if _, err := time.Parse(time.DateOnly, date); err != nil { // 2015-02-30
		return "", "", "", false
	}
	return PrecisionDay, date, date, true
}

// TimeRange is the optional bounds of a timeline, each a date of any
// precision; a dated item is in range when the days it covers meet them.
type TimeRange struct{ From, To string }

// Validate checks both bounds and their order.
func (r TimeRange) Validate() error {
	var ps Problems
	checkDate(&ps, "from", r.From)
	checkDate(&ps, "to", r.To)
	if err := ps.Err(); err != nil {
		return err
	}
	if r.From != "" && r.To != "" {
		_, from, _, _ := DateSpan(r.From)
		_, _, to, _ := DateSpan(r.To)
		if from > to {
			return Invalidf("to", "%s comes before from (%s)", r.To, r.From)
		}
	}
	return nil
}

// Contains reports whether a date of any precision overlaps the range;
// an undated item is never in a range, and is listed apart.
func (r TimeRange) Contains(date string) bool {
	_, first, last, ok := DateSpan(date)
	if !ok {
		return false
	}
	if r.From != "" {
		if _, from, _, _ := DateSpan(r.From); last < from {
			return false
		}
	}
	if r.To != "" {
		if _, _, to, _ := DateSpan(r.To); first > to {
			return false
		}
	}
	return true
}

// String shows the range for messages.
func (r TimeRange) String() string { return fmt.Sprintf("%s..%s", r.From, r.To) }

// When is the span of days a date covers, at its precision, so that a
// timeline places a month as a month.
type When struct {
	Date        string // the date as the source gives it
	Precision   Precision
	First, Last string // the first and last day it covers, YYYY-MM-DD
}

// WhenOf is the span of a valid date; ok is false for "" and for anything
// that is not a date.
func WhenOf(date string) (w When, ok bool) {
	p, first, last, ok := DateSpan(date)
	if !ok {
		return When{}, false
	}
	return When{Date: date, Precision: p, First: first, Last: last}, true
}

// precisionOrder puts a year before a month before a day that start on
// the same day: the vaguer date spans the others.
var precisionOrder = map[Precision]int{PrecisionYear: 0, PrecisionMonth: 1, PrecisionDay: 2}

// Compare orders spans by their first day, then the vaguer first.
func (w When) Compare(o When) int {
	return cmp.Or(strings.Compare(w.First, o.First), cmp.Compare(precisionOrder[w.Precision], precisionOrder[o.Precision]))
}

// Timeline is the debate over time: the dated claims and documents of a
// range in order, the claims with no date apart rather than guessed, and
// the counters between claims on it.
type Timeline struct {
	Entries   []TimelineEntry    // dated claims in range, earliest first (then by id)
	Undated   []Claim            // claims with no date, listed only when no range is asked
	Documents []TimelineDocument // dated sources in range, earliest first (then by id)
	Counters  []Counter          // counters whose two claims are both entries
}

// TimelineEntry is a claim on a timeline.
type TimelineEntry struct {
	Claim Claim
	When  When
}

// TimelineDocument is a source on a timeline, by id.
type TimelineDocument struct {
	Source string
	When   When
}

// NewTimeline lays out claims, sources and counters (as read for one
// scope) on the range rng.
func NewTimeline(rng TimeRange, claims []Claim, sources []Source, counters []Counter) Timeline {
	t := Timeline{Entries: []TimelineEntry{}, Undated: []Claim{}, Documents: []TimelineDocument{}, Counters: []Counter{}}
	onTimeline := map[string]bool{}
	for _, c := range claims {
		w, dated := WhenOf(c.Date)
		switch {
		case !dated:
			if rng == (TimeRange{}) {
				t.Undated = append(t.Undated, c)
			}
		case rng.Contains(c.Date):
			onTimeline[c.ID] = true
			t.Entries = append(t.Entries, TimelineEntry{Claim: c, When: w})
		}
	}
	slices.SortStableFunc(t.Entries, func(a, b TimelineEntry) int {
		return cmp.Or(a.When.Compare(b.When), strings.Compare(a.Claim.ID, b.Claim.ID))
	})
	for _, s := range sources {
		if w, dated := WhenOf(s.Date); dated && rng.Contains(s.Date) {
			t.Documents = append(t.Documents, TimelineDocument{Source: s.ID, When: w})
		}
	}
	slices.SortStableFunc(t.Documents, func(a, b TimelineDocument) int {
		return cmp.Or(a.When.Compare(b.When), strings.Compare(a.Source, b.Source))
	})
	for _, c := range counters {
		if onTimeline[c.Counter] && onTimeline[c.Target] {
			t.Counters = append(t.Counters, c)
		}
	}
	return t
}
