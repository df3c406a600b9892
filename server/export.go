package server

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"

	"github.com/counterpoint-news/counterpoint/format"
)

// exportRoutes serves the downloads of datasets, and the list of formats
// they download in (the studio's picker reads it), both from the registry
// of formats.
func (s *Server) exportRoutes(mux *http.ServeMux, ex Exporter) {
	mux.Handle("GET /export/datasets/{file}", s.rateLimit(s.exportDataset(ex)))
	mux.Handle("GET /export/formats", s.rateLimit(exportFormats()))
}

// exportFormat is one format as GET /export/formats lists it.
type exportFormat struct {
	Name      string `json:"name"`
	Title     string `json:"title"`
	MediaType string `json:"mediaType"`
	Extension string `json:"extension"`
	// Archive ends the download's path after the dataset id: ".zip" for
	// the default format, ".<name>.zip" for the others.
	Archive string `json:"archive"`
	Loads   bool   `json:"loads"`
}

// exportFormats answers the registry's formats, the default first, so
// that the studio offers every format the server can write, and no other.
func exportFormats() http.Handler {
	var list struct {
		Formats []exportFormat `json:"formats"`
	}
	for _, f := range format.All() {
		list.Formats = append(list.Formats, exportFormat{Name: f.Name, Title: f.Title, MediaType: f.MediaType,
			Extension: f.Extension, Archive: f.ArchiveSuffix(), Loads: f.Reader != nil})
	}
	body, err := json.Marshal(list)
	if err != nil {
		panic(err) // strings only: cannot fail
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		_, _ = w.Write(body)
	})
}

// exportDataset serves a dataset as a zip archive of what `counterpoint
// export` writes: the project's JSON with its source texts, so that a
// curator's work can be downloaded, reviewed and kept in version control,
// or the files of a format for other tools (AIF, GraphML, CSV, Web
// Annotations). It is read-only and public, as every read is.
func (s *Server) exportDataset(ex Exporter) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// <id>.zip is the default format; <id>.<format>.zip another.
		file := r.PathValue("file")
		id, f, ok := format.ParseArchive(file)
		if !ok {
			var others []string
			for _, g := range format.All() {
				if g.Name != format.Default().Name {
					others = append(others, g.Name)
				}
			}
			http.Error(w, "want /export/datasets/<dataset id>.zip, or <dataset id>.<format>.zip with a format of "+strings.Join(others, ", "), http.StatusNotFound)
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), s.cfg.RequestTimeout)
		defer cancel()
		ds, err := ex.ExportDataset(ctx, id)
		if err != nil {
			s.httpError(w, r, err, "the export", "dataset", id)
			return
		}
		var buf bytes.Buffer
		if err := f.WriteArchive(&buf, ds); err != nil {
			s.httpError(w, r, err, "the export", "dataset", id)
			return
		}
		w.Header().Set("Content-Type", "application/zip")
		w.Header().Set("Content-Disposition", `attachment; filename="`+file+`"`)
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		_, _ = w.Write(buf.Bytes())
	})
}
