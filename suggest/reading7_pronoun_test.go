package suggest

import (
	"testing"
)

// TestReadingRulesSevenPronouns covers the pronoun rules of issue 20's
// seventh round, on sentences written here: each case but the guards
// fails on the sixth round's code.
func TestReadingRulesSevenPronouns(t *testing.T) {
	tests := []reading{
		{"bracket: a name and its bracket, then a verb, is a subject",
			"“We will win,” said Dan Pike.\n\nTom Hale (a Whig) led the party for years.\n\nIn a 1963 speech, he declared: “We draw the line today.”",
			[]brief{one("Dan Pike", "We will win"), one("Tom Hale", "We draw the line today.")}},
		{"bracket: a name whose verb past a bracket and an apposition is said speaks",
			"“We will win,” said Dan Pike.\n\nRep. Bex M. Orlan (D-Ore.), a delegate backing Ruiz, said he has spoken with many delegates.\n\n“Most will stay,” he said.",
			[]brief{one("Dan Pike", "We will win"), one("Bex M. Orlan", "Most will stay")}},
		{"name-like: a word capitalised only where it opens a sentence is no last speaker for he",
			"“We will win,” said Dan Pike.\n\nAudiences can expect him to play with “a little more noise than they are used to.”\n\n“It is from the heart,” he said.",
			[]brief{one("Dan Pike", "We will win"), one("Audiences", "a little more noise than they are used to."), one("Dan Pike", "It is from the heart")}},
		{"adverb: also between the subject and its verb, and a name before during is an object",
			"“We will win,” said Ana Ruiz.\n\nDan Pike also attacked Tom Hale and Lou Marr during the rally.\n\nHe said that Hale is “weak.”",
			[]brief{one("Ana Ruiz", "We will win"), one("Dan Pike", "weak.")}},
		{"adverb: then between the subject and its verb",
			"“We will win,” said Tom Hale.\n\nDan Pike then addressed the crowd, stating the count was fair.\n\n“We do take it seriously,” he added.",
			[]brief{one("Tom Hale", "We will win"), one("Dan Pike", "We do take it seriously")}},
		{"determiner: the determiner that opens the subject's words",
			"“We will win,” said Tom Hale.\n\nThere, the district GOP Chairman Chuck Orlan declined to name the delegates. The district saw 30 applicants, which he said were split.\n\n“The mayor has his share of support,” he said.",
			[]brief{one("Tom Hale", "We will win"), one("Chuck Orlan", "The mayor has his share of support")}},
		{"own sentence: the name that speaks before the subject of what it reports",
			"“We will win,” said Tom Hale.\n\nIn a memo released Tuesday, campaign manager Rob Kessel acknowledged that Hale and Dan Pike had split the first two contests, which is an outcome, he said, “we have long expected.”",
			[]brief{one("Tom Hale", "We will win"), one("Rob Kessel", "we have long expected.")}},
		{"it: the organisation that is the subject of the sentence before",
			"“Costs will rise,” the report said.\n\nThe Dover Herald noted that Tom Hale rode with Dan Pike. The Herald reported that Pike was gathering material. It added, “the visit was brief.”",
			[]brief{one("the report", "Costs will rise"), one("The Herald", "the visit was brief.")}},
		{"surname: an organisation's name that ends in a surname is not the person",
			"“We will win,” said Tom Hale.\n\nThe Coalition Against Hale held a rally.\n\nHale, the longtime owner of the mill, said in an interview that fairs are dull.\n\n“It is very important to have a show,” he said.",
			[]brief{one("Tom Hale", "We will win"), one("Tom Hale", "It is very important to have a show")}},
		{"titled surname: a surname given after a personal title is a person of the recent sentences",
			"“We will win,” said Tom Hale, an aide.\n\nPresident Orlan has faced criticism for his threats.\n\n“It is fine,” said Hale.\n\nOrlan departs for Bonn today, where he will meet the chancellor.\n\n“It will not happen soon,” he warned.",
			[]brief{one("Tom Hale", "We will win"), one("Tom Hale", "It is fine"), one("Orlan", "It will not happen soon")}},
		{"there's: a person brought in on their own is a subject",
			"“We will win,” said Tom Hale.\n\nDan Pike has praised Hale.\n\nThen there's Lou Marr.\n\n“It is bewildering,” he wrote.",
			[]brief{one("Tom Hale", "We will win"), one("Lou Marr", "It is bewildering")}},
		{"possessor: a possessor that opens the pronoun's sentence is its topic",
			"“We will win,” said Lena Pike of the watch group.\n\nAna Ruiz's fate is still unclear, but she said last week that she would govern. “I will be above the board,” she said.",
			[]brief{one("Lena Pike", "We will win"), one("Ana Ruiz", "I will be above the board")}},
		{"possessor: a possessor that opens the sentence before is its topic",
			"“We will win,” said Tom Hale.\n\nDan Pike's column also attacked Hale by accusing him of greed. He calls Hale's plan “the most cynical move of the year.”",
			[]brief{one("Tom Hale", "We will win"), one("Dan Pike", "the most cynical move of the year.")}},
		{"guard: a surname that the text gives in full stays the person's",
			"“We will win,” said Tom Hale.\n\nHale spoke for an hour.\n\n“It is hard,” he said.",
			[]brief{one("Tom Hale", "We will win"), one("Tom Hale", "It is hard")}},
		{"guard: it stays the document that spoke when no organisation is a subject since",
			"“Costs will rise,” the report said. It added, “Fares will rise too.”",
			[]brief{one("the report", "Costs will rise"), one("the report", "Fares will rise too.")}},
		{"guard: a possessor inside the sentence is no topic",
			"“We will win,” said Lena Pike.\n\nThe vote went to Ana Ruiz's rival, and Pike said it was fair.\n\n“It was close,” she said.",
			[]brief{one("Lena Pike", "We will win"), one("Lena Pike", "It was close")}},
	}
	checkReadings(t, tests)
}
