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
		{"opening: an inverted cue that opens its sentence, a relative clause, then the quotation", "“We will win,” said Tom Hale.\n\nThe old mill was rebuilt. Said Ana Ruiz, who grew up nearby, “We were all so proud of it.”",
			[]brief{one("Tom Hale", "We will win"), one("Ana Ruiz", "We were all so proud of it.")}},
		{"opening: stated and a colon, the quotation in the next paragraph", "“We will win,” said Tom Hale.\n\nAna Ruiz was on the radio.\n\nStated Ruiz:\n\n“I think the stakes are very high.”",
			[]brief{one("Tom Hale", "We will win"), one("Ana Ruiz", "I think the stakes are very high.")}},
		{"opening: guard, an opening participle phrase keeps the subject after it", "“We will win,” said Tom Hale.\n\nAsked about the fares, Ana Ruiz said: “They are too high.”",
			[]brief{one("Tom Hale", "We will win"), one("Ana Ruiz", "They are too high.")}},
		{"adverb: however between the name and its verb, with no commas", "“We will win,” said Tom Hale.\n\nDan Pike however said he would welcome a “principled network” for the coast.",
			[]brief{one("Tom Hale", "We will win"), one("Dan Pike", "principled network")}},
		{"adverb: instead between the name and its verb", "“We will win,” said Tom Hale.\n\nDan Pike instead argued that the plan was “a total mess.”",
			[]brief{one("Tom Hale", "We will win"), one("Dan Pike", "a total mess.")}},
		{"participle: having and a cue take the clause's subject, not having", "“We will win,” said Tom Hale.\n\nAna Ruiz opened the debate saying \"of course\" Pike is able -- having suggested in a speech that he was \"not able.\"",
			[]brief{one("Tom Hale", "We will win"), one("Ana Ruiz", "of course"), one("Ana Ruiz", "not able.")}},
		{"participle: having after a comma", "“We will win,” said Tom Hale.\n\nAna Ruiz also misjudged Dan Pike, having referred to him as a \"reformer.\"",
			[]brief{one("Tom Hale", "We will win"), one("Ana Ruiz", "reformer.")}},
		{"opening: here and a place open a phrase before the subject", "“We will win,” said Tom Hale.\n\nHere in Dover, Dan Pike stepped up his attacks, saying, \"We have got to win the day.\"",
			[]brief{one("Tom Hale", "We will win"), one("Dan Pike", "We have got to win the day.")}},
		{"name: a capitalised role noun inside an organisation's name is no end of it", "“We will win,” said Tom Hale.\n\nThe Democratic Harbor Campaign Committee has rolled out a \"Party of Hale\" campaign dubbing his candidates as \"Haleans.\"",
			[]brief{one("Tom Hale", "We will win"), one("The Democratic Harbor Campaign Committee", "Haleans.")}},
		{"name: guard, the phrase up to a lower-case role noun", "“We will win,” said Tom Hale.\n\nThe Ohio senator struck back at the harbor board on Friday, saying the plan was \"a disgrace.\"",
			[]brief{one("Tom Hale", "We will win"), one("The Ohio senator", "a disgrace.")}},
		{"description: a role of a place in capitals belongs to the description", "“We will win,” said Tom Hale.\n\nThe former secretary of State began her speech by slamming candidates who think they can \"outsource\" the port.",
			[]brief{one("Tom Hale", "We will win"), one("The former secretary of State", "outsource")}},
		{"description: the mayor of a town before a participle", "“We will win,” said Tom Hale.\n\nThe mayor of Dover struck back at the board on Friday, saying the plan was \"a disgrace.\"",
			[]brief{one("Tom Hale", "We will win"), one("The mayor of Dover", "a disgrace.")}},
		{"inverted: a description known as a name goes on to the name", "“We will win,” said Tom Hale.\n\n\"There never was an order,\" said the base chief known as Bob, speaking for the first time.",
			[]brief{one("Tom Hale", "We will win"), one("Bob", "There never was an order")}},
		{"inverted: guard, as after another word ends the speaker", "“We will win,” said Tom Hale.\n\n\"There never was an order,\" said the base chief as Dan Pike looked on.",
			[]brief{one("Tom Hale", "We will win"), one("the base chief", "There never was an order")}},
		{"colon: here's and a name present the quotation", "“We will win,” said Tom Hale.\n\nHere’s Ana Ruiz in December 1992: “Our new direction must rest on the facts.”",
			[]brief{one("Tom Hale", "We will win"), one("Ana Ruiz", "Our new direction must rest on the facts.")}},
		{"colon: here is and a name", "“We will win,” said Tom Hale.\n\nHere is Dan Pike on the fares: “They are too high.”",
			[]brief{one("Tom Hale", "We will win"), one("Dan Pike", "They are too high.")}},
		{"colon: guard, here is and a thing names no one", "“We will win,” said Tom Hale.\n\nHere is the text: “They are too high.”",
			[]brief{one("Tom Hale", "We will win"), one("Tom Hale", "They are too high.")}},
		{"opening: a conjunction before an opening phrase", "“We will win,” said Tom Hale.\n\nAnd after the court refused to restore the law, Gov. Dan Pike (R) blamed the court's \"four liberal justices who blocked it.\"",
			[]brief{one("Tom Hale", "We will win"), one("Dan Pike", "four liberal justices who blocked it.")}},
		{"opening: guard, a conjunction before a participle phrase", "“We will win,” said Tom Hale.\n\nBut speaking to reporters on Friday, Dan Pike called the plan “a disgrace.”",
			[]brief{one("Tom Hale", "We will win"), one("Dan Pike", "a disgrace.")}},
		{"common word: a capitalised word written in lower case elsewhere opens a description, no name", "“We will win,” said Tom Hale.\n\nFederal dock unions have long campaigned against jobs that are considered \"inherently public.\" A federal plan is near.",
			[]brief{one("Tom Hale", "We will win"), one("Federal dock unions", "inherently public.")}},
		{"common word: the same with a verb of speech later in the clause", "“We will win,” said Tom Hale.\n\nNuclear arms experts have discounted the claims, but have speculated that the plant might boost its \"explosive yield\" by other means. A nuclear test is near.",
			[]brief{one("Tom Hale", "We will win"), one("Nuclear arms experts", "explosive yield")}},
		{"common word: guard, a title and a name after and", "“We will win,” said Tom Hale.\n\nFormer prosecutor and Dover Mayor Dan Pike, who backs Hale, called it “a disgrace.” He was a former judge.",
			[]brief{one("Tom Hale", "We will win"), one("Dan Pike", "a disgrace.")}},
		{"common word: guard, a surname never written in lower case", "“We will win,” said Tom Hale.\n\nPike was at the dock. Pike said the fish was \"very fresh.\"",
			[]brief{one("Tom Hale", "We will win"), one("Pike", "very fresh.")}},
		{"with: people described after with and before a participle speak", "“We will win,” said Tom Hale.\n\nOhio was on their minds, with many marchers and spectators chanting \"We are Ohio\" and \"Disarm hate.\"",
			[]brief{one("Tom Hale", "We will win"), one("many marchers and spectators", "We are Ohio"), one("many marchers and spectators", "Disarm hate.")}},
		{"with: the crowd shouting", "“We will win,” said Tom Hale.\n\nDan Pike spoke for an hour, with the crowd shouting \"Four more years!\"",
			[]brief{one("Tom Hale", "We will win"), one("the crowd", "Four more years!")}},
		{"with: guard, a participle after another participle is the subject's", "“We will win,” said Tom Hale.\n\nDan Pike spoke for an hour, with his hands waving and saying \"Four more years!\"",
			[]brief{one("Tom Hale", "We will win"), one("Dan Pike", "Four more years!")}},
		{"number: an opening preposition of place, then a number of people before a participle", "“We will win,” said Tom Hale.\n\nOutside the arena in downtown Dover, about 200 protesters gathered in three clusters, holding signs and chanting \"Dump Pike.\"",
			[]brief{one("Tom Hale", "We will win"), one("about 200 protesters", "Dump Pike.")}},
		{"number: a number of people opening the sentence", "“We will win,” said Tom Hale.\n\nAbout 200 protesters gathered in three clusters, holding signs and chanting \"Dump Pike.\"",
			[]brief{one("Tom Hale", "We will win"), one("About 200 protesters", "Dump Pike.")}},
		{"description: what a person is heads the sentence's description", "“We will win,” said Tom Hale.\n\nThe billionaire businessman began by talking about the drug crisis, saying that heroin is now “cheaper than candy.”",
			[]brief{one("Tom Hale", "We will win"), one("The billionaire businessman", "cheaper than candy.")}},
		{"description: the former congressman before a participle", "“We will win,” said Tom Hale.\n\nThe former congressman struck back on Friday, calling the plan “a mess.”",
			[]brief{one("Tom Hale", "We will win"), one("The former congressman", "a mess.")}},
		{"question: a name, an apposition and a speech verb after a question keep its sentence open", "“We will win,” said Tom Hale.\n\n\"I am calling from the Pike campaign. How are you today?\" Miller, a retired worker from a grain mill, said pleasantly into the phone.",
			[]brief{one("Tom Hale", "We will win"), one("Miller", "I am calling from the Pike campaign. How are you today?")}},
		{"question: guard, a full stop, a name, an apposition and a verb that goes on to report", "“We will win,” said Tom Hale.\n\nAna Ruiz called the vote “unfair.” Dan Pike, a party lawyer, warned Saturday that the vote could hurt the party.",
			[]brief{one("Tom Hale", "We will win"), one("Ana Ruiz", "unfair.")}},
		{"term: an apposition holding a quoted term, after the quotation", "“We will win,” said Tom Hale.\n\n“We’ve had better days than this one,” Ohio delegate Dan Pike, wearing a green hat and “Ruiz for Mayor” pins, said with a grin.",
			[]brief{one("Tom Hale", "We will win"), one("Dan Pike", "We’ve had better days than this one"), one("Dan Pike", "Ruiz for Mayor")}},
		{"term: an apposition holding a quoted title, before the quotation", "“We will win,” said Tom Hale.\n\nAna Ruiz, the co-author of \"Going Viral,\" about the spread of news, said the days when the nation had \"a unifying story\" are gone.",
			[]brief{one("Tom Hale", "We will win"), one("Ana Ruiz", "a unifying story")}},
		{"term: guard, a long quotation between is no term", "“We will win,” said Tom Hale.\n\n“We’ve had better days,” Dan Pike, wearing a hat, said, “and the worst is yet to come for all of us here.”",
			[]brief{one("Tom Hale", "We will win"), {parts: []string{"We’ve had better days", "and the worst is yet to come for all of us here."}, speaker: "Dan Pike"}}},
		{"clause: the verb's own subject after that, with a time between", "“We will win,” said Tom Hale.\n\nThe group has been such a presence that Ana Ruiz on Sunday thanked its members “for their support in my campaign.”",
			[]brief{one("Tom Hale", "We will win"), one("Ana Ruiz", "for their support in my campaign.")}},
		{"clause: the verb's own subject after when", "“We will win,” said Tom Hale.\n\nThe change is subtle, unlike 2008, when Mayor Dan Pike ordered that the city work with \"major party\" groups.",
			[]brief{one("Tom Hale", "We will win"), one("Dan Pike", "major party")}},
		{"clause: guard, a cue of the sentence's subject before the clause", "“We will win,” said Tom Hale.\n\nAna Ruiz argued that Dan Pike never thanked the workers “for their support.”",
			[]brief{one("Tom Hale", "We will win"), one("Ana Ruiz", "for their support.")}},
		{"dateline: a place and a date before the agency", "“We will win,” said Tom Hale.\n\nDOVER, July 25 (UPI) — The Harbor Party Committee released a statement on Monday, offering “a deep and sincere apology” to Dan Pike.",
			[]brief{one("Tom Hale", "We will win"), one("The Harbor Party Committee", "a deep and sincere apology")}},
		{"dateline: an opening phrase after the dateline, then a possessor and a role before a colon", "“We will win,” said Tom Hale.\n\nDOVER, Dec. 8 (UPI) — In response to Dan Pike’s plan to close the port, Ana Ruiz’s right-hand woman rallied supporters, saying: “We have to be ready to stop him.”",
			[]brief{one("Tom Hale", "We will win"), one("Ana Ruiz’s right-hand woman", "We have to be ready to stop him.")}},
		{"indefinite: one and an adjective before a capitalised group word describe someone", "“We will win,” said Tom Hale.\n\n“The campaign has been slow to act,” one senior Democrat said.",
			[]brief{one("Tom Hale", "We will win"), one("one senior Democrat", "The campaign has been slow to act")}},
		{"indefinite: guard, a surname of a name given in full is the person", "“We will win,” said Tom Hale.\n\nThe board handled the files in a way Hale slammed as “extremely careless.”",
			[]brief{one("Tom Hale", "We will win"), one("Tom Hale", "extremely careless.")}},
		{"passive: the words after by speak", "“We will win,” said Tom Hale.\n\nDan Pike blocked the package because of \"poison pill\" measures added by the board.",
			[]brief{one("Tom Hale", "We will win"), one("the board", "poison pill")}},
		{"passive: described by a name as", "“We will win,” said Tom Hale.\n\nThe plan, which was described by Ana Ruiz as “a disgrace,” failed.",
			[]brief{one("Tom Hale", "We will win"), one("Ana Ruiz", "a disgrace")}},
		{"passive: asked by a name, the question after whether is not the name", "“We will win,” said Tom Hale.\n\n“Is that true?” asked Ana Ruiz. Hale was asked by Fox moderator Dan Pike whether his plan was “a fantasy.”",
			[]brief{one("Tom Hale", "We will win"), one("Ana Ruiz", "Is that true?"), one("Dan Pike", "a fantasy.")}},
		{"role for: lawyers for a named person speak, not the person", "“We will win,” said Tom Hale.\n\n“It was private,” lawyers for Ana Ruiz said in a filing.",
			[]brief{one("Tom Hale", "We will win"), one("lawyers for Ana Ruiz", "It was private")}},
		{"role for: guard, a spokesman for a named person stays whole", "“We will win,” said Tom Hale.\n\n“It was private,” a spokesman for Ana Ruiz said.",
			[]brief{one("Tom Hale", "We will win"), one("a spokesman for Ana Ruiz", "It was private")}},
		{"colon: a clause and a colon that end the paragraph before", "“We will win,” said Tom Hale.\n\nIn response to the loss of life, Republican mayoral nominee Ana Ruiz issued the following statement:\n\n“Our prayers are with all those affected by the fire.”",
			[]brief{one("Tom Hale", "We will win"), one("Ana Ruiz", "Our prayers are with all those affected by the fire.")}},
		{"colon: a record named in capitals before a colon is a description, no name", "“We will win,” said Tom Hale.\n\nPartial transcript as follows:\n\n“Our prayers are with all those affected by the fire.”",
			[]brief{one("Tom Hale", "We will win"), one("Partial transcript", "Our prayers are with all those affected by the fire.")}},
		{"colon: guard, a name and a lower-case word before a colon", "“We will win,” said Tom Hale.\n\nAna Ruiz agreed:\n\n“Our prayers are with all those affected by the fire.”",
			[]brief{one("Tom Hale", "We will win"), one("Ana Ruiz", "Our prayers are with all those affected by the fire.")}},
		{"bracket: a role, a name and a party tag in brackets before an apposition", "“We will win,” said Tom Hale.\n\nFormer Ohio governor Ed Pike (D), a Ruiz supporter, praised Hale for what he has done, calling it \"an incredible feat\" - but he said the time is coming.",
			[]brief{one("Tom Hale", "We will win"), one("Ed Pike", "an incredible feat")}},
		{"colon: a second reported clause after and that goes on with the reporting cue's speaker", "“We will win,” said Tom Hale.\n\nDan Pike said this was a \"fatal mistake\" and that she has learned her lesson: \"They are ready for a longer fight.\"",
			[]brief{one("Tom Hale", "We will win"), one("Dan Pike", "fatal mistake"), one("Dan Pike", "They are ready for a longer fight.")}},
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
