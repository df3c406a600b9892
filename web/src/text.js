// Text helpers: truncation for labels, whose words a quote holds, and the
// speaker's own words inside a paraphrase, all by the API's code-point
// offsets: the browser matches no words by a normalisation of its own.

// truncate cuts text at a word with an ellipsis, so that graph labels and
// lists stay short.
export function truncate(text, max) {
  if (!text) return '';
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const sp = cut.lastIndexOf(' ');
  return `${(sp > max * 0.6 ? cut.slice(0, sp) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

// paragraphMarks splits the quote's paragraph (Quote.paragraphSpan: its
// words and code-point offsets in the source) around the quote at
// [start, end): { before, quote, after }, or null when the quote is not in it.
export function paragraphMarks(paragraph, start, end) {
  if (!paragraph) return null;
  const cps = Array.from(paragraph.text);
  const a = start - paragraph.start;
  const b = end - paragraph.start;
  if (a < 0 || b > cps.length || a >= b) return null;
  return { before: cps.slice(0, a).join(''), quote: cps.slice(a, b).join(''), after: cps.slice(b).join('') };
}

// Whose words: a quote is DIRECT (the speaker's own words, inside quotation
// marks in the source) or PARAPHRASE (the outlet's words about what was
// said). A paraphrase is never shown in quotation marks.

// outletOf names who wrote a source's words for a reader: its publisher,
// else the outlet a title ends with ("… (The Washington Post, 2015)"), else
// null.
export function outletOf(source) {
  if (!source) return null;
  if (source.publisher && source.publisher.trim()) return source.publisher.trim();
  const m = /\(([^()]*[^()\s,]),\s*\d{4}(?:-\d{2}){0,2}\)\s*$/.exec(source.title || '');
  return m ? m[1] : null;
}

// wordsOf labels words a source holds in its own voice: "The Washington
// Post's words", else "The reporter's words".
export function wordsOf(source) {
  const outlet = outletOf(source);
  if (!outlet) return "The reporter's words";
  return `${outlet[0].toUpperCase()}${outlet.slice(1)}${outlet.endsWith("'s") || outlet.endsWith('’s') ? '' : "'s"} words`;
}

// utf16Offsets maps code-point offsets of text to UTF-16 offsets (JS string
// indices): the API counts Unicode code points, JS strings count UTF-16
// units, and they differ past any character outside the BMP.
export function utf16Offsets(text) {
  const at = [0];
  let i = 0;
  for (const ch of text) {
    i += ch.length;
    at.push(i);
  }
  return at;
}

// directSegments splits a quote's text into runs, marking those that are the
// speaker's own words: spans are { start, end, text } in code points of the
// source's text (Quote.directSpans), the quote is at [quoteStart, quoteEnd)
// of it. When the quote's text has as many code points as its place in the
// source, the spans are cut by their offsets; otherwise (the quote's white
// space differs from the source's) a span is looked for by its exact words
// in the quote's text. One still not found, or overlapping an earlier one, is
// left unmarked. Returns [{ text, direct }], which join back to text.
export function directSegments(text, quoteStart, spans, quoteEnd) {
  if (!text) return [];
  const at = utf16Offsets(text);
  const cps = at.length - 1;
  const aligned = quoteEnd === undefined || quoteEnd - quoteStart === cps;
  const ranges = [];
  for (const s of spans || []) {
    let range = null;
    const rs = s.start - quoteStart;
    const re = s.end - quoteStart;
    if (aligned && rs >= 0 && re <= cps && rs < re) range = [at[rs], at[re]];
    if (!range && s.text) {
      const i = text.indexOf(s.text);
      if (i >= 0) range = [i, i + s.text.length];
    }
    if (range && range[0] < range[1]) ranges.push(range);
  }
  ranges.sort((x, y) => x[0] - y[0]);
  const out = [];
  let pos = 0;
  for (const [a, b] of ranges) {
    if (a < pos) continue; // overlaps the run marked before it
    if (a > pos) out.push({ text: text.slice(pos, a), direct: false });
    out.push({ text: text.slice(a, b), direct: true });
    pos = b;
  }
  if (pos < text.length) out.push({ text: text.slice(pos), direct: false });
  return out;
}
