package main

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/alecthomas/kong"
)

// TestHelpRunsNothing: --help on the binary and on every sub-command
// exits 0 with the usage and runs nothing (gen, given a folder, would
// write into it; wipe would reach for a Neo4j on a closed port).
func TestHelpRunsNothing(t *testing.T) {
	t.Setenv("NEO4J_URI", "bolt://127.0.0.1:1")
	parser, err := kong.New(&CLI{})
	if err != nil {
		t.Fatal(err)
	}
	cases := [][]string{{"--help"}}
	for _, c := range parser.Model.Children {
		args := []string{c.Name, "--help"}
		for _, f := range c.Flags {
			switch f.Name {
			case "out":
				args = append(args, "--out", "DIR/gen")
			case "scale":
				args = append(args, "--scale", "10k")
			case "neo4j-uri":
				args = append(args, "--neo4j-uri", "bolt://127.0.0.1:1")
			}
		}
		cases = append(cases, args)
	}
	for _, args := range cases {
		dir := t.TempDir()
		for i, a := range args {
			args[i] = strings.Replace(a, "DIR", dir, 1)
		}
		var out, errOut bytes.Buffer
		if err := run(context.Background(), args, &out, &errOut); err != nil {
			t.Errorf("run(%q) = %v, want nil (exit 0)", args, err)
		}
		if !strings.Contains(out.String(), "Usage: counterpoint-bench") {
			t.Errorf("run(%q) printed %q, want the usage", args, out.String())
		}
		if left, _ := os.ReadDir(dir); len(left) != 0 {
			t.Errorf("run(%q) wrote into its folder: it ran", args)
		}
	}
}
