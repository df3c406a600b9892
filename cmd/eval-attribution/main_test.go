package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// MustWrite writes a file of a PolNeAR-format folder.
func MustWrite(tb testing.TB, path, text string) {
	tb.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		tb.Fatal(err)
	}
}

// TestGoldAndScores: a quotation counts as gold when at least half of it is
// an attribution's content, its speaker that attribution's source; a scare
// quote outside every content is not gold; the scores follow (a text and
// annotation written here).
func TestGoldAndScores(t *testing.T) {
	dir := t.TempDir()

	text := "“We will win,” said Ana Ruiz. The “so-called” plan failed. “It is over,” she said."
	MustWrite(t, filepath.Join(dir, "text", "a.txt"), text)
	// T1 source "Ana Ruiz" [20, 28); content “We will win,” [0, 14); a second
	// attribution: source "she" [73, 76), content [59, 72).
	MustWrite(t, filepath.Join(dir, "attributions", "a_0001.ann"),
		"T1\tSource 20 28\tAna Ruiz\nT2\tCue 15 19\tsaid\nT3\tContent 0 14\t“We will win,”\nE1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n"+
			"T4\tSource 73 76\tshe\nT5\tCue 77 81\tsaid\nT6\tContent 59 72\t“It is over,”\nE2\tAttribution:T5 Content:T6 Cue:T5 Source:T4\n")
	d, err := load(filepath.Join(dir, "text", "a.txt"), filepath.Join(dir, "attributions", "a_0001.ann"), filepath.Join(dir, "corenlp", "none.xml"))
	if err != nil {
		t.Fatal(err)
	}
	gs := gold(d)
	if len(gs) != 2 {
		t.Fatalf("gold(%q) = %d parts, want 2 (the scare quote is no one's words): %+v", text, len(gs), gs)
	}
	r := []rune(text)
	for i, want := range []struct{ text, speaker, kind string }{{"We will win", "Ana Ruiz", "name"}, {"It is over", "she", "pronoun"}} {
		if got := string(r[gs[i].s:gs[i].e]); got != want.text || gs[i].speaker != want.speaker || gs[i].kind != want.kind {
			t.Errorf("gold part %d = %q by %q (%s), want %q by %q (%s)", i, got, gs[i].speaker, gs[i].kind, want.text, want.speaker, want.kind)
		}
	}
	rep, err := run(dir)
	if err != nil {
		t.Fatal(err)
	}
	if rep.goldN != 2 || rep.exactR != 2 || rep.right["name"] != 1 || rep.judged["name"] != 1 {
		t.Errorf("run: gold %d, exact recall %d, names right %d of %d; want 2, 2, 1 of 1", rep.goldN, rep.exactR, rep.right["name"], rep.judged["name"])
	}
	if rep.unjudged != 1 {
		t.Errorf("run: %d pronouns not judged, want 1 (no coreference file)", rep.unjudged)
	}
}

// TestSameName: the judge of a name (surname, and the first name when both give one).
func TestSameName(t *testing.T) {
	for _, tt := range []struct {
		got, want string
		same      bool
	}{
		{"Ana Ruiz", "Sen. Ana Ruiz", true},
		{"Ruiz", "Former Ore. Gov. Ana Ruiz", true},
		{"Felipe Ruiz", "Former Ore. leader Ruiz", true},
		{"Tom Ruiz", "Ana Ruiz", false},
		{"A. Ruiz", "Ana Ruiz", true},
		{"Ana Ruiz", "Media Group's Ruiz", true},
		{"Ana Ruiz", "Ana Soto", false},
		{"Tom B. Hale", "Tom B. Hale II", true},
		{"Hale", "Rep. Tom Hale, Jr.", true},
		{"Tom Hale Jr.", "Tom Hale", true},
		{"Tom Hale III", "Ana Hale", false},
		{"Carly Fiorina", "Carly", true},
		{"Betsy", "Betsy Ebeling’s", true},
		{"Carly Fiorina", "Fiorina", true},
		{"Ana Ruiz", "Tom", false},
		{"Clinton Foundation", "Clinton", false},
		{"Hillary Clinton", "- Hillary Clinton.", true},
	} {
		if got := sameName(tt.got, tt.want); got != tt.same {
			t.Errorf("sameName(%q, %q) = %v, want %v", tt.got, tt.want, got, tt.same)
		}
	}
}

// TestKindOf: how the annotation gives a speaker.
func TestKindOf(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{"she", "pronoun"}, {"Ana Ruiz, the mayor,", "name"}, {"the spokeswoman", "description"},
		{"a Texas Republican", "description"}, {"which", "none"}, {"", "none"},
	} {
		if got := kindOf(tt.src); got != tt.want {
			t.Errorf("kindOf(%q) = %q, want %q", tt.src, got, tt.want)
		}
	}
}

// TestNameSegment: the name a source gives, before a place and after a title's own "of".
func TestNameSegment(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{"Ana Ruiz of Dover, Delaware", "Ana Ruiz"},
		{"Secretary of State Ana Ruiz", "Secretary of State Ana Ruiz"},
		{"the mayor, Ana Ruiz,", "Ana Ruiz"},
	} {
		if got := nameSegment(tt.src); got != tt.want {
			t.Errorf("nameSegment(%q) = %q, want %q", tt.src, got, tt.want)
		}
	}
}

// corenlpXML is the shape of CoreNLP's XML output, written here: one
// sentence of tokens with their entity tags, and one coreference chain.
func corenlpXML(tokens [][3]string, chain [][3]int) string {
	x := "<root>\n<document>\n<sentences>\n<sentence id=\"1\">\n<tokens>\n"
	for i, t := range tokens {
		x += "<token id=\"" + string(rune('1'+i)) + "\">\n<word>w</word>\n<CharacterOffsetBegin>" + t[0] + "</CharacterOffsetBegin>\n<CharacterOffsetEnd>" + t[1] + "</CharacterOffsetEnd>\n<NER>" + t[2] + "</NER>\n</token>\n"
	}
	x += "</tokens>\n</sentence>\n</sentences>\n<coreference>\n<coreference>\n"
	for _, m := range chain {
		x += "<mention>\n<sentence>1</sentence>\n<start>" + string(rune('0'+m[0])) + "</start>\n<end>" + string(rune('0'+m[1])) + "</end>\n</mention>\n"
	}
	return x + "</coreference>\n</coreference>\n</document>\n</root>\n"
}

// TestPronounJudgedByAgreeingMentions: a chain names the person a pronoun
// stands for only by a mention CoreNLP itself tags as someone who can
// speak: he and she a person, it and they a person or an organisation; a
// chain that CoreNLP joined to "Getty" by mistake judges no "he".
func TestPronounJudgedByAgreeingMentions(t *testing.T) {
	tests := []struct {
		text    string
		tokens  [][3]string
		pronoun string
		want    string
	}{
		{"Ana Ruiz spoke. She said", [][3]string{{"0", "3", "PERSON"}, {"4", "8", "PERSON"}, {"16", "19", "O"}}, "She", "Ana Ruiz"},
		{"Getty Images. He said", [][3]string{{"0", "5", "ORGANIZATION"}, {"6", "12", "ORGANIZATION"}, {"14", "16", "O"}}, "He", ""},
		{"Getty Images. It said", [][3]string{{"0", "5", "ORGANIZATION"}, {"6", "12", "ORGANIZATION"}, {"14", "16", "O"}}, "It", "Getty Images"},
		{"Sandy Hook. He said", [][3]string{{"0", "5", "LOCATION"}, {"6", "10", "LOCATION"}, {"12", "14", "O"}}, "He", ""},
		{"Crimes Taught Me. He said", [][3]string{{"0", "6", "PERSON"}, {"7", "13", "PERSON"}, {"14", "16", "PERSON"}, {"18", "20", "O"}}, "He", ""},
	}
	for _, tt := range tests {
		n := len(tt.tokens) // the name is every token but the last, the pronoun the last
		chains, err := readCoref(strings.NewReader(corenlpXML(tt.tokens, [][3]int{{1, n}, {n, n + 1}})), []rune(tt.text))
		if err != nil {
			t.Fatalf("%q: %v", tt.text, err)
		}
		if len(chains) != 1 {
			t.Fatalf("%q: %d chains read, want 1", tt.text, len(chains))
		}
		if got := chainName(chains[0], agreeing(tt.pronoun)); got != tt.want {
			t.Errorf("%q: the chain names %q for %q, want %q", tt.text, got, tt.pronoun, tt.want)
		}
	}
}

// TestChainOfTwoGendersJudgesNoOne: a chain that holds both a he and a she,
// or two first names with one surname, has joined two people (Bill and
// Hillary Clinton), so it names no one, for a pronoun or for anything else.
func TestChainOfTwoGendersJudgesNoOne(t *testing.T) {
	person := func(text string) mention { return mention{text: text, entity: "PERSON"} }
	for _, tt := range []struct {
		chain []mention
		want  string
	}{
		{[]mention{person("Bill Clinton"), person("he"), person("his")}, "Bill Clinton"},
		{[]mention{person("former President Bill Clinton"), person("he"), person("she")}, ""},
		{[]mention{person("Bill Clinton"), person("him"), person("her")}, ""},
		{[]mention{person("Ana Ruiz"), person("she"), person("herself")}, "Ana Ruiz"},
		{[]mention{person("former President Bill Clinton"), person("Hillary Clinton"), person("she")}, ""},
		{[]mention{person("Sen. Ana Ruiz"), person("Ruiz"), person("A. Ruiz"), person("she")}, "Sen. Ana Ruiz"},
	} {
		var texts []string
		for _, m := range tt.chain {
			texts = append(texts, m.text)
		}
		if got := chainName(tt.chain, agreeing("she")); got != tt.want {
			t.Errorf("chainName(%q) = %q, want %q", texts, got, tt.want)
		}
	}
}
