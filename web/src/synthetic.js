// A synthetic debate of n nodes in the API's subgraph shape, for the
// 5,000-node benchmark (?bench=5000): a fifth actors, the rest claims, in
// clusters of about 50 (one "article" each), with ASSERTED edges, rebuttals,
// supports and qualifications mostly inside a cluster and a few across.
import { mulberry32 } from './random.js';
import { ACTOR_KINDS } from './state.js';

// syntheticSubgraph makes the same debate of n nodes for a seed, so that
// benchmark runs measure the same graph.
export function syntheticSubgraph(n, seed = 5000) {
  const rand = mulberry32(seed);
  const pick = (arr) => arr[Math.floor(rand() * arr.length)];
  const clusters = Math.max(1, Math.round(n / 50));
  const nodes = [];
  const edges = [];
  const actorsOf = Array.from({ length: clusters }, () => []);
  const claimsOf = Array.from({ length: clusters }, () => []);
  const edge = (from, type, to) => edges.push({ id: `${from}-${type}->${to}`, type, from, to });
  const nActors = Math.round(n / 5);
  for (let i = 0; i < n; i++) {
    const c = i % clusters;
    if (i < nActors) {
      const id = `actor-${i}`;
      const kind = pick(ACTOR_KINDS);
      nodes.push({ __typename: 'Actor', id, name: `Synthetic ${kind.toLowerCase()} ${i}`, kind, role: null, anonymous: kind === 'ANONYMOUS' });
      actorsOf[c].push(id);
    } else {
      const id = `claim-${i}`;
      const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
      nodes.push({ __typename: 'Claim', id, text: `Synthetic claim ${i}: a proposition about encryption policy, number ${i}, in neutral words.`, date: `20${10 + Math.floor(rand() * 6)}-${month}` });
      claimsOf[c].push(id);
    }
  }
  for (let c = 0; c < clusters; c++) {
    const actors = actorsOf[c].length ? actorsOf[c] : actorsOf[0];
    for (const a of actors) if (rand() < 0.1) edge(a, 'MEMBER_OF', pick(actors));
    for (const claim of claimsOf[c]) {
      edge(pick(actors), 'ASSERTED', claim);
      if (rand() < 0.25) edge(pick(actors), 'ASSERTED', claim);
      const r = rand();
      const pool = rand() < 0.05 ? claimsOf[Math.floor(rand() * clusters)] : claimsOf[c];
      const target = pool.length ? pick(pool) : null;
      if (!target || target === claim) continue;
      if (r < 0.25) edge(claim, 'REBUTS', target);
      else if (r < 0.55) edge(claim, 'SUPPORTS', target);
      else if (r < 0.6) edge(claim, 'QUALIFIES', target);
    }
  }
  const seen = new Set();
  return { truncated: false, nodes, edges: edges.filter((e) => (seen.has(e.id) || e.from === e.to ? false : seen.add(e.id))) };
}
