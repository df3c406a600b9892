// Command generate runs gqlgen (the version pinned in go.mod) on a
// gqlgen.yml with one plugin of ours, which has the objects that
// fieldorder.Sequential names resolve their fields one after another, and
// the lists whose elements never wait, or whose selection reaches nothing
// that may wait, marshalled in order (fieldorder.MarshalSlice). go
// generate runs it (see generate.go); the code it writes is gqlgen's, but
// for the one call it swaps in each list's marshaller, and listorder.go
// beside it, the schema that fieldorder reads.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"path/filepath"
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
	if err := writeSchema(filepath.Join(filepath.Dir(cfg.Exec.Filename), schemaFile), cfg.Exec.Package, plugin.schema); err != nil {
		return err
	}
	return marshalInOrder(cfg.Exec.Filename, plugin.lists)
}

// inOrder turns off gqlgen's goroutine per resolver field on the objects
// fieldorder.Sequential names, and works out how each list of objects is
// to be marshalled: in order where its elements never wait
// (fieldorder.Schema.NeverWaits), else by what the selection asks of them
// (fieldorder.Schema.ListOf), from the schema it writes beside the
// executor. It runs after gqlgen has bound the schema and before it writes
// the executor, as gqlgen's CodeGenerator plugins do.
type inOrder struct {
	lists  map[string]string // list marshaller's name: what it calls instead of gqlgen's
	schema fieldorder.Schema
}

func (*inOrder) Name() string { return "fieldorder" }

func (p *inOrder) GenerateCode(data *codegen.Data) error {
	p.schema = fieldorder.Schema{}
	for _, o := range data.Objects {
		if o.Root {
			continue
		}
		t := fieldorder.Type{Satisfies: []string{o.Name}, Fields: map[string]fieldorder.Field{}}
		for _, f := range o.Fields {
			// gqlgen's own test (a resolver, or a method taking a
			// context), read before any object's concurrency is turned off.
			waits := f.IsConcurrent()
			for _, d := range f.Directives {
				if !d.SkipRuntime {
					waits = true
				}
			}
			typ := ""
			if f.TypeReference != nil && f.TypeReference.Definition != nil {
				typ = f.TypeReference.Definition.Name
			}
			t.Fields[f.Name] = fieldorder.Field{Waits: waits, Type: typ}
		}
		p.schema[o.Name] = t
	}
	for name, i := range data.Interfaces {
		t := fieldorder.Type{Possible: []string{}}
		for _, impl := range i.Implementors {
			t.Possible = append(t.Possible, impl.Name)
			if o, ok := p.schema[impl.Name]; ok {
				o.Satisfies = append(o.Satisfies, name)
				p.schema[impl.Name] = o
			}
		}
		slices.Sort(t.Possible)
		t.Possible = slices.Compact(t.Possible)
		p.schema[name] = t
	}
	for name, t := range p.schema {
		slices.Sort(t.Satisfies) // data.Interfaces is a map: its order is not fixed
		t.Satisfies = slices.Compact(t.Satisfies)
		p.schema[name] = t
	}
	never := p.schema.NeverWaits()
	p.lists = map[string]string{}
	for _, ref := range data.ReferencedTypes {
		if !ref.IsSlice() || ref.IsScalar() || ref.Definition == nil {
			continue
		}
		elem := ref.Definition.Name
		switch {
		case never[elem]:
			p.lists[ref.MarshalFunc()] = inOrderSlice
		case p.schema[elem].Fields != nil || p.schema[elem].Possible != nil:
			p.lists[ref.MarshalFunc()] = fmt.Sprintf("%s.ListOf(sel, %q).MarshalSlice", schemaVar, elem)
		}
	}

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
	// schemaVar is the variable, in the executor's package, that holds
	// the fieldorder.Schema writeSchema writes.
	schemaVar  = "listOrder"
	schemaFile = "listorder.go"
)

// marshalInOrder has each of the named list marshallers in the executor
// gqlgen wrote call what lists gives for it instead of gqlgen's
// MarshalSliceConcurrently (the same arguments). It fails if a named
// marshaller does not make exactly one such call, so that a change in
// gqlgen's template stops the generator instead of passing unnoticed.
func marshalInOrder(path string, lists map[string]string) error {
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
	type span struct {
		from, to int // byte offsets of the call's function
		with     string
	}
	var spans []span
	for _, decl := range file.Decls {
		fn, ok := decl.(*ast.FuncDecl)
		if !ok {
			continue
		}
		with, ok := lists[fn.Name.Name]
		if !ok {
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
					spans = append(spans, span{fset.Position(sel.Pos()).Offset, fset.Position(sel.End()).Offset, with})
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
	sort.Slice(spans, func(i, j int) bool { return spans[i].from < spans[j].from })
	var out bytes.Buffer
	last, imports := 0, false
	for _, s := range spans {
		out.Write(src[last:s.from])
		out.WriteString(s.with)
		last = s.to
		imports = imports || s.with == inOrderSlice
	}
	out.Write(src[last:])
	result := out.Bytes()
	if imports {
		// gqlgen writes the module's own imports in the group after the
		// standard library's, below its own package; format sorts the group.
		anchor := []byte("\t\"github.com/99designs/gqlgen/graphql\"\n")
		if !bytes.Contains(result, anchor) {
			return fmt.Errorf("%s: no import of gqlgen's graphql package to add %s beside", path, inOrderPkg)
		}
		result = bytes.Replace(result, anchor, append(anchor, []byte("\t"+inOrderPkg+"\n")...), 1)
	}
	formatted, err := format.Source(result)
	if err != nil {
		return fmt.Errorf("formatting %s: %w", path, err)
	}
	return os.WriteFile(path, formatted, 0o644)
}

// writeSchema writes schema as the variable schemaVar of package pkg into
// path, in a file marked as generated.
func writeSchema(path, pkg string, schema fieldorder.Schema) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by internal/generate from gqlgen's bound schema, DO NOT EDIT.\n\npackage %s\n\n", pkg)
	fmt.Fprintf(&b, "import %s\n\n", inOrderPkg)
	fmt.Fprintf(&b, "// %s is what fieldorder needs to know of the schema to marshal a list's\n// elements in order where nothing they are asked for may wait.\n", schemaVar)
	fmt.Fprintf(&b, "var %s = fieldorder.Schema{\n", schemaVar)
	for _, name := range slices.Sorted(maps.Keys(schema)) {
		t := schema[name]
		fmt.Fprintf(&b, "%q: {", name)
		if t.Possible != nil {
			fmt.Fprintf(&b, "Possible: %#v,", t.Possible)
		}
		if t.Fields != nil {
			fmt.Fprintf(&b, "Satisfies: %#v, Fields: map[string]fieldorder.Field{\n", t.Satisfies)
			for _, f := range slices.Sorted(maps.Keys(t.Fields)) {
				fmt.Fprintf(&b, "%q: {Waits: %v, Type: %q},\n", f, t.Fields[f].Waits, t.Fields[f].Type)
			}
			b.WriteString("}")
		}
		b.WriteString("},\n")
	}
	b.WriteString("}\n")
	formatted, err := format.Source(b.Bytes())
	if err != nil {
		return fmt.Errorf("formatting %s: %w", path, err)
	}
	return os.WriteFile(path, formatted, 0o644)
}
