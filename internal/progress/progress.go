// Package progress shows how far a long command is: on a terminal, a bar
// redrawn in place (schollz/progressbar) with files and elements done, the
// rate and the time left; elsewhere (a log, CI), one line every few
// seconds, so that a long load is seen to move without flooding the log.
package progress

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/schollz/progressbar/v3"
)

// Reporter counts files and elements done out of known totals.
type Reporter struct {
	mu          sync.Mutex
	what, unit  string
	files, done int
	elements    int64
	total       int64
	start       time.Time
	bar         *progressbar.ProgressBar // nil when not on a terminal
	w           io.Writer
	stop        chan struct{}
	stopped     sync.WaitGroup
}

// Interval is how often a reporter not on a terminal writes a line.
var Interval = 5 * time.Second

// New starts a reporter of what ("load", "export") over files files and
// total units ("elements": nodes and relationships), writing to w; quiet
// returns one that writes nothing.
func New(w io.Writer, what, unit string, files int, total int64, quiet bool) *Reporter {
	r := &Reporter{what: what, unit: unit, files: files, total: total, start: time.Now(), w: w}
	if quiet {
		r.w = nil
		return r
	}
	if f, ok := w.(*os.File); ok && isatty.IsTerminal(f.Fd()) {
		r.bar = progressbar.NewOptions64(total,
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription(r.description()),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString(unit),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
		return r
	}
	r.stop = make(chan struct{})
	r.stopped.Add(1)
	go r.lines()
	return r
}

func (r *Reporter) description() string {
	return fmt.Sprintf("%s: file %d/%d", r.what, min(r.done+1, r.files), r.files)
}

// Add counts n more units done.
func (r *Reporter) Add(n int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.elements += int64(n)
	if r.bar != nil {
		_ = r.bar.Add(n)
	}
}

// FileDone counts one more file done.
func (r *Reporter) FileDone() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.done++
	if r.bar != nil {
		r.bar.Describe(r.description())
	}
}

// Line is the report of the moment: files and elements done, the rate and
// the time left at that rate.
func (r *Reporter) Line() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	elapsed := time.Since(r.start)
	rate := float64(r.elements) / max(elapsed.Seconds(), 1e-3)
	left := "unknown"
	if rate > 0 && r.total >= r.elements {
		left = (time.Duration(float64(r.total-r.elements)/rate) * time.Second).Round(time.Second).String()
	}
	return fmt.Sprintf("%s: %d/%d files, %d/%d %s, %.0f %s/s, %s left", r.what, r.done, r.files, r.elements, r.total, r.unit, rate, r.unit, left)
}

func (r *Reporter) lines() {
	defer r.stopped.Done()
	t := time.NewTicker(Interval)
	defer t.Stop()
	for {
		select {
		case <-r.stop:
			return
		case <-t.C:
			fmt.Fprintln(r.w, r.Line())
		}
	}
}

// Finish stops the reporter; the command prints its own summary after.
func (r *Reporter) Finish() {
	if r.bar != nil {
		_ = r.bar.Finish()
	}
	if r.stop != nil {
		close(r.stop)
		r.stopped.Wait()
	}
}
