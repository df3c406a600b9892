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
	}
	for _, tt := range tests {
		c := validClaim()
		tt.change(&c)
		if got := problemsOf(t, c.Validate()); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s: Validate() =\n%s\nwant\n%s", tt.name, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
}
