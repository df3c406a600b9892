package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestReadingStopsOnASignal: validate and load stop at SIGTERM or SIGINT
// while they read, saying so (before, a read ran to its end, and a named
// pipe without a writer held them forever).
func TestReadingStopsOnASignal(t *testing.T) {
	if args := os.Getenv("COUNTERPOINT_STOP_ARGS"); args != "" {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		var out bytes.Buffer
		err := run(ctx, strings.Split(args, "\n"), &out, &out)
		os.Stderr.WriteString("RESULT " + strings.ReplaceAll(fmtErr(err), "\n", " ") + "\n")
		return
	}
	// Slow to check: a few million empty claims (the schema finds a
	// problem in each), so that the signal comes while it reads.
	file := filepath.Join(t.TempDir(), "slow.json")
	var b bytes.Buffer
	b.WriteString(`{"id":"m","title":"m","sources":[],"actors":[],"claims":[{}`)
	b.WriteString(strings.Repeat(",{}", 5_000_000))
	b.WriteString("]}")
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		sig  os.Signal
	}{
		{"validate, SIGTERM", []string{"validate", file}, syscall.SIGTERM},
		{"load, SIGINT", []string{"load", "--neo4j-uri", "bolt://127.0.0.1:1", file}, os.Interrupt},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestReadingStopsOnASignal$", "-test.count=1")
			cmd.Env = append(os.Environ(), "COUNTERPOINT_STOP_ARGS="+strings.Join(tt.args, "\n"))
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(300 * time.Millisecond) // into the read (it takes seconds)
			if err := cmd.Process.Signal(tt.sig); err != nil {
				t.Fatal(err)
			}
			if err := cmd.Wait(); err != nil {
				t.Fatalf("%q: %v\n%s", tt.args, err, stderr.String())
			}
			if want := "RESULT stopped while reading the datasets (" + tt.sig.String() + " signal received)"; !strings.Contains(stderr.String(), want) {
				t.Errorf("%q after %v: %s\nwant %q", tt.args, tt.sig, stderr.String(), want)
			}
		})
	}
}

func fmtErr(err error) string {
	if err == nil {
		return "ok"
	}
	return err.Error()
}
