package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/counterpoint-news/counterpoint/bench/aifcorpus"
	"github.com/counterpoint-news/counterpoint/bench/report"
)

// AIFCorpusCmd writes the generated AIF corpus that docs/aif.md's load
// figures are measured on.
type AIFCorpusCmd struct {
	Maps  int    `default:"1400" help:"Maps to write."`
	Seed  uint64 `default:"19" help:"The generator's seed."`
	Turns int    `help:"Turns of every map (about five nodes each); 0 for 15 to 20, as in the corpus."`
	Chain bool   `help:"Chain every map into one group (one dataset), to time one large dataset."`
	Dir   string `arg:"" type:"path" help:"Folder to write the maps into."`
}

// Run writes the corpus and says what it holds.
func (c *AIFCorpusCmd) Run(e *env) error {
	st, err := aifcorpus.Write(aifcorpus.Config{Maps: c.Maps, Seed: c.Seed, Dir: c.Dir, Chain: c.Chain, Turns: c.Turns})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.out, "%d maps, %d nodes, %d edges; %d groups (largest %d maps); %d TA-anchored YAs, %d self-relations, %d undercutters, %d annotators' copies, %d maps with placeholder dates\n",
		st.Maps, st.Nodes, st.Edges, st.Groups, st.LargestGroup, st.TAYAs, st.SelfLoops, st.Undercutters, st.Copies, st.PlaceholderMaps)
	return nil
}

// AIFLoadCmd is make bench's AIF corpus step: it writes the generated
// corpus, empties the graph, and times two loads of it by the counterpoint
// binary, the first into the empty graph and the second over it, unchanged, from outside the process (wall time,
// CPU, peak RSS); the result goes to the report's results folder.
type AIFLoadCmd struct {
	Neo4jConfig
	Corpus    string `required:"" type:"path" help:"A folder of its own for the generated corpus (1,400 maps, seed 19), written on every run (the same each time)."`
	Out       string `required:"" type:"path" help:"Results folder to write aif-corpus.json into."`
	Bin       string `default:"bin/counterpoint" type:"path" help:"The counterpoint binary to time."`
	Time      string `default:"/usr/bin/time" help:"GNU time (Debian's package time), which measures the loader's peak RSS."`
	Neo4jHeap string `env:"NEO4J_HEAP" help:"The server's heap, for the report."`
	Digest    bool   `default:"true" negatable:"" help:"Read the graph's digest after each load (outside the timing) to check that the second changes nothing."`
}

// Run writes the corpus if needed, then times the two loads.
func (c *AIFLoadCmd) Run(e *env) error {
	res := report.AIFCorpus{Date: time.Now().UTC().Format("2006-01-02 15:04 UTC"), Neo4jHeap: c.Neo4jHeap}
	e.say("aif corpus: writing %s", c.Corpus)
	st, err := aifcorpus.Write(aifcorpus.Config{Maps: 1400, Seed: 19, Dir: c.Corpus})
	if err != nil {
		return err
	}
	res.Maps, res.Nodes, res.Edges, res.Groups, res.LargestGroup = st.Maps, st.Nodes, st.Edges, st.Groups, st.LargestGroup
	res.TAYAs, res.SelfLoops, res.Undercutters, res.Copies, res.PlaceholderMaps = st.TAYAs, st.SelfLoops, st.Undercutters, st.Copies, st.PlaceholderMaps
	db, err := c.store(e.ctx, 0)
	if err != nil {
		return err
	}
	defer db.Close(context.Background())
	if err := db.DeleteAll(e.ctx); err != nil {
		return err
	}
	reportFile := filepath.Join(c.Out, "aif-corpus-report.jsonl")
	if err := os.MkdirAll(c.Out, 0o755); err != nil {
		return err
	}
	args := []string{"load", "--quiet", "--format", "aif", "--skip-invalid", "--aliases", filepath.Join(c.Corpus, "aliases.txt"), "--report", reportFile, c.Corpus}
	res.Command = "counterpoint " + strings.Join(args, " ")
	var digests []string
	for _, name := range []string{"first", "second"} {
		// GNU time measures the loader's peak RSS: the rusage this process
		// gets for a child counts its own peak too (Go starts children with
		// vfork, and exec keeps the old address space's high-water mark).
		rssFile := filepath.Join(c.Out, "aif-corpus-rss.txt")
		cmd := exec.CommandContext(e.ctx, c.Time, append([]string{"-f", "%M", "-o", rssFile, c.Bin}, args...)...)
		cmd.Env = append(os.Environ(), "NEO4J_URI="+c.URI, "NEO4J_USERNAME="+c.Username, "NEO4J_PASSWORD="+c.Password, "NEO4J_DATABASE="+c.Database)
		var stdout, stderr strings.Builder
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		before := loadAverage1()
		start := time.Now()
		err := cmd.Run()
		wall := time.Since(start).Seconds()
		if err != nil {
			return fmt.Errorf("%s load: %w\n%s", name, err, lastLines(stderr.String(), 5))
		}
		l := report.AIFLoad{Name: name, Seconds: wall, NodesPerSecond: float64(st.Nodes) / wall,
			CPUSeconds:  (cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()).Seconds(),
			LoadAverage: before + " → " + loadAverage1()}
		b, err := os.ReadFile(rssFile)
		if err != nil {
			return fmt.Errorf("%s load: the peak RSS: %w", name, err)
		}
		kb, err := strconv.ParseFloat(strings.TrimSpace(string(b)), 64)
		if err != nil {
			return fmt.Errorf("%s load: the peak RSS %q: %w", name, b, err)
		}
		l.PeakRSSMB = kb * 1024 / 1e6
		res.Loads = append(res.Loads, l)
		if _, err := fmt.Sscanf(lastLines(stdout.String(), 1), "loaded %d dataset(s)", &res.Datasets); err != nil {
			return fmt.Errorf("%s load: no summary line in its output: %w", name, err)
		}
		e.say("aif corpus, %s load: %.1f s wall, %.0f AIF nodes/s, %.1f s CPU, peak RSS %.0f MB", name, l.Seconds, l.NodesPerSecond, l.CPUSeconds, l.PeakRSSMB)
		if c.Digest {
			s, err := db.Stats(e.ctx)
			if err != nil {
				return err
			}
			digests = append(digests, s.Digest)
		}
	}
	if len(digests) == 2 {
		res.DigestsKnown, res.SecondLoadSameDigest = true, digests[0] == digests[1]
	}
	if b, err := os.ReadFile(reportFile); err == nil {
		res.Skipped = strings.Count(string(b), "\n") - 1 // the last line counts by kind
	}
	return report.WriteJSON(filepath.Join(c.Out, report.AIFCorpusFile), res)
}

// loadAverage1 is the machine's 1-minute load average (the first of
// loadAverage's three), "?" where unknown.
func loadAverage1() string {
	if f := strings.Fields(loadAverage()); len(f) > 0 {
		return f[0]
	}
	return "?"
}

// lastLines is the last n lines of s.
func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}
