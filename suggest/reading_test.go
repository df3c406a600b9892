package suggest

import (
	"reflect"
	"testing"
)

// TestReadingRules covers the reading rules of issue 20's second round, one
// failure kind each, on sentences written here.
func TestReadingRules(t *testing.T) {
	tests := []struct {
		kind string
		text string
		want []brief
	}{
		// Names across appositions, relative clauses and places.
		{"name: a person before 'of' and a place", "“The levee will hold,” said Sen. Ana Ruiz of Oregon.",
			[]brief{one("Ana Ruiz", "The levee will hold")}},
		{"name: a person before 'of the' and an institute", "“Nobody read the fine print,” said Tom Hale of the Dover Institute for Water Studies.",
			[]brief{one("Tom Hale", "Nobody read the fine print")}},
		{"name: a title's own 'of' stays", "“We are ready,” said Secretary of State Ana Ruiz.",
			[]brief{one("Ana Ruiz", "We are ready")}},
		{"name: a long description with a relative clause", "Lou Pike, a grain trader who sat on the port's three-member board before leaving last month over a pricing dispute, said the fees were “plainly unfair.”",
			[]brief{one("Lou Pike", "plainly unfair.")}},
		{"name: a long apposition of any kind", "Ohio state delegate Mara Velt, clad in a green cape with blinking lights that spelled the name of her town, said the week could be a “disaster” if the vote slipped.",
			[]brief{one("Mara Velt", "disaster")}},
		{"name: a party tag set off by commas", "Sen. Dan Oyelaran, R-Ky., told reporters the count could be “way off” again. “We lost,” Senate Majority Leader Ada Quist, D-Ore., said.",
			[]brief{one("Dan Oyelaran", "way off"), one("Ada Quist", "We lost")}},
		{"name: lower-case role words before an inverted name", "“Nobody wants a second recount,” said pollster Ivo Brandt.",
			[]brief{one("Ivo Brandt", "Nobody wants a second recount")}},
		{"name: a capitalised Will is a first name", "“It is an expensive model,” said Will Doyle, a professor.",
			[]brief{one("Will Doyle", "It is an expensive model")}},
		{"name: an opening phrase that ends in a place", "During the second debate in Dover, Ruiz said we should “set one standard for everybody.”",
			[]brief{one("Ruiz", "set one standard for everybody.")}},
		{"name: a parenthetical with a town and state after a name", "Ruiz, during a town hall in Alder, Montana, said she was “going to close the mill.”",
			[]brief{one("Ruiz", "going to close the mill.")}},
		{"name: an opening phrase of time", "Hours later, Tom Hale returned the favour, telling the paper, “We have been friends for years.”",
			[]brief{one("Tom Hale", "We have been friends for years.")}},
		{"name: an opening participle before a colon", "Touring the closed mills along the river, Okafor concludes: “Nobody did this to them.”",
			[]brief{one("Okafor", "Nobody did this to them.")}},
		{"cue: the present tense of a speech verb", "“We could win this county by ten points,” Okafor concludes.",
			[]brief{one("Okafor", "We could win this county by ten points")}},
		{"cue: went on after a question", "“You know, it happens, right?” Tom Hale went on, as if he had not heard. “But you get over it.”",
			[]brief{one("Tom Hale", "You know, it happens, right?"), one("Tom Hale", "But you get over it.")}},
		{"cue: a clause with a party tag before a colon", "Senate Majority Leader Ada Quist, R-Ky., delivered a blunt message to Hale: “It is time to quit.”",
			[]brief{one("Ada Quist", "It is time to quit.")}},
		{"carried: past one paragraph of the reporter's words", "“The rules changed last year,” said Emily Kessel, who leads the group.\n\nOften, families did not understand the paperwork.\n\n“There was no education for parents back then.”",
			[]brief{one("Emily Kessel", "The rules changed last year"), one("Emily Kessel", "There was no education for parents back then.")}},
		{"subject: a name opening the sentence of an uncued quotation owns it", "“The bridge is safe,” said Ana Ruiz.\n\nTom Hale worried that the repairs were “only a coat of paint on rust.”",
			[]brief{one("Ana Ruiz", "The bridge is safe"), one("Tom Hale", "only a coat of paint on rust.")}},
		{"subject: a possessive opening the sentence is no speaker", "“The bridge is safe,” said Ana Ruiz.\n\nTom Hale’s plan was “only a coat of paint on rust,” in her view.",
			[]brief{one("Ana Ruiz", "The bridge is safe"), one("Ana Ruiz", "only a coat of paint on rust")}},
		{"subject: a name and its auxiliary opening the sentence", "“The bridge is safe,” said Ana Ruiz.\n\nTom Hale is promising to “tear it down and start over” by spring.",
			[]brief{one("Ana Ruiz", "The bridge is safe"), one("Tom Hale", "tear it down and start over")}},
		{"signed: a dash and a name after the quotation", "“We will not close the mill and we will not sell it.” – Ana Ruiz, Dover",
			[]brief{one("Ana Ruiz", "We will not close the mill and we will not sell it.")}},
		{"signed: a dash and a name opening the next paragraph", "“The fees went up four times in two years.”\n\n- Tom Hale.\n\nThe figure is right.",
			[]brief{one("Tom Hale", "The fees went up four times in two years.")}},
		{"signed: a dash before a clause is no signature", "“The fees went up four times in two years.” – Tom Hale checked the figure later.",
			[]brief{one("", "The fees went up four times in two years.")}},
		{"name: a state after the town of an opening phrase is no subject", "In Dover, New Hampshire, Ana Ruiz went after Hale, calling him “a total stiff.”",
			[]brief{one("Ana Ruiz", "a total stiff.")}},
		{"cue: remembered, reacted and exhorted report words", "“We will not close the mill,” remembered Ana Ruiz, the mayor. “Then close it,” reacted Tom Hale.",
			[]brief{one("Ana Ruiz", "We will not close the mill"), one("Tom Hale", "Then close it")}},
		{"cue: what a document reads is the document's", "The flyer reads: “Save the mill before the county sells it.”",
			[]brief{one("The flyer", "Save the mill before the county sells it.")}},
		{"cue: any past tense after a pronoun right after the quotation", "“The bridge is safe,” said Tom Hale.\n\nAna Ruiz opened the meeting. “People are afraid of wasting their votes,” she surmised.",
			[]brief{one("Tom Hale", "The bridge is safe"), one("Ana Ruiz", "People are afraid of wasting their votes")}},
		{"cue: any past tense after a name right after the quotation", "“The bridge is safe,” said Tom Hale. “We are not done with it yet,” Ana Ruiz smirked.",
			[]brief{one("Tom Hale", "The bridge is safe"), one("Ana Ruiz", "We are not done with it yet")}},
		{"description: a role 'to' someone keeps whose role it is", "“We have work to do,” said a longtime adviser to Ana Ruiz. “It is serious,” said a source close to the campaign.",
			[]brief{one("a longtime adviser to Ana Ruiz", "We have work to do"), one("a source close to the campaign", "It is serious")}},
		{"description: a role 'to' a name before the verb is the speaker, not the name", "“We have work to do,” a longtime adviser to Ana Ruiz said.",
			[]brief{one("a longtime adviser to Ana Ruiz", "We have work to do")}},
		// Junk words as the speaker.
		{"junk: a question word opens no name", "Does Tom Hale have the votes? “I counted twice,” he said.",
			[]brief{one("Tom Hale", "I counted twice")}},
		{"junk: a headline in title case ends the name", "Ana B. Ruiz On Why The Levee Broke\n\nThe engineer spoke for an hour. “We warned everyone,” she said.",
			[]brief{one("Ana B. Ruiz", "We warned everyone")}},
		// Short attributed fragments.
		{"short: a verb that judges another's words attributes a fragment to its subject", "Judge Ana Ruiz implied the board was “hostile” to the plan.",
			[]brief{one("Ana Ruiz", "hostile")}},
		{"short: a verb of talking attributes a fragment", "Tom Hale talks about “fixing the roof” and the crowd cheers.",
			[]brief{one("Tom Hale", "fixing the roof")}},
		{"short: after an article, what a speech verb reports", "Tom Hale said this was a “new” demand on the county.",
			[]brief{one("Tom Hale", "new")}},
		{"short: a naming verb's modifier stays a scare quote", "Tom Hale ran on what he called a “fresh start” agenda.", nil},
		{"short: a noun like praise is no verb of judging", "The coach had won “praise” for the new schedule.", nil},
		{"junk: a time between the subject and its verb", "Ana Ruiz, who has in the past described Hale as “a narcissist,” spoke first.",
			[]brief{one("Ana Ruiz", "a narcissist")}},
		{"name: a bracketed party tag before a comma", "Tuesday at the university, Gov. Ana Ruiz (R-OH), said, “We are ready to rent a wagon.”",
			[]brief{one("Ana Ruiz", "We are ready to rent a wagon.")}},
		{"name: the one who issued a statement speaks its words", "The mayor’s office released a statement saying “the count is final.” Ana Ruiz sent a letter saying “we object.”",
			[]brief{one("The mayor’s office", "the count is final."), one("Ana Ruiz", "we object.")}},
		{"junk: a number opens no name", "Eleven groups signed a letter to the board, calling the plan “reckless.”",
			[]brief{one("", "reckless.")}},
		{"short: a nickname inside a name is no quotation", "Gov. C.L. “Butch” Otter spoke for an hour and said the plan was “dead.”",
			[]brief{one("Otter", "dead.")}},
		// Pronouns as a reporter reads them.
		{"pronoun: a sentence adverb opens no name", "Tom Hale spoke first. Dan Ruiz chaired the meeting. Instead Ana Ruiz waited.\n\n“We wait,” she said.",
			[]brief{one("Ana Ruiz", "We wait")}},
		{"pronoun: the sentence's subject before the subject it reports", "Lou Pike, a retired welder, said Dan Ruiz should be ready for hard questions. He came to the rally anyway.\n\n“I ask my wife whether she is ready,” he said.",
			[]brief{one("Lou Pike", "I ask my wife whether she is ready")}},
		{"pronoun: an age marks a person", "Dan Ruiz chaired the meeting. Odo Pike, 49, a retired welder, came to the rally anyway.\n\n“I ask my wife whether she is ready,” he said.",
			[]brief{one("Odo Pike", "I ask my wife whether she is ready")}},
		{"pronoun: learned from what a name said", "Kiri Vance said she would appeal. Sami Osei said he would not.\n\n“We lost the count, not the argument,” she said.",
			[]brief{one("Kiri Vance", "We lost the count, not the argument")}},
		{"pronoun: the one told is no subject", "Oona Brand, the former county chair, told Gus Marr, who runs the county paper, that she would vote no.\n\n“I am ashamed of this deal,” she said.",
			[]brief{one("Oona Brand", "I am ashamed of this deal")}},
		{"pronoun: an outlet is no person", "Kiri Vance spoke at the mill. Dover Valley Weekly printed the speech in full.\n\n“We will not move,” she said.",
			[]brief{one("Kiri Vance", "We will not move")}},
		{"pronoun: 'Another' opens no name", "Kiri Vance spoke at the mill. Another Dover resident agreed.\n\n“We will not move,” she said.",
			[]brief{one("Kiri Vance", "We will not move")}},
		{"pronoun: a place is no person", "Tori Vance spoke to farmers. New Jersey, a coastal state, took the speech badly.\n\n“We will fight this in court,” she said.",
			[]brief{one("Tori Vance", "We will fight this in court")}},
	}
	for _, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			got := briefs(Quotes(tt.text))
			if len(got) == 0 && len(tt.want) == 0 {
				return
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Quotes(%q)\n got  %+v\n want %+v", tt.text, got, tt.want)
			}
		})
	}
}
