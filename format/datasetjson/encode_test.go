package datasetjson_test

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/counterpoint-news/counterpoint/format/datasetjson"
	"github.com/counterpoint-news/counterpoint/internal/datasettest"
	"github.com/counterpoint-news/counterpoint/loader"
)

// TestEncodeRoundTrips: what Encode writes reads back as the same
// dataset, checks included.
func TestEncodeRoundTrips(t *testing.T) {
	in, err := loader.ReadFiles(datasetjson.Reader, seedFile)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := datasetjson.Encode(&buf, in[0].Dataset); err != nil {
		t.Fatal(err)
	}
	file := datasettest.MustWriteDataset(t, "encoded.json", buf.Bytes())
	out, err := loader.ReadFiles(datasetjson.Reader, file)
	if err != nil {
		t.Fatalf("the encoded seed does not read back: %v", err)
	}
	if !reflect.DeepEqual(in[0].Dataset, out[0].Dataset) {
		t.Errorf("the encoded seed reads back differently")
	}
}

// TestRequiresRoundTrips: a dataset whose relation ends at another
// dataset's claim keeps its requires through Encode and a read, and the
// schema refuses a requires that is not a list of unique dataset ids.
func TestRequiresRoundTrips(t *testing.T) {
	in, err := loader.ReadFiles(datasetjson.Reader, seedFile)
	if err != nil {
		t.Fatal(err)
	}
	ds := in[0].Dataset
	ds.Requires = []string{"another-debate"}
	ds.Relations[0].To = "a-claim-of-another-debate"
	var buf bytes.Buffer
	if err := datasetjson.Encode(&buf, ds); err != nil {
		t.Fatal(err)
	}
	out, err := loader.ReadFiles(datasetjson.Reader, datasettest.MustWriteDataset(t, "requires.json", buf.Bytes()))
	if err != nil {
		t.Fatalf("the encoded dataset with requires does not read back: %v", err)
	}
	if !reflect.DeepEqual(ds, out[0].Dataset) {
		t.Errorf("read back requires %q, want %q", out[0].Dataset.Requires, ds.Requires)
	}

	for _, tt := range []struct{ requires, want string }{
		{`"another-debate"`, "$.requires"},
		{`["another-debate", "another-debate"]`, "$.requires"},
		{`[1]`, "$.requires"},
	} {
		b := bytes.Replace(buf.Bytes(), []byte(`"requires":["another-debate"]`), []byte(`"requires": `+tt.requires), 1)
		if bytes.Equal(b, buf.Bytes()) {
			t.Fatalf("the encoded dataset holds no requires to replace")
		}
		_, err := loader.ReadFiles(datasetjson.Reader, datasettest.MustWriteDataset(t, "bad.json", b))
		if err == nil || !bytes.Contains([]byte(err.Error()), []byte(tt.want)) {
			t.Errorf("requires %s: error %v, want one at %s", tt.requires, err, tt.want)
		}
	}
}
