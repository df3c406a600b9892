package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"strings"

	"github.com/alecthomas/kong"

	"github.com/counterpoint-news/counterpoint/format"
	"github.com/counterpoint-news/counterpoint/loader"
)

// InputFormat says how to read the files named on the command line.
type InputFormat struct {
	Format      string `enum:"${readable_formats}" default:"${default_format}" help:"${read_help}"`
	SkipInvalid bool   `name:"skip-invalid" help:"Leave out what has problems (the node, claim or relation a problem touches and what needs it, never more), list each on stderr, and go on with the rest."`
	Report      string `name:"report" type:"path" help:"Also write every problem and notice as JSON Lines to this file, with the counts by kind at the end."`
	Aliases     string `name:"aliases" type:"path" help:"File of actors' names spelt several ways, one canonical name and its variants a line, separated by '|': their actors load as one."`
}

// reader is the registry's reader of the format named.
func (f InputFormat) reader() (loader.Reader, error) {
	ft, err := format.Lookup(f.Format)
	if err != nil {
		return nil, err
	}
	return ft.Reader, nil
}

// formatVars fill the flags' format names and help from the registry of
// formats, so that the command line names no format itself.
func formatVars() kong.Vars {
	readable := format.Readable()
	var reads []string
	for _, f := range readable {
		reads = append(reads, f.Name+" ("+f.Reads+")")
	}
	var writes []string
	for _, f := range format.All() {
		writes = append(writes, f.Name+": "+f.Writes)
	}
	return kong.Vars{
		"formats":          strings.Join(format.Names(format.All()), ","),
		"readable_formats": strings.Join(format.Names(readable), ","),
		"default_format":   format.Default().Name,
		"default_ext":      format.Default().Extension,
		"read_help":        "Format of the files: " + orList(reads) + ".",
		"export_help":      strings.Join(writes, "; ") + ".",
	}
}

// orList joins items as "a, b or c".
func orList(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}

// writeReport writes what a read found as JSON Lines: one object a
// problem or notice (file, path, node, kind, action, message), then one
// with the counts by kind.
func writeReport(file string, rep loader.Report, readErr error) error {
	var all loader.Problems
	all = append(all, rep.Skipped...)
	var failed loader.Problems
	if errors.As(readErr, &failed) {
		all = append(all, failed...)
	}
	all = append(all, rep.Notices...)
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	counts := map[string]int{}
	for _, p := range all {
		kind := p.Kind
		if kind == "" {
			kind = "other"
		}
		counts[kind]++
		if err := enc.Encode(reportLine{File: p.File, Path: p.Path, Node: p.Node, Kind: kind, Action: p.Action, Message: p.Message}); err != nil {
			return err
		}
	}
	if err := enc.Encode(struct {
		Counts map[string]int `json:"counts"`
		Total  int            `json:"total"`
	}{counts, len(all)}); err != nil {
		return err
	}
	return os.WriteFile(file, b.Bytes(), 0o644)
}

// reportLine is one problem in a --report file.
type reportLine struct {
	File    string `json:"file"`
	Path    string `json:"path,omitempty"`
	Node    string `json:"node,omitempty"`
	Kind    string `json:"kind"`
	Action  string `json:"action,omitempty"`
	Message string `json:"message"`
}
