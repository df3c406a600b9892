package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alecthomas/kong"
)

// TestHelpRunsNothing: --help (and -h) on the binary and on every
// sub-command exits 0 with the usage, and runs nothing, even with
// arguments a run would act on: a Neo4j on a closed port (a run fails to
// reach it) and an output file (a run writes it).
func TestHelpRunsNothing(t *testing.T) {
	t.Setenv("NEO4J_URI", "bolt://127.0.0.1:1")
	parser, err := kong.New(&CLI{}, formatVars())
	if err != nil {
		t.Fatal(err)
	}
	cases := [][]string{{"--help"}, {"-h"}}
	for _, c := range parser.Model.Children {
		for _, help := range []string{"--help", "-h"} {
			args := []string{c.Name, help}
			for _, f := range c.Flags {
				switch f.Name {
				case "neo4j-uri":
					args = append(args, "--neo4j-uri", "bolt://127.0.0.1:1")
				case "output":
					args = append(args, "--output", "DIR/out.json")
				case "seed":
					args = append(args, "--seed")
				}
			}
			cases = append(cases, args)
		}
	}
	if len(cases) < 12 {
		t.Fatalf("%d cases, want --help and -h on the binary and on every sub-command", len(cases))
	}
	for _, args := range cases {
		dir := t.TempDir()
		for i, a := range args {
			args[i] = strings.Replace(a, "DIR", dir, 1)
		}
		var out, errOut bytes.Buffer
		err := run(context.Background(), args, &out, &errOut)
		if err != nil {
			t.Errorf("run(%q) = %v, want nil (exit 0)", args, err)
		}
		if !strings.Contains(out.String(), "Usage: counterpoint") {
			t.Errorf("run(%q) printed %q, want the usage", args, out.String())
		}
		if _, err := os.Stat(filepath.Join(dir, "out.json")); err == nil {
			t.Errorf("run(%q) wrote its output: it ran", args)
		}
	}
}
