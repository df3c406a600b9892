package suggest_test

import (
	"testing"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/suggest"
)

// TestSpeakerKind checks the kind a suggested speaker is given by the words
// that introduce it, so that the studio creates or matches the right actor.
func TestSpeakerKind(t *testing.T) {
	tests := []struct {
		name, text, speaker string
		want                counterpoint.ActorKind
	}{
		{"a named person", `“The bridge is safe,” said Tom B. Hale.`, "Tom B. Hale", counterpoint.ActorPerson},
		{"a surname resolved to the person", "Tom B. Hale inspected it on Monday.\n\n“The bridge is safe,” Hale said.", "Tom B. Hale", counterpoint.ActorPerson},
		{"a pronoun resolved to the person", "Ana Ruiz inspected it on Monday.\n\n“The bridge is safe,” she said.", "Ana Ruiz", counterpoint.ActorPerson},
		{"a named organisation", `“The bridge is safe,” the Harbour Council said.`, "the Harbour Council", counterpoint.ActorOrganization},
		{"a description", `“The bridge is safe,” a senior city official said.`, "a senior city official", counterpoint.ActorAnonymous},
		{"a role resolved to the description", "A senior city official, who asked not to be named, disagreed.\n\n“The bridge is not safe,” the official said.", "A senior city official", counterpoint.ActorAnonymous},
		{"no speaker", "“The bridge is safe.”", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs := suggest.Quotes(tt.text)
			if len(qs) == 0 {
				t.Fatalf("Quotes(%q): no suggestion", tt.text)
			}
			q := qs[len(qs)-1]
			if q.Speaker != tt.speaker || q.SpeakerKind != tt.want {
				t.Errorf("Quotes(%q): speaker %q of kind %q, want %q of kind %q", tt.text, q.Speaker, q.SpeakerKind, tt.speaker, tt.want)
			}
		})
	}
}

// TestSpeakerKindCarried checks that a quote without a cue of its own keeps
// the kind of the speaker it carries on from.
func TestSpeakerKindCarried(t *testing.T) {
	text := "“The bridge is safe,” a senior city official said.\n\n“It will stay open for a hundred years.”"
	qs := suggest.Quotes(text)
	if len(qs) != 2 {
		t.Fatalf("Quotes(%q): %d suggestions, want 2", text, len(qs))
	}
	if qs[1].From != suggest.FromCarried || qs[1].SpeakerKind != counterpoint.ActorAnonymous {
		t.Errorf("Quotes(%q)[1]: from %q, kind %q; want %q, %q", text, qs[1].From, qs[1].SpeakerKind, suggest.FromCarried, counterpoint.ActorAnonymous)
	}
}
