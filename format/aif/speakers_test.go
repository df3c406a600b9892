package aif

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/loader"
)

// oneSpeech is a map in which label says one thing.
func oneSpeech(prefix, label, words string) testMap {
	return testMap{
		nodes: [][3]string{{prefix + "1", "I", words}, {prefix + "2", "L", label + words}, {prefix + "3", "YA", "Asserting"}},
		edges: [][2]string{{prefix + "2", prefix + "3"}, {prefix + "3", prefix + "1"}},
	}
}

// TestWhoIsSpeaking: audience members and unknown speakers are anonymous
// actors of their map (never a person, never the same actor in two maps,
// never on record), collectives are collectives, and "Name :text" and
// hyphenated particles are read as names.
func TestWhoIsSpeaking(t *testing.T) {
	tests := []struct {
		label string // as the locution writes it, before the words
		name  string
		kind  counterpoint.ActorKind
	}{
		{"AudienceMember 20160915QT05 : ", "AudienceMember 20160915QT05", counterpoint.ActorAnonymous},
		{"Male Aud 1 : ", "Male Aud 1", counterpoint.ActorAnonymous},
		{"Female Audience Member 2 : ", "Female Audience Member 2", counterpoint.ActorAnonymous},
		{"Kim Park Unknown : ", "Kim Park Unknown", counterpoint.ActorAnonymous},
		{"Unknown Kim : ", "Unknown Kim", counterpoint.ActorAnonymous},
		{"Audience Speaker : ", "Audience Speaker", counterpoint.ActorAnonymous},
		{"Government : ", "Government", counterpoint.ActorCollective},
		{"Public : ", "Public", counterpoint.ActorCollective},
		{"Officials : ", "Officials", counterpoint.ActorCollective},
		{"Green Party : ", "Green Party", counterpoint.ActorCollective},
		{"Ann Lee :", "Ann Lee", counterpoint.ActorPerson},
		{"Omar al-Hassan : ", "Omar al-Hassan", counterpoint.ActorPerson},
	}
	for _, tt := range tests {
		dir := t.TempDir()
		fa := mustWriteMap(t, dir, "one.json", oneSpeech("a", tt.label, "Bus fares should be free."))
		fb := mustWriteMap(t, dir, "two.json", oneSpeech("b", tt.label, "Bus fares should be free."))
		inputs := mustReadAIF(t, fa, fb)
		var ids []string
		for _, in := range inputs {
			c := in.Dataset.Claims[0]
			a := in.Dataset.Actors[0]
			if a.Name != tt.name || a.Kind != tt.kind || c.Quotes[0].Text != "Bus fares should be free." {
				t.Errorf("%q: actor %q of kind %s saying %q; want %q, %s, the words alone", tt.label, a.Name, a.Kind, c.Quotes[0].Text, tt.name, tt.kind)
			}
			if tt.kind == counterpoint.ActorAnonymous && c.Assertions[0].Attribution != counterpoint.Anonymous {
				t.Errorf("%q: attribution %s, want ANONYMOUS", tt.label, c.Assertions[0].Attribution)
			}
			ids = append(ids, a.ID)
		}
		if shared := ids[0] == ids[1]; shared != (tt.kind != counterpoint.ActorAnonymous) {
			t.Errorf("%q: actors %v in the two maps; want one shared only when the speaker is named", tt.label, ids)
		}
	}
}

// TestNameVariantsAreReportedAndMergedByAliases: one name spelt several
// ways across maps (case, initials, a middle initial, a misspelling) is
// reported with the files (a shortened first name too); an aliases file
// makes them one actor.
func TestNameVariantsAreReportedAndMergedByAliases(t *testing.T) {
	dir := t.TempDir()
	var files []string
	for i, label := range []string{"John Smith : ", "JOHN SMITH : ", "John A. Smith : ", "J. Smith : ", "Jon Smith : ", "Mary Jones : ", "Johnny Smith : "} {
		files = append(files, mustWriteMap(t, dir, "m"+itoa(i)+".json", oneSpeech("m"+itoa(i)+"-", label, "Rents are too high.")))
	}
	_, rep, err := loader.Limits{}.Read(Reader, loader.Options{}, files...)
	if err != nil {
		t.Fatal(err)
	}
	var variants []string
	for _, p := range rep.Notices {
		if p.Kind == "name-variants" && strings.Contains(p.Message, "one name spelt several ways") {
			variants = append(variants, p.Message)
		}
	}
	if len(variants) != 1 {
		t.Fatalf("variant notices %q, want one naming John Smith's spellings", variants)
	}
	for _, want := range []string{`"John Smith" in ` + files[0], `"John A. Smith" in ` + files[2], `"J. Smith" in ` + files[3], `"Jon Smith" in ` + files[4], `"Johnny Smith" in ` + files[6]} {
		if !strings.Contains(variants[0], want) {
			t.Errorf("notice %q, want it to name %s", variants[0], want)
		}
	}
	if strings.Contains(variants[0], "Mary Jones") {
		t.Errorf("notice %q names Mary Jones, who is someone else", variants[0])
	}

	aliases := filepath.Join(dir, "aliases.txt")
	if err := os.WriteFile(aliases, []byte("# one person\nJohn Smith | John A. Smith | J. Smith | Jon Smith | Johnny Smith\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	al, err := loader.ReadAliases(aliases)
	if err != nil {
		t.Fatal(err)
	}
	inputs, rep, err := loader.Limits{}.Read(Reader, loader.Options{Aliases: al}, files...)
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range append(inputs[:5:5], inputs[6]) {
		if a := in.Dataset.Actors[0]; a.ID != "aif.john-smith" || a.Name != "John Smith" || in.Dataset.Claims[0].Assertions[0].Actor != "aif.john-smith" {
			t.Errorf("%s: actor %q (%q), want aif.john-smith (John Smith)", in.File, a.ID, a.Name)
		}
	}
	for _, p := range rep.Notices {
		if strings.Contains(p.Message, "one name spelt several ways") {
			t.Errorf("with the aliases, still %s", p.Line())
		}
	}
}
