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
import { RUNS, median, ms, startBench } from './harness.mjs';

const ACTORS = Number(process.env.BENCH_ACTORS || 1000);

const { base, context, close } = await startBench(`actor network benchmark: ${ACTORS} actors`);

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
  await close();
}

const pick = (k) => results.map((r) => r[k]);
console.log(`median over ${results.length} runs: first frame ${median(pick('firstFrameMs')).toFixed(0)} ms `
  + `(build and layout ${median(pick('buildLayoutMs')).toFixed(0)} ms, draw ${median(pick('drawMs')).toFixed(0)} ms), `
  + `max ${Math.max(...pick('firstFrameMs')).toFixed(0)} ms`);
