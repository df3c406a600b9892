// Unit tests of the studio's pure modules (no browser, no server): offsets
// between UTF-16 and code points, a DOM selection mapped to the source's
// code points (over a small stand-in tree), quote proposals, errors put next
// to their fields, and every studio query valid against the schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CodePoints, quotationOf, insideQuotation, proposeQuote, pointToUtf16, rangeToCodePoints, utf16ToPoint,
} from '../src/offsets.js';
import { placeError, explain, routeErrors, fieldSegments } from '../src/fielderrors.js';
import { capsFromIntrospection, capsFromSchema, studioOperations, CAPABILITIES } from '../src/studioapi.js';

// The test text: an emoji (U+1F600, two UTF-16 units), a CJK extension B
// ideograph (U+20BB7 𠮷, two units), combining marks (e + U+0301, and
// n + U+0303: one unit each, code points of their own), a line break inside
// a paragraph and a blank line between paragraphs, and a quotation.
const TEXT = 'Caf\u00e9 e\u0301 😀 talks.\nThe 𠮷 rule.\n\nShe said “we won\u0303t 😀 stop” today.';

// cp counts code points the way the API does (Go's runes, Python's str).
const cp = (s) => Array.from(s).length;

test('code points and UTF-16 indices convert exactly, both ways', () => {
  const x = new CodePoints(TEXT);
  assert.equal(x.length, cp(TEXT));
  assert.notEqual(x.length, TEXT.length, 'the text has characters outside the BMP');
  // Every code point boundary round-trips.
  let u16 = 0;
  Array.from(TEXT).forEach((ch, i) => {
    assert.equal(x.toUtf16(i), u16, `toUtf16(${i})`);
    assert.equal(x.toCodePoint(u16), i, `toCodePoint(${u16})`);
    u16 += ch.length;
  });
  assert.equal(x.toUtf16(x.length), TEXT.length);
  assert.equal(x.toCodePoint(TEXT.length), x.length);
  // Inside a surrogate pair: a start rounds down to the character, an end up past it.
  const emoji = TEXT.indexOf('😀');
  assert.equal(x.toCodePoint(emoji + 1, 'down'), cp(TEXT.slice(0, emoji)));
  assert.equal(x.toCodePoint(emoji + 1, 'up'), cp(TEXT.slice(0, emoji)) + 1);
  // The words after the emoji and the ideograph, by code points.
  const at = cp(TEXT.slice(0, TEXT.indexOf('rule')));
  assert.equal(x.slice(at, at + 4), 'rule');
  assert.equal(TEXT.slice(at, at + 4) === 'rule', false, 'code points used as UTF-16 indices miss the words');
  // Combining marks count as code points of their own.
  assert.equal(x.slice(5, 7), 'e\u0301');
  // Out of range is clamped.
  assert.equal(x.toUtf16(-3), 0);
  assert.equal(x.toUtf16(10_000), TEXT.length);
  assert.equal(new CodePoints('').toCodePoint(5), 0);
});

// runsOf stands in for the API's Source.quotations: the runs between the
// given opening and closing marks (the API finds them; the browser does not).
function runsOf(text, pairs) {
  const cps = Array.from(text);
  const out = [];
  let from = 0;
  for (const [open, close] of pairs) {
    const o = cps.indexOf(open, from);
    const c = cps.indexOf(close, o + 1);
    out.push({ start: o + 1, end: c });
    from = c + 1;
  }
  return out;
}

test('a span is inside a quotation when one of the API\'s runs holds it, its own marks allowed', () => {
  const runs = runsOf(TEXT, [['\u201C', '\u201D']]);
  const words = 'we won\u0303t 😀 stop';
  const start = cp(TEXT.slice(0, TEXT.indexOf(words)));
  const end = start + cp(words);
  assert.deepEqual(runs, [{ start, end }]);
  const cases = [
    { name: 'the words', start, end, want: { start, end } },
    { name: 'with its own marks', start: start - 1, end: end + 1, want: { start, end } },
    { name: 'a part of them', start: start + 3, end: end - 2, want: { start: start + 3, end: end - 2 } },
    { name: 'with words before the mark', start: start - 3, end, want: null },
    { name: 'past the closing mark', start, end: end + 2, want: null },
    { name: 'outside', start: 0, end: 4, want: null },
    { name: 'only the marks', start: start - 1, end: start, want: null },
  ];
  for (const c of cases) {
    assert.deepEqual(quotationOf(runs, c.start, c.end), c.want, `${c.name}: quotationOf(${c.start}, ${c.end})`);
    assert.equal(insideQuotation(runs, c.start, c.end), c.want !== null, `${c.name}: insideQuotation`);
  }
  // An interrupted quotation is two runs, and a span across both is in neither.
  const t = '“One,” he said, “two.”';
  const two = runsOf(t, [['“', '”'], ['“', '”']]);
  assert.equal(insideQuotation(two, 1, 21), false);
  assert.equal(insideQuotation(two, 17, 21), true);
  assert.equal(insideQuotation([], 0, 3), false, 'no runs: nothing is direct');
  assert.equal(insideQuotation(undefined, 0, 3), false);
});

test('a selection becomes the quote a curator means: trimmed, marks left out, kind from the API\'s runs', () => {
  const x = new CodePoints(TEXT);
  const runs = runsOf(TEXT, [['\u201C', '\u201D']]);
  const words = 'we won\u0303t 😀 stop';
  const start = cp(TEXT.slice(0, TEXT.indexOf(words)));
  // Selected with the marks and a space around them.
  const p = proposeQuote(x, start - 2, start + cp(words) + 2, runs);
  assert.deepEqual(p, { start, end: start + cp(words), text: words, kind: 'DIRECT' });
  // The same words without the API's runs are the reporter's.
  assert.equal(proposeQuote(x, start, start + cp(words), []).kind, 'PARAPHRASE');
  // Reverse order and stray white space.
  const said = cp(TEXT.slice(0, TEXT.indexOf('She said')));
  assert.deepEqual(proposeQuote(x, said + 8, said - 2, runs), { start: said, end: said + 8, text: 'She said', kind: 'PARAPHRASE' });
  // Across the blank line between paragraphs.
  const rule = cp(TEXT.slice(0, TEXT.indexOf('rule.')));
  const q = proposeQuote(x, rule, said + 3, runs);
  assert.equal(q.text, 'rule.\n\nShe');
  assert.equal(q.kind, 'PARAPHRASE');
  assert.equal(proposeQuote(x, 3, 3, runs), null);
  assert.equal(proposeQuote(new CodePoints('a   b'), 1, 4, []), null, 'only white space');
});

// A stand-in DOM: just what offsets.js reads.
class N {
  constructor(type, data = '') {
    this.nodeType = type;
    this.data = data;
    this.childNodes = [];
    this.parentNode = null;
  }

  get firstChild() { return this.childNodes[0] || null; }

  get nextSibling() {
    const sibs = this.parentNode?.childNodes || [];
    return sibs[sibs.indexOf(this) + 1] || null;
  }

  add(...kids) {
    for (const k of kids) { k.parentNode = this; this.childNodes.push(k); }
    return this;
  }

  contains(other) {
    for (let n = other; n; n = n.parentNode) if (n === this) return true;
    return false;
  }

  // Only whether other follows this (4) or precedes it (2), by document order.
  compareDocumentPosition(other) {
    const order = [];
    let top = this;
    while (top.parentNode) top = top.parentNode;
    const walk = (n) => { order.push(n); n.childNodes.forEach(walk); };
    walk(top);
    return order.indexOf(other) > order.indexOf(this) ? 4 : 2;
  }
}
const el = (...kids) => new N(1).add(...kids);
const txt = (s) => new N(3, s);

// render lays TEXT out as the reader does: paragraphs as elements, the
// separator between them in a span, one paragraph's words split by a mark.
function render(text, cuts) {
  const segments = [];
  const nodes = [];
  let prev = 0;
  for (const c of [...cuts, text.length]) {
    const node = txt(text.slice(prev, c));
    segments.push({ node, start: prev });
    nodes.push(node);
    prev = c;
  }
  return { segments, nodes };
}

test('a DOM selection maps to code points: inside a node, across a mark, a line break and a paragraph end', () => {
  const x = new CodePoints(TEXT);
  const gapAt = TEXT.indexOf('\n\n');
  const quoteAt = TEXT.indexOf('we');
  const quoteEnd = TEXT.indexOf('”');
  const { segments, nodes } = render(TEXT, [gapAt, gapAt + 2, quoteAt, quoteEnd]);
  const [p1, gap, before, marked, after] = nodes;
  const mark = el(marked);
  const para1 = el(p1);
  const para2 = el(before, mark, after);
  const root = el(para1, el(gap), para2);
  const outsideBefore = el();
  const outsideAfter = el();
  el(outsideBefore, root, outsideAfter);
  const starts = new Map(segments.map((s) => [s.node, s.start]));
  const total = TEXT.length;
  const range = (sc, so, ec, eo) => ({ startContainer: sc, startOffset: so, endContainer: ec, endOffset: eo });

  // Inside one text node: the emoji before it shifts UTF-16 but not code points.
  const talks = TEXT.indexOf('talks');
  assert.deepEqual(rangeToCodePoints(root, segments, x, range(p1, talks, p1, talks + 5)),
    { start: cp(TEXT.slice(0, talks)), end: cp(TEXT.slice(0, talks)) + 5 });
  // Across the line break inside the first paragraph and the blank line after it, into the mark.
  const the = TEXT.indexOf('talks');
  const r = rangeToCodePoints(root, segments, x, range(p1, the, marked, 2));
  assert.equal(x.slice(r.start, r.end), 'talks.\nThe 𠮷 rule.\n\nShe said “we');
  // Element boundaries: the end of the first paragraph (after its last child), the start of the second (before its first).
  assert.equal(pointToUtf16(root, starts, total, para1, 1), gapAt);
  assert.equal(pointToUtf16(root, starts, total, para2, 0), gapAt + 2);
  assert.equal(pointToUtf16(root, starts, total, root, 2), gapAt + 2, 'between the gap and the second paragraph');
  assert.equal(pointToUtf16(root, starts, total, mark, 1), quoteEnd, 'after the mark');
  assert.equal(pointToUtf16(root, starts, total, root, 3), total, 'after everything');
  // A triple click selects a paragraph as (paragraph, 0) to (next paragraph, 0).
  const para = rangeToCodePoints(root, segments, x, range(para1, 0, para2, 0));
  assert.equal(x.slice(para.start, para.end), 'Caf\u00e9 e\u0301 😀 talks.\nThe 𠮷 rule.\n\n');
  // A selection that starts or ends outside the text is cut to it.
  assert.deepEqual(rangeToCodePoints(root, segments, x, range(outsideBefore, 0, p1, 4)), { start: 0, end: 4 });
  const all = rangeToCodePoints(root, segments, x, range(marked, 0, outsideAfter, 0));
  assert.equal(x.slice(all.start, all.end), 'we won\u0303t 😀 stop” today.');
  // An unmapped text node inside the root (none here) or an empty range.
  assert.equal(rangeToCodePoints(root, segments, x, range(p1, 3, p1, 3)), null);
  // Half a surrogate pair widens to the whole character.
  const emoji = TEXT.indexOf('😀');
  const half = rangeToCodePoints(root, segments, x, range(p1, emoji + 1, p1, emoji + 1 + 0));
  assert.equal(half, null, 'collapsed inside a pair');
  const one = rangeToCodePoints(root, segments, x, range(p1, emoji, p1, emoji + 1));
  assert.equal(x.slice(one.start, one.end), '😀');
});

test('code points map back to the DOM point that holds them', () => {
  const { segments, nodes } = render(TEXT, [10, 20]);
  assert.deepEqual(utf16ToPoint(segments, 0), { node: nodes[0], offset: 0 });
  assert.deepEqual(utf16ToPoint(segments, 15), { node: nodes[1], offset: 5 });
  assert.deepEqual(utf16ToPoint(segments, 20), { node: nodes[1], offset: 10 }, 'a boundary stays in the earlier node');
  assert.deepEqual(utf16ToPoint(segments, TEXT.length), { node: nodes[2], offset: TEXT.length - 20 });
  assert.equal(utf16ToPoint([], 3), null);
});

test('a refused save\'s errors go next to the field they concern', () => {
  const fields = ['text', 'id', 'assertions[0]', 'assertions[0].actor', 'quotes', 'quotes[0]', 'quotes[0].start', 'quotes[1]', 'version'];
  const cases = [
    ['input.quotes[0].start', 'quotes[0].start'],
    ['input.quotes[1].end', 'quotes[1]'],
    ['input.quotes[0]', 'quotes[0]'],
    ['input.quotes[7].kind', 'quotes'],
    ['input.assertions[0].attribution', 'assertions[0]'],
    ['input.text', 'text'],
    ['input.version', 'version'],
    ['input', ''],
    ['', ''],
    ['other.text', ''],
  ];
  for (const [field, want] of cases) assert.equal(placeError(field, fields), want, `field ${field}`);
  assert.equal(placeError('to', ['from', 'to'], 'input'), 'to', 'a path without the argument');
  assert.deepEqual(fieldSegments('input.quotes[0].start'), ['input', 'quotes', '[0]', 'start']);
  const routed = routeErrors([
    { message: 'quote "Really?" is not at [3, 10) in source "s", which holds "attende" there; it is at [7039, 7046)', extensions: { code: 'BAD_USER_INPUT', field: 'input.quotes[0]' } },
    { message: 'claim "x" has no text', extensions: { code: 'BAD_USER_INPUT', field: 'input.text' } },
    { message: 'the claim changed', extensions: { code: 'CONFLICT', field: 'input.version' } },
    { message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
  ], fields);
  assert.deepEqual([...routed.keys()], ['quotes[0]', 'text', 'version', '']);
  assert.equal(routed.get('quotes[0]')[0].lead, 'These words are not at this place in the source\'s text.');
  assert.match(routed.get('quotes[0]')[0].detail, /it is at \[7039, 7046\)/);
  assert.equal(routed.get('text')[0].lead, 'This cannot be left empty.');
  assert.match(routed.get('version')[0].lead, /^Someone else saved this/);
  assert.equal(routed.get('')[0].lead, 'Internal error.');
});

test('the API\'s refusals are said in a journalist\'s words', () => {
  const cases = [
    ['quote "x" is DIRECT but not inside quotation marks in source "s"; the reporter\'s words are a PARAPHRASE', /^Only words inside quotation marks/],
    ['id "A B" is not a slug (lower-case letters and digits separated by \'-\', \'_\' or \'.\')', /^Use lower-case letters/],
    ['date "August" is not YYYY, YYYY-MM or YYYY-MM-DD', /^Write the date as/],
    ['unknown actor "nobody"', /^There is no actor with this id\.$/],
    ['id "robert-litt" is already an actor, not a claim', /^This id is already used by an actor/],
    ['relation a REBUTS b has no evidence: give the source\'s words', /^Select the source's words/],
    ['claim "a" cannot be related to itself (REBUTS)', /^A claim cannot rebut/],
    ['claim "c" is asserted by no one', /^Say who made this claim\.$/],
  ];
  for (const [message, want] of cases) {
    const got = explain({ message, extensions: { code: 'BAD_USER_INPUT' } });
    assert.match(got.lead, want, message);
    assert.equal(got.detail, message);
  }
  // A save refused for the want of a token says how to get one.
  assert.match(explain({ message: 'x', extensions: { code: 'UNAUTHENTICATED' } }).lead, /sign in again.*curator token comes from .*API_TOKENS.*make run prints one/);
});

test('every query the studio sends is valid against the API\'s schema', async () => {
  const { readFileSync } = await import('node:fs');
  const { buildSchema, parse, validate } = await import('graphql');
  const schema = buildSchema(readFileSync(new URL('../../schema.graphqls', import.meta.url), 'utf8'));
  const caps = capsFromSchema(schema);
  const ops = studioOperations(caps);
  assert.ok(Object.keys(ops).length >= 10);
  for (const [name, op] of Object.entries(ops)) {
    assert.deepEqual(validate(schema, parse(op)).map((e) => e.message), [], name);
  }
  // Introspection's answer and the schema agree on the capabilities.
  const intro = (type, key = 'fields') => ({ [key]: Object.keys(schema.getType(type)?.getFields() || {}).map((name) => ({ name })) });
  const fromIntro = capsFromIntrospection({
    query: intro('Query'), mutation: intro('Mutation'), source: intro('Source'), claim: intro('Claim'),
    actor: intro('Actor'), quote: intro('Quote'), claimInput: intro('ClaimInput', 'inputFields'),
  });
  assert.deepEqual([...fromIntro].sort(), [...caps].sort());
  assert.deepEqual([...capsFromIntrospection(null)].sort(), [...CAPABILITIES].sort(), 'without introspection, the whole studio API');
});

test('curate mode and its source live in the URL; the token never does', async () => {
  const { parseState, stateToSearch } = await import('../src/state.js');
  const s = parseState('?mode=curate&src=harbour-wall&token=secret');
  assert.equal(s.mode, 'curate');
  assert.equal(s.src, 'harbour-wall');
  assert.equal(stateToSearch(s), '?mode=curate&src=harbour-wall');
  assert.equal(parseState('?mode=trace&src=harbour-wall').src, null, 'a source only in curate mode');
  assert.equal(parseState('?mode=curate&src=<x>').src, null);
});
