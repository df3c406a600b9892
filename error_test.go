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

func TestWithinReRootsProblems(t *testing.T) {
	err := counterpoint.Within("input", counterpoint.Problems{counterpoint.Invalidf("quotes[0]", "x"), counterpoint.Invalidf("", "y")})
	if got := problemsOf(t, err); strings.Join(got, "|") != "input.quotes[0]: x|input: y" {
		t.Errorf("Within = %q", got)
	}
}
