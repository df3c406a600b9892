package suggest

import (
	"reflect"
	"testing"
)

// TestReadingRulesSevenNames covers the rules of issue 20's seventh round
// for named and described speakers, on sentences written here: each case
// fails on the sixth round's code except the guards.
func TestReadingRulesSevenNames(t *testing.T) {
	tests := []struct {
		kind string
		text string
		want []brief
	}{
		{"relative: who's opens a relative clause between the name and its verb", "“We will win,” said Tom Hale.\n\nIt was three years ago that Ana Ruiz, who's thinking about a run, said it was \"impossible\" for her.",
			[]brief{one("Tom Hale", "We will win"), one("Ana Ruiz", "impossible")}},
		{"relative: guard, who's after an inverted speaker", "“We will win,” said Tom Hale.\n\n“It was impossible,” said Ana Ruiz, who’s thinking about a run.",
			[]brief{one("Tom Hale", "We will win"), one("Ana Ruiz", "It was impossible")}},
	}
	for _, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			got := briefs(Quotes(tt.text))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Quotes(%q)\n got  %+v\n want %+v", tt.text, got, tt.want)
			}
		})
	}
}
