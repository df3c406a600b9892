package loader

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/counterpoint-news/counterpoint"
)

// Deleter deletes whole datasets in one write; the store meets it.
type Deleter interface {
	Graph
	DeleteDatasets(ctx context.Context, datasets []string) (counterpoint.WriteSummary, error)
}

// Delete deletes datasets whole, in one transaction: a dataset the graph
// does not hold is refused by name, and so, unless o.CutRelations, is a
// delete that would take relations of other datasets with it (a relation
// ends at one of its claims), naming them. Nothing is deleted when it is
// refused.
func (o LoadOptions) Delete(ctx context.Context, d Deleter, datasets []string) (counterpoint.WriteSummary, error) {
	if len(datasets) == 0 {
		return counterpoint.WriteSummary{}, counterpoint.Errorf(counterpoint.EINVALID, "name at least one dataset to delete")
	}
	held, err := d.Datasets(ctx)
	if err != nil {
		return counterpoint.WriteSummary{}, fmt.Errorf("list the graph's datasets: %w", err)
	}
	var missing []string
	for _, id := range datasets {
		if !slices.Contains(held, id) {
			missing = append(missing, fmt.Sprintf("%q", id))
		}
	}
	if len(missing) > 0 {
		some := held[:min(len(held), maxCutListed)]
		if len(some) < len(held) {
			some = append(slices.Clone(some), "…")
		}
		return counterpoint.WriteSummary{}, counterpoint.Errorf(counterpoint.ENOTFOUND, "the graph holds no dataset %s (it holds %d: %s); nothing was deleted",
			strings.Join(missing, ", "), len(held), strings.Join(some, ", "))
	}
	if !o.CutRelations {
		inputs := make([]Input, len(datasets))
		for i, id := range datasets {
			inputs[i] = Input{File: id, Dataset: &counterpoint.Dataset{ID: id}}
		}
		if err := wouldCut(ctx, d, inputs, "delete"); err != nil {
			return counterpoint.WriteSummary{}, err
		}
	}
	return d.DeleteDatasets(ctx, slices.Compact(slices.Sorted(slices.Values(datasets))))
}
