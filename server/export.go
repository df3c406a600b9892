package server

import (
	"bytes"
	"context"
	"net/http"
	"strings"

	"github.com/counterpoint-news/counterpoint/export"
	"github.com/counterpoint-news/counterpoint/loader"
)

// exportDataset serves a dataset as a zip archive of what `counterpoint
// export` writes: the project's JSON with its source texts, so that a
// curator's work can be downloaded, reviewed and kept in version control,
// or the files of a format for other tools (AIF, GraphML, CSV, Web
// Annotations). It is read-only and public, as every read is.
func (s *Server) exportDataset(ex Exporter) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// <id>.zip is the project's JSON with the texts; <id>.<format>.zip
		// the files of a format for other tools (export.Formats).
		name, ok := strings.CutSuffix(r.PathValue("file"), ".zip")
		id, format := name, "json"
		for _, f := range export.Formats {
			if base, found := strings.CutSuffix(name, "."+f); found {
				id, format = base, f
			}
		}
		if !ok || id == "" {
			http.Error(w, "want /export/datasets/<dataset id>.zip, or <dataset id>.<format>.zip with a format of "+strings.Join(export.Formats, ", "), http.StatusNotFound)
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
		write := func() error { return export.WriteArchive(&buf, ds, format) }
		if format == "json" {
			write = func() error { return loader.WriteJSONArchive(&buf, ds) }
		}
		if err := write(); err != nil {
			s.httpError(w, r, err, "the export", "dataset", id)
			return
		}
		w.Header().Set("Content-Type", "application/zip")
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.zip"`)
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		_, _ = w.Write(buf.Bytes())
	})
}
