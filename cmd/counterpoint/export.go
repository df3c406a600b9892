package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/counterpoint-news/counterpoint/format"
	"github.com/counterpoint-news/counterpoint/format/datasetjson"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/internal/progress"
	"github.com/counterpoint-news/counterpoint/store"
)

// ExportCmd writes datasets from the graph in one of the registry's
// formats. The default, the project's JSON with each source text in
// sources/<source id>.txt beside the file, is the backup: curation done
// through the API can be reviewed and kept in version control, and the
// graph restored from files the loader reads.
type ExportCmd struct {
	Neo4jConfig
	Dataset string `help:"Id of the dataset to export (claims created through the API belong to \"curated\")." xor:"which" required:""`
	All     bool   `help:"Export every dataset, one file (or set of files) per dataset, in the folder given by -o." xor:"which" required:""`
	Output  string `short:"o" type:"path" help:"File to write (a folder with --all, or for a format of several files); when not given, the dataset's own file in the current folder: <id>${default_ext}, or <id> and the format's extension."`
	Quiet   bool   `help:"Show no progress (shown on stderr: a bar on a terminal, else a line every few seconds)."`
	Format  string `enum:"${formats}" default:"${default_format}" help:"${export_help}"`
}

// Run exports the dataset, or every dataset.
func (c *ExportCmd) Run(e *env) error {
	f, err := format.Lookup(c.Format)
	if err != nil {
		return err
	}
	db, err := c.open(e.ctx, e.log)
	if err != nil {
		return err
	}
	defer db.Close(context.Background())
	if !f.Backup {
		return c.runOther(e, db, f)
	}
	if !c.All {
		file := c.Output
		if file == "" {
			file = c.Dataset + f.Extension
		}
		return exportOne(e, db, c.Dataset, file)
	}
	dir := c.Output
	if dir == "" {
		dir = "."
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	ids, err := db.Datasets(e.ctx)
	if err != nil {
		return err
	}
	if len(ids) == 0 {
		return counterpoint.Errorf(counterpoint.ENOTFOUND, "the graph holds no dataset to export")
	}
	// One dataset that cannot be exported does not stop the others'
	// backup; every failure is reported at the end.
	var errs []error
	var held []string
	rep := progress.New(e.stderr, "export", "datasets", len(ids), int64(len(ids)), c.Quiet)
	defer rep.Finish()
	for _, id := range ids {
		ds, err := db.ExportDataset(e.ctx, id)
		if err == nil {
			err = writeExport(e, ds, filepath.Join(dir, id+f.Extension))
		}
		rep.Add(1)
		rep.FileDone()
		if err != nil {
			errs = append(errs, err)
			continue
		}
		for _, a := range ds.Actors {
			held = append(held, a.ID)
		}
		for _, s := range ds.Sources {
			held = append(held, s.ID)
		}
	}
	// The actors and sources that no claim needs are in no dataset's
	// export; without them a restore would lose them.
	unheld := unheldDatasetID(ids)
	ds, err := db.ExportUnheld(e.ctx, unheld, held)
	if err == nil && len(ds.Actors)+len(ds.Sources) > 0 {
		err = writeExport(e, ds, filepath.Join(dir, unheld+f.Extension))
	}
	if err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// unheldDatasetID names the file of the actors and sources no dataset
// holds: "shared", unless a dataset has that id.
func unheldDatasetID(datasets []string) string {
	id := "shared"
	for n := 2; slices.Contains(datasets, id); n++ {
		id = fmt.Sprintf("shared-%d", n)
	}
	return id
}

// exportOne reads dataset id and writes it to file.
func exportOne(e *env, db *store.DB, id, file string) error {
	ds, err := db.ExportDataset(e.ctx, id)
	if err != nil {
		return err
	}
	return writeExport(e, ds, file)
}

// writeExport writes an exported dataset to file, after checking it with
// the rules the loader runs, so that what is written loads again.
func writeExport(e *env, ds *counterpoint.Dataset, file string) error {
	id := ds.ID
	if err := keepTitle(file, ds); err != nil {
		return err
	}
	if err := ds.Validate(); err != nil {
		return fmt.Errorf("dataset %q as the graph holds it would not load again, so %s is not written:\n%w", id, file, err)
	}
	if err := datasetjson.WriteFile(file, ds); err != nil {
		return fmt.Errorf("write dataset %q: %w", id, err)
	}
	quotes := 0
	for _, c := range ds.Claims {
		quotes += len(c.Quotes)
	}
	fmt.Fprintf(e.stdout, "%s: dataset %q exported: %d sources, %d actors, %d claims, %d quotes, %d relations\n",
		file, ds.ID, len(ds.Sources), len(ds.Actors), len(ds.Claims), quotes, len(ds.Relations))
	return nil
}

// keepTitle takes the title and description of the dataset file that the
// export replaces, when it is the same dataset and the graph has no title
// for it (a dataset made through the API), so that a re-export into a file
// under version control leaves them as the curator wrote them.
func keepTitle(file string, ds *counterpoint.Dataset) error {
	b, err := os.ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	} else if err != nil {
		return fmt.Errorf("read %s, which the export would replace: %w", file, err)
	}
	var old struct {
		ID          string `json:"id"`
		Title       string `json:"title"`
		Description string `json:"description"`
	}
	if json.Unmarshal(b, &old) != nil || old.ID != ds.ID {
		return fmt.Errorf("%s exists and is not dataset %q: not replacing it", file, ds.ID)
	}
	if old.Title != "" && ds.Title == ds.ID { // the graph has no title of its own
		ds.Title, ds.Description = old.Title, old.Description
	}
	return nil
}
