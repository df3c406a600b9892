// Real-browser test of the studio (curate mode), against a running server
// over the seeded Neo4j with two named tokens (scripts/test.sh serves
// API_TOKENS="curator:curator-test-token-1,second-curator:curator-test-token-2"; STUDIO_TOKEN
// and STUDIO_TOKEN_2 override them):
//
//   EXPLORER_URL=http://127.0.0.1:8080 node --test web/tests/studio.test.mjs
//
// One whole curation in Chromium at 1280×800: sign in, import a text written
// for the test (an emoji, a CJK extension B ideograph, combining marks and
// quotations in it), make two claims by two actors (one anonymous) from
// selected words, draw a rebuttal with its evidence, see the counter in trace
// mode, edit with a stale version and get the conflict, and download the
// dataset. Everything it writes has ids unique to the run and is deleted at
// the end (the imported source stays, under its own id). It writes to the
// graph the explorer tests read, so scripts/browser-test.sh runs the test
// files one at a time, this one after theirs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE, openPage, launchBrowser, idle } from './browser.mjs';

const TOKEN = process.env.STUDIO_TOKEN || 'curator-test-token-1';
const TOKEN_2 = process.env.STUDIO_TOKEN_2 || 'curator-test-token-2';
const DOCS = process.env.SCREENSHOTS_DIR
  ? join(fileURLToPath(new URL('../../', import.meta.url)), process.env.SCREENSHOTS_DIR)
  : fileURLToPath(new URL('../../.neo4j/screenshots/', import.meta.url));
const LAPTOP = { width: 1280, height: 800 };

const RUN = Date.now().toString(36);
const SOURCE = `harbour-wall-${RUN}`;
const MAYOR = `ana-lucia-ferreira-${RUN}`;
const OFFICIAL = `second-senior-official-${RUN}`;
const WALL_PROTECTS = `sea-wall-protects-homes-${RUN}`;
const WALL_MARINA = `sea-wall-protects-marina-${RUN}`;

// The text, written for this test: an emoji in the title line, a CJK
// extension B ideograph (U+20BB7) and a decomposed accent (u + U+0301) before
// the quotations, so that UTF-16 indices and code points differ where the
// quotes are.
const TEXT = [
  'Harbour council split over the sea wall 🌊',
  '',
  'The mayor, Ana Lu\u0301cia Ferreira of 𠮷 ward, said on Monday that the new sea wall “will protect every home on the front” and that work would start in May.',
  '',
  'A second senior official, who spoke on condition of anonymity because the plans are not public, disputed that.',
  '“The wall protects the marina, not the houses behind it,” the official said.',
  '',
  'Fishermen call the wall “the big grey line”.',
  '',
  '“It will hold,” the mayor added, “for a hundred years.”',
].join('\n');
const MAYOR_WORDS = 'will protect every home on the front';
const OFFICIAL_WORDS = 'The wall protects the marina, not the houses behind it';
const EVIDENCE_WORDS = 'A second senior official, who spoke on condition of anonymity because the plans are not public, disputed that.';
const SCARE_WORDS = 'the big grey line';

// at is where words are in TEXT: the API's code points, and the browser's UTF-16 index.
function at(words) {
  const u16 = TEXT.indexOf(words);
  assert.ok(u16 >= 0, `"${words}" is in the test text`);
  const start = Array.from(TEXT.slice(0, u16)).length;
  return { u16, start, end: start + Array.from(words).length };
}

// unzip reads a zip archive's files (stored or deflated) by its central
// directory: { path: Buffer }.
function unzip(buf) {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, 'a zip archive');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const files = {};
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50, 'a central directory entry');
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const data = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(data, data + size);
    files[name] = method === 8 ? inflateRawSync(raw) : raw;
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return files;
}

let context;
let browser;

async function api(query, variables = {}, token = null) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(`${BASE}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return res.json();
}

async function read(query, variables = {}) {
  const body = await api(query, variables);
  assert.equal(body.errors, undefined, `API errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

before(async () => {
  mkdirSync(DOCS, { recursive: true });
  browser = await launchBrowser({ viewport: LAPTOP, acceptDownloads: true });
  context = browser.context;
});

after(async () => {
  await browser?.close();
  // Delete what the run made, claims before their actors.
  for (const id of [WALL_MARINA, WALL_PROTECTS]) {
    const d = await api('query($id: ID!) { claim(id: $id) { version } }', { id });
    if (d.data?.claim) await api('mutation($id: ID!, $v: Int!) { deleteClaim(id: $id, version: $v) }', { id, v: d.data.claim.version }, TOKEN);
  }
  for (const id of [MAYOR, OFFICIAL]) {
    const d = await api('query($id: ID!) { actor(id: $id) { version } }', { id });
    if (d.data?.actor) await api('mutation($id: ID!, $v: Int!) { deleteActor(id: $id, version: $v) }', { id, v: d.data.actor.version }, TOKEN);
  }
  const s = await api('query($id: ID!) { source(id: $id) { version quotes { claim { id } } } }', { id: SOURCE });
  if (s.data?.source) {
    for (const q of s.data.source.quotes) {
      const c = await api('query($id: ID!) { claim(id: $id) { version } }', { id: q.claim.id });
      if (c.data?.claim) await api('mutation($id: ID!, $v: Int!) { deleteClaim(id: $id, version: $v) }', { id: q.claim.id, v: c.data.claim.version }, TOKEN);
    }
    const again = await api('query($id: ID!) { source(id: $id) { version } }', { id: SOURCE });
    await api('mutation($id: ID!, $v: Int!) { deleteSource(id: $id, version: $v) }', { id: SOURCE, v: again.data.source.version }, TOKEN);
  }
});

// open loads a page of this file's browser, recording what must not happen on it.
function open(path, opts) {
  return openPage(context, path, opts);
}

async function studioReady(page) {
  await page.waitForFunction(() => window.__studio?.ready && window.__studio.busy === 0, null, { timeout: 30_000 });
}

// settled waits until the studio has no request in flight.
async function settled(page) {
  await page.waitForFunction(() => window.__studio.busy === 0, null, { timeout: 15_000 });
}

// saved waits for the n-th save to have gone through and the studio to
// show its result.
async function saved(page, n) {
  const refusals = await page.evaluate(() => window.__studio.refusals);
  await page.waitForFunction(([want, before]) => (window.__studio.saves >= want || window.__studio.refusals > before) && window.__studio.busy === 0,
    [n, refusals], { timeout: 15_000 });
  const s = await page.evaluate(() => ({ saves: window.__studio.saves, last: window.__studio.lastRefusal }));
  assert.ok(s.saves >= n, `save ${n} was refused: ${JSON.stringify(s.last)}`);
}

// selectWords selects words in the reader as a curator's drag would, from
// `from` characters before them to `to` after them (UTF-16, within TEXT),
// and waits for the studio's proposal.
async function selectWords(page, words, { from = 0, to = 0 } = {}) {
  const { u16 } = at(words);
  await page.evaluate(([a, b]) => {
    // Find the DOM points of UTF-16 indices a and b in the rendered text.
    const root = document.getElementById('reader-text');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let pos = 0;
    let start = null;
    let end = null;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!start && a <= pos + n.data.length) start = [n, a - pos];
      if (!end && b <= pos + n.data.length) end = [n, b - pos];
      pos += n.data.length;
    }
    const range = document.createRange();
    range.setStart(...start);
    range.setEnd(...end);
    const sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }, [u16 - from, u16 + words.length + to]);
  await page.waitForFunction((w) => window.__studio.proposal?.text === w, words, { timeout: 5_000 });
  return page.evaluate(() => window.__studio.proposal);
}

test('a whole curation: import, quote, two claims by two actors, a rebuttal with its evidence, trace, conflict, download', { timeout: 180_000 }, async () => {
  const page = await open('/?mode=curate');
  await studioReady(page);
  const caps = await page.evaluate(async () => (await (await fetch('/graphql', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query: '{ __type(name: "Query") { fields { name } } }' }),
  })).json()).data.__type.fields.map((f) => f.name));
  assert.ok(caps.includes('editor') && caps.includes('history'), 'the API has Query.editor and Query.history');

  // Sign in: a wrong token is refused and not kept; the right one names its curator.
  await page.getByLabel('Curator token').fill('not-a-token');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#signin-error').waitFor({ state: 'visible' });
  assert.match(await page.textContent('#signin-error'), /not valid/);
  assert.equal(await page.getAttribute('#signin-token', 'aria-invalid'), 'true');
  await page.getByLabel('Curator token').fill(TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForFunction(() => window.__studio.editor);
  assert.equal(await page.textContent('#editor-name'), 'Signed in as curator.');
  // The token is in the tab's memory only.
  const stored = await page.evaluate(() => JSON.stringify([window.location.href, { ...localStorage }, { ...sessionStorage }, document.cookie]));
  assert.ok(!stored.includes(TOKEN), `the token is stored: ${stored}`);

  // Import the text.
  await page.getByRole('button', { name: 'Import a text…' }).click();
  const imp = page.locator('#import-form');
  await imp.getByLabel('Text', { exact: true }).fill(TEXT);
  await imp.getByLabel('Title').fill('Harbour council split over the sea wall');
  await imp.getByLabel('Source id').fill(SOURCE);
  await imp.getByLabel('Date').fill('2026-03-02');
  await imp.getByLabel('Publisher').fill('The Test Gazette');
  await imp.getByRole('button', { name: 'Import' }).click();
  await saved(page, 1);
  await page.waitForFunction((id) => window.__studio.source === id && window.__studio.busy === 0, SOURCE);
  assert.equal(new URL(page.url()).searchParams.get('src'), SOURCE);
  assert.equal(await page.textContent('#reader-title'), 'Harbour council split over the sea wall');
  // The reader holds the text exactly, paragraph by paragraph.
  assert.equal(await page.evaluate(() => document.getElementById('reader-text').textContent), TEXT);
  assert.equal(await page.locator('#reader-text .src-para').count(), 5);
  // The reader's paragraphs are the API's (Source.paragraphs): the browser has no paragraph rule of its own.
  const { source: imported } = await read('query($id: ID!) { source(id: $id) { paragraphs { start end } } }', { id: SOURCE });
  const shown = await page.$$eval('#reader-text .src-para', (ps) => ps.map((p) => ({ start: Number(p.dataset.start), end: Number(p.dataset.end) })));
  assert.deepEqual(shown, imported.paragraphs, 'the reader\'s paragraphs, by code points');

  // Select the mayor's words with their quotation marks and a space around them: the studio
  // proposes the words alone, as a direct quote, at their code points.
  const mayor = at(MAYOR_WORDS);
  assert.notEqual(mayor.start, mayor.u16, 'UTF-16 and code points differ at the quote');
  const proposal = await selectWords(page, MAYOR_WORDS, { from: 2, to: 2 });
  assert.deepEqual(proposal, { start: mayor.start, end: mayor.end, text: MAYOR_WORDS, kind: 'DIRECT' });
  assert.match(await page.textContent('#proposal-meta'), new RegExp(`Direct quote.*characters ${mayor.start}–${mayor.end}`));

  // The first claim: a new actor (the mayor), the claim in neutral words, saved.
  await page.getByRole('button', { name: 'New claim with these words' }).click();
  const form = page.locator('#claim-form');
  await form.getByLabel('The claim, in neutral words').fill('The new sea wall will protect the homes on the seafront.');
  await form.getByLabel('Claim id').fill(WALL_PROTECTS);
  await form.getByRole('button', { name: 'New actor…' }).click();
  await form.getByLabel('Name, or the words the source uses').fill('Ana Lu\u0301cia Ferreira');
  await form.getByLabel('Actor kind').selectOption('PERSON');
  await form.getByLabel('Role or title (optional)').fill('Mayor');
  await form.getByLabel('Actor id').fill(MAYOR);
  await form.getByRole('button', { name: 'Create actor' }).click();
  await saved(page, 2);
  assert.equal(await form.getByLabel('Actor', { exact: true }).inputValue(), MAYOR);
  await form.getByLabel('Said on').fill('2026-03-02');
  assert.equal(await form.getByLabel('Attribution').inputValue(), 'ON_RECORD');
  // The picture in the README: the text with its suggestions, the claim form filled in.
  await page.evaluate(() => { document.querySelector('.sidebar').scrollTop = 0; });
  await page.mouse.move(1, LAPTOP.height - 1);
  await page.screenshot({ path: join(DOCS, 'studio.png') });
  const sent = page.waitForRequest((r) => r.method() === 'POST' && (r.postData() || '').includes('StudioUpsertClaim'));
  await form.getByRole('button', { name: 'Save claim' }).click();
  const body = JSON.parse((await sent).postData());
  await saved(page, 3);
  // What the browser sent is what the API keeps: code points, not UTF-16 indices.
  const q0 = body.variables.input.quotes[0];
  assert.deepEqual({ start: q0.start, end: q0.end, text: q0.text, kind: q0.kind }, { start: mayor.start, end: mayor.end, text: MAYOR_WORDS, kind: 'DIRECT' });
  assert.equal(body.variables.input.version, 0, 'a new claim must not exist yet');
  const kept = await read('query($id: ID!) { claim(id: $id) { version quotes { text start end kind source { id } } assertions { actor { id } } } }', { id: WALL_PROTECTS });
  assert.deepEqual(kept.claim.quotes, [{ text: MAYOR_WORDS, start: mayor.start, end: mayor.end, kind: 'DIRECT', source: { id: SOURCE } }]);
  // And the API checks them: the same quote at its UTF-16 indices is refused, naming the quote.
  const wrong = await api('mutation($input: ClaimInput!) { upsertClaim(input: $input) { id } }', {
    input: { ...body.variables.input, id: `${WALL_PROTECTS}-utf16`, version: 0, quotes: [{ ...q0, start: mayor.u16, end: mayor.u16 + MAYOR_WORDS.length }] },
  }, TOKEN);
  assert.equal(wrong.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', JSON.stringify(wrong));
  assert.match(wrong.errors[0].extensions.field, /^input\.quotes\[0\]/);
  assert.match(wrong.errors[0].message, new RegExp(`it is at \\[${mayor.start}, ${mayor.end}\\)`));
  // The reader marks the new quote.
  await page.getByRole('button', { name: '← Back to the source' }).click();
  await page.locator(`#reader-text mark.hl-quote[data-start="${mayor.start}"]`).waitFor();

  // The suggestions: the text's quotations, unconfirmed, with their likely speakers; a counter hint.
  const official = at(OFFICIAL_WORDS);
  const side = page.locator('#studio-side');
  const sugg = side.locator(`li[data-suggestion-id="q${official.start}-${official.end}"]`);
  assert.match(await sugg.textContent(), /Speaker: A second senior official \(“said”\), read from “the official” \(a role\)/,
    'a speaker resolved from a role shows the mention it came from');
  assert.equal(await sugg.getAttribute('data-speaker-from'), 'ROLE');
  const scare = at(SCARE_WORDS);
  const scareItem = side.locator(`li[data-suggestion-id="q${scare.start}-${scare.end}"]`);
  await scareItem.waitFor();
  // Scare quotes are nobody's claim: dismissed, and the decision is recorded.
  await scareItem.getByRole('button', { name: /^Dismiss/ }).click();
  await saved(page, 4);
  await scareItem.waitFor({ state: 'detached' });
  const sid = `q${scare.start}-${scare.end}`;
  const { source: reviewed } = await read('query($id: ID!) { source(id: $id) { suggestions(status: DISMISSED) { id } } }', { id: SOURCE });
  assert.deepEqual(reviewed.suggestions.map((x) => x.id), [sid]);

  // A quotation the source interrupts ("…," the mayor added, "…") is one suggestion in parts; accepting
  // it puts each part on the same claim as a direct quote of its own.
  const hold = at('It will hold');
  const years = at('for a hundred years.');
  const split = side.locator('li[data-suggestion-id]', { hasText: 'It will hold' });
  await split.getByRole('button', { name: /^Accept/ }).click();
  assert.deepEqual(await form.locator('.quote-items blockquote').allTextContents(), ['It will hold', 'for a hundred years.']);
  assert.deepEqual(await form.getByLabel('From character').evaluateAll((els) => els.map((e) => Number(e.value))), [hold.start, years.start]);
  assert.deepEqual(await form.getByLabel('Whose words').evaluateAll((els) => els.map((e) => e.value)), ['DIRECT', 'DIRECT']);
  await form.getByRole('button', { name: 'Cancel', exact: true }).click();

  // Accept the official's suggested quote: it fills the claim form with its words and offsets, and a new
  // anonymous actor in the words the text uses. A save before the actor exists is refused next to the actor field.
  await sugg.getByRole('button', { name: /^Accept/ }).click();
  await form.getByLabel('The claim, in neutral words').fill('The sea wall protects the marina, not the houses behind it.');
  await form.getByLabel('Claim id').fill(WALL_MARINA);
  assert.equal(await form.locator('.quote-items blockquote').textContent(), OFFICIAL_WORDS);
  assert.equal(await form.getByLabel('From character').inputValue(), String(official.start));
  assert.equal(await form.getByLabel('To character').inputValue(), String(official.end));
  assert.equal(await form.getByLabel('Whose words').inputValue(), 'DIRECT');
  const sub = form.locator('.subform');
  assert.equal(await sub.getByLabel('Name, or the words the source uses').inputValue(), 'A second senior official');
  assert.equal(await sub.getByLabel('Actor kind').inputValue(), 'ANONYMOUS', 'an anonymous source is its own actor');
  await form.getByRole('button', { name: 'Save claim' }).click();
  await page.waitForFunction(() => window.__studio.refusals === 1 && window.__studio.busy === 0);
  const actorField = form.locator('[data-field="assertions[0].actor"]');
  assert.match(await actorField.locator('.field-error').textContent(), /There is no actor with this id/);
  assert.equal(await form.getByLabel('Actor', { exact: true }).getAttribute('aria-invalid'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.closest('[data-field]')?.dataset.field), 'assertions[0].actor', 'the invalid field has the focus');
  await form.getByLabel('Actor id').fill(OFFICIAL);
  await form.getByRole('button', { name: 'Create actor' }).click();
  await saved(page, 5);
  assert.equal(await form.getByLabel('Attribution').inputValue(), 'ANONYMOUS', 'an anonymous source speaks on condition of anonymity');
  await form.getByRole('button', { name: 'Save claim' }).click();
  await saved(page, 6);
  const second = await read(`query($id: ID!, $src: ID!) { claim(id: $id) { quotes { start end kind } assertions { actor { id anonymous } attribution } }
    source(id: $src) { suggestions(status: ACCEPTED) { id } } }`, { id: WALL_MARINA, src: SOURCE });
  assert.deepEqual(second.claim.quotes, [{ start: official.start, end: official.end, kind: 'DIRECT' }]);
  assert.deepEqual(second.claim.assertions, [{ actor: { id: OFFICIAL, anonymous: true }, attribution: 'ANONYMOUS' }]);
  assert.ok(second.source.suggestions.some((x) => x.id === `q${official.start}-${official.end}`), 'the suggestion is accepted');

  // The counter hint draws nothing by itself: the curator draws the rebuttal from it, with the sentence as evidence.
  await page.getByRole('button', { name: '← Back to the source' }).click();
  const signal = at('disputed');
  const hint = side.locator(`li[data-hint-id="h${signal.start}-${signal.end}"]`);
  assert.match(await hint.textContent(), /#1 “disputed”/);
  const none = await read('query($id: ID!) { claim(id: $id) { relations { kind } } }', { id: WALL_MARINA });
  assert.deepEqual(none.claim.relations, [], 'a hint never makes an edge');
  await hint.getByRole('button', { name: /^Draw a relation/ }).click();
  const rel = page.locator('#relation-form');
  assert.equal(await rel.getByLabel('This claim', { exact: true }).inputValue(), WALL_MARINA, 'the claim that carries the hint\'s quote');
  await rel.getByRole('radio', { name: /^rebuts/ }).check();
  await rel.getByLabel('The other claim', { exact: true }).selectOption(WALL_PROTECTS);
  const ev = at(EVIDENCE_WORDS);
  assert.equal(await rel.locator('blockquote.evidence-text').textContent(), EVIDENCE_WORDS);
  await rel.getByRole('button', { name: 'Save relation' }).click();
  await saved(page, 7);
  const linked = await read(`query($id: ID!, $src: ID!) { claim(id: $id) { relations(direction: OUTGOING) { kind to { id } evidence { text start end } } }
    source(id: $src) { counterHints(status: ACCEPTED) { id } } }`, { id: WALL_MARINA, src: SOURCE });
  assert.deepEqual(linked.claim.relations, [{ kind: 'REBUTS', to: { id: WALL_PROTECTS }, evidence: [{ text: EVIDENCE_WORDS, start: ev.start, end: ev.end }] }]);
  assert.deepEqual(linked.source.counterHints.map((x) => x.id), [`h${signal.start}-${signal.end}`], 'the accepted hint is recorded');

  // Trace mode shows the counter: the anonymous official countered the mayor.
  await page.getByRole('radio', { name: 'Trace counters' }).check();
  await page.waitForFunction((id) => [...document.querySelectorAll('#trace-a option')].some((o) => o.value === id), OFFICIAL, { timeout: 30_000 });
  await page.selectOption('#trace-a', OFFICIAL);
  await page.waitForFunction((id) => (window.__explorer.traceDone || '').includes(`a=${id}`), OFFICIAL, { timeout: 15_000 });
  const hl = await page.evaluate(() => window.__explorer.highlighted);
  for (const id of [OFFICIAL, WALL_MARINA, WALL_PROTECTS, MAYOR]) assert.ok(hl.includes(id), `${id} highlighted: ${hl}`);
  const counter = page.locator(`#details-body ul.counters > li[data-counter="${WALL_MARINA}"][data-target="${WALL_PROTECTS}"]`);
  assert.equal(await counter.locator(`button[data-node-id="${MAYOR}"]`).count(), 1);
  assert.deepEqual(await counter.locator('blockquote.evidence-text').allTextContents(), [EVIDENCE_WORDS]);

  // Two curators on one claim: the form holds version 1, another curator saves version 2 meanwhile.
  await page.getByRole('radio', { name: 'Curate' }).check();
  await page.selectOption('#studio-source', SOURCE);
  await page.waitForFunction((id) => window.__studio.source === id && window.__studio.busy === 0, SOURCE);
  await page.locator(`.studio-claims li[data-claim-id="${WALL_PROTECTS}"] button`).click();
  await page.waitForFunction(() => window.__studio.view === 'claim' && window.__studio.busy === 0);
  assert.match(await form.locator('.who-line').textContent(), /^Added by curator on \d{4}-\d{2}-\d{2} · version 1$/);
  const theirs = await api(`mutation($input: ClaimInput!) { upsertClaim(input: $input) { version } }`, {
    input: { ...body.variables.input, text: 'The new sea wall will protect every home on the seafront, the mayor says.', version: 1 },
  }, TOKEN_2);
  assert.equal(theirs.data?.upsertClaim?.version, 2, JSON.stringify(theirs));
  await form.getByLabel('The claim, in neutral words').fill('The new sea wall will protect the homes along the front.');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await page.waitForFunction(() => window.__studio.refusals === 2 && window.__studio.busy === 0);
  assert.deepEqual(await page.evaluate(() => window.__studio.lastRefusal.map((r) => r.code)), ['CONFLICT']);
  const conflict = page.locator('#claim-form .conflict');
  assert.match(await conflict.textContent(), /Changed by someone else/);
  assert.match(await conflict.locator('li[data-by="second-curator"]').textContent(), /second-curator updated it .*version 2/);
  assert.match(await conflict.locator('.change-field').first().textContent(), /text: “The new sea wall will protect the homes on the seafront\.” → “The new sea wall will protect every home on the seafront, the mayor says\.”/);
  assert.match(await conflict.locator('.field-error').textContent(), /Someone else saved this after you opened it/);
  const still = await read('query($id: ID!) { claim(id: $id) { text version } }', { id: WALL_PROTECTS });
  assert.deepEqual(still.claim, { text: 'The new sea wall will protect every home on the seafront, the mayor says.', version: 2 }, 'their save stands');
  // Having seen their change, the curator saves over it.
  await conflict.getByRole('button', { name: 'Save mine over theirs' }).click();
  await saved(page, 8);
  const mine = await read('query($id: ID!) { claim(id: $id) { text version } }', { id: WALL_PROTECTS });
  assert.deepEqual(mine.claim, { text: 'The new sea wall will protect the homes along the front.', version: 3 });
  assert.match(await form.locator('.who-line').textContent(), /^Added by curator on \S+, last changed by curator on \S+ · version 3$/);

  // Download the dataset: the project's JSON format with the source's text, holding the run's work.
  await page.getByRole('button', { name: '← Back to the source' }).click();
  await page.getByLabel('Dataset', { exact: true }).selectOption('curated');
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: /^Download the dataset curated/ }).click();
  const download = await downloading;
  assert.equal(download.suggestedFilename(), 'curated.zip');
  const files = unzip(readFileSync(await download.path()));
  const jsonName = Object.keys(files).find((n) => n.endsWith('.json'));
  assert.ok(jsonName, `a JSON file in ${Object.keys(files)}`);
  const ds = JSON.parse(files[jsonName].toString('utf8'));
  const claim = (id) => ds.claims.find((c) => c.id === id);
  assert.equal(claim(WALL_PROTECTS)?.text, 'The new sea wall will protect the homes along the front.');
  assert.deepEqual(claim(WALL_PROTECTS).quotes.map((x) => [x.text, x.start, x.end, x.kind]), [[MAYOR_WORDS, mayor.start, mayor.end, 'DIRECT']]);
  assert.deepEqual(claim(WALL_MARINA)?.assertions.map((a) => [a.actor, a.attribution]), [[OFFICIAL, 'ANONYMOUS']]);
  assert.ok(ds.actors.some((a) => a.id === OFFICIAL && a.kind === 'ANONYMOUS'), 'the anonymous official');
  assert.ok(ds.actors.some((a) => a.id === MAYOR), 'the mayor');
  const r = ds.relations.find((x) => x.from === WALL_MARINA && x.to === WALL_PROTECTS);
  assert.equal(r?.kind, 'REBUTS');
  assert.deepEqual(r.evidence.map((e) => [e.text, e.start, e.end]), [[EVIDENCE_WORDS, ev.start, ev.end]]);
  const src = ds.sources.find((x) => x.id === SOURCE);
  assert.ok(src?.textFile, `the source with its text file: ${JSON.stringify(src)}`);
  const textName = Object.keys(files).find((n) => n.endsWith(src.textFile));
  assert.equal(files[textName]?.toString('utf8'), TEXT, 'the text exactly, emoji and all');

  // A corrected text replaces the old one: a quote found again with the same words and context
  // is moved to its new place, one whose words changed is orphaned; both are listed to check.
  await page.getByRole('button', { name: 'Replace the text…' }).click();
  const corrected = `Updated on Tuesday with the council's vote.\n\n${TEXT.replace('not the houses behind it', 'not the homes behind it')}`;
  const again = page.locator('#import-form');
  assert.equal(await again.getByLabel('Source id').getAttribute('readonly'), '', 'the source keeps its id');
  await again.getByLabel('Text', { exact: true }).fill(corrected);
  await again.getByRole('button', { name: 'Replace the text' }).click();
  await saved(page, 9);
  const toCheck = page.locator('#studio-side .orphans');
  await toCheck.waitFor();
  assert.match(await toCheck.locator(`li[data-quote-id="${WALL_PROTECTS}.q1"]`).textContent(), /^moved “will protect every home on the front”/);
  assert.match(await toCheck.locator(`li[data-quote-id="${WALL_MARINA}.q1"]`).textContent(), /^orphaned “The wall protects the marina, not the houses behind it”/);
  const moved = await read('query($id: ID!) { claim(id: $id) { quotes { start end anchor } } }', { id: WALL_PROTECTS });
  const shift = Array.from("Updated on Tuesday with the council's vote.\n\n").length;
  assert.deepEqual(moved.claim.quotes, [{ start: mayor.start + shift, end: mayor.end + shift, anchor: 'MOVED' }]);
  // The curator opens the orphaned quote's claim from the list.
  await toCheck.locator(`li[data-quote-id="${WALL_MARINA}.q1"]`).getByRole('button', { name: 'Edit its claim' }).click();
  await page.waitForFunction(() => window.__studio.view === 'claim' && window.__studio.busy === 0);
  assert.equal(await form.getByLabel('Claim id').inputValue(), WALL_MARINA);
  // Deleting asks once more, then deletes the claim with its quote and its rebuttal.
  await form.getByRole('button', { name: 'Delete claim…' }).click();
  await form.getByRole('button', { name: 'Yes, delete this claim' }).click();
  await saved(page, 10);
  assert.equal((await read('query($id: ID!) { claim(id: $id) { id } }', { id: WALL_MARINA })).claim, null);
  assert.equal(await page.locator(`.studio-claims li[data-claim-id="${WALL_MARINA}"]`).count(), 0);

  // The claim panel of the explorer says who added it and who changed it last.
  await page.getByRole('radio', { name: 'Explore' }).check();
  await page.goto(`${BASE}/?node=${WALL_PROTECTS}`);
  await page.waitForFunction((id) => window.__explorer?.detailsFor === id, WALL_PROTECTS, { timeout: 30_000 });
  assert.match(await page.textContent('#details-body .who-line'), /^Added by curator on \d{4}-\d{2}-\d{2}, last changed by curator on \d{4}-\d{2}-\d{2}\.$/);

  await idle(page);
  assert.deepEqual(page.problems, [], 'the page logged errors or made failed or foreign requests');
  await page.close();
});

test('curate mode at 1280×800: every control labelled, reachable by keyboard, the reader and the form side by side', { timeout: 60_000 }, async () => {
  const page = await open('/?mode=curate&src=wapo-2015-encryption');
  await studioReady(page);
  await page.waitForFunction(() => window.__studio.source === 'wapo-2015-encryption');
  const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea, button, a[href], [tabindex]')]
    .filter((el) => !el.closest('[hidden]') && el.getClientRects().length)
    .filter((el) => !((el.labels && el.labels.length) || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || el.textContent.trim()))
    .map((el) => el.outerHTML.slice(0, 80)));
  assert.deepEqual(unlabelled, []);
  // Side by side, nothing off the screen's width.
  const boxes = await page.evaluate(() => ['curate', 'studio-reader', 'studio-panel'].map((id) => {
    const r = document.getElementById(id).getBoundingClientRect();
    return { id, left: Math.round(r.left), right: Math.round(r.right), width: Math.round(r.width) };
  }));
  assert.ok(boxes[0].right <= boxes[1].left + 1 && boxes[1].right <= boxes[2].left + 1, JSON.stringify(boxes));
  assert.ok(boxes[2].right <= 1280 && boxes[1].width >= 480, JSON.stringify(boxes));
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 1280);

  // Keyboard only: find words, use them, open a claim form from them.
  await page.focus('#find-words');
  await page.keyboard.type('Really?');
  await page.keyboard.press('Enter');
  const use = page.getByRole('button', { name: 'Use occurrence 1' });
  await use.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.__studio.proposal?.text === 'Really?');
  const p = await page.evaluate(() => window.__studio.proposal);
  const { source } = await read('{ source(id: "wapo-2015-encryption") { text } }');
  const startCp = Array.from(source.text.slice(0, source.text.indexOf('Really?'))).length;
  assert.deepEqual(p, { start: startCp, end: startCp + 7, text: 'Really?', kind: 'DIRECT' });
  await page.getByRole('button', { name: 'New claim with these words' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.__studio.view === 'claim');
  assert.equal(await page.evaluate(() => document.activeElement.closest('[data-field]')?.dataset.field), 'text', 'the claim\'s text has the focus');
  // Tab moves through the form with a visible focus ring.
  await page.keyboard.press('Tab');
  const ring = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });
  assert.notEqual(ring.style, 'none');
  assert.ok(ring.width >= 2, `focus outline ${ring.width}px`);
  // Saving needs a sign-in.
  assert.equal(await page.getByRole('button', { name: 'Save claim' }).isDisabled(), true);
  await idle(page);
  assert.deepEqual(page.problems, []);
  await page.close();
});
