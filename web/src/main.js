// Counterpoint explorer: the whole debate as a graph, a details panel for
// the selected actor or claim, trace mode for who countered whom, search
// and filters. The view's state lives in the URL (see state.js).
//
// window.__explorer exposes what the page shows (node and edge counts, the
// selection, the traced highlight) for the browser tests and the benchmark.
import './style.css';
import { gql, APIError, GRAPH_QUERY, CLAIM_QUERY, ACTOR_QUERY, SOURCE_QUERY, SEARCH_QUERY, COUNTERS_QUERY, CHAINS_QUERY, SUBGRAPH_LIMIT } from './api.js';
import { h, clear } from './dom.js';
import { createGraph, runLayout, toElements, ACTOR_STYLE, CLAIM_STYLE, SOURCE_STYLE, EDGE_STYLE } from './graph.js';
import { parseState, stateToSearch, claimInDateRange, RELATION_TYPES, SOURCE_EDGE_TYPES, ACTOR_KINDS, DATE_RE } from './state.js';
import { renderClaim, renderActor, renderSource, renderBrowse, renderLoading, renderError, counterList, nodeLink, anonBadge, KIND_LABEL } from './panel.js';
import { syntheticSubgraph } from './bench.js';
import { truncate } from './text.js';

const $ = (id) => document.getElementById(id);

const app = {
  state: parseState(window.location.search),
  cy: null,
  nodes: [], // node data, as in the graph
  byId: new Map(),
  edgeIndex: new Map(), // "from|TYPE|to" -> edge id
  truncated: false,
  sourcesLoaded: false,
  detailsAbort: null,
  traceAbort: null,
  traceSeq: 0,
  traceView: null, // the trace's result, shown in the details panel
};

const explorer = {
  ready: false,
  error: null,
  nodeCount: 0,
  edgeCount: 0,
  visibleNodeCount: 0,
  visibleEdgeCount: 0,
  selected: null,
  detailsFor: null,
  mode: app.state.mode,
  highlighted: [],
  traceDone: null,
  bench: null,
  get cy() { return app.cy; },
  get state() { return stateToSearch(app.state); },
};
window.__explorer = explorer;

// ---------- URL state ----------

function writeURL(push) {
  const url = `${window.location.pathname}${stateToSearch(app.state)}${window.location.hash}`;
  if (url === `${window.location.pathname}${window.location.search}${window.location.hash}`) return;
  if (push) window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
}

window.addEventListener('popstate', async () => {
  const prev = app.state;
  app.state = parseState(window.location.search);
  syncControls();
  if (prev.sources !== app.state.sources && !app.state.bench) await loadGraph();
  applyFilters();
  applySelection({ center: true });
  runTrace({ fit: false });
});

// ---------- controls ----------

function swatchNode(st) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('width', '18');
  svg.setAttribute('height', '18');
  svg.setAttribute('viewBox', '0 0 18 18');
  svg.setAttribute('aria-hidden', 'true');
  svg.classList.add('swatch');
  const shapes = {
    ellipse: 'M9 2 A7 7 0 1 1 8.99 2 Z',
    hexagon: 'M4.5 2.5 L13.5 2.5 L17 9 L13.5 15.5 L4.5 15.5 L1 9 Z',
    octagon: 'M6 1.5 L12 1.5 L16.5 6 L16.5 12 L12 16.5 L6 16.5 L1.5 12 L1.5 6 Z',
    diamond: 'M9 1 L17 9 L9 17 L1 9 Z',
    'round-rectangle': 'M3 4 H15 Q17 4 17 6 V12 Q17 14 15 14 H3 Q1 14 1 12 V6 Q1 4 3 4 Z',
    tag: 'M1 4 H12 L17 9 L12 14 H1 Z',
  };
  const p = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  p.setAttribute('d', shapes[st.shape] || shapes.ellipse);
  p.setAttribute('fill', st.color);
  p.setAttribute('fill-opacity', st.dashed ? '0.55' : '1');
  p.setAttribute('stroke', st.border || (st.dashed ? '#111827' : '#ffffff'));
  p.setAttribute('stroke-width', st.dashed ? '1.6' : '1.2');
  if (st.dashed) p.setAttribute('stroke-dasharray', '2.5 1.5');
  svg.append(p);
  return svg;
}

function swatchEdge(st) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('width', '34');
  svg.setAttribute('height', '12');
  svg.setAttribute('viewBox', '0 0 34 12');
  svg.setAttribute('aria-hidden', 'true');
  svg.classList.add('swatch');
  const line = document.createElementNS(ns, 'line');
  Object.entries({ x1: 1, y1: 6, x2: 25, y2: 6, stroke: st.color, 'stroke-width': Math.max(1.5, st.width) }).forEach(([k, v]) => line.setAttribute(k, v));
  if (st.line === 'dashed') line.setAttribute('stroke-dasharray', '5 3');
  if (st.line === 'dotted') line.setAttribute('stroke-dasharray', '1.5 2.5');
  const head = document.createElementNS(ns, 'path');
  const heads = {
    'triangle-tee': 'M25 1 L33 6 L25 11 Z M22 1 H24 V11 H22 Z',
    triangle: 'M25 1.5 L33 6 L25 10.5 Z',
    diamond: 'M25 6 L29 1.5 L33 6 L29 10.5 Z',
    vee: 'M25 1.5 L33 6 L25 10.5 L28 6 Z',
    circle: 'M29 2.5 A3.5 3.5 0 1 1 28.99 2.5 Z',
  };
  head.setAttribute('d', heads[st.arrow] || heads.triangle);
  head.setAttribute('fill', st.color);
  svg.append(line, head);
  return svg;
}

function buildControls() {
  const rels = $('filter-relations');
  clear(rels);
  const relTypes = [...RELATION_TYPES, ...SOURCE_EDGE_TYPES];
  for (const t of relTypes) {
    const st = EDGE_STYLE[t];
    const cb = h('input', { type: 'checkbox', value: t, dataset: { rel: t } });
    cb.addEventListener('change', () => {
      if (cb.checked) app.state.hideRel.delete(t);
      else app.state.hideRel.add(t);
      writeURL(false);
      applyFilters();
    });
    const label = h('label', { dataset: { sourceOnly: SOURCE_EDGE_TYPES.includes(t) ? '1' : null } }, cb, swatchEdge(st), st.label);
    rels.append(label);
  }
  const kinds = $('filter-actors');
  clear(kinds);
  for (const k of ACTOR_KINDS) {
    const cb = h('input', { type: 'checkbox', value: k, dataset: { kind: k } });
    cb.addEventListener('change', () => {
      if (cb.checked) app.state.hideKind.delete(k);
      else app.state.hideKind.add(k);
      writeURL(false);
      applyFilters();
    });
    kinds.append(h('label', {}, cb, swatchNode(ACTOR_STYLE[k]), ACTOR_STYLE[k].label));
  }
  for (const [id, key] of [['date-from', 'from'], ['date-to', 'to']]) {
    const input = $(id);
    input.addEventListener('change', () => {
      const v = input.value.trim();
      if (v && !DATE_RE.test(v)) {
        input.setAttribute('aria-invalid', 'true');
        setStatus(`"${v}" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD.`, true);
        return;
      }
      input.removeAttribute('aria-invalid');
      app.state[key] = v;
      writeURL(false);
      applyFilters();
    });
  }
  $('show-sources').addEventListener('change', async (ev) => {
    app.state.sources = ev.target.checked;
    writeURL(false);
    if (!app.state.bench) await loadGraph();
    applyFilters();
    applySelection({ center: false });
    runTrace({ fit: false });
  });
  $('reset-filters').addEventListener('click', async () => {
    const hadSources = app.state.sources;
    Object.assign(app.state, { hideRel: new Set(), hideKind: new Set(), from: '', to: '', sources: false });
    writeURL(false);
    syncControls();
    if (hadSources && !app.state.bench) await loadGraph();
    applyFilters();
    applySelection({ center: false });
    runTrace({ fit: false });
  });

  for (const r of document.querySelectorAll('input[name="mode"]')) {
    r.addEventListener('change', () => setMode(r.value));
  }
  $('trace-a').addEventListener('change', (ev) => { app.state.a = ev.target.value || null; writeURL(true); runTrace({ fit: true }); });
  $('trace-b').addEventListener('change', (ev) => { app.state.b = ev.target.value || null; writeURL(true); runTrace({ fit: true }); });
  for (const r of document.querySelectorAll('input[name="trace-kinds"]')) {
    r.addEventListener('change', () => { app.state.chain = r.value; writeURL(false); runTrace({ fit: true }); });
  }
  $('trace-directed').addEventListener('change', (ev) => { app.state.directed = ev.target.checked; writeURL(false); runTrace({ fit: true }); });
  $('trace-hops').addEventListener('change', (ev) => { app.state.hops = Number(ev.target.value); writeURL(false); runTrace({ fit: true }); });

  $('zoom-in').addEventListener('click', () => zoomBy(1.25));
  $('zoom-out').addEventListener('click', () => zoomBy(0.8));
  $('fit').addEventListener('click', () => app.cy?.fit(app.cy.elements(':visible'), 30));
  $('relayout').addEventListener('click', () => { if (app.cy) { runLayout(app.cy); applySelection({ center: true }); } });

  const legend = $('legend-body');
  clear(legend);
  legend.append(
    h('h3', { class: 'card-title' }, 'Nodes'),
    h('ul', { class: 'checks', style: null }, [
      ...ACTOR_KINDS.map((k) => h('li', {}, h('label', {}, swatchNode(ACTOR_STYLE[k]), ACTOR_STYLE[k].label))),
      h('li', {}, h('label', {}, swatchNode(CLAIM_STYLE), 'Claim (label shortened; hover or select for the full text)')),
      h('li', {}, h('label', {}, swatchNode(SOURCE_STYLE), 'Source (shown with "Show sources")')),
    ]),
    h('h3', { class: 'card-title' }, 'Edges'),
    h('ul', { class: 'checks' }, Object.values(EDGE_STYLE).map((st) => h('li', {}, h('label', {}, swatchEdge(st), st.label)))),
  );
  for (const ul of legend.querySelectorAll('ul')) { ul.style.listStyle = 'none'; ul.style.padding = '0'; ul.style.margin = '0 0 8px'; }

  setupSearch();
}

function syncControls() {
  const s = app.state;
  for (const cb of $('filter-relations').querySelectorAll('input')) cb.checked = !s.hideRel.has(cb.value);
  for (const label of $('filter-relations').querySelectorAll('label[data-source-only]')) label.hidden = !s.sources;
  for (const cb of $('filter-actors').querySelectorAll('input')) cb.checked = !s.hideKind.has(cb.value);
  $('date-from').value = s.from;
  $('date-to').value = s.to;
  $('show-sources').checked = s.sources;
  for (const r of document.querySelectorAll('input[name="mode"]')) r.checked = r.value === s.mode;
  $('trace').hidden = s.mode !== 'trace';
  $('trace-a').value = s.a || '';
  $('trace-b').value = s.b || '';
  for (const r of document.querySelectorAll('input[name="trace-kinds"]')) r.checked = r.value === s.chain;
  $('trace-directed').checked = s.directed;
  $('trace-hops').value = String(s.hops);
  explorer.mode = s.mode;
}

function fillActorSelects() {
  const actors = app.nodes.filter((n) => n.type === 'Actor').sort((x, y) => x.full.localeCompare(y.full));
  for (const [id, first] of [['trace-a', 'Choose an actor…'], ['trace-b', 'None']]) {
    const sel = $(id);
    clear(sel);
    sel.append(h('option', { value: '' }, first));
    for (const a of actors) sel.append(h('option', { value: a.id }, `${a.full} (${KIND_LABEL[a.kind] || a.kind})`));
  }
  const dates = [...new Set(app.nodes.filter((n) => n.date).map((n) => n.date))].sort();
  const dl = $('claim-dates');
  clear(dl);
  for (const d of dates) dl.append(h('option', { value: d }));
}

function setMode(mode) {
  app.state.mode = mode;
  if (mode === 'trace' && !app.state.a && app.state.node && app.byId.get(app.state.node)?.type === 'Actor') {
    app.state.a = app.state.node;
  }
  writeURL(true);
  syncControls();
  applyMarks();
  runTrace({ fit: true });
}

function zoomBy(f) {
  const cy = app.cy;
  if (!cy) return;
  cy.zoom({ level: cy.zoom() * f, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
}

// ---------- status ----------

function setStatus(text, error = false) {
  const el = $('status');
  el.textContent = text;
  el.classList.toggle('error', error);
  el.setAttribute('role', error ? 'alert' : 'status');
}

function updateStatus() {
  const cy = app.cy;
  if (!cy) return;
  const nodes = cy.nodes();
  const edges = cy.edges();
  const hiddenNodes = new Set(nodes.filter((n) => n.hasClass('hidden')).map((n) => n.id()));
  const vn = nodes.length - hiddenNodes.size;
  let ve = 0;
  edges.forEach((e) => {
    const d = e.data();
    if (!e.hasClass('hidden') && !hiddenNodes.has(d.source) && !hiddenNodes.has(d.target)) ve++;
  });
  Object.assign(explorer, { nodeCount: nodes.length, edgeCount: edges.length, visibleNodeCount: vn, visibleEdgeCount: ve });
  let text = `${vn} nodes, ${ve} edges`;
  if (vn !== nodes.length || ve !== edges.length) text += ` shown (of ${nodes.length} nodes, ${edges.length} edges)`;
  if (app.truncated) text += `; the API cut the graph at ${SUBGRAPH_LIMIT} nodes`;
  if (app.state.bench) text += ` (synthetic benchmark graph)`;
  setStatus(text);

  const count = (type) => app.nodes.filter((n) => n.type === type).length;
  const rel = (type) => app.cy.edges(`[type = "${type}"]`).length;
  const summary = `${count('Actor')} actors and ${count('Claim')} claims${app.state.sources ? ` and ${count('Source')} sources` : ''}; `
    + `${rel('REBUTS')} rebuttals, ${rel('SUPPORTS')} supports, ${rel('QUALIFIES')} qualifications, ${rel('ASSERTED')} assertions. `
    + `${vn} nodes and ${ve} edges are shown.`;
  $('graph-summary').textContent = summary;
  $('cy').setAttribute('aria-label', `Graph of the debate: ${count('Actor')} actors, ${count('Claim')} claims`);
}

// ---------- graph ----------

function indexGraph(elements) {
  app.nodes = elements.nodes.map((n) => n.data);
  app.byId = new Map(app.nodes.map((n) => [n.id, n]));
  app.edgeIndex = new Map(elements.edges.map((e) => [`${e.data.source}|${e.data.type}|${e.data.target}`, e.data.id]));
}

async function loadGraph() {
  const types = app.state.sources ? ['ACTOR', 'CLAIM', 'QUOTE', 'SOURCE'] : ['ACTOR', 'CLAIM'];
  setStatus('Loading the graph…');
  let data;
  try {
    data = await gql(GRAPH_QUERY, { types, limit: SUBGRAPH_LIMIT });
  } catch (err) {
    explorer.error = err.message;
    setStatus(`Could not load the graph: ${err.message}`, true);
    throw err;
  }
  app.truncated = data.subgraph.truncated;
  app.sourcesLoaded = app.state.sources;
  renderGraph(toElements(data.subgraph));
}

function renderGraph(elements) {
  indexGraph(elements);
  if (app.cy) app.cy.destroy();
  hideTooltip();
  const cy = createGraph($('cy'), elements);
  app.cy = cy;
  applyFilters({ status: false });
  runLayout(cy);
  bindGraphEvents(cy);
  fillActorSelects();
  syncControls();
  updateStatus();
  return cy;
}

function applyFilters({ status = true } = {}) {
  const cy = app.cy;
  if (!cy) return;
  const s = app.state;
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      const d = n.data();
      const hide = (d.type === 'Actor' && s.hideKind.has(d.kind))
        || (d.type === 'Claim' && !claimInDateRange(d.date, s.from, s.to));
      n.toggleClass('hidden', hide);
    });
    cy.edges().forEach((e) => e.toggleClass('hidden', s.hideRel.has(e.data('type'))));
  });
  if (status) updateStatus();
}

function bindGraphEvents(cy) {
  cy.on('tap', 'node', (ev) => select(ev.target.id(), { center: false }));
  cy.on('tap', (ev) => { if (ev.target === cy) select(null); });
  cy.on('mouseover', 'node', (ev) => showTooltip(ev.target));
  cy.on('mouseout', 'node', hideTooltip);
  cy.on('viewport', hideTooltip);
  cy.on('mouseover', 'edge', (ev) => showTooltip(ev.target));
  cy.on('mouseout', 'edge', hideTooltip);
}

function showTooltip(ele) {
  const tip = $('tooltip');
  const d = ele.data();
  clear(tip);
  if (ele.isEdge()) {
    const src = app.byId.get(d.source);
    const dst = app.byId.get(d.target);
    tip.append(h('span', { class: 'kind' }, EDGE_STYLE[d.type]?.label || d.type),
      `${truncate(src?.full, 60)} → ${truncate(dst?.full, 60)}`);
  } else {
    const kind = d.type === 'Actor' ? KIND_LABEL[d.kind] || d.kind : d.type === 'Claim' ? `Claim${d.date ? `, ${d.date}` : ''}` : `Source: ${d.kind}`;
    tip.append(h('span', { class: 'kind' }, kind), d.full);
    if (d.role) tip.append(h('span', { class: 'kind' }, d.role));
  }
  const pos = ele.isEdge() ? ele.renderedMidpoint() : ele.renderedPosition();
  const wrap = $('cy').getBoundingClientRect();
  tip.hidden = false;
  const w = tip.offsetWidth;
  const hgt = tip.offsetHeight;
  tip.style.left = `${Math.max(4, Math.min(pos.x + 14, wrap.width - w - 4))}px`;
  tip.style.top = `${Math.max(4, pos.y + 16 + hgt > wrap.height ? pos.y - hgt - 14 : pos.y + 16)}px`;
}

function hideTooltip() {
  const tip = $('tooltip');
  if (tip) tip.hidden = true;
}

function setupGraphKeys() {
  $('cy').addEventListener('mouseleave', hideTooltip);
  $('cy').addEventListener('keydown', (ev) => {
    const cy = app.cy;
    if (!cy) return;
    const step = 60;
    const pans = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    if (pans[ev.key]) cy.panBy({ x: pans[ev.key][0], y: pans[ev.key][1] });
    else if (ev.key === '+' || ev.key === '=') zoomBy(1.25);
    else if (ev.key === '-' || ev.key === '_') zoomBy(0.8);
    else if (ev.key === '0') cy.fit(cy.elements(':visible'), 30);
    else if (ev.key === 'Escape') select(null);
    else return;
    ev.preventDefault();
  });
}

// ---------- selection and details ----------

function select(id, { center = true, push = true } = {}) {
  if (id === app.state.node && id) {
    applySelection({ center });
    return;
  }
  app.state.node = id || null;
  writeURL(push);
  applySelection({ center });
}

function applySelection({ center = true } = {}) {
  applyMarks({ center });
  const id = app.state.node;
  if (id) loadDetails(id);
  else showBrowse();
}

// applyMarks selects the selected node in the graph and, outside trace
// mode, dims what is not next to it.
function applyMarks({ center = false } = {}) {
  const cy = app.cy;
  const id = app.state.node;
  explorer.selected = id;
  if (cy) {
    cy.batch(() => {
      cy.elements().unselect().removeClass('dim');
      const node = id ? cy.getElementById(id) : null;
      if (node && node.nonempty()) {
        node.select();
        if (app.state.mode !== 'trace') {
          const hood = node.closedNeighborhood();
          cy.elements().not(hood).addClass('dim');
        }
      }
    });
    const node = id ? cy.getElementById(id) : null;
    if (center && node && node.nonempty() && node.visible()) {
      if (cy.zoom() < 0.9) cy.zoom(1.1);
      cy.center(node);
    }
  }
}

const ctx = {
  select: (id, opts) => select(id, opts),
  traceFrom: (id) => {
    app.state.a = id;
    app.state.b = null;
    setMode('trace');
  },
  quotedFrom: (id) => {
    const n = app.cy?.getElementById(id);
    if (!n || n.empty()) return [];
    return n.incomers('edge[type = "QUOTED_FROM"]').sources().map((c) => c.data())
      .sort((x, y) => (x.date || '').localeCompare(y.date || '') || x.id.localeCompare(y.id));
  },
  isHidden: (id) => {
    const n = app.cy?.getElementById(id);
    return !!n && n.nonempty() && !n.visible();
  },
};

function showBrowse() {
  if (app.detailsAbort) app.detailsAbort.abort();
  const body = clear($('details-body'));
  if (app.state.mode === 'trace' && app.traceView) body.append(app.traceView);
  else body.append(renderBrowse(app.nodes, ctx, app.state.bench ? 100 : 1000));
  explorer.detailsFor = null;
}

function backLink() {
  const text = app.state.mode === 'trace' && app.traceView ? '← Back to the trace' : '← Back to the whole debate';
  return h('p', {}, h('button', { type: 'button', class: 'link', onclick: () => select(null) }, text));
}

async function loadDetails(id) {
  if (app.detailsAbort) app.detailsAbort.abort();
  const abort = new AbortController();
  app.detailsAbort = abort;
  const body = $('details-body');
  explorer.detailsFor = undefined;
  clear(body).append(renderLoading(id));
  try {
    if (app.state.bench) {
      const n = app.byId.get(id);
      clear(body).append(h('article', {}, h('h3', { class: 'title', id: 'panel-title' }, n ? n.full : id), h('p', { class: 'meta' }, 'Synthetic benchmark node: no details.')));
      explorer.detailsFor = id;
      return;
    }
    let type = app.byId.get(id)?.type;
    if (!type) {
      const d = await gql('query ExplorerNodeType($id: ID!) { node(id: $id) { __typename } }', { id }, { signal: abort.signal });
      type = d.node?.__typename;
      if (!type) throw new APIError(`Nothing in the graph has the id "${id}".`);
    }
    let view;
    if (type === 'Claim') {
      const d = await gql(CLAIM_QUERY, { id }, { signal: abort.signal });
      if (!d.claim) throw new APIError(`No claim has the id "${id}".`);
      view = renderClaim(d.claim, ctx);
    } else if (type === 'Actor') {
      const d = await gql(ACTOR_QUERY, { id }, { signal: abort.signal });
      if (!d.actor) throw new APIError(`No actor has the id "${id}".`);
      view = renderActor(d.actor, ctx);
    } else if (type === 'Source') {
      const d = await gql(SOURCE_QUERY, { id }, { signal: abort.signal });
      if (!d.source) throw new APIError(`No source has the id "${id}".`);
      view = renderSource(d.source, ctx);
    } else if (type === 'Quote') {
      const d = await gql('query ExplorerQuote($id: ID!) { node(id: $id) { ... on Quote { claim { id } } } }', { id }, { signal: abort.signal });
      if (d.node?.claim) { select(d.node.claim.id, { center: true, push: false }); return; }
      throw new APIError(`No quote has the id "${id}".`);
    } else {
      throw new APIError(`"${id}" is a ${type}, which the explorer does not show.`);
    }
    if (abort.signal.aborted) return;
    clear(body).append(backLink(), view);
    explorer.detailsFor = id;
  } catch (err) {
    if (err.name === 'AbortError' || abort.signal.aborted) return;
    clear(body).append(backLink(), renderError(id, err));
    explorer.detailsFor = id;
  }
}

// ---------- trace mode ----------

function clearTrace() {
  app.cy?.batch(() => app.cy.elements().removeClass('faded hl hl-end'));
  explorer.highlighted = [];
}

function highlight(nodeIds, edgeIds, ends) {
  const cy = app.cy;
  cy.batch(() => {
    cy.elements().removeClass('faded hl hl-end dim').addClass('faded');
    for (const id of nodeIds) cy.getElementById(id).removeClass('faded').addClass('hl');
    for (const id of edgeIds) cy.getElementById(id).removeClass('faded').addClass('hl');
    for (const id of ends) cy.getElementById(id).addClass('hl-end');
  });
  explorer.highlighted = [...nodeIds].filter((id) => cy.getElementById(id).nonempty()).sort();
}

function edgeId(from, type, to) {
  return app.edgeIndex.get(`${from}|${type}|${to}`);
}

async function runTrace({ fit }) {
  const s = app.state;
  const out = $('trace-result');
  const seq = ++app.traceSeq;
  if (app.traceAbort) app.traceAbort.abort();
  app.traceView = null;
  if (s.mode !== 'trace' || !app.cy) {
    clearTrace();
    clear(out);
    explorer.traceDone = null;
    applyMarks();
    if (!s.node && explorer.detailsFor === null) showBrowse();
    return;
  }
  if (!s.a) {
    clearTrace();
    clear(out).append(h('p', { class: 'hint' }, 'Choose an actor above.'));
    if (!s.node) showBrowse();
    explorer.traceDone = '';
    return;
  }
  const abort = new AbortController();
  app.traceAbort = abort;
  explorer.traceDone = undefined;
  clear(out).append(h('p', { class: 'hint', role: 'status' }, 'Tracing…'));
  const name = (id) => app.byId.get(id)?.full || id;
  let view = null;
  let summary = '';
  try {
    const nodes = new Set([s.a]);
    const edges = new Set();
    const addEdge = (f, t, to) => { const e = edgeId(f, t, to); if (e) edges.add(e); };
    if (app.state.bench) throw new APIError('Trace mode needs the API; the benchmark graph is synthetic.');
    if (!s.b) {
      const d = await gql(COUNTERS_QUERY, { id: s.a }, { signal: abort.signal });
      if (seq !== app.traceSeq) return;
      if (!d.actor) throw new APIError(`No actor has the id "${s.a}".`);
      for (const k of [...d.actor.countered, ...d.actor.counteredBy]) {
        nodes.add(k.counter.id);
        nodes.add(k.target.id);
        addEdge(k.counter.id, 'REBUTS', k.target.id);
        for (const a of k.by) { nodes.add(a.id); addEdge(a.id, 'ASSERTED', k.counter.id); }
        for (const a of k.against) { nodes.add(a.id); addEdge(a.id, 'ASSERTED', k.target.id); }
      }
      highlight(nodes, edges, [s.a]);
      const n1 = d.actor.countered.length;
      const n2 = d.actor.counteredBy.length;
      summary = `${d.actor.name} countered ${n1} claim${n1 === 1 ? '' : 's'} and was countered ${n2} time${n2 === 1 ? '' : 's'}.`;
      view = h('article', { 'aria-labelledby': 'panel-title', dataset: { kind: 'Trace' } },
        h('p', { class: 'meta' }, h('span', { class: 'badge kind' }, 'Trace'), 'who countered whom'),
        h('h3', { class: 'title', id: 'panel-title' }, `Counters of ${d.actor.name}`),
        h('h4', {}, `${d.actor.name} countered (${n1})`),
        counterList(d.actor.countered, 'against', ctx),
        h('h4', {}, `${d.actor.name} was countered by (${n2})`),
        counterList(d.actor.counteredBy, 'by', ctx),
      );
    } else {
      const kinds = s.chain === 'all' ? ['REBUTS', 'SUPPORTS', 'QUALIFIES'] : ['REBUTS'];
      const d = await gql(CHAINS_QUERY, { from: s.a, to: s.b, kinds, directed: s.directed, maxHops: s.hops }, { signal: abort.signal });
      if (seq !== app.traceSeq) return;
      nodes.add(s.b);
      for (const chain of d.chains) {
        chain.claims.forEach((c) => {
          nodes.add(c.id);
          for (const a of c.assertedBy) {
            nodes.add(a.id);
            addEdge(a.id, 'ASSERTED', c.id);
          }
        });
        for (const r of chain.relations) addEdge(r.from.id, r.kind, r.to.id);
      }
      highlight(nodes, edges, [s.a, s.b]);
      const desc = `${s.chain === 'all' ? 'rebuttals, supports and qualifications' : 'rebuttals'}, ${s.directed ? 'directed' : 'either way'}, at most ${s.hops} steps`;
      summary = `${d.chains.length} chain${d.chains.length === 1 ? '' : 's'} from ${name(s.a)} to ${name(s.b)}.`;
      view = h('article', { 'aria-labelledby': 'panel-title', dataset: { kind: 'Chains' } },
        h('p', { class: 'meta' }, h('span', { class: 'badge kind' }, 'Trace'), 'chains between two actors'),
        h('h3', { class: 'title', id: 'panel-title' }, `Chains from ${name(s.a)} to ${name(s.b)} (${d.chains.length})`),
        h('p', { class: 'hint' }, `Following ${desc}.`),
        d.chains.length ? h('ol', {}, d.chains.map((chain) => h('li', {},
          h('strong', {}, `${chain.hops} step${chain.hops === 1 ? '' : 's'}`),
          chain.claims.map((c, i) => {
            const r = chain.relations[i];
            const items = [h('span', { class: 'chain-step' }, nodeLink(c.id, truncate(c.text, 90), ctx),
              h('span', { class: 'meta' }, ' by ', c.assertedBy.map((a, j) => [j ? ', ' : '', a.name, a.anonymous || a.kind === 'ANONYMOUS' ? [' ', anonBadge()] : null])))];
            if (r) {
              const forward = r.from.id === c.id;
              items.push(h('span', { class: 'chain-step' }, h('span', { class: `badge rel-${r.kind}` }, forward ? `↓ ${r.kind.toLowerCase()}` : `↑ is ${r.kind === 'QUALIFIES' ? 'qualified' : r.kind === 'REBUTS' ? 'rebutted' : 'supported'} by`)));
            }
            return items;
          }))))
          : h('p', { class: 'empty' }, 'No chain connects them with these options. Try both directions, more kinds or more steps.'),
      );
    }
    app.traceView = view;
    clear(out).append(h('p', {}, summary, ' ', s.node
      ? h('button', { type: 'button', class: 'link', onclick: () => select(null) }, 'Show the list')
      : 'They are listed in the details panel.'));
    if (!s.node) showBrowse();
    explorer.traceDone = stateToSearch(s);
    if (fit) {
      const hl = app.cy.nodes('.hl');
      if (hl.nonempty()) app.cy.fit(hl, 60);
      if (app.cy.zoom() > 1.25) app.cy.zoom({ level: 1.25, renderedPosition: { x: app.cy.width() / 2, y: app.cy.height() / 2 } });
    }
    applyMarks();
  } catch (err) {
    if (err.name === 'AbortError' || seq !== app.traceSeq) return;
    clearTrace();
    clear(out).append(h('p', { role: 'alert', class: 'status error' }, `Could not trace: ${err.message}`));
    if (!s.node) showBrowse();
    explorer.traceDone = stateToSearch(s);
  }
}

// ---------- search ----------

function setupSearch() {
  const form = $('search-form');
  const input = $('search-input');
  const box = $('search-results');
  let abort = null;
  const close = () => { box.hidden = true; };
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const text = input.value.trim();
    if (!text) { close(); return; }
    if (abort) abort.abort();
    abort = new AbortController();
    box.hidden = false;
    clear(box).append(h('p', {}, `Searching for “${text}”…`));
    try {
      if (app.state.bench) throw new APIError('Search needs the API; the benchmark graph is synthetic.');
      const d = await gql(SEARCH_QUERY, { text, first: 20 }, { signal: abort.signal });
      clear(box);
      if (!d.search.length) { box.append(h('p', {}, `Nothing matches “${text}”.`)); return; }
      box.append(h('p', {}, `${d.search.length} result${d.search.length === 1 ? '' : 's'} for “${text}”`),
        h('ul', {}, d.search.map((hit) => h('li', {}, resultButton(hit, close)))));
      box.querySelector('button')?.focus();
    } catch (err) {
      if (err.name === 'AbortError') return;
      clear(box).append(h('p', { role: 'alert' }, `Search failed: ${err.message}`));
    }
  });
  const onKey = (ev) => {
    if (ev.key === 'Escape' && !box.hidden) { close(); input.focus(); ev.preventDefault(); }
  };
  input.addEventListener('keydown', onKey);
  box.addEventListener('keydown', (ev) => {
    onKey(ev);
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      const buttons = [...box.querySelectorAll('button')];
      const i = buttons.indexOf(document.activeElement);
      const next = buttons[(i + (ev.key === 'ArrowDown' ? 1 : -1) + buttons.length) % buttons.length];
      next?.focus();
      ev.preventDefault();
    }
  });
  document.addEventListener('click', (ev) => { if (!form.contains(ev.target)) close(); });
}

function resultButton(hit, close) {
  const n = hit.node;
  let kind;
  let text;
  let target = n.id;
  if (n.__typename === 'Actor') { kind = `Actor · ${KIND_LABEL[n.kind] || n.kind}`; text = n.name; }
  else if (n.__typename === 'Claim') { kind = `Claim${n.date ? ` · ${n.date}` : ''}`; text = n.text; }
  else if (n.__typename === 'Quote') { kind = 'Quote · opens its claim'; text = `“${n.text}”`; target = n.claim.id; }
  else if (n.__typename === 'Source') { kind = `Source · ${n.sourceKind}`; text = n.title; }
  else { kind = n.__typename; text = n.id; }
  return h('button', {
    type: 'button', class: 'result', dataset: { nodeId: target, hitId: n.id, hitType: n.__typename },
    onclick: async () => {
      close();
      if (n.__typename === 'Source' && !app.state.sources) {
        app.state.sources = true;
        syncControls();
        await loadGraph();
        applyFilters();
      }
      select(target, { center: true });
      $('details').focus();
    },
  }, h('span', { class: 'kind' }, kind), h('br'), truncate(text, 160));
}

// ---------- start ----------

async function startBench(n) {
  const t0 = performance.now();
  const sub = syntheticSubgraph(n);
  const tData = performance.now();
  const elements = toElements(sub);
  indexGraph(elements);
  const cy = createGraph($('cy'), elements);
  app.cy = cy;
  const tCreate = performance.now();
  // ?bench=N&quality=default&iter=K compares the fCoSE settings.
  const p = new URLSearchParams(window.location.search);
  const tune = {};
  if (p.get('quality')) tune.quality = p.get('quality');
  if (p.get('iter')) tune.numIter = Number(p.get('iter'));
  const opts = runLayout(cy, tune);
  const tLayout = performance.now();
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const tRender = performance.now();
  bindGraphEvents(cy);
  fillActorSelects();
  syncControls();
  updateStatus();
  // One zoom step, as a user would, until it is painted.
  const tz0 = performance.now();
  zoomBy(1.25);
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const tz1 = performance.now();
  explorer.bench = {
    nodes: cy.nodes().length,
    edges: cy.edges().length,
    layout: `${opts.name}/${opts.quality}${opts.numIter ? `/${opts.numIter}` : ''}`,
    generateMs: tData - t0,
    createMs: tCreate - tData,
    layoutMs: tLayout - tCreate,
    firstRenderMs: tRender - tData,
    zoomFrameMs: tz1 - tz0,
  };
  showBrowse();
}

async function start() {
  buildControls();
  syncControls();
  setupGraphKeys();
  try {
    if (app.state.bench) {
      await startBench(app.state.bench);
    } else {
      await loadGraph();
    }
  } catch (err) {
    console.warn('explorer: the graph did not load', err);
    return;
  }
  applyFilters({ status: true });
  applySelection({ center: true });
  await runTrace({ fit: !app.state.node });
  explorer.ready = true;
  if (!app.state.node) showBrowse();
}

start();
