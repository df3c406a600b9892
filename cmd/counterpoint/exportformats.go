package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/counterpoint-news/counterpoint/format"
	"github.com/counterpoint-news/counterpoint/internal/files"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/store"
)

// runOther exports in a format for other tools (AIF, GraphML, CSV, Web
// Annotations): one dataset, or every dataset into a folder.
func (c *ExportCmd) runOther(e *env, db *store.DB, f format.Format) error {
	if !c.All {
		ds, err := db.ExportDataset(e.ctx, c.Dataset)
		if err != nil {
			return err
		}
		return writeFormat(e, ds, f, c.Output, false)
	}
	ids, err := db.Datasets(e.ctx)
	if err != nil {
		return err
	}
	if len(ids) == 0 {
		return counterpoint.Errorf(counterpoint.ENOTFOUND, "the graph holds no dataset to export")
	}
	dir := c.Output
	if dir == "" {
		dir = "."
	}
	var errs []error
	for _, id := range ids {
		ds, err := db.ExportDataset(e.ctx, id)
		if err == nil {
			err = writeFormat(e, ds, f, dir, true)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("dataset %q: %w", id, err))
		}
	}
	return errors.Join(errs...)
}

// writeFormat writes ds in f: to output (a file, or for the formats
// of several files a folder), or into the folder output when inDir, under
// the dataset's id.
func writeFormat(e *env, ds *counterpoint.Dataset, f format.Format, output string, inDir bool) error {
	fs, err := f.Files(ds)
	if err != nil {
		return err
	}
	dir := output
	if !inDir && len(fs) == 1 {
		dir = ""
		if output != "" {
			fs[0].Name = output
		}
	} else if dir == "" {
		dir = "."
	}
	if dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	for _, file := range fs {
		var b bytes.Buffer
		if err := file.Write(&b); err != nil {
			return fmt.Errorf("write dataset %q as %s: %w", ds.ID, f.Name, err)
		}
		path := file.Name
		if dir != "" {
			path = filepath.Join(dir, file.Name)
		}
		if err := files.WriteAtomic(path, b.Bytes()); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s: dataset %q exported as %s\n", path, ds.ID, f.Name)
	}
	return nil
}
