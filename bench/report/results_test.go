package report_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint/bench/ingest"
	"github.com/counterpoint-news/counterpoint/bench/loadgen"
	"github.com/counterpoint-news/counterpoint/bench/report"
)

func TestParseScale(t *testing.T) {
	for in, want := range map[string]int{"10k": 10_000, "100K": 100_000, "1m": 1_000_000, "2500": 2500} {
		if got, err := report.ParseScale(in); err != nil || got != want {
			t.Errorf("ParseScale(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "k", "-1k", "ten"} {
		if _, err := report.ParseScale(in); err == nil {
			t.Errorf("ParseScale(%q) accepted", in)
		}
	}
}

// TestValidate: well-formed results pass; a failed measurement, a run that
// errored, or a file that does not parse is reported as malformed.
func TestValidate(t *testing.T) {
	good := func() (report.Load, report.Queries) {
		run := ingest.Run{Kind: "loader", BatchSize: 5000, Elements: 10, Seconds: 1, Throughput: 10, Phases: []ingest.Phase{{Name: "write", Seconds: 1}}}
		raw := run
		raw.Kind = "raw"
		l := report.Load{Scale: "10k", Elements: 10, Runs: []ingest.Run{raw, run}}
		q := report.Queries{Scale: "10k", Impls: []string{"counterpoint"},
			Cells:      []report.Cell{{Query: "claim", Impl: "counterpoint", Concurrency: 1, Round: 1, Stats: loadgen.Stats{Requests: 5, P50: 1, P99: 2, Throughput: 5}}},
			RoundTrips: []report.RoundTrips{{Query: "claim", Impl: "counterpoint", Samples: []int{5}, Min: 5, Max: 5}}}
		return l, q
	}
	write := func(t *testing.T, l report.Load, q report.Queries) string {
		dir := t.TempDir()
		if err := report.WriteJSON(filepath.Join(dir, report.LoadFile), l); err != nil {
			t.Fatal(err)
		}
		if err := report.WriteJSON(filepath.Join(dir, report.QueriesFile), q); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	l, q := good()
	if err := report.Validate(write(t, l, q)); err != nil {
		t.Fatalf("well-formed results refused: %v", err)
	}
	l, q = good()
	q.Cells[0].Errors = 1
	if err := report.Validate(write(t, l, q)); err == nil || !strings.Contains(err.Error(), "claim on counterpoint") {
		t.Errorf("a failed measurement passed: %v", err)
	}
	l, q = good()
	l.Runs[1].Error = "boom"
	if err := report.Validate(write(t, l, q)); err == nil {
		t.Error("a failed load passed")
	}
	l, q = good()
	l.Runs[0].Digest, l.Runs[1].Digest = "a", "b"
	if err := report.Validate(write(t, l, q)); err == nil || !strings.Contains(err.Error(), "same rows") {
		t.Errorf("different graphs passed: %v", err)
	}
	l, q = good()
	dir := write(t, l, q)
	os.WriteFile(filepath.Join(dir, report.QueriesFile), []byte(`{"scale": "10k", "cells": [`), 0o644)
	if err := report.Validate(dir); err == nil {
		t.Error("truncated JSON passed")
	}
	if err := report.Validate(t.TempDir()); err == nil {
		t.Error("an empty folder passed")
	}
}
