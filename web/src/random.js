// The explorer's one seeded random generator (mulberry32). Both the layout
// (graph.js) and the benchmark's synthetic graph (synthetic.js) draw from it,
// so the same seed gives the same numbers, the same graph and the same picture.

// mulberry32 returns a generator of numbers in [0, 1) that repeats its
// sequence for a seed, so that what is drawn from it can be reproduced.
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// withMathRandom runs fn with Math.random replaced by random and puts the
// original back afterwards, because libraries such as the fCoSE layout only
// draw from Math.random.
export function withMathRandom(random, fn) {
  const original = Math.random;
  Math.random = random;
  try {
    return fn();
  } finally {
    Math.random = original;
  }
}
