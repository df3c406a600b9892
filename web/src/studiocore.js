// What the studio's modules share: its state (st), the test hook
// (window.__studio), and the few actions every part may ask for, which
// studio.js provides (so the forms need not import it back).
import { $ } from './app.js';
import { h, clear } from './dom.js';

export const st = {
  caps: new Set(),
  reader: null,
  sources: [],
  source: null, // the source open in the studio, with its text
  claims: [], // the claims quoted from it
  actors: [],
  allClaims: [],
  proposal: null, // the selected words as a quote: { start, end, text, kind }
  view: 'home', // home, claim, relation or import
  draft: null, // the claim form's draft
  rel: null, // the relation form's draft
  imp: null, // the import form's draft
  importResult: null, // moved and orphaned quotes of the last import
  stale: false, // the graph changed since the explorer loaded it
};

// studio is the test hook: what the studio shows and what it last did.
export const studio = {
  ready: false,
  source: null,
  proposal: null,
  view: 'home',
  busy: 0,
  saves: 0, // saves that went through
  refusals: 0, // saves the API refused
  lastSave: null, // { op, id } of the last save that went through
  lastRefusal: null, // the codes and fields of the last refusal
  editor: null,
  speakerMatch: null, // { speaker, actor, reason } of the last suggested speaker matched to an actor
  similar: null, // { text, ids } of the last similar claims shown for the claim being written
  actorCandidates: null, // { name, ids } of the last existing actors proposed for a new actor's name
  claimSearch: null, // { text, ids } of the last claims found for a relation's other claim
};
window.__studio = studio;

// The actions studio.js provides: renderPanel redraws the panel, refresh
// reloads the open source (its claims, suggestions and highlights), open
// opens a source, highlight redraws the reader's marks.
export const act = {
  renderPanel: () => {},
  refresh: async () => {},
  open: async () => {},
  highlight: () => {},
};

// say puts a message in the studio's status line (a live region).
export function say(text, error = false) {
  const el = $('studio-status');
  if (!el) return;
  el.textContent = text;
  el.classList.toggle('error', !!error);
}

// busy runs fn with the studio marked busy, for the test hook.
export async function busy(fn) {
  studio.busy += 1;
  try {
    return await fn();
  } finally {
    studio.busy -= 1;
  }
}

// actorLabel names an actor with its kind, for pickers.
export function actorLabel(a, kindLabel) {
  return `${a.name} (${kindLabel[a.kind] || a.kind})`;
}

// backButton returns to the studio's home view.
export function backButton() {
  return h('p', {}, h('button', {
    type: 'button', class: 'link', onclick: () => { st.view = 'home'; act.renderPanel(); act.highlight(); },
  }, '← Back to the source'));
}

// sourceTitle is the open source's title, or its id.
export function sourceTitle(id) {
  const s = st.sources.find((x) => x.id === id) || (st.source?.id === id ? st.source : null);
  return s ? s.title : id;
}

export { clear };
