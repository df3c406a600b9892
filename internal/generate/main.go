// Command generate runs gqlgen (the version pinned in go.mod) on a
// gqlgen.yml with one plugin of ours, which has the objects that
// fieldorder.Sequential names resolve their fields one after another.
// go generate runs it (see generate.go); the code it writes is gqlgen's.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/99designs/gqlgen/api"
	"github.com/99designs/gqlgen/codegen"
	"github.com/99designs/gqlgen/codegen/config"

	"github.com/counterpoint-news/counterpoint/internal/fieldorder"
)

func main() {
	configPath := flag.String("config", "gqlgen.yml", "gqlgen's configuration file")
	flag.Parse()
	if err := run(*configPath); err != nil {
		fmt.Fprintln(os.Stderr, "generate:", err)
		os.Exit(1)
	}
}

func run(configPath string) error {
	cfg, err := config.LoadConfig(configPath)
	if err != nil {
		return fmt.Errorf("reading %s: %w", configPath, err)
	}
	return api.Generate(cfg, api.AddPlugin(inOrder{}))
}

// inOrder turns off gqlgen's goroutine per resolver field on the objects
// fieldorder.Sequential names. It runs after gqlgen has bound the schema
// and before it writes the executor, as gqlgen's CodeGenerator plugins do.
type inOrder struct{}

func (inOrder) Name() string { return "fieldorder" }

func (inOrder) GenerateCode(data *codegen.Data) error {
	for _, o := range data.Objects {
		if o.Root {
			continue
		}
		loading := 0 // gqlgen's own test: a resolver, or a method taking a context
		for _, f := range o.Fields {
			if f.IsConcurrent() {
				loading++
			}
		}
		if fieldorder.Sequential(o.Name, loading) {
			o.DisableConcurrency = true
		}
	}
	return nil
}
