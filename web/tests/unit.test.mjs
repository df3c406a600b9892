// Unit tests of the explorer's pure modules (no browser, no server).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseState, stateToSearch, defaultState } from '../src/state.js';
import { paragraphMarks, truncate, directSegments, utf16Offsets, outletOf, wordsOf } from '../src/text.js';
import { syntheticSubgraph } from '../src/synthetic.js';
import { mulberry32, withMathRandom } from '../src/random.js';
import { ACTOR_KINDS } from '../src/state.js';

test('URL state round-trips', () => {
  const q = '?node=us-statement-will-not-deter-china-russia&mode=trace&a=robert-litt&b=nsc-staff&chain=all&undirected=1&hops=6&hideRel=ABOUT,ASSERTED&hideKind=STATE&from=2015-07&to=2015-08&sources=1';
  const s = parseState(q);
  assert.equal(s.node, 'us-statement-will-not-deter-china-russia');
  assert.equal(s.mode, 'trace');
  assert.equal(s.a, 'robert-litt');
  assert.equal(s.b, 'nsc-staff');
  assert.equal(s.chain, 'all');
  assert.equal(s.directed, false);
  assert.equal(s.hops, 6);
  assert.deepEqual([...s.hideRel], ['ABOUT', 'ASSERTED']);
  assert.deepEqual([...s.hideKind], ['STATE']);
  assert.equal(s.sources, true);
  assert.deepEqual(parseState(stateToSearch(s)), s);
  assert.equal(stateToSearch(defaultState()), '');
});

test('URL state ignores what it does not know', () => {
  const s = parseState('?node=<script>&mode=evil&hops=99&hideRel=DROP,REBUTS&hideKind=ALIEN&from=yesterday&bench=-3');
  assert.equal(s.node, null);
  assert.equal(s.mode, 'explore');
  assert.equal(s.hops, 4);
  assert.deepEqual([...s.hideRel], ['REBUTS']);
  assert.equal(s.hideKind.size, 0);
  assert.equal(s.from, '');
  assert.equal(s.bench, 0);
  // Trace settings are kept only in trace mode.
  assert.equal(stateToSearch(parseState('?a=robert-litt')), '');
});

test('a quote is marked in its paragraph by its code-point offsets (Quote.paragraphSpan)', () => {
  const text = 'He wrote. 😀 “Really?” he wrote.';
  const paragraph = { start: 100, end: 100 + Array.from(text).length, text };
  const at = 100 + Array.from('He wrote. 😀 “').length;
  assert.deepEqual(paragraphMarks(paragraph, at, at + 7), { before: 'He wrote. 😀 “', quote: 'Really?', after: '” he wrote.' });
  assert.equal(paragraphMarks(paragraph, 90, 95), null, 'before the paragraph');
  assert.equal(paragraphMarks(paragraph, at, paragraph.end + 1), null, 'past its end');
  assert.equal(paragraphMarks(null, 0, 3), null);
});

test('labels are cut at a word with an ellipsis', () => {
  assert.equal(truncate('short', 10), 'short');
  const t = truncate('A strong statement from the United States could dissuade authoritarian regimes', 40);
  assert.ok(t.length <= 40 && t.endsWith('…'), t);
  assert.ok(!t.includes('  '));
});

test('the synthetic benchmark graph has the asked size and only known ids', () => {
  const g = syntheticSubgraph(5000);
  assert.equal(g.nodes.length, 5000);
  const ids = new Set(g.nodes.map((n) => n.id));
  assert.equal(ids.size, 5000);
  for (const e of g.edges) assert.ok(ids.has(e.from) && ids.has(e.to) && e.from !== e.to);
  assert.ok(g.edges.length > 5000);
  assert.deepEqual(syntheticSubgraph(300), syntheticSubgraph(300), 'deterministic');
});

test('the seeded random generator repeats the same sequence for a seed', () => {
  const draws = (seed, n) => { const r = mulberry32(seed); return Array.from({ length: n }, r); };
  // Pinned: the layout's seed and the synthetic graph's must keep giving these numbers.
  assert.deepEqual(draws(20150808, 4).map((x) => x * 2 ** 32), [171097031, 195755887, 95648052, 3462504623]);
  assert.deepEqual(draws(5000, 4).map((x) => x * 2 ** 32), [112919311, 2043032120, 3890880254, 1160812158]);
  assert.deepEqual(draws(7, 1000), draws(7, 1000));
  assert.notDeepEqual(draws(7, 10), draws(8, 10));
  for (const x of draws(1, 1000)) assert.ok(x >= 0 && x < 1, x);
});

test('the synthetic graph and the layout draw from the shared generator', async () => {
  // The synthetic graph's first draw picks the first actor's kind.
  const first = mulberry32(5000)();
  assert.equal(syntheticSubgraph(50).nodes[0].kind, ACTOR_KINDS[Math.floor(first * ACTOR_KINDS.length)]);
  assert.equal(syntheticSubgraph(50, 1).nodes[0].kind, ACTOR_KINDS[Math.floor(mulberry32(1)() * ACTOR_KINDS.length)]);

  // The layout swaps Math.random for the generator and puts it back, even when it throws.
  const original = Math.random;
  const r = mulberry32(3);
  assert.deepEqual(withMathRandom(mulberry32(3), () => [Math.random(), Math.random()]), [r(), r()]);
  assert.equal(Math.random, original);
  assert.throws(() => withMathRandom(mulberry32(3), () => { throw new Error('boom'); }), /boom/);
  assert.equal(Math.random, original);

  // So the same graph gets the same picture on every load.
  const { default: cytoscape } = await import('cytoscape');
  const { toElements, runLayout } = await import('../src/graph.js');
  const elements = toElements(syntheticSubgraph(120));
  const positions = () => {
    const cy = cytoscape({ headless: true, elements: structuredClone([...elements.nodes, ...elements.edges]) });
    runLayout(cy);
    return cy.nodes().map((n) => [n.id(), n.position()]);
  };
  assert.deepEqual(positions(), positions());
  assert.equal(Math.random, original);
});

test('quotes fold into claim → source edges, preferring the document the words were said in', async () => {
  const { toElements } = await import('../src/graph.js');
  const el = toElements({
    nodes: [
      { __typename: 'Claim', id: 'c1', text: 'A claim', date: '2015' },
      { __typename: 'Quote', id: 'c1.q1' },
      { __typename: 'Quote', id: 'c1.q2' },
      { __typename: 'Source', id: 'article', title: 'The article', sourceKind: 'ARTICLE' },
      { __typename: 'Source', id: 'email', title: 'The e-mail', sourceKind: 'EMAIL' },
      { __typename: 'Actor', id: 'a1', name: 'Someone', kind: 'PERSON' },
    ],
    edges: [
      { id: 'x1', type: 'EVIDENCED_BY', from: 'c1', to: 'c1.q1' },
      { id: 'x2', type: 'FROM', from: 'c1.q1', to: 'article' },
      { id: 'x3', type: 'SAID_IN', from: 'c1.q1', to: 'email' },
      { id: 'x4', type: 'EVIDENCED_BY', from: 'c1', to: 'c1.q2' },
      { id: 'x5', type: 'FROM', from: 'c1.q2', to: 'article' },
      { id: 'x6', type: 'ASSERTED', from: 'a1', to: 'c1' },
      { id: 'x7', type: 'ASSERTED', from: 'a1', to: 'missing' },
    ],
  });
  assert.deepEqual(el.nodes.map((n) => n.data.id), ['c1', 'article', 'email', 'a1']);
  assert.equal(el.nodes.find((n) => n.data.id === 'email').data.kind, 'EMAIL');
  const edges = el.edges.map((e) => `${e.data.source}-${e.data.type}->${e.data.target}`).sort();
  assert.deepEqual(edges, ['a1-ASSERTED->c1', 'c1-QUOTED_FROM->article', 'c1-QUOTED_FROM->email']);
});

test('code-point offsets map to UTF-16 string indices past characters outside the BMP', () => {
  assert.deepEqual(utf16Offsets('a😀b'), [0, 1, 3, 4]);
  assert.deepEqual(utf16Offsets(''), [0]);
});

test('the speaker\'s own words inside a paraphrase are found by their code-point offsets', () => {
  // The source text, in code points. The emoji before the quote and inside it shift UTF-16 indices; the
  // words also appear unquoted earlier in the quote, so only the offsets find the quoted run.
  const source = 'Intro 😀 then: strongly 🔒 disavowing, they want a statement “strongly 🔒 disavowing” a mandate, officials said.';
  const cp = (utf16) => Array.from(source.slice(0, utf16)).length; // a UTF-16 index as a code-point offset
  const quoteStart = cp(source.indexOf('strongly'));
  const quote = source.slice(source.indexOf('strongly'));
  const spanStart = cp(source.indexOf('“') + 1);
  const spanEnd = spanStart + Array.from('strongly 🔒 disavowing').length;
  const span = { start: spanStart, end: spanEnd, text: Array.from(source).slice(spanStart, spanEnd).join('') };
  assert.equal(span.text, 'strongly 🔒 disavowing');
  const segs = directSegments(quote, quoteStart, [span], quoteStart + Array.from(quote).length);
  assert.deepEqual(segs, [
    { text: 'strongly 🔒 disavowing, they want a statement “', direct: false },
    { text: 'strongly 🔒 disavowing', direct: true },
    { text: '” a mandate, officials said.', direct: false },
  ]);
  assert.equal(segs.map((x) => x.text).join(''), quote);
  // Code-point offsets used as UTF-16 indices would cut the words wrongly.
  assert.notEqual(quote.slice(spanStart - quoteStart, spanEnd - quoteStart), span.text);
});

test('direct spans: whole quote, none, not at their offsets, overlapping, out of the quote', () => {
  assert.deepEqual(directSegments('Really?', 10, [{ start: 10, end: 17, text: 'Really?' }]), [{ text: 'Really?', direct: true }]);
  assert.deepEqual(directSegments('no marks', 5, []), [{ text: 'no marks', direct: false }]);
  // The quote's white space differs from the source's (9 code points for 10): the span's exact words are looked
  // for instead, and left unmarked when they are not there (the browser normalises no words of its own).
  assert.deepEqual(directSegments('a “b c” d', 0, [{ start: 4, end: 7, text: 'b c' }], 10),
    [{ text: 'a “', direct: false }, { text: 'b c', direct: true }, { text: '” d', direct: false }]);
  assert.deepEqual(directSegments('a “b c” d', 0, [{ start: 4, end: 8, text: 'b  c' }], 10), [{ text: 'a “b c” d', direct: false }]);
  // Typographic marks differ one for one: the offsets still cut the words.
  assert.deepEqual(directSegments('a "b c" d', 0, [{ start: 3, end: 6, text: 'b c' }], 9),
    [{ text: 'a "', direct: false }, { text: 'b c', direct: true }, { text: '" d', direct: false }]);
  // Spans given out of order are marked in order.
  assert.deepEqual(directSegments('x one two y', 100, [{ start: 106, end: 109, text: 'two' }, { start: 102, end: 105, text: 'one' }]),
    [{ text: 'x ', direct: false }, { text: 'one', direct: true }, { text: ' ', direct: false }, { text: 'two', direct: true }, { text: ' y', direct: false }]);
  // A span overlapping an earlier one is not marked twice.
  assert.deepEqual(directSegments('x one two y', 100, [{ start: 106, end: 109, text: 'two' }, { start: 102, end: 109, text: 'one two' }]),
    [{ text: 'x ', direct: false }, { text: 'one two', direct: true }, { text: ' y', direct: false }]);
  // A span that is nowhere in the quote is not marked.
  assert.deepEqual(directSegments('abc', 0, [{ start: 50, end: 53, text: 'zzz' }]), [{ text: 'abc', direct: false }]);
  assert.deepEqual(directSegments('', 0, []), []);
});

test('a paraphrase is the outlet\'s words: publisher, else the title\'s outlet, else the reporter\'s', () => {
  assert.equal(wordsOf({ publisher: 'The Washington Post', title: 'x' }), "The Washington Post's words");
  assert.equal(outletOf({ publisher: null, title: 'White House weighs publicly rejecting a decryption mandate (The Washington Post, 2015)' }), 'The Washington Post');
  assert.equal(outletOf({ title: 'A report (Reuters, 2015-08-01)' }), 'Reuters');
  assert.equal(outletOf({ title: 'Robert S. Litt\'s e-mail to colleagues on the draft paper' }), null);
  assert.equal(wordsOf({ title: 'An e-mail' }), "The reporter's words");
  assert.equal(wordsOf(null), "The reporter's words");
});

test('every query the explorer sends is valid against the API\'s schema', async () => {
  const { readFileSync } = await import('node:fs');
  const { buildSchema, parse, validate } = await import('graphql');
  const api = await import('../src/api.js');
  const schema = buildSchema(readFileSync(new URL('../../schema.graphqls', import.meta.url), 'utf8'));
  const queries = Object.entries(api).filter(([name, q]) => name.endsWith('_QUERY') && typeof q === 'string');
  assert.ok(queries.length >= 6, `queries: ${queries.map(([n]) => n)}`);
  for (const [name, q] of queries) {
    assert.deepEqual(validate(schema, parse(q)).map((e) => e.message), [], name);
  }
});
