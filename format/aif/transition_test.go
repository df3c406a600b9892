package aif

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint"
)

// replyMap: Ann Lee says P; Bo Chan replies (a transition from her
// locution to his) and his reply agrees with P, disputes Q (which no
// locution states: only the transition brings it in) and challenges R;
// his Arguing anchors an RA from P to R.
func replyMap() testMap {
	return testMap{
		nodes: [][3]string{
			{"1", "I", "Bus fares should be free."}, {"2", "L", "Ann Lee : Bus fares should be free."}, {"3", "YA", "Asserting"},
			{"4", "L", "Bo Chan : Yes, and the city can pay for it."}, {"5", "TA", "Default Transition"},
			{"6", "YA", "Agreeing"},
			{"7", "I", "The city cannot afford free fares."}, {"8", "YA", "Disagreeing"},
			{"9", "I", "The city can pay for free fares."}, {"10", "L", "Bo Chan : The city can pay for it."}, {"11", "YA", "Asserting"},
			{"12", "YA", "Challenging"},
			{"13", "RA", "Default Inference"}, {"14", "YA", "Arguing"},
		},
		edges: [][2]string{
			{"2", "3"}, {"3", "1"},
			{"2", "5"}, {"5", "4"}, {"5", "6"}, {"6", "1"},
			{"5", "8"}, {"8", "7"},
			{"10", "11"}, {"11", "9"},
			{"5", "12"}, {"12", "9"},
			{"9", "13"}, {"13", "1"}, {"5", "14"}, {"14", "13"},
		},
	}
}

// TestTransitionIllocutions: a YA anchored in a transition holds the
// speaker of the locution the transition leads to to the proposition, as
// the curator's reading (inferred, with a note naming the YA and TA), with
// the stance its illocution gives; a proposition that only a transition
// brings in is kept; the export writes the YA on the transition again, and
// reading it back gives the same claims.
func TestTransitionIllocutions(t *testing.T) {
	dir := t.TempDir()
	ds := mustReadAIF(t, mustWriteMap(t, dir, "reply.json", replyMap()))[0].Dataset
	want := []struct {
		claim, actor string
		stance       counterpoint.Stance
		inferred     bool
		note         string
	}{
		{"aif-1", "aif.ann-lee", counterpoint.Endorses, false, ""},
		{"aif-1", "aif.bo-chan", counterpoint.Endorses, true, "AIF YA node 6 (Agreeing) on TA node 5 (Default Transition) from L node 2 to L node 4: the speaker's reply agrees with the proposition"},
		{"aif-7", "aif.bo-chan", counterpoint.Presents, true, "AIF YA node 8 (Disagreeing) on TA node 5 (Default Transition) from L node 2 to L node 4: the speaker's reply disputes the proposition"},
	}
	for _, w := range want {
		c := claimByID(ds, w.claim)
		if c == nil {
			t.Errorf("no claim %s", w.claim)
			continue
		}
		found := false
		for _, a := range c.Assertions {
			if a.Actor == w.actor {
				found = true
				if a.Stance != w.stance || a.Inferred != w.inferred || a.Note != w.note {
					t.Errorf("claim %s by %s: %s inferred=%v %q; want %s inferred=%v %q", w.claim, w.actor, a.Stance, a.Inferred, a.Note, w.stance, w.inferred, w.note)
				}
			}
		}
		if !found {
			t.Errorf("claim %s: assertions %+v, want one by %s", w.claim, c.Assertions, w.actor)
		}
	}
	// Bo Chan's own words state claim 9: his challenge of it by the same
	// reply leaves his assertion his own, not a reading.
	if c := claimByID(ds, "aif-9"); c == nil || len(c.Assertions) != 1 || c.Assertions[0].Inferred {
		t.Errorf("claim aif-9: %+v, want Bo Chan's own assertion", c)
	}
	if len(ds.Relations) != 1 || !strings.Contains(ds.Relations[0].Note, "anchored by YA node 14 (Arguing) on TA node 5") {
		t.Errorf("relations %+v, want the RA anchored by Bo Chan's Arguing", ds.Relations)
	}

	var buf bytes.Buffer
	if err := Encode(&buf, ds); err != nil {
		t.Fatal(err)
	}
	back := filepath.Join(dir, "back.json")
	if err := os.WriteFile(back, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	again := mustReadAIF(t, back)[0].Dataset
	if !reflect.DeepEqual(again.Claims, ds.Claims) || !reflect.DeepEqual(again.Relations, ds.Relations) {
		t.Errorf("read back from the export:\n%+v\n%+v\nwant\n%+v\n%+v", again.Claims, again.Relations, ds.Claims, ds.Relations)
	}
}

// TestAnnotatorsCopies: an annotator's edgeless copy of a locution
// ("Editor: Speaker : words") stays out of the transcript, is kept in the
// dataset, and comes back from the export as the L node it was; the map
// read back is the same dataset.
func TestAnnotatorsCopies(t *testing.T) {
	dir := t.TempDir()
	m := replyMap()
	m.nodes = append(m.nodes, [3]string{"c1", "L", "Editor: Ann Lee : Bus fares should be free."})
	ds := mustReadAIF(t, mustWriteMap(t, dir, "copies.json", m))[0].Dataset
	if want := "Ann Lee, Bo Chan: “Bus fares should be free.”"; ds.Title != want {
		t.Errorf("title %q, want %q", ds.Title, want)
	}
	if strings.Contains(ds.Sources[0].Text, "Editor") {
		t.Errorf("transcript %q holds the annotator's copy", ds.Sources[0].Text)
	}
	var buf bytes.Buffer
	if err := Encode(&buf, ds); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"nodeID": "c1",
        "text": "Editor: Ann Lee : Bus fares should be free."`) {
		t.Errorf("export lacks L node c1:\n%s", buf.String())
	}
	back := filepath.Join(dir, "elsewhere.json")
	if err := os.WriteFile(back, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	again := mustReadAIF(t, back)[0].Dataset
	if !reflect.DeepEqual(again, ds) {
		t.Errorf("read back from the export:\n%+v\nwant\n%+v", again, ds)
	}
}
