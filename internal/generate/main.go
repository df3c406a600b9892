// Command generate runs gqlgen (the version pinned in go.mod) on a
// gqlgen.yml with one plugin of ours, which has the objects that
// fieldorder.Sequential names resolve their fields one after another and
// the lists whose elements never wait marshalled in order
// (fieldorder.MarshalSlice). go generate runs it (see generate.go); the
// code it writes is gqlgen's, but for the one call it swaps in those lists.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"slices"
	"sort"

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
	plugin := &inOrder{}
	if err := api.Generate(cfg, api.AddPlugin(plugin)); err != nil {
		return err
	}
	return marshalInOrder(cfg.Exec.Filename, plugin.lists)
}

// inOrder turns off gqlgen's goroutine per resolver field on the objects
// fieldorder.Sequential names, and notes the marshallers of the lists
// whose elements fieldorder.NeverWaits. It runs after gqlgen has bound the
// schema and before it writes the executor, as gqlgen's CodeGenerator
// plugins do.
type inOrder struct {
	lists []string // the names of the list marshallers to run in order
}

func (*inOrder) Name() string { return "fieldorder" }

func (p *inOrder) GenerateCode(data *codegen.Data) error {
	shapes := map[string]fieldorder.Shape{}
	for _, o := range data.Objects {
		s := fieldorder.Shape{Waits: o.Root}
		for _, f := range o.Fields {
			// gqlgen's own test (a resolver, or a method taking a
			// context), read before any object's concurrency is turned off.
			if f.IsConcurrent() {
				s.Waits = true
			}
			for _, d := range f.Directives {
				if !d.SkipRuntime {
					s.Waits = true
				}
			}
			if f.TypeReference != nil && f.TypeReference.Definition != nil {
				s.Refs = append(s.Refs, f.TypeReference.Definition.Name)
			}
		}
		shapes[o.Name] = s
	}
	for name, i := range data.Interfaces {
		s := fieldorder.Shape{}
		for _, impl := range i.Implementors {
			s.Refs = append(s.Refs, impl.Name)
		}
		shapes[name] = s
	}
	never := fieldorder.NeverWaits(shapes)
	for _, ref := range data.ReferencedTypes {
		if ref.IsSlice() && !ref.IsScalar() && ref.Definition != nil && never[ref.Definition.Name] {
			p.lists = append(p.lists, ref.MarshalFunc())
		}
	}
	sort.Strings(p.lists)

	for _, o := range data.Objects {
		if o.Root {
			continue
		}
		loading := 0
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

const (
	gqlgenSlice  = "graphql.MarshalSliceConcurrently"
	inOrderSlice = "fieldorder.MarshalSlice"
	inOrderPkg   = `"github.com/counterpoint-news/counterpoint/internal/fieldorder"`
)

// marshalInOrder has each of the named list marshallers in the executor
// gqlgen wrote call fieldorder.MarshalSlice instead of gqlgen's
// MarshalSliceConcurrently (the same arguments). It fails if a named
// marshaller does not make exactly one such call, so that a change in
// gqlgen's template stops the generator instead of passing unnoticed.
func marshalInOrder(path string, lists []string) error {
	if len(lists) == 0 {
		return nil
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, path, src, parser.SkipObjectResolution)
	if err != nil {
		return fmt.Errorf("reading gqlgen's executor: %w", err)
	}
	var spans [][2]int // byte offsets of each call's function name
	for _, decl := range file.Decls {
		fn, ok := decl.(*ast.FuncDecl)
		if !ok || !slices.Contains(lists, fn.Name.Name) {
			continue
		}
		calls := 0
		ast.Inspect(fn.Body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			if sel, ok := call.Fun.(*ast.SelectorExpr); ok {
				if x, ok := sel.X.(*ast.Ident); ok && x.Name+"."+sel.Sel.Name == gqlgenSlice {
					spans = append(spans, [2]int{fset.Position(sel.Pos()).Offset, fset.Position(sel.End()).Offset})
					calls++
				}
			}
			return true
		})
		if calls != 1 {
			return fmt.Errorf("%s: %s calls %s %d times, want once", path, fn.Name.Name, gqlgenSlice, calls)
		}
	}
	if len(spans) != len(lists) {
		return fmt.Errorf("%s: found %d of the %d list marshallers to run in order", path, len(spans), len(lists))
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i][0] < spans[j][0] })
	var out bytes.Buffer
	last := 0
	for _, s := range spans {
		out.Write(src[last:s[0]])
		out.WriteString(inOrderSlice)
		last = s[1]
	}
	out.Write(src[last:])
	// gqlgen writes the module's own imports in the group after the
	// standard library's, below its own package; format sorts the group.
	anchor := []byte("\t\"github.com/99designs/gqlgen/graphql\"\n")
	if !bytes.Contains(out.Bytes(), anchor) {
		return fmt.Errorf("%s: no import of gqlgen's graphql package to add %s beside", path, inOrderPkg)
	}
	withImport := bytes.Replace(out.Bytes(), anchor, append(anchor, []byte("\t"+inOrderPkg+"\n")...), 1)
	formatted, err := format.Source(withImport)
	if err != nil {
		return fmt.Errorf("formatting %s: %w", path, err)
	}
	return os.WriteFile(path, formatted, 0o644)
}
