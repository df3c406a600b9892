package suggest

import (
	"testing"
)

// TestReadingRulesFour covers the rules of issue 20's fourth round, one
// failure kind each, on sentences written here.
func TestReadingRulesFour(t *testing.T) {
	tests := []reading{
		{"pronoun: she passes over a man by his first name", "Gwendolyn Arch chaired the hearing. Desmond Oyelaran spoke to the farmers.\n\n“We will not move,” she said.",
			[]brief{one("Gwendolyn Arch", "We will not move")}},
		{"pronoun: he passes over a woman by her first name", "Desmond Oyelaran chaired the hearing. Gwendolyn Arch spoke to the farmers.\n\n“We will not move,” he said.",
			[]brief{one("Desmond Oyelaran", "We will not move")}},
		{"subject: a name, an auxiliary and a verb that takes the quotation", "Tom Hale spoke first.\n\nMayoral candidate Gwen Arch is insisting that she has “doubled the membership.”",
			[]brief{one("Gwen Arch", "doubled the membership.")}},
		{"subject: a name, an auxiliary and an adverb before the verb", "Tom Hale spoke first.\n\nGwen Arch has also been claiming that the mill will “come back.”",
			[]brief{one("Gwen Arch", "come back.")}},
		{"subject: a party tag in brackets between the name and its verb", "Tom Hale spoke first.\n\nSen. Gwen Arch (D-Ore.) defended her rival on Sunday, saying she would be “far better” than the others.",
			[]brief{one("Gwen Arch", "far better")}},
		{"colon: a party tag in brackets before the colon", "Tom Hale spoke first.\n\nRep. Gwen Arch (D-Ore.): “The ferry schedule was never posted at the dock.”",
			[]brief{one("Gwen Arch", "The ferry schedule was never posted at the dock.")}},
		{"colon: words between a capitalised word and the name belong to it", "Tom Hale spoke first.\n\nRepublican county nominee Gwen Arch issued the following statement: “The levee held, and the town owes its crews a debt.”",
			[]brief{one("Gwen Arch", "The levee held, and the town owes its crews a debt.")}},
		{"pronoun: a long name with a first name in it is a person", "Tom Hale spoke first.\n\nBack home, the reaction was fierce.\n\nRepublican Gwendolyn Todd Arch, the former county judge and water board administrator, told the Dover Ledger last week she would rather vote for Hale.\n\n“This deal embarrasses the county,” she said.",
			[]brief{one("Republican Gwendolyn Todd Arch", "This deal embarrasses the county")}},
		{"pronoun: a name after a title's own 'of' is a person", "Tom Hale spoke first.\n\nBut the other candidate on the stage, former Secretary of State Gwen Arch, drew a contrast, saying that the losses were real.\n\n“The engineers measured the span twice,” she said.",
			[]brief{one("Gwen Arch", "The engineers measured the span twice")}},
		{"subject: a one-word name and its verb right before the quotation", "“We will win,” said Tom Hale.\n\nArch supports “a longer school year,” opposes “smaller class sizes” and recalled the last freeze: “Teachers told me the rooms were too hot.”",
			[]brief{one("Tom Hale", "We will win"), one("Arch", "a longer school year"), one("Arch", "smaller class sizes"), one("Arch", "Teachers told me the rooms were too hot.")}},
		{"subject: a party tag in brackets, then an apposition, then the verb", "“We will win,” said Tom Hale.\n\nSen. Gwen Arch (R-Tex.), a candidate for governor, said the vote was close. “Dover: the vote on the quarry comes in March.”",
			[]brief{one("Tom Hale", "We will win"), one("Gwen Arch", "Dover: the vote on the quarry comes in March.")}},
		{"subject: an apposition between the opening name and its verb", "“We will win,” said Tom Hale.\n\nGwen Arch, the former county judge, proposed we “sell the quarry and pave the lane.”",
			[]brief{one("Tom Hale", "We will win"), one("Gwen Arch", "sell the quarry and pave the lane.")}},
		{"with: a name after 'with' is the subject of its participle", "“We will win,” said Tom Hale.\n\nThe council was quick to react, with Gwen Arch tweeting that it was a “windfall” for Hale.",
			[]brief{one("Tom Hale", "We will win"), one("Gwen Arch", "windfall")}},
		{"with: the participle's name, not an earlier cue's subject", "“We will win,” said Tom Hale.\n\nHale pointed out the lack of detail, with Sen. Gwen Arch calling it a “grab bag.”",
			[]brief{one("Tom Hale", "We will win"), one("Gwen Arch", "grab bag.")}},
		{"subject: a relative clause that runs to the verb without a comma", "“We will win,” said Tom Hale.\n\n“The late ballots lean toward the river towns,” Gwen Arch, the polling guru who founded the county site tweeted on Wednesday.",
			[]brief{one("Tom Hale", "We will win"), one("Gwen Arch", "The late ballots lean toward the river towns")}},
		{"subject: 'both' and a plural set off by commas after a pair of names", "“We will win,” said Tom Hale.\n\n“The ruling leaves the county without a map,” state Senate leader Gwen Arch and House Speaker Dan Ruiz, both Republicans, said in a statement.",
			[]brief{one("Tom Hale", "We will win"), one("Dan Ruiz", "The ruling leaves the county without a map")}},
		{"name: a surname that is also an auxiliary, right after the closing mark", "“We will win,” said Tom Hale.\n\n“The ferry fares will rise before the fall,” Will wrote.",
			[]brief{one("Tom Hale", "We will win"), one("Will", "The ferry fares will rise before the fall")}},
		{"name: a surname that is also a preposition, right after the closing mark", "“We will win,” said Tom Hale.\n\n“The mill whistle has not blown since spring,” From said.",
			[]brief{one("Tom Hale", "We will win"), one("From", "The mill whistle has not blown since spring")}},
		{"name: a pronoun after the closing mark stays a pronoun", "Gwen Arch spoke first.\n\n“The mill whistle has not blown since spring,” She said.",
			[]brief{one("Gwen Arch", "The mill whistle has not blown since spring")}},
		{"name: an auxiliary inside a name before the verb is the surname", "“We will win,” said Tom Hale.\n\n“The ferry fares will rise before the fall,” columnist Gwen Will wrote.",
			[]brief{one("Tom Hale", "We will win"), one("Gwen Will", "The ferry fares will rise before the fall")}},
		{"name: a function word inside an inverted name is the surname", "“We will win,” said Tom Hale.\n\n“The ferry fares will rise,” said Dan From, who founded the council.",
			[]brief{one("Tom Hale", "We will win"), one("Dan From", "The ferry fares will rise")}},
	}
	checkReadings(t, tests)
}
