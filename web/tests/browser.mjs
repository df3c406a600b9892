// Helpers the browser tests share: a page that records what must not
// happen on it, the check that it did not, and a contrast check. Not a test
// file itself (node --test runs *.test.mjs).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const BASE = (process.env.EXPLORER_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
export const ORIGIN = new URL(BASE).origin;
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

// launchBrowser starts Debian's headless Chromium with a throw-away
// profile; close() stops it and removes the profile.
export async function launchBrowser({ viewport, acceptDownloads = false }) {
  const profile = mkdtempSync(join(tmpdir(), 'counterpoint-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    acceptDownloads,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// openPage loads path (or a whole URL) in a new page of context and
// records console errors, uncaught errors, failed requests, HTTP errors
// and requests to an origin other than the server's or allowed ones.
export async function openPage(context, path, { allowed = [] } = {}) {
  const page = await context.newPage();
  const problems = [];
  const origins = new Set([ORIGIN, ...allowed]);
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('requestfailed', (r) => {
    // A request the page itself abandons (a superseded fetch) is not a failure.
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  // The requests in flight, for idle.
  const pending = new Set();
  const finished = (r) => {
    pending.delete(r);
    if (!pending.size) for (const wake of page.waiting.splice(0)) wake();
  };
  page.pending = pending;
  page.waiting = [];
  page.on('requestfinished', finished);
  page.on('requestfailed', finished);
  page.on('request', (r) => {
    pending.add(r);
    const u = r.url();
    if (!u.startsWith('data:') && !u.startsWith('blob:') && !origins.has(new URL(u).origin)) problems.push(`request to another origin: ${u}`);
  });
  page.problems = problems;
  await page.goto(path.startsWith('http') ? path : `${BASE}${path}`);
  return page;
}

// idle waits until the page (opened by openPage) has no request in
// flight and has painted twice more, so that whatever it logs or fetches
// for what happened so far has been recorded: the browser delivers a page's
// console messages in order, before the answer to a later evaluate.
export async function idle(page, timeout = 15_000) {
  if (page.pending.size) {
    let timer;
    await Promise.race([
      new Promise((resolve) => page.waiting.push(resolve)),
      new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`requests still in flight after ${timeout} ms: ${[...page.pending].map((r) => r.url()).join(', ')}`)), timeout); }),
    ]).finally(() => clearTimeout(timer));
  }
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

// done checks that nothing openPage records happened, then closes the page.
export async function done(page) {
  await idle(page);
  assert.deepEqual(page.problems, [], 'the page logged errors or made failed or foreign requests');
  await page.close();
}

// lowContrast lists visible text whose contrast with its background is
// below WCAG AA (4.5:1, or 3:1 for large text). The graph's canvas is not
// checked here: its faded labels are faded on purpose, and the panel is
// the accessible view.
export async function lowContrast(page) {
  return page.evaluate(() => {
    const parse = (c) => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) return { rgb: [0, 0, 0], a: 0 };
      const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
      return { rgb: p.slice(0, 3), a: p.length > 3 ? p[3] : 1 };
    };
    const lum = ([r, g, b]) => {
      const f = (c) => { const x = c / 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c.a >= 0.9) return c.rgb;
      }
      return [255, 255, 255];
    };
    const bad = [];
    for (const el of document.querySelectorAll('body *')) {
      if (el.closest('#cy, svg, script, style, noscript')) continue;
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      if (!own || !el.getClientRects().length) continue;
      const cs = getComputedStyle(el);
      if (cs.visibility === 'hidden' || Number(cs.opacity) === 0) continue;
      const fg = parse(cs.color).rgb;
      const l1 = lum(fg);
      const l2 = lum(background(el));
      const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
      const size = parseFloat(cs.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(cs.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) bad.push(`${ratio.toFixed(2)}:1 ${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 40)}"`);
    }
    return bad;
  });
}
