package counterpoint

import (
	"fmt"
	"strconv"
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
