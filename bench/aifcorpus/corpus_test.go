package aifcorpus_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/counterpoint-news/counterpoint/bench/aifcorpus"
)

// TestCorpusShape: the corpus has the shape at 1,400 maps (about
// 130,000 nodes, a group of 300 maps, every fault present), and the same
// seed writes the same files.
func TestCorpusShape(t *testing.T) {
	dir := t.TempDir()
	st, err := aifcorpus.Write(aifcorpus.Config{Maps: 1400, Seed: 19, Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if st.Nodes < 120000 || st.Nodes > 140000 || st.LargestGroup != 300 || st.SelfLoops == 0 || st.Undercutters == 0 ||
		st.Copies == 0 || st.TAYAs == 0 || st.PlaceholderMaps == 0 {
		t.Errorf("stats %+v, want about 130,000 nodes, a group of 300 maps and every fault", st)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(files) != 1400 {
		t.Errorf("%d files, want 1,400", len(files))
	}
	again := t.TempDir()
	if _, err := aifcorpus.Write(aifcorpus.Config{Maps: 3, Seed: 19, Dir: again}); err != nil {
		t.Fatal(err)
	}
	a, _ := os.ReadFile(filepath.Join(dir, "nodeset00001.json"))
	b, _ := os.ReadFile(filepath.Join(again, "nodeset00001.json"))
	if len(a) == 0 || string(a) != string(b) {
		t.Errorf("the first map differs between two runs with the same seed")
	}
}
