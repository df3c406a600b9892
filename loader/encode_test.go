package loader_test

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/counterpoint-news/counterpoint/loader"
)

// TestEncodeJSONRoundTrips: what EncodeJSON writes reads back as the same
// dataset, checks included.
func TestEncodeJSONRoundTrips(t *testing.T) {
	in, err := loader.ReadFiles(loader.JSON, seedFile)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := loader.EncodeJSON(&buf, in[0].Dataset); err != nil {
		t.Fatal(err)
	}
	file := MustWriteDataset(t, "encoded.json", buf.Bytes())
	out, err := loader.ReadFiles(loader.JSON, file)
	if err != nil {
		t.Fatalf("the encoded seed does not read back: %v", err)
	}
	if !reflect.DeepEqual(in[0].Dataset, out[0].Dataset) {
		t.Errorf("the encoded seed reads back differently")
	}
}
