package suggest

import (
	"testing"

	"github.com/counterpoint-news/counterpoint"
)

// TestReadingRulesSix covers the rules of issue 20's sixth round, one
// failure kind each, on sentences written here.
func TestReadingRulesSix(t *testing.T) {
	tests := []reading{
		{"time: a party tag and a time between the subject and its verb", "“We will win,” said Tom Hale.\n\nSen. Ana Ruiz (D-Ore.) on Monday criticized the harbor plan, saying the plan goes “nowhere near far enough.”",
			[]brief{one("Tom Hale", "We will win"), one("Ana Ruiz", "nowhere near far enough.")}},
		{"time: guard, a party tag and last week before the verb", "“We will win,” said Tom Hale.\n\nRep. Ana Ruiz (D-Ore.) last week attacked the fares, calling them “a tax on the poor.”",
			[]brief{one("Tom Hale", "We will win"), one("Ana Ruiz", "a tax on the poor.")}},
		{"dateline: a place and an agency before a dash open the sentence", "“We will win,” said Tom Hale.\n\nDover (AP) – Democrat Ana Ruiz has taken a swipe at the fares, saying that “loud comments” do more harm than good.",
			[]brief{one("Tom Hale", "We will win"), one("Democrat Ana Ruiz", "loud comments")}},
		{"document: the statement read, after the closing mark", "“We will win,” said Tom Hale.\n\n“The mayor met the board this morning,” the statement read. Hale was pleased.",
			[]brief{one("Tom Hale", "We will win"), one("the statement", "The mayor met the board this morning")}},
		{"document: the suit reads, present tense", "“We will win,” said Tom Hale.\n\n“The board fired her to damage her name,” the suit reads. Ruiz also claims more.",
			[]brief{one("Tom Hale", "We will win"), one("the suit", "The board fired her to damage her name")}},
		{"pronoun: a name in apposition to his role is not he", "“We will win,” said Tom Hale.\n\nHale thanked his campaign manager, Dan Pike, and his wife.\n\nHe said the vote was “a clear win.”",
			[]brief{one("Tom Hale", "We will win"), one("Tom Hale", "a clear win.")}},
		{"pronoun: guard, her role's holder may be he", "“We will win,” said Tom Hale.\n\nAna Ruiz thanked her campaign manager, Dan Pike, and her sister.\n\nHe said the vote was “a clear win.”",
			[]brief{one("Tom Hale", "We will win"), one("Dan Pike", "a clear win.")}},
		{"pronoun: the speaker of a sentence before a name later in it", "“We will win,” said Tom Hale.\n\n“We show anger,” said Pike, who admitted Hale was his fourth choice, behind Dan Ruiz, Senator Jim Arch, and Senator Ed Cole.\n\n“We are alive,” he said.",
			[]brief{one("Tom Hale", "We will win"), one("Pike", "We show anger"), one("Pike", "We are alive")}},
		{"pronoun: the second of a pair before a comma is no subject", "“We will win,” said Tom Hale.\n\nDan Pike said the votes were split between Hale and Jim Arch, with a few for Ana Ruiz.\n\n“We are alive,” he said.",
			[]brief{one("Tom Hale", "We will win"), one("Dan Pike", "We are alive")}},
		{"pronoun: guard, a name after and with a role is a subject", "“We will win,” said Tom Hale.\n\nThe vote was close, and Jim Arch, the mayor, said the count was fair.\n\n“We are alive,” he said.",
			[]brief{one("Tom Hale", "We will win"), one("Jim Arch", "We are alive")}},
		{"pronoun: no one speaks of himself by surname, the subject", "“We will win,” said Tom Hale.\n\nHale also won Ohio, the campaign manager Dan Pike said.\n\n“Voters wondered whether Tom Hale could win, and he proved it,” he said.",
			[]brief{one("Tom Hale", "We will win"), one("Dan Pike", "Voters wondered whether Tom Hale could win, and he proved it")}},
		{"pronoun: no one speaks of himself by surname, the last speaker", "“We will win,” said Tom Hale, whose campaign is run by Dan Pike.\n\n“Voters wondered whether Hale could win, and he proved it,” he said.",
			[]brief{one("Tom Hale", "We will win"), one("Dan Pike", "Voters wondered whether Hale could win, and he proved it")}},
		{"pronoun: guard, a quotation in the first person stays the last speaker's", "“We will win,” said Tom Hale, whose campaign is run by Dan Pike.\n\n“I will win,” he said.",
			[]brief{one("Tom Hale", "We will win"), one("Tom Hale", "I will win")}},
		{"adverb: an opening adverb before a parenthetical cue is no subject", "“We will win,” said Tom Hale.\n\nDan Pike said he doubts the plan. Rather, he said, continued delays will sink it.\n\n“There is no money in it.”",
			[]brief{one("Tom Hale", "We will win"), one("Dan Pike", "There is no money in it.")}},
		{"adverb: Sure opening the sentence is no name", "“We will win,” said Tom Hale.\n\nDan Pike likes low fares. Sure, he admits that “the fares are unfair to savers.”",
			[]brief{one("Tom Hale", "We will win"), one("Dan Pike", "the fares are unfair to savers.")}},
		{"role word: a capitalised plural role opening a sentence is not he", "“We will win,” said Tom Hale.\n\nOfficials said the count was late.\n\n“We waited all night,” he said.",
			[]brief{one("Tom Hale", "We will win"), one("Tom Hale", "We waited all night")}},
		{"role word: nor the subject he refers to", "“We will win,” said Tom Hale.\n\nDan Pike joined him. Critics called the count late.\n\n“We waited all night,” he said.",
			[]brief{one("Tom Hale", "We will win"), one("Dan Pike", "We waited all night")}},
		{"document: goes on to say takes the subject of goes", "“We will win,” said Tom Hale.\n\nThe email goes on to say: “The fares are a disgrace.”",
			[]brief{one("Tom Hale", "We will win"), one("The email", "The fares are a disgrace.")}},
		{"document: an ad as the sentence's subject before a participle", "“We will win,” said Tom Hale.\n\nThe short ad ran on Tuesday in three towns, calling the plan “a disgrace.”",
			[]brief{one("Tom Hale", "We will win"), one("The short ad", "a disgrace.")}},
		{"join: a quotation split by an inverted cue goes on past a cue that opens the next sentence", "“We will win,” said Ana Ruiz.\n\n“It is hard,” said the Ohio senator, “because the fares rise every year and nobody wants that to go on any longer.” Ruiz said the real problem is the board.",
			[]brief{one("Ana Ruiz", "We will win"), {parts: []string{"It is hard", "because the fares rise every year and nobody wants that to go on any longer."}, speaker: "the Ohio senator"}}},
		{"join: guard, a cue that ends its clause after the full stop stays the quotation's", "“We will win,” said Ana Ruiz.\n\n“It is hard,” said the Ohio senator, “because the fares rise.” Ruiz said.",
			[]brief{one("Ana Ruiz", "We will win"), one("the Ohio senator", "It is hard"), one("Ana Ruiz", "because the fares rise.")}},
		{"join: a quotation with its cue before it is not joined to the next one's cue and words", "“We will win,” said Ana Ruiz.\n\nDan Pike told the crowd: “We will build it,” then Hale added, “No.”",
			[]brief{one("Ana Ruiz", "We will win"), one("Dan Pike", "We will build it"), one("Hale", "No.")}},
		{"role: a role and a phrase of place before the verb", "“We will win,” said Tom Hale.\n\n“Will he be the next mayor?” a council staffer in the room wondered.",
			[]brief{one("Tom Hale", "We will win"), one("a council staffer in the room", "Will he be the next mayor?")}},
		{"role: a role and a relative clause with no comma before the verb", "“We will win,” said Tom Hale.\n\nOne council official who relayed the exchange said Hale was “very calm.”",
			[]brief{one("Tom Hale", "We will win"), one("One council official who relayed the exchange", "very calm.")}},
		{"role: the last noun of a compound heads the subject", "“We will win,” said Tom Hale.\n\nA Hale campaign official later walked back the comments, saying that Hale “had no plan in mind.”",
			[]brief{one("Tom Hale", "We will win"), one("A Hale campaign official", "had no plan in mind.")}},
		{"role: an indefinite role of a place is no name", "“We will win,” said Tom Hale.\n\nA resident of Dover said the fares were “far too high.”",
			[]brief{one("Tom Hale", "We will win"), one("A resident of Dover", "far too high.")}},
		{"role: a role for a named person speaks, not the person", "“We will win,” said Tom Hale.\n\n“The case was very weak,” said one of the former prosecutors for Dan Pike.",
			[]brief{one("Tom Hale", "We will win"), one("one of the former prosecutors for Dan Pike", "The case was very weak")}},
		{"past verb: a short description and any past tense after the quotation", "“We will win,” said Tom Hale.\n\n“Dover will always be Dover,” an angry Ruiz retaliated. “It never gives up.”",
			[]brief{one("Tom Hale", "We will win"), one("an angry Ruiz", "Dover will always be Dover"), one("an angry Ruiz", "It never gives up.")}},
		{"past verb: the mayor and a past tense", "“We will win,” said Tom Hale.\n\n“Dover will always be Dover,” the mayor retaliated.",
			[]brief{one("Tom Hale", "We will win"), one("the mayor", "Dover will always be Dover")}},
		{"role: the justice heads the subject before a participle", "“We will win,” said Tom Hale.\n\nIn an interview, the justice sounded off on Hale, saying she did not “want to think about” it.",
			[]brief{one("Tom Hale", "We will win"), one("the justice", "want to think about")}},
		{"role: the Republican candidate heads the subject", "“We will win,” said Tom Hale.\n\nThe Republican candidate then outlined his plans by saying, “We need to protect the port.”",
			[]brief{one("Tom Hale", "We will win"), one("The Republican candidate", "We need to protect the port.")}},
		{"subject: a short quoted term inside the clause does not end it", "“We will win,” said Tom Hale.\n\nAna Ruiz challenged the claim that she had ever \"attacked\" Hale, and said she \"still thinks he will be a good mayor.\"",
			[]brief{one("Tom Hale", "We will win"), one("Ana Ruiz", "attacked"), one("Ana Ruiz", "still thinks he will be a good mayor.")}},
		{"subject: guard, a nickname inside the name is no term of the clause", "Gov. C.L. “Butch” Otter spoke for an hour and said the plan was “dead.”",
			[]brief{one("Otter", "dead.")}},
		{"subject: a possessor and a role are the subject, not the possessor", "“We will win,” said Tom Hale.\n\nRuiz's spokeswoman challenged the claim that Ruiz had ever \"attacked\" Hale, and said she \"still thinks he will be a good mayor.\"",
			[]brief{one("Tom Hale", "We will win"), one("Ruiz's spokeswoman", "attacked"), one("Ruiz's spokeswoman", "still thinks he will be a good mayor.")}},
		{"inverted: a day after the article is part of the speaker's phrase", "“We will win,” said Tom Hale.\n\n“There are worms with more spine than Hale,” reads a Wednesday editorial in The Dover Ledger.",
			[]brief{one("Tom Hale", "We will win"), one("a Wednesday editorial", "There are worms with more spine than Hale")}},
		{"adverb: a conjunction before a parenthetical cue is no subject", "“We will win,” said Tom Hale.\n\n“Hale is always kind.” But, said Pike, “I don't want a fight.”",
			[]brief{one("Tom Hale", "We will win"), one("Tom Hale", "Hale is always kind."), one("Pike", "I don't want a fight.")}},
		{"participle: a participle right after a quoted term is no inverted cue", "“We will win,” said Tom Hale.\n\nAna Ruiz has given a spirited defense of “Dover values,” saying the city embodied the “heart and soul of the coast.”",
			[]brief{one("Tom Hale", "We will win"), one("Ana Ruiz", "Dover values"), one("Ana Ruiz", "heart and soul of the coast.")}},
		{"inverted: two titles joined by and before the name", "“We will win,” said Tom Hale.\n\n“Turnout is what matters,” said former Ohio Gov. and party Chairman Ed Pike.",
			[]brief{one("Tom Hale", "We will win"), one("Ed Pike", "Turnout is what matters")}},
		{"inverted: guard, a pair of names joined by and", "“We will win,” said Tom Hale.\n\n“Turnout is what matters,” said Ed Pike and Ana Ruiz.",
			[]brief{one("Tom Hale", "We will win"), one("Ed Pike", "Turnout is what matters")}},
		{"share: a number in a number of people is the speaker's phrase", "“We will win,” said Tom Hale.\n\nAbout four in 10 Ohio Republican primary voters say that a good candidate “shares my values.”",
			[]brief{one("Tom Hale", "We will win"), one("four in 10 Ohio Republican primary voters", "shares my values.")}},
		{"before: the subject of a sentence with a verb of speech before the quotation", "“We will win,” Tom Hale noted.\n\nAna Ruiz distanced herself from the group by saying she would help the port if asked. “I am going to support him, and support him gladly.”",
			[]brief{one("Tom Hale", "We will win"), one("Ana Ruiz", "I am going to support him, and support him gladly.")}},
		{"before: the same when the quotation opens the next paragraph", "“We will win,” Tom Hale noted.\n\nAna Ruiz distanced herself from the group by saying she would help the port if asked.\n\n“I am going to support him, and support him gladly.”",
			[]brief{one("Tom Hale", "We will win"), one("Ana Ruiz", "I am going to support him, and support him gladly.")}},
		{"past verb: a description, a past tense and a preposition after a comma inside the mark", "“We will win,” Tom Hale noted.\n\n“Ana, let me help you out,” the Republican council nominee riffed on Ruiz.",
			[]brief{one("Tom Hale", "We will win"), one("the Republican council nominee", "Ana, let me help you out")}},
		{"past verb: guard, a full stop inside the mark keeps the verb's clause its own", "“We will win,” Tom Hale noted.\n\n“Let me help you out.” The nominee laughed at Ruiz.",
			[]brief{one("Tom Hale", "We will win"), one("Tom Hale", "Let me help you out.")}},
		{"pronoun: a possessor in the pronoun's own clause", "“We will win,” said Tom Hale.\n\nAna Ruiz voted no. For that she drew Dan Pike's ire - he called her “weak.”",
			[]brief{one("Tom Hale", "We will win"), one("Dan Pike", "weak.")}},
		{"pronoun: guard, a possessor past a comma is not the clause's", "“We will win,” said Tom Hale.\n\nTom Hale voted no. After Dan Pike's speech, he called the plan “weak.”",
			[]brief{one("Tom Hale", "We will win"), one("Tom Hale", "weak.")}},
	}
	checkReadings(t, tests)
}

// TestRoleWordIsDescribed checks that a capitalised role noun standing
// alone as the speaker is given as people described, not as a name.
func TestRoleWordIsDescribed(t *testing.T) {
	tests := []struct {
		text string
		want counterpoint.ActorKind
	}{
		{"“The count was late,” Officials said.", counterpoint.ActorAnonymous},
		{"“The count was late,” Critics argued.", counterpoint.ActorAnonymous},
		{"“The count was late,” Hale said.", counterpoint.ActorPerson},
	}
	for _, tt := range tests {
		qs := Quotes(tt.text)
		if len(qs) != 1 || qs[0].SpeakerKind != tt.want {
			t.Errorf("Quotes(%q) = %+v, want one quote of speaker kind %v", tt.text, qs, tt.want)
		}
	}
}
