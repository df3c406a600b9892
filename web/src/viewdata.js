// What the journalist's views show, from the API to the drawing: the
// explorer's views (views.js) and the embed (embed.js) load, build and
// describe them the same way, so that an embed shows what the explorer
// showed for the same URL.
import { gql } from './api.js';
import { DATASETS_QUERY, RELATED_QUERY, NETWORK_QUERY, TIMELINE_QUERY, VIEW_CLAIMS, PAIR_COUNTERS_QUERY, PAIR_FIRST, CLAIMS_WORDS_QUERY, WORDS_BATCH } from './viewsapi.js';
import { buildNetwork, layoutNetwork } from './network.js';
import { drawNetwork, edgeText, LABEL_ALL } from './netview.js';
import { buildTimeline, drawTimeline } from './timeline.js';
import { chosen, credit, scopeLabel, datasetMarks } from './datasets.js';
import { REL_STYLE, VIEW_RELATIONS } from './viewstyle.js';

const plural = (k, word) => `${k} ${word}${k === 1 ? '' : 's'}`;

// loadDatasets lists the datasets (for the chooser, the default and the credit).
export async function loadDatasets() {
  return (await gql(DATASETS_QUERY)).datasets;
}

// loadRelated lists the datasets that share actors or relations with one
// (the API's relatedDatasets), for the chooser's "this debate".
export async function loadRelated(id, { signal } = {}) {
  return (await gql(RELATED_QUERY, { dataset: id }, { signal })).relatedDatasets;
}

// viewClaims is every claim a view's answer holds, dated or not.
function viewClaims(data) {
  const tl = data.timeline || { entries: [], undated: [] };
  return [...tl.entries.map((e) => e.claim), ...(tl.undated || [])];
}

// crossings says which datasets each pair of claims (counter or support,
// then its target) joins, as the pairs of their marks, once each, in
// order; a claim of no known dataset is left out.
export function crossings(pairs, claimDataset, marks) {
  if (!marks) return [];
  const seen = new Map();
  for (const [a, b] of pairs) {
    const ma = marks.get(claimDataset.get(a));
    const mb = marks.get(claimDataset.get(b));
    if (ma && mb) seen.set(`${ma.n}>${mb.n}`, [ma, mb]);
  }
  return [...seen.values()].sort(([a1, b1], [a2, b2]) => (a1.n - a2.n) || (b1.n - b2.n));
}

// scopeOf is what a state asks the API for: the datasets and the date
// range. "All datasets" is asked as the list of them (null only when the
// graph names none), so that sources no dataset quotes (a text imported
// and not curated yet) stay off the views; the camps of all datasets are
// the whole graph's (campsDatasets null), whose memberships all count (in a
// scope, the API counts a membership only when its member has another tie).
export function scopeOf(state, datasets) {
  const ds = chosen(state.ds, datasets);
  const all = (datasets || []).map((d) => d.id);
  return {
    ds, datasets: ds.length ? ds : (all.length ? all : null), campsDatasets: ds.length ? ds : null,
    from: state.from || null, to: state.to || null,
  };
}

// campsNote says how well the camps fit, in one line: the frustration (the
// share of ties against the camps) and the unsure actors.
export function campsNote(camps) {
  if (!camps || !camps.camps?.length) return 'No camps: no actor counters or agrees with another here.';
  const pct = Math.round(camps.frustration * 1000) / 10;
  const against = camps.frustrated?.length ?? Math.round(camps.frustration * camps.ties);
  const unsure = camps.unsure?.length ? `; unsure: ${camps.unsure.map((a) => a.name).join(', ')}` : '; no actor unsure';
  return `Camps by structural balance: frustration ${pct}% (${against} of ${plural(camps.ties, 'tie')} against the camps)${unsure}.`;
}

// rangeWords says the date range, for captions.
export function rangeWords(from, to) {
  if (from && to) return `${from} to ${to}`;
  if (from) return `from ${from}`;
  if (to) return `up to ${to}`;
  return '';
}

// defaultCaption is the caption of a view before the journalist writes one.
export function defaultCaption(mode, datasets, scope) {
  const where = scopeLabel(datasets, scope.ds);
  const when = rangeWords(scope.from, scope.to);
  const head = mode === 'timeline' ? `The debate over time: ${where}` : `Who countered whom: ${where}`;
  return when ? `${head}, ${when}` : head;
}

// loadNetwork fetches and builds the actor network the state asks for.
export async function loadNetwork(state, datasets, { signal } = {}) {
  const scope = scopeOf(state, datasets);
  const data = await gql(NETWORK_QUERY, {
    datasets: scope.datasets, campsDatasets: scope.campsDatasets, from: scope.from, to: scope.to, first: VIEW_CLAIMS,
  }, { signal });
  return networkFrom(data, state, scope, datasets);
}

// networkFrom builds the network and its layout from the API's answer (or
// the benchmark's synthetic one).
// Over claims of several datasets, each edge says which datasets its
// claims come from (crossings).
export function networkFrom(data, state, scope, datasets = []) {
  const rels = VIEW_RELATIONS.filter((k) => state.rels.has(k));
  const net = buildNetwork(data, { rels, ranged: !!(scope.from || scope.to), tiesOnly: state.ties });
  const claims = viewClaims(data);
  const marks = datasetMarks(datasets, claims);
  const claimDataset = new Map(claims.map((c) => [c.id, c.dataset]));
  for (const e of net.edges) e.crossings = crossings(e.pairs, claimDataset, marks);
  const layout = layoutNetwork(net, { labelled: net.actors.length <= LABEL_ALL });
  return { net, layout, camps: data.camps, rels, scope, data, marks, claimDataset };
}

// networkSummary says the network in a sentence, for the status line and
// the drawing's description.
export function networkSummary({ net, rels }) {
  const counts = VIEW_RELATIONS.filter((k) => rels.includes(k)).map((k) => {
    const es = net.edges.filter((e) => e.kind === k);
    const total = es.reduce((sum, e) => sum + e.count, 0);
    const read = es.filter((e) => e.inferred).length;
    return k === 'REBUTS' ? `${plural(total, 'exchange')} of counters between ${plural(es.length, 'pair')} of actors${read ? ` (${read} the curator's reading, dotted)` : ''}`
      : `${plural(total, `${k.toLowerCase().replace(/s$/, '')}`)} between ${plural(es.length, 'pair')}`;
  });
  return `${plural(net.actors.length, 'actor')}; ${counts.join('; ')}${net.truncated ? '; the API cut the claims read' : ''}.`;
}

// drawNetworkView draws a loaded network.
export function drawNetworkView(view, state, opts = {}) {
  const names = new Map(view.net.actors.map((a) => [a.id, a.name]));
  const desc = `${networkSummary(view)} ${view.net.edges.slice(0, 40).map((e) => edgeText(e, names)).join('. ')}${view.net.edges.length > 40 ? '. …' : ''}`;
  return drawNetwork(view.net, view.layout, {
    colourBy: state.colour, rels: view.rels, selected: state.edge, campsNote: campsNote(view.camps), marks: view.marks,
    title: opts.title || 'Who countered whom', desc, ...opts,
  });
}

// loadTimeline fetches and builds the timeline the state asks for.
export async function loadTimeline(state, datasets, { signal } = {}) {
  const scope = scopeOf(state, datasets);
  const data = await gql(TIMELINE_QUERY, { datasets: scope.datasets, campsDatasets: scope.campsDatasets, from: scope.from, to: scope.to, first: VIEW_CLAIMS }, { signal });
  return timelineFrom(data, state, scope, datasets);
}

// timelineFrom builds the timeline from the API's answer; over claims of
// several datasets, with their marks.
export function timelineFrom(data, state, scope, datasets = []) {
  const t = buildTimeline(data, { lanes: state.lanes });
  const marks = datasetMarks(datasets, viewClaims(data));
  return { t, camps: data.camps, scope, data, marks };
}

// timelineSummary says the timeline in a sentence.
export function timelineSummary({ t }) {
  const placed = new Set(t.lanes.flatMap((l) => l.list.map((it) => it.claim.id)));
  return `${plural(placed.size, 'dated claim')} in ${plural(t.lanes.length, t.mode === 'camp' ? 'camp lane' : 'lane')}, `
    + `${plural(t.docs.length, 'dated document')}, ${plural(t.counters.length, 'counter')} drawn; `
    + `${plural(t.undated.length, 'undated claim')} listed apart${t.truncated ? '; the API cut the claims read' : ''}.`;
}

// drawTimelineView draws a loaded timeline.
export function drawTimelineView(view, state, opts = {}) {
  const docs = view.t.docs.map((d) => d.label).join('; ');
  return drawTimeline(view.t, {
    campsNote: campsNote(view.camps), selected: state.node, marks: view.marks,
    title: opts.title || 'The debate over time', desc: `${timelineSummary(view)} Documents: ${docs}.`, ...opts,
  });
}

// creditFor says whose reporting a view shows, for its graphic.
export function creditFor(datasets, scope) {
  return credit(datasets, scope.ds);
}

// pairCounters fetches the ties of one edge of the network (its claim
// pairs, from camps.weighed) with both claims' words; a counter comes with
// its evidence (the API's counters of the pair, those the edge holds).
export async function pairCounters(edge, view, { signal } = {}) {
  let items;
  if (edge.kind === 'REBUTS') {
    const counters = (await gql(PAIR_COUNTERS_QUERY, { by: edge.from, against: edge.to, datasets: view.scope.datasets, first: PAIR_FIRST }, { signal })).counters;
    const held = new Set(edge.pairs.map(([a, b]) => `${a}>${b}`));
    items = counters.filter((k) => held.has(`${k.counter.id}>${k.target.id}`));
  } else {
    items = edge.pairs.slice(0, PAIR_FIRST).map(([a, b]) => ({ counter: { id: a }, target: { id: b }, kind: edge.kind }));
  }
  const ids = [...new Set(items.flatMap((k) => [k.counter.id, k.target.id]))];
  const batches = [];
  for (let i = 0; i < ids.length; i += WORDS_BATCH) batches.push(ids.slice(i, i + WORDS_BATCH));
  const answers = await Promise.all(batches.map((b) => gql(CLAIMS_WORDS_QUERY, { ids: b }, { signal })));
  const claims = new Map(answers.flatMap((a) => a.nodes).filter(Boolean).map((c) => [c.id, c]));
  return {
    items: items.map((k) => ({ ...k, counter: claims.get(k.counter.id) || k.counter, target: claims.get(k.target.id) || k.target })),
    more: Math.max(0, edge.count - items.length),
    verb: REL_STYLE[edge.kind].verb,
  };
}
