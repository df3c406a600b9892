// Benchmark: how long the explorer's actor network takes to draw its
// first frame for 1,000 actors.
//
//   npm run bench:views                  (in web/, after npm run build)
//   BENCH_ACTORS=1000 BENCH_RUNS=7 EXPLORER_URL=http://127.0.0.1:8080 npm run bench:views
//
// Each run opens /?bench=N&mode=network in a fresh page of headless
// Chromium (Debian's, through playwright-core): the page makes a synthetic
// debate of N actors in the shape the API answers (src/viewbench.js; no API
// involved), builds the network, lays it out, draws it in SVG and waits
// until the first frame is painted; the time runs from the data in hand to
// that frame. Without EXPLORER_URL the script serves web/dist itself on a
// free loopback port. It prints each run and the medians.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, totalmem, tmpdir, platform, release } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ACTORS = Number(process.env.BENCH_ACTORS || 1000);
const RUNS = Number(process.env.BENCH_RUNS || 5);
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.ttf': 'font/ttf', '.json': 'application/json',
};

function serveDist() {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error('web/dist has no index.html: run `npm run build` first (or set EXPLORER_URL).');
  }
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const file = normalize(join(DIST, path === '/' ? 'index.html' : path));
    if (!file.startsWith(DIST)) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => `${x.toFixed(0).padStart(6)} ms`;

let server = null;
let base = process.env.EXPLORER_URL?.replace(/\/+$/, '');
if (!base) {
  server = await serveDist();
  base = `http://127.0.0.1:${server.address().port}`;
}

let version = 'unknown';
try {
  version = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
} catch { /* keep unknown */ }

const profile = mkdtempSync(join(tmpdir(), 'counterpoint-bench-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  viewport: { width: 1600, height: 1000 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

const cpu = cpus();
console.log(`actor network benchmark: ${ACTORS} actors, ${RUNS} runs, viewport 1600x1000`);
console.log(`machine: ${cpu[0]?.model || 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${platform()} ${release()}`);
console.log(`browser: ${version} (headless, --disable-gpu), page from ${base}`);

const results = [];
try {
  for (let i = 1; i <= RUNS; i++) {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(`${base}/?bench=${ACTORS}&mode=network`);
    await page.waitForFunction(() => window.__views?.bench, null, { timeout: 300_000 });
    const r = await page.evaluate(() => window.__views.bench);
    await page.close();
    if (errors.length) throw new Error(`run ${i}: page errors: ${errors.join('; ')}`);
    results.push(r);
    console.log(`run ${i}: ${r.actors} actors, ${r.edges} edges (${r.counters} counters), ${r.svgElements} SVG elements: `
      + `build and layout ${ms(r.buildLayoutMs)}, draw ${ms(r.drawMs)}, first frame ${ms(r.firstFrameMs)}`);
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  server?.close();
}

const pick = (k) => results.map((r) => r[k]);
console.log(`median over ${results.length} runs: first frame ${median(pick('firstFrameMs')).toFixed(0)} ms `
  + `(build and layout ${median(pick('buildLayoutMs')).toFixed(0)} ms, draw ${median(pick('drawMs')).toFixed(0)} ms), `
  + `max ${Math.max(...pick('firstFrameMs')).toFixed(0)} ms`);
