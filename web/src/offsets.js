// Offsets between the browser and the API. The API counts a source's text in
// Unicode code points (as the loader checks quotes); the browser's strings,
// selections and DOM Ranges count UTF-16 code units. They differ after every
// character outside the Basic Multilingual Plane (an emoji, a CJK extension B
// ideograph), which takes two units but is one code point. Combining marks are
// code points of their own in both counts. This module converts exactly, and
// maps a DOM Range over a rendered source text to code-point offsets and back.
// It uses no browser API beyond the node properties it reads, so that the unit
// tests can run it over a small stand-in tree.

// CodePoints indexes a text by code point: toUtf16 and toCodePoint convert
// offsets, slice cuts by code points.
export class CodePoints {
  constructor(text) {
    this.text = text;
    // at[cp] is the UTF-16 index of code point cp; at[length] is text.length.
    const at = [];
    let i = 0;
    for (const ch of text) {
      at.push(i);
      i += ch.length;
    }
    at.push(i);
    this.at = at;
    this.length = at.length - 1;
  }

  // toUtf16 is the string index of code-point offset cp (clamped to the text).
  toUtf16(cp) {
    return this.at[Math.max(0, Math.min(this.length, cp))];
  }

  // toCodePoint is the code-point offset of string index u16. An index inside
  // a surrogate pair (between its two halves) moves to the pair's start when
  // round is 'down' (a span's start) and past it when 'up' (a span's end), so
  // that a span never cuts a character in two.
  toCodePoint(u16, round = 'down') {
    const i = Math.max(0, Math.min(this.text.length, u16));
    let lo = 0;
    let hi = this.length;
    while (lo < hi) { // the last code point starting at or before i
      const mid = (lo + hi + 1) >> 1;
      if (this.at[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return this.at[lo] === i || round === 'down' ? lo : lo + 1;
  }

  // slice is the text of code points [start, end).
  slice(start, end) {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }
}

// quotationOf returns the quotation run of the API (Source.quotations: the
// runs inside quotation marks, marks excluded, by the rule every DIRECT
// quote is checked with) that holds code points [start, end), or null. The
// span may take in the run's own marks, which sit just outside it. The
// browser knows no quotation mark of its own: the runs say where they are.
export function quotationOf(spans, start, end) {
  for (const q of spans || []) {
    const s = start === q.start - 1 ? q.start : start;
    const e = end === q.end + 1 ? q.end : end;
    if (q.start <= s && e <= q.end && s < e) return { start: s, end: e };
  }
  return null;
}

// insideQuotation says whether code points [start, end) are all inside one
// of the API's quotation runs (its own marks allowed): the API refuses a
// DIRECT quote anywhere else.
export function insideQuotation(spans, start, end) {
  return quotationOf(spans, start, end) !== null;
}

const SPACE = /\s/u;

// proposeQuote turns a span of text (code points [start, end)) into the
// quote a curator most likely means: white space trimmed from both ends (the
// API refuses offsets that frame stray space), a quotation's own marks left
// out when the span takes them in, and kind DIRECT when the words lie inside
// one of the API's quotation runs (spans), else PARAPHRASE. Returns null for
// a span with no words.
export function proposeQuote(index, start, end, spans) {
  const cps = Array.from(index.text);
  let s = Math.max(0, Math.min(start, end));
  let e = Math.min(cps.length, Math.max(start, end));
  const trim = () => {
    while (s < e && SPACE.test(cps[s])) s++;
    while (e > s && SPACE.test(cps[e - 1])) e--;
  };
  trim();
  if (s >= e) return null;
  const run = quotationOf(spans, s, e);
  if (run) {
    ({ start: s, end: e } = run);
    trim();
    if (s >= e) return null;
  }
  return { start: s, end: e, text: cps.slice(s, e).join(''), kind: run ? 'DIRECT' : 'PARAPHRASE' };
}

// A rendered source text: every character of the text sits in exactly one
// text node, in order, and segments lists those nodes with the UTF-16 index
// of their first character ({ node, start }, sorted by start). Elements
// around them (paragraphs, marks) carry no text of their own.

const TEXT_NODE = 3;

function firstMapped(node, starts) {
  // The first mapped text node at or inside node, in document order.
  if (node.nodeType === TEXT_NODE) return starts.has(node) ? node : null;
  for (let c = node.firstChild; c; c = c.nextSibling) {
    const hit = firstMapped(c, starts);
    if (hit) return hit;
  }
  return null;
}

function startAfter(node, root, starts) {
  // The first mapped text node after node's subtree, within root.
  for (let n = node; n && n !== root; n = n.parentNode) {
    for (let s = n.nextSibling; s; s = s.nextSibling) {
      const hit = firstMapped(s, starts);
      if (hit) return hit;
    }
  }
  return null;
}

// pointToUtf16 is the UTF-16 index in the source text of a DOM boundary
// point (a Range's start or end container and offset) within root. A point
// between elements (a paragraph's end, a selection made by a triple click)
// takes the index of the next character; a point before root is 0, one after
// it the text's length. starts maps each segment's node to its start; total
// is the text's UTF-16 length.
export function pointToUtf16(root, starts, total, node, offset) {
  if (node !== root && !root.contains(node)) {
    // DOCUMENT_POSITION_FOLLOWING (4): node comes after root.
    return root.compareDocumentPosition(node) & 4 ? total : 0;
  }
  if (node.nodeType === TEXT_NODE) {
    if (starts.has(node)) return starts.get(node) + Math.min(offset, node.data.length);
    const next = startAfter(node, root, starts);
    return next ? starts.get(next) : total;
  }
  const kids = node.childNodes;
  let next = null;
  for (let i = offset; i < kids.length && !next; i++) next = firstMapped(kids[i], starts);
  if (!next) next = node === root ? null : startAfter(node, root, starts);
  return next ? starts.get(next) : total;
}

// rangeToCodePoints maps a DOM Range over the rendered text to code-point
// offsets { start, end } of the source text (start < end), or null when the
// range holds no character of the text.
export function rangeToCodePoints(root, segments, index, range) {
  const starts = new Map(segments.map((s) => [s.node, s.start]));
  const total = index.text.length;
  const a = pointToUtf16(root, starts, total, range.startContainer, range.startOffset);
  const b = pointToUtf16(root, starts, total, range.endContainer, range.endOffset);
  if (a === b) return null;
  const start = index.toCodePoint(Math.min(a, b), 'down');
  const end = index.toCodePoint(Math.max(a, b), 'up');
  return start < end ? { start, end } : null;
}

// utf16ToPoint is the DOM boundary point { node, offset } of UTF-16 index
// u16 of the source text: the segment that holds it (the earlier one at a
// boundary between two segments, so that a span's end stays in its node).
export function utf16ToPoint(segments, u16) {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid].start < u16) lo = mid;
    else hi = mid - 1;
  }
  const seg = segments[lo];
  if (!seg) return null;
  return { node: seg.node, offset: Math.max(0, Math.min(seg.node.data.length, u16 - seg.start)) };
}

// codePointsToRange sets range (a DOM Range) to code points [start, end) of
// the source text, for showing a quote or a selection in the rendered text.
export function codePointsToRange(segments, index, start, end, range) {
  const a = utf16ToPoint(segments, index.toUtf16(start));
  const b = utf16ToPoint(segments, index.toUtf16(end));
  if (!a || !b) return null;
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}
