// The journalist's views in the explorer: "Who countered whom" (the actor
// network, mode=network) and "Over time" (the timeline, mode=timeline),
// with the dataset chooser, their filters, the camps' legend, the details
// panel's text version, and the graphics to publish (SVG, PNG, embed).
//
// The views draw SVG (netview.js, timeline.js) from one request each
// (viewdata.js); they never load the explorer's graph, which is fetched
// only when explore or trace mode needs it.
import './views.css';
import { app, explorer, $, writeURL } from './app.js';
import { h, clear } from './dom.js';
import { setStatus } from './graphview.js';
import { select, onBrowse } from './details.js';
import { quoteView, whyLinked, nodeLink, anonBadge, stanceBadge } from './panel.js';
import { DATE_RE, VIEW_MODES, CAPTION_MAX } from './state.js';
import { REL_STYLE, VIEW_RELATIONS, CAMP_STYLE } from './viewstyle.js';
import { edgeText, actorText } from './netview.js';
import { chosen, defaultDatasets, latestDate, mostRecent, relatedChoice, relatedWhy } from './datasets.js';
import {
  loadDatasets, loadRelated, loadNetwork, loadTimeline, drawNetworkView, drawTimelineView, networkSummary, timelineSummary,
  campsNote, defaultCaption, creditFor, pairCounters, scopeOf, rangeWords,
} from './viewdata.js';
import { composeGraphic, svgText, pngOf, download, today } from './exporter.js';
import { dateWords } from './timeline.js';
import { truncate } from './text.js';

const plural = (k, word) => `${k} ${word}${k === 1 ? '' : 's'}`;

// The test hook for the views: what they show, and the last export.
export const views = {
  ready: false,
  error: null,
  mode: null,
  datasets: null, // the datasets shown ([]: all)
  network: null, // { actors, edges: [{ id, kind, from, to, count }] }
  timeline: null, // { lanes, placed, documents, counters, undated }
  camps: null,
  shown: null, // the state the view on the page was drawn for: { mode, datasets, from, to, rels, ties, lanes }
  edgeShown: null, // the edge whose counters the panel lists
  lastExport: null, // { kind, name, caption, bytes }
  debate: null, // the chooser's "this debate": { of, related: [ids], ready }
  marks: null, // the datasets the view tells apart: [{ id, n, title }] (null: one dataset)
  bench: null,
};
window.__views = views;

const cache = { key: null, view: null, seq: 0, abort: null };
let traceActor = () => {};

// onTraceActor tells the network what clicking an actor does (controls.js
// switches to trace mode with it).
export function onTraceActor(handler) {
  traceActor = handler;
}

export const isViewMode = (mode = app.state.mode) => VIEW_MODES.includes(mode);

// ensureDatasets fetches the datasets once, for the chooser and the
// default scope; the explorer's graph asks for the same scope.
export async function ensureDatasets() {
  if (app.datasets) return app.datasets;
  try {
    app.datasets = await loadDatasets();
  } catch (err) {
    console.warn('views: the datasets did not load', err);
    app.datasets = [];
  }
  renderDatasetChooser();
  return app.datasets;
}

// graphDatasets is the scope of the explorer's graph: null for every
// dataset, else the ids.
export function graphDatasets() {
  const ds = chosen(app.state.ds, app.datasets || []);
  return ds.length ? ds : null;
}

// setupViews builds the views' controls, once for the page.
export function setupViews() {
  const card = $('views-controls');
  const relChecks = VIEW_RELATIONS.map((k) => {
    const cb = h('input', { type: 'checkbox', value: k, dataset: { viewRel: k } });
    cb.addEventListener('change', () => {
      if (cb.checked) app.state.rels.add(k);
      else app.state.rels.delete(k);
      app.state.edge = null;
      changed({ reload: true });
    });
    return h('label', {}, cb, REL_STYLE[k].label);
  });
  const radio = (name, value, label) => {
    const r = h('input', { type: 'radio', name, value });
    r.addEventListener('change', () => {
      if (name === 'view-colour') app.state.colour = value;
      else app.state.lanes = value;
      changed({ reload: name === 'view-lanes' });
    });
    return h('label', {}, r, label);
  };
  const ties = h('input', { type: 'checkbox', id: 'view-ties' });
  ties.addEventListener('change', () => { app.state.ties = ties.checked; changed({ reload: true }); });
  const dateInput = (id, key, label) => {
    const input = h('input', { id, type: 'text', inputmode: 'numeric', placeholder: 'YYYY-MM', size: 10, pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?', 'aria-describedby': 'view-date-help' });
    input.addEventListener('change', () => {
      const v = input.value.trim();
      if (v && !DATE_RE.test(v)) {
        input.setAttribute('aria-invalid', 'true');
        setStatus(`"${v}" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD.`, true);
        return;
      }
      input.removeAttribute('aria-invalid');
      app.state[key] = v;
      app.state.edge = null;
      changed({ reload: true });
    });
    return [h('label', { for: id }, label), input];
  };
  const caption = h('textarea', { id: 'view-caption', rows: 3, maxlength: CAPTION_MAX, 'aria-describedby': 'view-caption-help' });
  caption.addEventListener('change', () => {
    app.state.caption = caption.value.replace(/\s+/g, ' ').trim().slice(0, CAPTION_MAX);
    writeURL(false);
    updateEmbedCode();
  });
  clear(card).append(
    h('h2', { id: 'views-heading' }, 'View'),
    h('fieldset', {}, h('legend', {}, 'Claims dated'),
      h('div', { class: 'dates' }, ...dateInput('view-from', 'from', 'From'), ...dateInput('view-to', 'to', 'To')),
      h('p', { id: 'view-date-help', class: 'hint' }, 'YYYY, YYYY-MM or YYYY-MM-DD. A claim is kept when the days its date covers overlap the range; undated claims are left out while a date is set.')),
    h('fieldset', { id: 'view-net-opts', dataset: { for: 'network' } },
      h('legend', {}, 'Edges between actors'),
      h('div', { class: 'checks', id: 'view-rels' }, relChecks),
      h('label', { class: 'toggle' }, ties, 'Only actors with an edge')),
    h('fieldset', { id: 'view-colour', class: 'checks', dataset: { for: 'network' } }, h('legend', {}, 'Colour actors by'),
      radio('view-colour', 'camp', 'Camp'), radio('view-colour', 'kind', 'Kind (shapes always show it)')),
    h('fieldset', { id: 'view-lanes', class: 'checks', dataset: { for: 'timeline' } }, h('legend', {}, 'One lane per'),
      radio('view-lanes', 'actor', 'Actor'), radio('view-lanes', 'camp', 'Camp')),
    h('section', { id: 'camps-legend', class: 'camps-legend', 'aria-live': 'polite' }),
    h('fieldset', { class: 'publish' }, h('legend', {}, 'Publish'),
      h('label', { for: 'view-caption' }, 'Caption'), caption,
      h('p', { id: 'view-caption-help', class: 'hint' }, 'Printed above the graphic; the source credit and the date go under it.'),
      h('div', { class: 'inline-actions' },
        h('button', { type: 'button', class: 'btn btn-quiet', id: 'export-svg', onclick: () => exportView('svg') }, 'Download SVG'),
        h('button', { type: 'button', class: 'btn btn-quiet', id: 'export-png', onclick: () => exportView('png') }, 'Download PNG')),
      h('label', { for: 'embed-code' }, 'Embed on a web page'),
      h('textarea', { id: 'embed-code', rows: 4, readonly: true, spellcheck: 'false' }),
      h('p', {}, h('a', { id: 'embed-link', href: '/embed', target: '_blank', rel: 'noopener' }, 'Open the embed'))),
  );
  onBrowse(() => (isViewMode() ? browseView() : null));
  for (const [id, f] of [['zoom-in', 1.25], ['zoom-out', 0.8]]) $(id).addEventListener('click', () => { if (isViewMode()) zoomView(f); });
  $('fit').addEventListener('click', () => { if (isViewMode()) zoomView(0); });
}

// renderDatasetChooser lists the datasets with a checkbox each (checked:
// shown); with one dataset it only names it.
function renderDatasetChooser() {
  const card = $('datasets-card');
  const list = app.datasets || [];
  const body = clear(card);
  body.append(h('h2', { id: 'datasets-heading' }, list.length > 1 ? `Datasets shown (${list.length})` : 'Dataset shown'));
  if (list.length <= 1) {
    if (list[0]) body.append(h('p', { class: 'hint' }, `${list[0].title || list[0].id}: ${plural(list[0].claimCount, 'claim')}, ${plural(list[0].actorCount, 'actor')}.`));
    card.hidden = !list.length || app.state.mode === 'curate';
    return;
  }
  const def = defaultDatasets(list);
  body.append(h('p', { class: 'hint' }, def.length
    ? 'Many debates are loaded: the most recent is shown. Tick others to add them.'
    : 'All are shown; untick to leave some out.'));
  const sorted = [...list].sort((a, b) => latestDate(b).localeCompare(latestDate(a)) || a.id.localeCompare(b.id));
  const box = h('div', { class: 'checks dataset-list', role: 'group', 'aria-labelledby': 'datasets-heading' });
  for (const d of sorted) {
    const cb = h('input', { type: 'checkbox', value: d.id, dataset: { dataset: d.id } });
    cb.addEventListener('change', () => showDatasets([...box.querySelectorAll('input:checked')].map((x) => x.value)));
    box.append(h('label', { title: d.title || d.id }, cb, `${truncate(d.title || d.id, 46)} `, h('span', { class: 'meta' }, `${latestDate(d) || 'undated'}, ${plural(d.claimCount, 'claim')}`)));
  }
  body.append(box, debatePicker(sorted));
  syncDatasetChooser();
}

// showDatasets shows the datasets ids (the default, kept out of the URL,
// when they are the default or none).
function showDatasets(ids) {
  const list = app.datasets || [];
  const def = defaultDatasets(list);
  const same = (a, b) => a.length === b.length && a.every((x) => b.includes(x));
  const everything = list.map((x) => x.id);
  app.state.ds = (!ids.length || same(ids, def.length ? def : everything)) ? [] : ids;
  app.state.edge = null;
  app.state.node = null;
  syncDatasetChooser();
  datasetsChanged();
}

const related = new Map(); // dataset id → the API's relatedDatasets
let debateSeq = 0;

// debatePicker is the chooser's "this debate": pick a dataset, and one
// button shows it with every dataset the API says shares actors or
// relations with it, each listed with why.
function debatePicker(sorted) {
  const shown = chosen(app.state.ds, app.datasets || []);
  const first = shown[0] || mostRecent(sorted)?.id;
  const select = h('select', { id: 'debate-of', 'aria-describedby': 'debate-why' },
    sorted.map((d) => h('option', { value: d.id, selected: d.id === first }, truncate(d.title || d.id, 60))));
  const button = h('button', { type: 'button', class: 'btn btn-quiet', id: 'debate-pick', disabled: true }, 'Finding the related datasets…');
  const why = h('ul', { id: 'debate-why', class: 'debate-why', 'aria-live': 'polite' });
  const fill = async () => {
    const id = select.value;
    const seq = ++debateSeq;
    views.debate = { of: id, related: null, ready: false };
    button.disabled = true;
    button.textContent = 'Finding the related datasets…';
    clear(why);
    let rs = related.get(id);
    if (!rs) {
      try {
        rs = await loadRelated(id);
      } catch (err) {
        if (seq !== debateSeq) return;
        button.textContent = 'This debate';
        why.append(h('li', { role: 'alert' }, `Could not find the related datasets: ${err.message}`));
        views.debate = { of: id, related: [], ready: true, error: err.message };
        return;
      }
      related.set(id, rs);
    }
    if (seq !== debateSeq) return;
    const ids = relatedChoice(id, rs, app.datasets);
    const d = (app.datasets || []).find((x) => x.id === id);
    button.disabled = false;
    button.textContent = `This debate: ${truncate(d?.title || id, 40)} and ${plural(ids.length - 1, 'related dataset')}`;
    button.onclick = () => showDatasets(ids);
    why.append(...(rs.length ? rs.map((r) => h('li', { dataset: { related: r.id } }, h('strong', {}, truncate(r.title, 50)), `: ${relatedWhy(r)}.`))
      : [h('li', { class: 'empty' }, 'No other dataset shares an actor or a relation with it.')]));
    views.debate = { of: id, related: ids.slice(1), ready: true };
  };
  select.addEventListener('change', fill);
  fill();
  return h('div', { class: 'debate-pick' },
    h('label', { for: 'debate-of' }, 'Follow one debate across articles'),
    select, button, why);
}

function syncDatasetChooser() {
  const shown = chosen(app.state.ds, app.datasets || []);
  for (const cb of $('datasets-card').querySelectorAll('input[data-dataset]')) cb.checked = !shown.length || shown.includes(cb.value);
  $('datasets-card').hidden = !(app.datasets || []).length || app.state.mode === 'curate';
}

let onDatasets = async () => {};

// onDatasetsChanged tells the chooser how the explorer's graph follows a
// new choice (controls.js reloads it).
export function onDatasetsChanged(handler) {
  onDatasets = handler;
}

async function datasetsChanged() {
  writeURL(true);
  if (isViewMode()) await showView({ reload: true });
  else await onDatasets();
}

// syncViewControls sets the views' controls from the state and shows the
// parts of the page that belong to the mode.
export function syncViewControls() {
  const s = app.state;
  const on = isViewMode(s.mode);
  $('views-controls').hidden = !on;
  $('view-wrap').hidden = !on;
  for (const el of document.querySelectorAll('.graph-wrap')) if (on) el.hidden = true;
  for (const id of ['filters', 'legend']) if (on) $(id).hidden = true;
  $('relayout').hidden = on;
  if ($('datasets-card').firstChild) syncDatasetChooser();
  if (!on) return;
  for (const el of $('views-controls').querySelectorAll('[data-for]')) el.hidden = el.dataset.for !== s.mode;
  for (const cb of document.querySelectorAll('#view-rels input')) cb.checked = s.rels.has(cb.value);
  $('view-ties').checked = s.ties;
  for (const r of document.querySelectorAll('input[name="view-colour"]')) r.checked = r.value === s.colour;
  for (const r of document.querySelectorAll('input[name="view-lanes"]')) r.checked = r.value === s.lanes;
  $('view-from').value = s.from;
  $('view-to').value = s.to;
  views.mode = s.mode;
}

function changed({ reload }) {
  writeURL(false);
  showView({ reload });
}

// showView loads (when the scope changed or reload) and draws the view the
// state asks for, then fills the panel.
export async function showView({ reload = false } = {}) {
  const s = app.state;
  if (!isViewMode(s.mode)) return;
  views.ready = false;
  await ensureDatasets();
  syncViewControls();
  const datasets = app.datasets || [];
  const scope = scopeOf(s, datasets);
  const key = JSON.stringify([s.mode, scope.datasets, scope.from, scope.to, s.mode === 'network' ? [[...s.rels].sort(), s.ties] : s.lanes]);
  const seq = ++cache.seq;
  if (reload || cache.key !== key || !cache.view) {
    cache.abort?.abort();
    const abort = new AbortController();
    cache.abort = abort;
    setStatus(s.mode === 'network' ? 'Loading who countered whom…' : 'Loading the timeline…');
    try {
      cache.view = s.mode === 'network'
        ? await loadNetwork(s, datasets, { signal: abort.signal })
        : await loadTimeline(s, datasets, { signal: abort.signal });
      cache.key = key;
    } catch (err) {
      if (err.name === 'AbortError' || seq !== cache.seq) return;
      views.error = err.message;
      explorer.error = err.message;
      setStatus(`Could not load the view: ${err.message}`, true);
      return;
    }
  }
  if (seq !== cache.seq) return;
  draw();
  views.datasets = scope.ds;
  views.camps = cache.view.camps;
  $('camps-legend').replaceChildren(...campsLegend(cache.view.camps));
  if (!$('view-caption').value || $('view-caption').dataset.auto === '1') {
    $('view-caption').value = s.caption || defaultCaption(s.mode, datasets, scope);
    $('view-caption').dataset.auto = s.caption ? '0' : '1';
  }
  updateEmbedCode();
  if (s.mode === 'network' && s.edge) await showEdge(s.edge);
  else if (s.node) select(s.node, { center: false, push: false });
  else showBrowseView();
  views.shown = { mode: s.mode, datasets: scope.ds, from: scope.from, to: scope.to, rels: [...s.rels].sort(), ties: s.ties, lanes: s.lanes };
  views.ready = true;
  explorer.ready = true;
}

function showBrowseView() {
  const body = clear($('details-body'));
  body.append(browseView());
  explorer.detailsFor = null;
  views.edgeShown = null;
}

let drawnNode = null;

// draw puts the loaded view on the page (again after a selection, a colour).
function draw() {
  const s = app.state;
  const v = cache.view;
  const canvas = $('view-canvas');
  let svg;
  if (s.mode === 'network') {
    svg = drawNetworkView(v, s, {
      interactive: true,
      onEdge: (e) => selectEdge(e.id),
      onActor: (a) => traceActor(a.id),
    });
    const names = new Map(v.net.actors.map((a) => [a.id, a.name]));
    views.network = {
      actors: v.net.actors.map((a) => ({ id: a.id, kind: a.kind, camp: a.side, endorsed: a.endorsed })),
      edges: v.net.edges.map((e) => ({ id: e.id, kind: e.kind, from: e.from, to: e.to, count: e.count, text: edgeText(e, names), datasets: (e.crossings || []).map(([a, b]) => [a.id, b.id]) })),
      positions: Object.fromEntries([...v.layout.pos].map(([id, p]) => [id, [p.x, p.y]])),
    };
    setStatus(`Who countered whom: ${networkSummary(v)}`);
  } else {
    svg = drawTimelineView(v, s, { interactive: true, onClaim: (c) => { select(c.id, { center: false }); draw(); } });
    views.timeline = {
      lanes: v.t.lanes.map((l) => ({ id: l.id, label: l.label, camp: l.side, claims: l.list.map((it) => it.claim.id) })),
      documents: v.t.docs.map((d) => ({ id: d.source.id, kind: d.source.kind, first: d.when.first, last: d.when.last, x: d.x, w: d.w })),
      counters: v.t.counters.map((k) => [k.counter, k.target]),
      claimDatasets: Object.fromEntries(v.t.lanes.flatMap((l) => l.list.map((it) => [it.claim.id, it.claim.dataset || null]))),
      undated: v.t.undated.map((c) => c.id),
      dayWidth: v.t.x.k,
    };
    setStatus(`Over time: ${timelineSummary(v)}`);
  }
  views.marks = v.marks ? [...v.marks.values()].map((m) => ({ id: m.id, n: m.n, title: m.title })) : null;
  drawnNode = s.node;
  svg.setAttribute('id', 'view-svg');
  svg.setAttribute('preserveAspectRatio', 'xMidYMin meet');
  const zoom = Number(canvas.dataset.zoom || 0);
  // Keep the keyboard's place: the button focused before is focused again.
  const focused = canvas.contains(document.activeElement) ? document.activeElement.closest('[data-edge], [data-actor], [data-claim]') : null;
  const again = focused && (focused.dataset.edge ? `g[data-edge="${focused.dataset.edge}"] .hit`
    : focused.dataset.actor ? `g[data-actor="${focused.dataset.actor}"]` : `g[data-claim="${focused.dataset.claim}"][data-lane="${focused.dataset.lane}"]`);
  canvas.replaceChildren(svg);
  if (again) svg.querySelector(again)?.focus({ preventScroll: true });
  sizeSvg(svg, zoom);
  renderUndated();
}

// sizeSvg fits the drawing to the stage's width (zoom 0), or shows it at
// zoom times its own size.
function sizeSvg(svg, zoom) {
  const w = Number(svg.getAttribute('width'));
  const hgt = Number(svg.getAttribute('height'));
  if (!zoom) {
    svg.style.width = '100%';
    svg.style.height = 'auto';
    svg.style.maxWidth = `${Math.max(w, 600) * 1.5}px`;
  } else {
    svg.style.maxWidth = 'none';
    svg.style.width = `${Math.round(w * zoom)}px`;
    svg.style.height = `${Math.round(hgt * zoom)}px`;
  }
}

function zoomView(f) {
  const canvas = $('view-canvas');
  const svg = $('view-svg');
  if (!svg) return;
  const fitZoom = svg.getBoundingClientRect().width / Number(svg.getAttribute('width'));
  const cur = Number(canvas.dataset.zoom || 0) || fitZoom;
  const next = f === 0 ? 0 : Math.max(0.1, Math.min(6, cur * f));
  canvas.dataset.zoom = String(next);
  sizeSvg(svg, next);
}

function renderUndated() {
  const box = $('view-undated');
  clear(box);
  if (app.state.mode !== 'timeline' || !cache.view) { box.hidden = true; return; }
  const list = cache.view.t.undated;
  box.hidden = false;
  box.append(h('h3', {}, `Undated claims (${list.length}), listed apart rather than guessed`),
    list.length ? h('ul', {}, list.map((c) => h('li', { dataset: { claimId: c.id } },
      nodeLink(c.id, c.text, { select: (id) => select(id, { center: false }) }),
      h('span', { class: 'meta' }, ' — ', c.assertions.map((a, i) => [i ? ', ' : '', a.actor.name, a.stance === 'PRESENTS' ? ' (presents)' : ''])),
      datasetTag(c.dataset) ? [' ', datasetTag(c.dataset)] : null))) : h('p', { class: 'empty' }, 'None: every claim in scope has a date.'));
}

// datasetTag names the dataset (article) a claim comes from, by its
// number in the view's key, when the view shows claims of several.
function datasetTag(datasetId) {
  const m = cache.view?.marks?.get(datasetId);
  if (!m) return null;
  const n = h('span', { class: 'dataset-n', 'aria-hidden': 'true' }, String(m.n));
  n.style.backgroundColor = m.colour;
  return h('span', { class: 'dataset-tag', dataset: { datasetTag: m.id } }, n, ` ${truncate(m.title, 60)}`);
}

// campsLegend says the camps in words: who is in each, how well they fit
// (the frustration), who is unsure, and the ties against the camps.
function campsLegend(camps) {
  const out = [h('h3', { class: 'card-title' }, 'Camps')];
  if (!camps || !camps.camps.length) {
    out.push(h('p', { class: 'hint' }, campsNote(camps)));
    return out;
  }
  const seen = new Set();
  const groups = new Set(camps.camps.map((c) => c.group));
  out.push(h('ul', { class: 'camp-list' }, camps.camps.map((c) => {
    const side = seen.has(c.group) ? 'B' : 'A';
    seen.add(c.group);
    return h('li', { dataset: { camp: side, group: String(c.group) } },
      h('span', { class: `camp-swatch camp-${side}`, 'aria-hidden': 'true' }),
      h('strong', {}, `${CAMP_STYLE[side].label}${groups.size > 1 ? ` (group ${c.group})` : ''}: `),
      truncate(c.actors.map((a) => a.name).join(', '), 400));
  })));
  out.push(h('p', { class: 'hint', id: 'camps-fit' }, campsNote(camps), ' ',
    'Counters divide, co-endorsement, support and membership unite; the camps are the split with the fewest ties against it.'));
  if (camps.frustrated.length) {
    out.push(h('details', {}, h('summary', {}, `Ties against the camps (${camps.frustrated.length})`),
      h('ul', {}, camps.frustrated.map((t) => h('li', {}, `${t.from.name} ${t.sign < 0 ? 'counters' : 'agrees with'} ${t.to.name} (${t.why})`)))));
  }
  return out;
}

// browseView is the details panel with nothing selected in a view: the
// view as text (the counters pair by pair, the lanes), which is also its
// text alternative.
function browseView() {
  const v = cache.view;
  if (!v) return h('p', { class: 'empty' }, 'Loading…');
  const ctx = { select: (id) => select(id, { center: false }) };
  if (app.state.mode === 'network') {
    const byId = new Map(v.net.actors.map((a) => [a.id, a]));
    const edges = [...v.net.edges].sort((a, b) => (b.count - a.count) || a.id.localeCompare(b.id));
    return h('div', { class: 'browse', dataset: { kind: 'Network' } },
      h('h3', { class: 'title', id: 'panel-title' }, 'Who countered whom'),
      h('p', {}, networkSummary(v), ' Click an arrow, or a pair below, for the counters in their words; click an actor for its trace.'),
      h('h4', {}, `Pairs (${edges.length})`),
      edges.length ? h('ul', { class: 'pairs' }, edges.map((e) => h('li', { dataset: { edge: e.id } },
        h('button', { type: 'button', class: 'link', onclick: () => selectEdge(e.id) }, edgeText(e, new Map(v.net.actors.map((a) => [a.id, a.name]))))))) : h('p', { class: 'empty' }, 'No edges with these filters.'),
      h('h4', {}, `Actors (${v.net.actors.length})`),
      h('ul', {}, [...v.net.actors].sort((a, b) => (b.endorsed - a.endorsed) || a.name.localeCompare(b.name)).slice(0, 300).map((a) => h('li', {},
        h('button', { type: 'button', class: 'link', dataset: { actorId: a.id }, onclick: () => traceActor(a.id) }, a.name), ' ',
        h('span', { class: 'meta' }, actorText(byId.get(a.id)).slice(a.name.length + 1)), a.anonymous ? [' ', anonBadge()] : null))));
  }
  const t = v.t;
  // Back from a claim: its band is no longer marked.
  if (drawnNode && !app.state.node) queueMicrotask(draw);
  return h('div', { class: 'browse', dataset: { kind: 'Timeline' } },
    h('h3', { class: 'title', id: 'panel-title' }, 'The debate over time'),
    h('p', {}, timelineSummary(v), ' Click a claim for its words.'),
    h('h4', {}, `Dated documents (${t.docs.length})`),
    h('ul', {}, t.docs.map((d) => h('li', { dataset: { doc: d.source.id } }, h('cite', {}, d.source.title), ` — ${dateWords(d.when.date)}`))),
    t.lanes.map((l) => [h('h4', {}, `${l.label} (${l.list.length})`),
      h('ul', {}, l.list.map((it) => h('li', { dataset: { claimId: it.claim.id } }, nodeLink(it.claim.id, it.claim.text, ctx), ' ',
        h('span', { class: 'meta' }, dateWords(it.date)), it.endorses ? null : [' ', stanceBadge('PRESENTS')],
        datasetTag(it.claim.dataset) ? [' ', datasetTag(it.claim.dataset)] : null)))]));
}

// selectEdge opens an edge's counters in the panel (null: none), as a
// history step.
export function selectEdge(id) {
  app.state.edge = id;
  app.state.node = null;
  writeURL(true);
  draw();
  if (id) showEdge(id);
  else showBrowseView();
}

let edgeSeq = 0;

// showEdge lists an edge's counters with both claims in their words.
async function showEdge(id) {
  const v = cache.view;
  const e = v?.net.edges.find((x) => x.id === id);
  const body = $('details-body');
  const seq = ++edgeSeq;
  const back = h('p', {}, h('button', { type: 'button', class: 'link', onclick: () => selectEdge(null) }, '← Back to who countered whom'));
  if (!e) {
    clear(body).append(back, h('p', { class: 'empty' }, 'That edge is not in the view with these filters.'));
    explorer.detailsFor = id;
    return;
  }
  const names = new Map(v.net.actors.map((a) => [a.id, a.name]));
  explorer.detailsFor = undefined;
  clear(body).append(back, h('p', { class: 'empty', role: 'status' }, `Loading ${edgeText(e, names)}…`));
  let got;
  try {
    got = await pairCounters(e, v);
  } catch (err) {
    if (seq !== edgeSeq) return;
    clear(body).append(back, h('p', { role: 'alert' }, `Could not load the counters: ${err.message}`));
    return;
  }
  if (seq !== edgeSeq) return;
  const ctx = { select: (cid) => select(cid, { center: false }) };
  const claimBlock = (c, role) => h('div', { class: `pair-claim ${role}`, dataset: { claimId: c.id } },
    h('p', { class: 'meta' }, role === 'counter' ? `${names.get(e.from)}` : `${names.get(e.to)}`, c.date ? ` · ${dateWords(c.date)}` : ' · undated',
      (c.assertions || []).some((a) => a.stance === 'PRESENTS') ? [' · ', stanceBadge('PRESENTS')] : null,
      datasetTag(c.dataset) ? [' · ', datasetTag(c.dataset)] : null),
    h('p', { class: 'pair-text' }, nodeLink(c.id, c.text || c.id, ctx)),
    (c.quotes || []).map((q) => h('div', { dataset: { quoteId: q.id, quoteKind: q.kind } }, quoteView(q),
      h('p', { class: 'quote-src' }, 'From ', h('cite', {}, q.source.title), q.document && q.document.id !== q.source.id ? ['; first said or written in ', h('cite', {}, q.document.title)] : null))));
  const verb = e.kind === 'REBUTS' ? 'rebuts' : e.kind.toLowerCase();
  clear(body).append(back, h('article', { 'aria-labelledby': 'panel-title', dataset: { kind: 'Edge', edge: e.id } },
    h('p', { class: 'meta' }, h('span', { class: `badge rel-${e.kind}` }, REL_STYLE[e.kind].label)),
    h('h3', { class: 'title', id: 'panel-title' }, edgeText(e, names)),
    h('ol', { class: 'pair-list' }, got.items.map((k) => h('li', { dataset: { counter: k.counter.id, target: k.target.id } },
      claimBlock(k.counter, 'counter'),
      h('p', { class: 'pair-verb' }, h('span', { class: `badge rel-${e.kind}` }, `↓ ${verb}`)),
      claimBlock(k.target, 'target'),
      k.evidence || k.inferred ? whyLinked(k) : null))),
    got.more ? h('p', { class: 'hint' }, `${got.more} more not listed here; narrow the datasets or the dates.`) : null));
  explorer.detailsFor = id;
  views.edgeShown = { id, counters: got.items.map((k) => [k.counter.id, k.target.id]) };
}

// exportView downloads the view as drawn (not interactive) with its
// caption, credit and date.
export async function exportView(kind) {
  const s = app.state;
  const v = cache.view;
  if (!v) return;
  const caption = $('view-caption').value.replace(/\s+/g, ' ').trim() || defaultCaption(s.mode, app.datasets || [], v.scope);
  const meta = { caption, credit: creditFor(app.datasets || [], v.scope), date: today() };
  const view = s.mode === 'network' ? drawNetworkView(v, { ...s, edge: null }, { prefix: 'cpx' }) : drawTimelineView(v, { ...s, node: null }, { prefix: 'cpx' });
  const note = exportNote(v);
  const svg = composeGraphic(view, { ...meta, note });
  const base = `counterpoint-${s.mode}-${(v.scope.ds[0] || 'all').slice(0, 40)}-${meta.date}`;
  if (kind === 'svg') {
    const text = svgText(svg);
    download(text, 'image/svg+xml', `${base}.svg`);
    views.lastExport = { kind, name: `${base}.svg`, caption, bytes: text.length };
  } else {
    const bytes = await pngOf(svg, meta);
    download(bytes, 'image/png', `${base}.png`);
    views.lastExport = { kind, name: `${base}.png`, caption, bytes: bytes.length };
  }
  setStatus(`Downloaded ${views.lastExport.name}.`);
}

function exportNote(v) {
  const s = app.state;
  const when = rangeWords(v.scope.from, v.scope.to);
  if (s.mode === 'network') return `${networkSummary(v)}${when ? ` Claims dated ${when}.` : ''}`;
  return `${timelineSummary(v)}${when ? ` Claims dated ${when}.` : ''}`;
}

// embedURL is the embed of the current view: the same state, read-only.
export function embedURL() {
  const s = app.state;
  const p = new URLSearchParams();
  p.set('mode', s.mode);
  const ds = chosen(s.ds, app.datasets || []);
  if (ds.length) p.set('ds', ds.join(','));
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  if (s.mode === 'network') {
    if ([...s.rels].sort().join(',') !== 'REBUTS') p.set('rels', VIEW_RELATIONS.filter((k) => s.rels.has(k)).join(','));
    if (s.colour === 'kind') p.set('colour', 'kind');
    if (s.ties) p.set('ties', '1');
  } else if (s.lanes === 'camp') p.set('lanes', 'camp');
  const cap = $('view-caption')?.value.replace(/\s+/g, ' ').trim();
  if (cap) p.set('caption', cap.slice(0, CAPTION_MAX));
  return `/embed?${p.toString().replaceAll('%2C', ',')}`;
}

function updateEmbedCode() {
  if (!isViewMode()) return;
  const url = `${window.location.origin}${embedURL()}`;
  const title = $('view-caption').value || 'Counterpoint';
  const esc = (x) => x.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
  $('embed-code').value = `<iframe src="${esc(url)}" title="${esc(title)}" width="100%" height="640" style="border:0" loading="lazy"></iframe>`;
  $('embed-link').href = embedURL();
}
