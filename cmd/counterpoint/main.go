// Command counterpoint serves the argument graph and loads curated datasets
// into it.
package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/counterpoint-news/counterpoint/format"

	"github.com/alecthomas/kong"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/data"
	"github.com/counterpoint-news/counterpoint/internal/cmdline"
	"github.com/counterpoint-news/counterpoint/internal/progress"
	"github.com/counterpoint-news/counterpoint/loader"
	"github.com/counterpoint-news/counterpoint/store"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "counterpoint:", err)
		os.Exit(1)
	}
}

// Neo4jConfig is where the graph lives; every field comes from the
// environment (or its flag).
type Neo4jConfig struct {
	URI      string `name:"neo4j-uri" env:"NEO4J_URI" default:"bolt://127.0.0.1:7687" help:"Neo4j URI (bolt://, neo4j://, neo4j+s://)."`
	Username string `name:"neo4j-username" env:"NEO4J_USERNAME" default:"neo4j" help:"Neo4j user; empty for a server without authentication."`
	Password string `name:"neo4j-password" env:"NEO4J_PASSWORD" default:"counterpoint-dev" help:"Neo4j password."`
	Database string `name:"neo4j-database" env:"NEO4J_DATABASE" default:"" help:"Neo4j database; empty for the server's default."`
}

// commandReadTimeout bounds each read of a command (load, export, stats).
// The store's default (15 s) is a bound for requests; a command's reads run
// once, often right after Neo4j has started (a script that starts it, then
// loads), when its first queries are still being planned on a busy machine.
// Two loads in one CI run failed with a deadline just after Neo4j had taken
// 27-58 s to start, most likely on that bound (the first read of a load
// asks for the graph's actors).
const commandReadTimeout = 2 * time.Minute

func (c Neo4jConfig) open(ctx context.Context, log *slog.Logger) (*store.DB, error) {
	return store.Open(ctx, store.Config{URI: c.URI, Username: c.Username, Password: c.Password, Database: c.Database, Logger: log,
		ReadTimeout: commandReadTimeout})
}

// CLI is the command line: one binary, one sub-command per job.
type CLI struct {
	Validate ValidateCmd `cmd:"" help:"Check dataset files without writing anything."`
	Load     LoadCmd     `cmd:"" help:"Check dataset files, then write them to Neo4j, one transaction each."`
	Delete   DeleteCmd   `cmd:"" help:"Delete datasets whole from Neo4j, in one transaction (refused if other datasets' relations end at their claims, unless --cut-relations)."`
	Export   ExportCmd   `cmd:"" help:"Write datasets from the graph as dataset files (the format load reads), with their source texts."`
	Stats    StatsCmd    `cmd:"" help:"Print node and relationship counts of the graph."`
	Serve    ServeCmd    `cmd:"" help:"Serve the GraphQL API, the explorer and the probes."`
}

// DatasetLimits bound what reading a dataset takes in.
type DatasetLimits struct {
	MaxBytes    int64         `name:"max-bytes" env:"MAX_DATASET_BYTES" default:"67108864" help:"Largest dataset file, and largest total of one dataset's source texts, in bytes; larger ones are refused before they are decoded."`
	ReadTimeout time.Duration `name:"read-timeout" env:"DATASET_READ_TIMEOUT" default:"10m" help:"Longest time reading and checking the dataset files may take before the command gives up."`
}

func (l DatasetLimits) loader() loader.Limits {
	return loader.Limits{MaxBytes: l.MaxBytes, ReadTimeout: l.ReadTimeout}
}

// ValidateCmd checks datasets and reports every problem with file and path.
type ValidateCmd struct {
	DatasetLimits
	InputFormat
	Files []string `arg:"" optional:"" type:"path" help:"Dataset files, or folders of them (their *.json files)."`
	Seed  bool     `help:"Also check the seed datasets embedded in the binary."`
}

// LoadCmd validates, then writes, datasets.
type LoadCmd struct {
	Neo4jConfig
	DatasetLimits
	InputFormat
	Files []string `arg:"" optional:"" type:"path" help:"Dataset files, or folders of them (their *.json files)."`
	Seed  bool     `help:"Load the seed datasets embedded in the binary (the article's graph)."`
	// Editor names the loader in the audit trail, as a token's name names
	// a curator.
	Editor string `env:"COUNTERPOINT_EDITOR" default:"cli" help:"Who loads, as the audit trail records it."`
	Quiet  bool   `help:"Show no progress (shown on stderr: a bar on a terminal, else a line every few seconds)."`
	// CutRelations lets a reload remove relations of other datasets.
	CutRelations bool `name:"cut-relations" help:"Let a reload drop claims that relations of datasets outside the load end at, removing those relations (without it, such a load is refused and names them)."`
}

// DeleteCmd deletes datasets whole.
type DeleteCmd struct {
	Neo4jConfig
	Datasets []string `arg:"" help:"The ids of the datasets to delete."`
	Editor   string   `env:"COUNTERPOINT_EDITOR" default:"cli" help:"Who deletes, as the audit trail records it."`
	// CutRelations lets the delete remove relations of other datasets.
	CutRelations bool `name:"cut-relations" help:"Also remove the relations of other datasets that end at the deleted claims (without it, such a delete is refused and names them)."`
}

// Run deletes the datasets.
func (c *DeleteCmd) Run(e *env) error {
	db, err := c.open(e.ctx, e.log)
	if err != nil {
		return err
	}
	defer db.Close(context.Background())
	sum, err := loader.LoadOptions{CutRelations: c.CutRelations}.Delete(counterpoint.WithEditor(e.ctx, c.Editor), db, c.Datasets)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "deleted dataset(s) %s: removed {%s}\n", strings.Join(c.Datasets, ", "), formatCounts(sum.Removed))
	return nil
}

// StatsCmd prints what the graph holds.
type StatsCmd struct {
	Neo4jConfig
}

type env struct {
	ctx    context.Context
	stdout io.Writer
	stderr io.Writer // progress, apart from the results on stdout
	log    *slog.Logger
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var cli CLI
	kctx, help, err := cmdline.Parse(&cli, args, stdout, stderr, kong.Name("counterpoint"),
		kong.Description("Counterpoint: who said what, on whose authority, and who countered whom."), formatVars())
	if help || err != nil {
		return err
	}
	log := slog.New(slog.NewJSONHandler(stderr, nil))
	return kctx.Run(&env{ctx: ctx, stdout: stdout, stderr: stderr, log: log})
}

// readInputs reads and checks the datasets; a signal or the read deadline
// stops it at once, whatever it is reading. The --report file is written
// here when the read fails or unless later is set (the load writes it,
// with what it adds, before loading).
func readInputs(e *env, lim loader.Limits, in InputFormat, files []string, seed, later bool) ([]loader.Input, loader.Report, error) {
	if len(files) == 0 && !seed {
		return nil, loader.Report{}, counterpoint.Errorf(counterpoint.EINVALID, "name at least one dataset file, or --seed")
	}
	var inputs []loader.Input
	var rep loader.Report
	err := lim.Interruptible(e.ctx, func() error {
		var err error
		inputs, rep, err = readAll(e, lim, in, files, seed, later)
		return err
	})
	if err != nil {
		return nil, rep, err
	}
	return inputs, rep, nil
}

func readAll(e *env, lim loader.Limits, in InputFormat, files []string, seed, later bool) ([]loader.Input, loader.Report, error) {
	var all loader.Report
	var inputs []loader.Input
	if seed {
		in, err := lim.ReadFS(format.Default().Reader, data.Files, data.Seeds...)
		if err != nil {
			return nil, all, err
		}
		inputs = append(inputs, in...)
	}
	if len(files) > 0 {
		files, err := loader.ExpandDirs(files)
		if err != nil {
			return nil, all, err
		}
		reader, err := in.reader()
		if err != nil {
			return nil, all, err
		}
		opt := loader.Options{SkipInvalid: in.SkipInvalid}
		if in.Aliases != "" {
			if opt.Aliases, err = loader.ReadAliases(in.Aliases); err != nil {
				return nil, all, err
			}
		}
		read, rep, err := lim.Read(reader, opt, files...)
		for _, p := range rep.Skipped {
			fmt.Fprintf(e.stderr, "skipped: %s\n", p.Line())
		}
		for _, p := range rep.Notices {
			fmt.Fprintf(e.stderr, "notice: %s\n", p.Line())
		}
		all = rep
		if in.Report != "" && (err != nil || !later) {
			if werr := writeReport(in.Report, rep, err); werr != nil {
				return nil, all, werr
			}
		}
		if err != nil {
			return nil, all, err
		}
		inputs = append(inputs, read...)
	}
	return inputs, all, nil
}

// Run validates the files.
func (c *ValidateCmd) Run(e *env) error {
	inputs, _, err := readInputs(e, c.loader(), c.InputFormat, c.Files, c.Seed, false)
	if err != nil {
		return err
	}
	for _, in := range inputs {
		ds := in.Dataset
		quotes := 0
		for _, c := range ds.Claims {
			quotes += len(c.Quotes)
		}
		fmt.Fprintf(e.stdout, "%s: dataset %q is valid: %d sources, %d actors, %d claims, %d quotes, %d relations\n",
			in.File, ds.ID, len(ds.Sources), len(ds.Actors), len(ds.Claims), quotes, len(ds.Relations))
	}
	return nil
}

// Run validates, then loads, the files.
func (c *LoadCmd) Run(e *env) error {
	inputs, read, err := readInputs(e, c.loader(), c.InputFormat, c.Files, c.Seed, true)
	if err != nil {
		return err
	}
	db, err := c.open(e.ctx, e.log)
	if err != nil {
		return err
	}
	defer db.Close(context.Background())
	// Every new actor's possible matches among the graph's, said (and
	// reported) before the load, never merged by it.
	cands, err := loader.ActorCandidates(e.ctx, db, inputs)
	if err != nil {
		return err
	}
	for _, p := range cands {
		fmt.Fprintf(e.stderr, "candidate: %s\n", p.Line())
	}
	if c.Report != "" && len(c.Files) > 0 {
		read.Notices = append(read.Notices, cands...)
		if err := writeReport(c.Report, read, nil); err != nil {
			return err
		}
	}
	start := time.Now()
	var total int64
	for _, in := range inputs {
		total += int64(store.Elements(in.Dataset))
	}
	rep := progress.New(e.stderr, "load", "elements", len(inputs), total, c.Quiet)
	results, err := loader.LoadOptions{CutRelations: c.CutRelations}.Load(counterpoint.WithEditor(e.ctx, c.Editor), db, inputs, loader.Progress{Elements: rep.Add, Dataset: rep.FileDone})
	rep.Finish()
	for _, r := range results {
		fmt.Fprintf(e.stdout, "%s: dataset %q loaded: %s\n", r.File, r.Dataset, formatSummary(r.Summary))
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "loaded %d dataset(s) in %s\n", len(results), time.Since(start).Round(time.Millisecond))
	return nil
}

// Run prints the graph's counts.
func (c *StatsCmd) Run(e *env) error {
	db, err := c.open(e.ctx, e.log)
	if err != nil {
		return err
	}
	defer db.Close(context.Background())
	st, err := db.Stats(e.ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "nodes: %s\nrelationships: %s\ndigest: %s\n", formatCounts(st.Nodes), formatCounts(st.Relationships), st.Digest)
	return nil
}

func formatSummary(s counterpoint.WriteSummary) string {
	return fmt.Sprintf("created {%s}; updated {%s}; unchanged {%s}; removed {%s}",
		formatCounts(s.Created), formatCounts(s.Updated), formatCounts(s.Unchanged), formatCounts(s.Removed))
}

func formatCounts(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s: %d", k, m[k])
	}
	return strings.Join(parts, ", ")
}
