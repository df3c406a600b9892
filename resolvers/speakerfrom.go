package resolvers

import (
	"strings"

	"github.com/counterpoint-news/counterpoint/graph/model"
)

// speakerFrom translates how the suggestions pass read a speaker
// (suggest.Quote.From, "pronoun") into the schema's enum (PRONOUN); nil
// when the speaker is unknown.
func speakerFrom(from string) *model.SpeakerFrom {
	v := model.SpeakerFrom(strings.ToUpper(from))
	if !v.IsValid() {
		return nil
	}
	return &v
}
