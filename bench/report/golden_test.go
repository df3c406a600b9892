package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.md from the current template")

// TestMarkdownGolden renders the fixtures and compares them with the
// committed reports, so that a change to the template or to what feeds it
// shows up as a diff in review. After a deliberate change:
//
//	go test ./bench/report -run TestMarkdownGolden -update
func TestMarkdownGolden(t *testing.T) {
	for name, fixture := range map[string]func() ([]Scale, Meta){"full": fixtureFull, "partial": fixturePartial} {
		t.Run(name, func(t *testing.T) {
			scales, meta := fixture()
			v := newPerformanceView(scales, meta, fixtureMachine, "performance-p50.png", fixtureFindings)
			if name == "full" {
				v.AIF = newAIFView(fixtureAIF())
			}
			got, err := renderMarkdown(v)
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", name+".golden.md")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
				for i := 0; i < len(g) || i < len(w); i++ {
					if i >= len(g) || i >= len(w) || g[i] != w[i] {
						t.Fatalf("the report differs from %s at line %d:\ngot:  %q\nwant: %q\n(if the change is deliberate, run with -update and review the diff)",
							golden, i+1, line(g, i), line(w, i))
					}
				}
			}
		})
	}
}

func line(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return "(end of file)"
}

// TestGoalSentencesShowTheirThresholds: the sentences that state the goals
// take their numbers from the view, not from numbers typed into the
// template, so a changed threshold cannot leave the prose behind.
func TestGoalSentencesShowTheirThresholds(t *testing.T) {
	scales, meta := fixtureFull()
	v := newPerformanceView(scales, meta, fixtureMachine, "chart.png", fixtureFindings)
	v.Goals.Latency.Ratio, v.Goals.Latency.Concurrency = 1.45, 3
	v.Goals.Throughput.Ratio, v.Goals.Throughput.Concurrency = 1.2, 32
	v.Goals.Memory.Ratio = 0.5
	v.Goals.Loader.Ratio = 0.75
	v.Goals.Growth.MaxRatio, v.Goals.Growth.From, v.Goals.Growth.To = 3, 20_000, 2_000_000
	v.Goals.Growth.SpansGoal = false
	md, err := renderMarkdown(v)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"1. *Counterpoint's p50 within 1.45x of the raw driver on every query* (concurrency 3):",
		"2. *Counterpoint's throughput at concurrency 32 at least 1.2x the peer's on every query*:",
		"*Peak memory lower than 0.5x the peer's*:",
		"3. *The loader at 0.75x or better of the raw UNWIND baseline, validation included*:",
		"4. *No query's p50 more than 3x from 20k to 2M elements, except where the answer grows*:",
		"from 10k to 1m (the scales run; 2M was not) grew more than 3x for",
		"; within 3x: ",
	} {
		if !strings.Contains(string(md), want) {
			t.Errorf("the goals do not say %q:\n%s", want, goalsSection(md))
		}
	}
}

func goalsSection(md []byte) string {
	s := string(md)
	if i := strings.Index(s, "## Goals"); i >= 0 {
		s = s[i:]
	}
	if i := strings.Index(s, "## Loading"); i >= 0 {
		s = s[:i]
	}
	return s
}

func TestScaleLabel(t *testing.T) {
	for n, want := range map[int]string{10_000: "10k", 1_000_000: "1M", 2_500: "2500", 100_000: "100k", 1_500_000: "1500k"} {
		if got := scaleLabel(n); got != want {
			t.Errorf("scaleLabel(%d) = %q, want %q", n, got, want)
		}
	}
}
