package loader_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/counterpoint-news/counterpoint/format/datasetjson"
	"github.com/counterpoint-news/counterpoint/loader"
)

// memoryScale is the size of the worst shapes the memory test reads: the
// issue's were 60 MB (under the 64 MiB cap); a fifteenth of that keeps
// make test fast, and the bound scales with the input.
const memoryScale = 4 << 20

// memoryFactor is the bound on what refusing a dataset may take: its
// peak resident memory above a trivial read's is at most this many times
// the bytes it reads (the file and the texts it names). A dataset that
// passes is held whole (its claims as the domain's structs, each text
// with a code-point index): validFactor times.
const (
	memoryFactor = 8
	validFactor  = 12
)

// TestReadMemoryBounded reads the worst shapes of the 2026-12 audit, each
// in a process of its own, and checks that the peak resident memory above
// a tiny dataset's read is at most memoryFactor times the bytes read (its
// maximum RSS, from the child's rusage). The audit's 60 MB shapes took
// 6.1 GB (empty claims), 6.2 GB (8 sources on one 63 MB text) and 2.3 GB
// (a number array); at 6 MB, before the caps, 2.9 GB, 0.5 GB and 0.2 GB.
func TestReadMemoryBounded(t *testing.T) {
	if file := os.Getenv("LOADER_MEMORY_FILE"); file != "" {
		max, _ := strconv.ParseInt(os.Getenv("LOADER_MEMORY_MAX"), 10, 64)
		_, err := loader.Limits{MaxBytes: max}.ReadFiles(datasetjson.Reader, file)
		msg := "ok"
		if err != nil {
			msg = err.Error()
		}
		fmt.Fprintf(os.Stderr, "RESULT %d %s\n", len(msg), firstLine(msg))
		return
	}
	if testing.Short() {
		t.Skip("runs several processes")
	}
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	repeat := func(head, item, tail string) []byte {
		var b bytes.Buffer
		b.WriteString(head)
		for i := 0; b.Len() < memoryScale; i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(item)
		}
		b.WriteString(tail)
		return b.Bytes()
	}
	const head = `{"id":"m","title":"m","sources":[],"actors":[],"claims":[`
	text := bytes.Repeat([]byte("All the words of one long text. "), memoryScale/32)
	write("sources/big.txt", text)
	var manySources strings.Builder
	manySources.WriteString(`{"id":"m","title":"m","actors":[],"claims":[],"sources":[`)
	for i := range 8 {
		if i > 0 {
			manySources.WriteByte(',')
		}
		fmt.Fprintf(&manySources, `{"id":"s%d","title":"t","kind":"ARTICLE","textFile":"sources/big.txt"}`, i)
	}
	manySources.WriteString("]}")
	var valid strings.Builder
	write("sources/words.txt", []byte("the words"))
	valid.WriteString(`{"id":"m","title":"m","sources":[{"id":"s","title":"t","kind":"ARTICLE","textFile":"sources/words.txt"}],"actors":[{"id":"a","name":"A","kind":"PERSON"}],"claims":[`)
	for i := 0; valid.Len() < memoryScale; i++ {
		if i > 0 {
			valid.WriteByte(',')
		}
		fmt.Fprintf(&valid, `{"id":"c%d","text":"t","assertions":[{"actor":"a","source":"s","attribution":"ON_RECORD"}],"quotes":[{"text":"the","source":"s","start":0,"end":3}]}`, i)
	}
	valid.WriteString("]}")
	tiny := write("tiny.json", []byte(`{"id":"m","title":"m","sources":[],"actors":[],"claims":[]}`))
	baseline, _ := readInChild(t, tiny, 0)
	cases := []struct {
		name   string
		file   string
		read   int64 // the bytes the read may take in
		max    int64
		want   string // in what the read says
		factor int64
	}{
		{"empty claims", write("empty-claims.json", repeat(head, "{}", "]}")), memoryScale, 0, "problem", memoryFactor},
		{"a number array", write("numbers.json", repeat("[", "0", "]")), memoryScale, 0, "problem", memoryFactor},
		{"numbers as claims", write("number-claims.json", repeat(head, "0", "]}")), memoryScale, 0, "problem", memoryFactor},
		{"numbers inside one claim", write("number-about.json", repeat(head+`{"id":"c","text":"t","assertions":[],"quotes":[],"about":[`, "0", "]}]}")), memoryScale, 0, "problem", memoryFactor},
		{"small valid claims", write("valid.json", []byte(valid.String())), int64(valid.Len()), 0, "ok", validFactor},
		{"8 sources on one text at the cap", write("many-sources.json", []byte(manySources.String())), int64(len(text)), int64(len(text)) + 1000, "problem", memoryFactor},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			bound := c.factor * c.read
			rss, result := readInChild(t, c.file, c.max)
			if rss-baseline > bound {
				// A machine busy enough to starve the collector lets the
				// heap run ahead of it now and then: the lower of two runs
				// is what the read needs.
				again, _ := readInChild(t, c.file, c.max)
				t.Logf("%s: peak RSS %d MB, again %d MB", c.name, rss>>20, again>>20)
				rss = min(rss, again)
			}
			if !strings.Contains(result, c.want) {
				t.Errorf("read %s: result %q, want it to contain %q", c.name, result, c.want)
			}
			over := rss - baseline
			t.Logf("%s: %d bytes read, peak RSS %d MB (%d MB above a tiny read's), bound %d MB; %s", c.name, c.read, rss>>20, over>>20, bound>>20, result)
			if over > bound {
				t.Errorf("%s (%d bytes): peak RSS %d MB above a tiny read's, want at most %d MB (%d× the input)", c.name, c.read, over>>20, bound>>20, c.factor)
			}
		})
	}
}

// readInChild reads file in a process of its own and returns its peak
// resident memory in bytes and what the read said.
func readInChild(t *testing.T, file string, max int64) (int64, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestReadMemoryBounded$", "-test.count=1")
	cmd.Env = append(os.Environ(), "LOADER_MEMORY_FILE="+file, "LOADER_MEMORY_MAX="+strconv.FormatInt(max, 10))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("read %s in a child: %v\n%s", file, err, stderr.String())
	}
	result := ""
	if i := strings.Index(stderr.String(), "RESULT "); i >= 0 {
		result = firstLine(stderr.String()[i+len("RESULT "):])
	}
	return cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss << 10, result
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
