// The details panel's wiring: what is selected, the selection's mark in the
// graph, and what the panel shows (the selected claim, actor or source from
// the backend, else the lists of the whole graph or the trace's result).
// panel.js renders; this module decides what and when.
import { app, explorer, $, writeURL } from './app.js';
import { h, clear } from './dom.js';
import { renderBrowse, renderLoading, renderError } from './panel.js';

// select makes id the selected node (null: none), in the URL, the graph and
// the panel; push makes it a step of the browser's history.
export function select(id, { center = true, push = true } = {}) {
  if (id === app.state.node && id) {
    applySelection({ center });
    return;
  }
  app.state.node = id || null;
  writeURL(push);
  applySelection({ center });
}

// applySelection shows the state's selection after the state changed
// under it (a new graph, Back and Forward, a reset of the filters).
export function applySelection({ center = true } = {}) {
  applyMarks({ center });
  const id = app.state.node;
  if (id) loadDetails(id);
  else showBrowse();
}

// applyMarks selects the selected node in the graph and, outside trace
// mode, dims what is not next to it, so that the graph shows what the
// panel describes.
export function applyMarks({ center = false } = {}) {
  const cy = app.cy;
  const id = app.state.node;
  explorer.selected = id;
  if (!cy) return;
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

let traceFromActor = () => {};

// onTraceFrom tells the panel what its "Trace counters from this actor"
// button does; trace mode belongs to controls.js, which imports this module.
export function onTraceFrom(handler) {
  traceFromActor = handler;
}

// panelContext is how the panel's views (panel.js) act on the explorer:
// their links select, and they ask the graph what it shows.
export const panelContext = {
  select: (id, opts) => select(id, opts),
  traceFrom: (id) => traceFromActor(id),
  datasetTitle: (id) => (app.datasets || []).find((d) => d.id === id)?.title || id,
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

let browseView = () => null;

// onBrowse tells the panel what to show with nothing selected in the
// journalist's views (views.js): a function that returns the view's text
// version, or null outside them.
export function onBrowse(handler) {
  browseView = handler;
}

// showBrowse fills the panel for no selection: the trace's result in trace
// mode, a view's text version in the views, else every actor and claim as
// links (the graph's accessible view).
export function showBrowse() {
  if (app.detailsAbort) app.detailsAbort.abort();
  const body = clear($('details-body'));
  const view = browseView();
  if (view) body.append(view);
  else if (app.state.mode === 'trace' && app.traceView) body.append(app.traceView);
  else body.append(renderBrowse(app.nodes, panelContext, app.backend.browseLimit));
  explorer.detailsFor = null;
}

function backLink() {
  const views = { network: '← Back to who countered whom', timeline: '← Back to the timeline' };
  const text = views[app.state.mode] || (app.state.mode === 'trace' && app.traceView ? '← Back to the trace' : '← Back to the whole debate');
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
    const details = await app.backend.nodeDetails(id, { signal: abort.signal, ctx: panelContext });
    if (details.redirect) {
      select(details.redirect, { center: true, push: false });
      return;
    }
    if (abort.signal.aborted) return;
    clear(body).append(backLink(), details.view);
    explorer.detailsFor = id;
  } catch (err) {
    if (err.name === 'AbortError' || abort.signal.aborted) return;
    clear(body).append(backLink(), renderError(id, err));
    explorer.detailsFor = id;
  }
}
