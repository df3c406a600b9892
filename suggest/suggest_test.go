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

func TestQuotes(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []brief
	}{
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
		{"the object of the cue is not its speaker", "Pia Rand described his leadership skills as “thin at best.”",
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
		{"she passes over capitalised words that are no person", "The fund hired Sara Voss last year, and clients of Right Wing Watch complained. “We did nothing wrong,” she said.",
			[]brief{one("Sara Voss", "We did nothing wrong")}},
		{"a short quotation after an article, then a conjunction", "Ada Quist called the deal a “failure” if the plant closes.",
			[]brief{one("Ada Quist", "failure")}},
		{"a short quotation that ends its sentence", "Tom Reyes tweeted that the mayor is a “liar.” The city did not respond.",
			[]brief{one("Tom Reyes", "liar.")}},
		{"a short quotation before a preposition", "Nell Ortega vows that the bridge will be a “top priority” for her office.",
			[]brief{one("Nell Ortega", "top priority")}},
		{"role words between a description and the name", "Democratic presidential hopeful Lou Barnes urges voters to “stay home” on Tuesday.",
			[]brief{one("Lou Barnes", "stay home")}},
		{"an adverb between the subject and the cue", "Rita Chen now says the levy was “a mistake from the start.”",
			[]brief{one("Rita Chen", "a mistake from the start.")}},
		{"he is a one-word name that spoke last", "Voters cheered for Donald Ruiz. Later, Oliver barked at the hosts. “Honestly,” he continued, “nobody listens.”",
			[]brief{one("Oliver", "Honestly", "nobody listens.")}},
		{"he is the surname of a person named before", "Donald Ruiz spoke first, then the talks stalled. Ruiz himself was pleased. “We got what we wanted,” he said later.",
			[]brief{one("Donald Ruiz", "We got what we wanted")}},
		{"a party tag between the name and the cue", "“We are not done,” Sen. Ana Ruiz (D-Ore.) said Tuesday.",
			[]brief{one("Ana Ruiz", "We are not done")}},
		{"a question mark inside the quote does not end the sentence before its tag", "“Is that fair?” Ana Ruiz asked. The room went quiet.",
			[]brief{one("Ana Ruiz", "Is that fair?")}},
		{"an inverted cue after a comma, later in the sentence", "“Many would call that a loss” if she falls short, said David Marsh, an analyst.",
			[]brief{one("David Marsh", "Many would call that a loss")}},
		{"a name across an age, a town, a state and a relative clause", "Harry Bond, 30, of Raleigh, N.C., who was among those asked, said the lines were “far too long.”",
			[]brief{one("Harry Bond", "far too long.")}},
		{"a weekday is never the speaker", "Wednesday, Ada Quist said the vote was “a disgrace.”",
			[]brief{one("Ada Quist", "a disgrace.")}},
		{"a possessor is not the subject a pronoun takes", "Mitt Olsen ran for mayor twice. Dan Okoro, Olsen's deputy chief of staff, said the count was on time. “We had every ballot by noon,” he said.",
			[]brief{one("Dan Okoro", "We had every ballot by noon")}},
		{"a subject with a person's apposition, over the last speaker", "“We will fight on,” said Tom Ruiz on Monday. Wes Arden, Ruiz's longtime adviser, suggested the campaign had turned a corner. “He is back in charge,” he told reporters.",
			[]brief{one("Tom Ruiz", "We will fight on"), one("Wes Arden", "He is back in charge")}},
		{"a show's name after on is a title", "Ada Quist said on “Morning Report” that the plan was “dead on arrival.”",
			[]brief{one("Ada Quist", "dead on arrival.")}},
		{"a show's name after its outlet, even with a stop", "Ada Quist told WXYZ's “Night Desk.” that she would run.", nil},
		{"values inside markup", `<post id="88812" author="@adaquist">The plan is dead.</post>`, nil},
		{"a person's name that ends a clause before a colon", "The timing does not surprise Republican pollster Dara Shaw: “Late surges are common.”",
			[]brief{one("Dara Shaw", "Late surges are common.")}},
		{"an -ly adverb between subject and cue", "When asked about the levy, Ada Quist gingerly said that was “a matter for voters.”",
			[]brief{one("Ada Quist", "a matter for voters.")}},
		{"a cue word used as a noun is no cue", "Ana Ruiz said on Friday that his claims were “pure sarcasm.”",
			[]brief{one("Ana Ruiz", "pure sarcasm.")}},
		{"a state after a town without a comma before the verb", "Lena Pike of Dover, Delaware says the plan will “fail by spring.”",
			[]brief{one("Lena Pike", "fail by spring.")}},
		{"an opening phrase, then the subject of a participle cue; he is the last speaker", "Speaking at a rally in Dover, Dan Ruiz went after Tom Hale, calling him “a total bore.”\n\nHe says, “Here’s a man who never worked…you would not hire him to do anything.”\n\nHe adds that Hale is “like a spoiled child.”",
			[]brief{one("Dan Ruiz", "a total bore."), one("Dan Ruiz", "Here’s a man who never worked…you would not hire him to do anything."), one("Dan Ruiz", "like a spoiled child.")}},
		{"a possessor before a name is not part of it", "As the Ledger's Ana Ruiz puts it, “Nobody is moved.”",
			[]brief{one("Ana Ruiz", "Nobody is moved.")}},
		{"more speech verbs", "“If they meant it, they would have passed my bill,” Tom Hale fumed on Tuesday.",
			[]brief{one("Tom Hale", "If they meant it, they would have passed my bill")}},
		{"he is the subject after role words", "Democratic presidential candidate Lou Barnes promised Monday to act beyond the plans of Mayor Tim Ortez.\n\n“We cannot wait,” he said.",
			[]brief{one("Lou Barnes", "We cannot wait")}},
		{"a family word tells the husband's pronoun", "Rita Vane, a donor from Ames, said she would give again. Along with her husband, Orrin Vane, a banker, she has given to both parties. “I feel bad about it,” she said.",
			[]brief{one("Rita Vane", "I feel bad about it")}},
		{"a bare quotation after a paragraph that says who speaks", "“The count is fine,” said Ana Ruiz.\n\nTom Hale told reporters the count was late.\n\n“We waited all night.”",
			[]brief{one("Ana Ruiz", "The count is fine"), one("Tom Hale", "We waited all night.")}},
		{"a cue word used as a noun after an article", "Ted Orr made an unprompted call for an end to farm aid, calling it “corporate welfare.”",
			[]brief{one("Ted Orr", "corporate welfare.")}},
		{"a two-word cue: shot back", "Ana Ruiz shot back, “Nobody was crushed by that.”",
			[]brief{one("Ana Ruiz", "Nobody was crushed by that.")}},
		{"a two-word cue: pointed out", "Ana Ruiz pointed out that “every ward voted.”",
			[]brief{one("Ana Ruiz", "every ward voted.")}},
		{"a collective speaker", "The mayor named the towns. The audience followed him by softly echoing “too many.”",
			[]brief{one("The audience", "too many.")}},
		{"a document's words, inverted after read", "“Our campaign has already changed the debate,” read the email. “And we grow stronger.”",
			[]brief{one("the email", "Our campaign has already changed the debate", "And we grow stronger.")}},
		{"a modal between the subject and the cue", "The timing was so odd that a spokesman for the mayor could only quip: “I guess Monday was booked.”",
			[]brief{one("a spokesman for the mayor", "I guess Monday was booked.")}},
		{"a quantity of people chanting", "Hundreds of nurses marched through the square, chanting “Fair pay now.”",
			[]brief{one("Hundreds of nurses", "Fair pay now.")}},
		{"a participle after a comma takes its clause's subject", "President Tom Ruiz has been criticized for the word, though last week he used stronger language, saying the group “must be stopped.”",
			[]brief{one("Tom Ruiz", "must be stopped.")}},
		{"a possessive is not a full name; a capital He after the mark starts a new sentence", "Mark Barden lost his son. Barden’s group now lobbies the state. Barden says, “We have to do better.” He says the law is “too weak.”",
			[]brief{one("Mark Barden", "We have to do better."), one("Mark Barden", "too weak.")}},
		{"he is the last speaker even with no known pronoun", "“We show anger,” said Harvey, who backed Senator Tom Ruiz first.\n\n“We are alive,” he said.",
			[]brief{one("Harvey", "We show anger"), one("Harvey", "We are alive")}},
		{"she is a one-name person a family word introduces", "Tom Ruiz spoke on Monday. His wife, Melania, is to speak next. She is often by his side. At a rally she described him as “kind.”",
			[]brief{one("Melania", "kind.")}},
		{"he is a surname alone that opens its sentence and acts", "Donald Ruiz picked the home team. Orr openly admitted that his pick was political. “With an eye to March,” he said.\n\nVance defied the question. “I will not pick,” he said.",
			[]brief{one("Orr", "With an eye to March"), one("Vance", "I will not pick")}},
		{"Title Case right after a speech verb is speech", "Ada Quist said “The Regulars” had won again.",
			[]brief{one("Ada Quist", "The Regulars")}},
		{"a short quotation after a verb of belief", "Tom Hale believes in a budget that “adds up.”",
			[]brief{one("Tom Hale", "adds up.")}},
		{"a short quotation after a participle", "Dan Ruiz tried to laugh it off by interjecting, “Only Tuesdays.”",
			[]brief{one("Dan Ruiz", "Only Tuesdays.")}},
		{"an inverted role and then the name", "“We treat the month as one long Election Day,” said Ruiz’s deputy campaign manager, Rich Bose, who ran the last race.",
			[]brief{one("Rich Bose", "We treat the month as one long Election Day")}},
		{"a name, then two descriptions; a pronoun after a comma and said is no inverted speaker", "Mark Hale, chairman of the board of Acme Partners, the network's funding arm, said it would join only if “a candidate ran clean.”",
			[]brief{one("Mark Hale", "a candidate ran clean.")}},
		{"a name after an opening phrase, then a description", "In an interview, Steve Huhn, a former vice president of sales, said Ana Ruiz “was heavily involved.”",
			[]brief{one("Steve Huhn", "was heavily involved.")}},
		{"a participle after a thing speaks for the subject", "Ted Lin started the debate saying “of course” his rival could serve.",
			[]brief{one("Ted Lin", "of course")}},
		{"a product's name after its", "Orvo said its “Skylark” phone would ship in May.", nil},
		{"no speaker at all", "“Nobody knows what happens next in this town.”", []brief{one("", "Nobody knows what happens next in this town.")}},
		{"empty", "", nil},
		{"a lone mark", "He said “", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
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
