package counterpoint_test

import (
	"testing"

	"github.com/counterpoint-news/counterpoint"
)

// TestSuggestionStatus: the last decision wins; without one, a suggestion
// is accepted when a quote has exactly one of its parts' words, else open;
// a source with no text leaves everything open.
func TestSuggestionStatus(t *testing.T) {
	reviews := counterpoint.NewSuggestionReviews(
		map[string]counterpoint.ChangeAction{"q1": counterpoint.ChangeDismiss, "q2": counterpoint.ChangeAccept, "q3": counterpoint.ChangeReopen},
		[]counterpoint.Quote{{Start: 10, End: 20}, {Start: 30, End: 35}},
	)
	tests := []struct {
		name    string
		reviews counterpoint.SuggestionReviews
		id      string
		parts   [][2]int
		want    counterpoint.SuggestionStatus
	}{
		{"dismissed though quoted", reviews, "q1", [][2]int{{10, 20}}, counterpoint.SuggestionDismissed},
		{"accepted", reviews, "q2", nil, counterpoint.SuggestionAccepted},
		{"reopened though quoted", reviews, "q3", [][2]int{{10, 20}}, counterpoint.SuggestionOpen},
		{"a part quoted", reviews, "q4", [][2]int{{0, 5}, {30, 35}}, counterpoint.SuggestionAccepted},
		{"quoted more widely", reviews, "q5", [][2]int{{10, 21}}, counterpoint.SuggestionOpen},
		{"a hint, undecided", reviews, "h1", nil, counterpoint.SuggestionOpen},
		{"no text", counterpoint.SuggestionReviews{}, "q2", [][2]int{{10, 20}}, counterpoint.SuggestionOpen},
	}
	for _, tt := range tests {
		if got := tt.reviews.Status(tt.id, tt.parts...); got != tt.want {
			t.Errorf("%s: Status(%q, %v) = %s, want %s", tt.name, tt.id, tt.parts, got, tt.want)
		}
	}
}

// TestSuggestionDecision: every status records its own decision.
func TestSuggestionDecision(t *testing.T) {
	want := map[counterpoint.SuggestionStatus]counterpoint.ChangeAction{
		counterpoint.SuggestionOpen: counterpoint.ChangeReopen, counterpoint.SuggestionAccepted: counterpoint.ChangeAccept,
		counterpoint.SuggestionDismissed: counterpoint.ChangeDismiss, "MAYBE": "",
	}
	for s, w := range want {
		if got := s.Decision(); got != w {
			t.Errorf("%s.Decision() = %q, want %q", s, got, w)
		}
		if s.Valid() != (w != "") {
			t.Errorf("%s.Valid() = %t", s, s.Valid())
		}
	}
}
