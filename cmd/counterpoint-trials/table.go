package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// TableCmd prints results as a Markdown table.
type TableCmd struct {
	Results []string `arg:"" type:"existingfile" help:"Results files (JSON lines) the trials appended to."`
}

// Run prints the table: one row per result, in the order they were run.
func (c *TableCmd) Run(e *env) error {
	fmt.Fprintln(e.out, "| trial | trials | held | failed | measured | conditions | reproduce |")
	fmt.Fprintln(e.out, "|---|---:|---:|---:|---|---|---|")
	cell := func(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
	for _, file := range c.Results {
		f, err := os.Open(file)
		if err != nil {
			return err
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			var r Result
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				f.Close()
				return fmt.Errorf("%s: %w", file, err)
			}
			fmt.Fprintf(e.out, "| %s | %d | %d | %d | %s | %s | `%s` |\n", r.Trial, r.Trials, r.Held, r.Failed, cell(r.Measured), cell(r.Conditions), cell(r.Script))
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return err
		}
	}
	return nil
}
