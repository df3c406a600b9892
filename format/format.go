// Package format is the registry of the formats a dataset is read from and
// written to: one entry per format, with its name, media type, file
// extension, reader and writer. The CLI's --format, the HTTP download's
// routes and the studio's picker (through GET /export/formats) all read it,
// so that a format is named here and nowhere else. Each format's code is a
// package below: datasetjson, aif, graphml, csv, webanno.
package format

import (
	"bytes"
	"errors"
	"io"
	"strings"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/format/aif"
	"github.com/counterpoint-news/counterpoint/format/csv"
	"github.com/counterpoint-news/counterpoint/format/datasetjson"
	"github.com/counterpoint-news/counterpoint/format/graphml"
	"github.com/counterpoint-news/counterpoint/format/network"
	"github.com/counterpoint-news/counterpoint/format/webanno"
	"github.com/counterpoint-news/counterpoint/internal/files"
	"github.com/counterpoint-news/counterpoint/loader"
)

// Format is one format: what it is called, what its files are, and what
// can be done with it.
type Format struct {
	// Name is the format's name on the command line (--format) and in the
	// download's route (<dataset id>.<name>.zip).
	Name string
	// Title says what the files are for, in the studio's picker.
	Title string
	// MediaType is the media type of the format's (first) file.
	MediaType string
	// Extension ends the name of the format's (first) file, after the
	// dataset id.
	Extension string
	// Reads is the CLI's help for reading the format; empty when it is
	// not read.
	Reads string
	// Writes is the CLI's help for exporting to the format: which files.
	Writes string
	// Reader reads the format's files (load, validate); nil when the
	// format is only written.
	Reader loader.Reader
	// Files are the files a dataset exports to in the format, named after
	// the dataset.
	Files func(ds *counterpoint.Dataset) ([]files.File, error)
	// Backup marks the format whose export loads again as the graph held
	// it: the export checks the dataset with the loader's rules first, keeps
	// the title of the file it replaces, and, with --all, writes the actors
	// and sources no dataset holds. It is the default export and download.
	Backup bool
}

// single is the files of a format of one file, <dataset id><ext>.
func single(ext string, write func(io.Writer, *counterpoint.Dataset) error) func(*counterpoint.Dataset) ([]files.File, error) {
	return func(ds *counterpoint.Dataset) ([]files.File, error) {
		return []files.File{{Name: ds.ID + ext, Write: func(w io.Writer) error { return write(w, ds) }}}, nil
	}
}

// graphs are the two graphs of a dataset the graph formats write.
var graphs = []struct {
	name  string
	graph func(*counterpoint.Dataset) network.Graph
}{{"actors", network.ActorNetwork}, {"claims", network.ClaimGraph}}

// all is the registry, the default format first.
var all = []Format{
	{
		Name: "json", Title: "Counterpoint JSON with the texts (loads again)", MediaType: "application/json", Extension: ".json",
		Reads:  "Counterpoint's dataset files",
		Writes: "dataset files that load again (the backup), each source text in sources/<source id>.txt beside them",
		Reader: datasetjson.Reader, Files: datasetjson.Files, Backup: true,
	},
	{
		Name: "aif", Title: "AIF, for OVA and AIFdb", MediaType: "application/json", Extension: ".aif.json",
		Reads:  "AIF JSON argument maps, as AIFdb and OVA write them; one dataset per map, see docs/aif.md",
		Writes: "an AIF map in OVA's file, <id>.aif.json (docs/aif.md)",
		Reader: aif.Reader, Files: single(".aif.json", aif.Encode),
	},
	{
		Name: "graphml", Title: "GraphML: who countered whom, and the claims (Gephi, yEd, networkx)", MediaType: "application/graphml+xml", Extension: ".actors.graphml",
		Writes: "<id>.actors.graphml (who countered whom) and <id>.claims.graphml (claims and relations)",
		Files: func(ds *counterpoint.Dataset) ([]files.File, error) {
			var out []files.File
			for _, g := range graphs {
				out = append(out, files.File{Name: ds.ID + "." + g.name + ".graphml", Write: func(w io.Writer) error { return graphml.Write(w, g.graph(ds)) }})
			}
			return out, nil
		},
	},
	{
		Name: "csv", Title: "CSV node and edge tables", MediaType: "text/csv", Extension: ".actors.nodes.csv",
		Writes: "the same as node and edge tables (<id>.actors.nodes.csv, <id>.actors.edges.csv, <id>.claims.nodes.csv, <id>.claims.edges.csv)",
		Files: func(ds *counterpoint.Dataset) ([]files.File, error) {
			var out []files.File
			for _, g := range graphs {
				var nodes, edges bytes.Buffer
				err := csv.Write(&nodes, &edges, g.graph(ds))
				out = append(out,
					files.File{Name: ds.ID + "." + g.name + ".nodes.csv", Write: func(w io.Writer) error { _, werr := w.Write(nodes.Bytes()); return errors.Join(err, werr) }},
					files.File{Name: ds.ID + "." + g.name + ".edges.csv", Write: func(w io.Writer) error { _, werr := w.Write(edges.Bytes()); return errors.Join(err, werr) }})
			}
			return out, nil
		},
	},
	{
		Name: "webanno", Title: "W3C Web Annotations of the quotes", MediaType: "application/ld+json", Extension: ".annotations.jsonld",
		Writes: "the quotes as W3C Web Annotations (JSON-LD), <id>.annotations.jsonld",
		Files:  single(".annotations.jsonld", webanno.Write),
	},
}

// All is every format, the default first.
func All() []Format { return append([]Format(nil), all...) }

// Default is the format `counterpoint export` writes and the download
// gives when none is named: the backup, which loads again.
func Default() Format { return all[0] }

// Readable is the formats the loader reads.
func Readable() []Format {
	var out []Format
	for _, f := range all {
		if f.Reader != nil {
			out = append(out, f)
		}
	}
	return out
}

// Lookup finds a format by name, or says which names there are.
func Lookup(name string) (Format, error) {
	for _, f := range all {
		if f.Name == name {
			return f, nil
		}
	}
	return Format{}, counterpoint.Errorf(counterpoint.EINVALID, "unknown format %q (want one of %s)", name, strings.Join(Names(all), ", "))
}

// Names lists the names of fs, in order.
func Names(fs []Format) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Name
	}
	return out
}

// ArchiveSuffix ends the name of the download of a dataset in f, after the
// dataset id: ".zip" for the default format, ".<name>.zip" for the others.
func (f Format) ArchiveSuffix() string {
	if f.Name == Default().Name {
		return ".zip"
	}
	return "." + f.Name + ".zip"
}

// ParseArchive reads a download's file name (<dataset id>.zip, or
// <dataset id>.<format>.zip) into the dataset id and the format; ok is
// false when it is not one.
func ParseArchive(file string) (id string, f Format, ok bool) {
	name, ok := strings.CutSuffix(file, ".zip")
	if !ok {
		return "", Format{}, false
	}
	id, f = name, Default()
	for _, g := range all[1:] {
		if base, found := strings.CutSuffix(name, "."+g.Name); found {
			id, f = base, g
		}
	}
	return id, f, id != ""
}

// WriteArchive writes the files of ds in f as one zip archive, for a
// download.
func (f Format) WriteArchive(w io.Writer, ds *counterpoint.Dataset) error {
	fs, err := f.Files(ds)
	if err != nil {
		return err
	}
	return files.Zip(w, fs)
}
