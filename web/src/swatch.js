// Small SVG pictures of the graph's node and edge styles, for the filters
// and the legend, so that each checkbox shows what it hides.
const SVG = 'http://www.w3.org/2000/svg';

// swatchBox is the empty, decorative picture both kinds of swatch draw in.
function swatchBox(width, height) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('aria-hidden', 'true');
  svg.classList.add('swatch');
  return svg;
}

// swatchNode draws a node style (shape, colour, dashed border) as the graph
// draws it.
export function swatchNode(st) {
  const svg = swatchBox(18, 18);
  const shapes = {
    ellipse: 'M9 2 A7 7 0 1 1 8.99 2 Z',
    hexagon: 'M4.5 2.5 L13.5 2.5 L17 9 L13.5 15.5 L4.5 15.5 L1 9 Z',
    octagon: 'M6 1.5 L12 1.5 L16.5 6 L16.5 12 L12 16.5 L6 16.5 L1.5 12 L1.5 6 Z',
    diamond: 'M9 1 L17 9 L9 17 L1 9 Z',
    'round-rectangle': 'M3 4 H15 Q17 4 17 6 V12 Q17 14 15 14 H3 Q1 14 1 12 V6 Q1 4 3 4 Z',
    tag: 'M1 4 H12 L17 9 L12 14 H1 Z',
  };
  const p = document.createElementNS(SVG, 'path');
  p.setAttribute('d', shapes[st.shape] || shapes.ellipse);
  p.setAttribute('fill', st.color);
  p.setAttribute('fill-opacity', st.dashed ? '0.55' : '1');
  p.setAttribute('stroke', st.border || (st.dashed ? '#111827' : '#ffffff'));
  p.setAttribute('stroke-width', st.dashed ? '1.6' : '1.2');
  if (st.dashed) p.setAttribute('stroke-dasharray', '2.5 1.5');
  svg.append(p);
  return svg;
}

// swatchEdge draws an edge style (colour, dashes, arrowhead) as the graph
// draws it.
export function swatchEdge(st) {
  const svg = swatchBox(34, 12);
  const line = document.createElementNS(SVG, 'line');
  Object.entries({ x1: 1, y1: 6, x2: 25, y2: 6, stroke: st.color, 'stroke-width': Math.max(1.5, st.width) }).forEach(([k, v]) => line.setAttribute(k, v));
  if (st.line === 'dashed') line.setAttribute('stroke-dasharray', '5 3');
  if (st.line === 'dotted') line.setAttribute('stroke-dasharray', '1.5 2.5');
  const head = document.createElementNS(SVG, 'path');
  const heads = {
    'triangle-tee': 'M25 1 L33 6 L25 11 Z M22 1 H24 V11 H22 Z',
    triangle: 'M25 1.5 L33 6 L25 10.5 Z',
    diamond: 'M25 6 L29 1.5 L33 6 L29 10.5 Z',
    vee: 'M25 1.5 L33 6 L25 10.5 L28 6 Z',
    circle: 'M29 2.5 A3.5 3.5 0 1 1 28.99 2.5 Z',
  };
  head.setAttribute('d', heads[st.arrow] || heads.triangle);
  head.setAttribute('fill', st.color);
  svg.append(line, head);
  return svg;
}
