// Trace mode: for one actor, whom they countered and who countered them
// (Actor.countered and counteredBy); for two actors, the chains of claims
// between them (chains). The result is highlighted in the graph, summed up
// under the trace controls and listed in the details panel.
import { app, explorer, $ } from './app.js';
import { APIError } from './api.js';
import { h, clear } from './dom.js';
import { counterList, nodeLink, anonBadge } from './panel.js';
import { stateToSearch } from './state.js';
import { truncate } from './text.js';
import { select, showBrowse, applyMarks, panelContext } from './details.js';

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

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

// traced collects the nodes and the graph's edges a trace passes through.
function traced(start) {
  const nodes = new Set([start]);
  const edges = new Set();
  const addEdge = (from, type, to) => {
    const id = app.edgeIndex.get(`${from}|${type}|${to}`);
    if (id) edges.add(id);
  };
  return { nodes, edges, addEdge };
}

// runTrace traces what the state asks for (nothing outside trace mode) and
// shows it; a newer call supersedes one still waiting for the backend.
export async function runTrace({ fit }) {
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
  try {
    const result = s.b ? await traceChains(s, abort.signal) : await traceCounters(s, abort.signal);
    if (seq !== app.traceSeq) return;
    highlight(result.nodes, result.edges, s.b ? [s.a, s.b] : [s.a]);
    app.traceView = result.view;
    clear(out).append(h('p', {}, result.summary, ' ', s.node
      ? h('button', { type: 'button', class: 'link', onclick: () => select(null) }, 'Show the list')
      : 'They are listed in the details panel.'));
    if (!s.node) showBrowse();
    explorer.traceDone = stateToSearch(s);
    if (fit) fitTrace();
    applyMarks();
  } catch (err) {
    if (err.name === 'AbortError' || seq !== app.traceSeq) return;
    clearTrace();
    clear(out).append(h('p', { role: 'alert', class: 'status error' }, `Could not trace: ${err.message}`));
    if (!s.node) showBrowse();
    explorer.traceDone = stateToSearch(s);
  }
}

function fitTrace() {
  const cy = app.cy;
  const hl = cy.nodes('.hl');
  if (hl.nonempty()) cy.fit(hl, 60);
  if (cy.zoom() > 1.25) cy.zoom({ level: 1.25, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
}

async function traceCounters(s, signal) {
  const actor = await app.backend.actorCounters(s.a, { signal });
  if (!actor) throw new APIError(`No actor has the id "${s.a}".`);
  const { nodes, edges, addEdge } = traced(s.a);
  for (const k of [...actor.countered, ...actor.counteredBy]) {
    nodes.add(k.counter.id);
    nodes.add(k.target.id);
    addEdge(k.counter.id, 'REBUTS', k.target.id);
    for (const a of k.by) { nodes.add(a.id); addEdge(a.id, 'ASSERTED', k.counter.id); }
    for (const a of k.against) { nodes.add(a.id); addEdge(a.id, 'ASSERTED', k.target.id); }
  }
  const n1 = actor.countered.length;
  const n2 = actor.counteredBy.length;
  const view = h('article', { 'aria-labelledby': 'panel-title', dataset: { kind: 'Trace' } },
    h('p', { class: 'meta' }, h('span', { class: 'badge kind' }, 'Trace'), 'who countered whom'),
    h('h3', { class: 'title', id: 'panel-title' }, `Counters of ${actor.name}`),
    h('h4', {}, `${actor.name} countered (${n1})`),
    counterList(actor.countered, 'against', panelContext),
    h('h4', {}, `${actor.name} was countered by (${n2})`),
    counterList(actor.counteredBy, 'by', panelContext),
  );
  return { nodes, edges, view, summary: `${actor.name} countered ${plural(n1, 'claim')} and was countered ${plural(n2, 'time')}.` };
}

async function traceChains(s, signal) {
  const kinds = s.chain === 'all' ? ['REBUTS', 'SUPPORTS', 'QUALIFIES'] : ['REBUTS'];
  const chains = await app.backend.chains({ from: s.a, to: s.b, kinds, directed: s.directed, maxHops: s.hops }, { signal });
  const { nodes, edges, addEdge } = traced(s.a);
  nodes.add(s.b);
  for (const chain of chains) {
    for (const c of chain.claims) {
      nodes.add(c.id);
      for (const a of c.assertedBy) {
        nodes.add(a.id);
        addEdge(a.id, 'ASSERTED', c.id);
      }
    }
    for (const r of chain.relations) addEdge(r.from.id, r.kind, r.to.id);
  }
  const name = (id) => app.byId.get(id)?.full || id;
  const desc = `${s.chain === 'all' ? 'rebuttals, supports and qualifications' : 'rebuttals'}, ${s.directed ? 'directed' : 'either way'}, at most ${s.hops} steps`;
  const view = h('article', { 'aria-labelledby': 'panel-title', dataset: { kind: 'Chains' } },
    h('p', { class: 'meta' }, h('span', { class: 'badge kind' }, 'Trace'), 'chains between two actors'),
    h('h3', { class: 'title', id: 'panel-title' }, `Chains from ${name(s.a)} to ${name(s.b)} (${chains.length})`),
    h('p', { class: 'hint' }, `Following ${desc}.`),
    chains.length ? h('ol', {}, chains.map(chainItem))
      : h('p', { class: 'empty' }, 'No chain connects them with these options. Try both directions, more kinds or more steps.'),
  );
  return { nodes, edges, view, summary: `${plural(chains.length, 'chain')} from ${name(s.a)} to ${name(s.b)}.` };
}

// chainItem lists a chain's claims, each with who asserted it, and between
// two claims the relation that links them.
function chainItem(chain) {
  return h('li', {},
    h('strong', {}, plural(chain.hops, 'step')),
    chain.claims.map((c, i) => {
      const r = chain.relations[i];
      const items = [h('span', { class: 'chain-step' }, nodeLink(c.id, truncate(c.text, 90), panelContext),
        h('span', { class: 'meta' }, ' by ', c.assertedBy.map((a, j) => [j ? ', ' : '', a.name, a.anonymous || a.kind === 'ANONYMOUS' ? [' ', anonBadge()] : null])))];
      if (r) {
        const forward = r.from.id === c.id;
        items.push(h('span', { class: 'chain-step' }, h('span', { class: `badge rel-${r.kind}` }, forward ? `↓ ${r.kind.toLowerCase()}` : `↑ is ${r.kind === 'QUALIFIES' ? 'qualified' : r.kind === 'REBUTS' ? 'rebutted' : 'supported'} by`),
          r.inferred ? h('span', { class: 'meta', title: r.note || undefined }, ' inferred by the curator') : null));
      }
      return items;
    }));
}
