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
import { RUNS, median, ms, startBench } from './harness.mjs';

const NODES = Number(process.env.BENCH_NODES || 5000);

const { base, context, close } = await startBench(`explorer render benchmark: ${NODES} nodes`);

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
  await close();
}

const pick = (k) => results.map((r) => r[k]);
console.log(`median over ${results.length} runs: first render ${median(pick('firstRenderMs')).toFixed(0)} ms `
  + `(graph build ${median(pick('createMs')).toFixed(0)} ms, layout ${median(pick('layoutMs')).toFixed(0)} ms), `
  + `zoom frame ${median(pick('zoomFrameMs')).toFixed(0)} ms`);
