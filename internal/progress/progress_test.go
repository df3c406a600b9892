package progress_test

import (
	"strings"
	"testing"
	"time"

	"github.com/counterpoint-news/counterpoint/internal/progress"
	"github.com/counterpoint-news/counterpoint/internal/syncbuf"
)

// TestLinesWhenNotATerminal: away from a terminal a reporter writes a line
// every Interval with files, elements, rate and time left; quiet writes
// nothing.
func TestLinesWhenNotATerminal(t *testing.T) {
	progress.Interval = 20 * time.Millisecond
	var out syncbuf.Buffer
	r := progress.New(&out, "load", "elements", 2, 1000, false)
	r.Add(250)
	r.FileDone()
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(out.String(), "load: 1/2 files, 250/1000 elements") && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	r.Finish()
	if got := out.String(); !strings.Contains(got, "load: 1/2 files, 250/1000 elements") || !strings.Contains(got, "elements/s") || !strings.Contains(got, "left") {
		t.Errorf("reporter wrote %q; want a line with files, elements, rate and time left", got)
	}
	var quiet syncbuf.Buffer
	q := progress.New(&quiet, "load", "elements", 1, 10, true)
	q.Add(10)
	q.FileDone()
	time.Sleep(50 * time.Millisecond)
	q.Finish()
	if quiet.String() != "" {
		t.Errorf("a quiet reporter wrote %q", quiet.String())
	}
}
