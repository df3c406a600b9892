package counterpoint_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDependenciesPointOneWay: the domain imports only the standard library,
// the read-ahead types only the domain, and only the store (and what wires
// it: cmd, the bench, tests) reaches the Neo4j driver, so that
// "resolvers -> domain <- store, loader" stays true; no format (format/...)
// nor the file writing the exports share reaches it.
func TestDependenciesPointOneWay(t *testing.T) {
	const (
		driver    = "github.com/neo4j/neo4j-go-driver"
		domain    = "github.com/counterpoint-news/counterpoint"
		readahead = domain + "/internal/readahead"
	)
	tests := []struct {
		pkg       string
		forbidden func(dep string) bool
		what      string
	}{
		{".", func(dep string) bool { return dep != domain }, "a package outside the standard library"},
		{"./internal/readahead", func(dep string) bool { return dep != domain && dep != readahead }, "a package beyond the domain and the standard library"},
		{"./resolvers", func(dep string) bool { return strings.HasPrefix(dep, driver) }, "the Neo4j driver"},
		{"./loader", func(dep string) bool { return strings.HasPrefix(dep, driver) }, "the Neo4j driver"},
		{"./format/...", func(dep string) bool { return strings.HasPrefix(dep, driver) }, "the Neo4j driver"},
		{"./internal/files", func(dep string) bool { return strings.HasPrefix(dep, driver) }, "the Neo4j driver"},
		{"./server", func(dep string) bool { return strings.HasPrefix(dep, driver) }, "the Neo4j driver"},
	}
	for _, tt := range tests {
		out, err := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", tt.pkg).CombinedOutput()
		if err != nil {
			t.Fatalf("go list -deps %s: %v\n%s", tt.pkg, err, out)
		}
		for _, dep := range strings.Fields(string(out)) {
			if tt.forbidden(dep) {
				t.Errorf("go list -deps %s includes %s, %s", tt.pkg, dep, tt.what)
			}
		}
	}
}
