package suggest

import (
	"fmt"
	"os"
	"testing"
)

func TestDump(t *testing.T) {
	path := os.Getenv("DUMP")
	if path == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(path)
	for _, q := range Quotes(string(b)) {
		m := ""
		if q.Mention != nil {
			m = q.Mention.Text
		}
		fmt.Printf("%-12s %d parts  %-30q cue=%-10q mention=%q\n    %.90q\n", q.ID, len(q.Parts), q.Speaker, q.Cue, m, q.Text)
	}
}
