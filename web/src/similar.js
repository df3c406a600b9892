// What the studio proposes from the graph while the curator types: the
// claims of every dataset that say what the claim being written says (the
// API's similarClaims, ranked, with the words both say), and the actors a
// new speaker's name may already be (actorCandidates, with the reason).
// Both are asked a moment after the last keystroke, and an answer older
// than the text shown is dropped. The page ranks and matches nothing
// itself: the rules are the API's.
import { h } from './dom.js';
import { st, studio } from './studiocore.js';
import { send, signedIn } from './session.js';
import * as q from './studioapi.js';
import { truncate } from './text.js';

// WAIT is how long after the last keystroke the studio asks, in ms.
const WAIT = 350;

let similarTimer = null;
let similarAsked = 0;

// watchSimilar asks, after WAIT, for the claims similar to the draft's
// text and redraws the box with them.
export function watchSimilar(d, actions) {
  clearTimeout(similarTimer);
  similarTimer = setTimeout(() => askSimilar(d, actions), WAIT);
}

async function askSimilar(d, actions) {
  if (!st.caps.has('Query.similarClaims')) return;
  const text = d.text.trim();
  const ask = ++similarAsked;
  if (text.split(/\s+/).filter(Boolean).length < 3) {
    d.similar = { text, claims: [] };
    redrawSimilar(d, actions);
    return;
  }
  studio.busy += 1;
  try {
    const { similarClaims } = await send(q.similarClaimsQuery(), { text, claim: d.isNew ? null : d.id });
    if (ask !== similarAsked || st.draft !== d) return; // the text changed since
    d.similar = { text, claims: similarClaims };
  } catch {
    if (ask !== similarAsked) return;
    d.similar = { text, claims: [], failed: true };
  } finally {
    studio.busy -= 1;
  }
  studio.similar = { text, ids: d.similar.claims.map((c) => c.claim.id) };
  redrawSimilar(d, actions);
}

function redrawSimilar(d, actions) {
  const box = document.getElementById('similar-claims');
  if (box) box.replaceWith(similarBox(d, actions));
}

// similarBox shows the claims similar to the draft's text, each with what
// matched and the two actions: link the draft as its rephrase, or reuse it
// (the draft's quotes and speakers go to that claim instead).
export function similarBox(d, actions) {
  const box = h('section', { class: 'similar', id: 'similar-claims', 'aria-live': 'polite', 'aria-labelledby': 'similar-title' });
  if (!st.caps.has('Query.similarClaims')) return box;
  if (d.similar === undefined && d.text.trim()) queueMicrotask(() => askSimilar(d, actions));
  const found = d.similar?.claims || [];
  if (!found.length) {
    if (d.similar?.failed) box.append(h('p', { class: 'hint' }, 'Could not ask for similar claims.'));
    return box;
  }
  const dis = !signedIn();
  box.append(
    h('h4', { id: 'similar-title' }, `Already in the graph? ${found.length} similar claim${found.length === 1 ? '' : 's'}`),
    h('p', { class: 'hint' }, 'Claims of any dataset that say nearly what yours says, best first, with the words both say. Link yours as a rephrase, or reuse the claim: your quotes and speakers go to it.'),
    h('ol', { class: 'similar-list' }, found.map((m) => h('li', { dataset: { claimId: m.claim.id } },
      h('blockquote', { class: 'claim-text' }, truncate(m.claim.text, 160)),
      h('p', { class: 'meta' },
        h('span', { class: 'badge' }, m.claim.dataset || 'no dataset'),
        ` score ${m.score.toFixed(2)} · both say: ${m.matched.join(', ') || '(no content word)'}`,
        m.negationDiffers ? h('span', { class: 'badge warn' }, 'one denies what the other says') : null,
        m.numbersDiffer ? h('span', { class: 'badge warn' }, 'other numbers') : null),
      h('p', { class: 'inline-actions' },
        st.caps.has('Mutation.rephraseClaim') ? h('button', {
          type: 'button', class: 'btn btn-quiet', disabled: dis, onclick: () => actions.rephrase(m.claim),
          'aria-label': `Link as rephrase of: ${truncate(m.claim.text, 60)}`,
        }, 'Link as rephrase') : null,
        d.isNew ? h('button', {
          type: 'button', class: 'btn btn-quiet', disabled: dis, onclick: () => actions.reuse(m.claim),
          'aria-label': `Reuse this claim instead of a new one: ${truncate(m.claim.text, 60)}`,
        }, 'Reuse this claim') : null)))));
  return box;
}

let actorTimer = null;
let actorAsked = 0;

// watchActorCandidates asks, after WAIT, which existing actors the new
// actor's name (and role) may be, and redraws the box with them.
export function watchActorCandidates(ad, use) {
  clearTimeout(actorTimer);
  actorTimer = setTimeout(() => askActors(ad, use), WAIT);
}

async function askActors(ad, use) {
  const name = ad.name.trim();
  const ask = ++actorAsked;
  if (!name || ad.kind === 'ANONYMOUS' || !st.caps.has('Query.actorCandidates')) {
    ad.candidates = { name, found: [] };
  } else {
    studio.busy += 1;
    try {
      const { actorCandidates } = await send(q.actorCandidatesQuery(), { name, role: ad.role.trim() || null, kind: ad.kind || null });
      if (ask !== actorAsked) return;
      ad.candidates = { name, found: actorCandidates.filter((c) => st.actors.some((a) => a.id === c.actor.id)) };
    } catch {
      if (ask !== actorAsked) return;
      ad.candidates = { name, found: [] }; // a name of no searchable words: nothing to propose
    } finally {
      studio.busy -= 1;
    }
  }
  studio.actorCandidates = { name, ids: ad.candidates.found.map((c) => c.actor.id) };
  const box = document.getElementById('actor-candidates');
  if (box) box.replaceWith(candidatesBox(ad, use));
}

// candidatesBox lists the existing actors a new actor may be, each with the
// API's reason and a button that takes it instead of creating one (an
// anonymous source is never proposed).
export function candidatesBox(ad, use) {
  const box = h('div', { class: 'candidates', id: 'actor-candidates', 'aria-live': 'polite' });
  if (ad.candidates === undefined && ad.name.trim()) queueMicrotask(() => askActors(ad, use));
  const found = ad.candidates?.found || [];
  if (!found.length) return box;
  box.append(h('p', { class: 'hint' }, 'Perhaps already in the graph:'),
    h('ul', {}, found.map((c) => h('li', { dataset: { actorId: c.actor.id } },
      h('strong', {}, c.actor.name), c.actor.role ? ` (${c.actor.role})` : '', `: ${c.reason}. `,
      h('button', { type: 'button', class: 'btn btn-quiet', onclick: () => use(c), 'aria-label': `Use the existing actor ${c.actor.name}` }, 'Use this actor')))));
  return box;
}
