// What the page benchmarks share: web/dist served on a free loopback port
// (unless EXPLORER_URL names a server), Debian's headless Chromium through
// playwright-core, the machine described, and the median.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, totalmem, tmpdir, platform, release } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const RUNS = Number(process.env.BENCH_RUNS || 5);
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

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const ms = (x) => `${x.toFixed(0).padStart(6)} ms`;

// startBench serves the page, launches the browser and prints what the
// numbers were measured on, under title; close() stops both.
export async function startBench(title) {
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
  console.log(`${title}, ${RUNS} runs, viewport 1600x1000`);
  console.log(`machine: ${cpu[0]?.model || 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${platform()} ${release()}`);
  console.log(`browser: ${version} (headless, --disable-gpu), page from ${base}`);
  return {
    base,
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      server?.close();
    },
  };
}
