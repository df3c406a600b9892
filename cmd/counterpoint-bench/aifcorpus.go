package main

import (
	"fmt"

	"github.com/counterpoint-news/counterpoint/bench/aifcorpus"
)

// AIFCorpusCmd writes the generated AIF corpus that docs/aif.md's load
// figures are measured on.
type AIFCorpusCmd struct {
	Maps  int    `default:"1400" help:"Maps to write."`
	Seed  uint64 `default:"19" help:"The generator's seed."`
	Turns int    `help:"Turns of every map (about five nodes each); 0 for 15 to 20, as in the corpus."`
	Chain bool   `help:"Chain every map into one group (one dataset), to time one large dataset."`
	Dir   string `arg:"" type:"path" help:"Folder to write the maps into."`
}

// Run writes the corpus and says what it holds.
func (c *AIFCorpusCmd) Run(e *env) error {
	st, err := aifcorpus.Write(aifcorpus.Config{Maps: c.Maps, Seed: c.Seed, Dir: c.Dir, Chain: c.Chain, Turns: c.Turns})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.out, "%d maps, %d nodes, %d edges; %d groups (largest %d maps); %d TA-anchored YAs, %d self-relations, %d undercutters, %d annotators' copies, %d maps with placeholder dates\n",
		st.Maps, st.Nodes, st.Edges, st.Groups, st.LargestGroup, st.TAYAs, st.SelfLoops, st.Undercutters, st.Copies, st.PlaceholderMaps)
	return nil
}
