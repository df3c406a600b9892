// One debate across articles in Chromium (issue 22, part 4), against a
// running server: two datasets written here through the API (two short
// reports on one city's bus lanes), with an actor who speaks in both, a
// counter from a claim of the second to a claim of the first, and the
// mayor under two ids, one in each. The chooser's "this debate" picks both
// from the first; the timeline and the network label every claim and
// counter with its dataset; after mergeActors, the mayor's panel and trace
// list the counters of both datasets. Everything written is deleted
// afterwards (and before, should a run have stopped half way).
//
//   EXPLORER_URL=http://127.0.0.1:8080 STUDIO_TOKEN=… node --test web/tests/views-debate.test.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE, openPage, done, launchBrowser } from './browser.mjs';

// Screenshots of the debate's views, as the views' tests keep theirs.
const SHOTS = fileURLToPath(new URL('../../.neo4j/screenshots/', import.meta.url));

const TOKEN = process.env.STUDIO_TOKEN || 'curator-test-token-1';
const ONE = 'dbt-one';
const TWO = 'dbt-two';

// The two reports: each claim quotes its own sentence of its dataset's
// source; rebuts names the claim it counters (of either dataset).
const ACTORS = [
  { id: 'dbt-lee', name: 'Ann Lee', kind: 'PERSON', role: 'mayor' },
  { id: 'dbt-lee-2', name: 'A. Lee', kind: 'PERSON', role: 'mayor' },
  { id: 'dbt-critic', name: 'Bo Chen', kind: 'PERSON', role: 'council member' },
  { id: 'dbt-union', name: 'Transit Workers Union', kind: 'ORGANIZATION' },
];
const REPORTS = [
  { dataset: ONE, date: '2016-03-02', claims: [
    { id: 'dbt-one-plan', actor: 'dbt-lee', text: 'The bus lanes will be finished by June.' },
    { id: 'dbt-one-cost', actor: 'dbt-critic', text: 'The bus lanes will cost twice the budget.', rebuts: 'dbt-one-plan' },
  ] },
  { dataset: TWO, date: '2016-05-10', claims: [
    { id: 'dbt-two-late', actor: 'dbt-lee-2', text: 'The lanes are late because of the rain.' },
    { id: 'dbt-two-drivers', actor: 'dbt-union', text: 'Rain is not why the lanes are late: there are no drivers.', rebuts: 'dbt-two-late' },
    { id: 'dbt-two-june', actor: 'dbt-critic', text: 'Nobody believed the lanes would open in June.', rebuts: 'dbt-one-plan' },
  ] },
];
const sourceOf = (r) => `${r.dataset}-report`;

let browser;

async function gql(query, variables = {}, token = null) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(`${BASE}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = await res.json();
  assert.equal(body.errors, undefined, `API errors: ${JSON.stringify(body.errors)} for ${JSON.stringify(variables)}`);
  return body.data;
}
const write = (query, variables) => gql(query, variables, TOKEN);

// writeDebate writes both reports through the API, as a curator would.
async function writeDebate() {
  for (const a of ACTORS) await write('mutation($in: ActorInput!) { upsertActor(input: $in) { id } }', { in: a });
  for (const r of REPORTS) {
    const text = r.claims.map((c) => c.text).join(' ');
    await write('mutation($in: ImportSourceInput!) { importSource(input: $in) { source { id } } }',
      { in: { id: sourceOf(r), title: `Report ${r.dataset}`, kind: 'ARTICLE', date: r.date, text } });
    let at = 0;
    for (const c of r.claims) {
      const start = at;
      at += c.text.length + 1;
      await write('mutation($in: ClaimInput!) { upsertClaim(input: $in) { id } }', { in: {
        id: c.id, text: c.text, date: r.date, dataset: r.dataset,
        assertions: [{ actor: c.actor, source: sourceOf(r), attribution: 'ON_RECORD' }],
        quotes: [{ text: c.text, source: sourceOf(r), start, end: start + c.text.length }],
      } });
    }
  }
  for (const r of REPORTS) {
    for (const c of r.claims.filter((x) => x.rebuts)) {
      await write('mutation($in: RelationInput!) { addRelation(input: $in) { kind } }',
        { in: { kind: 'REBUTS', from: c.id, to: c.rebuts, inferred: true, note: 'Written for the debate test.' } });
    }
  }
}

// removeDebate deletes whatever of the two reports is in the graph.
async function removeDebate() {
  for (const r of REPORTS) {
    for (const c of r.claims) {
      const { claim } = await gql('query($id: ID!) { claim(id: $id) { version } }', { id: c.id });
      if (claim) await write('mutation($id: ID!, $v: Int!) { deleteClaim(id: $id, version: $v) }', { id: c.id, v: claim.version });
    }
  }
  for (const a of ACTORS) {
    const { actor } = await gql('query($id: ID!) { actor(id: $id) { version } }', { id: a.id });
    if (actor) await write('mutation($id: ID!, $v: Int!) { deleteActor(id: $id, version: $v) }', { id: a.id, v: actor.version });
  }
  for (const r of REPORTS) {
    const { source } = await gql('query($id: ID!) { source(id: $id) { version } }', { id: sourceOf(r) });
    if (source) await write('mutation($id: ID!, $v: Int!) { deleteSource(id: $id, version: $v) }', { id: sourceOf(r), v: source.version });
  }
}

before(async () => {
  try {
    await fetch(`${BASE}/healthz`);
  } catch (err) {
    throw new Error(`No server at ${BASE} (${err.message}); start one (counterpoint serve) or set EXPLORER_URL.`);
  }
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser({ viewport: { width: 1600, height: 1000 } });
  await removeDebate();
  await writeDebate();
});

after(async () => {
  await browser?.close();
  await removeDebate();
});

async function viewReady(page, check = () => true) {
  await page.waitForFunction(() => window.__views && (window.__views.ready || window.__views.error), null, { timeout: 30_000 });
  const error = await page.evaluate(() => window.__views.error);
  assert.equal(error, null, `the view reported: ${error}`);
}

test('the chooser picks the debate, and the timeline and the network say which dataset each claim and counter comes from', { timeout: 120_000 }, async () => {
  const page = await openPage(browser.context, '/?mode=timeline');
  await viewReady(page);

  // This debate: the first report and the one that shares an actor and a relation with it.
  await page.selectOption('#debate-of', ONE);
  await page.waitForFunction((id) => window.__views.debate?.ready && window.__views.debate.of === id, ONE);
  assert.deepEqual(await page.evaluate(() => window.__views.debate.related), [TWO], 'the second report is related to the first');
  const why = await page.locator(`#debate-why li[data-related="${TWO}"]`).innerText();
  assert.match(why, /Bo Chen/, 'the shared actor is named');
  assert.match(why, /1 relation between their claims/, 'the relation across them is counted');
  assert.match(await page.locator('#debate-pick').innerText(), /This debate: dbt-one and 1 related dataset/);
  await page.click('#debate-pick');
  await page.waitForFunction(([a, b]) => window.__views.ready && window.__views.shown?.mode === 'timeline'
    && JSON.stringify(window.__views.shown.datasets) === JSON.stringify([a, b]), [ONE, TWO]);
  assert.match(page.url(), /ds=dbt-one,dbt-two/, 'the choice is in the URL');
  for (const id of [ONE, TWO]) assert.equal(await page.locator(`#datasets-card input[data-dataset="${id}"]`).isChecked(), true, `${id} ticked`);

  // The timeline: a numbered key, each claim marked with its dataset, the counter across them says both.
  const marks = await page.evaluate(() => window.__views.marks);
  assert.deepEqual(marks.map((m) => `${m.n}=${m.id}`), [`1=${ONE}`, `2=${TWO}`]);
  const claimDatasets = await page.evaluate(() => window.__views.timeline.claimDatasets);
  for (const r of REPORTS) {
    for (const c of r.claims) {
      assert.equal(claimDatasets[c.id], r.dataset, `${c.id} placed as a claim of ${r.dataset}`);
      const g = page.locator(`#view-svg g[data-claim="${c.id}"]`).first();
      assert.equal(await g.getAttribute('data-dataset'), r.dataset, `${c.id} drawn with its dataset`);
      const n = r.dataset === ONE ? '1' : '2';
      assert.equal(await g.locator(`[data-dataset-mark="${n}"]`).count(), 1, `${c.id} carries mark ${n}`);
      assert.match(await g.locator(':scope > title').textContent(), new RegExp(`${n}\\. ${r.dataset}$`), `${c.id}'s tooltip names its dataset`);
    }
  }
  const across = page.locator('#view-svg g[data-part="counters"] g[data-counter="dbt-two-june"][data-target="dbt-one-plan"]').first();
  assert.equal(await across.getAttribute('data-datasets'), `${TWO} ${ONE}`);
  assert.equal(await across.locator('[data-crossing="2→1"]').count(), 1, 'the counter across the reports shows both');
  assert.match(await across.locator(':scope > title').textContent(), /across articles: 2\. dbt-two → 1\. dbt-one/);
  const within = page.locator('#view-svg g[data-counter="dbt-one-cost"][data-target="dbt-one-plan"]').first();
  assert.equal(await within.getAttribute('data-datasets'), `${ONE} ${ONE}`);
  assert.equal(await within.locator('[data-crossing]').count(), 0, 'a counter within one report needs no crossing label');
  const key = await page.locator('#view-svg g[data-part="datasets"]').textContent();
  assert.ok(key.includes('Articles') && key.includes(ONE) && key.includes(TWO), `the key names both reports: ${key}`);
  assert.equal(await page.locator(`#details-body li[data-claim-id="dbt-two-june"] [data-dataset-tag="${TWO}"]`).count(), 1, 'the text version names the dataset too');
  await page.screenshot({ path: join(SHOTS, 'views-debate-timeline.png'), fullPage: true });

  // The network over the same two: each edge says which reports its claims come from.
  await page.goto(`${BASE}/?mode=network&ds=${ONE},${TWO}`);
  await viewReady(page);
  const edges = await page.evaluate(() => window.__views.network.edges);
  const byId = Object.fromEntries(edges.map((e) => [e.id, e]));
  const critic = byId['REBUTS:dbt-critic~dbt-lee'];
  assert.ok(critic, `the critic's counters of the mayor are an edge: ${JSON.stringify(edges.map((e) => e.id))}`);
  assert.deepEqual(critic.datasets, [[ONE, ONE], [TWO, ONE]], 'within the first report, and from the second to the first');
  assert.match(critic.text, /in 1\. dbt-one; 2\. dbt-two → 1\. dbt-one$/);
  assert.deepEqual(byId['REBUTS:dbt-union~dbt-lee-2'].datasets, [[TWO, TWO]]);
  assert.equal(await page.locator('#view-svg g[data-edge-datasets="REBUTS:dbt-critic~dbt-lee"] [data-crossing="1 · 2→1"]').count(), 1, 'the edge is labelled with both');
  assert.equal(await page.locator('#view-svg g[data-edge="REBUTS:dbt-critic~dbt-lee"]').getAttribute('data-datasets'), `${ONE} ${TWO}`);
  await page.screenshot({ path: join(SHOTS, 'views-debate-network.png'), fullPage: true });
  await page.click('#details-body li[data-edge="REBUTS:dbt-critic~dbt-lee"] button');
  await page.waitForFunction(() => window.__views.edgeShown?.id === 'REBUTS:dbt-critic~dbt-lee');
  assert.equal(await page.locator(`#details-body li[data-counter="dbt-two-june"] .pair-claim.counter [data-dataset-tag="${TWO}"]`).count(), 1);
  assert.equal(await page.locator(`#details-body li[data-counter="dbt-two-june"] .pair-claim.target [data-dataset-tag="${ONE}"]`).count(), 1);
  await done(page);
});

test('after mergeActors, the merged actor shows the counters of both datasets', { timeout: 120_000 }, async () => {
  await write('mutation { mergeActors(into: "dbt-lee", from: "dbt-lee-2") { id } }');
  // Each counter of the mayor, with the datasets of its two claims.
  const want = [['dbt-one-cost', ONE, ONE], ['dbt-two-june', TWO, ONE], ['dbt-two-drivers', TWO, TWO]];
  const tags = (li) => li.locator('[data-claim-dataset]').evaluateAll((els) => els.map((el) => el.dataset.claimDataset));

  // The actor's panel.
  const page = await openPage(browser.context, '/?node=dbt-lee');
  await page.waitForFunction(() => window.__explorer?.detailsFor === 'dbt-lee', null, { timeout: 30_000 });
  for (const [counter, from, to] of want) {
    const li = page.locator(`#details-body article[data-kind="Actor"] li[data-counter="${counter}"]`);
    assert.equal(await li.count(), 1, `the mayor's panel lists ${counter}`);
    assert.deepEqual(await tags(li), [from, to], `${counter} and its target said to be of ${from} and ${to}`);
  }

  // The trace.
  await page.goto(`${BASE}/?mode=trace&a=dbt-lee`);
  await page.waitForFunction(() => typeof window.__explorer?.traceDone === 'string' && window.__explorer.traceDone !== '', null, { timeout: 30_000 });
  for (const [counter, from, to] of want) {
    assert.deepEqual(await tags(page.locator(`#details-body li[data-counter="${counter}"]`)), [from, to], `the trace lists ${counter}, of ${from}, against a claim of ${to}`);
  }

  // The debate's network: the union's counter now targets the merged mayor.
  await page.goto(`${BASE}/?mode=network&ds=${ONE},${TWO}`);
  await viewReady(page);
  const ids = await page.evaluate(() => window.__views.network.edges.map((e) => e.id));
  assert.ok(ids.includes('REBUTS:dbt-union~dbt-lee') && !ids.some((id) => id.includes('dbt-lee-2')), `edges after the merge: ${ids}`);
  await done(page);
});
