package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReportFile: validate --skip-invalid --report writes one JSON line a
// problem (file, AIF node id, kind, action) and the counts by kind last,
// and prints one line a problem on stderr.
func TestReportFile(t *testing.T) {
	report := filepath.Join(t.TempDir(), "report.jsonl")
	var out, errOut bytes.Buffer
	err := run(context.Background(), []string{"validate", "--format", "aif", "--skip-invalid", "--report", report, "../../format/aif/testdata/aif/broken.json"}, &out, &errOut)
	if err != nil {
		t.Fatalf("validate: %v", err)
	}
	b, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	var lines []map[string]any
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("report line %q: %v", sc.Text(), err)
		}
		lines = append(lines, m)
	}
	if len(lines) < 2 {
		t.Fatalf("report has %d lines, want the problems and the counts", len(lines))
	}
	var dangling map[string]any
	for _, l := range lines[:len(lines)-1] {
		if l["kind"] == "dangling-edge" {
			dangling = l
		}
	}
	if dangling == nil || dangling["node"] == nil || dangling["action"] != "edge skipped" || !strings.HasSuffix(dangling["file"].(string), "broken.json") {
		t.Errorf("report %s: want the dangling edge with its edgeID and action", b)
	}
	counts, _ := lines[len(lines)-1]["counts"].(map[string]any)
	if counts["dangling-edge"] != 1.0 || lines[len(lines)-1]["total"] != float64(len(lines)-1) {
		t.Errorf("last line %v, want the counts by kind and the total", lines[len(lines)-1])
	}
	if got := strings.Count(errOut.String(), "skipped: "); got != len(lines)-1 {
		t.Errorf("stderr has %d skipped lines, want %d:\n%s", got, len(lines)-1, errOut.String())
	}
}
