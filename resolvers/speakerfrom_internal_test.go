package resolvers

import (
	"testing"

	"github.com/counterpoint-news/counterpoint/graph/model"
	"github.com/counterpoint-news/counterpoint/suggest"
)

// TestSpeakerFrom: every way the suggestions pass reads a speaker has its
// value in the schema, and an unknown speaker has none.
func TestSpeakerFrom(t *testing.T) {
	for _, tt := range []struct {
		from string
		want model.SpeakerFrom
	}{
		{suggest.FromName, model.SpeakerFromName}, {suggest.FromSurname, model.SpeakerFromSurname},
		{suggest.FromPronoun, model.SpeakerFromPronoun}, {suggest.FromRole, model.SpeakerFromRole},
		{suggest.FromDescription, model.SpeakerFromDescription}, {suggest.FromCarried, model.SpeakerFromCarried},
	} {
		if got := speakerFrom(tt.from); got == nil || *got != tt.want {
			t.Errorf("speakerFrom(%q) = %v, want %s", tt.from, got, tt.want)
		}
	}
	if got := speakerFrom(""); got != nil {
		t.Errorf("speakerFrom(%q) = %s, want nil", "", *got)
	}
}
