// Graphics to publish: a view (the network or the timeline, as drawn) with
// a caption above it and the source credit and the date under it, as a
// standalone SVG file or a PNG image. The PNG also carries the caption,
// the credit and the date as text chunks (iTXt: Title, Source, Creation
// Time), so that they travel with the picture.
import { s, n, FONT, wrapText } from './svg.js';

// today is the date of the graphic, YYYY-MM-DD (local time: the day the
// journalist made it).
export function today(now = new Date()) {
  const p = (x) => String(x).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

// composeGraphic puts a drawn view inside a page with its caption, credit
// and date. view is the view's <svg> (not interactive); note says what it
// shows (filters, what is left out). Returns the standalone <svg>.
export function composeGraphic(view, { caption, credit, date, note = '' }) {
  const vw = Number(view.getAttribute('width'));
  const vh = Number(view.getAttribute('height'));
  const width = Math.max(vw, 720);
  const capLines = wrapText(caption, Math.floor(width / 11.5));
  const noteLines = note ? wrapText(note, Math.floor(width / 7.2)) : [];
  const top = 24 + capLines.length * 28 + noteLines.length * 18 + 10;
  const footLines = wrapText(`${credit}. Made with Counterpoint on ${date}.`, Math.floor(width / 7.2));
  const height = top + vh + 14 + footLines.length * 18 + 16;
  const inner = view.cloneNode(true);
  inner.setAttribute('x', String(n((width - vw) / 2)));
  inner.setAttribute('y', String(top));
  inner.removeAttribute('role');
  inner.removeAttribute('aria-labelledby');
  const svg = s('svg', {
    xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${width} ${height}`, width, height, 'font-family': FONT,
    role: 'img', 'aria-label': caption, dataset: { caption, credit, date },
  },
  s('title', {}, caption),
  s('desc', {}, `${note ? `${note} ` : ''}${credit}. Made with Counterpoint on ${date}.`),
  s('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }),
  s('g', { dataset: { part: 'caption' } },
    capLines.map((line, i) => s('text', { x: 24, y: 38 + i * 28, 'font-size': 22, 'font-weight': 700, fill: '#0f172a' }, line)),
    noteLines.map((line, i) => s('text', { x: 24, y: 38 + capLines.length * 28 + i * 18 - 6, 'font-size': 13, fill: '#334155' }, line))),
  inner,
  s('g', { dataset: { part: 'credit' } },
    footLines.map((line, i) => s('text', { x: 24, y: top + vh + 26 + i * 18, 'font-size': 13, fill: '#334155' }, line))));
  return svg;
}

// svgText serialises a standalone SVG with its XML declaration.
export function svgText(svg) {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}\n`;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[i] = c >>> 0;
  }
  return t;
})();

// crc32 is PNG's chunk checksum (ISO 3309).
export function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// itxtChunk makes a PNG iTXt chunk: an uncompressed UTF-8 text under a
// Latin-1 keyword.
export function itxtChunk(keyword, text) {
  const enc = new TextEncoder();
  const key = enc.encode(keyword);
  const body = enc.encode(text);
  const data = new Uint8Array(key.length + 5 + body.length);
  data.set(key, 0);
  // After the keyword: its NUL, no compression (flag, method), an empty
  // language tag and translated keyword, each ended by a NUL.
  data.set(body, key.length + 5);
  const typed = new Uint8Array(4 + data.length);
  typed.set(enc.encode('iTXt'), 0);
  typed.set(data, 4);
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(typed, 4);
  view.setUint32(8 + data.length, crc32(typed));
  return out;
}

// withText inserts text chunks into a PNG right after its header chunk.
export function withText(png, entries) {
  const ihdrEnd = 8 + 12 + new DataView(png.buffer, png.byteOffset).getUint32(8);
  const chunks = Object.entries(entries).filter(([, v]) => v).map(([k, v]) => itxtChunk(k, v));
  const size = png.length + chunks.reduce((sum, c) => sum + c.length, 0);
  const out = new Uint8Array(size);
  out.set(png.subarray(0, ihdrEnd), 0);
  let at = ihdrEnd;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  out.set(png.subarray(ihdrEnd), at);
  return out;
}

// The largest side of an exported PNG, in pixels.
const PNG_MAX = 8000;

// pngOf draws a standalone SVG into a PNG at twice its size (less when that
// would pass PNG_MAX pixels a side), on white, with the text chunks.
export async function pngOf(svg, meta) {
  const w = Number(svg.getAttribute('width'));
  const h = Number(svg.getAttribute('height'));
  const scale = Math.min(2, PNG_MAX / Math.max(w, h));
  const url = URL.createObjectURL(new Blob([svgText(svg)], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(w * scale);
    canvas.height = Math.round(h * scale);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    return withText(bytes, { Title: meta.caption, Source: meta.credit, 'Creation Time': meta.date, Software: 'Counterpoint' });
  } finally {
    URL.revokeObjectURL(url);
  }
}

// download offers data as a file named name.
export function download(data, type, name) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
