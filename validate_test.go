package counterpoint_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint"
)

// problemsOf returns err's problems as "field: message" lines.
func problemsOf(tb testing.TB, err error) []string {
	tb.Helper()
	if err == nil {
		return nil
	}
	var ps counterpoint.Problems
	if !errors.As(err, &ps) {
		tb.Fatalf("error %v is not counterpoint.Problems", err)
	}
	var out []string
	for _, p := range ps {
		if p.Code != counterpoint.EINVALID {
			tb.Errorf("problem %v has code %q, want %q", p, p.Code, counterpoint.EINVALID)
		}
		out = append(out, p.Field+": "+p.Message)
	}
	return out
}

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

func TestQuoteValidate(t *testing.T) {
	text := counterpoint.NewText("He said “Really?” twice. Really?")
	tests := []struct {
		name       string
		text       *counterpoint.Text
		quote      string
		start, end int
		want       string
	}{
		{"verbatim", text, "Really?", 9, 16, ""},
		{"no text", nil, "Really?", 9, 16, `source: source "s" has no text to hold quotes; quote the text that reports it`},
		{"outside", text, "Really?", 30, 37, `: offsets [30, 37) are outside source "s" (32 code points)`},
		{"elsewhere, twice", text, "Really?", 0, 7, `: quote "Really?" is not at [0, 7) in source "s", which holds "He said" there; it occurs 2 times, first at [9, 16)`},
		{"elsewhere, once", text, "twice", 0, 5, `: quote "twice" is not at [0, 5) in source "s", which holds "He sa" there; it is at [18, 23)`},
		{"nowhere", text, "Surely?", 9, 16, `: quote "Surely?" is not at [9, 16) in source "s", which holds "Really?" there; the quote is nowhere in the source text`},
	}
	for _, tt := range tests {
		q := counterpoint.Quote{ID: "q", Text: tt.quote, Source: "s", Start: tt.start, End: tt.end}
		err := q.Validate(tt.text)
		var got string
		if err != nil {
			var e *counterpoint.Error
			if !errors.As(err, &e) {
				t.Fatalf("%s: %v is not a *counterpoint.Error", tt.name, err)
			}
			got = e.Field + ": " + e.Message
		}
		if got != tt.want {
			t.Errorf("%s: Validate(%q at [%d, %d)) = %q, want %q", tt.name, tt.quote, tt.start, tt.end, got, tt.want)
		}
	}
}

func TestDatasetValidate(t *testing.T) {
	ds := counterpoint.Dataset{
		ID:      "d",
		Sources: []counterpoint.Source{{ID: "s", Title: "S", Kind: counterpoint.SourceArticle, Text: "He said “Really?”"}},
		Actors:  []counterpoint.Actor{{ID: "a", Name: "A", Kind: counterpoint.ActorPerson, MemberOf: []string{"g"}}},
		Claims:  []counterpoint.Claim{validClaim(), validClaim()},
		Relations: []counterpoint.Relation{
			{Kind: counterpoint.Rebuts, From: "c", To: "x", Inferred: true, Note: "why"},
			{Kind: counterpoint.Rebuts, From: "c", To: "x", Evidence: []counterpoint.Quote{{Text: "He said", Source: "s", Start: 0, End: 7}}},
		},
	}
	ds.Claims[0].Quotes[0].Start, ds.Claims[0].Quotes[0].End = 9, 16
	want := []string{
		`claims[1].id: duplicate id "c" (first defined at claims[0].id)`,
		`claims[1].quotes[0].id: duplicate id "c.q1" (first defined at claims[0].quotes[0].id)`,
		`actors[0].memberOf[0]: unknown actor "g"`,
		`claims[1].quotes[0]: quote "Really?" is not at [6, 13) in source "s", which holds "d “Real" there; it is at [9, 16)`,
		`relations[0].to: unknown claim "x"`,
		`relations[1].to: unknown claim "x"`,
		`relations[1]: duplicate relation c REBUTS x (first at relations[0])`,
	}
	if got := problemsOf(t, ds.Validate()); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Validate() =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestWithinReRootsProblems(t *testing.T) {
	err := counterpoint.Within("input", counterpoint.Problems{counterpoint.Invalidf("quotes[0]", "x"), counterpoint.Invalidf("", "y")})
	if got := problemsOf(t, err); strings.Join(got, "|") != "input.quotes[0]: x|input: y" {
		t.Errorf("Within = %q", got)
	}
}

func TestRelationGrounds(t *testing.T) {
	tests := []struct {
		name string
		rel  counterpoint.Relation
		want []string
	}{
		{"evidence", counterpoint.Relation{Kind: counterpoint.Rebuts, From: "a", To: "b", Evidence: []counterpoint.Quote{{Text: "x", Source: "s", Start: 0, End: 1}}}, nil},
		{"inferred with a reason", counterpoint.Relation{Kind: counterpoint.Rebuts, From: "a", To: "b", Inferred: true, Note: "the curator's reading"}, nil},
		{"neither", counterpoint.Relation{Kind: counterpoint.Rebuts, From: "a", To: "b"},
			[]string{"evidence: relation a REBUTS b has no evidence: give the source's words that make the link, or mark it inferred with a note saying why"}},
		{"inferred without a reason", counterpoint.Relation{Kind: counterpoint.Supports, From: "a", To: "b", Inferred: true},
			[]string{"note: relation a SUPPORTS b is inferred: its note must say why"}},
	}
	for _, tt := range tests {
		if got := problemsOf(t, tt.rel.Validate()); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s: Validate() = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestCounterSides(t *testing.T) {
	a := func(actor string, s counterpoint.Stance) counterpoint.Assertion {
		return counterpoint.Assertion{Actor: actor, Stance: s}
	}
	tests := []struct {
		name              string
		counter, target   []counterpoint.Assertion
		wantBy, wantAgain string
	}{
		{"one against another", []counterpoint.Assertion{a("litt", counterpoint.Endorses)}, []counterpoint.Assertion{a("trade", counterpoint.Endorses)}, "litt", "trade"},
		{"an unset stance endorses", []counterpoint.Assertion{a("litt", "")}, []counterpoint.Assertion{a("trade", "")}, "litt", "trade"},
		{"a paper's own caveat about the option it presents", []counterpoint.Assertion{a("nsc", counterpoint.Presents)},
			[]counterpoint.Assertion{a("nsc", counterpoint.Presents), a("trade", counterpoint.Endorses)}, "", "trade"},
		{"a rebuttal of a presented claim", []counterpoint.Assertion{a("litt", counterpoint.Endorses)}, []counterpoint.Assertion{a("nsc", counterpoint.Presents)}, "litt", ""},
		{"no actor counters itself", []counterpoint.Assertion{a("x", counterpoint.Endorses), a("y", counterpoint.Endorses)},
			[]counterpoint.Assertion{a("x", counterpoint.Endorses), a("z", counterpoint.Endorses)}, "y", "z"},
	}
	for _, tt := range tests {
		by, against := counterpoint.CounterSides(tt.counter, tt.target)
		if strings.Join(by, ",") != tt.wantBy || strings.Join(against, ",") != tt.wantAgain {
			t.Errorf("%s: CounterSides = %v, %v; want [%s], [%s]", tt.name, by, against, tt.wantBy, tt.wantAgain)
		}
	}
}
