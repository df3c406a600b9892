// The actor network's model and layout (no DOM): who countered whom as a
// graph of actors, from what the API answers (viewsapi.js NETWORK_QUERY).
//
// Nodes are the actors who put forward a claim in scope, sized by the
// claims they endorse, and the camps' actors. Edges are the ties the camps
// weigh (camps.weighed): a counter (REBUTS) or a support (SUPPORTS) from
// the actor whose claim counters or supports to the actor whose claim it
// bears on, weighted like the API's counterSummary: a counter edge by its
// exchanges (the claims countered: one pushback with two reasons is one),
// a support edge by its relations; an edge whose every tie rests on the
// curator's reading (Tie.inferred) is marked inferred. Which actors
// a relation ties is the API's counter rule, never worked out here, so the
// view draws exactly the ties the camps are made of; the camps' other ties
// (shared endorsements, memberships) and qualifications (which the camps do
// not weigh) are not drawn. The camps do not follow a date range: with one,
// an edge keeps the ties whose two claims are both on the ranged timeline.
//
// The layout is a pure function of the network: camp A on the left, camp B
// on the right, actors in no camp in the middle; in each region the actors
// sit on a sunflower spiral, the most prolific in the centre, ordered by
// group, claims endorsed and id. No random numbers, no iterations: the same
// network gives the same picture on every machine (a shared URL shows what
// its sender saw), and a thousand actors are placed in a few milliseconds.

// TIE_EDGE is the relation kind each drawn kind of tie (camps.weighed's
// kind) is shown as.
export const TIE_EDGE = { COUNTER: 'REBUTS', SUPPORT: 'SUPPORTS' };

// campSides maps each actor in a camp to its side: A for the first camp of
// its group as the API lists it, B for the second; unsure actors are marked.
export function campSides(camps) {
  const out = new Map();
  if (!camps) return out;
  const seen = new Map();
  for (const c of camps.camps || []) {
    const side = seen.has(c.group) ? 'B' : 'A';
    seen.set(c.group, true);
    for (const a of c.actors) out.set(a.id, { side, group: c.group, unsure: false });
  }
  for (const a of camps.unsure || []) {
    const cur = out.get(a.id);
    if (cur) cur.unsure = true;
    else out.set(a.id, { side: 'none', group: 0, unsure: true });
  }
  return out;
}

function addActor(actors, a) {
  let x = actors.get(a.id);
  if (!x) {
    x = { id: a.id, name: a.name || a.id, kind: a.kind || 'PERSON', anonymous: !!a.anonymous || a.kind === 'ANONYMOUS', role: a.role || null, endorsed: 0, presented: 0 };
    actors.set(a.id, x);
  } else if (a.name && x.name === x.id) {
    Object.assign(x, { name: a.name, kind: a.kind || x.kind, anonymous: !!a.anonymous || a.kind === 'ANONYMOUS', role: a.role || x.role });
  }
  return x;
}

// buildNetwork turns the API's answer into the network the view draws.
// opts: rels (the relation kinds drawn), ranged (a date range is set: only
// ties between claims on the ranged timeline), tiesOnly (leave out actors
// without a drawn edge).
export function buildNetwork(data, { rels = ['REBUTS'], ranged = false, tiesOnly = false } = {}) {
  const actors = new Map();
  const tl = data.timeline || { entries: [], undated: [] };
  const inScope = [...tl.entries.map((e) => e.claim), ...(ranged ? [] : tl.undated || [])];
  for (const c of inScope) {
    for (const as of c.assertions || []) {
      const a = addActor(actors, as.actor);
      if (as.stance === 'PRESENTS') a.presented++;
      else a.endorsed++;
    }
  }
  const onTimeline = new Set(inScope.map((c) => c.id));
  const edges = new Map();
  for (const t of data.camps?.weighed || []) {
    const kind = TIE_EDGE[t.kind];
    if (!kind || !rels.includes(kind)) continue;
    if (ranged && !t.claims.every((id) => onTimeline.has(id))) continue;
    const id = `${kind}:${t.from.id}~${t.to.id}`;
    let e = edges.get(id);
    if (!e) {
      e = { id, kind, from: t.from.id, to: t.to.id, count: 0, pairs: [], inferred: true, targets: new Set() };
      edges.set(id, e);
    }
    e.pairs.push(t.claims);
    e.inferred = e.inferred && !!t.inferred;
    if (kind !== 'REBUTS') e.count++;
    else if (!e.targets.has(t.claims[1])) {
      e.targets.add(t.claims[1]);
      e.count++;
    }
  }
  for (const e of edges.values()) delete e.targets;
  for (const e of edges.values()) {
    addActor(actors, { id: e.from });
    addActor(actors, { id: e.to });
  }
  // The camps' actors are in the debate even when they assert nothing
  // themselves (a group its members speak for); not with a date range,
  // which the camps do not follow.
  if (!ranged) for (const c of data.camps?.camps || []) for (const a of c.actors) addActor(actors, a);
  const sides = campSides(data.camps);
  let list = [...actors.values()];
  const edgeList = [...edges.values()].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  if (tiesOnly) {
    const tied = new Set(edgeList.flatMap((e) => [e.from, e.to]));
    list = list.filter((a) => tied.has(a.id));
  }
  for (const a of list) {
    const side = sides.get(a.id);
    a.side = side ? side.side : 'none';
    a.group = side ? side.group : 0;
    a.unsure = !!side?.unsure;
  }
  list.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return { actors: list, edges: edgeList, truncated: !!tl.truncated };
}

// radiusOf is an actor's radius in the drawing: its area grows with the
// claims it endorses.
export function radiusOf(a) {
  return Math.min(34, 7 + 4.2 * Math.sqrt(a.endorsed));
}

// The narrowest drawing: room for the legend.
export const MIN_WIDTH = 960;

const GOLDEN = Math.PI * (3 - Math.sqrt(5));

// spiral places items (with their footprint radius fr) on a sunflower
// spiral around (0, 0), each at the radius that leaves room for the area of
// those before it; returns their offsets and the spiral's radius.
function spiral(items) {
  const out = [];
  let area = 0;
  let extent = 0;
  items.forEach((it, i) => {
    const rr = i === 0 ? 0 : Math.sqrt(area / Math.PI) + it.fr * 0.5;
    const a = i * GOLDEN;
    out.push({ x: rr * Math.cos(a), y: rr * Math.sin(a) });
    area += Math.PI * it.fr * it.fr * 1.25;
    extent = Math.max(extent, rr + it.fr);
  });
  return { offsets: out, extent: Math.max(extent, items[0]?.fr || 0) };
}

// layoutNetwork places the network's actors: camp A on the left and camp
// B on the right, each a spiral, and the actors in no camp in rows under
// them (counters run mostly between the camps, so nothing stands in their
// way). labelled says whether names are drawn (they need room). Returns
// positions by id, the drawing's size and each region's box (for the
// camps' backdrops).
export function layoutNetwork(net, { labelled = true } = {}) {
  const order = (x, y) => (x.group - y.group) || (y.endorsed - x.endorsed) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  const foot = (a) => (labelled ? Math.max(radiusOf(a) + 14, 62) : radiusOf(a) + 5);
  const pos = new Map();
  const boxes = [];
  const put = (id, x, y) => pos.set(id, { x: Math.round(x * 100) / 100, y: Math.round(y * 100) / 100 });
  const sides = ['A', 'B'].map((side) => {
    const actors = net.actors.filter((a) => a.side === side).sort(order);
    const items = actors.map((a) => ({ a, fr: foot(a) }));
    return { side, items, sp: spiral(items) };
  }).filter((r) => r.items.length);
  const top = 34; // room for the region's title
  const colW = Math.max(MIN_WIDTH / 2, ...sides.map((r) => 2 * r.sp.extent + 40));
  const width = Math.round(Math.max(MIN_WIDTH, sides.length * colW));
  const rowH = sides.length ? Math.max(...sides.map((r) => 2 * r.sp.extent)) + top + 20 : 0;
  sides.forEach((r, i) => {
    const w = width / sides.length;
    const cx = w * i + w / 2;
    const cy = 10 + top + (rowH - top - 20) / 2;
    r.items.forEach((it, j) => put(it.a.id, cx + r.sp.offsets[j].x, cy + r.sp.offsets[j].y));
    boxes.push({ side: r.side, x: w * i + 10, y: 10, w: w - 20, h: rowH, count: r.items.length });
  });
  // The actors in no camp: rows, the most prolific first.
  const rest = net.actors.filter((a) => a.side !== 'A' && a.side !== 'B').sort(order);
  let height = rowH + 20;
  if (rest.length) {
    const cellW = labelled ? 124 : 28;
    const cellH = labelled ? 84 : 28;
    const cols = Math.max(1, Math.floor((width - 40) / cellW));
    const rows = Math.ceil(rest.length / cols);
    const y0 = height + (sides.length ? 0 : 0);
    const used = Math.min(cols, rest.length) * cellW;
    const x0 = (width - used) / 2 + cellW / 2;
    rest.forEach((a, i) => put(a.id, x0 + (i % cols) * cellW, y0 + top + 8 + Math.floor(i / cols) * cellH + radiusOf(a) * 0.3));
    const h = top + rows * cellH + 10;
    boxes.push({ side: 'none', x: 10, y: y0, w: width - 20, h, count: rest.length });
    height = y0 + h + 10;
  }
  return { pos, width, height: Math.round(Math.max(height, 200)), boxes };
}
