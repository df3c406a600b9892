// Command counterpoint-trials runs the reliability trials that
// docs/reliability.md reports: the loader killed at random moments, Neo4j
// killed mid-load and under clients, readers during a big load, and the
// alias and rate-limit floods. Each trial prints what it saw, appends one
// result (JSON) to --results for scripts/reliability/run.sh's table, and
// exits 1 when a promise failed. It measures and reports times but never
// judges a trial by one: the machine it runs on may be busy.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/alecthomas/kong"

	"github.com/counterpoint-news/counterpoint/internal/cmdline"
	"github.com/counterpoint-news/counterpoint/store"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "counterpoint-trials:", err)
		os.Exit(1)
	}
}

// CLI is the command line: one sub-command per trial.
type CLI struct {
	Readers    ReadersCmd    `cmd:"" help:"Load a big dataset, and reload a changed one, while readers poll its claim count through the API; report what they saw."`
	KillLoader KillLoaderCmd `cmd:"" name:"kill-loader" help:"Kill -9 'counterpoint load' at random moments; the graph must be the old or the new one."`
	KillNeo4j  KillNeo4jCmd  `cmd:"" name:"kill-neo4j" help:"Kill -9 Neo4j during a load, restart it; the graph must be the old or the new one, and a load that said it was done must be there."`
	Outage     OutageCmd     `cmd:"" help:"Kill -9 Neo4j under concurrent clients and restart it; count answers by code, time the recovery, check that /readyz 200 means a query succeeds."`
	AliasFlood AliasFloodCmd `cmd:"" name:"alias-flood" help:"Send 1,000 aliases of costly fields (refused QUERY_TOO_COMPLEX) while a normal client measures its latency."`
	RateFlood  RateFloodCmd  `cmd:"" name:"rate-flood" help:"Flood one client's requests past the default rate limit; every refusal must be 429 with Retry-After."`
	Race       RaceCmd       `cmd:"" help:"Fire simultaneous pairs of saves of one node at one version through the API; exactly one of each pair must win, the other get CONFLICT, and no edit be lost."`
	Table      TableCmd      `cmd:"" help:"Print the results file as the Markdown table of docs/reliability.md."`
}

// Common are the settings every trial shares.
type Common struct {
	// URI is the graph the trial empties or overwrites: named on the
	// command line, never taken from NEO4J_URI or a default, so that no
	// trial wipes a graph nobody pointed it at.
	URI      string `name:"neo4j-uri" required:"" help:"Neo4j URI of the graph the trial empties, loads and overwrites (required; never read from NEO4J_URI)."`
	IMeanIt  bool   `name:"i-mean-it" help:"Allow the make run graph (Bolt on port 7687 of this machine, or the Neo4j of .neo4j/data) as the target."`
	Username string `name:"neo4j-username" env:"NEO4J_USERNAME" default:"neo4j" help:"Neo4j user."`
	Password string `name:"neo4j-password" env:"NEO4J_PASSWORD" default:"counterpoint-dev" help:"Neo4j password."`
	Database string `name:"neo4j-database" env:"NEO4J_DATABASE" default:"" help:"Neo4j database."`
	Bin      string `default:"bin/counterpoint" type:"path" help:"The counterpoint binary the trials run."`
	Work     string `default:".neo4j/trials" type:"path" help:"Folder for generated datasets and logs."`
	Results  string `type:"path" help:"File to append the trial's result to (JSON lines)."`
	Script   string `help:"The command that reproduces this trial, for the table."`
}

// Neo4jControl says how to kill and start the Neo4j the trials use.
type Neo4jControl struct {
	PIDFile string `name:"neo4j-pid-file" required:"" type:"path" help:"Pid file of the Neo4j server (scripts/neo4j.sh writes one beside its home)."`
	Start   string `name:"neo4j-start" required:"" help:"Shell command that starts Neo4j and returns once it answers (scripts/neo4j.sh start)."`
}

// Result is one line of the table.
type Result struct {
	Trial      string `json:"trial"`
	Trials     int    `json:"trials"`
	Held       int    `json:"held"`
	Failed     int    `json:"failed"`
	Measured   string `json:"measured"`
	Conditions string `json:"conditions"`
	Script     string `json:"script"`
	At         string `json:"at"`
}

type env struct {
	ctx context.Context
	out io.Writer
}

func (e *env) say(format string, args ...any) {
	fmt.Fprintf(e.out, "[%s] %s\n", time.Now().Format("15:04:05.000"), fmt.Sprintf(format, args...))
}

// finish prints and records r, and fails when a trial did not hold.
func (c Common) finish(e *env, r Result) error {
	r.Script, r.At = c.Script, time.Now().UTC().Format(time.RFC3339)
	e.say("%s: %d trials, %d held, %d failed; %s", r.Trial, r.Trials, r.Held, r.Failed, r.Measured)
	if c.Results != "" {
		b, err := json.Marshal(r)
		if err != nil {
			return err
		}
		f, err := os.OpenFile(c.Results, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
		if err != nil {
			return err
		}
		if _, err := f.Write(append(b, '\n')); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
	}
	if r.Failed > 0 || r.Held != r.Trials {
		return fmt.Errorf("%s: %d of %d trials failed", r.Trial, r.Trials-r.Held, r.Trials)
	}
	return nil
}

// open connects to Neo4j (and applies the schema).
func (c Common) open(ctx context.Context) (*store.DB, error) {
	return store.Open(ctx, c.storeConfig())
}

func (c Common) storeConfig() store.Config {
	return store.Config{URI: c.URI, Username: c.Username, Password: c.Password, Database: c.Database,
		Logger: slog.New(slog.NewJSONHandler(io.Discard, nil))}
}

// neo4jEnv is the environment that gives a child process this Neo4j.
func (c Common) neo4jEnv() []string {
	return append(os.Environ(), "NEO4J_URI="+c.URI, "NEO4J_USERNAME="+c.Username, "NEO4J_PASSWORD="+c.Password, "NEO4J_DATABASE="+c.Database)
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var cli CLI
	kctx, help, err := cmdline.Parse(&cli, args, stdout, stderr, kong.Name("counterpoint-trials"),
		kong.Description("Counterpoint's reliability trials (docs/reliability.md). Every trial but table empties or overwrites the graph at --neo4j-uri."))
	if help || err != nil {
		return err
	}
	return kctx.Run(&env{ctx: ctx, out: stdout})
}
