package suggest

import (
	"testing"
)

// TestReadingRulesFive covers the rules of issue 20's fifth round, one
// failure kind each, on sentences written here.
func TestReadingRulesFive(t *testing.T) {
	tests := []reading{
		{"of: a person and the state he serves, before the verb", "“We will win,” said Tom Hale.\n\n“The ferry fares will rise,” House Speaker Dan Ruiz of Oregon said.",
			[]brief{one("Tom Hale", "We will win"), one("Dan Ruiz", "The ferry fares will rise")}},
		{"of: a middle initial in the name", "“We will win,” said Tom Hale.\n\n“The ferry fares will rise,” Dan D. Ruiz of Oregon said.",
			[]brief{one("Tom Hale", "We will win"), one("Dan D. Ruiz", "The ferry fares will rise")}},
		{"of: initials for a first name", "“We will win,” said Tom Hale.\n\n“The ferry fares will rise,” Council chairman D.K. Ruiz of North Dakota said.",
			[]brief{one("Tom Hale", "We will win"), one("D.K. Ruiz", "The ferry fares will rise")}},
		{"of: an organisation with 'for' in its name", "“We will win,” said Tom Hale.\n\n“The ferry fares will rise,” Gwen Arch of the Ansel Dory Center for Harbor Studies wrote.",
			[]brief{one("Tom Hale", "We will win"), one("Gwen Arch", "The ferry fares will rise")}},
		{"of: an organisation with 'for' and 'and' in its name", "“We will win,” said Tom Hale.\n\n“The ferry fares will rise,” Gwen Arch of the Institute for Harbor and River Studies wrote.",
			[]brief{one("Tom Hale", "We will win"), one("Gwen Arch", "The ferry fares will rise")}},
		{"of: the sentence's subject and the quotation after its verb", "“We will win,” said Tom Hale.\n\nDan Ruiz of Oregon lamented the “sorry” state of the lane.",
			[]brief{one("Tom Hale", "We will win"), one("Dan Ruiz", "sorry")}},
		{"adjective: a capitalised adjective opening the subject is no name", "“We will win,” said Tom Hale.\n\nFederal mill workers considered the fares “far too high.”",
			[]brief{one("Tom Hale", "We will win"), one("Federal mill workers", "far too high.")}},
		{"adjective: a capitalised adjective and a plural before a present-tense verb", "“We will win,” said Tom Hale.\n\nCorporate lobbyists describe the fares as “far too high.”",
			[]brief{one("Tom Hale", "We will win"), one("Corporate lobbyists", "far too high.")}},
		{"adjective: guard, a name and a verb in -s before the quotation", "“We will win,” said Tom Hale.\n\nArch supports “a longer school year.”",
			[]brief{one("Tom Hale", "We will win"), one("Arch", "a longer school year.")}},
		{"apposition: an acronym in brackets ends the apposition before the verb", "“We will win,” said Tom Hale.\n\n“We are worried about the fares,” Gwen Arch, the Federal Commissioner for Harbors (FCH), said.",
			[]brief{one("Tom Hale", "We will win"), one("Gwen Arch", "We are worried about the fares")}},
		{"apposition: the same before a quotation after the verb's clause", "“We will win,” said Tom Hale.\n\nGwen Arch, the Federal Commissioner for Harbors (FCH), reacted coldly to the deal, “We are worried about the fares.”",
			[]brief{one("Tom Hale", "We will win"), one("Gwen Arch", "We are worried about the fares.")}},
		{"opening: a word that orders the points is no name", "“We will win,” said Tom Hale.\n\nFirst, Dan Ruiz attacked the board for being a “failed board.”",
			[]brief{one("Tom Hale", "We will win"), one("Dan Ruiz", "failed board.")}},
		{"pair: two names as the sentence's subject", "“We will win,” said Tom Hale.\n\nDan Ruiz and Gwen Arch issued a statement describing the deal as a “very good step.”",
			[]brief{one("Tom Hale", "We will win"), one("Gwen Arch", "very good step.")}},
		{"pair: two surnames as the sentence's subject", "“We will win,” said Tom Hale.\n\nRuiz and Arch issued a statement describing the deal as a “very good step.”",
			[]brief{one("Tom Hale", "We will win"), one("Arch", "very good step.")}},
		{"pair: guard, two groups in -s are no pair of names", "“We will win,” said Tom Hale.\n\nDemocrats and Republicans issued a statement describing the deal as a “very good step.”",
			[]brief{one("Tom Hale", "We will win"), one("Tom Hale", "very good step.")}},
	}
	checkReadings(t, tests)
}
