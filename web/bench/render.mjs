// Benchmark: how long the explorer takes to show a 5,000-node graph.
//
//   npm run bench                      (in web/, after npm run build)
//   BENCH_NODES=5000 BENCH_RUNS=7 EXPLORER_URL=http://127.0.0.1:8080 npm run bench
//
// Each run opens /?bench=N in a fresh page of headless Chromium (Debian's,
// through playwright-core): the page makes a synthetic debate of N nodes
// client-side (src/synthetic.js, shown by src/bench.js; no API involved),
// builds the Cytoscape graph, runs the layout the explorer uses at that
// size, and waits until the first frame is painted. Without EXPLORER_URL
// the script serves web/dist itself on a free loopback port. It prints each
// run and the medians.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, totalmem, tmpdir, platform, release } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const NODES = Number(process.env.BENCH_NODES || 5000);
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
console.log(`explorer render benchmark: ${NODES} nodes, ${RUNS} runs, viewport 1600x1000`);
console.log(`machine: ${cpu[0]?.model || 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${platform()} ${release()}`);
console.log(`browser: ${version} (headless, --disable-gpu), page from ${base}`);

const results = [];
try {
  for (let i = 1; i <= RUNS; i++) {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(`${base}/?bench=${NODES}`);
    await page.waitForFunction(() => window.__explorer?.bench, null, { timeout: 300_000 });
    const r = await page.evaluate(() => window.__explorer.bench);
    await page.close();
    if (errors.length) throw new Error(`run ${i}: page errors: ${errors.join('; ')}`);
    results.push(r);
    console.log(`run ${i}: ${r.nodes} nodes, ${r.edges} edges, layout ${r.layout}: build ${ms(r.createMs)}, layout ${ms(r.layoutMs)}, first render ${ms(r.firstRenderMs)}, zoom frame ${ms(r.zoomFrameMs)}`);
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  server?.close();
}

const pick = (k) => results.map((r) => r[k]);
console.log(`median over ${results.length} runs: first render ${median(pick('firstRenderMs')).toFixed(0)} ms `
  + `(graph build ${median(pick('createMs')).toFixed(0)} ms, layout ${median(pick('layoutMs')).toFixed(0)} ms), `
  + `zoom frame ${median(pick('zoomFrameMs')).toFixed(0)} ms`);
