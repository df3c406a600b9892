// The search box: full-text search through the backend, results as buttons
// that select what they found (a quote opens its claim; a source turns
// "Show sources" on first), with the arrow keys and Escape.
import { app, $ } from './app.js';
import { h, clear } from './dom.js';
import { KIND_LABEL } from './panel.js';
import { truncate, wordsOf } from './text.js';
import { applyFilters } from './graphview.js';
import { select } from './details.js';
import { syncControls } from './controls.js';

// setupSearch wires the search form and its results box, once for the page.
export function setupSearch() {
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
      const hits = await app.backend.search(text, { first: 20, signal: abort.signal });
      clear(box);
      if (!hits.length) { box.append(h('p', {}, `Nothing matches “${text}”.`)); return; }
      box.append(h('p', {}, `${hits.length} result${hits.length === 1 ? '' : 's'} for “${text}”`),
        h('ul', {}, hits.map((hit) => h('li', {}, resultButton(hit, close)))));
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
  else if (n.__typename === 'Quote' && n.quoteKind === 'DIRECT') { kind = 'Quote · the speaker\'s own words · opens its claim'; text = `“${truncate(n.text, 157)}”`; target = n.claim.id; }
  else if (n.__typename === 'Quote') { kind = `Paraphrase · ${wordsOf(n.source)} · opens its claim`; text = n.text; target = n.claim.id; }
  else if (n.__typename === 'Source') { kind = `Source · ${n.sourceKind}`; text = n.title; }
  else { kind = n.__typename; text = n.id; }
  return h('button', {
    type: 'button', class: 'result', dataset: { nodeId: target, hitId: n.id, hitType: n.__typename },
    onclick: async () => {
      close();
      if (n.__typename === 'Source' && !app.state.sources) {
        app.state.sources = true;
        syncControls();
        await app.backend.loadGraph();
        applyFilters();
      }
      select(target, { center: true });
      $('details').focus();
    },
  }, h('span', { class: 'kind' }, kind), h('br'), truncate(text, 160));
}
