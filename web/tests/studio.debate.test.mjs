// Real-browser test of the studio across datasets (issue 22): with the
// article's dataset loaded, a curator curates a second text about the same
// debate, written for this test. The suggested speaker is matched to the
// actor of the first dataset, a claim's restatement of a claim of the first
// dataset is proposed as it is written and linked as REPHRASES in one
// action, a speaker typed by hand is proposed as an existing actor, and a
// relation is drawn to a claim of the first dataset found through search.
// Everything it writes has ids unique to the run and is deleted at the end.
//
//   EXPLORER_URL=http://127.0.0.1:8080 node --test web/tests/studio.debate.test.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { inflateRawSync } from 'node:zlib';
import { BASE, openPage, launchBrowser, idle } from './browser.mjs';

const TOKEN = process.env.STUDIO_TOKEN || 'curator-test-token-1';
const RUN = Date.now().toString(36);
const SOURCE = `encryption-talks-${RUN}`;
const RESTATED = `going-dark-restated-${RUN}`;
const WORK_WITH = `work-with-each-company-${RUN}`;
const ARTICLE = 'wapo-2015-encryption';

// The second text, written for this test, about the article's debate.
const TEXT = [
  'Encryption talks resume as the FBI presses for access',
  '',
  '“Criminals and terrorists can communicate securely when we cannot get decrypted data, and that puts public safety and national security at risk,” FBI Director Jim Comey told senators on Wednesday.',
  '',
  'Deputy Attorney General Sally Yates said the department wants to work with each company rather than change the law.',
  '',
  'Technology companies say a way in for the police would weaken the security of every customer.',
].join('\n');
const COMEY_WORDS = 'Criminals and terrorists can communicate securely when we cannot get decrypted data, and that puts public safety and national security at risk';
const YATES_WORDS = 'the department wants to work with each company rather than change the law';

// at is where words are in TEXT, in code points (the text is all in the BMP).
function at(words) {
  const i = TEXT.indexOf(words);
  assert.ok(i >= 0, `"${words}" is in the test text`);
  return { start: i, end: i + words.length };
}

// unzip reads a zip archive's files (stored or deflated) by its central
// directory: { path: Buffer }.
function unzip(buf) {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, 'a zip archive');
  const files = {};
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = buf.readUInt16LE(eocd + 10); i > 0; i--) {
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

// exportedRelations downloads the curated dataset as the studio does,
// checks that its file requires the article's dataset (so that it loads
// again), and lists its relations as "from KIND to".
async function exportedRelations() {
  const res = await fetch(`${BASE}/export/datasets/curated.zip`);
  assert.equal(res.status, 200);
  const files = unzip(Buffer.from(await res.arrayBuffer()));
  const ds = JSON.parse(files[Object.keys(files).find((n) => n.endsWith('.json'))].toString('utf8'));
  assert.ok(ds.requires?.includes(ARTICLE), `the export requires ${ARTICLE}: ${JSON.stringify(ds.requires)}`);
  return ds.relations.map((r) => `${r.from} ${r.kind} ${r.to}`);
}

let browser;

before(async () => {
  browser = await launchBrowser({ viewport: { width: 1280, height: 800 } });
  const r = await api('mutation($input: ImportSourceInput!) { importSource(input: $input) { source { id } } }', {
    input: { id: SOURCE, title: 'Encryption talks resume as the FBI presses for access', kind: 'ARTICLE', date: '2015-10-08', publisher: 'The Test Gazette', text: TEXT, version: 0 },
  }, TOKEN);
  assert.equal(r.errors, undefined, JSON.stringify(r.errors));
});

after(async () => {
  await browser?.close();
  for (const id of [RESTATED, WORK_WITH]) {
    const d = await api('query($id: ID!) { claim(id: $id) { version } }', { id });
    if (d.data?.claim) await api('mutation($id: ID!, $v: Int!) { deleteClaim(id: $id, version: $v) }', { id, v: d.data.claim.version }, TOKEN);
  }
  const s = await api('query($id: ID!) { source(id: $id) { version } }', { id: SOURCE });
  if (s.data?.source) await api('mutation($id: ID!, $v: Int!) { deleteSource(id: $id, version: $v) }', { id: SOURCE, v: s.data.source.version }, TOKEN);
});

// openSignedIn opens the second text in the studio and signs in.
async function openSignedIn() {
  const page = await openPage(browser.context, `/?mode=curate&src=${SOURCE}`);
  await page.waitForFunction((id) => window.__studio?.ready && window.__studio.source === id && window.__studio.busy === 0, SOURCE, { timeout: 30_000 });
  await page.getByLabel('Curator token').fill(TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForFunction(() => window.__studio.editor);
  return page;
}

// saved waits for the n-th save of the page to have gone through.
async function saved(page, n) {
  await page.waitForFunction((want) => (window.__studio.saves >= want || window.__studio.refusals > 0) && window.__studio.busy === 0, n, { timeout: 15_000 });
  const s = await page.evaluate(() => ({ saves: window.__studio.saves, last: window.__studio.lastRefusal }));
  assert.ok(s.saves >= n, `save ${n} was refused: ${JSON.stringify(s.last)}`);
}

test('a second text: its speaker is the first dataset\'s actor, and its claim is linked as a rephrase of the first\'s in one action', { timeout: 120_000 }, async () => {
  const page = await openSignedIn();
  const side = page.locator('#studio-side');
  const comey = at(COMEY_WORDS);
  const sugg = side.locator(`li[data-suggestion-id="q${comey.start}-${comey.end}"]`);
  await sugg.waitFor();
  // The API says the speaker is a named person (QuoteSuggestion.speakerKind), not a description.
  assert.equal(await sugg.getAttribute('data-speaker-kind'), 'PERSON');
  assert.match(await sugg.textContent(), /Speaker: Jim Comey \(“told”\)/);

  // Accepting it: "Jim Comey" is the article's "James B. Comey", proposed with the reason, no new actor.
  await sugg.getByRole('button', { name: /^Accept/ }).click();
  await page.waitForFunction(() => window.__studio.speakerMatch && window.__studio.busy === 0, null, { timeout: 15_000 });
  const form = page.locator('#claim-form');
  assert.equal(await form.getByLabel('Actor', { exact: true }).inputValue(), 'james-comey');
  assert.match(await form.locator('.speaker-match').textContent(), /The suggested speaker “Jim Comey” is James B\. Comey, already in the graph: .*variant/);
  assert.equal(await form.locator('.subform').count(), 0, 'no new actor is proposed for a known speaker');

  // Writing the claim: the article's claim that says the same is proposed, with what matched.
  await form.getByLabel('Claim id').fill(RESTATED);
  await form.getByLabel('The claim, in neutral words').fill('Without decrypted data, criminals and terrorists communicate securely, which puts public safety and national security at risk.');
  await page.waitForFunction(() => window.__studio.similar?.ids?.length && window.__studio.busy === 0, null, { timeout: 15_000 });
  assert.equal(await page.evaluate(() => window.__studio.similar.ids[0]), 'going-dark-risk', 'the restated claim first');
  const similar = form.locator('#similar-claims li[data-claim-id="going-dark-risk"]');
  assert.match(await similar.textContent(), new RegExp(`${ARTICLE} score 0\\.\\d\\d · both say: .*criminal.*terrorist`));
  assert.equal(await similar.getByRole('button', { name: /^Reuse this claim/ }).count(), 1, 'the claim can be reused instead');

  // Link as rephrase: one request saves the claim and its REPHRASES link.
  const mutations = [];
  page.on('request', (r) => {
    const m = r.method() === 'POST' && (r.postData() || '').match(/mutation (Studio\w+)/);
    if (m) mutations.push(m[1]);
  });
  await similar.getByRole('button', { name: /^Link as rephrase/ }).click();
  await saved(page, 1);
  assert.deepEqual(await page.evaluate(() => window.__studio.lastSave), { op: 'rephraseClaim', id: RESTATED, version: 1, rephrases: 'going-dark-risk' });
  assert.deepEqual(mutations, ['StudioRephraseClaim', 'StudioReviewSuggestion'], 'the claim and its link are one write (then the suggestion is marked accepted)');

  // Through the API: the speaker is the article's actor, the relation crosses the datasets.
  const got = await read(`query($id: ID!, $src: ID!) {
    claim(id: $id) { dataset assertions { actor { id name } source { id } } quotes { start end kind }
      relations(direction: OUTGOING) { kind inferred to { id dataset } } }
    source(id: $src) { suggestions(status: ACCEPTED) { id } } }`, { id: RESTATED, src: SOURCE });
  assert.deepEqual(got.claim.assertions, [{ actor: { id: 'james-comey', name: 'James B. Comey' }, source: { id: SOURCE } }]);
  assert.deepEqual(got.claim.quotes, [{ start: comey.start, end: comey.end, kind: 'DIRECT' }]);
  assert.equal(got.claim.dataset, 'curated');
  assert.deepEqual(got.claim.relations, [{ kind: 'REPHRASES', inferred: true, to: { id: 'going-dark-risk', dataset: ARTICLE } }]);
  assert.deepEqual(got.source.suggestions.map((x) => x.id), [`q${comey.start}-${comey.end}`]);
  const { actors } = await read('{ actors(first: 100) { nodes { id name } } }');
  assert.deepEqual(actors.nodes.filter((a) => /Comey/.test(a.name)).map((a) => a.id), ['james-comey'], 'one Comey in the graph');
  // The curated dataset's file names the article's dataset its relation points into.
  assert.ok((await exportedRelations()).includes(`${RESTATED} REPHRASES going-dark-risk`));

  await idle(page);
  assert.deepEqual(page.problems, [], 'the page logged errors or made failed or foreign requests');
  await page.close();
});

test('a speaker typed by hand is proposed as an existing actor; a relation is drawn to another dataset\'s claim found through search; a similar claim is reused', { timeout: 120_000 }, async () => {
  const page = await openSignedIn();
  // Find the words and make a claim from them.
  const yates = at(YATES_WORDS);
  await page.fill('#find-words', YATES_WORDS);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Use occurrence 1' }).click();
  await page.waitForFunction((w) => window.__studio.proposal?.text === w, YATES_WORDS);
  await page.getByRole('button', { name: 'New claim with these words' }).click();
  const form = page.locator('#claim-form');
  await form.getByLabel('The claim, in neutral words').fill('The Justice Department wants to work with each company instead of changing the law.');
  await form.getByLabel('Claim id').fill(WORK_WITH);

  // A new actor typed by hand: the article's actor with that name is proposed, with the reason, and taken.
  await form.getByRole('button', { name: 'New actor…' }).click();
  await form.getByLabel('Name, or the words the source uses').fill('Sally Yates');
  await page.waitForFunction(() => window.__studio.actorCandidates?.name === 'Sally Yates' && window.__studio.busy === 0, null, { timeout: 15_000 });
  const cand = form.locator('#actor-candidates li[data-actor-id="sally-yates"]');
  assert.match(await cand.textContent(), /^Sally Quillian Yates \(Deputy Attorney General\): .*name/);
  await cand.getByRole('button', { name: 'Use the existing actor Sally Quillian Yates' }).click();
  assert.equal(await form.getByLabel('Actor', { exact: true }).inputValue(), 'sally-yates');
  assert.match(await form.locator('.speaker-match').textContent(), /The speaker “Sally Yates” is Sally Quillian Yates, already in the graph/);
  assert.equal(await form.locator('.subform').count(), 0, 'the new actor\'s form is closed');
  await form.getByRole('button', { name: 'Save claim' }).click();
  await saved(page, 1);

  // A relation to the article's claim, found by its words among every dataset's claims.
  await page.getByRole('button', { name: '← Back to the source' }).click();
  await page.getByRole('button', { name: 'Use as a relation\'s evidence' }).click();
  const rel = page.locator('#relation-form');
  await rel.getByLabel('This claim', { exact: true }).selectOption(WORK_WITH);
  await rel.getByRole('radio', { name: /^supports/ }).check();
  await rel.getByLabel('Find the other claim in any dataset').fill('work with the individual companies');
  await rel.getByRole('button', { name: 'Find claims' }).click();
  await page.waitForFunction(() => window.__studio.claimSearch?.ids?.length && window.__studio.busy === 0, null, { timeout: 15_000 });
  const hit = rel.locator('.claim-hits li[data-claim-id="work-with-individual-companies"]');
  assert.match(await hit.textContent(), new RegExp(`^Use ${ARTICLE} It is important now`));
  await hit.getByRole('button', { name: /^Use as the other claim/ }).click();
  assert.equal(await rel.getByLabel('The other claim', { exact: true }).inputValue(), 'work-with-individual-companies');
  assert.match(await rel.locator('#relation-crossing').textContent(), new RegExp(`of the dataset “${ARTICLE}”, this one of “curated”: .*require “${ARTICLE}”`));
  assert.deepEqual(await rel.locator('blockquote.evidence-text').allTextContents(), [YATES_WORDS]);
  await rel.getByRole('button', { name: 'Save relation' }).click();
  await saved(page, 2);

  // Through the API: the speaker is the article's actor; the relation crosses datasets, with its evidence.
  const got = await read(`query($id: ID!) { claim(id: $id) { dataset assertions { actor { id } }
    relations(direction: OUTGOING) { kind to { id dataset } evidence { text start end source { id } } } } }`, { id: WORK_WITH });
  assert.deepEqual(got.claim, {
    dataset: 'curated', assertions: [{ actor: { id: 'sally-yates' } }],
    relations: [{ kind: 'SUPPORTS', to: { id: 'work-with-individual-companies', dataset: ARTICLE }, evidence: [{ text: YATES_WORDS, start: yates.start, end: yates.end, source: { id: SOURCE } }] }],
  });
  // The curated dataset's file names the article's dataset its relation points into.
  assert.ok((await exportedRelations()).includes(`${WORK_WITH} SUPPORTS work-with-individual-companies`));

  // The same claim again from other words of the text: the claim just made is proposed, and reused
  // (the quote goes to it, no second claim is made).
  const again = 'work with each company';
  const more = at(again);
  await page.fill('#find-words', again);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Use occurrence 1' }).click();
  await page.waitForFunction((w) => window.__studio.proposal?.text === w, again);
  await page.getByRole('button', { name: 'New claim with these words' }).click();
  await form.getByLabel('Actor', { exact: true }).selectOption('sally-yates');
  await form.getByLabel('The claim, in neutral words').fill('The Justice Department wants to work with each company instead of changing the law.');
  await page.waitForFunction((id) => window.__studio.similar?.ids?.[0] === id && window.__studio.busy === 0, WORK_WITH, { timeout: 15_000 });
  const before = (await read('{ claims(first: 1) { totalCount } }')).claims.totalCount;
  await form.locator(`#similar-claims li[data-claim-id="${WORK_WITH}"]`).getByRole('button', { name: /^Reuse this claim/ }).click();
  await saved(page, 3);
  // Version 3: made (1), related (2), reused (3), based on the version read.
  assert.deepEqual(await page.evaluate(() => window.__studio.lastSave), { op: 'upsertClaim', id: WORK_WITH, version: 3, reused: true });
  const reused = await read(`query($id: ID!) { claims(first: 1) { totalCount } claim(id: $id) { assertions { actor { id } } quotes { text start end } } }`, { id: WORK_WITH });
  assert.equal(reused.claims.totalCount, before, 'no new claim');
  assert.deepEqual(reused.claim.assertions, [{ actor: { id: 'sally-yates' } }], 'the same speaker in the same source once');
  assert.deepEqual(reused.claim.quotes, [{ text: YATES_WORDS, start: yates.start, end: yates.end }, { text: again, start: more.start, end: more.end }]);

  await idle(page);
  assert.deepEqual(page.problems, [], 'the page logged errors or made failed or foreign requests');
  await page.close();
});
