package format_test

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint/format"
	"github.com/counterpoint-news/counterpoint/internal/datasettest"
)

// TestRegistry: every format has a unique name, a title, a media type and
// an extension, and writes files named after the dataset, the first ending
// in its extension; the default is the backup and reads back; each
// format's download name reads back as the dataset and the format.
func TestRegistry(t *testing.T) {
	ds := datasettest.MustArticle(t)
	seen := map[string]bool{}
	for _, f := range format.All() {
		if f.Name == "" || seen[f.Name] || f.Title == "" || f.MediaType == "" || f.Extension == "" || f.Writes == "" || f.Files == nil {
			t.Errorf("format %+v: want a unique name, a title, a media type, an extension, its help and its files", f)
		}
		seen[f.Name] = true
		if (f.Reader != nil) != (f.Reads != "") {
			t.Errorf("format %s: reader %v with reading help %q, want both or neither", f.Name, f.Reader != nil, f.Reads)
		}
		if f.Reader != nil && f.Reader.Name() != f.Name {
			t.Errorf("format %s: its reader is named %q", f.Name, f.Reader.Name())
		}
		fs, err := f.Files(ds)
		if err != nil || len(fs) == 0 {
			t.Errorf("format %s: Files(article) = %d files, %v", f.Name, len(fs), err)
			continue
		}
		if want := ds.ID + f.Extension; fs[0].Name != want {
			t.Errorf("format %s: first file %q, want %q", f.Name, fs[0].Name, want)
		}
		for _, file := range fs {
			if !strings.HasPrefix(file.Name, ds.ID+".") && !strings.HasPrefix(file.Name, "sources/") {
				t.Errorf("format %s: file %q is not named after dataset %s", f.Name, file.Name, ds.ID)
			}
		}
		id, got, ok := format.ParseArchive(ds.ID + f.ArchiveSuffix())
		if !ok || id != ds.ID || got.Name != f.Name {
			t.Errorf("ParseArchive(%q) = %q, %q, %v; want %q, %q", ds.ID+f.ArchiveSuffix(), id, got.Name, ok, ds.ID, f.Name)
		}
		if lf, err := format.Lookup(f.Name); err != nil || lf.Name != f.Name {
			t.Errorf("Lookup(%q) = %q, %v", f.Name, lf.Name, err)
		}
	}
	if d := format.Default(); !d.Backup || d.Reader == nil || d.ArchiveSuffix() != ".zip" {
		t.Errorf("the default format %s: backup %v, reader %v, archive %q; want the backup, read back, as <id>.zip", d.Name, d.Backup, d.Reader != nil, d.ArchiveSuffix())
	}
	if _, err := format.Lookup("no-such-format"); err == nil {
		t.Errorf("Lookup(no-such-format) found a format")
	}
}

// TestNoFormatNamedOutsideTheRegistry: the CLI, the HTTP server and the
// studio's page and scripts name no format (as a string literal, an HTML
// option's value or a flag's enum): they read the registry, so that adding
// a format is one entry in format.go.
func TestNoFormatNamedOutsideTheRegistry(t *testing.T) {
	var globs = []string{"../cmd/counterpoint/*.go", "../server/*.go", "../web/src/*.js", "../web/*.html"}
	var names []string
	for _, f := range format.All() {
		names = append(names, regexp.QuoteMeta(f.Name))
	}
	alt := strings.Join(names, "|")
	listed := regexp.MustCompile(`["'` + "`" + `](` + alt + `)["'` + "`" + `]|enum:"[^"]*\b(` + alt + `)\b`)
	files := 0
	for _, g := range globs {
		matches, err := filepath.Glob(g)
		if err != nil {
			t.Fatal(err)
		}
		for _, file := range matches {
			if strings.HasSuffix(file, "_test.go") {
				continue
			}
			files++
			f, err := os.Open(file)
			if err != nil {
				t.Fatal(err)
			}
			sc := bufio.NewScanner(f)
			sc.Buffer(nil, 1<<20)
			for line := 1; sc.Scan(); line++ {
				if m := listed.FindString(sc.Text()); m != "" {
					t.Errorf("%s:%d names a format (%s); read it from the registry (format.All) instead", file, line, m)
				}
			}
			f.Close()
		}
	}
	if files < 10 {
		t.Errorf("scanned %d files of %v; the globs have gone stale", files, globs)
	}
}
