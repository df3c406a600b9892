// The graph view: Cytoscape.js with the fCoSE layout, styles by node kind
// and relation kind, and helpers to filter and highlight.
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { truncate } from './text.js';
import { mulberry32, withMathRandom } from './random.js';

cytoscape.use(fcose);

// Above this many nodes the view switches to settings that scale: the
// layout's fast (spectral) draft, straight edges, no label-sized nodes,
// textures while panning and zooming.
export const BIG_GRAPH = 800;

// The layout draws from a generator with this seed, so that the same graph
// gets the same picture on every load (a shared URL shows the same picture).
export const LAYOUT_SEED = 20150808;

export const ACTOR_STYLE = {
  PERSON: { color: '#2563eb', shape: 'ellipse', label: 'Person' },
  ORGANIZATION: { color: '#0f766e', shape: 'hexagon', label: 'Organization' },
  COLLECTIVE: { color: '#7c3aed', shape: 'octagon', label: 'Collective (group)' },
  STATE: { color: '#b45309', shape: 'diamond', label: 'State' },
  ANONYMOUS: { color: '#4b5563', shape: 'ellipse', label: 'Anonymous source', dashed: true },
};
export const CLAIM_STYLE = { color: '#fef3c7', border: '#92400e', shape: 'round-rectangle', label: 'Claim' };
export const SOURCE_STYLE = { color: '#e2e8f0', border: '#334155', shape: 'tag', label: 'Source (document)' };

export const EDGE_STYLE = {
  REBUTS: { color: '#b91c1c', line: 'solid', arrow: 'triangle-tee', width: 3.2, label: 'rebuts' },
  SUPPORTS: { color: '#15803d', line: 'dashed', arrow: 'triangle', width: 2.6, label: 'supports' },
  QUALIFIES: { color: '#7e22ce', line: 'dotted', arrow: 'diamond', width: 3, label: 'qualifies' },
  // An argument map's rephrase (AIF's MA): neither for nor against.
  REPHRASES: { color: '#0e7490', line: 'dashed', arrow: 'vee', width: 2, label: 'rephrases' },
  ASSERTED: { color: '#94a3b8', line: 'solid', arrow: 'triangle', width: 1, label: 'asserted (actor → claim)' },
  ABOUT: { color: '#b6c2d1', line: 'dashed', arrow: 'vee', width: 1, label: 'is about (claim → actor)' },
  MEMBER_OF: { color: '#64748b', line: 'dashed', arrow: 'circle', width: 1.5, label: 'member of' },
  QUOTED_FROM: { color: '#a8b5c6', line: 'dotted', arrow: 'triangle', width: 1, label: 'quoted from (claim → source)' },
  AUTHORED_BY: { color: '#a8b5c6', line: 'dashed', arrow: 'vee', width: 1, label: 'authored by' },
  REPORTED_IN: { color: '#a8b5c6', line: 'solid', arrow: 'vee', width: 1, label: 'reported in' },
};

const LABEL_MAX = { Claim: 40, Actor: 34, Source: 36 };

// toElements turns the API's subgraph (or a synthetic one) into Cytoscape
// elements. Quotes are folded into claim → source edges (QUOTED_FROM: the
// document the words were said in, else the text that holds them).
export function toElements(subgraph) {
  const nodes = [];
  const edges = [];
  const quoteClaim = new Map();
  const quoteDoc = new Map();
  const quoteText = new Map();
  const known = new Set();
  let i = 0;
  const side = Math.ceil(Math.sqrt(subgraph.nodes.length || 1));
  for (const n of subgraph.nodes) {
    if (n.__typename === 'Quote') continue;
    i++;
    known.add(n.id);
    const type = n.__typename;
    const full = type === 'Actor' ? n.name : type === 'Claim' ? n.text : n.title;
    nodes.push({
      group: 'nodes',
      data: {
        id: n.id,
        type,
        kind: n.kind || n.sourceKind || null,
        date: n.date || null,
        anonymous: !!n.anonymous,
        role: n.role || null,
        full,
        label: truncate(full, LABEL_MAX[type] || 40),
      },
      // A grid until the layout runs, so that no two nodes start on top of
      // each other.
      position: { x: (i % side) * 60, y: Math.floor(i / side) * 60 },
    });
  }
  for (const e of subgraph.edges) {
    if (e.type === 'EVIDENCED_BY') { quoteClaim.set(e.to, e.from); continue; }
    if (e.type === 'SAID_IN') { quoteDoc.set(e.from, e.to); continue; }
    if (e.type === 'FROM') { quoteText.set(e.from, e.to); continue; }
    if (!known.has(e.from) || !known.has(e.to)) continue;
    edges.push({ group: 'edges', data: { id: `e:${e.id}`, source: e.from, target: e.to, type: e.type, inferred: !!e.inferred } });
  }
  const seen = new Set();
  for (const [quote, claim] of quoteClaim) {
    const src = quoteDoc.get(quote) || quoteText.get(quote);
    if (!src || !known.has(claim) || !known.has(src)) continue;
    const id = `e:${claim}-QUOTED_FROM->${src}`;
    if (seen.has(id)) continue;
    seen.add(id);
    edges.push({ group: 'edges', data: { id, source: claim, target: src, type: 'QUOTED_FROM' } });
  }
  return { nodes, edges };
}

function styles(big) {
  const s = [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-size': 11,
        'font-family': 'system-ui, "DejaVu Sans", Arial, sans-serif',
        color: '#0f172a',
        'text-wrap': 'wrap',
        'text-max-width': 110,
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 3,
        ...(big ? {} : {
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.82,
          'text-background-padding': 1.5,
          'text-background-shape': 'round-rectangle',
        }),
        'min-zoomed-font-size': big ? 9 : 5,
        'border-width': 1.5,
        'border-color': '#ffffff',
        width: 28,
        height: 28,
      },
    },
    {
      selector: 'node[type = "Claim"]',
      style: {
        shape: CLAIM_STYLE.shape,
        'background-color': CLAIM_STYLE.color,
        'border-color': CLAIM_STYLE.border,
        'border-width': 1.5,
        width: 30,
        height: 18,
        // In a big graph claims are labelled only when selected or traced
        // (hover shows the text): thousands of labels would pile up.
        ...(big ? { label: '' } : {}),
      },
    },
    {
      selector: 'node[type = "Source"]',
      style: {
        shape: SOURCE_STYLE.shape,
        'background-color': SOURCE_STYLE.color,
        'border-color': SOURCE_STYLE.border,
        'border-width': 1.5,
        width: 30,
        height: 22,
        'font-style': 'italic',
      },
    },
  ];
  for (const [kind, st] of Object.entries(ACTOR_STYLE)) {
    s.push({
      selector: `node[type = "Actor"][kind = "${kind}"]`,
      style: {
        shape: st.shape,
        'background-color': st.color,
        'font-weight': 700,
        'font-size': 12,
        ...(st.dashed ? { 'border-style': 'dashed', 'border-width': 2.5, 'border-color': '#111827', 'background-opacity': 0.55 } : {}),
      },
    });
  }
  s.push({
    selector: 'edge',
    style: {
      'curve-style': big ? 'straight' : 'bezier',
      'arrow-scale': 0.9,
      opacity: 0.9,
    },
  });
  for (const [type, st] of Object.entries(EDGE_STYLE)) {
    const relation = type === 'REBUTS' || type === 'SUPPORTS' || type === 'QUALIFIES' || type === 'REPHRASES';
    s.push({
      selector: `edge[type = "${type}"]`,
      style: {
        'line-color': st.color,
        'line-style': st.line,
        'target-arrow-shape': st.arrow,
        'target-arrow-color': st.color,
        width: st.width,
        'arrow-scale': relation ? 1.15 : 0.7,
        // Thousands of small arrowheads cost more to draw than they tell.
        ...(big && !relation ? { 'target-arrow-shape': 'none' } : {}),
        opacity: relation ? 0.95 : 0.6,
        'z-index': relation ? 5 : 1,
        ...(st.line === 'dashed' ? { 'line-dash-pattern': relation ? [7, 4] : [4, 3] } : {}),
      },
    });
  }
  s.push(
    // The curator's reading (an inferred relation or attribution): dotted,
    // so that a trace shows what rests on the source's words and what not.
    { selector: 'edge[?inferred]', style: { 'line-style': 'dashed', 'line-dash-pattern': [2, 5] } },
    { selector: '.hidden', style: { display: 'none' } },
    { selector: 'node.dim', style: { opacity: 0.28 } },
    { selector: 'edge.dim', style: { opacity: 0.12 } },
    { selector: 'node.faded', style: { opacity: 0.14, 'text-opacity': 0.25 } },
    { selector: 'edge.faded', style: { opacity: 0.06 } },
    {
      selector: 'node.hl',
      style: {
        'underlay-color': '#f59e0b', 'underlay-opacity': 0.45, 'underlay-padding': 7, 'underlay-shape': 'ellipse',
        // Font size and weight stay as they are: the label's measured size is
        // cached, and a bolder font would be clipped.
        'border-color': '#111827', 'border-width': 2.5, 'z-index': 20,
        'text-background-opacity': 0.95,
      },
    },
    { selector: 'node.hl-end', style: { 'underlay-color': '#2563eb', 'underlay-opacity': 0.45, 'underlay-padding': 9 } },
    { selector: 'edge.hl', style: { width: 4.5, opacity: 1, 'z-index': 15 } },
    { selector: 'edge[type = "ASSERTED"].hl', style: { width: 2.5, 'line-color': '#334155', 'target-arrow-color': '#334155' } },
    { selector: 'node[type = "Claim"].hl, node[type = "Claim"]:selected', style: { label: 'data(label)' } },
    {
      selector: 'node:selected',
      style: {
        'underlay-color': '#1d4ed8', 'underlay-opacity': 0.5, 'underlay-padding': 9, 'underlay-shape': 'ellipse',
        'border-color': '#0f172a', 'border-width': 3, 'z-index': 40,
        'text-background-opacity': 1, 'text-opacity': 1, opacity: 1,
      },
    },
  );
  return s;
}

// createGraph makes the Cytoscape graph with the explorer's styles, and the
// settings that scale when the graph is big (above BIG_GRAPH nodes).
export function createGraph(container, elements) {
  const big = elements.nodes.length > BIG_GRAPH;
  const cy = cytoscape({
    container,
    elements: [...elements.nodes, ...elements.edges],
    style: styles(big),
    layout: { name: 'preset', fit: false },
    minZoom: 0.05,
    maxZoom: 4,
    selectionType: 'single',
    boxSelectionEnabled: false,
    autoungrabify: big,
    textureOnViewport: big,
    hideEdgesOnViewport: big,
    motionBlur: false,
    pixelRatio: big ? 1 : 'auto',
  });
  cy.scratch('big', big);
  return cy;
}

// layoutOptions picks fCoSE's settings for the graph's size: the spectral
// draft for big graphs, the force-directed proof otherwise; tune overrides
// them for the benchmark.
export function layoutOptions(cy, eles, tune = {}) {
  const n = eles.nodes().length;
  const big = n > BIG_GRAPH;
  const common = {
    name: 'fcose',
    animate: false,
    randomize: true,
    fit: true,
    padding: 16,
    packComponents: true,
    tile: true,
  };
  if (big) {
    // The spectral draft is near-linear in the number of nodes; the
    // force-directed refinement is not, so it is skipped.
    return {
      ...common,
      quality: 'draft',
      nodeDimensionsIncludeLabels: false,
      samplingType: true,
      sampleSize: 25,
      nodeSeparation: 60,
      ...tune,
    };
  }
  return {
    ...common,
    quality: 'proof',
    nodeDimensionsIncludeLabels: true,
    uniformNodeDimensions: false,
    idealEdgeLength: (e) => (['REBUTS', 'SUPPORTS', 'QUALIFIES', 'REPHRASES'].includes(e.data('type')) ? 60 : 40),
    edgeElasticity: (e) => (['REBUTS', 'SUPPORTS', 'QUALIFIES', 'REPHRASES'].includes(e.data('type')) ? 0.45 : 0.3),
    nodeRepulsion: () => 3000,
    nodeSeparation: 40,
    gravity: 0.6,
    gravityRange: 2.5,
    numIter: 2500,
    tilingPaddingVertical: 20,
    tilingPaddingHorizontal: 20,
  };
}

// fillAspect stretches a layout that is much wider (or taller) than the
// view along its short side, up to 1.6 times, so that the drawing uses the
// view's height and labels get room.
function fillAspect(cy, nodes) {
  if (nodes.length < 3) return;
  const bb = nodes.boundingBox({ includeLabels: false, includeOverlays: false });
  const w = cy.width();
  const h = cy.height();
  if (!bb.w || !bb.h || !w || !h) return;
  const ratio = (bb.w / bb.h) / (w / h);
  const cx = bb.x1 + bb.w / 2;
  const cyy = bb.y1 + bb.h / 2;
  if (ratio > 1.15) {
    const k = Math.min(ratio, 1.6);
    nodes.positions((n) => ({ x: n.position('x'), y: cyy + (n.position('y') - cyy) * k }));
  } else if (ratio < 1 / 1.15) {
    const k = Math.min(1 / ratio, 1.6);
    nodes.positions((n) => ({ x: cx + (n.position('x') - cx) * k, y: n.position('y') }));
  }
}

// runLayout lays out the visible elements synchronously with a fixed seed.
export function runLayout(cy, tune) {
  let eles = cy.elements();
  if (cy.$('.hidden').nonempty()) {
    const nodes = cy.nodes().not('.hidden');
    eles = nodes.union(nodes.edgesWith(nodes).not('.hidden'));
  }
  const opts = layoutOptions(cy, eles, tune);
  withMathRandom(mulberry32(LAYOUT_SEED), () => eles.layout(opts).run());
  if (!cy.scratch('big')) fillAspect(cy, eles.nodes());
  cy.fit(eles, opts.padding);
  return opts;
}
