// The actor network's benchmark (?bench=N&mode=network; bench/views.mjs):
// a synthetic debate of N actors in the shape the API answers, built, laid
// out and drawn as the view does, timed up to the first painted frame. The
// times go in window.__views.bench.
import { app, explorer, $ } from './app.js';
import { mulberry32 } from './random.js';
import { ACTOR_KINDS } from './state.js';
import { networkFrom, drawNetworkView, networkSummary } from './viewdata.js';
import { views } from './views.js';
import { setStatus } from './graphview.js';

const twoFrames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

// syntheticNetworkData makes a debate of n actors for a seed: each actor
// endorses 0 to 6 claims; about 1.5 counters an actor, four in five of
// them across the two camps; a tenth of the actors in no camp.
export function syntheticNetworkData(n, seed = 1000) {
  const rand = mulberry32(seed);
  const actors = [];
  for (let i = 0; i < n; i++) {
    const kind = ACTOR_KINDS[Math.floor(rand() * ACTOR_KINDS.length)];
    actors.push({ id: `actor-${String(i).padStart(5, '0')}`, name: `Synthetic ${kind.toLowerCase()} ${i}`, kind, anonymous: kind === 'ANONYMOUS', role: null });
  }
  const side = actors.map(() => { const r = rand(); return r < 0.45 ? 'A' : r < 0.9 ? 'B' : 'none'; });
  const entries = [];
  let c = 0;
  for (const a of actors) {
    const k = Math.floor(rand() * 7);
    for (let j = 0; j < k; j++) {
      entries.push({ claim: { id: `claim-${c}`, text: `Synthetic claim ${c}`, date: '2015', assertions: [{ actor: a, stance: rand() < 0.1 ? 'PRESENTS' : 'ENDORSES' }] }, when: { date: '2015', precision: 'YEAR', first: '2015-01-01', last: '2015-12-31' } });
      c++;
    }
  }
  const weighed = [];
  const bySide = { A: [], B: [], none: [] };
  actors.forEach((a, i) => bySide[side[i]].push(i));
  const pick = (list) => list[Math.floor(rand() * list.length)];
  for (let i = 0; i < Math.round(n * 1.5); i++) {
    const from = Math.floor(rand() * n);
    const across = rand() < 0.8 && side[from] !== 'none';
    const pool = across ? bySide[side[from] === 'A' ? 'B' : 'A'] : bySide[side[from]];
    const to = pick(pool.length ? pool : [from]);
    if (to === from) continue;
    weighed.push({ from: { id: actors[from].id }, to: { id: actors[to].id }, kind: 'COUNTER', claims: [`counter-${i}`, `target-${i}`] });
  }
  return {
    timeline: { entries, undated: [], truncated: false },
    camps: {
      camps: [{ group: 1, actors: bySide.A.map((i) => actors[i]) }, { group: 1, actors: bySide.B.map((i) => actors[i]) }],
      unsure: [], frustration: 0.2, ties: weighed.length, frustrated: [], weighed,
    },
  };
}

// networkBenchmark shows and times the synthetic network of n actors.
export async function networkBenchmark(n) {
  const t0 = performance.now();
  const data = syntheticNetworkData(n);
  const tData = performance.now();
  const scope = { ds: [], datasets: null, from: null, to: null };
  const view = networkFrom(data, app.state, scope);
  const tLayout = performance.now();
  const svg = drawNetworkView(view, app.state, { interactive: true });
  svg.style.width = '100%';
  svg.style.height = 'auto';
  $('view-wrap').hidden = false;
  for (const el of document.querySelectorAll('.graph-wrap')) el.hidden = true;
  $('view-canvas').replaceChildren(svg);
  const tDom = performance.now();
  await twoFrames();
  const tFrame = performance.now();
  views.bench = {
    actors: view.net.actors.length,
    edges: view.net.edges.length,
    counters: view.net.edges.reduce((s, e) => s + e.count, 0),
    generateMs: tData - t0,
    buildLayoutMs: tLayout - tData,
    drawMs: tDom - tLayout,
    firstFrameMs: tFrame - tData,
    svgElements: svg.querySelectorAll('*').length,
  };
  setStatus(`Benchmark: ${networkSummary(view)} First frame in ${Math.round(tFrame - tData)} ms.`);
  views.ready = true;
  explorer.ready = true;
}
