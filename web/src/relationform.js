// The relation form: one claim rebuts, supports or qualifies another, with
// the source's words that make the link (selected in the reader, like a
// quote) or, when the link is the curator's reading, a note saying why. A
// save is one addRelation; a counter hint only fills the form, and nothing
// is linked until the curator saves.
import { h, put, clear } from './dom.js';
import { field, group, select, formErrors, clearErrors } from './formkit.js';
import { st, studio, act, say, busy, backButton, sourceTitle } from './studiocore.js';
import { send, signedIn } from './session.js';
import * as q from './studioapi.js';
import { refused } from './claimform.js';
import { truncate } from './text.js';
import { TOKEN_HELP } from './fielderrors.js';

const KINDS = [
  { value: 'REBUTS', label: 'rebuts', help: 'argues that the other claim is wrong' },
  { value: 'SUPPORTS', label: 'supports', help: 'is offered as a reason for the other claim' },
  { value: 'QUALIFIES', label: 'qualifies', help: 'narrows or corrects the other claim without denying it' },
];

// newRelation is an empty relation shown by the open source.
export function newRelation(from = '', evidence = []) {
  return { kind: 'REBUTS', from, to: '', note: '', inferred: false, source: st.source?.id || '', evidence, existing: null, hint: null };
}

// relationFrom loads an existing relation into the form.
export function relationFrom(r) {
  return {
    kind: r.kind,
    from: r.from.id,
    to: r.to.id,
    note: r.note || '',
    inferred: !!r.inferred,
    source: r.source?.id || st.source?.id || '',
    evidence: (r.evidence || []).map((e) => ({ text: e.text, source: e.source.id, start: e.start, end: e.end })),
    existing: { kind: r.kind, from: r.from.id, to: r.to.id },
    hint: null,
  };
}

// relationInput is the draft as addRelation's input.
export function relationInput(r) {
  return {
    kind: r.kind,
    from: r.from,
    to: r.to,
    note: r.note.trim() || null,
    source: r.source || null,
    inferred: r.inferred,
    evidence: r.evidence.map((e) => ({ text: e.text, source: e.source, start: e.start, end: e.end })),
  };
}

function claimOptions(chosen) {
  const here = new Set(st.claims.map((c) => c.id));
  const opt = (c) => h('option', { value: c.id, selected: c.id === chosen }, truncate(c.text, 90));
  const others = st.allClaims.filter((c) => !here.has(c.id)).sort((a, b) => a.text.localeCompare(b.text));
  const el = h('select', {},
    h('option', { value: '' }, 'Choose a claim…'),
    h('optgroup', { label: 'Quoted from this source' }, st.claims.map(opt)),
    others.length ? h('optgroup', { label: 'Other claims' }, others.map(opt)) : null);
  el.value = chosen || '';
  return el;
}

// datasetOf is the dataset of a claim the studio has listed, or ''.
function datasetOf(id) {
  return st.allClaims.find((c) => c.id === id)?.dataset || '';
}

// claimSearch finds the other claim by its words among the claims of every
// dataset (the API's full-text search), for a relation to a claim another
// article's dataset holds; picking one puts it in the form.
function claimSearch(r, rerender) {
  const input = h('input', { type: 'search', id: 'claim-search', autocomplete: 'off' });
  input.value = r.search?.text || '';
  const out = h('ul', { class: 'find-results claim-hits', 'aria-live': 'polite' });
  const show = () => {
    clear(out);
    if (!r.search) return;
    if (!r.search.hits.length) { out.append(h('li', { class: 'hint' }, 'No claim has these words.')); return; }
    out.append(...r.search.hits.map((c) => h('li', { dataset: { claimId: c.id } },
      h('button', {
        type: 'button', class: 'link', 'aria-label': `Use as the other claim: ${truncate(c.text, 60)}`,
        onclick: () => {
          if (!st.allClaims.some((x) => x.id === c.id)) st.allClaims.push(c);
          r.to = c.id;
          rerender();
        },
      }, 'Use'),
      ' ', h('span', { class: 'badge' }, c.dataset || 'no dataset'), ` ${truncate(c.text, 110)}`)));
  };
  const run = async () => {
    const text = input.value.trim();
    if (!text) return;
    await busy(async () => {
      try {
        const { search } = await send(q.searchClaimsQuery(), { text });
        const hits = search.filter((x) => x.node.__typename === 'Claim' && x.node.id !== r.from).map((x) => x.node);
        r.search = { text, hits };
        studio.claimSearch = { text, ids: hits.map((c) => c.id) };
      } catch (err) {
        r.search = { text, hits: [] };
        say(`Search failed: ${err.message}`, true);
      }
      show();
    });
  };
  input.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') { ev.preventDefault(); run(); } });
  show();
  return h('div', { class: 'find' },
    h('label', { for: 'claim-search' }, 'Find the other claim in any dataset'),
    h('div', { class: 'find-row' }, input, h('button', { type: 'button', class: 'btn btn-quiet', onclick: run }, 'Find claims')),
    out);
}

// crossing says, when the two claims are of different datasets, that the
// relation crosses them and what the export makes of it.
function crossing(r) {
  const from = datasetOf(r.from);
  const to = datasetOf(r.to);
  const box = h('p', { class: 'hint crossing', id: 'relation-crossing', 'aria-live': 'polite' });
  if (!from || !to || from === to) return box;
  return put(box, `The other claim is of the dataset “${to}”, this one of “${from}”: the relation belongs to “${from}”, whose file will require “${to}”.`);
}

// renderRelationForm draws the relation form for st.rel.
export function renderRelationForm() {
  const r = st.rel;
  const form = h('form', { class: 'studio-form', id: 'relation-form', novalidate: true, 'aria-labelledby': 'relation-form-title' });
  form.addEventListener('submit', (ev) => { ev.preventDefault(); saveRelation(form); });
  const rerender = () => { act.renderPanel(); act.highlight(); };

  // An existing relation keeps its claims and kind (another pair or kind
  // is another relation: remove this one and draw that), so that a save
  // stays one write.
  const fixed = !!r.existing;
  const from = claimOptions(r.from);
  from.disabled = fixed;
  const recross = () => document.getElementById('relation-crossing')?.replaceWith(crossing(r));
  from.addEventListener('change', () => { r.from = from.value; recross(); });
  const to = claimOptions(r.to);
  to.disabled = fixed;
  to.addEventListener('change', () => { r.to = to.value; recross(); });
  const kinds = h('div', { class: 'kind-choice' }, KINDS.map((k) => {
    const input = h('input', { type: 'radio', name: 'relation-kind', value: k.value, checked: r.kind === k.value, disabled: fixed && r.kind !== k.value });
    input.addEventListener('change', () => { if (input.checked) r.kind = k.value; });
    return h('label', {}, input, ` ${k.label}`, h('span', { class: 'meta' }, ` (${k.help})`));
  }));
  const note = h('textarea', { rows: 2 });
  note.value = r.note;
  note.addEventListener('input', () => { r.note = note.value; });
  const inferred = h('input', { type: 'checkbox', checked: r.inferred });
  inferred.addEventListener('change', () => { r.inferred = inferred.checked; });

  const evidence = r.evidence.map((e, i) => h('li', {}, group(`evidence[${i}]`, `Words ${i + 1}`,
    h('blockquote', { class: 'evidence-text' }, e.text),
    h('p', { class: 'meta' }, 'From ', h('cite', {}, sourceTitle(e.source)), `, characters ${e.start}–${e.end} (Unicode code points)`),
    h('p', { class: 'inline-actions' },
      e.source === st.source?.id ? h('button', { type: 'button', class: 'btn btn-quiet', onclick: () => st.reader.select(e.start, e.end) }, 'Show in the text') : null,
      h('button', { type: 'button', class: 'btn btn-quiet', onclick: () => { r.evidence.splice(i, 1); rerender(); } }, 'Remove')))));

  put(form,
    backButton(),
    h('h3', { class: 'title', id: 'relation-form-title' }, r.existing ? 'Edit relation' : 'New relation'),
    r.hint ? h('p', { class: 'hint' }, 'From a counter hint: pick the two claims yourself; nothing is linked until you save.') : null,
    formErrors(),
    field('from', 'This claim', from),
    group('kind', 'How it bears on the other', kinds),
    field('to', 'The other claim', to),
    fixed || !st.caps.has('Query.search') ? null : claimSearch(r, rerender),
    crossing(r),
    group('evidence', `The source's words that show the link (${r.evidence.length})`,
      r.evidence.length ? h('ol', { class: 'quote-items' }, evidence) : h('p', { class: 'hint' }, 'Select the words in the text, then add them here.'),
      h('p', { class: 'inline-actions' }, h('button', {
        type: 'button', class: 'btn btn-quiet', disabled: !st.proposal,
        onclick: () => {
          const p = st.proposal;
          if (p) { r.evidence.push({ text: p.text, source: st.source.id, start: p.start, end: p.end }); rerender(); }
        },
      }, 'Add the selected words as evidence'))),
    h('div', { class: 'field', dataset: { field: 'inferred' } },
      h('label', { class: 'toggle' }, inferred, ' Inferred: my reading, not the source\'s words'),
      h('div', { class: 'field-error', hidden: true })),
    field('note', 'Note (why the source shows the link; required when inferred)', note),
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', class: 'btn', disabled: !signedIn() }, 'Save relation'),
      r.existing ? h('button', { type: 'button', class: 'btn btn-quiet danger', disabled: !signedIn(), onclick: () => removeRelation(form) }, 'Remove relation') : null,
      h('button', { type: 'button', class: 'btn btn-quiet', onclick: () => { st.view = 'home'; st.rel = null; rerender(); } }, 'Cancel')),
    signedIn() ? null : h('p', { class: 'hint' }, `Sign in to save. ${TOKEN_HELP}`));
  return form;
}

async function saveRelation(form) {
  const r = st.rel;
  clearErrors(form);
  await busy(async () => {
    try {
      const res = await send(q.addRelationMutation(), { input: relationInput(r) });
      if (r.hint && st.caps.has('Mutation.reviewSuggestion')) {
        await send(q.reviewSuggestionMutation(), { source: st.source.id, id: r.hint, decision: 'ACCEPTED' }).catch(() => {});
      }
      st.stale = true;
      studio.saves += 1;
      studio.lastSave = { op: 'addRelation', id: `${res.addRelation.from.id} ${res.addRelation.kind} ${res.addRelation.to.id}` };
      say(`Saved: the claim ${res.addRelation.kind.toLowerCase()} the other.`);
      st.rel = null;
      st.view = 'home';
      await act.refresh();
    } catch (err) {
      refused(form, err);
    }
  });
}

async function removeRelation(form) {
  const old = st.rel.existing;
  await busy(async () => {
    try {
      await send(q.removeRelationMutation(), old);
      st.stale = true;
      studio.saves += 1;
      studio.lastSave = { op: 'removeRelation', id: `${old.from} ${old.kind} ${old.to}` };
      say('Removed the relation.');
      st.rel = null;
      st.view = 'home';
      await act.refresh();
    } catch (err) {
      refused(form, err);
    }
  });
}
