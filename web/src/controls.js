// The controls around the graph: the filters, the mode and trace inputs,
// the toolbar, the legend, and the URL state they read and write (Back and
// Forward restore a view; a shared URL opens on it).
import { app, explorer, $, writeURL } from './app.js';
import { h, clear } from './dom.js';
import { runLayout, ACTOR_STYLE, CLAIM_STYLE, SOURCE_STYLE, EDGE_STYLE } from './graph.js';
import { parseState, RELATION_TYPES, SOURCE_EDGE_TYPES, ACTOR_KINDS, DATE_RE } from './state.js';
import { KIND_LABEL } from './panel.js';
import { swatchNode, swatchEdge } from './swatch.js';
import { setStatus, applyFilters, zoomBy, fitVisible } from './graphview.js';
import { applySelection, applyMarks, onTraceFrom } from './details.js';
import { runTrace } from './trace.js';
import { enterStudio, leaveStudio } from './studio.js';
import { setupViews, syncViewControls, showView, isViewMode, onTraceActor, onDatasetsChanged } from './views.js';

// setupControls builds the filters and the legend and wires every control,
// once for the page, before the first graph arrives.
export function setupControls() {
  setupFilters();
  setupTraceInputs();
  setupToolbar();
  buildLegend();
  setupViews();
  onTraceActor((id) => {
    app.state.a = id;
    app.state.b = null;
    app.state.node = null;
    setMode('trace');
  });
  onDatasetsChanged(() => showState({ reload: true, center: false }));
  window.addEventListener('popstate', async () => {
    const prev = app.state;
    app.state = parseState(window.location.search);
    syncControls();
    await showState({ reload: prev.sources !== app.state.sources || prev.ds.join() !== app.state.ds.join(), center: true });
  });
  onTraceFrom((id) => {
    app.state.a = id;
    app.state.b = null;
    setMode('trace');
  });
}

// showState brings the graph, the selection and the trace in line with a
// changed state; reload fetches the graph again (sources on or off).
async function showState({ reload, center }) {
  if (app.state.mode === 'curate') {
    await enterStudio();
    return;
  }
  if (isViewMode()) {
    leaveStudio();
    await showView({ reload: false });
    return;
  }
  app.cy?.resize();
  if (leaveStudio() || !app.cy) reload = true;
  if (reload) await app.backend.loadGraph();
  applyFilters();
  applySelection({ center });
  runTrace({ fit: false });
}

// filterCheckbox is checked while value is not in the state's hidden set
// (hideRel or hideKind); a change applies at once and goes in the URL.
function filterCheckbox(hiddenSet, value, dataset) {
  const cb = h('input', { type: 'checkbox', value, dataset });
  cb.addEventListener('change', () => {
    if (cb.checked) app.state[hiddenSet].delete(value);
    else app.state[hiddenSet].add(value);
    writeURL(false);
    applyFilters();
  });
  return cb;
}

function setupFilters() {
  const rels = clear($('filter-relations'));
  for (const t of [...RELATION_TYPES, ...SOURCE_EDGE_TYPES]) {
    const cb = filterCheckbox('hideRel', t, { rel: t });
    rels.append(h('label', { dataset: { sourceOnly: SOURCE_EDGE_TYPES.includes(t) ? '1' : null } }, cb, swatchEdge(EDGE_STYLE[t]), EDGE_STYLE[t].label));
  }
  const kinds = clear($('filter-actors'));
  for (const k of ACTOR_KINDS) {
    const cb = filterCheckbox('hideKind', k, { kind: k });
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
    await showState({ reload: true, center: false });
  });
  $('reset-filters').addEventListener('click', async () => {
    const hadSources = app.state.sources;
    Object.assign(app.state, { hideRel: new Set(), hideKind: new Set(), from: '', to: '', sources: false });
    writeURL(false);
    syncControls();
    await showState({ reload: hadSources, center: false });
  });
}

function setupTraceInputs() {
  for (const r of document.querySelectorAll('input[name="mode"]')) {
    r.addEventListener('change', () => setMode(r.value));
  }
  // The actors are history steps; the options only replace the URL.
  const onTraceInput = (id, apply, push = false) => $(id).addEventListener('change', (ev) => {
    apply(ev.target);
    writeURL(push);
    runTrace({ fit: true });
  });
  onTraceInput('trace-a', (el) => { app.state.a = el.value || null; }, true);
  onTraceInput('trace-b', (el) => { app.state.b = el.value || null; }, true);
  for (const r of document.querySelectorAll('input[name="trace-kinds"]')) {
    r.addEventListener('change', () => { app.state.chain = r.value; writeURL(false); runTrace({ fit: true }); });
  }
  onTraceInput('trace-directed', (el) => { app.state.directed = el.checked; });
  onTraceInput('trace-hops', (el) => { app.state.hops = Number(el.value); });
}

function setupToolbar() {
  $('zoom-in').addEventListener('click', () => zoomBy(1.25));
  $('zoom-out').addEventListener('click', () => zoomBy(0.8));
  $('fit').addEventListener('click', fitVisible);
  $('relayout').addEventListener('click', () => { if (app.cy) { runLayout(app.cy); applySelection({ center: true }); } });
}

function buildLegend() {
  const legend = clear($('legend-body'));
  const list = (items) => {
    const ul = h('ul', { class: 'checks' }, items);
    Object.assign(ul.style, { listStyle: 'none', padding: '0', margin: '0 0 8px' });
    return ul;
  };
  legend.append(
    h('h3', { class: 'card-title' }, 'Nodes'),
    list([
      ...ACTOR_KINDS.map((k) => h('li', {}, h('label', {}, swatchNode(ACTOR_STYLE[k]), ACTOR_STYLE[k].label))),
      h('li', {}, h('label', {}, swatchNode(CLAIM_STYLE), 'Claim (label shortened; hover or select for the full text)')),
      h('li', {}, h('label', {}, swatchNode(SOURCE_STYLE), 'Source (shown with "Show sources")')),
    ]),
    h('h3', { class: 'card-title' }, 'Edges'),
    list(Object.values(EDGE_STYLE).map((st) => h('li', {}, h('label', {}, swatchEdge(st), st.label)))),
  );
}

// syncControls sets every control from the state, after the state changed
// without them (a URL, Back and Forward, a reset).
export function syncControls() {
  const s = app.state;
  for (const cb of $('filter-relations').querySelectorAll('input')) cb.checked = !s.hideRel.has(cb.value);
  for (const label of $('filter-relations').querySelectorAll('label[data-source-only]')) label.hidden = !s.sources;
  for (const cb of $('filter-actors').querySelectorAll('input')) cb.checked = !s.hideKind.has(cb.value);
  $('date-from').value = s.from;
  $('date-to').value = s.to;
  $('show-sources').checked = s.sources;
  for (const r of document.querySelectorAll('input[name="mode"]')) r.checked = r.value === s.mode;
  $('trace').hidden = s.mode !== 'trace';
  const curating = s.mode === 'curate';
  $('curate').hidden = !curating;
  document.body.classList.toggle('curating', curating);
  for (const id of ['filters', 'legend', 'details']) $(id).hidden = curating;
  for (const el of document.querySelectorAll('.stage-bar, .graph-wrap')) el.hidden = curating;
  $('studio-reader').hidden = !curating;
  $('studio-panel').hidden = !curating;
  $('trace-a').value = s.a || '';
  $('trace-b').value = s.b || '';
  for (const r of document.querySelectorAll('input[name="trace-kinds"]')) r.checked = r.value === s.chain;
  $('trace-directed').checked = s.directed;
  $('trace-hops').value = String(s.hops);
  explorer.mode = s.mode;
  syncViewControls();
}

// refreshControls lists a new graph's actors in the trace inputs and its
// claims' dates in the date inputs' suggestions, then sets them from the
// state.
export function refreshControls() {
  const actors = app.nodes.filter((n) => n.type === 'Actor').sort((x, y) => x.full.localeCompare(y.full));
  for (const [id, first] of [['trace-a', 'Choose an actor…'], ['trace-b', 'None']]) {
    const sel = clear($(id));
    sel.append(h('option', { value: '' }, first));
    for (const a of actors) sel.append(h('option', { value: a.id }, `${a.full} (${KIND_LABEL[a.kind] || a.kind})`));
  }
  const dates = [...new Set(app.nodes.filter((n) => n.date).map((n) => n.date))].sort();
  const dl = clear($('claim-dates'));
  for (const d of dates) dl.append(h('option', { value: d }));
  syncControls();
}

// setMode switches between explore, trace and curate mode; entering trace
// mode with an actor selected traces that actor. Leaving curate mode after
// a save loads the graph again, so that it shows the new claims.
export async function setMode(mode) {
  const was = app.state.mode;
  app.state.mode = mode;
  if (mode === 'trace' && !app.state.a && app.state.node && app.byId.get(app.state.node)?.type === 'Actor') {
    app.state.a = app.state.node;
  }
  if (mode !== 'curate') app.state.src = null;
  if (mode !== 'network') app.state.edge = null;
  writeURL(true);
  syncControls();
  if (mode === 'curate') {
    await enterStudio();
    return;
  }
  if (isViewMode(mode)) {
    if (was === 'curate') leaveStudio();
    await showView({ reload: was === 'curate' });
    return;
  }
  // The explorer's graph is loaded when explore or trace mode first needs it.
  if (!app.cy) {
    if (was === 'curate') leaveStudio();
    await app.backend.loadGraph();
    applyFilters();
    applySelection({ center: false });
  } else if (isViewMode(was)) {
    // The graph was hidden under the view: size it to its box again.
    app.cy.resize();
    fitVisible();
    applySelection({ center: false });
  } else if (was === 'curate') {
    app.cy?.resize();
    fitVisible();
    if (leaveStudio()) {
      await app.backend.loadGraph();
      applyFilters();
      applySelection({ center: false });
    } else if (!app.state.node) {
      applySelection({ center: false });
    }
  }
  applyMarks();
  runTrace({ fit: true });
}
