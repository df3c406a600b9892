// The actor network drawn in SVG: camps as regions and fills, actors as
// shapes by kind sized by the claims they endorse, directed edges from the
// countering actor to the countered one weighted by the counters, and a
// legend. The same function draws the page's view (interactive: edges and
// actors are buttons), the embed and the exported file (not interactive).
import { s, n, FONT, wrapText } from './svg.js';
import { KIND_SHAPE, CAMP_STYLE, REL_STYLE, DATASET_ROW, defs, fillFor, actorShape, datasetKey, datasetRows, crossingPill, crossingWords } from './viewstyle.js';
import { radiusOf } from './network.js';
import { truncate } from './text.js';

// Above this many actors only the most prolific are named on the drawing
// (the others on hover, in the panel and in the text alternative).
export const LABEL_ALL = 150;
const LABEL_TOP = 40;

// INFERRED_DASH draws an edge that rests on the curator's reading (an
// inferred rebuttal or attribution) dotted, apart from a support's dashes.
const INFERRED_DASH = '1.5 4';

const BACKDROP = { A: '#eef2ff', B: '#fff7ed', none: '#f8fafc' };
const plural = (k, word) => `${k} ${word}${k === 1 ? '' : 's'}`;

// edgeText says an edge in words, for its label and the text alternative;
// over several datasets, with the articles its claims come from.
export function edgeText(e, names) {
  const st = REL_STYLE[e.kind];
  const times = e.kind === 'REBUTS' ? plural(e.count, 'exchange') : plural(e.count, 'claim');
  const where = e.crossings?.length ? `; in ${crossingWords(e.crossings)}` : '';
  return `${names.get(e.from) || e.from} ${st.verb} ${names.get(e.to) || e.to}: ${times}${e.inferred ? ' (the curator\'s reading, not the source\'s words)' : ''}${where}`;
}

// actorText says an actor in words: kind, claims, camp.
export function actorText(a) {
  const camp = a.side === 'none' ? 'in no camp' : `camp ${a.side}${a.unsure ? ' (unsure)' : ''}`;
  const presents = a.presented ? `, presents ${a.presented}` : '';
  return `${a.name} (${(KIND_SHAPE[a.kind] || KIND_SHAPE.PERSON).label.toLowerCase()}; endorses ${plural(a.endorsed, 'claim')}${presents}; ${camp})`;
}

// legendHeight is the room the legend takes under the drawing.
export const LEGEND_HEIGHT = 124;

// legend draws the key: kinds by shape, camps by fill, relations by line,
// size and anonymity; campsNote says the method's fit (frustration).
export function legend(x, y, width, { colourBy, rels, prefix, campsNote }) {
  const items = [];
  let cx = x;
  const row1 = y + 18;
  const text = (tx, ty, str, extra = {}) => s('text', { x: n(tx), y: n(ty), 'font-size': 13, fill: '#0f172a', 'font-family': FONT, ...extra }, str);
  const CW = 7.4; // the width of a character at 13 px, about
  items.push(text(x, y + 2, 'Key', { 'font-weight': 700 }));
  for (const [kind, st] of Object.entries(KIND_SHAPE)) {
    items.push(actorShape(kind, cx + 8, row1, 7, { fill: colourBy === 'kind' ? st.color : '#ffffff', stroke: '#0f172a', 'stroke-width': 1.3 }));
    items.push(text(cx + 20, row1 + 4, st.label, kind === 'ANONYMOUS' ? { 'font-style': 'italic' } : {}));
    cx += 30 + st.label.length * CW;
  }
  items.push(text(cx + 6, row1 + 4, 'Size: claims the actor endorses', { fill: '#334155' }));
  const row2 = y + 46;
  cx = x;
  if (colourBy === 'camp') {
    for (const side of ['A', 'B', 'none']) {
      const st = CAMP_STYLE[side];
      items.push(s('rect', { x: cx, y: row2 - 8, width: 16, height: 16, rx: 3, fill: fillFor(side, prefix), stroke: '#0f172a', 'stroke-width': 1.2 }));
      items.push(text(cx + 22, row2 + 4, st.label));
      cx += 36 + st.label.length * CW;
    }
    if (campsNote) items.push(text(cx + 6, row2 + 4, campsNote, { fill: '#334155' }));
  } else {
    items.push(text(cx, row2 + 4, 'Colour: the actor\'s kind (choose "camp" to colour the camps)', { fill: '#334155' }));
  }
  const row3 = y + 74;
  cx = x;
  for (const kind of rels) {
    const st = REL_STYLE[kind];
    items.push(s('line', { x1: cx, y1: row3, x2: cx + 34, y2: row3, stroke: st.color, 'stroke-width': 2.6, 'stroke-dasharray': st.dash, 'marker-end': `url(#${prefix}-arrow-${kind})` }));
    items.push(text(cx + 42, row3 + 4, st.label));
    cx += 52 + st.label.length * CW;
  }
  items.push(s('line', { x1: cx, y1: row3, x2: cx + 34, y2: row3, stroke: '#334155', 'stroke-width': 2.6, 'stroke-dasharray': INFERRED_DASH }));
  items.push(text(cx + 42, row3 + 4, 'dotted: the curator\'s reading'));
  items.push(text(x, row3 + 26, 'Arrows run from the actor whose claim does it to the actor whose claim it targets; thicker is more exchanges.', { fill: '#334155' }));
  return s('g', { 'aria-hidden': 'true', dataset: { part: 'legend' } }, items);
}

// drawNetwork draws the network (network.js's buildNetwork) at its layout
// (layoutNetwork). opts: colourBy ('camp' or 'kind'), rels (kinds drawn, for
// the legend), selected (an edge id), prefix (ids of the defs), interactive
// with onEdge(edge) and onActor(actor), title and desc (the text
// alternative's short form), campsNote, marks (datasets.js's datasetMarks:
// over several datasets, each edge says which its claims come from, by
// the numbers of the key).
export function drawNetwork(net, layout, opts = {}) {
  const { colourBy = 'camp', rels = ['REBUTS'], selected = null, prefix = 'cpv', interactive = false, onEdge, onActor, title = 'Who countered whom', desc = '', campsNote = '', marks = null } = opts;
  const { pos, width, height, boxes } = layout;
  const names = new Map(net.actors.map((a) => [a.id, a.name]));
  const byId = new Map(net.actors.map((a) => [a.id, a]));
  const keyRows = marks ? datasetRows(marks, width - 48 - 80).length : 0;
  const total = height + LEGEND_HEIGHT + (keyRows ? keyRows * DATASET_ROW + 20 : 0);
  const svg = s('svg', {
    xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${width} ${total}`, width, height: total,
    role: 'img', 'aria-labelledby': `${prefix}-title ${prefix}-desc`, 'font-family': FONT,
    dataset: { view: 'network', actors: String(net.actors.length), edges: String(net.edges.length) },
  },
  s('title', { id: `${prefix}-title` }, title),
  s('desc', { id: `${prefix}-desc` }, desc),
  defs(prefix),
  s('rect', { x: 0, y: 0, width, height: total, fill: '#ffffff' }));

  if (colourBy === 'camp' && boxes.some((b) => b.side !== 'none')) {
    svg.append(s('g', { dataset: { part: 'camps' } }, boxes.map((b) => s('g', { dataset: { camp: b.side } },
      s('rect', { x: n(b.x), y: n(b.y), width: n(b.w), height: n(b.h), rx: 14, fill: BACKDROP[b.side], stroke: '#94a3b8', 'stroke-dasharray': b.side === 'none' ? '4 4' : null }),
      s('text', { x: n(b.x + 12), y: n(b.y + 20), 'font-size': 13, 'font-weight': 700, fill: '#0f172a' },
        `${CAMP_STYLE[b.side].label} · ${plural(b.count, 'actor')}`)))));
  }

  // Edges: a pair countered both ways curves, so that the two stay apart.
  const keys = new Set(net.edges.map((e) => e.id));
  const edgeG = s('g', { dataset: { part: 'edges' } });
  const labelG = s('g', { dataset: { part: 'edge-labels' } });
  for (const e of net.edges) {
    const a = pos.get(e.from);
    const b = pos.get(e.to);
    if (!a || !b) continue;
    const st = REL_STYLE[e.kind];
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy) || 1;
    const ux = dx / len;
    const uy = dy / len;
    const ra = radiusOf(byId.get(e.from) || { endorsed: 0 }) + 2;
    const rb = radiusOf(byId.get(e.to) || { endorsed: 0 }) + 3;
    const bend = keys.has(`${e.kind}:${e.to}~${e.from}`) ? 26 : (e.kind === 'REBUTS' ? 0 : 14);
    const x1 = a.x + ux * ra;
    const y1 = a.y + uy * ra;
    const x2 = b.x - ux * rb;
    const y2 = b.y - uy * rb;
    const mx = (x1 + x2) / 2 - uy * bend;
    const my = (y1 + y2) / 2 + ux * bend;
    const d = bend ? `M${n(x1)} ${n(y1)} Q${n(mx)} ${n(my)} ${n(x2)} ${n(y2)}` : `M${n(x1)} ${n(y1)} L${n(x2)} ${n(y2)}`;
    const w = Math.min(10, 1.6 + 1.5 * Math.sqrt(e.count));
    const isSel = selected === e.id;
    const label = edgeText(e, names);
    const crossed = marks && e.crossings?.length ? e.crossings : null;
    const g = s('g', { dataset: { edge: e.id, kind: e.kind, from: e.from, to: e.to, count: String(e.count), inferred: String(!!e.inferred), datasets: crossed ? [...new Set(crossed.flat().map((m) => m.id))].join(' ') : null } });
    if (isSel) g.append(s('path', { d, fill: 'none', stroke: '#f59e0b', 'stroke-width': w + 8, 'stroke-opacity': 0.55, 'stroke-linecap': 'round' }));
    g.append(s('path', { d, fill: 'none', stroke: st.color, 'stroke-width': n(w), 'stroke-dasharray': e.inferred ? INFERRED_DASH : st.dash, 'marker-end': `url(#${prefix}-arrow-${e.kind})`, 'stroke-opacity': 0.9 }));
    if (interactive) {
      const hit = s('path', {
        d, fill: 'none', stroke: '#000000', 'stroke-opacity': 0, 'stroke-width': Math.max(14, w + 8), 'pointer-events': 'stroke',
        tabindex: 0, role: 'button', 'aria-label': `${label}. Show them with their words.`, class: 'hit', cursor: 'pointer',
        'aria-pressed': isSel ? 'true' : 'false',
        onclick: () => onEdge?.(e),
        onkeydown: (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); onEdge?.(e); } },
      }, s('title', {}, label));
      g.append(hit);
    } else g.append(s('title', {}, label));
    edgeG.append(g);
    const lx = bend ? (x1 + 2 * mx + x2) / 4 : mx;
    const ly = bend ? (y1 + 2 * my + y2) / 4 : my;
    if (e.count > 1) {
      labelG.append(s('g', { 'aria-hidden': 'true', 'pointer-events': 'none' },
        s('circle', { cx: n(lx), cy: n(ly), r: 9, fill: '#ffffff', stroke: st.color, 'stroke-width': 1.5 }),
        s('text', { x: n(lx), y: n(ly + 4), 'text-anchor': 'middle', 'font-size': 11, 'font-weight': 700, fill: '#0f172a' }, String(e.count))));
    }
    // Which articles the edge's claims come from, by the key's numbers.
    if (crossed) labelG.append(s('g', { 'aria-hidden': 'true', dataset: { edgeDatasets: e.id } }, crossingPill(crossed, n(lx), n(ly + (e.count > 1 ? 18 : 0)))));
  }
  svg.append(edgeG, labelG);

  // Actors, the biggest last so that they are drawn on top and named.
  const named = new Set(net.actors.length <= LABEL_ALL ? net.actors.map((a) => a.id)
    : [...net.actors].sort((x, y) => (y.endorsed - x.endorsed) || (x.id < y.id ? -1 : 1)).slice(0, LABEL_TOP).map((a) => a.id));
  const nodeG = s('g', { dataset: { part: 'actors' } });
  for (const a of net.actors) {
    const p = pos.get(a.id);
    if (!p) continue;
    const r = radiusOf(a);
    const fill = colourBy === 'camp' ? fillFor(a.side, prefix) : (KIND_SHAPE[a.kind] || KIND_SHAPE.PERSON).color;
    const g = s('g', { dataset: { actor: a.id, kind: a.kind, camp: a.side, endorsed: String(a.endorsed) } },
      actorShape(a.kind, n(p.x), n(p.y), n(r), { fill, stroke: '#0f172a', 'stroke-width': a.anonymous ? 2 : 1.4 }));
    if (a.unsure) g.append(s('text', { x: n(p.x), y: n(p.y + 4), 'text-anchor': 'middle', 'font-size': 12, 'font-weight': 700, fill: colourBy === 'camp' ? CAMP_STYLE[a.side].ink : '#ffffff' }, '?'));
    if (named.has(a.id)) {
      const lines = wrapText(truncate(a.name, 60), 20).slice(0, 3);
      g.append(s('text', {
        x: n(p.x), y: n(p.y + r + 14), 'text-anchor': 'middle', 'font-size': 12.5, fill: '#0f172a',
        'font-style': a.anonymous ? 'italic' : null, 'font-weight': a.endorsed >= 3 ? 600 : null,
        stroke: '#ffffff', 'stroke-width': 3, 'paint-order': 'stroke', 'stroke-linejoin': 'round',
      }, lines.map((line, i) => s('tspan', { x: n(p.x), dy: i ? 14 : 0 }, line))));
    }
    const label = actorText(a);
    if (interactive) {
      g.setAttribute('tabindex', '0');
      g.setAttribute('role', 'button');
      g.setAttribute('aria-label', `${label}. Open its trace.`);
      g.setAttribute('cursor', 'pointer');
      g.setAttribute('class', 'hit');
      g.addEventListener('click', () => onActor?.(a));
      g.addEventListener('keydown', (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); onActor?.(a); } });
    }
    g.append(s('title', {}, label));
    nodeG.append(g);
  }
  svg.append(nodeG);
  svg.append(s('line', { x1: 20, y1: height + 4, x2: width - 20, y2: height + 4, stroke: '#cbd5e1' }));
  svg.append(legend(24, height + 22, width - 48, { colourBy, rels, prefix, campsNote }));
  if (marks) svg.append(datasetKey(marks, 24, height + LEGEND_HEIGHT + 14, width - 48).g);
  return svg;
}
