// The studio's reader: a source's text on the page, paragraph by paragraph,
// with the quotes already taken from it (and the draft's, the suggestions'
// and the counter hints') marked, and the curator's selection turned into
// code-point offsets (offsets.js). Every character of the text is in exactly
// one text node, so that a selection maps back exactly, even across line
// breaks and paragraph ends.
import { clear, h } from './dom.js';
import { CodePoints, proposeQuote, rangeToCodePoints, codePointsToRange } from './offsets.js';

export class Reader {
  constructor(root) {
    this.root = root;
    this.index = new CodePoints('');
    this.quotations = [];
    this.segments = [];
    this.paragraphs = [];
  }

  // load sets the text, its paragraphs and the runs inside quotation marks,
  // as the API gives them (Source.paragraphs, Source.quotations: code-point
  // spans by the rules every quote is checked with; the browser has no copy).
  load(text, paragraphs, quotations) {
    this.index = new CodePoints(text || '');
    this.quotations = quotations || [];
    this.paragraphs = paragraphs || [];
  }

  get text() { return this.index.text; }

  // render draws the text with highlights [{ start, end, cls, title }] in
  // code points; overlapping highlights share the runs they overlap.
  render(highlights = []) {
    const root = clear(this.root);
    this.segments = [];
    const n = this.index.length;
    if (!n) return;
    const cuts = new Set([0, n]);
    for (const p of this.paragraphs) { cuts.add(p.start); cuts.add(p.end); }
    const hs = highlights.filter((x) => x.start < x.end && x.start >= 0 && x.end <= n);
    for (const x of hs) { cuts.add(x.start); cuts.add(x.end); }
    const points = [...cuts].sort((a, b) => a - b);
    let para = 0;
    let paraEl = null;
    let gapEl = null;
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i];
      const b = points[i + 1];
      while (para < this.paragraphs.length && this.paragraphs[para].end <= a) { para++; paraEl = null; }
      const p = this.paragraphs[para];
      const inPara = p && p.start <= a && b <= p.end;
      let parent;
      if (inPara) {
        if (!paraEl) {
          paraEl = h('p', { class: 'src-para', dataset: { start: String(p.start), end: String(p.end) } });
          root.append(paraEl);
          gapEl = null;
        }
        parent = paraEl;
      } else {
        // White space between paragraphs: kept in the DOM (a selection across
        // a paragraph's end includes it), not drawn.
        if (!gapEl || gapEl !== root.lastChild) { gapEl = h('span', { class: 'src-gap' }); root.append(gapEl); }
        parent = gapEl;
      }
      const u16a = this.index.toUtf16(a);
      const node = document.createTextNode(this.index.text.slice(u16a, this.index.toUtf16(b)));
      this.segments.push({ node, start: u16a });
      const cover = inPara ? hs.filter((x) => x.start <= a && b <= x.end) : [];
      if (cover.length) {
        const cls = [...new Set(cover.map((x) => x.cls))].join(' ');
        const title = cover.map((x) => x.title).filter(Boolean).join('; ');
        parent.append(h('mark', { class: `hl ${cls}`, title: title || null, dataset: { start: String(a), end: String(b) } }, node));
      } else {
        parent.append(node);
      }
    }
  }

  // selection returns the code points the page's selection covers in the
  // text, or null when it covers none of it.
  selection() {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0);
    if (!this.root.contains(range.commonAncestorContainer) && !range.intersectsNode(this.root)) return null;
    return rangeToCodePoints(this.root, this.segments, this.index, range);
  }

  // propose turns code points [start, end) into a proposed quote (trimmed,
  // with its kind), or null.
  propose(start, end) {
    return proposeQuote(this.index, start, end, this.quotations);
  }

  // select selects code points [start, end) on the page and scrolls to them.
  select(start, end) {
    const range = codePointsToRange(this.segments, this.index, start, end, document.createRange());
    if (!range) return;
    const sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    const el = range.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center' });
  }

  // find lists every place where words occur in the text (white space and
  // typographic quotes need not match), as code-point spans.
  find(words) {
    const w = (words || '').trim();
    if (!w) return [];
    const pattern = Array.from(w).map((ch) => {
      if (/\s/u.test(ch)) return '\\s+';
      if (/["“”„‟″]/u.test(ch)) return '["“”„‟″]';
      if (/['‘’‚‛′]/u.test(ch)) return "['‘’‚‛′]";
      return ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }).join('').replace(/(\\s\+)+/g, '\\s+');
    const re = new RegExp(pattern, 'giu');
    const out = [];
    for (const m of this.index.text.matchAll(re)) {
      out.push({ start: this.index.toCodePoint(m.index), end: this.index.toCodePoint(m.index + m[0].length, 'up') });
      if (out.length >= 50) break;
    }
    return out;
  }
}
