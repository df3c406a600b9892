package files_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint/internal/files"
)

// TestWriteAtomicReplacesWhole: the file ends up with the new bytes, world
// readable, and no temporary file is left beside it.
func TestWriteAtomicReplacesWhole(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "d.json")
	for _, content := range []string{"first, and longer", "second"} {
		if err := files.WriteAtomic(path, []byte(content)); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(path)
		if err != nil || string(b) != content {
			t.Errorf("after WriteAtomic(%q): the file holds %q (%v)", content, b, err)
		}
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v (%v), want 0644", fi.Mode(), err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the folder holds %d entries, want the file alone", len(entries))
	}
}

// TestZip: the archive holds the files in order with their bytes; a
// writer's failure names the file.
func TestZip(t *testing.T) {
	write := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}
	var buf bytes.Buffer
	in := []files.File{{Name: "d.json", Write: write("{}")}, {Name: "sources/s.txt", Write: write("words")}}
	if err := files.Zip(&buf, in); err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil || len(z.File) != 2 {
		t.Fatalf("zip: %v, %d files", err, len(z.File))
	}
	for i, f := range z.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		var want bytes.Buffer
		in[i].Write(&want)
		if f.Name != in[i].Name || string(b) != want.String() {
			t.Errorf("file %d: %s %q, want %s %q", i, f.Name, b, in[i].Name, want.String())
		}
	}
	err = files.Zip(io.Discard, []files.File{{Name: "bad.csv", Write: func(io.Writer) error { return errors.New("broken") }}})
	if err == nil || !strings.Contains(err.Error(), "bad.csv") {
		t.Errorf("Zip with a failing writer: %v, want an error naming bad.csv", err)
	}
}
