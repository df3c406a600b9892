package gen

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/counterpoint-news/counterpoint/format/datasetjson"

	"github.com/counterpoint-news/counterpoint"
)

// Files names what Write wrote.
type Files struct {
	Dataset  string // the dataset JSON
	Probes   string // probes.json
	Manifest string // manifest.json: config and counts
}

// Manifest describes a generated dataset.
type Manifest struct {
	Config Config `json:"config"`
	Counts Counts `json:"counts"`
	Bytes  int64  `json:"datasetBytes"`
}

// Write writes r into dir: <id>.json, its source texts under sources/,
// probes.json and manifest.json.
func Write(dir string, cfg Config, r *Result) (Files, error) {
	files := Files{
		Dataset:  filepath.Join(dir, r.Dataset.ID+".json"),
		Probes:   filepath.Join(dir, "probes.json"),
		Manifest: filepath.Join(dir, "manifest.json"),
	}
	if err := os.MkdirAll(filepath.Join(dir, "sources"), 0o755); err != nil {
		return files, err
	}
	names := make([]string, 0, len(r.Texts))
	for name := range r.Texts {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(r.Texts[name]), 0o644); err != nil {
			return files, err
		}
	}
	if err := writeDataset(files.Dataset, r.Dataset); err != nil {
		return files, err
	}
	if err := writeJSON(files.Probes, r.Probes, true); err != nil {
		return files, err
	}
	st, err := os.Stat(files.Dataset)
	if err != nil {
		return files, err
	}
	if cfg.ID == "" {
		cfg.ID = r.Dataset.ID
	}
	return files, writeJSON(files.Manifest, Manifest{Config: cfg, Counts: r.Counts, Bytes: st.Size()}, true)
}

func writeJSON(file string, v any, indent bool) error {
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(v); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", file, err)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// writeDataset writes ds with the loader's own encoder, buffered: at 1M
// elements the file is hundreds of megabytes.
func writeDataset(file string, ds *counterpoint.Dataset) error {
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	if err := datasetjson.Encode(w, ds); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", file, err)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// ReadProbes reads a probes.json that Write wrote.
func ReadProbes(file string) (Probes, error) {
	var p Probes
	b, err := os.ReadFile(file)
	if err != nil {
		return p, err
	}
	return p, json.Unmarshal(b, &p)
}

// ReadManifest reads a manifest.json that Write wrote.
func ReadManifest(file string) (Manifest, error) {
	var m Manifest
	b, err := os.ReadFile(file)
	if err != nil {
		return m, err
	}
	return m, json.Unmarshal(b, &m)
}
