// Curate mode (the studio): a curator signs in with a token, opens or
// imports a source, reads it, selects words to make quotes, names the
// speaker, writes the claim, links claims with the words that show the
// link, and downloads the dataset for review. The reader is in reader.js,
// the forms in claimform.js and relationform.js; this module wires them to
// the page and keeps the source's lists (claims, suggestions, counter
// hints, quotes to check) in step with the API.
import { app, $, writeURL } from './app.js';
import { h, clear, put } from './dom.js';
import { Reader } from './reader.js';
import * as q from './studioapi.js';
import { send, signIn, signOut, signedIn, capabilities } from './session.js';
import { st, studio, act, say, busy } from './studiocore.js';
import { newDraft, editDraft, renderClaimForm, quoteFrom, refused } from './claimform.js';
import { newRelation, relationFrom, renderRelationForm } from './relationform.js';
import { field, select, formErrors, clearErrors, slugify, uniqueId } from './formkit.js';
import { truncate } from './text.js';
import { TOKEN_HELP } from './fielderrors.js';

const SOURCE_KINDS = ['ARTICLE', 'PAPER', 'EMAIL', 'SPEECH', 'TESTIMONY', 'INTERVIEW', 'STATEMENT'];

let wired = false;
let loaded = false;

// setupStudio wires the studio's controls once for the page.
export function setupStudio() {
  if (wired) return;
  wired = true;
  st.reader = new Reader($('reader-text'));
  // Where a token comes from, said before anyone is refused for want of one.
  $('signin-help').prepend(`${TOKEN_HELP} `);
  $('signin-form').addEventListener('submit', onSignIn);
  $('signout').addEventListener('click', () => {
    signOut();
    studio.editor = null;
    showSignedIn();
    act.renderPanel();
    say('Signed out: the token is forgotten.');
  });
  $('studio-source').addEventListener('change', (ev) => {
    app.state.src = ev.target.value || null;
    writeURL(true);
    openSource(app.state.src);
  });
  $('studio-import-open').addEventListener('click', () => {
    st.imp = { id: '', idTouched: false, title: '', kind: 'ARTICLE', date: '', url: '', publisher: '', text: '', replaces: null };
    st.view = 'import';
    act.renderPanel();
    $('import-form')?.querySelector('textarea')?.focus();
  });
  $('export-dataset').addEventListener('change', updateExportLink);
  $('export-format').addEventListener('change', updateExportLink);
  loadFormats();
  let timer = null;
  document.addEventListener('selectionchange', () => {
    clearTimeout(timer);
    timer = setTimeout(onSelection, 60);
  });
  Object.assign(act, { renderPanel, refresh: refreshSource, open: openSource, highlight, editRelation });
}

function showSignedIn() {
  const name = signedIn();
  $('signin-form').hidden = !!name;
  $('signed-in').hidden = !name;
  $('editor-name').textContent = name ? `Signed in as ${name}.` : '';
}

async function onSignIn(ev) {
  ev.preventDefault();
  const input = $('signin-token');
  const err = $('signin-error');
  err.hidden = true;
  input.removeAttribute('aria-invalid');
  await busy(async () => {
    try {
      const name = await signIn(input.value);
      input.value = '';
      studio.editor = name;
      showSignedIn();
      act.renderPanel();
      say(`Signed in as ${name}.`);
      $('signout').focus();
    } catch (e) {
      err.textContent = e.codes?.includes('UNAUTHENTICATED') ? `This token is not valid: check it and try again. ${TOKEN_HELP}` : e.message;
      err.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', 'signin-help signin-error');
      input.focus();
    }
  });
}

// enterStudio shows curate mode: the lists it needs are loaded once, and
// the source the URL names is opened.
export async function enterStudio() {
  setupStudio();
  showSignedIn();
  renderPanel();
  await busy(async () => {
    if (!loaded) {
      st.caps = await capabilities();
      $('studio-import-open').disabled = !st.caps.has('Mutation.importSource');
      $('studio-import-open').title = st.caps.has('Mutation.importSource') ? '' : 'The API does not import texts yet.';
      await Promise.all([loadSources(), loadActors(), loadAllClaims()]);
      loaded = true;
    }
    if (app.state.src !== st.source?.id) await openSource(app.state.src);
    else renderPanel();
  });
  studio.ready = true;
}

// leaveStudio says whether the graph must be loaded again (something was
// saved while curating).
export function leaveStudio() {
  const stale = st.stale;
  st.stale = false;
  return stale;
}

async function pages(query, vars, pick) {
  const out = [];
  let after = null;
  for (;;) {
    const conn = pick(await send(query, { ...vars, after }));
    out.push(...conn.nodes);
    if (!conn.pageInfo.hasNextPage) return out;
    after = conn.pageInfo.endCursor;
  }
}

async function loadSources() {
  st.sources = (await send(q.sourcesQuery(st.caps))).sources;
  const sel = clear($('studio-source'));
  sel.append(h('option', { value: '' }, 'Choose a source…'));
  for (const s of st.sources) sel.append(h('option', { value: s.id }, truncate(s.title, 70)));
  sel.value = app.state.src || '';
}

async function loadActors() {
  st.actors = await pages(q.actorsQuery(st.caps), {}, (d) => d.actors);
}

async function loadAllClaims() {
  st.allClaims = await pages(q.allClaimsQuery(), {}, (d) => d.claims);
  // The download's picker: every dataset (with its size where the API
  // says), and "curated", where the studio's claims go by default.
  const datasets = new Map([['curated', 'curated']]);
  if (st.caps.has('Query.datasets')) {
    for (const d of (await send(q.datasetsQuery())).datasets) {
      datasets.set(d.id, `${d.title ? `${truncate(d.title, 40)} (${d.id})` : d.id}, ${d.claimCount} claim${d.claimCount === 1 ? '' : 's'}`);
    }
  } else {
    for (const c of st.allClaims) if (c.dataset) datasets.set(c.dataset, c.dataset);
  }
  const sel = $('export-dataset');
  const keep = sel.value || 'curated';
  clear(sel).append(...[...datasets].sort((a, b) => a[0].localeCompare(b[0])).map(([id, label]) => h('option', { value: id }, label)));
  sel.value = datasets.has(keep) ? keep : 'curated';
  updateExportLink();
}

// loadFormats fills the download's format picker from the server's
// registry of formats (GET /export/formats), the default first; the page
// names no format itself. Without the list, the download is the default
// format (<id>.zip).
async function loadFormats() {
  try {
    const res = await fetch('/export/formats');
    if (!res.ok) return;
    const { formats } = await res.json();
    clear($('export-format')).append(...formats.map((f) => h('option', { value: f.name, dataset: { archive: f.archive } }, f.title)));
  } catch {
    // No list: the link keeps the default format.
  }
  updateExportLink();
}

// updateExportLink points the download at the dataset and format chosen:
// /export/datasets/<id><archive>, the archive suffix the registry gives
// the format (.zip for the default, .<format>.zip for the others).
function updateExportLink() {
  const ds = $('export-dataset').value || 'curated';
  const chosen = $('export-format').selectedOptions[0];
  const archive = chosen?.dataset.archive || '.zip';
  const a = $('export-link');
  a.href = `/export/datasets/${encodeURIComponent(ds)}${archive}`;
  a.setAttribute('download', `${ds}${archive}`);
  const what = chosen?.textContent || 'its JSON file and source texts';
  a.setAttribute('aria-label', `Download the dataset ${ds} as ${what}, a zip archive`);
}

// openSource reads a source, its claims and suggestions, and shows it.
async function openSource(id) {
  st.proposal = null;
  studio.proposal = null;
  st.view = 'home';
  st.draft = null;
  st.rel = null;
  $('studio-source').value = id || '';
  if (!id) {
    st.source = null;
    studio.source = null;
    st.reader.load('');
    st.reader.render();
    $('reader-title').textContent = 'Choose a source to curate';
    $('reader-meta').textContent = 'Pick a source on the left, or import a text.';
    renderSide();
    renderPanel();
    return;
  }
  await busy(() => refreshSource());
}

// refreshSource reloads the open source and its claims, then redraws.
async function refreshSource() {
  const id = app.state.src || st.source?.id;
  if (!id) { renderPanel(); return; }
  let d;
  try {
    d = await send(q.sourceQuery(st.caps), { id });
  } catch (err) {
    say(`Could not open the source: ${err.message}`, true);
    return;
  }
  const s = d.source;
  if (!s) {
    say(`No source has the id "${id}".`, true);
    return;
  }
  st.source = s;
  studio.source = s.id;
  st.claims = await pages(q.claimsOfSourceQuery(), { source: s.id }, (x) => x.claims);
  await loadAllClaims();
  $('reader-title').textContent = s.title;
  $('reader-meta').textContent = [s.kind && s.kind.toLowerCase(), s.date, s.publisher].filter(Boolean).join(' · ');
  if (!s.text) {
    st.reader.load('');
    st.reader.render();
    $('reader-meta').textContent += ' — this source has no text of its own: open the article that reports it.';
  } else {
    st.reader.load(s.text, s.paragraphs, s.quotations);
  }
  highlight();
  renderSide();
  renderPanel();
}

// highlight redraws the reader's marks: the quotes taken from the source,
// the draft's quotes or evidence, the open suggestions and counter hints.
function highlight() {
  if (!st.source?.text) return;
  const id = st.source.id;
  const marks = [];
  for (const c of st.claims) {
    for (const x of c.quotes) if (x.source.id === id) marks.push({ start: x.start, end: x.end, cls: 'hl-quote', title: `Quote of: ${truncate(c.text, 80)}` });
  }
  for (const s of (st.source.suggestions || []).filter((x) => x.status === 'OPEN')) {
    for (const p of (s.parts?.length ? s.parts : [s])) marks.push({ start: p.start, end: p.end, cls: 'hl-suggestion', title: 'Suggested quote (unconfirmed)' });
  }
  for (const k of (st.source.counterHints || []).filter((x) => x.status === 'OPEN')) {
    const at = k.signalSpan || k.span;
    marks.push({ start: at.start, end: at.end, cls: 'hl-hint', title: `Counter hint: “${k.signal}”` });
  }
  if (st.view === 'claim' && st.draft) {
    for (const x of st.draft.quotes) if (x.source === id) marks.push({ start: x.start, end: x.end, cls: 'hl-draft', title: 'In the claim you are editing' });
  }
  if (st.view === 'relation' && st.rel) {
    for (const e of st.rel.evidence) if (e.source === id) marks.push({ start: e.start, end: e.end, cls: 'hl-draft', title: 'Evidence of the relation you are editing' });
  }
  st.reader.render(marks);
}

function onSelection() {
  if (app.state.mode !== 'curate' || !st.source?.text) return;
  const span = st.reader.selection();
  if (!span) return;
  setProposal(st.reader.propose(span.start, span.end));
}

function setProposal(p) {
  if (!p) return;
  // The same words again (the selection event of words the studio selected
  // itself) leave the box alone, so that a focused button stays.
  const same = st.proposal && st.proposal.start === p.start && st.proposal.end === p.end && st.proposal.kind === p.kind;
  if (same && document.getElementById('proposal-text')) return;
  st.proposal = p;
  studio.proposal = { ...p };
  renderSelectionBox();
  // The forms' "add the selected words" buttons follow the selection.
  for (const b of document.querySelectorAll('#studio-body [data-needs-selection]')) b.disabled = false;
  for (const b of document.querySelectorAll('#studio-body button')) {
    if (/^Add the selected words/.test(b.textContent)) b.disabled = false;
  }
}

function renderSelectionBox() {
  const box = $('studio-selection');
  if (!box) return;
  const p = st.proposal;
  const body = clear(box.querySelector('.selection-body'));
  if (!p) {
    body.append(h('p', { class: 'hint' }, 'Select words in the text (or find them below) to propose a quote.'));
    return;
  }
  put(body,
    h('blockquote', { class: `quote ${p.kind === 'DIRECT' ? 'direct' : 'paraphrase'}`, id: 'proposal-text' }, p.text),
    h('p', { class: 'meta', id: 'proposal-meta' },
      h('span', { class: `badge words ${p.kind === 'DIRECT' ? 'direct' : 'paraphrase'}` }, p.kind === 'DIRECT' ? 'Direct quote' : 'Paraphrase'),
      p.kind === 'DIRECT' ? 'inside quotation marks' : 'not inside quotation marks',
      ` · characters ${p.start}–${p.end} (Unicode code points)`),
    st.view === 'home' ? h('p', { class: 'inline-actions' },
      h('button', { type: 'button', class: 'btn', onclick: () => startClaim([quoteFrom(p)]) }, 'New claim with these words'),
      h('button', { type: 'button', class: 'btn btn-quiet', onclick: () => startRelation([{ text: p.text, source: st.source.id, start: p.start, end: p.end }]) }, 'Use as a relation\'s evidence')) : null);
}

function findBox() {
  const input = h('input', { type: 'search', id: 'find-words', autocomplete: 'off' });
  const out = h('ul', { class: 'find-results', 'aria-live': 'polite' });
  const run = () => {
    clear(out);
    const hits = st.reader.find(input.value);
    if (!input.value.trim()) return;
    if (!hits.length) { out.append(h('li', { class: 'hint' }, 'Not in the text.')); return; }
    hits.forEach((x, i) => {
      const at = st.reader.index;
      const before = at.slice(Math.max(0, x.start - 30), x.start);
      const after = at.slice(x.end, x.end + 30);
      out.append(h('li', {}, h('button', {
        type: 'button', class: 'link', dataset: { start: String(x.start), end: String(x.end) },
        onclick: () => { st.reader.select(x.start, x.end); setProposal(st.reader.propose(x.start, x.end)); },
      }, `Use occurrence ${i + 1}`), h('span', { class: 'meta' }, ` …${before}`, h('mark', {}, at.slice(x.start, x.end)), `${after}…`)));
    });
  };
  input.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') { ev.preventDefault(); run(); } });
  return h('div', { class: 'find' },
    h('label', { for: 'find-words' }, 'Find words in the text'),
    h('div', { class: 'find-row' }, input, h('button', { type: 'button', class: 'btn btn-quiet', onclick: run }, 'Find')),
    out);
}

function startClaim(quotes, extra = {}) {
  st.draft = Object.assign(newDraft(quotes), extra);
  st.view = 'claim';
  renderPanel();
  highlight();
  $('claim-form')?.querySelector('textarea')?.focus();
}

function startRelation(evidence, extra = {}) {
  st.rel = Object.assign(newRelation('', evidence), extra);
  st.view = 'relation';
  renderPanel();
  highlight();
  $('relation-form')?.querySelector('select')?.focus();
}

async function editClaim(id) {
  await busy(async () => {
    try {
      st.draft = await editDraft(id);
      st.view = 'claim';
      renderPanel();
      highlight();
      $('claim-form')?.querySelector('textarea')?.focus();
    } catch (err) {
      say(`Could not open the claim: ${err.message}`, true);
    }
  });
}

function editRelation(r) {
  st.rel = relationFrom(r);
  st.view = 'relation';
  renderPanel();
  highlight();
}

// renderPanel draws the studio's right-hand panel for the current view.
function renderPanel() {
  const body = clear($('studio-body'));
  studio.view = st.view;
  put(body,
    h('p', { id: 'studio-status', class: 'status', role: 'status', 'aria-live': 'polite' }),
    st.source?.text && st.view !== 'import' ? h('section', { id: 'studio-selection', class: 'selection', 'aria-labelledby': 'selection-title' },
      h('h3', { id: 'selection-title', class: 'card-title' }, 'Selected words'),
      h('div', { class: 'selection-body' }),
      findBox()) : null);
  if (st.view === 'claim' && st.draft) body.append(renderClaimForm());
  else if (st.view === 'relation' && st.rel) body.append(renderRelationForm());
  else if (st.view === 'import' && st.imp) body.append(renderImportForm());
  else body.append(renderHome());
  renderSelectionBox();
}

function renderHome() {
  if (!st.source) {
    return h('div', {}, h('h3', { class: 'title' }, 'Curate'),
      h('p', {}, 'Choose a source on the left (or import a text), select the words someone said, and turn them into a claim with its speaker. Link claims that rebut, support or qualify each other, then download the dataset for review.'),
      signedIn() ? null : h('p', { class: 'hint' }, 'Reading needs no sign-in; saving does.'));
  }
  const claims = [...st.claims].sort((a, b) => firstQuoteAt(a) - firstQuoteAt(b));
  return h('div', { class: 'studio-home' },
    h('p', { class: 'inline-actions' },
      h('button', { type: 'button', class: 'btn btn-quiet', disabled: !st.source.text, onclick: () => startClaim(st.proposal ? [quoteFrom(st.proposal)] : []) }, 'New claim'),
      h('button', { type: 'button', class: 'btn btn-quiet', onclick: () => startRelation([]) }, 'New relation'),
      st.caps.has('Mutation.importSource') ? h('button', { type: 'button', class: 'btn btn-quiet', onclick: replaceText }, 'Replace the text…') : null),
    h('h3', { class: 'card-title' }, `Claims quoted from this source (${claims.length})`),
    claims.length ? h('ul', { class: 'studio-claims' }, claims.map((c) => h('li', { dataset: { claimId: c.id } },
      h('span', {}, c.text),
      h('span', { class: 'meta' }, ` — ${[...new Set(c.assertions.map((a) => a.actor.name))].join(', ')}`),
      ' ', h('button', { type: 'button', class: 'link', onclick: () => editClaim(c.id), 'aria-label': `Edit the claim: ${truncate(c.text, 60)}` }, 'Edit'))))
      : h('p', { class: 'hint' }, 'None yet.'));
}

// replaceText opens the import form on the open source, to correct its
// text; the quotes cut from the old text are found again only exactly.
function replaceText() {
  const s = st.source;
  st.imp = {
    id: s.id, idTouched: true, title: s.title, kind: s.kind, date: s.date || '', url: s.url || '', publisher: s.publisher || '',
    text: s.text || '', replaces: { id: s.id, version: s.version ?? null },
  };
  st.view = 'import';
  renderPanel();
  $('import-form')?.querySelector('textarea')?.focus();
}

function firstQuoteAt(c) {
  const here = c.quotes.filter((x) => x.source.id === st.source?.id).map((x) => x.start);
  return here.length ? Math.min(...here) : Infinity;
}

// renderSide lists, beside the source, the suggested quotes, the counter
// hints, and the quotes to check after the text was replaced.
function renderSide() {
  const side = clear($('studio-side'));
  const s = st.source;
  if (!s) return;
  const open = (s.suggestions || []).filter((x) => x.status === 'OPEN');
  if (st.caps.has('Source.suggestions')) {
    side.append(h('section', { class: 'side-list', 'aria-labelledby': 'sugg-title' },
      h('h3', { id: 'sugg-title', class: 'card-title' }, `Suggested quotes (${open.length})`),
      h('p', { class: 'hint' }, 'Unconfirmed: found by rules in the text. Accept, edit or dismiss each.'),
      open.length ? h('ol', { class: 'suggestions' }, open.map(suggestionItem)) : h('p', { class: 'hint' }, 'None open.')));
  }
  const hints = (s.counterHints || []).filter((x) => x.status === 'OPEN').sort((a, b) => a.rank - b.rank);
  if (st.caps.has('Source.counterHints')) {
    side.append(h('section', { class: 'side-list', 'aria-labelledby': 'hints-title' },
      h('h3', { id: 'hints-title', class: 'card-title' }, `Counter hints (${hints.length})`),
      h('p', { class: 'hint' }, 'Words that often signal a rebuttal, ranked. Only a hint: nothing is linked until you draw the relation.'),
      hints.length ? h('ol', { class: 'hints' }, hints.map(hintItem)) : h('p', { class: 'hint' }, 'None open.')));
  }
  // Source.quotes says how each quote stands (with its claim); the last
  // import's answer adds any it does not list.
  const check = [
    ...(s.quotes || []).filter((x) => x.anchor && x.anchor !== 'ANCHORED'),
    ...(st.importResult?.source === s.id ? [...st.importResult.moved.map((x) => ({ ...x, anchor: 'MOVED' })), ...st.importResult.orphaned.map((x) => ({ ...x, anchor: 'ORPHANED' }))] : []),
  ].filter((x, i, all) => all.findIndex((y) => y.id === x.id) === i);
  const lostEvidence = st.importResult?.source === s.id ? st.importResult.orphanedEvidence || [] : [];
  if (check.length || lostEvidence.length) {
    side.append(h('section', { class: 'side-list orphans', 'aria-labelledby': 'orphans-title' },
      h('h3', { id: 'orphans-title', class: 'card-title' }, `Quotes to check (${check.length})`),
      h('p', { class: 'hint' }, 'The text was replaced: these quotes were not found again with the same words and context. Nothing was re-attached for you.'),
      h('ul', {}, check.map((x) => h('li', { dataset: { quoteId: x.id, anchor: x.anchor } },
        h('span', { class: 'badge' }, x.anchor === 'MOVED' ? 'moved' : 'orphaned'), ` “${truncate(x.text, 80)}” `,
        x.claim ? h('button', { type: 'button', class: 'link', onclick: () => editClaim(x.claim.id) }, 'Edit its claim') : null)),
      lostEvidence.map((r) => h('li', { dataset: { relFrom: r.from.id, relTo: r.to.id } },
        h('span', { class: 'badge' }, 'evidence orphaned'), ` “${truncate(r.from.text, 50)}” ${r.kind.toLowerCase()} “${truncate(r.to.text, 50)}” `,
        h('button', { type: 'button', class: 'link', onclick: () => editClaim(r.from.id) }, 'Edit the claim'))))));
  }
}

// anonymousSpeaker says whether a suggested speaker is given as a
// description ("a second senior official"), which makes a new anonymous
// actor: the API's suggestions pass says so (QuoteSuggestion.speakerKind),
// and an anonymous source is never matched by its words.
function anonymousSpeaker(s) {
  return s.speakerKind === 'ANONYMOUS';
}

// speakerMatch asks the API which existing actor a suggestion's speaker
// names (actorCandidates: the domain's one rule), with the reason; null
// for none.
async function speakerMatch(s) {
  try {
    const { actorCandidates } = await send(q.actorCandidatesQuery(), { name: s.speaker.trim(), kind: s.speakerKind || null });
    return actorCandidates.find((c) => st.actors.some((a) => a.id === c.actor.id)) || null;
  } catch (err) {
    if (err.name === 'AbortError') throw err;
    return null; // no match offered; the curator picks or creates the actor
  }
}

function suggestionDraft(s) {
  const parts = s.parts?.length ? s.parts : [s];
  // An interrupted quotation ("…," he said, "…") is kept together: each
  // part is a quote of the same claim, in order.
  const quotes = parts.map((p) => {
    const prop = st.reader.propose(p.start, p.end) || { start: p.start, end: p.end, text: p.text, kind: 'DIRECT' };
    return quoteFrom(prop);
  });
  const extra = { suggestion: s.id };
  return { quotes, extra };
}

// acceptSuggestion opens the claim form from a suggestion; a named speaker
// is first looked up among the graph's actors (speakerMatch).
function acceptSuggestion(s, edit) {
  if (s.speaker && !anonymousSpeaker(s)) return busy(() => speakerMatch(s)).then((m) => openSuggestion(s, edit, m));
  return openSuggestion(s, edit, null);
}

function openSuggestion(s, edit, match) {
  const { quotes, extra } = suggestionDraft(s);
  startClaim(quotes, extra);
  const a = st.draft.assertions[0];
  if (match) {
    a.actor = match.actor.id;
    a.attribution = 'ON_RECORD';
    a.match = { speaker: s.speaker, actor: match.actor.id, name: match.actor.name, reason: match.reason };
    studio.speakerMatch = { speaker: s.speaker, actor: match.actor.id, reason: match.reason };
  } else if (s.speaker) {
    const anonymous = anonymousSpeaker(s);
    st.draft.actorDraft = { forAssertion: 0, name: s.speaker.trim(), kind: s.speakerKind || 'PERSON', role: '', id: uniqueId(slugify(s.speaker), new Set(st.actors.map((x) => x.id))), idTouched: false };
    if (anonymous) a.attribution = 'ANONYMOUS';
  }
  renderPanel();
  highlight();
  if (edit) {
    st.reader.select(quotes[0].start, quotes[0].end);
    $('claim-form')?.querySelector('.quote-items input')?.focus();
  } else {
    $('claim-form')?.querySelector('textarea')?.focus();
  }
}

async function review(kind, id, decision) {
  await busy(async () => {
    try {
      await send(q.reviewSuggestionMutation(), { source: st.source.id, id, decision });
      studio.saves += 1;
      studio.lastSave = { op: 'reviewSuggestion', id };
      say(decision === 'DISMISSED' ? `Dismissed the ${kind}.` : `Accepted the ${kind}.`);
      await refreshSource();
    } catch (err) {
      say(`Not saved: ${err.message}`, true);
    }
  });
}

// SPEAKER_FROM says how a suggested speaker was read from the words by its
// cue (QuoteSuggestion.speakerFrom), so that a curator checks a resolved
// speaker against the mention it came from in one look.
const SPEAKER_FROM = {
  SURNAME: 'a surname', PRONOUN: 'a pronoun', ROLE: 'a role', DESCRIPTION: 'a description', CARRIED: 'the previous quote\'s speaker',
};

function suggestionItem(s) {
  const dis = !signedIn() || !st.caps.has('Mutation.reviewSuggestion');
  const from = s.speakerFrom && s.speakerFrom !== 'NAME' ? SPEAKER_FROM[s.speakerFrom] : '';
  const readFrom = !s.speaker || !from ? ''
    : s.speakerFrom === 'CARRIED' ? `, ${from}` : `, read from “${s.mention?.text || s.speaker}” (${from})`;
  return h('li', { dataset: { suggestionId: s.id, speakerFrom: s.speakerFrom || '', speakerKind: s.speakerKind || '' } },
    h('blockquote', { class: 'quote direct' }, truncate(s.text, 140)),
    h('p', { class: 'meta' }, s.speaker ? `Speaker: ${s.speaker}` : 'Speaker not found', s.cue ? ` (“${s.cue}”)` : '', readFrom,
      ` · characters ${s.start}–${s.end}`),
    h('p', { class: 'inline-actions' },
      h('button', { type: 'button', class: 'btn btn-quiet', onclick: () => acceptSuggestion(s, false), 'aria-label': `Accept the suggested quote: ${truncate(s.text, 50)}` }, 'Accept'),
      h('button', { type: 'button', class: 'btn btn-quiet', onclick: () => acceptSuggestion(s, true), 'aria-label': `Edit the suggested quote: ${truncate(s.text, 50)}` }, 'Edit'),
      h('button', { type: 'button', class: 'btn btn-quiet', disabled: dis, onclick: () => review('suggestion', s.id, 'DISMISSED'), 'aria-label': `Dismiss the suggested quote: ${truncate(s.text, 50)}` }, 'Dismiss')));
}

// claimOfSuggestion is the claim of the open source with a quote at one of
// a suggestion's parts (the suggestion accepted), or ''.
function claimOfSuggestion(id) {
  const s = (st.source?.suggestions || []).find((x) => x.id === id);
  if (!s) return '';
  const parts = s.parts?.length ? s.parts : [s];
  const hit = st.claims.find((c) => c.quotes.some((x) => x.source.id === st.source.id && parts.some((p) => p.start === x.start && p.end === x.end)));
  return hit ? hit.id : '';
}

function hintItem(k) {
  const dis = !signedIn() || !st.caps.has('Mutation.reviewSuggestion');
  const target = k.target && (st.source.suggestions || []).find((x) => x.id === k.target);
  return h('li', { dataset: { hintId: k.id } },
    h('p', {}, h('span', { class: 'badge rel-REBUTS' }, `#${k.rank} “${k.signal}”`)),
    h('blockquote', { class: 'evidence-text' }, truncate(k.span.text, 160)),
    target ? h('p', { class: 'meta' }, `Perhaps against: “${truncate(target.text, 80)}”`) : null,
    h('p', { class: 'inline-actions' },
      h('button', {
        type: 'button', class: 'btn btn-quiet', 'aria-label': `Draw a relation from the counter hint “${k.signal}”`,
        onclick: () => {
          // The hint's words become the evidence; the claims that carry its quotes are proposed, never saved for the curator.
          const from = (k.quotes || []).map(claimOfSuggestion).find(Boolean) || '';
          const to = k.target ? claimOfSuggestion(k.target) : '';
          startRelation([{ text: k.span.text, source: st.source.id, start: k.span.start, end: k.span.end }], { hint: k.id, from, to });
        },
      }, 'Draw a relation…'),
      h('button', { type: 'button', class: 'btn btn-quiet', disabled: dis, onclick: () => review('counter hint', k.id, 'DISMISSED'), 'aria-label': `Dismiss the counter hint “${k.signal}”` }, 'Dismiss')));
}

function renderImportForm() {
  const d = st.imp;
  const form = h('form', { class: 'studio-form', id: 'import-form', novalidate: true, 'aria-labelledby': 'import-title' });
  const text = h('textarea', { rows: 10, required: true });
  text.value = d.text;
  text.addEventListener('input', () => { d.text = text.value; });
  const title = h('input', { type: 'text', autocomplete: 'off' });
  title.value = d.title;
  const id = h('input', { type: 'text', spellcheck: 'false', autocomplete: 'off', readonly: !!d.replaces });
  id.value = d.id;
  title.addEventListener('input', () => {
    d.title = title.value;
    if (!d.idTouched) { d.id = uniqueId(slugify(d.title), new Set(st.sources.map((s) => s.id))); id.value = d.id; }
  });
  id.addEventListener('input', () => { d.id = id.value; d.idTouched = true; });
  const kind = select(SOURCE_KINDS.map((k) => ({ value: k, label: k.toLowerCase() })), d.kind);
  kind.addEventListener('change', () => { d.kind = kind.value; });
  const mk = (key, attrs = {}) => {
    const el = h('input', { type: 'text', autocomplete: 'off', ...attrs });
    el.value = d[key];
    el.addEventListener('input', () => { d[key] = el.value; });
    return el;
  };
  const file = h('input', { type: 'file', accept: '.txt,text/plain' });
  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    if (!f) return;
    d.text = await f.text();
    text.value = d.text;
    if (!d.title) { d.title = f.name.replace(/\.[^.]+$/, ''); title.value = d.title; title.dispatchEvent(new Event('input')); }
  });
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    const input = { id: d.id.trim(), title: d.title.trim(), kind: d.kind, date: d.date.trim() || null, url: d.url.trim() || null, publisher: d.publisher.trim() || null, text: d.text };
    // A new source must not exist yet (0); a replaced text is based on the version read.
    if (st.caps.has('Source.version')) {
      input.version = d.replaces?.id === input.id && d.replaces.version !== null ? d.replaces.version : 0;
    }
    await busy(async () => {
      try {
        const r = (await send(q.importSourceMutation(), { input })).importSource;
        st.importResult = { source: r.source.id, moved: r.moved, orphaned: r.orphaned, orphanedEvidence: r.orphanedEvidence };
        studio.saves += 1;
        studio.lastSave = { op: 'importSource', id: r.source.id };
        st.stale = true;
        await loadSources();
        app.state.src = r.source.id;
        writeURL(true);
        st.imp = null;
        await openSource(r.source.id);
        say(d.replaces
          ? `Replaced the text: ${r.moved.length} quote${r.moved.length === 1 ? '' : 's'} moved, ${r.orphaned.length} orphaned${r.orphanedEvidence.length ? `, ${r.orphanedEvidence.length} relation${r.orphanedEvidence.length === 1 ? '' : 's'} lost evidence` : ''}.`
          : `Imported "${input.title}": select words in the text to make quotes.`);
      } catch (err) {
        refused(form, err);
      }
    });
  });
  put(form,
    h('p', {}, h('button', { type: 'button', class: 'link', onclick: () => { st.view = 'home'; st.imp = null; renderPanel(); } }, '← Back')),
    h('h3', { class: 'title', id: 'import-title' }, d.replaces ? 'Replace the text' : 'Import a text'),
    h('p', { class: 'hint' }, d.replaces
      ? 'Correct the text and import it again. Quotes are found again only where their words and the 32 characters around them are unchanged; the others are listed for you to check.'
      : 'Paste the article\'s text (or open a .txt file). It is stored whole; quotes point into it by position.'),
    formErrors(),
    field('text', 'Text', text),
    field('file', 'Or open a text file', file),
    field('title', 'Title', title),
    field('id', 'Source id', id, 'Made from the title; lower-case letters, digits and hyphens.'),
    field('kind', 'Source kind', kind),
    field('date', 'Date', mk('date', { placeholder: 'YYYY-MM-DD', inputmode: 'numeric' })),
    field('publisher', 'Publisher', mk('publisher')),
    field('url', 'Address (URL)', mk('url', { type: 'url' })),
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', class: 'btn', disabled: !signedIn() || !st.caps.has('Mutation.importSource') }, d.replaces ? 'Replace the text' : 'Import'),
      signedIn() ? null : h('span', { class: 'hint' }, ' Sign in to import.')));
  return form;
}
