// Unit tests of the journalist's views' pure modules (no browser, no
// server): the network's model and layout, the timeline's scale and
// packing, the dataset default, the URL state, the print-safe palette, the
// PNG text chunks, and every query against the schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildNetwork, layoutNetwork, campSides, radiusOf } from '../src/network.js';
import { dayOf, makeScale, pack, dateWords } from '../src/timeline.js';
import { defaultDatasets, mostRecent, chosen, credit, ALL_CLAIMS } from '../src/datasets.js';
import { parseState, stateToSearch, defaultState } from '../src/state.js';
import { CAMP_STYLE, KIND_SHAPE, REL_STYLE } from '../src/viewstyle.js';
import { crc32, itxtChunk, withText } from '../src/exporter.js';

const actor = (id, kind = 'PERSON') => ({ id, name: id.toUpperCase(), kind, anonymous: kind === 'ANONYMOUS' });
const claim = (id, asserts, relations = []) => ({ id, text: id, assertions: asserts.map(([a, stance = 'ENDORSES']) => ({ actor: actor(a), stance })), relations });

const tie = (kind, from, to, ...claims) => ({ kind, from: { id: from }, to: { id: to }, claims });

// A small debate: a and b counter c; a supports b; p only presents. The
// ties are the API's (camps.weighed), shared endorsements and memberships
// among them.
function debate() {
  return {
    timeline: {
      entries: [
        { claim: claim('ca1', [['a']]) },
        { claim: claim('ca2', [['a'], ['p', 'PRESENTS']]) },
        { claim: claim('cb1', [['b']]) },
        { claim: claim('cc1', [['c']]) },
      ],
      undated: [claim('cu', [['c']])],
      truncated: false,
    },
    camps: {
      camps: [{ group: 1, actors: [actor('a'), actor('b')] }, { group: 1, actors: [actor('c')] }], unsure: [], frustration: 0, ties: 6, frustrated: [],
      weighed: [
        tie('COUNTER', 'a', 'c', 'ca1', 'cc1'),
        tie('COUNTER', 'a', 'c', 'ca2', 'cu'),
        tie('COUNTER', 'b', 'c', 'cb1', 'cu'),
        tie('SUPPORT', 'a', 'b', 'ca1', 'cb1'),
        tie('SHARED_ENDORSEMENT', 'a', 'b', 'ca2'),
        tie('MEMBERSHIP', 'b', 'g'),
      ],
    },
  };
}

test('the network: actors sized by what they endorse, edges exactly the counter and support ties the camps weigh', () => {
  const net = buildNetwork(debate(), { rels: ['REBUTS', 'SUPPORTS'] });
  const by = Object.fromEntries(net.actors.map((a) => [a.id, a]));
  assert.deepEqual(Object.keys(by).sort(), ['a', 'b', 'c', 'p']);
  assert.equal(by.a.endorsed, 2);
  assert.equal(by.p.endorsed, 0);
  assert.equal(by.p.presented, 1, 'presenting is not endorsing');
  assert.equal(by.c.endorsed, 2, 'undated claims count without a date range');
  assert.deepEqual(net.edges.map((e) => `${e.id}=${e.count}`), ['REBUTS:a~c=2', 'REBUTS:b~c=1', 'SUPPORTS:a~b=1'], 'shared endorsements and memberships are not drawn');
  assert.deepEqual(net.edges.find((e) => e.id === 'SUPPORTS:a~b').pairs, [['ca1', 'cb1']]);
  assert.deepEqual([by.a.side, by.b.side, by.c.side, by.p.side], ['A', 'A', 'B', 'none']);
  assert.ok(radiusOf(by.a) > radiusOf(by.p));
  assert.deepEqual(buildNetwork(debate()).edges.map((e) => e.id), ['REBUTS:a~c', 'REBUTS:b~c'], 'counters only by default');
  // No tie, no edge: the claims' relations are not read.
  const none = debate();
  none.camps.weighed = [];
  none.timeline.entries[0].claim.relations = [{ kind: 'SUPPORTS', to: { id: 'cb1' } }];
  assert.deepEqual(buildNetwork(none, { rels: ['REBUTS', 'SUPPORTS'] }).edges, []);
});

test('the network with a date range: the ties whose claims are both on the timeline, undated claims out', () => {
  const net = buildNetwork(debate(), { rels: ['REBUTS'], ranged: true, tiesOnly: true });
  assert.deepEqual(net.edges.map((e) => `${e.id}=${e.count}`), ['REBUTS:a~c=1']);
  assert.deepEqual(net.edges[0].pairs, [['ca1', 'cc1']], 'the claim pairs, to list the counters in range');
  assert.deepEqual(net.actors.map((a) => a.id), ['a', 'c'], 'only actors with an edge');
  assert.equal(net.actors.find((a) => a.id === 'c').endorsed, 1);
});

test('camps: the first camp of a group is side A, the second B; unsure actors marked', () => {
  const sides = campSides({ camps: [{ group: 1, actors: [{ id: 'x' }] }, { group: 1, actors: [{ id: 'y' }] }, { group: 2, actors: [{ id: 'z' }] }], unsure: [{ id: 'y' }, { id: 'w' }] });
  assert.deepEqual(Object.fromEntries([...sides].map(([id, s]) => [id, `${s.side}${s.group}${s.unsure ? '?' : ''}`])), { x: 'A1', y: 'B1?', z: 'A2', w: 'none0?' });
});

test('the layout is a pure function of the network: the same picture every time, whatever the order of the answer', () => {
  const d = debate();
  const one = layoutNetwork(buildNetwork(d, { rels: ['REBUTS', 'SUPPORTS'] }));
  const shuffled = debate();
  shuffled.timeline.entries.reverse();
  shuffled.camps.weighed.reverse();
  const two = layoutNetwork(buildNetwork(shuffled, { rels: ['REBUTS', 'SUPPORTS'] }));
  assert.deepEqual([...one.pos].sort(), [...two.pos].sort());
  // Camp A left of camp B; the actors in no camp under both.
  const x = (id) => one.pos.get(id).x;
  const y = (id) => one.pos.get(id).y;
  assert.ok(x('a') < x('c') && x('b') < x('c'));
  assert.ok(y('p') > y('a') && y('p') > y('c'));
  // No two actors overlap.
  const ids = [...one.pos.keys()];
  for (const i of ids) for (const j of ids) if (i < j) assert.ok(Math.hypot(x(i) - x(j), y(i) - y(j)) > 40, `${i} and ${j} apart`);
});

test('a thousand actors are laid out without overlaps, in one pass', () => {
  const actors = Array.from({ length: 1000 }, (_, i) => actor(`x${String(i).padStart(4, '0')}`));
  const camps = { camps: [{ group: 1, actors: actors.slice(0, 450) }, { group: 1, actors: actors.slice(450, 900) }], unsure: [], frustration: 0, ties: 0, frustrated: [] };
  const entries = actors.map((a, i) => ({ claim: claim(`k${i}`, Array.from({ length: 1 }, () => [a.id])) }));
  const net = buildNetwork({ timeline: { entries, undated: [] }, camps: { ...camps, weighed: [] } }, {});
  const t0 = performance.now();
  const lay = layoutNetwork(net, { labelled: false });
  const ms = performance.now() - t0;
  assert.equal(lay.pos.size, 1000);
  const cells = new Map();
  for (const [id, p] of lay.pos) {
    const key = `${Math.round(p.x / 4)},${Math.round(p.y / 4)}`;
    assert.ok(!cells.has(key), `${id} on top of ${cells.get(key)}`);
    cells.set(key, id);
  }
  assert.ok(Number.isFinite(ms));
});

test('the timeline\'s scale puts a month over its days and packs overlapping claims into rows', () => {
  assert.equal(dayOf('1970-01-02'), 1);
  assert.equal(dayOf('2015-08-01') - dayOf('2015-07-01'), 31);
  const x = makeScale(dayOf('2015-01-01'), dayOf('2016-01-01'), 100, 1100);
  const july = x(dayOf('2015-08-01')) - x(dayOf('2015-07-01'));
  assert.ok(Math.abs(july - 31 * x.k) < 1e-9);
  assert.ok(x(dayOf('2015-07-31')) < x(dayOf('2015-08-01')), 'July ends before August starts');
  const items = [{ x: 0, w: 50 }, { x: 20, w: 10 }, { x: 60, w: 10 }, { x: 25, w: 100 }];
  assert.equal(pack(items), 3);
  assert.deepEqual(items.map((i) => i.row), [0, 1, 0, 2]);
  assert.equal(dateWords('2015'), '2015');
  assert.equal(dateWords('2015-07'), 'July 2015');
  assert.equal(dateWords('2015-07-08'), '8 July 2015');
  assert.equal(dateWords(null), 'undated');
});

test('datasets: all while small together, else the most recent; unknown ids dropped', () => {
  const ds = (id, claimCount, ...dates) => ({ id, claimCount, sources: dates.map((date) => ({ date })) });
  const small = [ds('a', 40, '2015-08'), ds('b', 10, '2019')];
  assert.deepEqual(defaultDatasets(small), []);
  assert.deepEqual(defaultDatasets([ds('a', 5000, '2015')]), [], 'one dataset: no filter');
  const many = [ds('old', ALL_CLAIMS, '2015-08', '2014'), ds('new', 10, '2021-03'), ds('undated', 900)];
  assert.deepEqual(defaultDatasets(many), ['new']);
  assert.equal(mostRecent([ds('x', 1, '2020'), ds('y', 2, '2020')]).id, 'y', 'a tie goes to the bigger');
  assert.deepEqual(chosen(['gone', 'old'], many), ['old']);
  assert.deepEqual(chosen(['gone'], many), ['new']);
  assert.equal(credit([{ id: 'a', title: 'The debate (The Post, 2015)' }], []), 'Source: The debate (The Post, 2015)');
  assert.equal(credit([], []), 'Source: the Counterpoint graph');
});

test('the views\' state round-trips through the URL and drops what it does not know', () => {
  const q = '?mode=network&rels=REBUTS,SUPPORTS,QUALIFIES&colour=kind&ties=1&edge=REBUTS:national-security-officials~commerce-diplomatic-trade-tech-officials&ds=wapo-2015-encryption&caption=Who+countered+whom&from=2015-07';
  const s = parseState(q);
  assert.equal(s.mode, 'network');
  assert.deepEqual([...s.rels], ['REBUTS', 'SUPPORTS'], 'a qualification ties no one: not drawn');
  assert.equal(s.colour, 'kind');
  assert.equal(s.ties, true);
  assert.equal(s.edge, 'REBUTS:national-security-officials~commerce-diplomatic-trade-tech-officials');
  assert.deepEqual(s.ds, ['wapo-2015-encryption']);
  assert.equal(s.caption, 'Who countered whom');
  assert.deepEqual(parseState(stateToSearch(s)), s);
  const t = parseState('?mode=timeline&lanes=camp&edge=REBUTS:a~b&rels=EVIL&ds=<x>,ok&caption=' + 'x'.repeat(500));
  assert.equal(t.lanes, 'camp');
  assert.equal(t.edge, null, 'an edge only in the network');
  assert.deepEqual([...t.rels], ['REBUTS'], 'network options only in the network');
  assert.deepEqual(t.ds, ['ok']);
  assert.equal(t.caption.length, 240);
  assert.deepEqual(parseState(stateToSearch(t)), t);
  assert.equal(stateToSearch(defaultState()), '');
  assert.equal(stateToSearch(parseState('?lanes=camp&colour=kind')), '', 'view options only in their view');
});

// lum is the relative luminance of a #rrggbb colour (WCAG).
function lum(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

test('print-safe: camps differ in lightness and pattern, kinds in shape, relations in dashes', () => {
  const { A, B, none } = CAMP_STYLE;
  assert.ok(Math.abs(lum(A.fill) - lum(B.fill)) > 0.3, 'camp A and B apart in greyscale');
  assert.ok(Math.abs(lum(B.fill) - lum(none.fill)) > 0.1 || B.pattern !== none.pattern, 'camp B and no camp apart in greyscale');
  assert.notEqual(A.pattern, B.pattern);
  const looks = Object.values(KIND_SHAPE).map((k) => `${k.shape}${k.dashed ? '-dashed' : ''}`);
  assert.equal(new Set(looks).size, looks.length, 'each kind its own shape or outline');
  const dashes = Object.values(REL_STYLE).map((r) => r.dash);
  assert.equal(new Set(dashes).size, dashes.length, 'each relation its own dashes');
});

test('PNG text chunks: iTXt with a valid CRC, inserted after the header', () => {
  assert.equal(crc32(new TextEncoder().encode('IEND')), 0xae426082, 'the CRC of an IEND chunk');
  const chunk = itxtChunk('Title', 'Who countered whom — 2015');
  const len = new DataView(chunk.buffer).getUint32(0);
  assert.equal(len, chunk.length - 12);
  assert.equal(new TextDecoder().decode(chunk.subarray(4, 8)), 'iTXt');
  assert.equal(new DataView(chunk.buffer).getUint32(8 + len), crc32(chunk.subarray(4, 8 + len)));
  // A minimal PNG: the signature, an IHDR, an IEND.
  const ihdr = [0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 31, 21, 196, 137];
  const iend = [0, 0, 0, 0, 73, 69, 78, 68, 174, 66, 96, 130];
  const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, ...ihdr, ...iend]);
  const out = withText(png, { Title: 'caption', Source: '' });
  assert.equal(out.length, png.length + itxtChunk('Title', 'caption').length, 'empty entries are left out');
  assert.equal(new TextDecoder().decode(out.subarray(8 + 25 + 4, 8 + 25 + 8)), 'iTXt', 'right after IHDR');
});

test('every query the views send is valid against the API\'s schema', async () => {
  const { buildSchema, parse, validate } = await import('graphql');
  const api = await import('../src/viewsapi.js');
  const schema = buildSchema(readFileSync(new URL('../../schema.graphqls', import.meta.url), 'utf8'));
  const queries = Object.entries(api).filter(([name, q]) => name.endsWith('_QUERY') && typeof q === 'string');
  assert.ok(queries.length >= 5, `queries: ${queries.map(([n]) => n)}`);
  for (const [name, q] of queries) assert.deepEqual(validate(schema, parse(q)).map((e) => e.message), [], name);
});

test('a view over several datasets numbers them, and says which ones each counter joins', async () => {
  const { datasetMarks, relatedChoice, relatedWhy } = await import('../src/datasets.js');
  const { crossings } = await import('../src/viewdata.js');
  const list = [{ id: 'art-a', title: 'Article A' }, { id: 'art-b', title: 'Article B' }, { id: 'art-c', title: 'Article C' }];
  assert.equal(datasetMarks(list, [{ id: 'x', dataset: 'art-b' }, { id: 'y', dataset: 'art-b' }]), null, 'claims of one dataset: nothing to tell apart');
  const marks = datasetMarks(list, [{ id: 'x', dataset: 'art-c' }, { id: 'y', dataset: 'art-a' }, { id: 'z', dataset: 'art-c' }]);
  assert.deepEqual([...marks.values()].map((m) => `${m.n}=${m.id}:${m.title}`), ['1=art-a:Article A', '2=art-c:Article C'], 'numbered in the list\'s order, only those with claims in the view');
  assert.notEqual(marks.get('art-a').colour, marks.get('art-c').colour);
  const of = new Map([['x', 'art-c'], ['y', 'art-a'], ['z', 'art-c']]);
  assert.deepEqual(crossings([['x', 'y'], ['z', 'y'], ['x', 'z'], ['x', 'gone']], of, marks).map(([a, b]) => `${a.n}>${b.n}`), ['2>1', '2>2'], 'each pair of datasets once; an unknown claim left out');
  assert.deepEqual(crossings([['x', 'y']], of, null), []);
  const related = [{ id: 'art-c', title: 'Article C', sharedActors: [{ id: 'm', name: 'Ann Lee' }], relationsTo: 1, relationsFrom: 1 }, { id: 'gone', title: 'Gone', sharedActors: [], relationsTo: 1, relationsFrom: 0 }];
  assert.deepEqual(relatedChoice('art-a', related, list), ['art-a', 'art-c'], 'the dataset and its related ones the chooser knows');
  assert.equal(relatedWhy(related[0]), 'shares Ann Lee; 2 relations between their claims');
});
