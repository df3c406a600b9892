// Real-browser tests of the explorer and GraphiQL pages, against a running
// server over the seeded Neo4j: Debian's Chromium driven by playwright-core.
//
//   EXPLORER_URL=http://127.0.0.1:8080 node --test web/tests/
//
// Expectations are read from the API itself, so the tests follow the data.
// Each run saves screenshots to .neo4j/screenshots/explorer-*.png (or, with
// SCREENSHOTS_DIR=docs, over the ones the README shows). Every page must load
// without console errors, failed requests or requests to another origin.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE, ORIGIN, openPage, done, lowContrast, launchBrowser } from './browser.mjs';

const DOCS = process.env.SCREENSHOTS_DIR
  ? join(fileURLToPath(new URL('../../', import.meta.url)), process.env.SCREENSHOTS_DIR)
  : fileURLToPath(new URL('../../.neo4j/screenshots/', import.meta.url));
mkdirSync(DOCS, { recursive: true });
const VIEWPORT = { width: 1600, height: 1000 };

const LITT = 'robert-litt';
const NSC = 'nsc-staff';
const TRADE = 'economic-trade-agency-officials';
const REALLY = 'us-statement-will-not-deter-china-russia';
const DETER = 'us-statement-could-deter-authoritarians';
const MOMENTUM = 'momentum-for-disavowal';
const KEEP_OPEN = 'keep-options-open';
const DISAVOW_OPTION = 'disavow-option-in-paper';
// The size the screenshots of the panel are checked at: a common laptop screen.
const LAPTOP = { width: 1280, height: 800 };

let context;
let browser;

async function api(query, variables = {}) {
  const res = await fetch(`${BASE}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  assert.equal(body.errors, undefined, `API errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

before(async () => {
  let home;
  try {
    home = await fetch(`${BASE}/`);
  } catch (err) {
    throw new Error(`No server at ${BASE} (${err.message}); start one (counterpoint serve) or set EXPLORER_URL.`);
  }
  const html = await home.text();
  if (html.includes('make web')) {
    throw new Error(`${BASE}/ says the explorer is not built: run scripts/web-build.sh and rebuild the binary.`);
  }
  mkdirSync(DOCS, { recursive: true });
  browser = await launchBrowser({ viewport: VIEWPORT });
  context = browser.context;
});

after(async () => {
  await browser?.close();
});

// open loads a page of this file's browser, recording what must not happen on it.
function open(path, opts) {
  return openPage(context, path, opts);
}

async function ready(page) {
  await page.waitForFunction(() => window.__explorer && (window.__explorer.ready || window.__explorer.error), null, { timeout: 30_000 });
  const error = await page.evaluate(() => window.__explorer.error);
  assert.equal(error, null, `the explorer reported: ${error}`);
}

async function detailsFor(page, id) {
  await page.waitForFunction((want) => window.__explorer.detailsFor === want, id, { timeout: 15_000 });
}

async function traced(page) {
  await page.waitForFunction(() => typeof window.__explorer.traceDone === 'string', null, { timeout: 15_000 });
}

// clickNode clicks a node of the graph where it is drawn on the canvas.
async function clickNode(page, id) {
  const pos = await page.evaluate((nodeId) => {
    const cy = window.__explorer.cy;
    const n = cy.getElementById(nodeId);
    if (n.empty()) return null;
    cy.zoom(1.2);
    cy.center(n);
    const p = n.renderedPosition();
    const box = cy.container().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
  assert.ok(pos, `node ${id} is not in the graph`);
  // Two frames, so that the canvas shows the new viewport.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.mouse.click(pos.x, pos.y);
}

test('the graph renders the whole article graph, as the API has it', { timeout: 60_000 }, async () => {
  const { subgraph } = await api('{ subgraph(types: [ACTOR, CLAIM]) { nodes { id } edges { id } } }');
  const nodes = subgraph.nodes.length;
  const edges = subgraph.edges.length;
  assert.ok(nodes > 50, `the seeded graph has only ${nodes} actors and claims`);

  const page = await open('/');
  await ready(page);
  const ex = await page.evaluate(() => ({ ...window.__explorer, cy: undefined }));
  assert.equal(ex.nodeCount, nodes, 'rendered nodes');
  assert.equal(ex.edgeCount, edges, 'rendered edges');
  assert.equal(ex.visibleNodeCount, nodes);
  assert.match(await page.textContent('#status'), new RegExp(`^${nodes} nodes, ${edges} edges`));
  assert.equal(await page.locator('#cy canvas').count() > 0, true, 'the graph draws on a canvas');
  // Every node has a place on the canvas: the layout ran.
  const placed = await page.evaluate(() => {
    const cy = window.__explorer.cy;
    const seen = new Set(cy.nodes().map((n) => `${Math.round(n.position('x'))},${Math.round(n.position('y'))}`));
    return seen.size;
  });
  assert.equal(placed, nodes, 'no two nodes share a position');
  // The canvas has a text alternative, and the panel lists every actor and claim.
  assert.match(await page.getAttribute('#cy', 'aria-label'), /\d+ actors, \d+ claims/);
  assert.match(await page.textContent('#graph-summary'), /rebuttals/);
  assert.equal(await page.locator('#details-body button[data-node-id]').count(), nodes);
  await page.mouse.move(1, VIEWPORT.height - 1);
  await page.screenshot({ path: join(DOCS, 'explorer-overview.png') });
  await done(page);
});

test('clicking Litt\'s "Really?" claim shows its quote, its paragraph and the claim it rebuts', { timeout: 60_000 }, async () => {
  const { claim } = await api('query($id: ID!) { claim(id: $id) { rebuts { id } quotes { text } } }', { id: REALLY });
  assert.deepEqual(claim.rebuts.map((c) => c.id), [DETER]);

  const page = await open('/');
  await ready(page);
  await clickNode(page, REALLY);
  await detailsFor(page, REALLY);
  assert.equal(await page.evaluate(() => window.__explorer.selected), REALLY);
  assert.ok(new URL(page.url()).searchParams.get('node') === REALLY, 'the URL keeps the selection');

  const panel = page.locator('#details-body');
  const quotes = await panel.locator('blockquote.quote').allTextContents();
  assert.ok(quotes.includes('“Really?”'), `quotes shown: ${quotes}`);
  assert.equal(quotes.length, claim.quotes.length);
  assert.match(await panel.textContent(), /Robert S\. Litt/);
  assert.match(await panel.textContent(), /e-mail/, 'the document the words were written in');

  // The quote in its paragraph of the article, highlighted.
  const li = panel.locator('li', { has: page.locator('blockquote', { hasText: 'Really?' }) }).first();
  await li.getByRole('button', { name: 'Show in its paragraph' }).click();
  const mark = li.locator('.paragraph mark');
  assert.equal(await mark.textContent(), 'Really?');
  assert.match(await li.locator('.paragraph').textContent(), /took issue with the assertion/);
  assert.equal(await li.getByRole('button', { name: 'Hide the paragraph' }).getAttribute('aria-expanded'), 'true');
  assert.deepEqual(await lowContrast(page), [], 'text below WCAG AA contrast');

  // What it rebuts, clickable.
  const rebuts = panel.locator('[data-rel="REBUTS-out"] button[data-node-id]');
  assert.deepEqual(await rebuts.evaluateAll((els) => els.map((e) => e.dataset.nodeId)), [DETER]);
  await page.mouse.move(1, VIEWPORT.height - 1);
  await page.screenshot({ path: join(DOCS, 'explorer-claim.png') });

  await rebuts.first().click();
  await detailsFor(page, DETER);
  const rebuttedBy = panel.locator('[data-rel="REBUTS-in"] button[data-node-id]');
  assert.deepEqual(await rebuttedBy.evaluateAll((els) => els.map((e) => e.dataset.nodeId)), [REALLY]);
  await done(page);
});

// quotesOf reads a claim's quotes as the API has them, with whose words they are.
async function quotesOf(id) {
  const { claim } = await api(`query($id: ID!) { claim(id: $id) {
      quotes { id text kind start end directSpans { start end text } source { publisher title } } } }`, { id });
  return claim.quotes;
}

test('whose words: a paraphrase is the outlet\'s, never in quotation marks, with the speaker\'s own words marked', { timeout: 60_000 }, async () => {
  const quotes = await quotesOf(MOMENTUM);
  const paraphrases = quotes.filter((q) => q.kind === 'PARAPHRASE');
  assert.ok(paraphrases.length > 0, `${MOMENTUM} has a paraphrase`);
  const withOwn = paraphrases.find((q) => q.directSpans.length);
  assert.deepEqual(withOwn?.directSpans.map((x) => x.text), ['strongly disavowing']);

  const page = await open(`/?node=${MOMENTUM}`);
  await page.setViewportSize(LAPTOP);
  await ready(page);
  await detailsFor(page, MOMENTUM);
  const panel = page.locator('#details-body');
  for (const q of paraphrases) {
    const item = panel.locator(`li[data-quote-id="${q.id}"]`);
    assert.equal(await item.getAttribute('data-quote-kind'), 'PARAPHRASE');
    // The outlet's words, exactly: no quotation marks added, in the text or by the style sheet.
    const shown = item.locator('blockquote.quote');
    assert.equal(await shown.textContent(), q.text);
    const marks = await shown.evaluate((el) => [getComputedStyle(el, '::before').content, getComputedStyle(el, '::after').content]);
    for (const m of marks) assert.ok(m === 'none' || m === 'normal' || m === '""', `generated content ${m}`);
    const caption = await item.locator('figcaption').textContent();
    assert.ok(caption.includes(`${q.source.publisher}'s words`), `labelled as ${q.source.publisher}'s words: ${caption}`);
    assert.ok(!/speaker's own words/.test(caption), caption);
    // The speaker's own words inside it are marked, and only they.
    const own = await shown.locator('mark.own-words').allTextContents();
    assert.deepEqual(own, q.directSpans.map((x) => x.text));
    for (const t of await shown.locator('mark.own-words').evaluateAll((els) => els.map((e) => e.title))) assert.equal(t, "the speaker's own words");
  }
  assert.match(await panel.locator(`li[data-quote-id="${withOwn.id}"] .own-words-key`).textContent(), /the speaker's own/);
  assert.deepEqual(await lowContrast(page), [], 'text below WCAG AA contrast');
  await panel.locator(`li[data-quote-id="${withOwn.id}"]`).scrollIntoViewIfNeeded();
  await page.mouse.move(1, LAPTOP.height - 1);
  await page.screenshot({ path: join(DOCS, 'explorer-paraphrase.png') });
  await done(page);
});

test('whose words: a direct quote is the speaker\'s, in quotation marks', { timeout: 60_000 }, async () => {
  const quotes = (await quotesOf(REALLY)).filter((q) => q.kind === 'DIRECT');
  assert.ok(quotes.some((q) => q.text === 'Really?'));
  const page = await open(`/?node=${REALLY}`);
  await ready(page);
  await detailsFor(page, REALLY);
  for (const q of quotes) {
    const item = page.locator(`#details-body li[data-quote-id="${q.id}"]`);
    assert.equal(await item.getAttribute('data-quote-kind'), 'DIRECT');
    assert.equal(await item.locator('blockquote.quote').textContent(), `“${q.text}”`);
    assert.match(await item.locator('figcaption').textContent(), /The speaker's own words/);
    assert.equal(await item.locator('mark').count(), 0);
  }
  await done(page);
});

test('the claim panel says why two claims are linked: the article\'s words, or the curator\'s inference', { timeout: 60_000 }, async () => {
  const { really, deter } = await api(`query($really: ID!, $deter: ID!) {
      really: claim(id: $really) { relations { kind from { id } to { id } inferred note evidence { text source { publisher } } } }
      deter: claim(id: $deter) { assertions { actor { id } stance inferred note } relations { kind from { id } to { id } inferred note } } }`,
  { really: REALLY, deter: DETER });
  const rebuttal = really.relations.find((r) => r.kind === 'REBUTS' && r.from.id === REALLY && r.to.id === DETER);
  assert.ok(rebuttal && !rebuttal.inferred, 'the "Really?" rebuttal rests on the article\'s words');
  assert.match(rebuttal.evidence[0].text, /^He also took issue with the assertion/);
  const inferred = deter.relations.find((r) => r.inferred);
  assert.ok(inferred?.note, `${DETER} has an inferred relation with a note`);

  const page = await open(`/?node=${REALLY}`);
  await page.setViewportSize(LAPTOP);
  await ready(page);
  await detailsFor(page, REALLY);
  const panel = page.locator('#details-body');
  const item = panel.locator(`[data-rel="REBUTS-out"] li[data-rel-to="${DETER}"]`);
  assert.deepEqual(await item.locator('blockquote.evidence-text').allTextContents(), rebuttal.evidence.map((e) => e.text));
  assert.match(await item.locator('blockquote.evidence-text').first().textContent(), /^He also took issue with the assertion that a strong statement/);
  assert.equal(await item.locator('figure.evidence figcaption').textContent(),
    `Why they are linked, in ${rebuttal.evidence[0].source.publisher}'s words:`);
  assert.equal(await item.locator('.why.inferred').count(), 0);
  assert.equal(await item.locator('.note').textContent(), `Curator's note: ${rebuttal.note}`);
  assert.deepEqual(await lowContrast(page), [], 'text below WCAG AA contrast');
  await item.scrollIntoViewIfNeeded();
  await page.mouse.move(1, LAPTOP.height - 1);
  await page.screenshot({ path: join(DOCS, 'explorer-evidence.png') });

  // The claim it rebuts: the NSC staff are held to it by the curator's
  // reading (the article says only "the assertion"), and the panel says so.
  await item.locator(`button[data-node-id="${DETER}"]`).click();
  await detailsFor(page, DETER);
  for (const a of deter.assertions) {
    const who = panel.locator('section', { hasText: 'Asserted by' }).locator('li', { has: page.locator(`button[data-node-id="${a.actor.id}"]`) });
    assert.equal(await who.locator('.badge.stance').count(), a.stance === 'PRESENTS' ? 1 : 0, `${a.actor.id} ${a.stance}`);
    assert.equal(await who.locator('.badge.inferred').count(), a.inferred ? 1 : 0, `${a.actor.id} inferred: ${a.inferred}`);
    if (a.inferred) assert.equal(await who.locator('.why.inferred').textContent(), `Attributed by the curator: ${a.note}`);
  }
  assert.ok(deter.assertions.some((a) => a.actor.id === NSC && a.inferred && a.note), 'the NSC staff are held to the deterrence claim by the curator\'s reading');
  const other = inferred.from.id === DETER ? inferred.to.id : inferred.from.id;
  const dir = inferred.from.id === DETER ? 'out' : 'in';
  const inf = panel.locator(`[data-rel="${inferred.kind}-${dir}"] li[data-rel-to="${inferred.to.id}"][data-rel-from="${inferred.from.id}"]`);
  assert.equal(await inf.locator(`button[data-node-id="${other}"]`).count(), 1);
  assert.equal(await inf.getAttribute('data-inferred'), 'true');
  assert.equal(await inf.locator('.why.inferred').textContent(), `Inferred by the curator: ${inferred.note}`);
  assert.equal(await inf.locator('blockquote.evidence-text').count(), 0);
  assert.deepEqual(await lowContrast(page), [], 'text below WCAG AA contrast');
  await inf.scrollIntoViewIfNeeded();
  await page.mouse.move(1, LAPTOP.height - 1);
  await page.screenshot({ path: join(DOCS, 'explorer-inferred.png') });
  await done(page);
});

test('anonymous sources are shown as such', { timeout: 60_000 }, async () => {
  const { actors } = await api('{ actors(kind: ANONYMOUS, first: 1) { nodes { id name assertions { claim { id } } } } }');
  const anon = actors.nodes[0];
  const page = await open(`/?node=${encodeURIComponent(anon.assertions[0].claim.id)}`);
  await ready(page);
  await detailsFor(page, anon.assertions[0].claim.id);
  const item = page.locator('#details-body li', { has: page.locator(`button[data-node-id="${anon.id}"]`) }).first();
  assert.equal(await item.locator('.badge.anon').textContent(), 'anonymous source');
  await item.locator(`button[data-node-id="${anon.id}"]`).click();
  await detailsFor(page, anon.id);
  assert.match(await page.textContent('#details-body'), /Anonymous source/);
  assert.equal(await page.locator('#details-body .badge.anon').first().textContent(), 'anonymous source');
  await done(page);
});

test('trace mode from Litt highlights whom he countered, with the words that make each counter, and chains reach the disavowal agencies', { timeout: 60_000 }, async () => {
  const { actor } = await api(`query($id: ID!) { actor(id: $id) {
      countered { counter { id } target { id } against { id } inferred notes note evidence { text } }
      counteredBy { counter { id } by { id } } } }`, { id: LITT });
  // Litt's "keeping our options open" rebuts the paper's option to disavow legislation, which the
  // economic and trade agencies urged, and his "Really?" the deterrence claim the curator holds the
  // NSC staff to: both are the curator's reading, and say what they rest on.
  assert.ok(actor.countered.some((k) => k.counter.id === KEEP_OPEN && k.target.id === DISAVOW_OPTION && k.against.some((a) => a.id === TRADE) && k.inferred));
  assert.ok(actor.countered.some((k) => k.against.some((a) => a.id === NSC) && k.inferred && k.notes.length > 0), 'Litt counters the NSC staff, by the curator\'s reading');

  const page = await open('/');
  await ready(page);
  await page.getByRole('radio', { name: 'Trace counters' }).check();
  await page.selectOption('#trace-a', LITT);
  await traced(page);
  const hl = await page.evaluate(() => window.__explorer.highlighted);
  for (const k of actor.countered) {
    assert.ok(hl.includes(k.counter.id) && hl.includes(k.target.id), `claims of ${JSON.stringify(k)} highlighted`);
    for (const a of k.against) assert.ok(hl.includes(a.id), `${a.id} highlighted`);
  }
  assert.ok(hl.includes(TRADE) && hl.includes(DISAVOW_OPTION) && hl.includes(KEEP_OPEN) && hl.includes(LITT), `highlighted: ${hl}`);
  assert.ok(hl.includes(NSC), `the NSC staff are traced as countered (the curator's reading): ${hl}`);
  assert.deepEqual(await lowContrast(page), [], 'text below WCAG AA contrast');
  const classes = await page.evaluate((ids) => ids.map((id) => window.__explorer.cy.getElementById(id).hasClass('hl')), [TRADE, DISAVOW_OPTION]);
  assert.deepEqual(classes, [true, true], 'drawn highlighted');
  const faded = await page.evaluate(() => window.__explorer.cy.nodes('.faded').length);
  assert.ok(faded > 0, 'the rest of the graph is faded');
  // The accessible view lists the counter.
  const panel = page.locator('#details-body');
  assert.match(await panel.locator('#panel-title').textContent(), /Counters of Robert S\. Litt/);
  assert.equal(await panel.locator('ul.counters > li').count(), actor.countered.length + actor.counteredBy.length);
  assert.equal(await panel.locator(`ul.counters button[data-node-id="${TRADE}"]`).count(), 1);
  assert.equal(await panel.locator(`ul.counters button[data-node-id="${NSC}"]`).count(), 1);
  // Each counter shows why it counts: the article's words, or the curator's inference labelled as such.
  for (const k of actor.countered) {
    const item = panel.locator(`ul.counters > li[data-counter="${k.counter.id}"][data-target="${k.target.id}"]`);
    if (k.inferred) {
      assert.match(await item.locator('.why.inferred').textContent(), /^Inferred by the curator:/);
    } else {
      assert.ok(k.evidence.length > 0, 'a counter that is not inferred has evidence');
      assert.deepEqual(await item.locator('blockquote.evidence-text').allTextContents(), k.evidence.map((e) => e.text));
      assert.match(await item.locator('figure.evidence figcaption').textContent(), /^Why they are linked, in .+'s words:$/);
    }
  }
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('mode'), 'trace');
  assert.equal(url.searchParams.get('a'), LITT);
  await page.mouse.move(1, VIEWPORT.height - 1);
  await page.screenshot({ path: join(DOCS, 'explorer-trace.png') });

  // Two actors: the chains of claims between them, as the API finds them.
  const to = 'economic-trade-agency-officials';
  const want = await api(`query($from: ID!, $to: ID!, $kinds: [RelationKind!], $directed: Boolean) {
      chains(from: $from, to: $to, kinds: $kinds, directed: $directed, first: 20) { claims { id } } }`,
  { from: LITT, to, kinds: ['REBUTS', 'SUPPORTS', 'QUALIFIES'], directed: true });
  assert.ok(want.chains.length > 0, 'the API finds a chain from Litt to the disavowal agencies');
  await page.getByLabel('Rebuttals, supports and qualifications').check();
  await page.selectOption('#trace-b', to);
  await page.waitForFunction((b) => (window.__explorer.traceDone || '').includes(`b=${b}`) && window.__explorer.traceDone.includes('chain=all'), to);
  const hl2 = await page.evaluate(() => window.__explorer.highlighted);
  for (const c of want.chains.flatMap((ch) => ch.claims)) assert.ok(hl2.includes(c.id), `chain claim ${c.id} highlighted`);
  assert.ok(hl2.includes(to));
  assert.equal(await panel.locator('ol > li').count(), want.chains.length, 'one list item per chain');
  await page.mouse.move(1, VIEWPORT.height - 1);
  await page.screenshot({ path: join(DOCS, 'explorer-chains.png') });

  // Rebuttals only, directed: as many chains as the API finds.
  const rebutsOnly = await api(`query($from: ID!, $to: ID!) { chains(from: $from, to: $to, first: 20) { hops } }`, { from: LITT, to });
  await page.getByLabel('Rebuttals only').check();
  await page.waitForFunction(() => window.__explorer.traceDone && !window.__explorer.traceDone.includes('chain=all'));
  const items = rebutsOnly.chains.length ? await panel.locator('ol > li').count() : 0;
  assert.equal(items, rebutsOnly.chains.length);
  await done(page);
});

test('search "dissuade" finds the deterrence claim, and selecting it centres it', { timeout: 60_000 }, async () => {
  const page = await open('/');
  await ready(page);
  await page.fill('#search-input', 'dissuade');
  await page.press('#search-input', 'Enter');
  const hit = page.locator(`#search-results button[data-node-id="${DETER}"][data-hit-type="Claim"]`);
  await hit.waitFor({ timeout: 15_000 });
  await hit.click();
  await detailsFor(page, DETER);
  assert.equal(await page.evaluate(() => window.__explorer.selected), DETER);
  assert.equal(await page.isHidden('#search-results'), true);
  const off = await page.evaluate((id) => {
    const cy = window.__explorer.cy;
    const b = cy.getElementById(id).renderedBoundingBox(); // the node and its label
    return Math.hypot((b.x1 + b.x2) / 2 - cy.width() / 2, (b.y1 + b.y2) / 2 - cy.height() / 2);
  }, DETER);
  assert.ok(off < 2, `the selected node (with its label) is ${off}px from the centre`);
  assert.match(await page.textContent('#panel-title'), /dissuade authoritarian regimes/);

  // A quote among the hits says whose words it holds; a paraphrase is not put in quotation marks.
  const { search } = await api('{ search(text: "dissuade") { node { __typename id ... on Quote { text kind source { publisher } } } } }');
  const quote = search.map((x) => x.node).find((n) => n.__typename === 'Quote' && n.kind === 'PARAPHRASE');
  assert.ok(quote, 'the search finds the paraphrase of the deterrence claim');
  await page.fill('#search-input', 'dissuade');
  await page.press('#search-input', 'Enter');
  const qhit = page.locator(`#search-results button[data-hit-id="${quote.id}"]`);
  await qhit.waitFor({ timeout: 15_000 });
  assert.equal(await qhit.locator('.kind').textContent(), `Paraphrase · ${quote.source.publisher}'s words · opens its claim`);
  const shown = (await qhit.textContent()).replace(await qhit.locator('.kind').textContent(), '');
  assert.ok(!/[“”"]/.test(shown[0]) && !/[“”"]/.test(shown.at(-1)), `not in quotation marks: ${shown}`);
  assert.ok(quote.text.startsWith(shown.replace(/…$/, '')), shown);
  await page.keyboard.press('Escape');
  await done(page);
});

test('filters update the graph without a reload, as the API filters claims', { timeout: 60_000 }, async () => {
  const d = await api(`{ actors(kind: ANONYMOUS) { totalCount }
    claims(filter: { dateFrom: "2015-07", dateTo: "2015-08" }) { totalCount }
    all: subgraph(types: [ACTOR, CLAIM]) { nodes { __typename } } }`);
  const actorsTotal = d.all.nodes.filter((n) => n.__typename === 'Actor').length;

  const page = await open('/');
  await ready(page);
  await page.evaluate(() => { window.__sameDocument = true; });
  const total = await page.evaluate(() => window.__explorer.nodeCount);

  await page.locator('#filter-actors input[data-kind="ANONYMOUS"]').uncheck();
  assert.equal(await page.evaluate(() => window.__explorer.visibleNodeCount), total - d.actors.totalCount);

  await page.fill('#date-from', '2015-07');
  await page.press('#date-from', 'Tab');
  await page.fill('#date-to', '2015-08');
  await page.press('#date-to', 'Tab');
  // The API says which claims the range keeps (the browser has no date rule of its own).
  await page.waitForFunction(() => window.__explorer.datesApplied && new URL(location.href).searchParams.get('to') === '2015-08', null, { timeout: 15_000 });
  assert.equal(await page.evaluate(() => window.__explorer.visibleNodeCount),
    actorsTotal - d.actors.totalCount + d.claims.totalCount, 'claims dated 2015-07..2015-08, as the API counts them');

  await page.locator('#filter-relations input[data-rel="ASSERTED"]').uncheck();
  // The graph applies filters on the next frame: wait for it, then check.
  await page.waitForFunction(() => window.__explorer.cy.edges('[type = "ASSERTED"]').filter((e) => e.visible()).length === 0,
    null, { timeout: 5_000 }).catch(() => {});
  const assertedShown = await page.evaluate(() => window.__explorer.cy.edges('[type = "ASSERTED"]').filter((e) => e.visible()).length);
  assert.equal(assertedShown, 0, 'ASSERTED edges hidden once their filter is off');
  assert.match(await page.textContent('#status'), /shown \(of \d+ nodes, \d+ edges\)/);
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload');
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('hideKind'), 'ANONYMOUS');
  assert.equal(url.searchParams.get('hideRel'), 'ASSERTED');
  assert.equal(url.searchParams.get('from'), '2015-07');

  await page.click('#reset-filters');
  assert.equal(await page.evaluate(() => window.__explorer.visibleNodeCount), total);

  // Sources on demand: the documents quoted, linked from the claims quoted from them.
  const { sources } = await api('{ sources { id } }');
  await page.getByLabel('Show sources').check();
  await page.waitForFunction((n) => window.__explorer.nodeCount === n, total + sources.length);
  const quotedFrom = await page.evaluate(() => window.__explorer.cy.edges('[type = "QUOTED_FROM"]').length);
  assert.ok(quotedFrom > 0, 'claims link to the sources they are quoted from');
  assert.equal(new URL(page.url()).searchParams.get('sources'), '1');
  await page.locator('#details-body button[data-node-id="litt-email-2015-08"]').first().click();
  await detailsFor(page, 'litt-email-2015-08');
  assert.ok(await page.locator(`#details-body button[data-node-id="${REALLY}"]`).count() >= 1, 'the e-mail lists the claims quoted from it');
  assert.equal(await page.locator('#details-body .title-description').count(), 0, 'the e-mail\'s title is not marked as a description');
  // The article has no headline in its text: its title is the curator's description, and says so.
  await page.locator('#details-body button[data-node-id="wapo-2015-encryption"]').first().click();
  await detailsFor(page, 'wapo-2015-encryption');
  assert.match(await page.locator('#details-body .title-description').textContent(), /no headline of its own/);
  await page.getByLabel('Show sources').uncheck();
  await page.waitForFunction((n) => window.__explorer.nodeCount === n, total);
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload');
  await done(page);
});

test('a shared URL restores the view', { timeout: 60_000 }, async () => {
  const first = await open('/');
  await ready(first);
  await clickNode(first, REALLY);
  await detailsFor(first, REALLY);
  await first.getByRole('radio', { name: 'Trace counters' }).check();
  await first.selectOption('#trace-a', LITT);
  await traced(first);
  await first.locator('#filter-relations input[data-rel="ABOUT"]').uncheck();
  await first.fill('#date-to', '2015-08');
  await first.press('#date-to', 'Tab');
  const datesApplied = (page) => page.waitForFunction(() => window.__explorer.datesApplied, null, { timeout: 15_000 });
  await datesApplied(first);
  const shared = first.url();
  const view = async (page) => page.evaluate(() => ({
    selected: window.__explorer.selected,
    mode: window.__explorer.mode,
    highlighted: window.__explorer.highlighted,
    visibleNodes: window.__explorer.visibleNodeCount,
    visibleEdges: window.__explorer.visibleEdgeCount,
    title: document.querySelector('#panel-title')?.textContent,
    traceA: document.querySelector('#trace-a').value,
    about: document.querySelector('#filter-relations input[data-rel="ABOUT"]').checked,
    dateTo: document.querySelector('#date-to').value,
  }));
  const before = await view(first);
  await done(first);

  const second = await open(shared.replace(BASE, ''));
  await ready(second);
  await detailsFor(second, REALLY);
  await traced(second);
  await datesApplied(second);
  const restored = await view(second);
  assert.deepEqual(restored, before);
  assert.equal(restored.selected, REALLY);
  assert.equal(restored.mode, 'trace');
  assert.equal(restored.about, false);
  assert.equal(await second.evaluate((id) => window.__explorer.cy.getElementById(id).selected(), REALLY), true);
  await done(second);
});

test('keyboard: labelled, focusable controls with a visible focus; the panel opens a node', { timeout: 60_000 }, async () => {
  const page = await open('/');
  await ready(page);
  const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input, select, button, [tabindex]')]
    .filter((el) => !el.closest('[hidden]'))
    .filter((el) => !((el.labels && el.labels.length) || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || el.textContent.trim()))
    .map((el) => el.outerHTML.slice(0, 80)));
  assert.deepEqual(unlabelled, []);
  // Tab from the top: the skip link, then the search box, with a visible focus ring.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'search-input');
  const ring = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });
  assert.notEqual(ring.style, 'none');
  assert.ok(ring.width >= 2, `focus outline ${ring.width}px`);
  // The details panel's lists reach every node from the keyboard.
  const link = page.locator(`#details-body button[data-node-id="${LITT}"]`);
  await link.focus();
  await page.keyboard.press('Enter');
  await detailsFor(page, LITT);
  assert.equal(await page.textContent('#panel-title'), 'Robert S. Litt');
  assert.match(await page.textContent('#details-body'), /the intelligence community/);
  assert.deepEqual(await lowContrast(page), [], 'text below WCAG AA contrast');
  // The graph takes keys too: + zooms in.
  const z0 = await page.evaluate(() => window.__explorer.cy.zoom());
  await page.focus('#cy');
  await page.keyboard.press('+');
  assert.ok(await page.evaluate(() => window.__explorer.cy.zoom()) > z0);
  await done(page);
});

test('GraphiQL loads and runs { __typename }', { timeout: 90_000 }, async () => {
  const page = await open(`/graphiql?query=${encodeURIComponent('{ __typename }')}`);
  await page.locator('.graphiql-container').waitFor({ timeout: 30_000 });
  const run = page.locator('.graphiql-execute-button');
  await run.waitFor();
  await page.waitForFunction(() => document.querySelector('.graphiql-query-editor')?.textContent.includes('__typename'), null, { timeout: 30_000 });
  await run.click();
  await page.waitForFunction(() => /"__typename":\s*"Query"/.test(document.querySelector('.graphiql-response')?.textContent || ''), null, { timeout: 30_000 });
  await page.mouse.move(1, VIEWPORT.height - 1);
  await page.screenshot({ path: join(DOCS, 'explorer-graphiql.png') });
  await done(page);
});
