// The view's state, kept in the URL's query string so that a shared URL
// restores the same view:
//
//   node=ID            the selected node
//   mode=trace         trace mode (explore when absent); mode=curate the studio
//   src=ID             the source open in the studio (curate mode only)
//   a=ID, b=ID         the traced actor, and the second actor for chains
//   chain=all          chains follow REBUTS, SUPPORTS and QUALIFIES (REBUTS only when absent)
//   undirected=1       chains may run either way
//   hops=N             longest chain (default 4)
//   hideRel=A,B        relation kinds not drawn
//   hideKind=A,B       actor kinds not drawn
//   from=D, to=D       claims dated within (YYYY, YYYY-MM or YYYY-MM-DD)
//   sources=1          sources are drawn too
//   bench=N            a synthetic graph of N nodes, without the API (benchmark)
//   ds=A,B             the datasets shown (the default when absent: datasets.js)
//   mode=network       the actor network (who countered whom); mode=timeline the debate over time
//   rels=A,B           relation kinds the network draws (REBUTS when absent)
//   colour=kind        the network colours actors by kind (by camp when absent)
//   ties=1             the network leaves out actors without a drawn edge
//   lanes=camp         the timeline has one lane per camp (one per actor when absent)
//   edge=K:A~B         the network's selected edge (kind, countering and countered actor)
//   caption=TEXT       the caption of the views' exports and embeds

export const RELATION_TYPES = ['REBUTS', 'SUPPORTS', 'QUALIFIES', 'REPHRASES', 'ASSERTED', 'ABOUT', 'MEMBER_OF'];
export const SOURCE_EDGE_TYPES = ['QUOTED_FROM', 'AUTHORED_BY', 'REPORTED_IN'];
export const ACTOR_KINDS = ['PERSON', 'ORGANIZATION', 'COLLECTIVE', 'STATE', 'ANONYMOUS'];
export const VIEW_MODES = ['network', 'timeline'];
export const VIEW_RELS = ['REBUTS', 'SUPPORTS'];
export const DATE_RE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;
const EDGE_RE = /^(REBUTS|SUPPORTS):([A-Za-z0-9][A-Za-z0-9._:-]{0,199})~([A-Za-z0-9][A-Za-z0-9._:-]{0,199})$/;

// The longest caption kept from a URL.
export const CAPTION_MAX = 240;

// defaultState is the view with nothing in the URL.
export function defaultState() {
  return {
    node: null,
    mode: 'explore',
    a: null,
    b: null,
    src: null,
    chain: 'rebuts',
    directed: true,
    hops: 4,
    hideRel: new Set(),
    hideKind: new Set(),
    from: '',
    to: '',
    sources: false,
    bench: 0,
    ds: [],
    rels: new Set(['REBUTS']),
    colour: 'camp',
    ties: false,
    lanes: 'actor',
    edge: null,
    caption: '',
  };
}

function idOrNull(v) {
  return v && ID_RE.test(v) ? v : null;
}

function setOf(v, allowed) {
  const out = new Set();
  for (const x of (v || '').split(',')) if (allowed.includes(x)) out.add(x);
  return out;
}

// parseState reads the view from a query string, dropping what it does not
// know, so that a hand-edited URL cannot break the page.
export function parseState(search) {
  const p = new URLSearchParams(search);
  const s = defaultState();
  s.node = idOrNull(p.get('node'));
  s.mode = ['trace', 'curate', ...VIEW_MODES].includes(p.get('mode')) ? p.get('mode') : 'explore';
  s.src = s.mode === 'curate' ? idOrNull(p.get('src')) : null;
  s.a = idOrNull(p.get('a'));
  s.b = idOrNull(p.get('b'));
  s.chain = p.get('chain') === 'all' ? 'all' : 'rebuts';
  s.directed = p.get('undirected') !== '1';
  const hops = Number.parseInt(p.get('hops') || '', 10);
  s.hops = hops >= 1 && hops <= 8 ? hops : 4;
  s.hideRel = setOf(p.get('hideRel'), [...RELATION_TYPES, ...SOURCE_EDGE_TYPES]);
  s.hideKind = setOf(p.get('hideKind'), ACTOR_KINDS);
  s.from = DATE_RE.test(p.get('from') || '') ? p.get('from') : '';
  s.to = DATE_RE.test(p.get('to') || '') ? p.get('to') : '';
  s.sources = p.get('sources') === '1';
  const bench = Number.parseInt(p.get('bench') || '', 10);
  s.bench = bench > 0 ? Math.min(bench, 50000) : 0;
  s.ds = [...new Set((p.get('ds') || '').split(',').filter((x) => ID_RE.test(x)))].slice(0, 50);
  // Each view's options are kept only in that view, as they are written.
  if (s.mode === 'network') {
    if (p.has('rels')) s.rels = setOf(p.get('rels'), VIEW_RELS);
    s.colour = p.get('colour') === 'kind' ? 'kind' : 'camp';
    s.ties = p.get('ties') === '1';
    s.edge = EDGE_RE.test(p.get('edge') || '') ? p.get('edge') : null;
  }
  if (s.mode === 'timeline') s.lanes = p.get('lanes') === 'camp' ? 'camp' : 'actor';
  s.caption = VIEW_MODES.includes(s.mode) ? (p.get('caption') || '').replace(/\s+/g, ' ').trim().slice(0, CAPTION_MAX) : '';
  return s;
}

// stateToSearch writes the view as a query string with only what differs
// from the default, so that shared URLs stay short.
export function stateToSearch(s) {
  const p = new URLSearchParams();
  if (s.bench) p.set('bench', String(s.bench));
  if (s.node) p.set('node', s.node);
  if (s.mode === 'trace') {
    p.set('mode', 'trace');
    if (s.a) p.set('a', s.a);
    if (s.b) p.set('b', s.b);
    if (s.chain === 'all') p.set('chain', 'all');
    if (!s.directed) p.set('undirected', '1');
    if (s.hops !== 4) p.set('hops', String(s.hops));
  }
  if (s.mode === 'curate') {
    p.set('mode', 'curate');
    if (s.src) p.set('src', s.src);
  }
  if (VIEW_MODES.includes(s.mode)) {
    p.set('mode', s.mode);
    if (s.mode === 'network') {
      if ([...s.rels].sort().join(',') !== 'REBUTS') p.set('rels', VIEW_RELS.filter((k) => s.rels.has(k)).join(','));
      if (s.colour === 'kind') p.set('colour', 'kind');
      if (s.ties) p.set('ties', '1');
      if (s.edge) p.set('edge', s.edge);
    }
    if (s.mode === 'timeline' && s.lanes === 'camp') p.set('lanes', 'camp');
  }
  if (s.ds.length) p.set('ds', s.ds.join(','));
  if (s.caption && VIEW_MODES.includes(s.mode)) p.set('caption', s.caption);
  if (s.hideRel.size) p.set('hideRel', [...s.hideRel].join(','));
  if (s.hideKind.size) p.set('hideKind', [...s.hideKind].join(','));
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  if (s.sources) p.set('sources', '1');
  const q = p.toString().replaceAll('%2C', ',').replaceAll('%3A', ':');
  return q ? `?${q}` : '';
}
