package loader_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/counterpoint-news/counterpoint/format/datasetjson"
	"github.com/counterpoint-news/counterpoint/internal/datasettest"
	"github.com/counterpoint-news/counterpoint/loader"
)

// secret is what a file outside the dataset's folder holds; no problem may
// ever quote it.
const secret = "root:x:0:0:root:/root:/bin/bash SECRET-OUTSIDE-THE-FOLDER"

// withTextFile is the seed with its one source text named rel.
func withTextFile(tb testing.TB, rel string) []byte {
	m := datasettest.MustSeedJSON(tb)
	at(m, "sources", 0).(map[string]any)["textFile"] = rel
	return datasettest.MustJSON(tb, m)
}

// TestSourceTextStaysInTheDatasetFolder: a dataset's textFile names a
// regular file inside the dataset's folder, of bounded size; anything else
// is refused at $.sources[i].textFile without reading it, and no problem
// echoes what lies outside.
func TestSourceTextStaysInTheDatasetFolder(t *testing.T) {
	outside := t.TempDir()
	secretFile := filepath.Join(outside, "passwd")
	if err := os.WriteFile(secretFile, []byte(strings.Repeat(secret+"\n", 50)), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		setup   func(t *testing.T, dir string) string // makes what the dataset names; returns its textFile
		limits  loader.Limits
		wantMsg string
	}{
		{"parent folder", func(t *testing.T, dir string) string {
			rel, _ := filepath.Rel(dir, secretFile)
			return filepath.ToSlash(rel)
		}, loader.Limits{}, `".." is not allowed`},
		{"down and back up", func(t *testing.T, dir string) string {
			return "sources/../sources/wapo-2015-encryption.txt"
		}, loader.Limits{}, `".." is not allowed`},
		{"absolute path", func(t *testing.T, dir string) string { return secretFile }, loader.Limits{}, "not absolute"},
		{"symbolic link out of the folder", func(t *testing.T, dir string) string {
			if err := os.Symlink(secretFile, filepath.Join(dir, "sources", "innocent.txt")); err != nil {
				t.Skip("no symbolic links here:", err)
			}
			return "sources/innocent.txt"
		}, loader.Limits{}, "escapes"},
		{"symbolic link to /dev/zero", func(t *testing.T, dir string) string {
			if err := os.Symlink("/dev/zero", filepath.Join(dir, "zero.txt")); err != nil {
				t.Skip("no symbolic links here:", err)
			}
			return "zero.txt"
		}, loader.Limits{}, "escapes"},
		{"named pipe (not a regular file)", func(t *testing.T, dir string) string {
			if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
				t.Skip("no named pipes here:", err)
			}
			return "pipe.txt"
		}, loader.Limits{}, "is not a regular file"},
		{"folder", func(t *testing.T, dir string) string { return "sources" }, loader.Limits{}, "is a folder"},
		{"too large", func(t *testing.T, dir string) string {
			if err := os.WriteFile(filepath.Join(dir, "big.txt"), bytes.Repeat([]byte("words "), 100_000), 0o644); err != nil {
				t.Fatal(err)
			}
			return "big.txt"
		}, loader.Limits{MaxBytes: 200_000}, "is 600000 bytes, larger than the limit of 200000 bytes"},
		{"invalid UTF-8", func(t *testing.T, dir string) string {
			if err := os.WriteFile(filepath.Join(dir, "latin1.txt"), []byte("line one\ncaf\xe9 au lait\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			return "latin1.txt"
		}, loader.Limits{}, "not valid UTF-8: byte 0xe9 at line 2, column 4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := datasettest.MustWriteDataset(t, "ds.json", nil)
			rel := tt.setup(t, filepath.Dir(file))
			if err := os.WriteFile(file, withTextFile(t, rel), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := tt.limits.ReadFiles(datasetjson.Reader, file)
			if err == nil {
				t.Fatalf("textFile %q was accepted", rel)
			}
			if strings.Contains(err.Error(), "SECRET") {
				t.Errorf("the problem echoes a file outside the dataset's folder:\n%v", err)
			}
			ps, _ := err.(loader.Problems)
			for _, p := range ps {
				if p.File == file && p.Path == "$.sources[0].textFile" && strings.Contains(p.Message, tt.wantMsg) {
					return
				}
			}
			t.Errorf("no problem in %s at $.sources[0].textFile saying %q; got:\n%v", file, tt.wantMsg, err)
		})
	}
}

// TestSourceTextInsideTheFolderIsRead: the rules refuse nothing legitimate:
// a text in a subfolder, and one reached through a symbolic link that stays
// inside the folder.
func TestSourceTextInsideTheFolderIsRead(t *testing.T) {
	file := datasettest.MustWriteDataset(t, "ds.json", nil)
	dir := filepath.Dir(file)
	if err := os.Symlink("sources/wapo-2015-encryption.txt", filepath.Join(dir, "article.txt")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	for _, rel := range []string{"sources/wapo-2015-encryption.txt", "./sources/wapo-2015-encryption.txt", "article.txt"} {
		if err := os.WriteFile(file, withTextFile(t, rel), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := loader.ReadFiles(datasetjson.Reader, file); err != nil {
			t.Errorf("textFile %q: %v", rel, err)
		}
	}
}

// TestReadFSKeepsTextsInTheFolder: the embedded-data reader follows the
// same rules.
func TestReadFSKeepsTextsInTheFolder(t *testing.T) {
	article, err := os.ReadFile("../data/sources/wapo-2015-encryption.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ rel, wantMsg string }{
		{"../outside.txt", `".." is not allowed`},
		{"/outside.txt", "not absolute"},
		{"big.txt", "larger than the limit"},
	} {
		fsys := fstest.MapFS{
			"data/ds.json":   {Data: withTextFile(t, tt.rel)},
			"data/big.txt":   {Data: bytes.Repeat([]byte("a"), 300_000)},
			"outside.txt":    {Data: []byte(secret)},
			"data/sources/a": {Data: article},
		}
		_, err := loader.Limits{MaxBytes: 250_000}.ReadFS(datasetjson.Reader, fsys, "data/ds.json")
		if err == nil || !strings.Contains(err.Error(), "$.sources[0].textFile") || !strings.Contains(err.Error(), tt.wantMsg) {
			t.Errorf("textFile %q: got %v, want a problem at $.sources[0].textFile saying %q", tt.rel, err, tt.wantMsg)
		}
	}
}

// TestDatasetOverTheSizeCapIsRefusedUndecoded: a dataset file over
// MaxBytes is refused by its size, before any of it is decoded; one fed
// through a pipe is read no further than the cap.
func TestDatasetOverTheSizeCapIsRefusedUndecoded(t *testing.T) {
	// Not even JSON: had it been decoded, the problem would say so.
	big := datasettest.MustWriteDataset(t, "big.json", bytes.Repeat([]byte("[1,"), 100_000))
	_, err := loader.Limits{MaxBytes: 100_000}.ReadFiles(datasetjson.Reader, big)
	if err == nil || !strings.Contains(err.Error(), big+": the dataset file is 300000 bytes, larger than the limit of 100000 bytes") {
		t.Errorf("got %v, want the file refused by its size", err)
	}
	if err != nil && strings.Contains(err.Error(), "malformed JSON") {
		t.Errorf("the file was decoded: %v", err)
	}

}

// TestDatasetFileMustBeRegular: a named pipe, a device or a folder given
// as the dataset file is refused at once, naming the path and what it is
// (a named pipe with no writer hung validate and load forever, deaf to
// SIGTERM; /dev/zero was read up to the cap).
func TestDatasetFileMustBeRegular(t *testing.T) {
	dir := t.TempDir()
	pipe := filepath.Join(dir, "pipe.json")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	writtenPipe := filepath.Join(dir, "written.json")
	if err := syscall.Mkfifo(writtenPipe, 0o644); err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		// A writer that never stops, as a process piping a dataset in would.
		w, err := os.OpenFile(writtenPipe, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		defer w.Close()
		chunk := bytes.Repeat([]byte(" "), 64<<10)
		for {
			select {
			case <-stop:
				return
			default:
			}
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	}()
	folder := filepath.Join(dir, "folder.json")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, file, want string }{
		{"named pipe without a writer", pipe, "the dataset file is not a regular file (a named pipe)"},
		{"named pipe with a writer", writtenPipe, "the dataset file is not a regular file (a named pipe)"},
		{"/dev/zero", "/dev/zero", "the dataset file is not a regular file (a character device)"},
		{"folder", folder, "the dataset file is a folder, not a file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := os.Stat(tt.file); err != nil {
				t.Skip(err)
			}
			done := make(chan error, 1)
			go func() {
				_, err := loader.Limits{MaxBytes: 1 << 20}.ReadFiles(datasetjson.Reader, tt.file)
				done <- err
			}()
			var err error
			select {
			case err = <-done:
			case <-time.After(time.Minute):
				t.Fatalf("read %s: still reading after a minute", tt.file)
			}
			if err == nil || !strings.Contains(err.Error(), tt.file+": "+tt.want) {
				t.Errorf("read %s: got %v, want %q", tt.file, err, tt.file+": "+tt.want)
			}
		})
	}
}

// TestInterruptible: a read that does not end (a file on a hung mount,
// say) gives way to a cancelled context (the command's SIGINT or SIGTERM)
// and to the read deadline, each saying so.
func TestInterruptible(t *testing.T) {
	never := make(chan struct{})
	defer close(never)
	read := func() error { <-never; return nil }
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name   string
		ctx    context.Context
		limits loader.Limits
		want   string
	}{
		{"signal", cancelled, loader.Limits{}, "stopped while reading the datasets (context canceled); nothing was written"},
		{"deadline", context.Background(), loader.Limits{ReadTimeout: 10 * time.Millisecond}, "took longer than the read deadline of 10ms"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.limits.Interruptible(tt.ctx, read)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Interruptible: got %v, want %q", err, tt.want)
			}
		})
	}
	if err := (loader.Limits{}).Interruptible(context.Background(), func() error { return nil }); err != nil {
		t.Errorf("Interruptible of a read that ends: %v", err)
	}
}

// TestInvalidUnicodeInTheDatasetIsRefused: invalid UTF-8 and lone
// surrogate escapes would be stored as U+FFFD; the loader refuses them
// with the file and the JSON path of the string.
func TestInvalidUnicodeInTheDatasetIsRefused(t *testing.T) {
	seed := datasettest.MustJSON(t, datasettest.MustSeedJSON(t))
	claimText := `"text": "` + at(datasettest.MustSeedJSON(t), "claims", 0, "text").(string) + `"`
	tests := []struct {
		name, replace, with, wantPath, wantMsg string
	}{
		{"raw Latin-1 byte in a claim's text", claimText, `"text": "Encryption caf` + "\xe9" + `"`, "$.claims[0].text", "invalid UTF-8 byte 0xe9"},
		{"lone surrogate escape in a claim's text", claimText, `"text": "Encryption \ud800"`, "$.claims[0].text", `lone surrogate \ud800`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !bytes.Contains(seed, []byte(tt.replace)) {
				t.Fatalf("the seed has no %s", tt.replace)
			}
			file := datasettest.MustWriteDataset(t, "bad.json", bytes.Replace(seed, []byte(tt.replace), []byte(tt.with), 1))
			_, err := loader.ReadFiles(datasetjson.Reader, file)
			ps, _ := err.(loader.Problems)
			for _, p := range ps {
				if p.File == file && p.Path == tt.wantPath && strings.Contains(p.Message, tt.wantMsg) && strings.Contains(p.Message, "line ") {
					return
				}
			}
			t.Errorf("no problem in %s at %s saying %q; got %v", file, tt.wantPath, tt.wantMsg, err)
		})
	}
}

// TestWrongOffsetEchoesNoMoreThanTheQuote: a quote whose offsets span far
// more than its words is told what the source holds there, but never more
// of it than the quote's length.
func TestWrongOffsetEchoesNoMoreThanTheQuote(t *testing.T) {
	m := datasettest.MustSeedJSON(t)
	q := at(m, "claims", 0, "quotes", 0).(map[string]any)
	q["text"], q["start"], q["end"] = "Nope", 0, 5000
	file := datasettest.MustWriteDataset(t, "wide.json", datasettest.MustJSON(t, m))
	_, err := loader.ReadFiles(datasetjson.Reader, file)
	if err == nil {
		t.Fatal("accepted")
	}
	ps, _ := err.(loader.Problems)
	for _, p := range ps {
		if p.Path != "$.claims[0].quotes[0]" {
			continue
		}
		i := strings.Index(p.Message, "which holds ")
		if i < 0 {
			t.Fatalf("problem does not say what the source holds: %s", p.Message)
		}
		held := p.Message[i+len("which holds "):]
		held = held[:strings.Index(held, " there")]
		if n := len([]rune(held)); n > len("Nope")+3 {
			t.Errorf("the problem echoes %d characters of the source for a 4-character quote: %s", n, p.Message)
		}
		return
	}
	t.Errorf("no problem at $.claims[0].quotes[0]; got %v", err)
}

// TestByteOrderMarkIsRead: a dataset file that begins with a UTF-8
// byte-order mark (as some editors write) reads as the same file without
// it (it was refused as "invalid character 'ï'"); a mark anywhere else is
// still refused.
func TestByteOrderMarkIsRead(t *testing.T) {
	seed := datasettest.MustJSON(t, datasettest.MustSeedJSON(t))
	want := datasettest.MustRead(t, datasetjson.Reader, datasettest.MustWriteDataset(t, "plain.json", seed))
	bom := "\xef\xbb\xbf"
	got, err := loader.ReadFiles(datasetjson.Reader, datasettest.MustWriteDataset(t, "bom.json", append([]byte(bom), seed...)))
	if err != nil {
		t.Fatalf("a dataset with a byte-order mark: %v", err)
	}
	if got[0].Dataset.ID != want.ID || len(got[0].Dataset.Claims) != len(want.Claims) {
		t.Errorf("a dataset with a byte-order mark read as %q with %d claims, want %q with %d", got[0].Dataset.ID, len(got[0].Dataset.Claims), want.ID, len(want.Claims))
	}
	_, err = loader.ReadFiles(datasetjson.Reader, datasettest.MustWriteDataset(t, "twice.json", append([]byte(bom+bom), seed...)))
	if err == nil || !strings.Contains(err.Error(), "malformed JSON") {
		t.Errorf("two byte-order marks: err = %v, want malformed JSON", err)
	}
}
