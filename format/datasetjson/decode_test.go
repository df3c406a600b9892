package datasetjson_test

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint/format/datasetjson"
)

const seedFile = "../../data/wapo-2015-encryption.json"

// TestDecodeNamesEmptyFilesAndRepeatedKeys: an empty file and a key given
// twice (which the schema would check with one value and the decoder read
// with the other) are refused with a place. Both were found by
// FuzzDecodeValidate.
func TestDecodeNamesEmptyFilesAndRepeatedKeys(t *testing.T) {
	tests := []struct {
		name, content, wantPath, wantMsg string
	}{
		{"empty", "", "line 1, column 1", "the file is empty"},
		{"white space", " \n\t", "line 1, column 1", "the file is empty"},
		{"a key twice", `{"id":"d","title":"t","sources":[],"actors":[],"claims":[{"id":"c","assertions":"","assertions":[]}]}`,
			"$.claims[0]", `key "assertions" is given twice`},
		{"a key twice at the root", `{"id":"d","id":"e","title":"t","sources":[],"actors":[],"claims":[]}`, "$", `key "id" is given twice`},
	}
	for _, tt := range tests {
		_, problems := datasetjson.Reader.Decode("f.json", []byte(tt.content), nil)
		if len(problems) != 1 || problems[0].Path != tt.wantPath || !strings.Contains(problems[0].Message, tt.wantMsg) {
			t.Errorf("%s: Decode(%q) = %v, want one problem at %s saying %q", tt.name, tt.content, problems, tt.wantPath, tt.wantMsg)
		}
	}
}

// TestDecodeKeepsTheFilesOrder: the elements of a long list are checked
// and decoded on several cores, a chunk at a time; what the read gives is
// in the file's order all the same: the claims, the problems with their
// places, and a key given twice standing alone whatever else is wrong.
func TestDecodeKeepsTheFilesOrder(t *testing.T) {
	file := func(n int, claim func(i int) string) []byte {
		var b strings.Builder
		b.WriteString(`{"id":"d","title":"t","sources":[{"id":"s","title":"t","kind":"ARTICLE"}],"actors":[{"id":"a","name":"A","kind":"PERSON"}],"claims":[`)
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(claim(i))
		}
		b.WriteString("]}")
		return []byte(b.String())
	}
	good := func(i int) string {
		return fmt.Sprintf(`{"id":"c%d","text":"Claim %d.","assertions":[{"actor":"a","source":"s","attribution":"ON_RECORD"}],"quotes":[]}`, i, i)
	}
	const n = 1000
	ds, problems := datasetjson.Reader.Decode("f.json", file(n, good), nil)
	if len(problems) > 0 || ds == nil || len(ds.Claims) != n {
		t.Fatalf("Decode of %d good claims: %d claims, problems %v", n, len(ds.Claims), problems)
	}
	for i, c := range ds.Claims {
		if want := fmt.Sprintf("c%d", i); c.ID != want {
			t.Fatalf("claim %d is %s, want %s", i, c.ID, want)
		}
	}

	broken := map[int]bool{3: true, 255: true, 256: true, 513: true, 999: true}
	_, problems = datasetjson.Reader.Decode("f.json", file(n, func(i int) string {
		if broken[i] {
			return fmt.Sprintf(`{"id":"c%d","text":5,"assertions":[],"quotes":[]}`, i)
		}
		return good(i)
	}), nil)
	var got []string
	for _, p := range problems {
		got = append(got, p.Path)
	}
	want := []string{"$.claims[3].text", "$.claims[255].text", "$.claims[256].text", "$.claims[513].text", "$.claims[999].text"}
	if !slices.Equal(got, want) {
		t.Errorf("Decode with claims %v broken: problems at %v, want %v (%v)", slices.Sorted(maps.Keys(broken)), got, want, problems)
	}

	_, problems = datasetjson.Reader.Decode("f.json", file(n, func(i int) string {
		switch {
		case i == 700:
			return fmt.Sprintf(`{"id":"c%d","id":"x","text":"t","assertions":[],"quotes":[]}`, i)
		case broken[i]:
			return fmt.Sprintf(`{"id":"c%d","text":5,"assertions":[],"quotes":[]}`, i)
		}
		return good(i)
	}), nil)
	if len(problems) != 1 || problems[0].Path != "$.claims[700]" || !strings.Contains(problems[0].Message, `key "id" is given twice`) {
		t.Errorf("Decode with a key twice in claim 700 and claims broken: %v, want the key alone", problems)
	}
}
