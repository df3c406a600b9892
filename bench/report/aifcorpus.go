package report

import (
	"fmt"
	"os"
	"path/filepath"
)

// AIFCorpusFile is the result of the AIF corpus step (counterpoint-bench
// aif-load) in the results folder, beside the scales' folders.
const AIFCorpusFile = "aif-corpus.json"

// Issue 19's goals for loading the generated AIF corpus: the first load
// within 45 s and at least 3,000 AIF nodes a second, end to end, the
// loader under 200 MB, and the second, unchanged load within 15 s.
const (
	aifFirstLoadGoalSeconds  = 45
	aifNodesPerSecondGoal    = 3000
	aifLoaderMemoryGoalMB    = 200
	aifSecondLoadGoalSeconds = 15
)

// AIFCorpus is the generated AIF corpus and its two timed loads.
type AIFCorpus struct {
	Date                               string
	Maps, Nodes, Edges                 int
	Groups, LargestGroup               int
	Datasets                           int    // as the load reports them (maps joined by shared ids are one)
	Command                            string // the load command, as run
	Neo4jHeap                          string // NEO4J_HEAP of the server, when known
	Loads                              []AIFLoad
	TAYAs, SelfLoops, Undercutters     int
	Copies, PlaceholderMaps, Skipped   int
	SecondLoadSameDigest, DigestsKnown bool
}

// AIFLoad is one run of counterpoint load over the corpus, measured from
// outside the process.
type AIFLoad struct {
	Name           string  // "first" (into an emptied graph) or "second" (unchanged)
	Seconds        float64 // wall time of the whole command
	CPUSeconds     float64 // the loader's user and system CPU
	PeakRSSMB      float64 // the loader's peak resident set, MB (10^6 bytes)
	NodesPerSecond float64 // AIF nodes of the corpus per second of wall time
	LoadAverage    string  // the machine's 1-minute load average before and after, "4.1 → 5.3": the machine is shared
}

// ReadAIFCorpus reads the AIF corpus step's result from the results
// folder; nil when the step did not run.
func ReadAIFCorpus(dir string) (*AIFCorpus, error) {
	file := filepath.Join(dir, AIFCorpusFile)
	if _, err := os.Stat(file); err != nil {
		return nil, nil
	}
	var a AIFCorpus
	if err := readJSON(file, &a); err != nil {
		return nil, err
	}
	return &a, nil
}

// aifView is the AIF corpus section of the report: each load with its
// goal and whether it met it.
type aifView struct {
	*AIFCorpus
	Rows []aifRow
}

type aifRow struct {
	Load  AIFLoad
	Goals []aifGoal
}

type aifGoal struct {
	Text string
	Met  bool
}

func newAIFView(a *AIFCorpus) *aifView {
	if a == nil {
		return nil
	}
	v := &aifView{AIFCorpus: a}
	for _, l := range a.Loads {
		r := aifRow{Load: l}
		switch l.Name {
		case "first":
			r.Goals = []aifGoal{
				{fmt.Sprintf("≤ %d s", aifFirstLoadGoalSeconds), l.Seconds <= aifFirstLoadGoalSeconds},
				{fmt.Sprintf("≥ %d nodes/s", aifNodesPerSecondGoal), l.NodesPerSecond >= aifNodesPerSecondGoal},
				{fmt.Sprintf("< %d MB", aifLoaderMemoryGoalMB), l.PeakRSSMB < aifLoaderMemoryGoalMB},
			}
		case "second":
			r.Goals = []aifGoal{
				{fmt.Sprintf("≤ %d s", aifSecondLoadGoalSeconds), l.Seconds <= aifSecondLoadGoalSeconds},
				{fmt.Sprintf("< %d MB", aifLoaderMemoryGoalMB), l.PeakRSSMB < aifLoaderMemoryGoalMB},
			}
		}
		v.Rows = append(v.Rows, r)
	}
	return v
}
