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

// trials lists the sub-commands and whether each takes the shared trial
// flags (Common), from the command line itself, so that a trial added
// later is covered too.
func trials(t *testing.T) map[string]bool {
	t.Helper()
	parser, err := kong.New(&CLI{})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, c := range parser.Model.Children {
		common := false
		for _, f := range c.Flags {
			if f.Name == "neo4j-uri" {
				common = true
			}
		}
		out[c.Name] = common
	}
	if len(out) < 7 {
		t.Fatalf("found %d sub-commands, want every trial and table", len(out))
	}
	return out
}

// TestHelpRunsNothing: --help on the binary and on each trial exits 0
// with the usage and runs nothing, even with every flag a run needs (a
// Neo4j on a closed port, which a run would fail to reach, and a work
// folder and results file that a run would create).
func TestHelpRunsNothing(t *testing.T) {
	t.Setenv("NEO4J_URI", "bolt://127.0.0.1:1")
	cases := [][]string{{"--help"}, {"-h"}}
	for name, common := range trials(t) {
		for _, help := range []string{"--help", "-h"} {
			args := []string{name, help}
			if common {
				args = append(args, "--neo4j-uri", "bolt://127.0.0.1:1", "--work", "WORK/work", "--results", "WORK/results.jsonl")
			}
			cases = append(cases, args)
		}
	}
	for _, args := range cases {
		dir := t.TempDir()
		for i, a := range args {
			args[i] = strings.Replace(a, "WORK", dir, 1)
		}
		var out, errOut bytes.Buffer
		err := run(context.Background(), args, &out, &errOut)
		if err != nil {
			t.Errorf("run(%q) = %v, want nil (exit 0)", args, err)
		}
		if !strings.Contains(out.String(), "Usage: counterpoint-trials") {
			t.Errorf("run(%q) printed %q, want the usage", args, out.String())
		}
		if left, _ := os.ReadDir(dir); len(left) != 0 {
			t.Errorf("run(%q) left %d files in the work folder: it ran", args, len(left))
		}
	}
}

// TestTrialsRefuseWithoutATarget: a trial that empties or overwrites a
// graph needs --neo4j-uri (NEO4J_URI is not enough) and refuses the make
// run graph unless --i-mean-it is given; it stops before touching
// anything.
func TestTrialsRefuseWithoutATarget(t *testing.T) {
	t.Setenv("NEO4J_URI", "bolt://127.0.0.1:7689")
	for name, common := range trials(t) {
		if !common {
			continue
		}
		for _, tt := range []struct {
			args []string
			want string
		}{
			{nil, "missing flags: --neo4j-uri"},
			{[]string{"--neo4j-uri", "bolt://127.0.0.1:7687"}, "is the make run graph"},
			{[]string{"--neo4j-uri", "neo4j://localhost"}, "is the make run graph"},
			{[]string{"--neo4j-uri", "bolt://[::1]:7687"}, "is the make run graph"},
		} {
			dir := t.TempDir()
			args := append([]string{name, "--work", filepath.Join(dir, "work"), "--results", filepath.Join(dir, "results.jsonl"),
				"--neo4j-pid-file", filepath.Join(dir, "neo4j.pid"), "--neo4j-start", "false",
				// Should the refusal ever break, the trial fails to sign in
				// rather than emptying a graph.
				"--neo4j-password", "not-the-password-of-any-graph"}, tt.args...)
			args = dropUnknown(t, name, args)
			var out, errOut bytes.Buffer
			err := run(context.Background(), args, &out, &errOut)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("run(%q) = %v, want an error containing %q", args, err, tt.want)
			}
			if left, _ := os.ReadDir(dir); len(left) != 0 {
				t.Errorf("run(%q) left %d files in the work folder: it ran", args, len(left))
			}
		}
	}
}

// dropUnknown removes the Neo4j control flags from args when the trial
// does not take them.
func dropUnknown(t *testing.T, name string, args []string) []string {
	t.Helper()
	parser, err := kong.New(&CLI{})
	if err != nil {
		t.Fatal(err)
	}
	takes := map[string]bool{}
	for _, c := range parser.Model.Children {
		if c.Name == name {
			for _, f := range c.Flags {
				takes["--"+f.Name] = true
			}
		}
	}
	var out []string
	for i := 0; i < len(args); i++ {
		if strings.HasPrefix(args[i], "--neo4j-pid-file") || strings.HasPrefix(args[i], "--neo4j-start") {
			if !takes[args[i]] {
				i++
				continue
			}
		}
		out = append(out, args[i])
	}
	return out
}

// TestMakeRunTargets: which targets are the make run graph's, and that
// --i-mean-it lets a trial use them.
func TestMakeRunTargets(t *testing.T) {
	host, _ := os.Hostname()
	for _, tt := range []struct {
		uri, pidFile string
		iMeanIt      bool
		refused      bool
	}{
		{uri: "bolt://127.0.0.1:7687", refused: true},
		{uri: "bolt://localhost", refused: true},
		{uri: "neo4j://0.0.0.0:7687", refused: true},
		{uri: "bolt://" + host + ":7687", refused: true},
		{uri: "bolt://127.0.0.1:7687", iMeanIt: true},
		{uri: "bolt://127.0.0.1:7689"},
		{uri: "bolt://127.0.0.1:7688", pidFile: ".neo4j/test.pid"},
		{uri: "bolt://127.0.0.1:7689", pidFile: ".neo4j/data.pid", refused: true},
		{uri: "bolt://127.0.0.1:7689", pidFile: ".neo4j/data.pid", iMeanIt: true},
		{uri: "neo4j+s://example.invalid"},
	} {
		c := KillNeo4jCmd{KillSetup: KillSetup{Common: Common{URI: tt.uri, IMeanIt: tt.iMeanIt}}, Neo4jControl: Neo4jControl{PIDFile: tt.pidFile}}
		err := c.Common.Validate()
		if err == nil {
			err = c.Validate()
		}
		if (err != nil) != tt.refused {
			t.Errorf("target %s (pid file %q, --i-mean-it %v): error %v, want refused %v", tt.uri, tt.pidFile, tt.iMeanIt, err, tt.refused)
		}
	}
}
