// Package loader reads curated datasets, checks everything about them before
// anything is written, and hands them to the store.
package loader

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	slashpath "path"
	"path/filepath"
	"reflect"

	"github.com/counterpoint-news/counterpoint"
)

// Writer is the part of the store the loader needs: it writes one dataset
// atomically and idempotently, and says what changed.
type Writer interface {
	WriteDataset(ctx context.Context, ds *counterpoint.Dataset) (counterpoint.WriteSummary, error)
}

// Input is one dataset read and checked, with the file it came from.
type Input struct {
	File    string
	Dataset *counterpoint.Dataset
}

// ReadFiles reads datasets from the operating system's file system.
func ReadFiles(format Format, files ...string) ([]Input, error) {
	return read(format, func(name string) ([]byte, error) { return os.ReadFile(name) }, filepath.Join, filepath.Dir, files)
}

// ReadFS reads datasets from fsys (the embedded seed data, say).
func ReadFS(format Format, fsys fs.FS, files ...string) ([]Input, error) {
	return read(format, func(name string) ([]byte, error) { return fs.ReadFile(fsys, name) }, slashpath.Join, slashpath.Dir, files)
}

// read decodes and validates every file, then checks them against each
// other; it returns Problems listing everything wrong in all of them.
func read(format Format, readFile func(string) ([]byte, error), join func(...string) string, dir func(string) string, files []string) ([]Input, error) {
	var inputs []Input
	var problems Problems
	for _, file := range files {
		b, err := readFile(file)
		if err != nil {
			problems = append(problems, Problem{File: file, Message: fmt.Sprintf("cannot read: %v", err)})
			continue
		}
		readText := func(rel string) ([]byte, error) {
			if filepath.IsAbs(rel) {
				return nil, fmt.Errorf("textFile must be relative to the dataset file")
			}
			return readFile(join(dir(file), rel))
		}
		ds, ps := format.Decode(file, b, readText)
		problems = append(problems, ps...)
		if ds == nil {
			continue
		}
		problems = append(problems, Validate(file, ds)...)
		inputs = append(inputs, Input{File: file, Dataset: ds})
	}
	problems = append(problems, crossCheck(inputs)...)
	if len(problems) > 0 {
		return nil, problems
	}
	return inputs, nil
}

// crossCheck finds conflicts between datasets loaded together: the same
// dataset twice, a claim or quote id in two datasets (they belong to one),
// and an actor or source defined differently in two.
func crossCheck(inputs []Input) Problems {
	var problems Problems
	type def struct {
		file string
		path string
		v    any
	}
	datasets := map[string]string{}
	owned := map[string]def{}
	shared := map[string]def{}
	for _, in := range inputs {
		ds := in.Dataset
		if first, ok := datasets[ds.ID]; ok {
			problems = append(problems, Problem{in.File, "$.id", fmt.Sprintf("dataset %q is also in %s", ds.ID, first)})
		}
		datasets[ds.ID] = in.File
		for i, c := range ds.Claims {
			p := root.Field("claims").Index(i)
			ids := map[string]path{c.ID: p.Field("id")}
			for j, q := range c.Quotes {
				ids[q.ID] = p.Field("quotes").Index(j).Field("id")
			}
			for id, p := range ids {
				if first, ok := owned[id]; ok && first.file != in.File {
					problems = append(problems, Problem{in.File, string(p), fmt.Sprintf("id %q is also defined in %s at %s", id, first.file, first.path)})
				}
				owned[id] = def{in.File, string(p), nil}
			}
		}
		check := func(id string, p path, v any) {
			if first, ok := shared[id]; ok && first.file != in.File && !reflect.DeepEqual(first.v, v) {
				problems = append(problems, Problem{in.File, string(p), fmt.Sprintf("%q is defined differently in %s at %s; the same id is the same node, so the definitions must agree", id, first.file, first.path)})
			}
			shared[id] = def{in.File, string(p), v}
		}
		for i, a := range ds.Actors {
			check(a.ID, root.Field("actors").Index(i), a)
		}
		for i, s := range ds.Sources {
			s.TextFile = "" // the same text may sit at different relative paths
			check(s.ID, root.Field("sources").Index(i), s)
		}
	}
	return problems
}

// Result says what loading one dataset did.
type Result struct {
	File    string
	Dataset string
	Summary counterpoint.WriteSummary
}

// Load writes datasets that ReadFiles or ReadFS has checked, one transaction
// each. It stops at the first failure; the dataset that failed leaves
// nothing behind.
func Load(ctx context.Context, w Writer, inputs []Input) ([]Result, error) {
	var results []Result
	for _, in := range inputs {
		sum, err := w.WriteDataset(ctx, in.Dataset)
		if err != nil {
			return results, fmt.Errorf("%s: load dataset %q: %w", in.File, in.Dataset.ID, err)
		}
		results = append(results, Result{File: in.File, Dataset: in.Dataset.ID, Summary: sum})
	}
	return results, nil
}
