// SVG building for the journalist's views (the actor network, the
// timeline) and their exports: elements made without markup parsing, with
// presentation attributes rather than CSS classes for everything that is
// drawn, so that an exported file looks exactly as the page does.
export const SVG_NS = 'http://www.w3.org/2000/svg';

// The one font list of the drawings: system fonts only, nothing loaded.
export const FONT = 'system-ui, "DejaVu Sans", "Liberation Sans", Arial, sans-serif';

// s builds an SVG element: attrs as attributes (null, undefined and false
// are skipped; dataset as data-*; on* functions as listeners), children
// appended (strings as text, arrays flattened, nulls skipped).
export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'dataset') {
      for (const [dk, dv] of Object.entries(v)) if (dv !== null && dv !== undefined) el.dataset[dk] = dv;
    } else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  add(el, children);
  return el;
}

function add(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) add(el, c);
    else el.append(c instanceof Node ? c : String(c));
  }
}

// n rounds a coordinate to two decimals, so that the drawing's text stays
// short and the same numbers give the same file.
export const n = (x) => Math.round(x * 100) / 100;

// polygon returns the points of a regular shape of radius r around (x, y),
// for the node shapes: 6 corners for a hexagon, 8 for an octagon, 4 for a
// diamond (rotation in radians).
export function polygon(x, y, r, corners, rotation = 0) {
  const pts = [];
  for (let i = 0; i < corners; i++) {
    const a = rotation + (2 * Math.PI * i) / corners;
    pts.push(`${n(x + r * Math.cos(a))},${n(y + r * Math.sin(a))}`);
  }
  return pts.join(' ');
}

// wrapText cuts text into lines of at most max characters, at words, for
// captions and lane labels (SVG has no wrapping of its own).
export function wrapText(text, max) {
  const words = String(text || '').replace(/\s+/g, ' ').trim().split(' ');
  const lines = [];
  let line = '';
  for (const w of words) {
    if (!w) continue;
    if (line && line.length + 1 + w.length > max) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines;
}
