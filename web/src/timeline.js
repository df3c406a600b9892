// The debate over time: the timeline's model (lanes, the time scale, claims
// packed into rows) and its drawing in SVG.
//
// Each claim is drawn over the days its date covers, as the API gives them
// (when.first..when.last): a claim dated to a month is a month-wide band, to
// a year a year-wide one, never a point on a day the source did not give.
// Lanes are actors (each claim in the lane of every actor who put it
// forward) or camps (the claims of the camp's actors); counters are arrows
// from the countering claim to the countered one; the dated documents are
// bands in their own lane at the top. Undated claims are not placed: the
// page lists them apart.
import { s, n, FONT, wrapText } from './svg.js';
import { CAMP_STYLE, KIND_SHAPE, REL_STYLE, DATASET_ROW, defs, fillFor, actorShape, datasetBadge, datasetKey, datasetRows, crossingPill, crossingWords } from './viewstyle.js';
import { campSides } from './network.js';
import { truncate } from './text.js';

const DAY = 86400000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const PRECISION_WORD = { YEAR: 'the year', MONTH: 'the month', DAY: 'the day' };

// Drawing sizes.
export const TL = { width: 1200, label: 250, right: 24, axis: 44, row: 17, band: 13, lanePad: 10, legend: 124 };

// dayOf turns YYYY-MM-DD into a day number (days since 1970-01-01, UTC).
export function dayOf(date) {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, (m || 1) - 1, d || 1) / DAY;
}

// dateWords writes a date as the source gives it, in words: 2015, July
// 2015, or 8 July 2015.
export function dateWords(date) {
  if (!date) return 'undated';
  const [y, m, d] = date.split('-');
  if (!m) return y;
  const month = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][Number(m) - 1];
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

// scale maps day numbers to x over [x0, x1], with the domain padded by a
// few per cent on each side.
export function makeScale(firstDay, endDay, x0, x1) {
  const span = Math.max(endDay - firstDay, 28);
  const pad = span * 0.03;
  const d0 = firstDay - pad;
  const d1 = endDay + pad;
  const k = (x1 - x0) / (d1 - d0);
  const x = (day) => x0 + (day - d0) * k;
  x.d0 = d0;
  x.d1 = d1;
  x.k = k;
  return x;
}

// pack puts items ({x, w}) into the fewest rows where none overlaps another
// (a gap of 3 px), in the order given; returns the number of rows.
export function pack(items) {
  const ends = [];
  for (const it of items) {
    let r = ends.findIndex((end) => end + 3 <= it.x);
    if (r < 0) { r = ends.length; ends.push(0); }
    ends[r] = it.x + it.w;
    it.row = r;
  }
  return Math.max(1, ends.length);
}

function laneOrder(x, y) {
  const side = { A: 0, B: 1, none: 2 };
  return (side[x.side] - side[y.side]) || (x.group - y.group) || (x.start - y.start) || x.label.localeCompare(y.label) || (x.id < y.id ? -1 : 1);
}

// buildTimeline lays the timeline out: lanes by actor or camp, each claim
// placed over its days and packed into rows, the documents in the top lane,
// the counters between the claims' bands. width is the drawing's width.
export function buildTimeline(data, { lanes = 'actor', width = TL.width } = {}) {
  const tl = data.timeline || { entries: [], undated: [], documents: [], counters: [] };
  const sides = campSides(data.camps);
  const days = [];
  for (const e of tl.entries) days.push(dayOf(e.when.first), dayOf(e.when.last) + 1);
  for (const d of tl.documents) days.push(dayOf(d.when.first), dayOf(d.when.last) + 1);
  const first = days.length ? Math.min(...days) : dayOf('2015-01-01');
  const end = days.length ? Math.max(...days) : first + 365;
  const x = makeScale(first, end, TL.label, width - TL.right);

  const laneMap = new Map();
  const laneOf = (key, make) => {
    let l = laneMap.get(key);
    if (!l) { l = { items: new Map(), start: Infinity, ...make() }; laneMap.set(key, l); }
    return l;
  };
  const actorNames = new Map();
  for (const e of tl.entries) {
    const c = e.claim;
    const f = dayOf(e.when.first);
    const l = dayOf(e.when.last) + 1;
    for (const as of c.assertions || []) {
      const a = as.actor;
      actorNames.set(a.id, a.name);
      const side = sides.get(a.id) || { side: 'none', group: 0, unsure: false };
      const key = lanes === 'camp' ? `camp:${side.group}:${side.side}` : `actor:${a.id}`;
      const lane = laneOf(key, () => (lanes === 'camp'
        ? { id: key, label: CAMP_STYLE[side.side].label, side: side.side, group: side.group, actors: new Map() }
        : { id: key, label: a.name, side: side.side, group: side.group, kind: a.kind, anonymous: !!a.anonymous || a.kind === 'ANONYMOUS', actorId: a.id, unsure: side.unsure, actors: new Map() }));
      lane.actors.set(a.id, a.name);
      lane.start = Math.min(lane.start, f);
      const cur = lane.items.get(c.id);
      const endorses = as.stance !== 'PRESENTS';
      if (cur) cur.endorses = cur.endorses || endorses;
      else {
        lane.items.set(c.id, {
          claim: c, first: e.when.first, last: e.when.last, precision: e.when.precision, date: e.when.date, endorses,
          bound: e.when.bound || 'IN', dateInferred: !!e.when.inferred,
          x: x(f), w: Math.max(3, x(l) - x(f)),
        });
      }
    }
  }
  const laneList = [...laneMap.values()].sort(laneOrder);
  const groups = new Set(laneList.map((l) => l.group).filter((g) => g > 0));
  let y = TL.axis;
  // The documents' lane: each band with its label to its right.
  const docs = tl.documents.map((d) => {
    const f = dayOf(d.when.first);
    const l = dayOf(d.when.last) + 1;
    const label = `${truncate(d.source.title, 48)} (${dateWords(d.when.date)})`;
    const bx = x(f);
    const bw = Math.max(3, x(l) - x(f));
    return { source: d.source, when: d.when, label, x: bx, w: bw, labelW: label.length * 6.1 + 8, row: 0 };
  });
  // A label goes inside a band wide enough for it, else after the band, or
  // before it near the right edge; band and label are packed together.
  const right = width - TL.right;
  const wrappers = docs.map((d) => {
    if (d.w >= d.labelW + 4) d.place = 'inside';
    else if (d.x + d.w + d.labelW <= right + TL.right) d.place = 'after';
    else d.place = 'before';
    const x0 = d.place === 'before' ? d.x - d.labelW : d.x;
    const w = d.place === 'inside' ? d.w : d.w + d.labelW;
    return { x: x0, w, d };
  }).sort((p, q) => (p.x - q.x) || (p.d.source.id < q.d.source.id ? -1 : 1));
  const docRows = pack(wrappers);
  for (const wr of wrappers) wr.d.row = wr.row;
  const docLane = { y, h: docRows * TL.row + 2 * TL.lanePad };
  y += docLane.h;
  for (const lane of laneList) {
    const items = [...lane.items.values()].sort((p, q) => (p.x - q.x) || (q.w - p.w) || (p.claim.id < q.claim.id ? -1 : 1));
    lane.rows = pack(items);
    lane.list = items;
    lane.y = y;
    lane.h = lane.rows * TL.row + 2 * TL.lanePad;
    if (lanes === 'camp') {
      const names = [...lane.actors.values()].sort((p, q) => p.localeCompare(q));
      lane.label = `${CAMP_STYLE[lane.side].label}${groups.size > 1 && lane.group ? ` (group ${lane.group})` : ''}`;
      lane.sub = `${names.length} actor${names.length === 1 ? '' : 's'}: ${names.join(', ')}`;
    }
    y += lane.h;
  }
  // Where each claim is drawn, lane by lane, for the counters' arrows.
  const at = new Map();
  for (const lane of laneList) {
    for (const it of lane.list) {
      it.y = lane.y + TL.lanePad + it.row * TL.row;
      const list = at.get(it.claim.id) || [];
      list.push({ lane, it });
      at.set(it.claim.id, list);
    }
  }
  const counters = [];
  for (const k of tl.counters || []) {
    const from = at.get(k.counter.id);
    const to = at.get(k.target.id);
    if (!from || !to) continue;
    const byIds = new Set(k.by.map((a) => a.id));
    const againstIds = new Set(k.against.map((a) => a.id));
    // From the countering claim in its actors' lanes to the countered claim
    // in its actors' lanes: in camp lanes, once a pair of lanes.
    const pick = (list, ids) => {
      const mine = list.filter((p) => [...p.lane.actors.keys()].some((id) => ids.has(id)));
      return mine.length ? mine : list;
    };
    const seen = new Set();
    for (const f of pick(from, byIds)) {
      for (const t of pick(to, againstIds)) {
        if (f.lane === t.lane && f.it === t.it) continue;
        const key = `${f.lane.id}|${t.lane.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        counters.push({ counter: k.counter.id, target: k.target.id, inferred: !!k.inferred, from: f.it, to: t.it });
      }
    }
  }
  return {
    lanes: laneList, docs, docLane, counters, x, width, height: y + 8,
    undated: tl.undated || [], truncated: !!tl.truncated, mode: lanes,
    ticks: ticks(x),
  };
}

// ticks are the axis's marks: months (labelled, years under January and
// the first) over spans of up to four years, else years.
function ticks(x) {
  const out = [];
  const start = new Date(Math.ceil(x.d0) * DAY);
  const endDay = x.d1;
  const months = (endDay - x.d0) / 30.44;
  let y = start.getUTCFullYear();
  let m = start.getUTCMonth();
  if (months <= 48) {
    for (;;) {
      m++;
      if (m > 11) { m = 0; y++; }
      const day = Date.UTC(y, m, 1) / DAY;
      if (day > endDay) break;
      out.push({ day, x: x(day), label: months <= 20 || m % 3 === 0 ? MONTHS[m] : '', year: m === 0 || out.length === 0 ? String(y) : '' });
    }
  } else {
    for (;;) {
      y++;
      const day = Date.UTC(y, 0, 1) / DAY;
      if (day > endDay) break;
      out.push({ day, x: x(day), label: '', year: String(y) });
    }
  }
  return out;
}

// whenWords says a placed claim's date as the source gives it: "by July
// 2015" for a bound, with its precision, and whether its year is the
// curator's inference.
export function whenWords(it) {
  const date = `${it.bound === 'BY' ? 'by ' : ''}${dateWords(it.date)}`;
  const when = it.precision === 'DAY' ? date : `${date} (${PRECISION_WORD[it.precision]}, not a day)`;
  return it.dateInferred ? `${when}; year inferred by the curator` : when;
}

// claimText says a placed claim in words, with its date at its precision.
export function claimText(it) {
  return `${it.claim.text} — ${whenWords(it)}${it.endorses ? '' : '; presented, not endorsed'}`;
}

// drawTimeline draws a built timeline. opts: prefix (ids of the defs),
// colourBy camp, interactive with onClaim(claim), selected (a claim id),
// title and desc, campsNote, marks (datasets.js's datasetMarks: over
// several datasets, each claim carries its dataset's number, and a counter
// between two datasets says both).
export function drawTimeline(t, opts = {}) {
  const { prefix = 'cpt', interactive = false, onClaim, selected = null, title = 'The debate over time', desc = '', campsNote = '', marks = null } = opts;
  const { width } = t;
  const keyRows = marks ? datasetRows(marks, width - 48 - 80).length : 0;
  const total = t.height + TL.legend + (keyRows ? keyRows * DATASET_ROW + 10 : 0);
  const markOf = (c) => (marks ? marks.get(c.dataset) || null : null);
  const svg = s('svg', {
    xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${width} ${total}`, width, height: total,
    role: 'img', 'aria-labelledby': `${prefix}-title ${prefix}-desc`, 'font-family': FONT,
    dataset: { view: 'timeline', lanes: String(t.lanes.length), mode: t.mode },
  },
  s('title', { id: `${prefix}-title` }, title),
  s('desc', { id: `${prefix}-desc` }, desc),
  defs(prefix),
  s('rect', { x: 0, y: 0, width, height: total, fill: '#ffffff' }));
  const text = (x, y, str, extra = {}) => s('text', { x: n(x), y: n(y), 'font-size': 12, fill: '#0f172a', ...extra }, str);

  // Lanes' backdrops, alternating, and their labels.
  const lanesG = s('g', { dataset: { part: 'lanes' } });
  lanesG.append(s('rect', { x: 0, y: t.docLane.y, width, height: t.docLane.h, fill: '#f1f5f9' }),
    text(12, t.docLane.y + 20, 'Dated documents', { 'font-weight': 700 }));
  t.lanes.forEach((lane, i) => {
    const g = s('g', { dataset: { lane: lane.id, camp: lane.side } },
      s('rect', { x: 0, y: lane.y, width, height: lane.h, fill: i % 2 ? '#ffffff' : '#f8fafc' }),
      s('line', { x1: 0, y1: lane.y, x2: width, y2: lane.y, stroke: '#e2e8f0' }));
    const lx = 12;
    const ly = lane.y + 17;
    g.append(s('rect', { x: lx, y: ly - 10, width: 12, height: 12, rx: 2, fill: fillFor(lane.side, prefix), stroke: '#0f172a', 'stroke-width': 1 }));
    if (lane.kind) g.append(actorShape(lane.kind, lx + 26, ly - 4, 5.5, { fill: '#ffffff', stroke: '#0f172a', 'stroke-width': 1.2 }));
    const lines = wrapText(truncate(lane.label, 60), 30).slice(0, 2);
    g.append(text(lx + (lane.kind ? 38 : 20), ly, lines[0], { 'font-weight': 600, 'font-style': lane.anonymous ? 'italic' : null }));
    if (lines[1] && lane.h >= 34) g.append(text(lx + (lane.kind ? 38 : 20), ly + 14, lines[1], { 'font-weight': 600, 'font-style': lane.anonymous ? 'italic' : null }));
    if (lane.sub) {
      const sub = wrapText(truncate(lane.sub, 200), 38);
      sub.slice(0, Math.max(1, Math.floor((lane.h - 24) / 13))).forEach((line, j) => g.append(text(lx + 20, ly + 15 + j * 13, line, { 'font-size': 11, fill: '#334155' })));
    }
    lanesG.append(g);
  });
  svg.append(lanesG);

  // The axis: month (or year) lines across every lane.
  const axisG = s('g', { dataset: { part: 'axis' } });
  axisG.append(s('line', { x1: TL.label, y1: TL.axis - 2, x2: width - TL.right, y2: TL.axis - 2, stroke: '#334155' }));
  for (const tk of t.ticks) {
    axisG.append(s('line', { x1: n(tk.x), y1: TL.axis - 8, x2: n(tk.x), y2: t.height, stroke: tk.year ? '#94a3b8' : '#e2e8f0', 'stroke-width': tk.year ? 1.2 : 1 }));
    if (tk.label) axisG.append(text(tk.x + 3, TL.axis - 12, tk.label, { 'font-size': 11, fill: '#334155' }));
    if (tk.year) axisG.append(text(tk.x + 3, TL.axis - 26, tk.year, { 'font-size': 12, 'font-weight': 700 }));
  }
  svg.append(axisG);

  // The documents.
  const docsG = s('g', { dataset: { part: 'documents' } });
  for (const d of t.docs) {
    const y = t.docLane.y + TL.lanePad + d.row * TL.row;
    docsG.append(s('g', { dataset: { doc: d.source.id, kind: d.source.kind, first: d.when.first, last: d.when.last, precision: d.when.precision, x: String(n(d.x)), w: String(n(d.w)) } },
      s('rect', { x: n(d.x), y: n(y), width: n(d.w), height: TL.band, fill: '#cbd5e1', stroke: '#0f172a', 'stroke-width': 1.2 }),
      s('path', { d: `M${n(d.x)} ${n(y)} l6 0 l-6 6 z`, fill: '#0f172a' }),
      d.place === 'inside' ? text(d.x + 10, y + 10.5, d.label, { 'font-size': 11.5 })
        : d.place === 'after' ? text(d.x + d.w + 5, y + 10.5, d.label, { 'font-size': 11.5 })
          : text(d.x - 5, y + 10.5, d.label, { 'font-size': 11.5, 'text-anchor': 'end' }),
      s('title', {}, `${d.source.title}: ${dateWords(d.when.date)}${d.when.precision === 'DAY' ? '' : ` (${PRECISION_WORD[d.when.precision]}, not a day)`}`)));
  }
  svg.append(docsG);

  // Counters under the claims, so that the bands stay readable.
  const countersG = s('g', { dataset: { part: 'counters' } });
  for (const k of t.counters) {
    const a = k.from;
    const b = k.to;
    const ax = a.x + a.w / 2;
    const bx = b.x + b.w / 2;
    const ay = a.y + TL.band / 2;
    const by = b.y + TL.band / 2;
    const down = by > ay;
    const y1 = down ? a.y + TL.band : a.y;
    const y2 = down ? b.y - 2 : b.y + TL.band + 2;
    const bend = Math.max(24, Math.abs(y2 - y1) * 0.45);
    const d = `M${n(ax)} ${n(y1)} C${n(ax)} ${n(y1 + (down ? bend : -bend))} ${n(bx)} ${n(y2 - (down ? bend : -bend))} ${n(bx)} ${n(y2)}`;
    const ma = markOf(a.claim);
    const mb = markOf(b.claim);
    const across = ma && mb && ma.n !== mb.n;
    countersG.append(s('g', { dataset: { counter: k.counter, target: k.target, datasets: ma && mb ? `${ma.id} ${mb.id}` : null } },
      s('path', { d, fill: 'none', stroke: '#ffffff', 'stroke-width': 5, 'stroke-opacity': 0.8 }),
      s('path', { d, fill: 'none', stroke: REL_STYLE.REBUTS.color, 'stroke-width': 2.2, 'stroke-dasharray': k.inferred ? '5 3' : null, 'marker-end': `url(#${prefix}-arrow-REBUTS)` }),
      across ? crossingPill([[ma, mb]], n((ax + bx) / 2), n((y1 + y2) / 2)) : null,
      s('title', {}, `${truncate(a.claim.text, 80)}${ma ? ` (${ma.n}. ${ma.title})` : ''} — counters — ${truncate(b.claim.text, 80)}${mb ? ` (${mb.n}. ${mb.title})` : ''}${across ? `; across articles: ${crossingWords([[ma, mb]])}` : ''}`)));
  }

  // The claims.
  const claimsG = s('g', { dataset: { part: 'claims' } });
  for (const lane of t.lanes) {
    for (const it of lane.list) {
      const fill = it.endorses ? fillFor(lane.side, prefix) : '#ffffff';
      const ink = it.endorses ? CAMP_STYLE[lane.side].ink : '#0f172a';
      const mark = markOf(it.claim);
      const label = `${claimText(it)}${mark ? ` — ${mark.n}. ${mark.title}` : ''}`;
      const g = s('g', {
        dataset: { claim: it.claim.id, dataset: mark ? mark.id : null, lane: lane.id, precision: it.precision, first: it.first, last: it.last, date: it.date, bound: it.bound, dateInferred: String(it.dateInferred), when: whenWords(it), x: String(n(it.x)), w: String(n(it.w)), stance: it.endorses ? 'ENDORSES' : 'PRESENTS' },
      },
      selected === it.claim.id ? s('rect', { x: n(it.x - 3), y: n(it.y - 3), width: n(it.w + 6), height: TL.band + 6, rx: 4, fill: '#f59e0b', 'fill-opacity': 0.6 }) : null,
      s('rect', {
        x: n(it.x), y: n(it.y), width: n(it.w), height: TL.band, rx: it.precision === 'DAY' ? 6 : 2,
        fill, stroke: '#0f172a', 'stroke-width': 1.1, 'stroke-dasharray': it.endorses ? null : '3 2',
      }));
      // A claim made by its date at the latest: a dotted lead back from its
      // band, with "by" (the source says "By July", not in July).
      if (it.bound === 'BY') {
        g.append(s('line', { x1: n(it.x - 26), y1: n(it.y + TL.band / 2), x2: n(it.x), y2: n(it.y + TL.band / 2), stroke: '#0f172a', 'stroke-width': 1.1, 'stroke-dasharray': '1.5 3' }),
          text(it.x - 26, it.y - 2, 'by', { 'font-size': 9.5, fill: '#0f172a', 'pointer-events': 'none' }));
      }
      const pad = mark ? 14 : 0;
      if (it.w > 60 + pad) {
        const chars = Math.floor((it.w - 8 - pad) / 6.3);
        g.append(text(it.x + 4 + pad, it.y + 10.3, `${it.dateInferred ? '*' : ''}${truncate(it.claim.text, chars)}`, { 'font-size': 10.5, fill: ink, 'pointer-events': 'none' }));
      }
      if (mark) g.append(datasetBadge(mark, n(it.x + 6.5), n(it.y + TL.band / 2), 6));
      if (interactive) {
        Object.entries({ tabindex: '0', role: 'button', 'aria-label': `${lane.label}: ${label}. Show the claim.`, cursor: 'pointer', class: 'hit' })
          .forEach(([k, v]) => g.setAttribute(k, v));
        g.addEventListener('click', () => onClaim?.(it.claim));
        g.addEventListener('keydown', (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); onClaim?.(it.claim); } });
      }
      g.append(s('title', {}, label));
      claimsG.append(g);
    }
  }
  svg.append(claimsG, countersG);

  // The key.
  const ly = t.height + 22;
  const key = s('g', { 'aria-hidden': 'true', dataset: { part: 'legend' } },
    s('line', { x1: 20, y1: t.height + 4, x2: width - 20, y2: t.height + 4, stroke: '#cbd5e1' }),
    text(24, ly, 'Key', { 'font-weight': 700 }));
  let cx = 24;
  const row1 = ly + 22;
  for (const side of ['A', 'B', 'none']) {
    key.append(s('rect', { x: cx, y: row1 - 10, width: 30, height: TL.band, rx: 2, fill: fillFor(side, prefix), stroke: '#0f172a', 'stroke-width': 1.1 }),
      text(cx + 36, row1, `claim endorsed: ${side === 'none' ? 'in no camp' : CAMP_STYLE[side].label}`));
    cx += 36 + 200;
  }
  key.append(s('rect', { x: cx, y: row1 - 10, width: 30, height: TL.band, rx: 2, fill: '#ffffff', stroke: '#0f172a', 'stroke-dasharray': '3 2' }),
    text(cx + 36, row1, 'presented, not endorsed'));
  const row2 = ly + 44;
  key.append(s('line', { x1: 24, y1: row2 - 4, x2: 58, y2: row2 - 4, stroke: REL_STYLE.REBUTS.color, 'stroke-width': 2.2, 'marker-end': `url(#${prefix}-arrow-REBUTS)` }),
    text(66, row2, 'counters (from the countering claim to the one it counters)'),
    s('rect', { x: 430, y: row2 - 10, width: 30, height: TL.band, fill: '#cbd5e1', stroke: '#0f172a' }),
    text(466, row2, 'dated document'),
    text(590, row2, 'A band spans the days its date covers: a month-wide band is dated to the month, never to a day.', { fill: '#334155' }));
  const row3 = ly + 66;
  key.append(s('line', { x1: 24, y1: row3 - 4, x2: 58, y2: row3 - 4, stroke: REL_STYLE.REBUTS.color, 'stroke-width': 2.2, 'stroke-dasharray': '5 3' }),
    text(66, row3, 'dashed: a counter that is the curator\'s reading'),
    text(430, row3, '"by": made by that date at the latest · *: year inferred by the curator (the article\'s own date)', { fill: '#334155' }));
  if (campsNote) key.append(text(24, ly + 90, campsNote, { fill: '#334155' }));
  if (marks) key.append(datasetKey(marks, 24, t.height + TL.legend + 4, width - 48).g);
  svg.append(key);
  return svg;
}
