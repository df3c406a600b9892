package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/export"
	"github.com/counterpoint-news/counterpoint/loader"
	"github.com/counterpoint-news/counterpoint/store"
)

// runOther exports in a format for other tools (AIF, GraphML, CSV, Web
// Annotations): one dataset, or every dataset into a folder.
func (c *ExportCmd) runOther(e *env, db *store.DB) error {
	if !c.All {
		ds, err := db.ExportDataset(e.ctx, c.Dataset)
		if err != nil {
			return err
		}
		return writeFormat(e, ds, c.Format, c.Output, false)
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
			err = writeFormat(e, ds, c.Format, dir, true)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("dataset %q: %w", id, err))
		}
	}
	return errors.Join(errs...)
}

// writeFormat writes ds in format: to output (a file, or for the formats
// of several files a folder), or into the folder output when inDir, under
// the dataset's id.
func writeFormat(e *env, ds *counterpoint.Dataset, format, output string, inDir bool) error {
	files, err := export.Files(ds, format)
	if err != nil {
		return err
	}
	dir := output
	if !inDir && len(files) == 1 {
		dir = ""
		if output != "" {
			files[0].Name = output
		}
	} else if dir == "" {
		dir = "."
	}
	if dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	for _, f := range files {
		var b bytes.Buffer
		if err := f.Write(&b); err != nil {
			return fmt.Errorf("write dataset %q as %s: %w", ds.ID, format, err)
		}
		path := f.Name
		if dir != "" {
			path = filepath.Join(dir, f.Name)
		}
		if err := loader.WriteFileAtomic(path, b.Bytes()); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s: dataset %q exported as %s\n", path, ds.ID, format)
	}
	return nil
}
