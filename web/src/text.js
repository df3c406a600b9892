// Text helpers: truncation for labels, and finding a quote in its paragraph
// the way the loader matches quotes (typographic quotes and runs of white
// space normalised).

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

const QUOTES = { '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"' };

// normalise returns the normalised text and, for each of its characters,
// the index of the character it came from.
function normalise(text) {
  let out = '';
  const map = [];
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      if (!inSpace) { out += ' '; map.push(i); }
      inSpace = true;
      continue;
    }
    inSpace = false;
    out += (QUOTES[ch] ?? ch).toLowerCase();
    map.push(i);
  }
  return { out, map };
}

// findQuote returns [start, end) of quote in paragraph, or null.
export function findQuote(paragraph, quote) {
  if (!paragraph || !quote) return null;
  const exact = paragraph.indexOf(quote);
  if (exact >= 0) return [exact, exact + quote.length];
  const p = normalise(paragraph);
  const q = normalise(quote.trim());
  const at = p.out.indexOf(q.out);
  if (at < 0) return null;
  const last = p.map[at + q.out.length - 1];
  return [p.map[at], last + 1];
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
// source's text, quoteStart is where the quote starts in it. A span whose
// words are not at its offsets in the quote (the quote's white space was
// normalised, say) is looked for in the quote's text instead; one that is
// still not found, or overlaps an earlier one, is left unmarked.
// Returns [{ text, direct }], which join back to text.
export function directSegments(text, quoteStart, spans) {
  if (!text) return [];
  const at = utf16Offsets(text);
  const cps = at.length - 1;
  const ranges = [];
  for (const s of spans || []) {
    let range = null;
    const rs = s.start - quoteStart;
    const re = s.end - quoteStart;
    if (rs >= 0 && re <= cps && rs < re) {
      const words = text.slice(at[rs], at[re]);
      if (!s.text || normalise(words).out === normalise(s.text).out) range = [at[rs], at[re]];
    }
    if (!range && s.text) range = findQuote(text, s.text);
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
