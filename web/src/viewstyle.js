// The look of the journalist's views, chosen to print: every distinction
// drawn by colour is also drawn by shape, outline or pattern, so that a
// greyscale print (or a reader who does not tell the colours apart) loses
// nothing. The camps differ in lightness as well as hue (a dark solid fill
// against a light hatched one), actor kinds by shape, relation kinds by
// dashes, anonymous sources by a dashed outline and an italic name.
import { s } from './svg.js';
import { truncate } from './text.js';

// Actor kinds: the explorer's shapes (graph.js), drawn in SVG.
export const KIND_SHAPE = {
  PERSON: { shape: 'circle', color: '#2563eb', label: 'Person' },
  ORGANIZATION: { shape: 'hexagon', color: '#0f766e', label: 'Organization' },
  COLLECTIVE: { shape: 'octagon', color: '#7c3aed', label: 'Collective (group)' },
  STATE: { shape: 'diamond', color: '#b45309', label: 'State' },
  ANONYMOUS: { shape: 'circle', color: '#6b7280', label: 'Anonymous source', dashed: true },
};

// Camps: side A (the first camp of its group) dark and solid, side B light
// and hatched, no camp pale grey (white is for a claim only presented).
export const CAMP_STYLE = {
  A: { fill: '#1e3a8a', pattern: null, ink: '#ffffff', label: 'Camp A' },
  B: { fill: '#fdba74', pattern: 'hatch', ink: '#0f172a', label: 'Camp B' },
  none: { fill: '#e5e7eb', pattern: null, ink: '#0f172a', label: 'In no camp' },
};

// Relations between actors: counters (rebuttals) solid, supports dashed,
// qualifications dotted; each with its own arrowhead.
export const REL_STYLE = {
  REBUTS: { color: '#b91c1c', dash: null, label: 'countered (rebuttals)', verb: 'countered' },
  SUPPORTS: { color: '#15803d', dash: '8 4', label: 'supported', verb: 'supported' },
  QUALIFIES: { color: '#7e22ce', dash: '2 3', label: 'qualified', verb: 'qualified' },
};
// The network draws the relations the camps weigh as ties (camps.weighed):
// counters and supports; a qualification ties no one.
export const VIEW_RELATIONS = ['REBUTS', 'SUPPORTS'];

// fillFor is the fill of an actor or a claim of a camp side: a colour, or
// the hatch pattern over it (the pattern is in the drawing's defs).
export function fillFor(side, prefix) {
  const st = CAMP_STYLE[side] || CAMP_STYLE.none;
  return st.pattern ? `url(#${prefix}-${st.pattern}-${side})` : st.fill;
}

// defs draws the patterns and arrowheads a view refers to, with ids under
// prefix (one drawing per page, or one per exported file).
export function defs(prefix) {
  const b = CAMP_STYLE.B;
  return s('defs', {},
    s('pattern', { id: `${prefix}-hatch-B`, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
      s('rect', { width: 6, height: 6, fill: b.fill }),
      s('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: '#7c2d12', 'stroke-width': 1.6 })),
    Object.entries(REL_STYLE).map(([kind, st]) => s('marker', {
      id: `${prefix}-arrow-${kind}`, viewBox: '0 0 10 10', refX: 9, refY: 5,
      markerWidth: 11, markerHeight: 11, markerUnits: 'userSpaceOnUse', orient: 'auto',
    }, kind === 'QUALIFIES'
      ? s('path', { d: 'M1 5 L5.5 1 L10 5 L5.5 9 Z', fill: st.color })
      : s('path', { d: kind === 'SUPPORTS' ? 'M0 0 L10 5 L0 10 L3 5 Z' : 'M0 0 L10 5 L0 10 Z', fill: st.color }))));
}

// actorShape draws an actor's shape of radius r at (x, y).
export function actorShape(kind, x, y, r, attrs) {
  const st = KIND_SHAPE[kind] || KIND_SHAPE.PERSON;
  const dashed = st.dashed ? { 'stroke-dasharray': '3 2' } : {};
  const corners = { hexagon: [6, 0], octagon: [8, Math.PI / 8], diamond: [4, 0] }[st.shape];
  if (!corners) return s('circle', { cx: x, cy: y, r, ...dashed, ...attrs });
  const pts = [];
  for (let i = 0; i < corners[0]; i++) {
    const a = corners[1] + (2 * Math.PI * i) / corners[0];
    const rr = st.shape === 'diamond' ? r * 1.25 : r * 1.08;
    pts.push(`${Math.round((x + rr * Math.cos(a)) * 100) / 100},${Math.round((y + rr * Math.sin(a)) * 100) / 100}`);
  }
  return s('polygon', { points: pts.join(' '), ...dashed, ...attrs });
}

// Datasets (articles) in a view of several: each a number in a coloured
// disc, the number telling them apart in print and the colour on screen.
export const DATASET_COLOURS = ['#0e7490', '#a21caf', '#4d7c0f', '#c2410c', '#1d4ed8', '#be123c', '#854d0e', '#475569'];

// datasetBadge draws a dataset's mark ({ n, colour }) centred at (x, y).
export function datasetBadge(mark, x, y, r = 6.5) {
  return s('g', { dataset: { datasetMark: String(mark.n) }, 'pointer-events': 'none' },
    s('circle', { cx: x, cy: y, r, fill: mark.colour, stroke: '#ffffff', 'stroke-width': 1 }),
    s('text', { x, y: Math.round((y + r * 0.55) * 100) / 100, 'text-anchor': 'middle', 'font-size': Math.round(r * 1.45 * 10) / 10, 'font-weight': 700, fill: '#ffffff' }, String(mark.n)));
}

// crossingText says which datasets a counter or an edge joins, by their
// numbers: "2" within one, "1→2" from a claim of one to a claim of another.
export function crossingText(crossings) {
  return crossings.map(([a, b]) => (a.n === b.n ? `${a.n}` : `${a.n}→${b.n}`)).join(' · ');
}

// DATASET_ROW is the height of one row of the datasets' key.
export const DATASET_ROW = 20;

// datasetRows lays the datasets' key out in rows of width: each mark with
// its title; returns the rows of [mark, x].
export function datasetRows(marks, width, charW = 6.6) {
  const rows = [[]];
  let x = 0;
  for (const m of marks.values()) {
    const w = 24 + Math.min(m.title.length, 60) * charW + 18;
    if (x && x + w > width) { rows.push([]); x = 0; }
    rows[rows.length - 1].push([m, x]);
    x += w;
  }
  return rows;
}

// datasetKey draws the datasets' key at (x, y): "Articles", then each
// mark with its dataset's title; returns it with the height it takes.
export function datasetKey(marks, x, y, width) {
  const rows = datasetRows(marks, width - 80);
  const g = s('g', { dataset: { part: 'datasets' } },
    s('text', { x, y: y + 4, 'font-size': 12, 'font-weight': 700, fill: '#0f172a' }, 'Articles'));
  rows.forEach((row, i) => row.forEach(([m, dx]) => {
    const cx = x + 70 + dx;
    const cy = y + i * DATASET_ROW;
    g.append(datasetBadge(m, cx + 7, cy), s('text', { x: cx + 18, y: cy + 4, 'font-size': 12, fill: '#0f172a' }, truncate(m.title, 60)));
  }));
  return { g, height: rows.length * DATASET_ROW };
}

// crossingWords says the same as crossingText with the datasets' titles,
// for tooltips and the text alternative.
export function crossingWords(crossings) {
  return crossings.map(([a, b]) => (a.n === b.n ? `${a.n}. ${a.title}` : `${a.n}. ${a.title} → ${b.n}. ${b.title}`)).join('; ');
}

// crossingPill draws crossingText centred at (x, y), on white, in the
// colour of the first dataset it names.
export function crossingPill(crossings, x, y) {
  const label = crossingText(crossings);
  const w = label.length * 6.4 + 10;
  return s('g', { dataset: { crossing: label }, 'pointer-events': 'none' },
    s('rect', { x: Math.round((x - w / 2) * 100) / 100, y: y - 8, width: Math.round(w * 100) / 100, height: 16, rx: 8, fill: '#ffffff', stroke: crossings[0][0].colour, 'stroke-width': 1.5 }),
    s('text', { x, y: y + 4, 'text-anchor': 'middle', 'font-size': 11, 'font-weight': 700, fill: '#0f172a' }, label));
}
