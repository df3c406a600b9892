// The claim form: a claim in neutral words, who asserted it (picked, or
// created on the spot: an anonymous source is always a new actor of its
// own), its stance, attribution and date, and the quotes that evidence it,
// taken from the reader's selection with their code-point offsets. A save is
// one upsertClaim (one transaction); a refusal is shown next to its field; a
// save based on an old version is refused (CONFLICT) and the form shows what
// the other curator changed.
import { h, clear, put } from './dom.js';
import { field, group, select, formErrors, showErrors, clearErrors, slugify, uniqueId } from './formkit.js';
import { st, studio, act, say, busy, backButton, actorLabel, sourceTitle } from './studiocore.js';
import { send, signedIn } from './session.js';
import * as q from './studioapi.js';
import { KIND_LABEL, ATTRIBUTION_LABEL, whoLine } from './panel.js';
import { insideQuotation } from './offsets.js';
import { ACTOR_KINDS } from './state.js';
import { TOKEN_HELP } from './fielderrors.js';
import { similarBox, watchSimilar, candidatesBox, watchActorCandidates } from './similar.js';
import { truncate } from './text.js';

const STANCES = [
  { value: 'ENDORSES', label: 'argues for it (endorses)' },
  { value: 'PRESENTS', label: 'only sets it out (presents)' },
];

// newDraft is an empty claim for the open source, with quotes if given.
export function newDraft(quotes = []) {
  return {
    isNew: true,
    version: st.caps.has('ClaimInput.version') ? 0 : null,
    id: '',
    idTouched: false,
    text: '',
    date: st.source?.date || '',
    dataset: 'curated',
    about: [],
    assertions: [newAssertion()],
    quotes,
    suggestion: null,
    relations: [],
    history: null,
    conflict: null,
    actorDraft: null,
    confirmDelete: false,
  };
}

function newAssertion() {
  return { actor: '', source: st.source?.id || '', date: st.source?.date || '', attribution: 'ON_RECORD', stance: 'ENDORSES', attrTouched: false };
}

// quoteFrom turns a proposal (offsets.js) into a quote of the open source.
export function quoteFrom(p) {
  return { text: p.text, kind: p.kind, source: st.source.id, start: p.start, end: p.end };
}

// editDraft loads a claim from the API into the form.
export async function editDraft(id) {
  const d = await send(q.claimEditQuery(st.caps), { id });
  const c = d.claim;
  if (!c) throw new Error(`No claim has the id "${id}".`);
  return {
    isNew: false,
    version: c.version ?? null,
    id: c.id,
    idTouched: true,
    text: c.text,
    date: c.date || '',
    // The curator's readings of the date and of who holds the claim are
    // kept through an edit the form does not show them in.
    dateBound: c.dateBound || 'IN',
    dateInferred: !!c.dateInferred,
    dateNote: c.dateNote || null,
    dataset: c.dataset || 'curated',
    about: c.about.map((a) => a.id),
    assertions: c.assertions.map((a) => ({
      actor: a.actor.id, source: a.source.id, date: a.date || '', attribution: a.attribution, stance: a.stance, attrTouched: true,
      inferred: !!a.inferred, note: a.note || null,
    })),
    quotes: c.quotes.map((x) => ({
      id: x.id, text: x.text, kind: x.kind, source: x.source.id, document: x.document?.id || null, start: x.start, end: x.end,
    })),
    suggestion: null,
    relations: c.relations,
    history: await historyOf(c.id),
    conflict: null,
    actorDraft: null,
    confirmDelete: false,
  };
}

// historyOf reads a node's changes (newest first), or null where the API
// keeps none.
export async function historyOf(id) {
  if (!st.caps.has('Query.history')) return null;
  try {
    // The node's own changes (a node's history also lists its dataset's loads).
    return (await send(q.historyQuery(), { id, first: 100 })).history.filter((c) => c.entity === id || c.action === 'LOAD');
  } catch {
    return null;
  }
}

// claimInput is the draft as upsertClaim's input.
export function claimInput(d) {
  const input = {
    id: d.id.trim(),
    text: d.text.trim(),
    date: d.date.trim() || null,
    dateBound: d.date.trim() ? d.dateBound || 'IN' : 'IN',
    dateInferred: !!d.dateInferred && !!d.date.trim(),
    dateNote: d.dateInferred && d.date.trim() ? d.dateNote : null,
    dataset: d.dataset.trim() || null,
    about: d.about,
    assertions: d.assertions.map((a) => ({
      actor: a.actor, source: a.source, date: a.date.trim() || null, attribution: a.attribution, stance: a.stance,
      inferred: !!a.inferred, note: a.inferred ? a.note : null,
    })),
    quotes: d.quotes.map((x) => {
      const out = { text: x.text, kind: x.kind, source: x.source, start: x.start, end: x.end };
      if (x.id) out.id = x.id;
      if (x.document) out.document = x.document;
      return out;
    }),
  };
  if (d.version !== null && st.caps.has('ClaimInput.version')) input.version = d.version;
  return input;
}

// addQuote adds the selected words to the draft, with an id that no quote
// of the claim has.
export function addQuote(d, p) {
  const qu = quoteFrom(p);
  if (!d.isNew) {
    // New quotes of a new claim take the API's default ids (<claim>.q<n>).
    const taken = new Set(d.quotes.map((x) => x.id).filter(Boolean));
    let n = d.quotes.length + 1;
    while (taken.has(`${d.id}.q${n}`)) n++;
    qu.id = `${d.id}.q${n}`;
  }
  d.quotes.push(qu);
}

function actorOptions() {
  const sorted = [...st.actors].sort((a, b) => a.name.localeCompare(b.name));
  return [{ value: '', label: 'Choose who said it…' }, ...sorted.map((a) => ({ value: a.id, label: actorLabel(a, KIND_LABEL) }))];
}

function defaultAttribution(actorId) {
  const a = st.actors.find((x) => x.id === actorId);
  if (!a) return 'ON_RECORD';
  return a.kind === 'ANONYMOUS' ? 'ANONYMOUS' : 'ON_RECORD';
}

// renderClaimForm draws the claim form for st.draft.
export function renderClaimForm() {
  const d = st.draft;
  const form = h('form', { class: 'studio-form', id: 'claim-form', novalidate: true, 'aria-labelledby': 'claim-form-title' });
  form.addEventListener('submit', (ev) => { ev.preventDefault(); saveClaim(form); });

  const text = h('textarea', { rows: 3, required: true, spellcheck: 'true' });
  text.value = d.text;
  const id = h('input', { type: 'text', spellcheck: 'false', autocomplete: 'off', readonly: !d.isNew });
  id.value = d.id;
  // The claims already in the graph that say nearly the same are shown as
  // the curator writes: link as a rephrase, or reuse one.
  const similarActions = { rephrase: (c) => saveClaim(form, c), reuse: (c) => reuseClaim(form, c) };
  text.addEventListener('input', () => {
    d.text = text.value;
    if (d.isNew && !d.idTouched) {
      d.id = uniqueId(slugify(d.text), new Set(st.allClaims.map((c) => c.id)));
      id.value = d.id;
    }
    watchSimilar(d, similarActions);
  });
  id.addEventListener('input', () => { d.id = id.value; d.idTouched = true; });
  const date = h('input', { type: 'text', inputmode: 'numeric', placeholder: 'YYYY-MM-DD', size: 12 });
  date.value = d.date;
  date.addEventListener('input', () => { d.date = date.value; });
  const dataset = h('input', { type: 'text', spellcheck: 'false', size: 18 });
  dataset.value = d.dataset;
  dataset.addEventListener('input', () => { d.dataset = dataset.value; });

  const who = whoLine(d.history);
  put(form,
    backButton(),
    h('h3', { class: 'title', id: 'claim-form-title' }, d.isNew ? 'New claim' : 'Edit claim'),
    who ? h('p', { class: 'meta who-line' }, who[0].toUpperCase() + who.slice(1), d.version !== null ? ` · version ${d.version}` : '') : null,
    d.suggestion ? h('p', { class: 'hint' }, 'From a suggested quote: check the words and the speaker before saving.') : null,
    formErrors(),
    conflictBox(d, form),
    field('text', 'The claim, in neutral words', text, 'Your words, not the source\'s: what is claimed, without taking sides.'),
    similarBox(d, similarActions),
    field('id', 'Claim id', id, d.isNew ? 'Made from the claim\'s first words; lower-case letters, digits and hyphens.' : 'A claim keeps its id.'),
    field('date', 'Date', date, 'As precise as the source allows: 2015, 2015-08 or 2015-08-04.'),
    ...d.assertions.map((a, i) => assertionBlock(d, a, i, form)),
    h('p', {}, h('button', { type: 'button', class: 'btn btn-quiet', onclick: () => { d.assertions.push(newAssertion()); rerender(); } }, 'Add another speaker')),
    quotesBlock(d),
    field('dataset', 'Dataset', dataset, 'The file it is exported to; "curated" unless you keep a dataset of your own.'),
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', class: 'btn', disabled: !signedIn() }, d.isNew ? 'Save claim' : 'Save changes'),
      d.isNew ? null : deleteButton(d),
      h('button', { type: 'button', class: 'btn btn-quiet', onclick: () => { st.view = 'home'; st.draft = null; act.renderPanel(); act.highlight(); } }, 'Cancel')),
    signedIn() ? null : h('p', { class: 'hint' }, `Sign in to save. ${TOKEN_HELP}`),
    d.isNew ? null : relationsOf(d),
  );
  return form;
}

function rerender() {
  act.renderPanel();
  act.highlight();
}

function assertionBlock(d, a, i, form) {
  const base = `assertions[${i}]`;
  const actor = select(actorOptions(), a.actor, {});
  actor.addEventListener('change', () => {
    a.actor = actor.value;
    if (!a.attrTouched) { a.attribution = defaultAttribution(a.actor); attribution.value = a.attribution; }
  });
  const attribution = select(Object.entries(ATTRIBUTION_LABEL).map(([value, label]) => ({ value, label })), a.attribution);
  attribution.addEventListener('change', () => { a.attribution = attribution.value; a.attrTouched = true; });
  const stance = select(STANCES, a.stance);
  stance.addEventListener('change', () => { a.stance = stance.value; });
  const date = h('input', { type: 'text', inputmode: 'numeric', placeholder: 'YYYY-MM-DD', size: 12 });
  date.value = a.date;
  date.addEventListener('input', () => { a.date = date.value; });
  const newActor = h('button', {
    type: 'button', class: 'btn btn-quiet', 'aria-expanded': String(d.actorDraft?.forAssertion === i),
    onclick: () => { d.actorDraft = { forAssertion: i, name: '', kind: 'PERSON', role: '', id: '', idTouched: false }; rerender(); },
  }, 'New actor…');
  return group(base, d.assertions.length > 1 ? `Speaker ${i + 1}` : 'Who said it',
    field(`${base}.actor`, 'Actor', actor),
    // A suggested speaker matched to an actor already in the graph, with
    // the API's reason, while the actor is still the one matched.
    a.match && a.match.actor === a.actor ? h('p', { class: 'hint speaker-match' },
      `The ${a.match.typed ? 'speaker' : 'suggested speaker'} “${a.match.speaker}” is ${a.match.name}, already in the graph: ${a.match.reason}.`) : null,
    h('p', { class: 'inline-actions' }, newActor,
      d.assertions.length > 1 ? h('button', { type: 'button', class: 'btn btn-quiet', onclick: () => { d.assertions.splice(i, 1); rerender(); } }, 'Remove this speaker') : null),
    d.actorDraft?.forAssertion === i ? actorSubform(d, a) : null,
    field(`${base}.stance`, 'Stance', stance),
    field(`${base}.attribution`, 'Attribution', attribution),
    field(`${base}.date`, 'Said on', date),
    h('p', { class: 'meta', dataset: { field: `${base}.source` } }, 'In ', h('cite', {}, sourceTitle(a.source)),
      h('span', { class: 'field-error', hidden: true })));
}

// actorSubform creates an actor for an assertion; saving it is its own
// write (upsertActor), so that nothing of the claim is half-saved.
function actorSubform(d, a) {
  const ad = d.actorDraft;
  const box = h('div', { class: 'subform', role: 'group', 'aria-labelledby': 'new-actor-title' });
  const name = h('input', { type: 'text', autocomplete: 'off' });
  name.value = ad.name;
  const id = h('input', { type: 'text', spellcheck: 'false', autocomplete: 'off' });
  id.value = ad.id;
  const kind = select(ACTOR_KINDS.map((k) => ({ value: k, label: KIND_LABEL[k] || k })), ad.kind);
  const role = h('input', { type: 'text', autocomplete: 'off' });
  role.value = ad.role;
  const taken = () => new Set(st.actors.map((x) => x.id));
  const autoId = () => {
    if (!ad.idTouched) { ad.id = uniqueId(slugify(ad.name), taken()); id.value = ad.id; }
  };
  // The actors already in the graph that the name may be (the API's rule,
  // with its reason): one of them can be taken instead of a new actor.
  const use = (c) => {
    a.actor = c.actor.id;
    if (!a.attrTouched) a.attribution = defaultAttribution(a.actor);
    a.match = { speaker: ad.name.trim(), actor: c.actor.id, name: c.actor.name, reason: c.reason, typed: true };
    studio.speakerMatch = { speaker: ad.name.trim(), actor: c.actor.id, reason: c.reason };
    d.actorDraft = null;
    say(`The speaker is ${c.actor.name}, already in the graph.`);
    rerender();
  };
  name.addEventListener('input', () => { ad.name = name.value; autoId(); watchActorCandidates(ad, use); });
  id.addEventListener('input', () => { ad.id = id.value; ad.idTouched = true; });
  kind.addEventListener('change', () => { ad.kind = kind.value; watchActorCandidates(ad, use); });
  role.addEventListener('input', () => { ad.role = role.value; watchActorCandidates(ad, use); });
  const create = h('button', { type: 'button', class: 'btn', disabled: !signedIn() }, 'Create actor');
  create.addEventListener('click', () => createActor(d, a, box));
  for (const el of [name, id, role]) {
    el.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') { ev.preventDefault(); createActor(d, a, box); } });
  }
  put(box,
    h('h4', { id: 'new-actor-title' }, 'New actor'),
    h('p', { class: 'hint' }, 'An anonymous source ("a second senior official") is an actor of its own: create it here, never pick a named person for it.'),
    formErrors(),
    field('name', 'Name, or the words the source uses', name),
    candidatesBox(ad, use),
    field('kind', 'Actor kind', kind),
    field('role', 'Role or title (optional)', role),
    field('id', 'Actor id', id, 'Made from the name; a new actor never takes an existing id.'),
    h('p', { class: 'inline-actions' }, create,
      h('button', { type: 'button', class: 'btn btn-quiet', onclick: () => { d.actorDraft = null; rerender(); } }, 'Cancel the new actor')));
  queueMicrotask(() => { if (!ad.name) name.focus(); });
  return box;
}

async function createActor(d, a, box) {
  const ad = d.actorDraft;
  if (!ad) return;
  clearErrors(box);
  const input = { id: ad.id.trim(), name: ad.name.trim(), kind: ad.kind, role: ad.role.trim() || null };
  if (st.actors.some((x) => x.id === input.id)) {
    showErrors(box, [{ message: `id "${input.id}" is already an actor, not a new one`, extensions: { code: 'BAD_USER_INPUT', field: 'input.id' } }]);
    return;
  }
  if (st.caps.has('Actor.version')) input.version = 0;
  await busy(async () => {
    try {
      const r = await send(q.upsertActorMutation(st.caps), { input });
      st.actors.push(r.upsertActor);
      a.actor = r.upsertActor.id;
      if (!a.attrTouched) a.attribution = defaultAttribution(a.actor);
      d.actorDraft = null;
      st.stale = true;
      studio.saves += 1;
      studio.lastSave = { op: 'upsertActor', id: r.upsertActor.id };
      say(`Created the actor ${r.upsertActor.name}.`);
      rerender();
    } catch (err) {
      refused(box, err);
    }
  });
}

// refused shows a refused save in its form and records it for the tests.
export function refused(form, err) {
  const errors = err.errors?.length ? err.errors : [{ message: err.message, extensions: { code: err.codes?.[0] || '' } }];
  showErrors(form, errors);
  studio.refusals += 1;
  studio.lastRefusal = errors.map((e) => ({ code: e.extensions?.code || '', field: e.extensions?.field || '', message: e.message }));
  say('Not saved: see the messages in the form.', true);
}

function quotesBlock(d) {
  const items = d.quotes.map((x, i) => quoteItem(d, x, i));
  const add = h('button', {
    type: 'button', class: 'btn btn-quiet', disabled: !st.proposal,
    onclick: () => { if (st.proposal) { addQuote(d, st.proposal); rerender(); } },
  }, 'Add the selected words as a quote');
  return group('quotes', `Quotes (${d.quotes.length})`,
    d.quotes.length ? h('ol', { class: 'quote-items' }, items) : h('p', { class: 'hint' }, 'Select words in the text, or find them above, then add them here.'),
    h('p', { class: 'inline-actions' }, add));
}

function quoteItem(d, x, i) {
  const base = `quotes[${i}]`;
  const own = x.source === st.source?.id;
  const start = h('input', { type: 'number', min: 0, step: 1, readonly: !own, size: 6 });
  start.value = String(x.start);
  const end = h('input', { type: 'number', min: 0, step: 1, readonly: !own, size: 6 });
  end.value = String(x.end);
  const words = h('blockquote', { class: `quote ${x.kind === 'DIRECT' ? 'direct' : 'paraphrase'}` }, x.text);
  const kind = select([{ value: 'DIRECT', label: 'Direct: the speaker\'s own words' }, { value: 'PARAPHRASE', label: 'Paraphrase: the reporter\'s words' }], x.kind);
  const warn = h('p', { class: 'hint kind-warning', 'aria-live': 'polite' });
  const check = () => {
    warn.textContent = own && x.kind === 'DIRECT' && !insideQuotation(st.reader.quotations, x.start, x.end)
      ? 'These words are not inside quotation marks: the API will refuse them as a direct quote.' : '';
  };
  const moved = () => {
    const s = Number.parseInt(start.value, 10);
    const e = Number.parseInt(end.value, 10);
    if (!Number.isInteger(s) || !Number.isInteger(e)) return;
    x.start = s;
    x.end = e;
    x.text = st.reader.index.slice(s, e);
    words.textContent = x.text;
    check();
    act.highlight();
  };
  start.addEventListener('change', moved);
  end.addEventListener('change', moved);
  kind.addEventListener('change', () => { x.kind = kind.value; words.className = `quote ${x.kind === 'DIRECT' ? 'direct' : 'paraphrase'}`; check(); });
  if (own) check();
  return h('li', { dataset: { quoteIndex: String(i) } }, group(base, `Quote ${i + 1}`,
    words,
    h('p', { class: 'meta' }, 'From ', h('cite', {}, sourceTitle(x.source)), `, characters ${x.start}–${x.end} (counted in Unicode code points)`),
    h('div', { class: 'offsets' },
      field(`${base}.start`, 'From character', start),
      field(`${base}.end`, 'To character', end)),
    field(`${base}.kind`, 'Whose words', kind),
    warn,
    h('p', { class: 'inline-actions' },
      own ? h('button', { type: 'button', class: 'btn btn-quiet', onclick: () => st.reader.select(x.start, x.end) }, 'Show in the text') : null,
      h('button', { type: 'button', class: 'btn btn-quiet', onclick: () => { d.quotes.splice(i, 1); rerender(); } }, 'Remove quote'))));
}

function deleteButton(d) {
  if (!st.caps.has('Mutation.deleteClaim')) return null;
  if (!d.confirmDelete) {
    return h('button', { type: 'button', class: 'btn btn-quiet danger', disabled: !signedIn(), onclick: () => { d.confirmDelete = true; rerender(); } }, 'Delete claim…');
  }
  return h('span', { class: 'confirm', role: 'group', 'aria-label': 'Confirm the deletion' },
    h('button', { type: 'button', class: 'btn danger', onclick: () => deleteClaim(d) }, 'Yes, delete this claim'),
    h('button', { type: 'button', class: 'btn btn-quiet', onclick: () => { d.confirmDelete = false; rerender(); } }, 'Keep it'));
}

async function deleteClaim(d) {
  const form = document.getElementById('claim-form');
  await busy(async () => {
    try {
      await send(q.deleteClaimMutation(), { id: d.id, version: d.version ?? 0 });
      st.stale = true;
      studio.saves += 1;
      studio.lastSave = { op: 'deleteClaim', id: d.id };
      say(`Deleted the claim ${d.id}.`);
      st.draft = null;
      st.view = 'home';
      await act.refresh();
    } catch (err) {
      d.confirmDelete = false;
      if (err.codes?.includes('CONFLICT')) {
        await loadConflict(d, err);
        rerender();
      }
      refused(document.getElementById('claim-form') || form, err);
    }
  });
}

// saveClaim sends the draft as one upsertClaim or, to link it as the
// rephrase of an existing claim (rephrases: { id, text }), as one
// rephraseClaim: the claim and the link in one write.
export async function saveClaim(form, rephrases = null) {
  const d = st.draft;
  clearErrors(form);
  await busy(async () => {
    try {
      const saved = rephrases
        ? (await send(q.rephraseClaimMutation(st.caps), { input: claimInput(d), rephrases: rephrases.id })).rephraseClaim
        : (await send(q.upsertClaimMutation(st.caps), { input: claimInput(d) })).upsertClaim;
      st.stale = true;
      studio.saves += 1;
      studio.lastSave = { op: rephrases ? 'rephraseClaim' : 'upsertClaim', id: saved.id, version: saved.version ?? null, rephrases: rephrases?.id };
      if (d.suggestion && st.caps.has('Mutation.reviewSuggestion')) {
        await send(q.reviewSuggestionMutation(), { source: st.source.id, id: d.suggestion, decision: 'ACCEPTED' }).catch(() => {});
      }
      say(rephrases ? `Saved the claim "${saved.text}", linked as a rephrase of “${truncate(rephrases.text, 80)}”.` : `Saved the claim "${saved.text}".`);
      st.draft = await editDraft(saved.id);
      await act.refresh();
    } catch (err) {
      if (err.codes?.includes('CONFLICT')) {
        await loadConflict(d, err);
        rerender();
        refused(document.getElementById('claim-form'), err);
        return;
      }
      refused(form, err);
    }
  });
}

// reuseClaim attaches the draft's quotes and speakers to an existing claim
// (of any dataset) instead of making a new one: one upsertClaim of that
// claim, based on the version read, with its own quotes, assertions and
// dataset kept.
async function reuseClaim(form, other) {
  const d = st.draft;
  clearErrors(form);
  await busy(async () => {
    try {
      const into = await editDraft(other.id);
      const taken = new Set(into.quotes.map((x) => x.id));
      let n = into.quotes.length + 1;
      for (const x of d.quotes) {
        while (taken.has(`${into.id}.q${n}`)) n++;
        taken.add(`${into.id}.q${n}`);
        into.quotes.push({ ...x, id: `${into.id}.q${n}` });
      }
      for (const a of d.assertions) {
        if (a.actor && !into.assertions.some((b) => b.actor === a.actor && b.source === a.source)) into.assertions.push({ ...a });
      }
      const saved = (await send(q.upsertClaimMutation(st.caps), { input: claimInput(into) })).upsertClaim;
      st.stale = true;
      studio.saves += 1;
      studio.lastSave = { op: 'upsertClaim', id: saved.id, version: saved.version ?? null, reused: true };
      if (d.suggestion && st.caps.has('Mutation.reviewSuggestion')) {
        await send(q.reviewSuggestionMutation(), { source: st.source.id, id: d.suggestion, decision: 'ACCEPTED' }).catch(() => {});
      }
      say(`Reused the claim "${saved.text}": the quotes were added to it, no new claim made.`);
      st.draft = await editDraft(saved.id);
      await act.refresh();
    } catch (err) {
      refused(form, err);
    }
  });
}

// loadConflict reads what others changed since the draft's version.
async function loadConflict(d, err) {
  const history = (await historyOf(d.id)) || [];
  const newer = history.filter((c) => c.entity === d.id && (d.version === null || c.version === null || c.version > d.version));
  let latest = null;
  try {
    latest = (await send(q.claimEditQuery(st.caps), { id: d.id })).claim;
  } catch { /* shown without it */ }
  d.conflict = { message: err.message, changes: newer, latestVersion: latest?.version ?? null };
}

// changedFields lists what a change did, field by field, from its before
// and after JSON.
export function changedFields(change) {
  let before = {};
  let after = {};
  try { before = change.before ? JSON.parse(change.before) : {}; } catch { /* not JSON */ }
  try { after = change.after ? JSON.parse(change.after) : {}; } catch { /* not JSON */ }
  const keys = [...new Set([...Object.keys(before || {}), ...Object.keys(after || {})])].filter((k) => k !== 'version');
  const show = (v) => (v === undefined || v === null ? '(none)' : typeof v === 'string' ? `“${v}”` : Array.isArray(v) ? `${v.length} item${v.length === 1 ? '' : 's'}` : JSON.stringify(v));
  return keys.filter((k) => JSON.stringify(before?.[k]) !== JSON.stringify(after?.[k]))
    .map((k) => ({ field: k, before: show(before?.[k]), after: show(after?.[k]) }));
}

function conflictBox(d, form) {
  const box = h('section', { class: 'conflict', dataset: { field: 'version' }, 'aria-labelledby': 'conflict-title', hidden: !d.conflict });
  box.append(h('div', { class: 'field-error', hidden: true }));
  if (!d.conflict) return box;
  const c = d.conflict;
  put(box,
    h('h4', { id: 'conflict-title' }, 'Changed by someone else'),
    c.changes.length ? h('ul', { class: 'changes' }, c.changes.map((ch) => h('li', { dataset: { by: ch.by } },
      h('strong', {}, ch.by), ` ${(ch.action || '').toLowerCase()}d it on ${(ch.at || '').replace('T', ' ').slice(0, 16)}`,
      ch.version !== null && ch.version !== undefined ? ` (version ${ch.version})` : '',
      h('ul', {}, changedFields(ch).map((f) => h('li', { class: 'change-field' }, h('span', { class: 'meta' }, `${f.field}: `), `${f.before} → ${f.after}`))))))
      : h('p', {}, c.message),
    h('p', { class: 'hint' }, 'Your edits are still in the form. Load their version to start again from it, or save yours over theirs now that you have seen what they changed.'),
    h('p', { class: 'inline-actions' },
      h('button', { type: 'button', class: 'btn btn-quiet', onclick: async () => { st.draft = await editDraft(d.id); rerender(); } }, 'Load their version'),
      h('button', {
        type: 'button', class: 'btn', disabled: c.latestVersion === null,
        onclick: () => { d.version = c.latestVersion; d.conflict = null; saveClaim(form); },
      }, 'Save mine over theirs')));
  return box;
}

function relationsOf(d) {
  if (!d.relations?.length) return null;
  const label = { REBUTS: 'rebuts', SUPPORTS: 'supports', QUALIFIES: 'qualifies' };
  return h('section', { class: 'relgroup' }, h('h4', {}, `Relations (${d.relations.length})`),
    h('ul', {}, d.relations.map((r) => h('li', { dataset: { relFrom: r.from.id, relTo: r.to.id, relKind: r.kind } },
      r.from.id === d.id ? ['This claim ', h('span', { class: `badge rel-${r.kind}` }, label[r.kind]), ` “${r.to.text}”`]
        : [`“${r.from.text}” `, h('span', { class: `badge rel-${r.kind}` }, label[r.kind]), ' this claim'],
      ' ', h('button', { type: 'button', class: 'link', onclick: () => act.editRelation?.(r) }, 'Edit relation')))));
}
