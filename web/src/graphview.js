// The graph on the page: putting elements on the canvas, the filters'
// effect on it, the status line, the hover tooltip, zoom and the keys that
// pan and zoom. Taps and Escape select through details.js.
import { app, explorer, $ } from './app.js';
import { SUBGRAPH_LIMIT } from './api.js';
import { h, clear } from './dom.js';
import { createGraph, runLayout, EDGE_STYLE } from './graph.js';
import { KIND_LABEL } from './panel.js';
import { truncate } from './text.js';
import { select } from './details.js';

// setStatus shows a message above the graph; errors are announced at once.
export function setStatus(text, error = false) {
  const el = $('status');
  el.textContent = text;
  el.classList.toggle('error', error);
  el.setAttribute('role', error ? 'alert' : 'status');
}

// updateStatus counts what is drawn and shown, for the status line, the
// canvas's text alternative and the test hook.
export function updateStatus() {
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
  if (app.backend.graphNote) text += ` (${app.backend.graphNote})`;
  setStatus(text);

  const count = (type) => app.nodes.filter((n) => n.type === type).length;
  const rel = (type) => cy.edges(`[type = "${type}"]`).length;
  const summary = `${count('Actor')} actors and ${count('Claim')} claims${app.state.sources ? ` and ${count('Source')} sources` : ''}; `
    + `${rel('REBUTS')} rebuttals, ${rel('SUPPORTS')} supports, ${rel('QUALIFIES')} qualifications, ${rel('ASSERTED')} assertions. `
    + `${vn} nodes and ${ve} edges are shown.`;
  $('graph-summary').textContent = summary;
  $('cy').setAttribute('aria-label', `Graph of the debate: ${count('Actor')} actors, ${count('Claim')} claims`);
}

// indexGraph keeps the nodes by id and the edges by their ends, so that
// the panel, the tooltip and the trace find them without asking Cytoscape.
export function indexGraph(elements) {
  app.nodes = elements.nodes.map((n) => n.data);
  app.byId = new Map(app.nodes.map((n) => [n.id, n]));
  app.edgeIndex = new Map(elements.edges.map((e) => [`${e.data.source}|${e.data.type}|${e.data.target}`, e.data.id]));
}

// renderGraph replaces the graph on the page with elements, laid out with
// the filters already applied so that hidden nodes take no room.
export function renderGraph(elements) {
  indexGraph(elements);
  if (app.cy) app.cy.destroy();
  hideTooltip();
  const cy = createGraph($('cy'), elements);
  app.cy = cy;
  dated = null; // another graph: the API is asked again which claims a range keeps
  datedAsked = null;
  applyFilters({ status: false });
  runLayout(cy);
  bindGraphEvents(cy);
  updateStatus();
  return cy;
}

// The claims dated in the state's range, as the API counts them
// (backend.claimsDated): { key, ids } once read, for the range and the
// datasets of key.
let dated = null;
let datedAsked = null;

const rangeKey = (s) => JSON.stringify([s.from, s.to, [...(s.ds || [])].sort()]);

// askDated reads the claims dated in the state's range, once for each
// range, then applies the filters again.
async function askDated(key) {
  datedAsked = key;
  const s = app.state;
  try {
    const ids = await app.backend.claimsDated(s.from, s.to);
    if (datedAsked !== key) return;
    dated = { key, ids };
  } catch (err) {
    if (datedAsked !== key) return;
    dated = { key, ids: null };
    setStatus(`The date filter is not applied: ${err.message}`, true);
    return;
  }
  applyFilters();
}

// applyFilters hides the nodes and edges the filters leave out, without
// reloading or laying out the graph again. A date range hides the claims
// the API does not count as dated in it; until the API has said which,
// explorer.datesApplied is false and no claim is hidden for its date.
export function applyFilters({ status = true } = {}) {
  const cy = app.cy;
  if (!cy) return;
  const s = app.state;
  const ranged = !!(s.from || s.to);
  const key = rangeKey(s);
  if (ranged && dated?.key !== key && datedAsked !== key) askDated(key);
  if (!ranged) datedAsked = null;
  const inRange = ranged && dated?.key === key ? dated.ids : null;
  explorer.datesApplied = !ranged || (dated?.key === key && !!inRange);
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      const d = n.data();
      const hide = (d.type === 'Actor' && s.hideKind.has(d.kind))
        || (d.type === 'Claim' && inRange !== null && !inRange.has(d.id));
      n.toggleClass('hidden', hide);
    });
    cy.edges().forEach((e) => e.toggleClass('hidden', s.hideRel.has(e.data('type'))));
  });
  if (status) updateStatus();
}

// bindGraphEvents makes a tap select (the background: deselect) and a
// hover show the tooltip, on a newly created graph.
export function bindGraphEvents(cy) {
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

// zoomBy zooms about the middle of the view, as the toolbar's buttons and
// the + and - keys do.
export function zoomBy(f) {
  const cy = app.cy;
  if (!cy) return;
  cy.zoom({ level: cy.zoom() * f, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
}

// fitVisible fits the view to what the filters leave shown.
export function fitVisible() {
  app.cy?.fit(app.cy.elements(':visible'), 30);
}

// setupGraphKeys lets the focused graph pan, zoom and deselect from the
// keyboard, once for the page (it survives reloads of the graph).
export function setupGraphKeys() {
  $('cy').addEventListener('mouseleave', hideTooltip);
  $('cy').addEventListener('keydown', (ev) => {
    const cy = app.cy;
    if (!cy) return;
    const step = 60;
    const pans = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    if (pans[ev.key]) cy.panBy({ x: pans[ev.key][0], y: pans[ev.key][1] });
    else if (ev.key === '+' || ev.key === '=') zoomBy(1.25);
    else if (ev.key === '-' || ev.key === '_') zoomBy(0.8);
    else if (ev.key === '0') fitVisible();
    else if (ev.key === 'Escape') select(null);
    else return;
    ev.preventDefault();
  });
}
