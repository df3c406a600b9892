// The embed (/embed?mode=network|timeline&ds=…&from=…&to=…&caption=…): one
// of the journalist's views, read-only, for a news page's iframe. The same
// URL parameters as the explorer's views, the same request and the same
// drawing (viewdata.js); around it the caption, the source credit, the date,
// a link to the explorer, and the graphic as text (the counters pair by pair
// with their claims, or the timeline's lanes), which the drawing names as
// its description for screen readers.
import './embed.css';
import { h, clear, put } from './dom.js';
import { parseState, stateToSearch } from './state.js';
import {
  loadDatasets, loadNetwork, loadTimeline, drawNetworkView, drawTimelineView, networkSummary, timelineSummary,
  campsNote, defaultCaption, creditFor, scopeOf, rangeWords,
} from './viewdata.js';
import { edgeText } from './netview.js';
import { dateWords, whenWords } from './timeline.js';
import { today } from './exporter.js';

const views = { ready: false, error: null, mode: null };
window.__views = views;

const state = parseState(window.location.search);
if (state.mode !== 'timeline') state.mode = 'network';
state.edge = null;
state.node = null;

// networkText lists the counters pair by pair, each with its claims.
function networkText(v) {
  const names = new Map(v.net.actors.map((a) => [a.id, a.name]));
  const claims = new Map([...v.data.timeline.entries.map((e) => e.claim), ...v.data.timeline.undated].map((c) => [c.id, c]));
  const edges = [...v.net.edges].sort((a, b) => (b.count - a.count) || a.id.localeCompare(b.id));
  return [
    h('p', {}, networkSummary(v)),
    h('ul', {}, edges.map((e) => {
      const mine = e.pairs;
      return h('li', {}, edgeText(e, names),
        mine.length ? h('ul', {}, mine.slice(0, 20).map(([c, t]) => h('li', {},
          `“${claims.get(c)?.text || c}” ${e.kind === 'REBUTS' ? 'counters' : e.kind.toLowerCase().replace(/s$/, 's')} “${claims.get(t)?.text || t}”`))) : null);
    })),
    h('p', {}, campsNote(v.camps)),
  ];
}

// timelineText lists the documents, then each lane's claims with their dates.
function timelineText(v) {
  const t = v.t;
  return [
    h('p', {}, timelineSummary(v)),
    h('h2', {}, 'Dated documents'),
    h('ul', {}, t.docs.map((d) => h('li', {}, `${d.source.title}: ${dateWords(d.when.date)}`))),
    t.lanes.map((l) => [h('h2', {}, l.label), h('ul', {}, l.list.map((it) => h('li', {}, `${whenWords(it)}: ${it.claim.text}${it.endorses ? '' : ' (presented, not endorsed)'}`)))]),
    t.counters.some((k) => k.inferred) ? h('p', {}, `${t.counters.filter((k) => k.inferred).length} of the ${t.counters.length} counters drawn are the curator's reading (dashed), not the source's words.`) : null,
    h('h2', {}, `Undated claims (${t.undated.length})`),
    h('ul', {}, t.undated.map((c) => h('li', {}, c.text))),
    h('p', {}, campsNote(v.camps)),
  ];
}

async function start() {
  const main = document.getElementById('embed');
  try {
    const datasets = await loadDatasets();
    const v = state.mode === 'network' ? await loadNetwork(state, datasets) : await loadTimeline(state, datasets);
    const scope = scopeOf(state, datasets);
    const caption = state.caption || defaultCaption(state.mode, datasets, scope);
    const svg = state.mode === 'network'
      ? drawNetworkView(v, state, { prefix: 'cpe', title: caption })
      : drawTimelineView(v, state, { prefix: 'cpe', title: caption });
    svg.setAttribute('aria-describedby', 'embed-text');
    svg.removeAttribute('aria-labelledby');
    svg.setAttribute('aria-label', caption);
    const when = rangeWords(scope.from, scope.to);
    const explorerURL = `/${stateToSearch({ ...state, caption: '' })}`;
    put(clear(main),
      h('h1', { class: 'embed-caption' }, caption),
      when ? h('p', { class: 'embed-note' }, `Claims dated ${when}.`) : null,
      h('figure', { class: 'embed-figure' }, svg),
      h('p', { class: 'embed-credit' }, `${creditFor(datasets, scope)}. Made with Counterpoint on ${today()}. `,
        h('a', { href: explorerURL, target: '_blank', rel: 'noopener' }, 'Explore the claims and their sources')),
      h('details', { id: 'embed-text' }, h('summary', {}, 'The graphic as text'),
        state.mode === 'network' ? networkText(v) : timelineText(v)),
    );
    views.mode = state.mode;
    views.ready = true;
    tellHeight();
  } catch (err) {
    views.error = err.message;
    clear(main).append(h('p', { class: 'embed-status error', role: 'alert' }, `The graphic could not be loaded: ${err.message}`));
  }
}

// tellHeight tells the page that frames the embed how tall it is, now and
// whenever it changes (the text version opened, a narrower frame), so that
// the page can size its iframe: a message {counterpoint: 'embed-height',
// height} (docs/views.md has the host's few lines). A height is no secret,
// so any framing page may hear it.
function tellHeight() {
  if (window.parent === window) return;
  let last = 0;
  const send = () => {
    const height = Math.ceil(document.documentElement.scrollHeight);
    if (height !== last) {
      last = height;
      window.parent.postMessage({ counterpoint: 'embed-height', height }, '*');
    }
  };
  send();
  new ResizeObserver(send).observe(document.body);
}

start();
