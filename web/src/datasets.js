// Which datasets a view shows, and whom it credits. With many debates in
// one graph the explorer never asks for all of them at once unless they
// are small together: while the datasets hold at most ALL_CLAIMS claims in
// total the default is all of them (one debate, or a few small ones);
// beyond that it is the most recent dataset, and the chooser offers the
// others. "Most recent" is the dataset whose latest dated source is the
// latest (ties: more claims, then id), because a dataset records no load time.

export const ALL_CLAIMS = 1500;

// latestDate is a dataset's latest source date ('' when none is dated).
export function latestDate(d) {
  let best = '';
  for (const src of d.sources || []) if (src.date && src.date > best) best = src.date;
  return best;
}

// mostRecent returns the most recent of the datasets (null when none).
export function mostRecent(datasets) {
  let best = null;
  for (const d of datasets || []) {
    if (!best) { best = d; continue; }
    const a = latestDate(d);
    const b = latestDate(best);
    if (a > b || (a === b && (d.claimCount > best.claimCount || (d.claimCount === best.claimCount && d.id < best.id)))) best = d;
  }
  return best;
}

// defaultDatasets is what a view shows when the URL names no dataset: []
// (every dataset, no filter) while they are small together, else the most
// recent one.
export function defaultDatasets(datasets, limit = ALL_CLAIMS) {
  const list = datasets || [];
  const total = list.reduce((sum, d) => sum + (d.claimCount || 0), 0);
  if (list.length <= 1 || total <= limit) return [];
  return [mostRecent(list).id];
}

// chosen returns the datasets the state names that exist (an unknown id is
// dropped), else the default.
export function chosen(stateIds, datasets) {
  const known = new Set((datasets || []).map((d) => d.id));
  const ids = (stateIds || []).filter((id) => known.has(id));
  return ids.length ? ids : defaultDatasets(datasets);
}

// credit says where the shown claims come from, for a graphic's footer:
// each dataset's title (else its id), and the outlets or publishers of its
// sources.
export function credit(datasets, ids) {
  const shown = ids?.length ? (datasets || []).filter((d) => ids.includes(d.id)) : (datasets || []);
  if (!shown.length) return 'Source: the Counterpoint graph';
  const titles = shown.map((d) => d.title || d.id);
  const more = titles.length > 3 ? ` and ${titles.length - 3} more` : '';
  return `Source: ${titles.slice(0, 3).join('; ')}${more}`;
}

// scopeLabel names what a view shows, for its caption: the one dataset's
// title, or how many datasets.
export function scopeLabel(datasets, ids) {
  const shown = ids?.length ? (datasets || []).filter((d) => ids.includes(d.id)) : (datasets || []);
  if (shown.length === 1) return shown[0].title || shown[0].id;
  if (!shown.length) return 'the graph';
  return `${shown.length} datasets`;
}
