package report

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/counterpoint-news/counterpoint/bench/mix"
)

//go:embed chart.py
var chartScript []byte

// Chart draws p50 against scale (at the low concurrency) with matplotlib, so
// that growth with the graph shows at a glance.
func Chart(scales []Scale, out, python string) error {
	type sc struct {
		Name     string `json:"name"`
		Elements int    `json:"elements"`
	}
	summary := struct {
		Scales      []sc                             `json:"scales"`
		Queries     []string                         `json:"queries"`
		Impls       []string                         `json:"impls"`
		Concurrency int                              `json:"concurrency"`
		P50         map[string]map[string][]*float64 `json:"p50"`
	}{Impls: engineImpls(mix.Impls), Concurrency: lowConcurrency, P50: map[string]map[string][]*float64{}}
	var withQ []Scale
	for _, s := range scales {
		if s.Queries != nil {
			withQ = append(withQ, s)
			summary.Scales = append(summary.Scales, sc{s.Name, s.Elements()})
		}
	}
	if len(withQ) == 0 {
		return fmt.Errorf("no query results to chart")
	}
	summary.Queries = queryOrder(withQ[len(withQ)-1].Queries)
	for _, q := range summary.Queries {
		summary.P50[q] = map[string][]*float64{}
		for _, impl := range engineImpls(mix.Impls) {
			for _, s := range withQ {
				var v *float64
				if x := aggregate(s.Queries)[key{q, impl, lowConcurrency}].P50; x > 0 && !math.IsNaN(x) {
					v = &x
				}
				summary.P50[q][impl] = append(summary.P50[q][impl], v)
			}
		}
	}
	dir, err := os.MkdirTemp("", "counterpoint-chart")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	js, _ := json.Marshal(summary)
	src, script := filepath.Join(dir, "summary.json"), filepath.Join(dir, "chart.py")
	if err := os.WriteFile(src, js, 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(script, chartScript, 0o644); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	cmd := exec.Command(python, script, src, out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("%s %s: %v: %s", python, script, err, msg)
	}
	return nil
}
