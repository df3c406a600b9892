package store

import (
	"cmp"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestDecodingIsChecked keeps the store's decoding checked: no value read
// from Neo4j may be taken without looking at whether it was there and of
// the right type, so that a renamed column or property fails instead of
// giving zero values. It fails on a discarded error or found-flag of
// neo4j.GetRecordValue or of a Get method, on a type assertion whose ok is
// not kept (x.(T) or v, _ := x.(T)), and on an index by a constant (recs[0])
// with no len of the same slice earlier in the function.
func TestDecodingIsChecked(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, problem := range uncheckedDecoding(fset, f) {
			t.Error(problem)
		}
	}
}

// TestUncheckedDecodingIsFound shows that the check above finds what it
// looks for, so that it cannot pass by finding nothing.
func TestUncheckedDecodingIsFound(t *testing.T) {
	const src = `package p
func f(rec *neo4j.Record, recs []*neo4j.Record, v any, m map[string]any) {
	a, _, _ := neo4j.GetRecordValue[string](rec, "a")
	b, _ := rec.Get("b")
	c := v.(string)
	d, _ := m["d"].(int64)
	e := recs[0]
	if len(recs) > 1 {
		g := recs[1]
	}
	switch x := v.(type) {
	}
	h, ok := v.(string)
}`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	got := uncheckedDecoding(fset, f)
	want := []string{
		"p.go:3:13: the error or null flag of GetRecordValue is discarded",
		"p.go:4:10: the found flag of Get is discarded",
		"p.go:5:7: a type assertion without ok",
		"p.go:6:10: a type assertion whose ok is discarded",
		"p.go:7:7: recs[0] with no len(recs) before it",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("found:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// uncheckedDecoding lists the unchecked reads in one file.
func uncheckedDecoding(fset *token.FileSet, f *ast.File) []string {
	type problem struct {
		pos token.Pos
		msg string
	}
	var found []problem
	report := func(n ast.Node, msg string) { found = append(found, problem{n.Pos(), msg}) }
	// Type assertions that sit in a two-value assignment with a kept ok,
	// or in a type switch, are checked; every other one is reported.
	checked := map[*ast.TypeAssertExpr]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Rhs) != 1 {
				break
			}
			rhs := ast.Unparen(n.Rhs[0])
			if ta, ok := rhs.(*ast.TypeAssertExpr); ok && len(n.Lhs) == 2 {
				checked[ta] = true
				if isBlank(n.Lhs[1]) {
					report(ta, "a type assertion whose ok is discarded")
				}
			}
			if call, ok := rhs.(*ast.CallExpr); ok {
				switch name := calledName(call); {
				case name == "GetRecordValue" && len(n.Lhs) == 3 && (isBlank(n.Lhs[1]) || isBlank(n.Lhs[2])):
					report(call, "the error or null flag of GetRecordValue is discarded")
				case name == "Get" && len(n.Lhs) == 2 && isBlank(n.Lhs[1]):
					report(call, "the found flag of Get is discarded")
				}
			}
		case *ast.TypeSwitchStmt:
			ast.Inspect(n.Assign, func(m ast.Node) bool {
				if ta, ok := m.(*ast.TypeAssertExpr); ok {
					checked[ta] = true
				}
				return true
			})
		case *ast.FuncDecl:
			if n.Body != nil {
				for _, ix := range unguardedIndexes(n.Body) {
					key := exprString(ix.X)
					report(ix, key+"["+exprString(ix.Index)+"] with no len("+key+") before it")
				}
			}
		}
		return true
	})
	ast.Inspect(f, func(n ast.Node) bool {
		if ta, ok := n.(*ast.TypeAssertExpr); ok && ta.Type != nil && !checked[ta] {
			report(ta, "a type assertion without ok")
		}
		return true
	})
	slices.SortFunc(found, func(a, b problem) int { return cmp.Compare(a.pos, b.pos) })
	problems := make([]string, len(found))
	for i, p := range found {
		problems[i] = fset.Position(p.pos).String() + ": " + p.msg
	}
	return problems
}

// unguardedIndexes returns the indexes by a constant (x[0]) in body with no
// len(x) earlier in it.
func unguardedIndexes(body *ast.BlockStmt) []*ast.IndexExpr {
	lens := map[string]token.Pos{} // expression -> its first len(expression)
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && calledName(call) == "len" && len(call.Args) == 1 {
			key := exprString(call.Args[0])
			if p, seen := lens[key]; !seen || call.Pos() < p {
				lens[key] = call.Pos()
			}
		}
		return true
	})
	var out []*ast.IndexExpr
	ast.Inspect(body, func(n ast.Node) bool {
		ix, ok := n.(*ast.IndexExpr)
		if !ok {
			return true
		}
		if lit, ok := ix.Index.(*ast.BasicLit); ok && lit.Kind == token.INT {
			if p, seen := lens[exprString(ix.X)]; !seen || p > ix.Pos() {
				out = append(out, ix)
			}
		}
		return true
	})
	return out
}

// exprString prints an expression, to compare the slice of len(x) with that of
// x[0].
func exprString(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.BasicLit:
		return e.Value
	case *ast.SelectorExpr:
		return exprString(e.X) + "." + e.Sel.Name
	case *ast.IndexExpr:
		return exprString(e.X) + "[...]"
	case *ast.CallExpr:
		return exprString(e.Fun) + "(...)"
	case *ast.StarExpr:
		return "*" + exprString(e.X)
	case *ast.ParenExpr:
		return exprString(e.X)
	}
	return "?"
}

// calledName is the name of the function or method a call calls, without
// its package, receiver or type arguments.
func calledName(call *ast.CallExpr) string {
	fun := call.Fun
	for {
		switch f := fun.(type) {
		case *ast.IndexExpr:
			fun = f.X
		case *ast.IndexListExpr:
			fun = f.X
		case *ast.SelectorExpr:
			return f.Sel.Name
		case *ast.Ident:
			return f.Name
		default:
			return ""
		}
	}
}

func isBlank(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "_"
}
