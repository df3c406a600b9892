package datasetjson_test

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/counterpoint-news/counterpoint/format/datasetjson"
	"github.com/counterpoint-news/counterpoint/loader"
)

// TestWriteFileRoundTrips: WriteFile writes a dataset file with its
// source texts in sources/<id>.txt that reads back as the same dataset,
// indented as the curated files are, and writing it again gives the same
// bytes; the dataset it was given is left as it was.
func TestWriteFileRoundTrips(t *testing.T) {
	in, err := loader.ReadFiles(datasetjson.Reader, seedFile)
	if err != nil {
		t.Fatal(err)
	}
	ds := in[0].Dataset
	for i := range ds.Sources {
		ds.Sources[i].TextFile = "" // the writer names the texts itself
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "out.json")
	if err := datasetjson.WriteFile(file, ds); err != nil {
		t.Fatal(err)
	}
	for _, s := range ds.Sources {
		if s.TextFile != "" {
			t.Errorf("WriteFile changed the dataset it was given: source %q has textFile %q", s.ID, s.TextFile)
		}
	}
	first, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(first, []byte("{\n  \"id\": ")) {
		t.Errorf("the file is not indented by two spaces: %.40q", first)
	}
	out, err := loader.ReadFiles(datasetjson.Reader, file)
	if err != nil {
		t.Fatalf("the written dataset does not read back: %v", err)
	}
	got := out[0].Dataset
	for i, s := range got.Sources {
		want := ""
		if s.Text != "" {
			want = "sources/" + s.ID + ".txt"
		}
		if s.TextFile != want {
			t.Errorf("source %q: textFile %q, want %q", s.ID, s.TextFile, want)
		}
		got.Sources[i].TextFile = ""
	}
	if !reflect.DeepEqual(ds, got) {
		t.Errorf("the written dataset reads back differently")
	}
	if err := datasetjson.WriteFile(file, ds); err != nil {
		t.Fatal(err)
	}
	if again, err := os.ReadFile(file); err != nil || !bytes.Equal(again, first) {
		t.Errorf("writing the same dataset twice gave different files (%v)", err)
	}
	if entries, err := os.ReadDir(dir); err != nil || len(entries) != 2 {
		t.Errorf("the folder holds %d entries (%v), want out.json and sources/ (no temporary file left)", len(entries), err)
	}
}
