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
