package counterpoint_test

import (
	"fmt"
	"testing"

	"github.com/counterpoint-news/counterpoint"
)

func TestAnalyseClaim(t *testing.T) {
	tests := []struct {
		text string
		want string
	}{
		{"The president will not back a mandate.", "{[back mandat president] true []}"},
		{"The president won't back a mandate.", "{[back mandat president] true []}"},
		{"The president will back a mandate.", "{[back mandat president] false []}"},
		{"Crashes fell by a third.", "{[crash fell] false [1/3]}"},
		{"Ten percent of phones are encrypted.", "{[encrypt percent phon] false [10]}"},
		{"10% of phones use encryption.", "{[encrypt percent phon use] false [10]}"},
		{"It costs $1,000,000, or a million dollars.", "{[cost dollar] false [1000000]}"},
		{"Nobody doubts that no one is safe.", "{[doubt saf] false []}"},
	}
	for _, tt := range tests {
		if got := fmt.Sprint(counterpoint.AnalyseClaim(tt.text)); got != tt.want {
			t.Errorf("AnalyseClaim(%q) = %s, want %s", tt.text, got, tt.want)
		}
	}
}

func TestRankSimilarClaims(t *testing.T) {
	claims := []counterpoint.Claim{
		{ID: "affirm", Text: "The White House will support a decryption mandate."},
		{ID: "deny", Text: "The White House will not support a decryption mandate."},
		{ID: "half", Text: "Half of all phones are encrypted by default."},
		{ID: "other", Text: "Bike lanes make streets safer."},
	}
	tests := []struct {
		text string
		want string // ids best first, with the flags
	}{
		{"The White House won't back a mandate for decryption.", "[deny affirm(negation)]"},
		{"A decryption mandate will be supported by the White House.", "[affirm deny(negation)]"},
		{"Half of phones are encrypted by default.", "[half]"},
		{"A third of phones are encrypted by default.", "[half(numbers)]"},
		{"Nothing in common here.", "[]"},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range counterpoint.RankSimilarClaims(tt.text, claims, nil) {
			s := m.Claim.ID
			if m.NegationDiffers {
				s += "(negation)"
			}
			if m.NumbersDiffer {
				s += "(numbers)"
			}
			got = append(got, s)
		}
		if fmt.Sprint(got) != tt.want {
			t.Errorf("RankSimilarClaims(%q) = %v, want %s", tt.text, got, tt.want)
		}
	}
}
