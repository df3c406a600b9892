package export

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/loader"
)

// Formats are the formats a dataset exports to for other tools, by the
// name the CLI's --format and the HTTP route use.
var Formats = []string{"aif", "graphml", "csv", "webanno"}

// File is one file of an export: its name and its bytes' writer.
type File struct {
	Name  string
	Write func(io.Writer) error
}

// Files returns the files a dataset exports to in format, named after the
// dataset, so that the CLI and the HTTP route write the same files.
func Files(ds *counterpoint.Dataset, format string) ([]File, error) {
	switch format {
	case "aif":
		return []File{{ds.ID + ".aif.json", func(w io.Writer) error { return loader.EncodeAIF(w, ds) }}}, nil
	case "webanno":
		return []File{{ds.ID + ".annotations.jsonld", func(w io.Writer) error { return WriteWebAnnotations(w, ds) }}}, nil
	case "graphml":
		return []File{
			{ds.ID + ".actors.graphml", func(w io.Writer) error { return WriteGraphML(w, ActorNetwork(ds)) }},
			{ds.ID + ".claims.graphml", func(w io.Writer) error { return WriteGraphML(w, ClaimGraph(ds)) }},
		}, nil
	case "csv":
		var files []File
		for _, g := range []struct {
			name  string
			graph Graph
		}{{"actors", ActorNetwork(ds)}, {"claims", ClaimGraph(ds)}} {
			var nodes, edges bytes.Buffer
			err := WriteCSV(&nodes, &edges, g.graph)
			files = append(files,
				File{ds.ID + "." + g.name + ".nodes.csv", func(w io.Writer) error { _, werr := w.Write(nodes.Bytes()); return errors.Join(err, werr) }},
				File{ds.ID + "." + g.name + ".edges.csv", func(w io.Writer) error { _, werr := w.Write(edges.Bytes()); return errors.Join(err, werr) }})
		}
		return files, nil
	}
	return nil, counterpoint.Errorf(counterpoint.EINVALID, "unknown export format %q (want one of %v)", format, Formats)
}

// WriteArchive writes the files of ds in format as one zip archive, for a
// download.
func WriteArchive(w io.Writer, ds *counterpoint.Dataset, format string) error {
	files, err := Files(ds, format)
	if err != nil {
		return err
	}
	z := zip.NewWriter(w)
	for _, f := range files {
		fw, err := z.Create(f.Name)
		if err != nil {
			return err
		}
		if err := f.Write(fw); err != nil {
			return fmt.Errorf("write %s: %w", f.Name, err)
		}
	}
	return z.Close()
}
