package suggest

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	counterpoint "github.com/counterpoint-news/counterpoint"
)

// brief is what a test expects of one suggestion: its parts' words and speaker.
type brief struct {
	parts   []string
	speaker string
}

func briefs(qs []Quote) []brief {
	out := make([]brief, 0, len(qs))
	for _, q := range qs {
		b := brief{speaker: q.Speaker}
		for _, p := range q.Parts {
			b.parts = append(b.parts, p.Text)
		}
		out = append(out, b)
	}
	return out
}

func one(speaker string, parts ...string) brief { return brief{parts: parts, speaker: speaker} }

// reading is a case of a reading rule: the text, and the quotes with their
// speakers that a reader takes from it.
type reading struct {
	kind string
	text string
	want []brief
}

// checkReadings runs each reading as a subtest of t.
func checkReadings(t *testing.T, tests []reading) {
	t.Helper()
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

func TestQuotes(t *testing.T) {
	tests := []reading{
		{"curly, said after", "“We will win,” said Ana Ruiz.", []brief{one("Ana Ruiz", "We will win")}},
		{"straight marks", `"We will win," Ana Ruiz said.`, []brief{one("Ana Ruiz", "We will win")}},
		{"apostrophes are not marks", "“Don’t worry, it’s Ruiz’s call,” said Tom Hale.", []brief{one("Tom Hale", "Don’t worry, it’s Ruiz’s call")}},
		{"nested single marks stay inside", "“He told me, ‘Go home.’ So I did,” said Tom Hale.", []brief{one("Tom Hale", "He told me, ‘Go home.’ So I did")}},
		{"interrupted quote kept together", "Ms. Ana Ruiz spoke. “The plan,” she said, “is dead.”",
			[]brief{one("Ana Ruiz", "The plan", "is dead.")}},
		{"question then bare tag joins", "Tom Hale wrote back. “Really?” he wrote. “Nobody believes that.”",
			[]brief{one("Tom Hale", "Really?", "Nobody believes that.")}},
		{"a second tag keeps them apart", "“Yes,” said Tom Hale. “No,” said Ana Ruiz.",
			[]brief{one("Tom Hale", "Yes"), one("Ana Ruiz", "No")}},
		{"pronoun to the last named person", "Mayor Ana Ruiz spoke first. “We are ready for the storm,” she said.",
			[]brief{one("Ana Ruiz", "We are ready for the storm")}},
		{"surname to the full name", "Chief Tom B. Hale arrived late.\n\n“Traffic was terrible on the bridge,” Hale said.",
			[]brief{one("Tom B. Hale", "Traffic was terrible on the bridge")}},
		{"the official refers back", "“It is over,” said a senior defense official. Later, “we move on,” the official said.",
			[]brief{one("a senior defense official", "It is over"), one("a senior defense official", "we move on")}},
		{"according to", "The budget will fall by a third, according to a draft memo, which calls it “a necessary correction to years of growth.”",
			[]brief{one("a draft memo", "a necessary correction to years of growth.")}},
		{"colon after a name", "Tom Hale: “We are done here today.”", []brief{one("Tom Hale", "We are done here today.")}},
		{"quote across paragraphs", "“The first part runs on.\n\n“And the second ends it,” said Tom Hale.",
			[]brief{one("Tom Hale", "The first part runs on.", "And the second ends it")}},
		{"quote across a line break", "Intro line.\n\n“The words run\nover a soft wrap,” said Tom Hale.",
			[]brief{one("Tom Hale", "The words run\nover a soft wrap")}},
		{"unclosed at the paragraph end", "Tom Hale said it was over. “We lost and we know it\n\nNext paragraph.",
			[]brief{one("Tom Hale", "We lost and we know it")}},
		{"same words twice", "“Not again,” said Tom Hale. Later: “Not again,” he said.",
			[]brief{one("Tom Hale", "Not again"), one("Tom Hale", "Not again")}},
		{"scare quote", "The so-called “going dark” problem worries the agency.", nil},
		{"title", "She wrote a report, “The Long Road Home,” last year.", nil},
		{"short with no cue", "The mood was “tense” all day.", nil},
		// Single marks at the top level are not a quotation by the domain's
		// rule (the API refuses them as DIRECT), so they are not suggested.
		{"british single marks", "Ana Ruiz said the offer was ‘a pay cut dressed up as a rise’.", nil},
		{"a headline's single marks", "Ana Ruiz: ‘The drivers’ union will not sign this deal’", nil},
		// Issue 20: speakers as a reporter reads them (sentences written here).
		{"she is the subject, not the man named last", "Senator Ruth Calder said on Monday that the plan had failed. She criticized Governor Tom Ellery for the delay. “We were promised a bridge,” she said.",
			[]brief{one("Ruth Calder", "We were promised a bridge")}},
		{"he is the sentence's subject, not the object named last", "Dan Osei spent the week defending the budget against Pablo Ferrer. “It is a fair plan,” he said.",
			[]brief{one("Dan Osei", "It is a fair plan")}},
		{"a clause ending in a colon introduces its subject's words", "Mara Velt pressed on with her case: “Nobody here voted for a toll road.”",
			[]brief{one("Mara Velt", "Nobody here voted for a toll road.")}},
		{"a one-word fragment the sentence attributes", "Lena Ortiz accused the board of “stonewalling” the families.",
			[]brief{one("Lena Ortiz", "stonewalling")}},
		{"a capitalised cue word is a name, not a cue", "Polls across the United States “point one way,” Ruth Amsel said.",
			[]brief{one("Ruth Amsel", "point one way")}},
		{"a name across appositions with a place", "Ann Bray, a nurse from Dover, Delaware, said the clinic was “always full.”",
			[]brief{one("Ann Bray", "always full.")}},
		{"a name across a long relative clause", "Ivo Lund, who ran the campaign's field office in three states until last spring, said, “We never had the money.”",
			[]brief{one("Ivo Lund", "We never had the money.")}},
		{"the object of the cue is not its speaker", "Pia Rand described his budget skills as “thin at best.”",
			[]brief{one("Pia Rand", "thin at best.")}},
		{"a name, then a description set off by commas", "“Rates will fall,” Ana Ruiz, the county's chief planner, said.",
			[]brief{one("Ana Ruiz", "Rates will fall")}},
		{"a participle cue gives the sentence's subject", "Pol Avery went on the attack, calling the plan “a gift to landlords.”",
			[]brief{one("Pol Avery", "a gift to landlords.")}},
		{"a verb of thanks gives its subject", "Dina Mohr thanked the volunteers for “showing up when nobody else did.”",
			[]brief{one("Dina Mohr", "showing up when nobody else did.")}},
		{"a place after a town is not the speaker", "“Nobody asked us,” a farmer in Alder, Montana, told reporters.",
			[]brief{one("a farmer", "Nobody asked us")}},
		{"an indefinite phrase in capitals stays a description", "A Nebraska Democrat said the race was “wide open.”",
			[]brief{one("A Nebraska Democrat", "wide open.")}},
		{"a role as the subject of a participle cue", "The Ohio senator struck back, saying the bill was “dead on arrival.”",
			[]brief{one("The Ohio senator", "dead on arrival.")}},
		{"he is the last speaker, named after the sentence's subject", "Mayor Ted Quill defended the levy on Monday. “It pays for the schools,” said Alan Brody, a housing analyst. “Without it the district fails,” he said.",
			[]brief{one("Alan Brody", "It pays for the schools"), one("Alan Brody", "Without it the district fails")}},
		{"she passes over capitalised words that are no person", "The fund hired Sara Voss last year, and clients of Blue Harbor Trust complained. “We did nothing wrong,” she said.",
			[]brief{one("Sara Voss", "We did nothing wrong")}},
		{"a short quotation after an article, then a conjunction", "Ada Quist called the merger a “mistake” unless the plant stays open.",
			[]brief{one("Ada Quist", "mistake")}},
		{"a short quotation that ends its sentence", "Tom Reyes tweeted that the plan is a “boondoggle.” The city did not respond.",
			[]brief{one("Tom Reyes", "boondoggle.")}},
		{"a short quotation before a preposition", "Nell Ortega vows that the bridge will be an “urgent case” for her office.",
			[]brief{one("Nell Ortega", "urgent case")}},
		{"role words between a description and the name", "Democratic presidential hopeful Lou Barnes urges voters to “stay home” on Tuesday.",
			[]brief{one("Lou Barnes", "stay home")}},
		{"an adverb between the subject and the cue", "Rita Chen now says the levy was “a mistake from the start.”",
			[]brief{one("Rita Chen", "a mistake from the start.")}},
		{"he is a one-word name that spoke last", "The board thanked Walter Ruiz. Later, Pruitt grumbled at the hosts. “Frankly,” he continued, “the pipes are older than I am.”",
			[]brief{one("Pruitt", "Frankly", "the pipes are older than I am.")}},
		{"he is the surname of a person named before", "Donald Ruiz spoke first, then the talks stalled. Ruiz himself was pleased. “We got what we wanted,” he said later.",
			[]brief{one("Donald Ruiz", "We got what we wanted")}},
		{"a party tag between the name and the cue", "“We are not done,” Sen. Ana Ruiz (D-Ore.) said Tuesday.",
			[]brief{one("Ana Ruiz", "We are not done")}},
		{"a question mark inside the quote does not end the sentence before its tag", "“Is that fair?” Ana Ruiz asked. The room went quiet.",
			[]brief{one("Ana Ruiz", "Is that fair?")}},
		{"an inverted cue after a comma, later in the sentence", "“The plant would run at half speed” if the grant falls through, said Hugo Marsh, an engineer.",
			[]brief{one("Hugo Marsh", "The plant would run at half speed")}},
		{"a name across an age, a town, a state and a relative clause", "Omar Pell, 41, of Tacoma, Wash., who was among those polled, said the wait was “far too long.”",
			[]brief{one("Omar Pell", "far too long.")}},
		{"a weekday is never the speaker", "Wednesday, Ada Quist said the vote was “a disgrace.”",
			[]brief{one("Ada Quist", "a disgrace.")}},
		{"a possessor is not the subject a pronoun takes", "Carl Olsen ran for mayor twice. Dan Okoro, Olsen's deputy chief of staff, said the count was on time. “We had every ballot by noon,” he said.",
			[]brief{one("Dan Okoro", "We had every ballot by noon")}},
		{"a subject with a person's apposition, over the last speaker", "“We will fight on,” said Tom Ruiz on Monday. Wes Arden, Ruiz's longtime adviser, suggested the repairs were finally on schedule. “The crews are back at work,” he told reporters.",
			[]brief{one("Tom Ruiz", "We will fight on"), one("Wes Arden", "The crews are back at work")}},
		{"a show's name after on is a title", "Ada Quist said on “Morning Report” that the plan was “dead on arrival.”",
			[]brief{one("Ada Quist", "dead on arrival.")}},
		{"a show's name after its outlet, even with a stop", "Ada Quist told WXYZ's “Night Desk.” that she would run.", nil},
		{"values inside markup", `<post id="88812" author="@adaquist">The plan is dead.</post>`, nil},
		{"a person's name that ends a clause before a colon", "The delay does not surprise water engineer Hana Obi: “Old mains fail in cold snaps.”",
			[]brief{one("Hana Obi", "Old mains fail in cold snaps.")}},
		{"an -ly adverb between subject and cue", "Asked about the levy, Ada Quist cautiously said it was “up to the council.”",
			[]brief{one("Ada Quist", "up to the council.")}},
		{"a cue word used as a noun is no cue", "Ana Ruiz said on Friday that his claims were “pure fiction.”",
			[]brief{one("Ana Ruiz", "pure fiction.")}},
		{"a state after a town without a comma before the verb", "Lena Pike of Dover, Delaware says the plan will “fail by spring.”",
			[]brief{one("Lena Pike", "fail by spring.")}},
		{"an opening phrase, then the subject of a participle cue; he is the last speaker", "Touring the plant in Dover, Dan Ruiz went after Tom Hale, calling him “asleep at the switch.”\n\nHe says, “The man never read a single inspection report…not one.”\n\nHe adds that Hale is “out of his depth.”",
			[]brief{one("Dan Ruiz", "asleep at the switch."), one("Dan Ruiz", "The man never read a single inspection report…not one."), one("Dan Ruiz", "out of his depth.")}},
		{"a possessor before a name is not part of it", "As the Courier's Ana Ruiz puts it, “The pumps come first.”",
			[]brief{one("Ana Ruiz", "The pumps come first.")}},
		{"more speech verbs", "“They could have fixed the valve in a day,” Tom Hale fumed on Tuesday.",
			[]brief{one("Tom Hale", "They could have fixed the valve in a day")}},
		{"he is the subject after role words", "Democratic council candidate Lou Barnes pledged Monday to go further than Mayor Tim Ortez on lead pipes.\n\n“We cannot wait,” he said.",
			[]brief{one("Lou Barnes", "We cannot wait")}},
		{"a family word tells the husband's pronoun", "Rita Vane, a retired teacher from Ames, said she would vote again. With her brother, Orrin Vane, a farmer, she has knocked on doors all month. “I am tired but happy,” she said.",
			[]brief{one("Rita Vane", "I am tired but happy")}},
		{"a bare quotation after a paragraph that says who speaks", "“The count is fine,” said Ana Ruiz.\n\nTom Hale told reporters the count was late.\n\n“We waited all night.”",
			[]brief{one("Ana Ruiz", "The count is fine"), one("Tom Hale", "We waited all night.")}},
		{"a cue word used as a noun after an article", "Ted Orr issued a blunt call for an audit of the utility, calling its books “a black box.”",
			[]brief{one("Ted Orr", "a black box.")}},
		{"a two-word cue: shot back", "Ana Ruiz shot back, “The rates went up twice.”",
			[]brief{one("Ana Ruiz", "The rates went up twice.")}},
		{"a two-word cue: pointed out", "Ana Ruiz pointed out that “every ward voted.”",
			[]brief{one("Ana Ruiz", "every ward voted.")}},
		{"a collective speaker", "The mayor read the names of the flooded streets. The crowd answered by quietly echoing “never again.”",
			[]brief{one("The crowd", "never again.")}},
		{"a document's words, inverted after read", "“Every household will get a filter,” read the notice. “Bring proof of address.”",
			[]brief{one("the notice", "Every household will get a filter", "Bring proof of address.")}},
		{"a modal between the subject and the cue", "The meeting ran so late that a spokesman for the mayor could only quip: “Bring a pillow next time.”",
			[]brief{one("a spokesman for the mayor", "Bring a pillow next time.")}},
		{"a quantity of people chanting", "Dozens of tenants gathered outside City Hall, chanting “Fix the heat.”",
			[]brief{one("Dozens of tenants", "Fix the heat.")}},
		{"a participle after a comma takes its clause's subject", "Governor Tom Ruiz has been criticized for the plan, though last week he used sharper words, saying the leak “must be fixed.”",
			[]brief{one("Tom Ruiz", "must be fixed.")}},
		{"a possessive is not a full name; a capital He after the mark starts a new sentence", "Jo Keller lost her home in the flood. Keller’s group now lobbies the county. Keller says, “We have to plan better.” She says the levee is “too low.”",
			[]brief{one("Jo Keller", "We have to plan better."), one("Jo Keller", "too low.")}},
		{"he is the last speaker even with no known pronoun", "“We are angry about the bills,” said Pruitt, who backed Mayor Tom Ruiz at first.\n\n“We will be heard,” he said.",
			[]brief{one("Pruitt", "We are angry about the bills"), one("Pruitt", "We will be heard")}},
		{"she is a one-name person a family word introduces", "Tom Ruiz spoke on Monday. His sister, Odile, spoke after him. She rarely gives speeches. At the plant she called him “stubborn.”",
			[]brief{one("Odile", "stubborn.")}},
		{"he is a surname alone that opens its sentence and acts", "Donald Ruiz chose the north route. Orr openly conceded that his choice was about cost. “The south route floods,” he said.\n\nVance dodged the question. “I will not choose,” he said.",
			[]brief{one("Orr", "The south route floods"), one("Vance", "I will not choose")}},
		{"Title Case right after a speech verb is speech", "Ada Quist said “The Regulars” had won again.",
			[]brief{one("Ada Quist", "The Regulars")}},
		{"a short quotation after a verb of belief", "Tom Hale believes in a budget that “adds up.”",
			[]brief{one("Tom Hale", "adds up.")}},
		{"a short quotation after a participle", "Dan Ruiz brushed the question aside by interjecting, “Only on weekends.”",
			[]brief{one("Dan Ruiz", "Only on weekends.")}},
		{"an inverted role and then the name", "“We count every week of March as one long deadline,” said Ruiz’s deputy budget director, Rich Bose, who ran last year's audit.",
			[]brief{one("Rich Bose", "We count every week of March as one long deadline")}},
		{"a name, then two descriptions; a pronoun after a comma and said is no inverted speaker", "Mark Hale, chairman of the board of Acme Water, the county's largest supplier, said it would bid only if “the terms are fair.”",
			[]brief{one("Mark Hale", "the terms are fair.")}},
		{"a name after an opening phrase, then a description", "In an interview, Pavel Orsk, a former plant manager, said Ana Ruiz “signed every order.”",
			[]brief{one("Pavel Orsk", "signed every order.")}},
		{"a participle after a thing speaks for the subject", "Ted Lin opened the hearing saying “of course” the pumps were old.",
			[]brief{one("Ted Lin", "of course")}},
		{"a product's name after its", "Orvo said its “Skylark” phone would ship in May.", nil},
		{"no speaker at all", "“Nobody knows what happens next in this town.”", []brief{one("", "Nobody knows what happens next in this town.")}},
		{"empty", "", nil},
		{"a lone mark", "He said “", nil},
	}
	checkReadings(t, tests)
}

// TestQuotesOffsets: ids, offsets and texts agree with the source, each
// occurrence of repeated words has its own offsets, and a single-paragraph
// curly part is a quotation by the loader's own rule.
func TestQuotesOffsets(t *testing.T) {
	text := "Intro — “Ça va,” said Zoë Brun. Later: “Ça va,” she said again, and “we go on today.”"
	qs := Quotes(text)
	if len(qs) != 3 {
		t.Fatalf("Quotes(%q) = %d quotes, want 3: %+v", text, len(qs), qs)
	}
	r := []rune(text)
	tx := counterpoint.NewText(text)
	for _, q := range qs {
		if want := fmt.Sprintf("q%d-%d", q.Start, q.End); q.ID != want {
			t.Errorf("id %q, want %q", q.ID, want)
		}
		for _, p := range q.Parts {
			if string(r[p.Start:p.End]) != p.Text {
				t.Errorf("part [%d, %d) holds %q, Text says %q", p.Start, p.End, string(r[p.Start:p.End]), p.Text)
			}
			if !tx.InsideQuotation(p.Start, p.End) {
				t.Errorf("part %q at [%d, %d) is not inside quotation marks by the loader's rule", p.Text, p.Start, p.End)
			}
		}
	}
	if qs[0].Start == qs[1].Start {
		t.Errorf("the same words twice share offsets %d", qs[0].Start)
	}
	if qs[2].Speaker != "Zoë Brun" {
		t.Errorf("third quote's speaker %q, want %q (carried on in its paragraph)", qs[2].Speaker, "Zoë Brun")
	}
}

func TestCounterHints(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		signals []string
	}{
		{"took issue with", "“The river is clean,” said Tom Hale. Ana Ruiz took issue with that. “It is not,” she said.", []string{"took issue with"}},
		{"negated is no counter", "Ana Ruiz did not dispute the figures.", nil},
		{"but with another speaker", "“The river is clean,” said Tom Hale. But Ana Ruiz said the tests were old.", []string{"But … said"}},
		{"but with the same speaker", "“The river is clean,” said Tom Hale. But “we keep testing,” Hale said.", nil},
		{"ranked by weight", "“Fine,” said Tom Hale. But Ana Ruiz said no. Later Ana Ruiz disputed the figures.", []string{"disputed", "But … said"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs := Quotes(tt.text)
			hs := CounterHints(tt.text, qs)
			var got []string
			for i, h := range hs {
				got = append(got, h.Signal)
				if h.Rank != i+1 {
					t.Errorf("hint %d has rank %d", i, h.Rank)
				}
				if s := string([]rune(tt.text)[h.Span.Start:h.Span.End]); s != h.Span.Text {
					t.Errorf("hint span holds %q, says %q", s, h.Span.Text)
				}
			}
			if !reflect.DeepEqual(got, tt.signals) {
				t.Errorf("CounterHints(%q) signals %q, want %q", tt.text, got, tt.signals)
			}
		})
	}
	// The hint names the quote that carries the counter and its likely target.
	text := "“The river is clean,” said Tom Hale. Ana Ruiz took issue with that. “It is not,” she said."
	qs := Quotes(text)
	hs := CounterHints(text, qs)
	if len(hs) != 1 || len(qs) != 2 || !reflect.DeepEqual(hs[0].Quotes, []string{qs[1].ID}) || hs[0].Target != qs[0].ID {
		t.Errorf("CounterHints(%q) = %+v, want quotes [%s] and target %s", text, hs, qs[1].ID, qs[0].ID)
	}
}

// bigText is a news-style text of about n words, for the benchmark.
func bigText(n int) string {
	paras := []string{
		"“The encryption question will not go away,” said Ana Ruiz, a senior adviser, who spoke on the record. “We have to answer it this year.”",
		"Tom B. Hale took issue with that. “Nobody is asking for a back door,” he said, “only for a front door with a lock.”",
		"The official said the plan was “a snapshot at a point in time” and that the so-called “going dark” problem was real.",
		"But critics said the draft paper, which was obtained by reporters, left out the costs. According to a second official, the paper “does not settle anything.”",
	}
	var b strings.Builder
	words := 0
	for i := 0; words < n; i++ {
		p := paras[i%len(paras)]
		b.WriteString(p)
		b.WriteString("\n\n")
		words += len(strings.Fields(p))
	}
	return b.String()
}

// BenchmarkSuggest: the whole pass (quotes and counter hints) over a text of
// 10,000 words; the goal is under 100 ms.
func BenchmarkSuggest(b *testing.B) {
	text := bigText(10000)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		qs := Quotes(text)
		_ = CounterHints(text, qs)
	}
	b.ReportMetric(float64(len(strings.Fields(text))), "words")
}

// FuzzQuotes: on any text the pass does not panic, is deterministic, and
// its ids, offsets, parts and hint spans agree with the text.
//
//	go test ./suggest -run '^$' -fuzz FuzzQuotes -fuzztime 10m
func FuzzQuotes(f *testing.F) {
	f.Add("“We will win,” said Ana Ruiz.")
	f.Add("“A,” he said, “b.”\n\n“C\n\n“d.”")
	f.Add(`"x" 'y' ‘z’ don’t`)
	// The adversarial shapes (TestLinear), a few units each, so that the
	// fuzzer mutates from the texts that once made the pass quadratic.
	for _, sh := range adversarialShapes {
		f.Add(strings.Repeat(sh.unit, 40))
	}
	f.Fuzz(checkSuggestions)
}

// TestFuzzFindings: inputs the fuzzer found, kept as regular tests.
func TestFuzzFindings(t *testing.T) {
	for _, text := range []string{
		"‘The sAid \"00", // a one-word "the" as the speaker's words: slicing panicked
	} {
		t.Run(text, func(t *testing.T) { checkSuggestions(t, text) })
	}
}

// checkSuggestions: the pass does not panic, is deterministic, and its ids,
// offsets, parts and hint spans agree with the text.
func checkSuggestions(t *testing.T, text string) {

	if !utf8.ValidString(text) {
		return
	}
	qs := Quotes(text)
	r := []rune(text)
	tx := counterpoint.NewText(text)
	end := -1
	ids := map[string]bool{}
	for _, q := range qs {
		if ids[q.ID] {
			t.Fatalf("id %s twice", q.ID)
		}
		ids[q.ID] = true
		if len(q.Parts) == 0 || q.Start != q.Parts[0].Start || q.End != q.Parts[len(q.Parts)-1].End || q.ID != fmt.Sprintf("q%d-%d", q.Start, q.End) {
			t.Fatalf("quote %+v: id, start and end do not match its parts", q)
		}
		var texts []string
		for _, p := range q.Parts {
			if p.Start <= end || p.Start >= p.End || p.End > len(r) || string(r[p.Start:p.End]) != p.Text {
				t.Fatalf("part %+v out of order, empty or not the text's (previous end %d)", p, end)
			}
			if strings.TrimSpace(p.Text) != p.Text {
				t.Fatalf("part %q has white space at an end", p.Text)
			}
			end = p.End
			texts = append(texts, p.Text)
		}
		if q.Text != strings.Join(texts, " ") {
			t.Fatalf("quote text %q is not its parts joined", q.Text)
		}
		if (q.CueSpan == nil) != (q.Cue == "") || (q.From == "") != (q.Speaker == "") {
			t.Fatalf("quote %+v: cue %q with span %v, speaker %q found from %q", q, q.Cue, q.CueSpan, q.Speaker, q.From)
		}
		if q.CueSpan != nil && q.Cue != ":" && q.Cue != "according to" && q.CueSpan.Text != q.Cue {
			t.Fatalf("cue %q at %+v", q.Cue, *q.CueSpan)
		}
		for _, s := range []*Span{q.SpeakerSpan, q.Mention, q.CueSpan} {
			if s != nil && (s.Start < 0 || s.End > len(r) || s.Start >= s.End || string(r[s.Start:s.End]) != s.Text) {
				t.Fatalf("speaker span %+v is not the text's", *s)
			}
		}
		for _, p := range q.Parts {
			if !tx.InsideQuotation(p.Start, p.End) {
				t.Fatalf("part %q at [%d, %d) would be refused by the API as DIRECT (not inside quotation marks by counterpoint.Text.InsideQuotation)", p.Text, p.Start, p.End)
			}
		}
		if (q.SpeakerSpan == nil) != (q.Speaker == "") {
			t.Fatalf("speaker %q with span %v", q.Speaker, q.SpeakerSpan)
		}
	}
	if again := Quotes(text); !reflect.DeepEqual(again, qs) {
		t.Fatalf("not deterministic")
	}
	for i, h := range CounterHints(text, qs) {
		if h.Rank != i+1 {
			t.Fatalf("rank %d at %d", h.Rank, i)
		}
		for _, s := range []Span{h.Span, h.SignalSpan} {
			if s.Start < 0 || s.End > len(r) || s.Start >= s.End || string(r[s.Start:s.End]) != s.Text {
				t.Fatalf("hint span %+v is not the text's", s)
			}
		}
	}
}

// BenchmarkSuggestAdversarial: texts built to make a careless pass slow
// (no full stops, thousands of marks, pronouns or "the official"); each
// should stay linear in its length, like BenchmarkSuggest.
func BenchmarkSuggestAdversarial(b *testing.B) {
	cases := []struct{ name, text string }{
		{"marks", strings.Repeat("“", 60000)},
		{"straight", strings.Repeat("\" a ", 15000)},
		{"capitals", strings.Repeat("Aa Bb ", 10000)},
		{"pronouns", strings.Repeat("Big Corp spoke. “It is fine today, really,” he said. ", 1000)},
		{"officials", strings.Repeat("“We are going on,” the senior official said. ", 1500)},
		{"it", strings.Repeat("“We are going on,” it said. ", 2000)},
		{"possessives", strings.Repeat("‘a officials’ b ", 10000)},
		{"lines", strings.Repeat("“a\n", 20000)},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				_ = CounterHints(c.text, Quotes(c.text))
			}
		})
	}
}
