package main

import (
	"strings"

	"github.com/alecthomas/kong"

	"github.com/counterpoint-news/counterpoint/format"
	"github.com/counterpoint-news/counterpoint/loader"
)

// InputFormat says how to read the files named on the command line.
type InputFormat struct {
	Format      string `enum:"${readable_formats}" default:"${default_format}" help:"${read_help}"`
	SkipInvalid bool   `name:"skip-invalid" help:"Leave out what has problems (an AIF map's invalid node and what hangs on it; a dataset that fails the checks), list it, and go on with the rest."`
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
