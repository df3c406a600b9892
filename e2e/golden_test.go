package e2e_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/*.json with the API's answers")

// TestGolden asks each question in testdata/golden/*.graphql and compares
// the answer with the .json beside it. Run `go test ./e2e -update` to
// rewrite the answers, then review the diff.
func TestGolden(t *testing.T) {
	api := MustStartAPI(t)
	files, err := filepath.Glob("testdata/golden/*.graphql")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden queries found: %v", err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".graphql")
		t.Run(name, func(t *testing.T) {
			query, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			resp := api.Post(t, string(query), nil)
			if resp.Status != 200 || len(resp.Errors()) > 0 {
				t.Fatalf("status %d, errors %v", resp.Status, resp.Errors())
			}
			var got bytes.Buffer
			enc := json.NewEncoder(&got)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			if err := enc.Encode(resp.Body); err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(file, ".graphql") + ".json"
			if *update {
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("no golden answer (run with -update to create it): %v", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("answer differs from %s (run with -update and review the diff):\n%s", golden, lineDiff(string(want), got.String()))
			}
		})
	}
}

// lineDiff shows the first lines where want and got part.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + itoa(i+1) + ":\n  want: " + wl + "\n  got:  " + gl
		}
	}
	return "(no line differs; trailing bytes differ)"
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }
