package gen

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/counterpoint-news/counterpoint"
)

// The JSON layout of data/dataset.schema.json, written by Write.
type (
	jsonDataset struct {
		Schema      string         `json:"$schema,omitempty"`
		ID          string         `json:"id"`
		Title       string         `json:"title"`
		Description string         `json:"description,omitempty"`
		Sources     []jsonSource   `json:"sources"`
		Actors      []jsonActor    `json:"actors"`
		Claims      []jsonClaim    `json:"claims"`
		Relations   []jsonRelation `json:"relations,omitempty"`
	}
	jsonSource struct {
		ID         string   `json:"id"`
		Title      string   `json:"title"`
		Kind       string   `json:"kind"`
		Date       string   `json:"date,omitempty"`
		Publisher  string   `json:"publisher,omitempty"`
		Authors    []string `json:"authors,omitempty"`
		ReportedIn string   `json:"reportedIn,omitempty"`
		TextFile   string   `json:"textFile,omitempty"`
	}
	jsonActor struct {
		ID          string   `json:"id"`
		Name        string   `json:"name"`
		Kind        string   `json:"kind"`
		Role        string   `json:"role,omitempty"`
		Description string   `json:"description,omitempty"`
		MemberOf    []string `json:"memberOf,omitempty"`
	}
	jsonAssertion struct {
		Actor       string `json:"actor"`
		Source      string `json:"source"`
		Date        string `json:"date,omitempty"`
		Attribution string `json:"attribution"`
	}
	jsonQuote struct {
		ID       string `json:"id,omitempty"`
		Text     string `json:"text"`
		Source   string `json:"source"`
		Document string `json:"document,omitempty"`
		Start    int    `json:"start"`
		End      int    `json:"end"`
	}
	jsonClaim struct {
		ID         string          `json:"id"`
		Text       string          `json:"text"`
		Date       string          `json:"date,omitempty"`
		About      []string        `json:"about,omitempty"`
		Assertions []jsonAssertion `json:"assertions"`
		Quotes     []jsonQuote     `json:"quotes"`
	}
	jsonRelation struct {
		Kind   string `json:"kind"`
		From   string `json:"from"`
		To     string `json:"to"`
		Source string `json:"source,omitempty"`
		Note   string `json:"note,omitempty"`
	}
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
	if err := writeJSON(files.Dataset, toJSON(r.Dataset), false); err != nil {
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

func toJSON(ds *counterpoint.Dataset) jsonDataset {
	out := jsonDataset{ID: ds.ID, Title: ds.Title, Description: ds.Description}
	for _, s := range ds.Sources {
		out.Sources = append(out.Sources, jsonSource{ID: s.ID, Title: s.Title, Kind: string(s.Kind), Date: s.Date,
			Publisher: s.Publisher, Authors: s.Authors, ReportedIn: s.ReportedIn, TextFile: s.TextFile})
	}
	for _, a := range ds.Actors {
		out.Actors = append(out.Actors, jsonActor{ID: a.ID, Name: a.Name, Kind: string(a.Kind), Role: a.Role,
			Description: a.Description, MemberOf: a.MemberOf})
	}
	for _, c := range ds.Claims {
		jc := jsonClaim{ID: c.ID, Text: c.Text, Date: c.Date, About: c.About}
		for _, a := range c.Assertions {
			jc.Assertions = append(jc.Assertions, jsonAssertion{Actor: a.Actor, Source: a.Source, Date: a.Date, Attribution: string(a.Attribution)})
		}
		for _, q := range c.Quotes {
			jc.Quotes = append(jc.Quotes, jsonQuote{ID: q.ID, Text: q.Text, Source: q.Source, Document: q.Document, Start: q.Start, End: q.End})
		}
		out.Claims = append(out.Claims, jc)
	}
	for _, r := range ds.Relations {
		out.Relations = append(out.Relations, jsonRelation{Kind: string(r.Kind), From: r.From, To: r.To, Source: r.Source, Note: r.Note})
	}
	return out
}
