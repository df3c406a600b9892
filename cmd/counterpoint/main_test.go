package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	tests := []struct {
		args    []string
		wantOut string
		wantErr string
	}{
		{[]string{"validate", "--seed"}, `dataset "wapo-2015-encryption" is valid`, ""},
		{[]string{"validate", "../../data/wapo-2015-encryption.json"}, "40 claims, 58 quotes", ""},
		{[]string{"validate", "no-such-file.json"}, "", "no-such-file.json: cannot read"},
		{[]string{"validate"}, "", "at least one dataset file"},
		// --help prints usage and runs nothing: this would otherwise try to
		// reach a Neo4j on a closed port and fail.
		{[]string{"load", "--seed", "--help", "--neo4j-uri", "bolt://127.0.0.1:1"}, "Usage: counterpoint load", ""},
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
