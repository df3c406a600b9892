package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestRun(t *testing.T) {
	pipe := filepath.Join(t.TempDir(), "pipe.json")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args    []string
		wantOut string
		wantErr string
	}{
		{[]string{"validate", "--seed"}, `dataset "wapo-2015-encryption" is valid`, ""},
		{[]string{"validate", "../../data/wapo-2015-encryption.json"}, "41 claims, 58 quotes", ""},
		{[]string{"validate", "no-such-file.json"}, "", "no-such-file.json: cannot read"},
		{[]string{"validate"}, "", "at least one dataset file"},
		// --help prints usage and runs nothing: this would otherwise try to
		// reach a Neo4j on a closed port and fail.
		{[]string{"load", "--seed", "--help", "--neo4j-uri", "bolt://127.0.0.1:1"}, "Usage: counterpoint load", ""},
		// A dataset over --max-bytes is refused before anything is decoded,
		// and load refuses it before it reaches for Neo4j (none on port 1).
		{[]string{"validate", "--max-bytes", "1000", "../../data/wapo-2015-encryption.json"}, "", "larger than the limit of 1000 bytes"},
		{[]string{"load", "--max-bytes", "1000", "--neo4j-uri", "bolt://127.0.0.1:1", "../../data/wapo-2015-encryption.json"}, "", "larger than the limit of 1000 bytes"},
		{[]string{"validate", "--max-bytes", "1000", "--seed"}, "", "larger than the limit of 1000 bytes"},
		// A named pipe (here without a writer, which held both forever) is
		// refused at once, by its path.
		{[]string{"validate", pipe}, "", pipe + ": the dataset file is not a regular file (a named pipe)"},
		{[]string{"load", "--neo4j-uri", "bolt://127.0.0.1:1", pipe}, "", pipe + ": the dataset file is not a regular file (a named pipe)"},
		{[]string{"validate", "/dev/zero"}, "", "/dev/zero: the dataset file is not a regular file (a character device)"},
	}
	for _, tt := range tests {
		var out, errOut bytes.Buffer
		err := run(context.Background(), tt.args, &out, &errOut)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("run(%q) error = %v, want one containing %q", tt.args, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("run(%q) error = %v", tt.args, err)
		}
		if !strings.Contains(out.String(), tt.wantOut) {
			t.Errorf("run(%q) printed %q, want it to contain %q", tt.args, out.String(), tt.wantOut)
		}
	}
}

// TestMaxDatasetBytesFromTheEnvironment: MAX_DATASET_BYTES sets the cap as
// --max-bytes does.
func TestMaxDatasetBytesFromTheEnvironment(t *testing.T) {
	t.Setenv("MAX_DATASET_BYTES", "1000")
	var out, errOut bytes.Buffer
	err := run(context.Background(), []string{"validate", "../../data/wapo-2015-encryption.json"}, &out, &errOut)
	if err == nil || !strings.Contains(err.Error(), "larger than the limit of 1000 bytes") {
		t.Errorf("MAX_DATASET_BYTES=1000: error = %v, want the dataset refused by its size", err)
	}
}

// TestEmbedFrameAncestorsRefused: serve refuses a frame-ancestors list that
// could change more than framing, before it reaches for Neo4j (none on
// port 1), from the flag and from EMBED_FRAME_ANCESTORS.
func TestEmbedFrameAncestorsRefused(t *testing.T) {
	var out, errOut bytes.Buffer
	err := run(context.Background(), []string{"serve", "--neo4j-uri", "bolt://127.0.0.1:1", "--embed-frame-ancestors", "'self'; script-src *"}, &out, &errOut)
	if err == nil || !strings.Contains(err.Error(), "EMBED_FRAME_ANCESTORS") {
		t.Errorf("--embed-frame-ancestors with a ';': error = %v, want it refused", err)
	}
	t.Setenv("EMBED_FRAME_ANCESTORS", "https://a.example,https://b.example")
	err = run(context.Background(), []string{"serve", "--neo4j-uri", "bolt://127.0.0.1:1"}, &out, &errOut)
	if err == nil || !strings.Contains(err.Error(), "EMBED_FRAME_ANCESTORS") {
		t.Errorf("EMBED_FRAME_ANCESTORS with a comma: error = %v, want it refused", err)
	}
}
