// Real-browser tests of the journalist's views (who countered whom, the
// debate over time, camps, graphics to publish, the embed), against a
// running server over the seeded Neo4j: Debian's Chromium driven by
// playwright-core.
//
//   EXPLORER_URL=http://127.0.0.1:8080 node --test web/tests/views.test.mjs
//
// Expectations are read from the API (counterSummary, counters, timeline,
// camps), scoped to the article's dataset, so the tests follow the data and
// do not depend on what other tests wrote. Screenshots go to
// .neo4j/screenshots/views-*.png (with SCREENSHOTS_DIR=docs, over the ones
// the README shows).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdirSync, readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE, ORIGIN, openPage, done, lowContrast, launchBrowser } from './browser.mjs';
import { mulberry32 } from '../src/random.js';

const DOCS = process.env.SCREENSHOTS_DIR
  ? join(fileURLToPath(new URL('../../', import.meta.url)), process.env.SCREENSHOTS_DIR)
  : fileURLToPath(new URL('../../.neo4j/screenshots/', import.meta.url));
const VIEWPORT = { width: 1600, height: 1000 };

const ARTICLE = 'wapo-2015-encryption';
const NSO = 'national-security-officials';
const COMMERCE = 'commerce-diplomatic-trade-tech-officials';
const LITT = 'robert-litt';
const PAPER = 'nsc-draft-paper-2015-07';
const EMAIL = 'litt-email-2015-08';
// The camps the README describes: law enforcement, the national-security
// officials and the intelligence community on one side, the officials of
// the commerce, trade and technology agencies on the other.
const SECURITY_SIDE = ['law-enforcement', NSO, 'intelligence-community', LITT];
const COMMERCE_SIDE = [COMMERCE, 'economic-trade-agency-officials'];

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
  try {
    await fetch(`${BASE}/healthz`);
  } catch (err) {
    throw new Error(`No server at ${BASE} (${err.message}); start one (counterpoint serve) or set EXPLORER_URL.`);
  }
  mkdirSync(DOCS, { recursive: true });
  browser = await launchBrowser({ viewport: VIEWPORT, acceptDownloads: true });
  context = browser.context;
});

after(async () => {
  await browser?.close();
});

// open loads a page of this file's browser, recording what must not happen on it.
function open(path, opts) {
  return openPage(context, path, opts);
}

async function viewReady(page) {
  await page.waitForFunction(() => window.__views && (window.__views.ready || window.__views.error), null, { timeout: 30_000 });
  const error = await page.evaluate(() => window.__views.error);
  assert.equal(error, null, `the view reported: ${error}`);
}

// sideOf maps each actor of the API's camps to its side (A: first camp of
// its group, B: second), as the views draw them.
function sidesOf(camps) {
  const out = new Map();
  const seen = new Set();
  for (const c of camps.camps) {
    const side = seen.has(c.group) ? 'B' : 'A';
    seen.add(c.group);
    for (const a of c.actors) out.set(a.id, side);
  }
  return out;
}

test('who countered whom: the article\'s counters as arrows between actors; an arrow lists its counters in their words; an actor opens its trace', { timeout: 90_000 }, async () => {
  const { counterSummary } = await api('query($ds: [ID!]) { counterSummary(datasets: $ds) { by { id } against { id } count } }', { ds: [ARTICLE] });
  assert.ok(counterSummary.length >= 3, `the article has ${counterSummary.length} countering pairs`);
  const want = counterSummary.map((x) => `REBUTS:${x.by.id}~${x.against.id}=${x.count}`).sort();

  const page = await open(`/?mode=network&ds=${ARTICLE}`);
  await viewReady(page);
  const net = await page.evaluate(() => window.__views.network);
  assert.deepEqual(net.edges.map((e) => `${e.id}=${e.count}`).sort(), want, 'one arrow per countering pair, weighted by its counters');
  for (const e of net.edges) {
    assert.equal(await page.locator(`#view-svg g[data-edge="${e.id}"]`).count(), 1, `arrow ${e.id} drawn`);
  }
  // Every actor of a counter is drawn, with its kind's shape.
  const drawn = await page.locator('#view-svg g[data-actor]').evaluateAll((els) => els.map((el) => el.dataset.actor));
  for (const x of counterSummary) assert.ok(drawn.includes(x.by.id) && drawn.includes(x.against.id), `${x.by.id} and ${x.against.id} drawn`);
  assert.equal(await page.locator(`#view-svg g[data-actor="${LITT}"] circle`).count(), 1, 'a person is a circle');
  assert.equal(await page.locator(`#view-svg g[data-actor="${NSO}"] polygon`).count(), 1, 'a collective is a polygon (octagon)');
  // The panel says the counters as text: one button per pair.
  assert.equal(await page.locator('#details-body ul.pairs li').count(), counterSummary.length);

  // Click the arrow from the national-security officials to the commerce officials.
  const { counters } = await api(`query($by: ID!, $against: ID!, $ds: [ID!]) { counters(by: $by, against: $against, datasets: $ds) {
      counter { id text quotes { text kind } } target { id text quotes { text kind } } } }`, { by: NSO, against: COMMERCE, ds: [ARTICLE] });
  assert.ok(counters.length >= 1);
  const edgeId = `REBUTS:${NSO}~${COMMERCE}`;
  await page.locator(`#view-svg g[data-edge="${edgeId}"] path.hit`).click();
  await page.waitForFunction((id) => window.__explorer.detailsFor === id, edgeId, { timeout: 15_000 });
  assert.equal(new URL(page.url()).searchParams.get('edge'), edgeId, 'the URL keeps the open arrow');
  const panel = page.locator('#details-body');
  assert.equal(await panel.locator('ol.pair-list > li').count(), counters.length, 'every counter of the pair is listed');
  for (const k of counters) {
    const li = panel.locator(`ol.pair-list > li[data-counter="${k.counter.id}"][data-target="${k.target.id}"]`);
    assert.equal(await li.count(), 1, `counter ${k.counter.id} → ${k.target.id} listed`);
    for (const [c, role] of [[k.counter, 'counter'], [k.target, 'target']]) {
      const block = li.locator(`.pair-claim.${role}`);
      assert.match(await block.textContent(), new RegExp(c.text.slice(0, 40).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), `${role} claim's text`);
      // Its words, as the model says: direct quotes in quotation marks, paraphrases never.
      for (const q of c.quotes) {
        const shown = await block.locator(`[data-quote-kind="${q.kind}"] blockquote`).allTextContents();
        const norm = (x) => x.replace(/\s+/g, ' ').trim();
        if (q.kind === 'DIRECT') assert.ok(shown.map(norm).includes(`“${norm(q.text)}”`), `direct quote "${q.text}" in quotation marks; shown: ${shown}`);
        else assert.ok(shown.map(norm).includes(norm(q.text)), `paraphrase "${q.text}" without quotation marks; shown: ${shown}`);
      }
    }
  }
  assert.deepEqual(await lowContrast(page), [], 'text below WCAG AA contrast');
  await page.mouse.move(1, VIEWPORT.height - 1);
  await page.screenshot({ path: join(DOCS, 'views-network.png') });

  // Keyboard: an arrow is a button that Enter opens.
  const other = net.edges.find((e) => e.id !== edgeId);
  await page.locator(`#view-svg g[data-edge="${other.id}"] path.hit`).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => window.__explorer.detailsFor === id, other.id, { timeout: 15_000 });
  assert.equal(await page.locator('#details-body ol.pair-list > li').count() > 0, true);

  // A shared URL shows the same picture: the same positions, the same arrow open.
  const shared = page.url();
  const positions = await page.evaluate(() => window.__views.network.positions);
  const second = await open(shared.replace(BASE, ''));
  await viewReady(second);
  await second.waitForFunction((id) => window.__explorer.detailsFor === id, other.id, { timeout: 15_000 });
  assert.deepEqual(await second.evaluate(() => window.__views.network.positions), positions, 'the layout is the same on every load');
  await done(second);

  // Clicking an actor opens its trace.
  await page.locator(`#view-svg g[data-actor="${LITT}"]`).click();
  await page.waitForFunction(() => typeof window.__explorer.traceDone === 'string' && window.__explorer.mode === 'trace', null, { timeout: 30_000 });
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('mode'), 'trace');
  assert.equal(url.searchParams.get('a'), LITT);
  assert.ok((await page.evaluate(() => window.__explorer.highlighted)).includes(LITT), 'the trace highlights the actor');
  assert.equal(await page.locator('#cy').isVisible(), true, 'the graph is shown again');
  await done(page);
});

test('the network\'s filters: relation kinds, a date range and only actors with an edge, in the URL', { timeout: 60_000 }, async () => {
  const page = await open(`/?mode=network&ds=${ARTICLE}`);
  await viewReady(page);
  const all = await page.evaluate(() => window.__views.network);
  await page.locator('#view-rels input[data-view-rel="SUPPORTS"]').check();
  await page.waitForFunction(() => window.__views.ready && window.__views.shown?.rels.includes('SUPPORTS'), null, { timeout: 15_000 });
  assert.equal(new URL(page.url()).searchParams.get('rels'), 'REBUTS,SUPPORTS');
  const withSupports = await page.evaluate(() => window.__views.network);
  for (const e of withSupports.edges) assert.notEqual(e.from, e.to, 'no actor supports or counters itself');

  // A date range keeps the counters whose claims both overlap it.
  const { timeline } = await api('query($ds: [ID!]) { timeline(datasets: $ds, from: "2015-08", to: "2015-08") { counters { counter { id } target { id } by { id } against { id } } } }', { ds: [ARTICLE] });
  await page.fill('#view-from', '2015-08');
  await page.press('#view-from', 'Tab');
  await page.fill('#view-to', '2015-08');
  await page.press('#view-to', 'Tab');
  await page.waitForFunction(() => window.__views.ready && window.__views.shown?.from === '2015-08' && window.__views.shown?.to === '2015-08', null, { timeout: 15_000 });
  const ranged = await page.evaluate(() => window.__views.network.edges.filter((e) => e.kind === 'REBUTS'));
  const pairs = new Set(timeline.counters.flatMap((k) => k.by.flatMap((b) => k.against.map((a) => `REBUTS:${b.id}~${a.id}`))));
  assert.deepEqual(ranged.map((e) => e.id).sort(), [...pairs].sort(), 'counters of August 2015 only');
  assert.ok(ranged.length < all.edges.length);

  await page.getByLabel('Only actors with an edge').check();
  await page.waitForFunction(() => window.__views.ready && window.__views.shown?.ties === true, null, { timeout: 15_000 });
  const tied = await page.evaluate(() => window.__views.network);
  const ends = new Set(tied.edges.flatMap((e) => [e.from, e.to]));
  assert.deepEqual(tied.actors.map((a) => a.id).sort(), [...ends].sort());
  await done(page);
});

test('the curator\'s readings are drawn as such: inferred counters dotted, one pushback with two reasons counted once, Yates "by July 2015", inferred years marked', { timeout: 60_000 }, async () => {
  const { counterSummary } = await api('query($ds: [ID!]) { counterSummary(datasets: $ds) { by { id } against { id } count inferred } }', { ds: [ARTICLE] });
  const page = await open(`/?mode=network&ds=${ARTICLE}`);
  await viewReady(page);
  const arrows = await page.locator('#view-svg g[data-edge]').evaluateAll((els) => els.map((el) => ({
    id: el.dataset.edge, count: el.dataset.count, inferred: el.dataset.inferred, dash: el.querySelector('path').getAttribute('stroke-dasharray'),
  })));
  for (const x of counterSummary) {
    const a = arrows.find((e) => e.id === `REBUTS:${x.by.id}~${x.against.id}`);
    assert.ok(a, `an arrow for ${x.by.id} > ${x.against.id}`);
    assert.equal(a.count, String(x.count), `${a.id}: weighed in exchanges, as counterSummary counts`);
    assert.equal(a.inferred, String(x.inferred), `${a.id}: the curator's reading is marked as counterSummary says`);
    assert.equal(!!a.dash, x.inferred, `${a.id}: dotted exactly when it is the curator's reading (dash ${a.dash})`);
  }
  assert.ok(arrows.some((e) => e.id === `REBUTS:${LITT}~nsc-staff` && e.inferred === 'true'), 'Litt\'s "Really?" against the NSC staff, dotted');
  const pushback = arrows.find((e) => e.id === `REBUTS:${NSO}~${COMMERCE}`);
  assert.equal(pushback.count, '1', 'the national security officials\' pushback with two reasons is one exchange');
  const text = await page.locator('#details-body').textContent();
  assert.ok(!/×\s*2/.test(text), `no "×2" in the view's text: ${text}`);
  await done(page);

  const tl = await open(`/?mode=timeline&ds=${ARTICLE}`);
  await viewReady(tl);
  const yates = await tl.locator('#view-svg g[data-claim="work-with-individual-companies"]').evaluate((el) => ({ bound: el.dataset.bound, when: el.dataset.when, inferred: el.dataset.dateInferred }));
  assert.equal(yates.bound, 'BY');
  assert.match(yates.when, /^by July 2015\b/, 'Yates testified "By July"');
  assert.equal(yates.inferred, 'true', 'the year is the article\'s, not the text\'s');
  assert.match(yates.when, /year inferred by the curator/);
  await done(tl);
});

test('the debate over time: the July paper before the August e-mail, month-precision claims drawn as months, undated claims apart', { timeout: 60_000 }, async () => {
  const { timeline } = await api(`query($ds: [ID!]) { timeline(datasets: $ds) {
      entries { claim { id } when { precision first last } } undated { id }
      documents { source { id } when { first last } } counters { counter { id } target { id } } } }`, { ds: [ARTICLE] });
  const page = await open(`/?mode=timeline&ds=${ARTICLE}`);
  await viewReady(page);
  const tl = await page.evaluate(() => window.__views.timeline);
  const doc = (id) => tl.documents.find((d) => d.id === id);
  assert.ok(doc(PAPER) && doc(EMAIL), 'the paper and the e-mail are on the timeline');
  assert.ok(doc(PAPER).x + doc(PAPER).w <= doc(EMAIL).x + 0.01, `the July paper (x ${doc(PAPER).x}) ends before the August e-mail (x ${doc(EMAIL).x}) starts`);
  assert.equal(tl.documents.length, timeline.documents.length);

  // Every dated claim is placed over the days its date covers.
  const days = (w) => (Date.parse(w.last) - Date.parse(w.first)) / 86400000 + 1;
  const bands = await page.locator('#view-svg g[data-claim]').evaluateAll((els) => els.map((el) => ({
    id: el.dataset.claim, precision: el.dataset.precision, w: Number(el.querySelector('rect:last-of-type').getAttribute('width')),
  })));
  const months = timeline.entries.filter((e) => e.when.precision === 'MONTH');
  assert.ok(months.length >= 5, 'the article dates claims to the month');
  for (const e of timeline.entries) {
    const drawn = bands.filter((b) => b.id === e.claim.id);
    assert.ok(drawn.length >= 1, `claim ${e.claim.id} is placed`);
    for (const b of drawn) {
      assert.equal(b.precision, e.when.precision, e.claim.id);
      const want = days(e.when) * tl.dayWidth;
      assert.ok(Math.abs(b.w - want) < 1, `${e.claim.id} (${e.when.precision}) is ${b.w.toFixed(1)} px wide, want ${want.toFixed(1)} (its ${days(e.when)} days)`);
      if (e.when.precision === 'MONTH') assert.ok(b.w >= 27 * tl.dayWidth, `${e.claim.id}: a month, not a day`);
    }
  }
  // Counters between the lanes, the undated claims listed apart.
  assert.equal(await page.locator('#view-svg g[data-part="counters"] > g').count() >= timeline.counters.length, true, 'every counter drawn');
  assert.deepEqual([...tl.undated].sort(), timeline.undated.map((c) => c.id).sort());
  for (const c of timeline.undated) assert.equal(await page.locator(`#view-undated li[data-claim-id="${c.id}"]`).count(), 1);
  assert.deepEqual(await lowContrast(page), [], 'text below WCAG AA contrast');
  await page.mouse.move(1, VIEWPORT.height - 1);
  await page.screenshot({ path: join(DOCS, 'views-timeline.png') });

  // A claim opens its panel.
  const first = months[0].claim.id;
  await page.locator(`#view-svg g[data-claim="${first}"]`).first().click();
  await page.waitForFunction((id) => window.__explorer.detailsFor === id, first, { timeout: 15_000 });
  await done(page);
});

test('camps: the security officials against the commerce, trade and technology officials, as colours and as lanes, with the frustration', { timeout: 60_000 }, async () => {
  const { camps } = await api(`query($ds: [ID!]) { camps(datasets: $ds) { camps { group actors { id } } unsure { id } frustration ties frustrated { why } } }`, { ds: [ARTICLE] });
  const sides = sidesOf(camps);
  const security = new Set(SECURITY_SIDE.map((id) => sides.get(id)));
  const commerce = new Set(COMMERCE_SIDE.map((id) => sides.get(id)));
  assert.equal(security.size, 1, `the security officials in one camp: ${[...security]}`);
  assert.equal(commerce.size, 1, `the commerce officials in one camp: ${[...commerce]}`);
  assert.notEqual([...security][0], [...commerce][0], 'two different camps');

  // The network colours them by camp (fill and pattern).
  const page = await open(`/?mode=network&ds=${ARTICLE}`);
  await viewReady(page);
  const drawn = await page.evaluate(() => Object.fromEntries(window.__views.network.actors.map((a) => [a.id, a.camp])));
  for (const [id, side] of sides) if (drawn[id]) assert.equal(drawn[id], side, `${id} drawn in camp ${side}`);
  const fills = await page.locator('#view-svg g[data-actor]').evaluateAll((els) => Object.fromEntries(els.map((el) => [el.dataset.camp, el.firstElementChild.getAttribute('fill')])));
  assert.notEqual(fills.A, fills.B);
  assert.ok([fills.A, fills.B].some((f) => f.startsWith('url(#')), 'one camp is patterned, so that greyscale keeps them apart');
  const legend = await page.textContent('#camps-legend');
  assert.match(legend, new RegExp(`frustration ${Math.round(camps.frustration * 1000) / 10}%`));
  assert.match(legend, /Camp A/);
  await done(page);

  // The timeline's lanes by camp.
  const tl = await open(`/?mode=timeline&ds=${ARTICLE}&lanes=camp`);
  await viewReady(tl);
  const lanes = await tl.evaluate(() => window.__views.timeline.lanes);
  assert.deepEqual(lanes.map((l) => l.camp).filter((c) => c !== 'none'), ['A', 'B'], 'one lane a camp');
  const { timeline } = await api('query($ds: [ID!]) { timeline(datasets: $ds) { entries { claim { id assertions { actor { id } } } } } }', { ds: [ARTICLE] });
  for (const e of timeline.entries) {
    for (const a of e.claim.assertions) {
      const side = sides.get(a.actor.id) || 'none';
      assert.ok(lanes.some((l) => l.camp === side && l.claims.includes(e.claim.id)), `${e.claim.id} in the lane of ${a.actor.id}'s camp (${side})`);
    }
  }
  assert.equal(await tl.getByRole('radio', { name: 'Camp' }).isChecked(), true);
  await tl.mouse.move(1, VIEWPORT.height - 1);
  await tl.screenshot({ path: join(DOCS, 'views-camps.png') });
  await done(tl);
});

// pngChunks reads a PNG's chunks, checking each CRC.
function pngChunks(buf) {
  assert.deepEqual([...buf.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'PNG signature');
  const table = Array.from({ length: 256 }, (_, i) => {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b) => { let c = 0xffffffff; for (const x of b) c = table[(c ^ x) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
  const chunks = [];
  for (let at = 8; at < buf.length;) {
    const len = buf.readUInt32BE(at);
    const type = buf.subarray(at + 4, at + 8).toString('latin1');
    const data = buf.subarray(at + 8, at + 8 + len);
    assert.equal(buf.readUInt32BE(at + 8 + len), crc(buf.subarray(at + 4, at + 8 + len)), `CRC of ${type}`);
    chunks.push({ type, data });
    at += 12 + len;
  }
  return chunks;
}

test('graphics to publish: the SVG and PNG exports open and carry the caption, the credit and the date', { timeout: 90_000 }, async () => {
  const { datasets } = await api('{ datasets { id title } }');
  const title = datasets.find((d) => d.id === ARTICLE).title;
  const caption = `Who pushed back on whom over encryption (test ${Date.now().toString(36)})`;
  const page = await open(`/?mode=network&ds=${ARTICLE}`);
  await viewReady(page);
  await page.fill('#view-caption', caption);
  await page.press('#view-caption', 'Tab');
  assert.equal(new URL(page.url()).searchParams.get('caption'), caption, 'the caption is in the URL');

  // SVG: parses as XML, holds the caption, the credit and the date as text.
  let downloading = page.waitForEvent('download');
  await page.click('#export-svg');
  const svgFile = await downloading;
  assert.match(svgFile.suggestedFilename(), /^counterpoint-network-wapo-2015-encryption-\d{4}-\d{2}-\d{2}\.svg$/);
  const svg = readFileSync(await svgFile.path(), 'utf8');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent || null,
      root: doc.documentElement.nodeName,
      texts: [...doc.querySelectorAll('text')].map((t) => t.textContent),
      edges: doc.querySelectorAll('g[data-edge]').length,
      interactive: doc.querySelectorAll('[tabindex], [role="button"]').length,
    };
  }, svg);
  assert.equal(parsed.error, null, 'the SVG parses');
  assert.equal(parsed.root, 'svg');
  const all = parsed.texts.join(' ');
  assert.ok(all.includes(caption.slice(0, 30)), 'the caption is in the SVG');
  assert.ok(all.includes(`Source: ${title}`.slice(0, 40)), `the credit is in the SVG: ${all.slice(-300)}`);
  assert.match(all, /Made with Counterpoint on \d{4}-\d{2}-\d{2}/);
  assert.ok(parsed.edges >= 3, 'the arrows are in it');
  assert.equal(parsed.interactive, 0, 'the file is a picture, not the page\'s buttons');

  // PNG: valid chunks, the caption in its iTXt Title, the pixels decode and
  // the caption's line is drawn.
  downloading = page.waitForEvent('download');
  await page.click('#export-png');
  const pngFile = await downloading;
  assert.match(pngFile.suggestedFilename(), /\.png$/);
  const png = readFileSync(await pngFile.path());
  const chunks = pngChunks(png);
  const ihdr = chunks.find((c) => c.type === 'IHDR').data;
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  assert.ok(width >= 1000 && height >= 600, `${width}×${height}`);
  const text = Object.fromEntries(chunks.filter((c) => c.type === 'iTXt').map((c) => {
    const nul = c.data.indexOf(0);
    return [c.data.subarray(0, nul).toString('latin1'), c.data.subarray(nul + 5).toString('utf8')];
  }));
  assert.equal(text.Title, caption);
  assert.match(text.Source, /^Source: /);
  assert.match(text['Creation Time'], /^\d{4}-\d{2}-\d{2}$/);
  const raw = inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  const channels = { 2: 3, 6: 4 }[ihdr[9]];
  assert.equal(ihdr[8], 8, '8 bits a channel');
  assert.equal(raw.length, height * (1 + width * channels), 'the image data inflates to its size');
  const ink = await page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
    const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const c = document.createElement('canvas');
    c.width = bmp.width;
    c.height = 90;
    c.getContext('2d').drawImage(bmp, 0, 0);
    const px = c.getContext('2d').getImageData(0, 0, c.width, 90).data;
    let dark = 0;
    for (let i = 0; i < px.length; i += 4) if (px[i] + px[i + 1] + px[i + 2] < 200) dark++;
    return { dark, w: bmp.width };
  }, png.toString('base64'));
  assert.equal(ink.w, width);
  assert.ok(ink.dark > 500, `the caption's line is drawn (${ink.dark} dark pixels in the top 90 rows)`);
  await done(page);
});

test('the embed works inside an iframe on another origin, read-only, with the counters as text', { timeout: 90_000 }, async () => {
  const { counterSummary } = await api('query($ds: [ID!]) { counterSummary(datasets: $ds) { by { name } against { name } count } }', { ds: [ARTICLE] });
  const caption = 'Who countered whom in the White House encryption debate';
  const src = `${BASE}/embed?mode=network&ds=${ARTICLE}&caption=${encodeURIComponent(caption)}`;
  const host = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A news page</title></head>
<body style="font-family: sans-serif; margin: 24px; background: #f4f4f0">
<h1>A news page on another origin</h1>
<p>The graphic below is embedded from Counterpoint.</p>
<iframe id="cp" src="${src}" title="${caption}" width="1100" height="760" style="border:0; background:#fff"></iframe>
<script>
  // The host's few lines: size the iframe as the embed says.
  window.addEventListener('message', (e) => {
    if (e.data && e.data.counterpoint === 'embed-height') {
      document.getElementById('cp').height = e.data.height;
      window.embedHeight = e.data.height;
    }
  });
</script>
</body></html>`);
  });
  await new Promise((r) => host.listen(0, '127.0.0.1', r));
  const hostOrigin = `http://127.0.0.1:${host.address().port}`;
  try {
    assert.notEqual(hostOrigin, ORIGIN);
    const page = await open(`${hostOrigin}/`, { allowed: [hostOrigin] });
    const frame = await (await page.waitForSelector('#cp')).contentFrame();
    await frame.waitForFunction(() => window.__views && (window.__views.ready || window.__views.error), null, { timeout: 30_000 });
    assert.equal(await frame.evaluate(() => window.__views.error), null);
    assert.equal(await frame.evaluate(() => window.self !== window.top), true, 'it runs in a frame');
    // The embed tells the host its height, and the host sized the iframe to it.
    await page.waitForFunction(() => window.embedHeight > 0, null, { timeout: 10_000 });
    const told = await page.evaluate(() => window.embedHeight);
    assert.equal(await page.evaluate(() => Number(document.getElementById('cp').height)), told);
    assert.equal(told, await frame.evaluate(() => Math.ceil(document.documentElement.scrollHeight)), 'the height told is the embed\'s own');
    assert.ok(await frame.locator('svg[data-view="network"]').count() === 1, 'the network is drawn');
    assert.equal(await frame.locator('svg [tabindex], svg [role="button"]').count(), 0, 'read-only: no buttons on the drawing');
    assert.match(await frame.textContent('.embed-caption'), new RegExp(caption));
    assert.match(await frame.textContent('.embed-credit'), /^Source: /);
    // The text alternative lists every countering pair.
    const alt = await frame.textContent('#embed-text');
    for (const x of counterSummary) assert.ok(alt.includes(`${x.by.name} countered ${x.against.name}`), `text alternative lists ${x.by.name} → ${x.against.name}`);
    const label = await frame.getAttribute('svg[data-view="network"]', 'aria-describedby');
    assert.ok(label?.includes('embed-text'), 'the drawing points to its text version');
    await page.screenshot({ path: join(DOCS, 'views-embed.png') });
    await done(page);

    // The timeline embeds too.
    const tl = await open(`${BASE}/embed?mode=timeline&ds=${ARTICLE}`);
    await viewReady(tl);
    assert.ok(await tl.locator('svg[data-view="timeline"]').count() === 1);
    assert.match(await tl.textContent('#embed-text'), /Undated claims/);
    await done(tl);
  } finally {
    host.close();
  }
  // The server lets other origins frame /embed, and only /embed.
  const embedCSP = (await fetch(`${BASE}/embed?mode=network`)).headers.get('content-security-policy');
  assert.match(embedCSP, /frame-ancestors \*/);
  const homeCSP = (await fetch(`${BASE}/`)).headers.get('content-security-policy');
  assert.match(homeCSP, /frame-ancestors 'self'/);
});

test('the explorer names the datasets and opens on their default scope', { timeout: 60_000 }, async () => {
  const { datasets } = await api('{ datasets { id title claimCount } }');
  const page = await open('/?mode=network');
  await viewReady(page);
  const card = await page.textContent('#datasets-card');
  for (const d of datasets.filter((x) => x.claimCount > 0).slice(0, 5)) assert.ok(card.includes((d.title || d.id).slice(0, 30)), `the chooser names ${d.id}`);
  await done(page);
});

// The network view draws exactly the ties the camps weigh: its arrows
// (kind, from, to, weight) are the counter and support ties of
// camps.weighed, pair by pair, read from the API apart from the page; it
// draws no other kind. networkEdges reads the arrows off the drawing.
async function networkEdges(page) {
  return (await page.locator('#view-svg g[data-edge]').evaluateAll((els) => els.map((el) => `${el.dataset.kind}:${el.dataset.from}~${el.dataset.to}=${el.dataset.count}`))).sort();
}

async function weighedEdges(datasets) {
  const { camps } = await api('query($ds: [ID!]) { camps(datasets: $ds) { weighed { from { id } to { id } kind claims } } }', { ds: datasets });
  const as = { COUNTER: 'REBUTS', SUPPORT: 'SUPPORTS' };
  // A counter arrow weighs its exchanges (the claims countered, as
  // counterSummary counts them), a support arrow its relations.
  const count = new Map();
  const seen = new Set();
  for (const t of camps.weighed) {
    if (!as[t.kind]) continue;
    const id = `${as[t.kind]}:${t.from.id}~${t.to.id}`;
    const unit = t.kind === 'COUNTER' ? `${id} ${t.claims[1]}` : `${id} ${t.claims.join('>')} ${seen.size}`;
    if (seen.has(unit)) continue;
    seen.add(unit);
    count.set(id, (count.get(id) || 0) + 1);
  }
  return [...count].map(([id, k]) => `${id}=${k}`).sort();
}

async function assertDrawsTheWeighedTies(datasets, what) {
  const want = await weighedEdges(datasets);
  const page = await open(`/?mode=network&ds=${datasets.join(',')}&rels=REBUTS,SUPPORTS`);
  await viewReady(page);
  assert.deepEqual(await page.evaluate(() => window.__views.shown.datasets), datasets, `${what}: the view is scoped to the datasets`);
  const drawn = await networkEdges(page);
  assert.deepEqual(drawn, want, `${what}: the arrows drawn (left) are the counter and support ties the camps weigh (right)`);
  assert.ok(want.some((e) => e.startsWith('REBUTS:')) && want.some((e) => e.startsWith('SUPPORTS:')), `${what}: counters and supports to compare: ${want}`);
  await done(page);
  return drawn;
}

test('the network draws exactly the ties the camps weigh, on the article', { timeout: 60_000 }, async () => {
  await assertDrawsTheWeighedTies([ARTICLE], 'the article');
});

// A generated debate, written through the API and deleted afterwards:
// actors who endorse or only present claims, several to a claim, so that
// an actor endorses both ends of some relations (the case where the camps'
// counter rule ties fewer actors than every endorser of one claim to every
// endorser of the other), rebuttals, supports and qualifications, and a
// group with members.
const GEN = 'views-generated-ties';
const TOKEN = process.env.STUDIO_TOKEN || 'curator-test-token-1';

async function write(query, variables) {
  const res = await fetch(`${BASE}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  assert.equal(body.errors, undefined, `API errors: ${JSON.stringify(body.errors)} for ${JSON.stringify(variables)}`);
  return body.data;
}

function generatedDebate(seed) {
  const rand = mulberry32(seed);
  const pick = (n) => Math.floor(rand() * n);
  const actors = Array.from({ length: 9 }, (_, i) => ({ id: `${GEN}-a${i}`, name: `Generated actor ${i}`, kind: 'PERSON', memberOf: i < 3 ? [`${GEN}-group`] : [] }));
  const group = { id: `${GEN}-group`, name: 'Generated group', kind: 'ORGANIZATION', memberOf: [] };
  const sentences = Array.from({ length: 30 }, (_, i) => `Generated statement ${i} on the sea wall.`);
  const text = sentences.join(' ');
  let at = 0;
  const claims = sentences.map((words, i) => {
    const start = at;
    at += words.length + 1;
    const who = [...new Set(Array.from({ length: 1 + pick(3) }, () => pick(actors.length)))];
    return {
      id: `${GEN}-c${i}`, text: `Generated claim ${i}.`, dataset: GEN,
      assertions: who.map((a) => ({ actor: actors[a].id, source: `${GEN}-source`, attribution: 'ON_RECORD', stance: rand() < 0.2 ? 'PRESENTS' : 'ENDORSES' })),
      quotes: [{ text: words, source: `${GEN}-source`, start, end: start + words.length }],
    };
  });
  const relations = [];
  const seen = new Set();
  while (relations.length < 45) {
    const a = pick(claims.length);
    const b = pick(claims.length);
    const key = [Math.min(a, b), Math.max(a, b)].join('-');
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    const kind = ['REBUTS', 'SUPPORTS', 'QUALIFIES'][pick(3)];
    relations.push({ kind, from: claims[a].id, to: claims[b].id, inferred: true, note: 'Generated for the network test.' });
  }
  return { actors: [group, ...actors], claims, relations, text };
}

// endorserPairs is the rule the network view once had (every endorser of
// one claim to every endorser of the other, but never an actor to itself):
// the generated debate must hold a tie it draws that the camps do not
// weigh, or the comparison could not catch that drift.
function endorserPairs(g) {
  const endorsers = new Map(g.claims.map((c) => [c.id, c.assertions.filter((a) => a.stance === 'ENDORSES').map((a) => a.actor)]));
  const out = new Set();
  for (const r of g.relations) {
    if (r.kind !== 'SUPPORTS') continue;
    for (const b of endorsers.get(r.from)) for (const a of endorsers.get(r.to)) if (a !== b) out.add(`SUPPORTS:${b}~${a}`);
  }
  return out;
}

test('the network draws exactly the ties the camps weigh, on a generated debate', { timeout: 120_000 }, async () => {
  const g = generatedDebate(18);
  try {
    await write('mutation($in: ImportSourceInput!) { importSource(input: $in) { source { id } } }',
      { in: { id: `${GEN}-source`, title: 'A generated debate', kind: 'ARTICLE', text: g.text } });
    for (const a of g.actors) await write('mutation($in: ActorInput!) { upsertActor(input: $in) { id } }', { in: a });
    for (const c of g.claims) await write('mutation($in: ClaimInput!) { upsertClaim(input: $in) { id } }', { in: c });
    for (const r of g.relations) await write('mutation($in: RelationInput!) { addRelation(input: $in) { kind } }', { in: r });
    const drawn = await assertDrawsTheWeighedTies([GEN], 'the generated debate');
    const drawnIds = new Set(drawn.map((e) => e.replace(/=\d+$/, '')));
    assert.ok([...endorserPairs(g)].some((id) => !drawnIds.has(id)), 'the generated debate holds a support between endorsers that the camps do not weigh');
  } finally {
    for (const c of g.claims) {
      const { claim } = await api('query($id: ID!) { claim(id: $id) { version } }', { id: c.id });
      if (claim) await write('mutation($id: ID!, $v: Int!) { deleteClaim(id: $id, version: $v) }', { id: c.id, v: claim.version });
    }
    for (const a of [...g.actors].reverse()) {
      const { actor } = await api('query($id: ID!) { actor(id: $id) { version } }', { id: a.id });
      if (actor) await write('mutation($id: ID!, $v: Int!) { deleteActor(id: $id, version: $v) }', { id: a.id, v: actor.version });
    }
    const { source } = await api('query($id: ID!) { source(id: $id) { version } }', { id: `${GEN}-source` });
    if (source) await write('mutation($id: ID!, $v: Int!) { deleteSource(id: $id, version: $v) }', { id: `${GEN}-source`, v: source.version });
  }
});
