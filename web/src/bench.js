// The render benchmark's entry point (?bench=N; bench/render.mjs): a backend
// that shows a synthetic debate of N nodes (synthetic.js) instead of asking
// the API, and times how long the page takes to show it. The times go in
// window.__explorer.bench. Details, trace mode and search need the API, so
// here they say so.
//
//   ?bench=N&quality=default&iter=K   compares fCoSE's settings
import { app, explorer, $ } from './app.js';
import { APIError } from './api.js';
import { h } from './dom.js';
import { createGraph, runLayout, toElements } from './graph.js';
import { syntheticSubgraph } from './synthetic.js';
import { indexGraph, bindGraphEvents, updateStatus, zoomBy } from './graphview.js';
import { refreshControls } from './controls.js';
import { showBrowse } from './details.js';

const needsAPI = (what) => Promise.reject(new APIError(`${what} needs the API; the benchmark graph is synthetic.`));
const twoFrames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

// benchmarkBackend shows and times a synthetic graph of n nodes; it has no
// sources, so the graph stays as it is when "Show sources" changes.
export function benchmarkBackend(n) {
  let shown = false;
  return {
    graphNote: 'synthetic benchmark graph',
    browseLimit: 100,
    async loadGraph() {
      if (shown) return;
      shown = true;
      await showTimedSyntheticGraph(n);
    },
    async nodeDetails(id) {
      const node = app.byId.get(id);
      return { view: h('article', {}, h('h3', { class: 'title', id: 'panel-title' }, node ? node.full : id), h('p', { class: 'meta' }, 'Synthetic benchmark node: no details.')) };
    },
    actorCounters: () => needsAPI('Trace mode'),
    chains: () => needsAPI('Trace mode'),
    search: () => needsAPI('Search'),
    claimsDated: () => needsAPI('The date filter'),
  };
}

// showTimedSyntheticGraph puts the synthetic graph on the page as the
// explorer would, timing each step up to the first painted frame and one
// zoom step after it.
async function showTimedSyntheticGraph(n) {
  const t0 = performance.now();
  const sub = syntheticSubgraph(n);
  const tData = performance.now();
  const elements = toElements(sub);
  indexGraph(elements);
  const cy = createGraph($('cy'), elements);
  app.cy = cy;
  const tCreate = performance.now();
  const p = new URLSearchParams(window.location.search);
  const tune = {};
  if (p.get('quality')) tune.quality = p.get('quality');
  if (p.get('iter')) tune.numIter = Number(p.get('iter'));
  const opts = runLayout(cy, tune);
  const tLayout = performance.now();
  await twoFrames();
  const tRender = performance.now();
  bindGraphEvents(cy);
  refreshControls();
  updateStatus();
  // One zoom step, as a user would, until it is painted.
  const tz0 = performance.now();
  zoomBy(1.25);
  await twoFrames();
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
