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
