package report

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"text/template"
)

//go:embed findings.md
var findings string

//go:embed performance.md.tmpl
var performanceTemplate string

// performance lays out and words docs/performance.md; the numbers and
// verdicts it shows come computed in a performanceView.
var performance = template.Must(template.New("performance.md.tmpl").Funcs(template.FuncMap{
	"ms":         ms,
	"rate":       rate,
	"pct":        func(x float64) float64 { return 100 * x },
	"kib":        func(x float64) float64 { return x / 1024 },
	"human":      human,
	"cell":       cell,
	"join":       strings.Join,
	"scaleLabel": scaleLabel,
}).Parse(performanceTemplate))

// WriteMarkdown writes docs/performance.md from the results; it describes
// the machine it runs on, since make bench reports where it measured.
func WriteMarkdown(file string, scales []Scale, aif *AIFCorpus, meta Meta, chart string) error {
	v := newPerformanceView(scales, meta, machine(), chart, findings)
	v.AIF = newAIFView(aif)
	md, err := renderMarkdown(v)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	return os.WriteFile(file, md, 0o644)
}

func renderMarkdown(v performanceView) ([]byte, error) {
	var b bytes.Buffer
	if err := performance.Execute(&b, v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Meta is what scripts/bench.sh knows about the run.
type Meta map[string]string

// ReadMeta reads the run's meta file; an empty name gives an empty Meta.
func ReadMeta(file string) (Meta, error) {
	m := Meta{}
	if file == "" {
		return m, nil
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	return m, json.Unmarshal(b, &m)
}

// ms formats milliseconds with three significant digits or so.
func ms(x float64) string {
	switch {
	case x == 0:
		return "–"
	case x < 10:
		return fmt.Sprintf("%.2f", x)
	case x < 100:
		return fmt.Sprintf("%.1f", x)
	default:
		return fmt.Sprintf("%.0f", x)
	}
}

// rate formats requests per second.
func rate(x float64) string {
	if x == 0 {
		return "–"
	}
	if x < 10 {
		return fmt.Sprintf("%.1f", x)
	}
	return fmt.Sprintf("%.0f", x)
}

// human formats an element count: 10.1k, 1.00M.
func human(n int) string {
	switch {
	case n >= 1_000_000:
		return fmt.Sprintf("%.2fM", float64(n)/1e6)
	case n >= 1000:
		return fmt.Sprintf("%.1fk", float64(n)/1e3)
	}
	return fmt.Sprint(n)
}

// cell makes text fit in a table cell: at most n bytes, no column bars.
func cell(n int, s string) string {
	if len(s) > n {
		s = s[:n] + "…"
	}
	return strings.ReplaceAll(s, "|", "/")
}

// scaleLabel names a round number of elements as prose does: 10k, 1M.
func scaleLabel(n int) string {
	switch {
	case n >= 1_000_000 && n%1_000_000 == 0:
		return fmt.Sprintf("%dM", n/1_000_000)
	case n >= 1000 && n%1000 == 0:
		return fmt.Sprintf("%dk", n/1000)
	}
	return fmt.Sprint(n)
}

// machine describes the machine the report is written on (the same one
// the benchmark ran on: make bench writes the report at its end).
func machine() map[string]string {
	m := map[string]string{"cores": fmt.Sprint(runtime.NumCPU()), "go": runtime.Version(), "os": runtime.GOOS + "/" + runtime.GOARCH}
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(line, "model name") {
				m["cpu"] = strings.TrimSpace(strings.SplitN(line, ":", 2)[1])
				break
			}
		}
	}
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		var kb float64
		fmt.Sscanf(strings.SplitN(string(b), "\n", 2)[0], "MemTotal: %f kB", &kb)
		m["memory"] = fmt.Sprintf("%.1f GiB", kb/1024/1024)
	}
	if b, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		m["kernel"] = strings.TrimSpace(string(b))
	}
	if out, err := exec.Command("node", "--version").Output(); err == nil {
		m["node"] = strings.TrimSpace(string(out))
	}
	if out, err := exec.Command("java", "-version").CombinedOutput(); err == nil {
		m["java"] = strings.TrimSpace(strings.SplitN(string(out), "\n", 2)[0])
	}
	// The peer's packages, as installed from the lock file.
	for _, p := range []string{"@neo4j/graphql", "@apollo/server", "graphql", "neo4j-driver"} {
		b, err := os.ReadFile(filepath.Join("bench/peer/node_modules", p, "package.json"))
		if err != nil {
			continue
		}
		var pkg struct{ Version string }
		if json.Unmarshal(b, &pkg) == nil {
			m[p] = pkg.Version
		}
	}
	return m
}
