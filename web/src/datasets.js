// Which datasets a view shows, and whom it credits. With many debates in
// one graph the explorer never asks for all of them at once unless they
// are small together: while the datasets hold at most ALL_CLAIMS claims in
// total the default is all of them (one debate, or a few small ones);
// beyond that it is the most recent dataset, and the chooser offers the
// others. "Most recent" is the dataset whose latest dated source is the
// latest (ties: more claims, then id), because a dataset records no load time.

import { DATASET_COLOURS } from './viewstyle.js';

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

// datasetMarks numbers the datasets whose claims a view holds (each
// claim's dataset, as the API gives it), in the order of the datasets'
// list, with a colour and the title each claim and counter is labelled
// with; null when the claims are all of one dataset (nothing to tell
// apart).
export function datasetMarks(datasets, claims) {
  const present = new Set((claims || []).map((c) => c.dataset).filter(Boolean));
  if (present.size < 2) return null;
  const titles = new Map((datasets || []).map((d) => [d.id, d.title || d.id]));
  const order = (datasets || []).map((d) => d.id).filter((id) => present.has(id));
  for (const id of [...present].sort()) if (!order.includes(id)) order.push(id);
  return new Map(order.map((id, i) => [id, { id, n: i + 1, title: titles.get(id) || id, colour: DATASET_COLOURS[i % DATASET_COLOURS.length] }]));
}

// relatedChoice is what the chooser's "this debate" selects: the dataset
// and every dataset the API says shares actors or relations with it
// (relatedDatasets), known ones only.
export function relatedChoice(id, related, datasets) {
  const known = new Set((datasets || []).map((d) => d.id));
  return [id, ...(related || []).map((r) => r.id).filter((x) => known.has(x) && x !== id)];
}

// relatedWhy says why a related dataset is in the debate, in words: the
// actors both hold and the relations between their claims.
export function relatedWhy(r) {
  const parts = [];
  const names = (r.sharedActors || []).map((a) => a.name);
  if (names.length) parts.push(`${names.length === 1 ? 'shares' : `shares ${names.length} actors:`} ${names.slice(0, 4).join(', ')}${names.length > 4 ? ` and ${names.length - 4} more` : ''}`);
  const rel = r.relationsTo + r.relationsFrom;
  if (rel) parts.push(`${rel} relation${rel === 1 ? '' : 's'} between their claims`);
  return parts.join('; ');
}
