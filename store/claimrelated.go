package store

import (
	"context"
	"fmt"

	"github.com/counterpoint-news/counterpoint"
)

// UpsertClaimRelated creates or replaces claim c and adds relations from it
// in one transaction, so that a claim written as the restatement of another
// (the studio's "link as rephrase") is never saved without its link, nor
// the link without the claim. Every check of UpsertClaim and AddRelation is
// made before anything is written; the claim's history gets one change,
// whose snapshot holds the relations. The relations belong to the claim's
// dataset, as addRelation's do.
func (db *DB) UpsertClaimRelated(ctx context.Context, c counterpoint.Claim, rels []counterpoint.Relation) error {
	c.SetDefaults()
	if err := c.Validate(); err != nil {
		return err
	}
	if err := counterpoint.ValidateClaimRelations(c.ID, rels); err != nil {
		return err
	}
	refs, quoteIDs, textSources := claimRefs(c)
	var evidenceSources []string
	for i, r := range rels {
		f := fmt.Sprintf("relations[%d]", i)
		refs = append(refs, ref{r.To, counterpoint.NodeClaim, f + ".to"})
		if r.Source != "" {
			refs = append(refs, ref{r.Source, counterpoint.NodeSource, f + ".source"})
		}
		for j, q := range r.Evidence {
			refs = append(refs, ref{q.Source, counterpoint.NodeSource, fmt.Sprintf("%s.evidence[%d].source", f, j)})
			evidenceSources = append(evidenceSources, q.Source)
		}
	}
	return db.writeLocked(ctx, c.ID, quoteIDs, func(tx lockedTx) error {
		if err := db.requireRefs(ctx, tx, refs, &ref{c.ID, counterpoint.NodeClaim, "id"}); err != nil {
			return err
		}
		texts, err := db.sourceTexts(ctx, tx, evidenceSources)
		if err != nil {
			return err
		}
		for i := range rels {
			if err := counterpoint.Within(fmt.Sprintf("relations[%d]", i), rels[i].ValidateEvidence(func(id string) (*counterpoint.Text, bool) {
				if t, ok := texts[id]; ok {
					return counterpoint.NewText(t), true
				}
				return nil, true // it exists (requireRefs), but has no text
			})); err != nil {
				return err
			}
		}
		return db.versioned(ctx, tx, "claim", c.Base, "", func() error {
			if err := db.upsertClaim(ctx, tx, c, quoteIDs, textSources); err != nil {
				return err
			}
			recs, err := db.run(ctx, tx, datasetOfClaim, map[string]any{"id": c.ID})
			if err != nil {
				return err
			}
			f, err := onlyRecord(recs, fmt.Sprintf("read claim %q", c.ID))
			if err != nil {
				return err
			}
			dataset := f.optStr("dataset")
			if f.err != nil {
				return f.err
			}
			for _, r := range rels {
				if _, err := db.run(ctx, tx, relationWrites[r.Kind].add, map[string]any{"from": r.From, "to": r.To,
					"props": ownedProps(dataset, OwnerKey(string(r.Kind), r.From, r.To), relationProps(r))}); err != nil {
					return err
				}
			}
			return nil
		})
	})
}
