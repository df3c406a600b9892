package counterpoint_test

import (
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint"
)

func validClaim() counterpoint.Claim {
	return counterpoint.Claim{
		ID: "c", Text: "A claim.", Date: "2015-08",
		Assertions: []counterpoint.Assertion{{Actor: "a", Source: "s", Attribution: counterpoint.OnRecord, Stance: counterpoint.Endorses}},
		Quotes:     []counterpoint.Quote{{ID: "c.q1", Text: "Really?", Kind: counterpoint.Direct, Source: "s", Start: 6, End: 13}},
	}
}

func TestClaimValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(c *counterpoint.Claim)
		want   []string
	}{
		{"valid", func(*counterpoint.Claim) {}, nil},
		{"not a slug", func(c *counterpoint.Claim) { c.ID = "C 1" }, []string{`id: id "C 1" is not a slug (lower-case letters and digits separated by '-', '_' or '.')`}},
		{"no text, bad date", func(c *counterpoint.Claim) { c.Text, c.Date = "\t", "2015-8" },
			[]string{`text: claim "c" has no text`, `date: date "2015-8" is not YYYY, YYYY-MM or YYYY-MM-DD`}},
		{"no assertion, no quote", func(c *counterpoint.Claim) { c.Assertions, c.Quotes = nil, nil },
			[]string{`assertions: claim "c" is asserted by no one`, `quotes: claim "c" has no quote; every claim needs at least one verbatim quote`}},
		{"unknown attribution", func(c *counterpoint.Claim) { c.Assertions[0].Attribution = "LEAKED" },
			[]string{`assertions[0].attribution: unknown attribution "LEAKED"`}},
		{"quote id of the claim's", func(c *counterpoint.Claim) { c.Quotes[0].ID = "c" },
			[]string{`quotes[0].id: duplicate id "c" (first defined at id)`}},
		{"an inferred attribution without a note", func(c *counterpoint.Claim) { c.Assertions[0].Inferred = true },
			[]string{`assertions[0].note: the assertion by "` + validClaim().Assertions[0].Actor + `" is inferred: its note must say why`}},
		{"an inferred attribution with its note", func(c *counterpoint.Claim) {
			c.Assertions[0].Inferred, c.Assertions[0].Note = true, "the article says only 'the assertion'"
		}, nil},
		{"dated by a month", func(c *counterpoint.Claim) { c.Date, c.DateBound = "2015-07", counterpoint.DateBy }, nil},
		{"an unknown date bound", func(c *counterpoint.Claim) { c.Date, c.DateBound = "2015-07", "AROUND" },
			[]string{`dateBound: unknown date bound "AROUND" (want one of [IN BY])`}},
		{"by no date", func(c *counterpoint.Claim) { c.Date, c.DateBound = "", counterpoint.DateBy },
			[]string{`dateBound: claim "c" is dated BY no date: give the date it bounds`}},
		{"an inferred year without a note", func(c *counterpoint.Claim) { c.Date, c.DateInferred = "2015", true },
			[]string{`dateNote: claim "c" has an inferred date: its note must say why`}},
		{"an inferred year with no date", func(c *counterpoint.Claim) { c.Date, c.DateInferred, c.DateNote = "", true, "the article's date" },
			[]string{`dateInferred: claim "c" has no date to be inferred`}},
	}
	for _, tt := range tests {
		c := validClaim()
		tt.change(&c)
		if got := problemsOf(t, c.Validate()); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s: Validate() =\n%s\nwant\n%s", tt.name, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
}
