// What the explorer's modules share: the view's state and the graph on the
// page (app), where the data comes from (app.backend, chosen once by
// main.js), and window.__explorer, which tells the browser tests and the
// benchmark what the page shows.
import { parseState, stateToSearch } from './state.js';

export const $ = (id) => document.getElementById(id);

export const app = {
  state: parseState(window.location.search),
  backend: null, // apiBackend (backend.js) or the benchmark's (bench.js)
  cy: null,
  nodes: [], // node data, as in the graph
  byId: new Map(),
  edgeIndex: new Map(), // "from|TYPE|to" -> edge id
  truncated: false,
  detailsAbort: null,
  traceAbort: null,
  traceSeq: 0,
  traceView: null, // the trace's result, shown in the details panel
  datasets: null, // the datasets in the graph (views.js ensureDatasets)
};

// The test hook: ready, error, the counts, the selection, the details
// shown, the mode, the traced highlight, the benchmark's timings and cy.
export const explorer = {
  ready: false,
  error: null,
  nodeCount: 0,
  edgeCount: 0,
  visibleNodeCount: 0,
  visibleEdgeCount: 0,
  datesApplied: true, // false while the API is asked which claims a date range keeps
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

// writeURL puts the view's state in the address bar, so that a shared URL
// restores the view; push makes a history step for Back and Forward.
export function writeURL(push) {
  const url = `${window.location.pathname}${stateToSearch(app.state)}${window.location.hash}`;
  if (url === `${window.location.pathname}${window.location.search}${window.location.hash}`) return;
  if (push) window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
}
