package datasetjson_test

import (
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
