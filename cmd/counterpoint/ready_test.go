package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/counterpoint-news/counterpoint/internal/neo4jtest"
	"github.com/counterpoint-news/counterpoint/internal/syncbuf"
)

// TestReadyOnceReadsArePlanned: /readyz says 200 only once Neo4j has
// planned the service's reads (the log's "planned the reads"); before that
// it says 503 with why. A request sent to a fresh Neo4j while the reads are
// being planned waits for its own plan behind them, long enough to hit the
// store's deadline.
func TestReadyOnceReadsArePlanned(t *testing.T) {
	neo4jtest.MustOpen(t) // the test graph, reachable
	var logs syncbuf.Buffer
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--listen-addr", "127.0.0.1:0"}, pw, &logs)
		pw.Close()
	}()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	}()
	var base string
	sc := bufio.NewScanner(pr)
	for sc.Scan() {
		if b, ok := strings.CutPrefix(sc.Text(), "counterpoint: serving on "); ok {
			base = b
			break
		}
	}
	if base == "" {
		t.Fatalf("serve printed no address (%v)", sc.Err())
	}
	go io.Copy(io.Discard, pr) //nolint:errcheck // the rest of serve's output
	reasons := map[string]bool{}
	for deadline := time.Now().Add(3 * time.Minute); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		res, err := http.Get(base + "/readyz")
		if err != nil {
			continue
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode == http.StatusOK {
			if !strings.Contains(logs.String(), `"msg":"planned the reads"`) {
				t.Errorf("/readyz said 200 before the log said the reads were planned (503 reasons seen: %v); log:\n%s", reasons, logs.String())
			}
			return
		}
		reasons[string(body)] = true
		if !strings.Contains(string(body), "still being set up") && !strings.Contains(string(body), "still planning the service's reads") {
			t.Fatalf("/readyz = %d %s, want 503 saying the schema or the plans are not ready yet", res.StatusCode, body)
		}
	}
	t.Fatalf("/readyz never said 200 in 3 minutes (503 reasons seen: %v)", reasons)
}
