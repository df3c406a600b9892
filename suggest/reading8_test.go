package suggest

import (
	"testing"
)

// TestReadingRulesEight covers the speaker rules of issue 20's eighth
// round, on sentences written here: each case fails on the seventh round's
// code.
func TestReadingRulesEight(t *testing.T) {
	tests := []reading{
		{"one word: a name that a clause about a person follows is a person",
			"Lena Pike opened the gala: “Build it,” she said. Meanwhile Odessa, who won the top prize, spoke about courage. “Love yourself first,” she said.",
			[]brief{one("Lena Pike", "Build it"), one("Odessa", "Love yourself first")}},
		{"surname: the full name that speaks, not one named in passing since",
			"“We must act,” said Sen. Chris Marlow.\n\nAmong the dead was Anne Marie Marlow, a teacher.\n\n“It was terrible,” Marlow added.",
			[]brief{one("Chris Marlow", "We must act"), one("Chris Marlow", "It was terrible")}},
		{"place: a name that opens as places do is no person, and no speaker is better than a place",
			"Ruiz sat in her study in Oregon's Los Verdes Hills and called the board.\n\n“This is a choice,” she said.",
			[]brief{one("", "This is a choice")}},
		{"adverb: two words that stand as one between the subject and its verb",
			"He was amused that Mr. Hale had at last described his plan “in plain words,” as critics asked.",
			[]brief{one("Hale", "in plain words")}},
		{"absolute: a participle and a comma after a capitalised word make no subject",
			"“That never happened,” Bob said. Eyebrows raised, he asked, “I was going to stay?”",
			[]brief{one("Bob", "That never happened"), one("Bob", "I was going to stay?")}},
		{"title: a title after a capitalised word is no verb, and no speaker is better than the wrong one",
			"Former US secretary of state Ana Ruiz fanned controversy with her remark that “there is a place for everyone.”",
			[]brief{one("", "there is a place for everyone.")}},
		{"first names: he and she follow a first name the list now holds",
			"“We must act,” said Sen. Denis Orlan.\n\nOrlan was answering a message from Wendy Pike, reporting that a plane had left. “Wheels up,” she wrote.",
			[]brief{one("Denis Orlan", "We must act"), one("Wendy Pike", "Wheels up")}},
		{"title: a department of two words after a title is no part of the name",
			"Orlan was answering a message from Undersecretary for Political Affairs Ana Pike, reporting that a plane had left. “Wheels up,” she wrote.",
			[]brief{one("Ana Pike", "Wheels up")}},
	}
	checkReadings(t, tests)
}
