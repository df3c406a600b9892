// The details panel: the accessible view of whatever is selected (or, with
// nothing selected, of the whole graph as lists).
import { h } from './dom.js';
import { paragraphMarks, directSegments, wordsOf, outletOf } from './text.js';
import { ACTOR_STYLE } from './graph.js';

export const KIND_LABEL = Object.fromEntries(Object.entries(ACTOR_STYLE).map(([k, v]) => [k, v.label]));

export const ATTRIBUTION_LABEL = {
  ON_RECORD: 'on the record',
  ANONYMOUS: 'on condition of anonymity',
  IN_DOCUMENT: 'in a document not made public',
  REPORTED: 'position described by the reporter',
};

export const STANCE_HELP = 'Sets the claim out without arguing for it (as an options paper, a summary or a question does); '
  + 'it does not count in who countered whom.';

const SOURCE_KIND_LABEL = {
  ARTICLE: 'article', PAPER: 'paper', EMAIL: 'e-mail', SPEECH: 'speech',
  TESTIMONY: 'testimony', INTERVIEW: 'interview', STATEMENT: 'statement',
};

const REL_GROUPS = [
  ['REBUTS', 'out', 'Rebuts'],
  ['REBUTS', 'in', 'Rebutted by'],
  ['SUPPORTS', 'out', 'Supports'],
  ['SUPPORTS', 'in', 'Supported by'],
  ['QUALIFIES', 'out', 'Qualifies'],
  ['QUALIFIES', 'in', 'Qualified by'],
  ['REPHRASES', 'out', 'Rephrases'],
  ['REPHRASES', 'in', 'Rephrased by'],
];

// nodeLink is a button that selects a node, the panel's way to move around
// the graph.
export function nodeLink(id, text, ctx, extra = {}) {
  return h('button', {
    type: 'button', class: 'link', dataset: { nodeId: id },
    onclick: () => ctx.select(id, { center: true }), ...extra,
  }, text);
}

// anonBadge marks an anonymous source, which is never merged with a named
// person.
export function anonBadge() {
  return h('span', { class: 'badge anon', title: 'Each anonymous source is its own actor, never merged with a named person.' }, 'anonymous source');
}

function actorLink(a, ctx) {
  return [nodeLink(a.id, a.name, ctx), a.anonymous || a.kind === 'ANONYMOUS' ? [' ', anonBadge()] : null];
}

function sourceLabel(s) {
  if (!s) return null;
  const bits = [SOURCE_KIND_LABEL[s.kind] || s.kind?.toLowerCase(), s.date].filter(Boolean).join(', ');
  return [h('cite', {}, s.title), bits ? ` (${bits})` : ''];
}

// inferredBadge marks an assertion that is the curator's reading, not the
// source's words (the article says "the assertion" without naming whose).
export function inferredBadge(note) {
  return h('span', { class: 'badge inferred', title: note || undefined }, 'attributed by the curator');
}

// stanceBadge marks an assertion that only presents its claim; an
// endorsement, the usual case, is not marked.
export function stanceBadge(stance) {
  if (stance !== 'PRESENTS') return null;
  return h('span', { class: 'badge stance', title: STANCE_HELP }, 'presents, does not endorse');
}

// quoteView shows a quote as whose words it holds: a DIRECT quote in
// quotation marks as the speaker's own words; a PARAPHRASE without them, as
// the outlet's words, with the speaker's own words inside it marked.
export function quoteView(q) {
  const direct = q.kind === 'DIRECT';
  const spans = direct ? [] : directSegments(q.text, q.start, q.directSpans, q.end);
  const marked = spans.some((x) => x.direct);
  return h('figure', { class: `quote-fig ${direct ? 'direct' : 'paraphrase'}`, dataset: { quoteKind: direct ? 'DIRECT' : 'PARAPHRASE' } },
    h('figcaption', { class: 'quote-label' }, direct
      ? [h('span', { class: 'badge words direct' }, 'Direct quote'), ' The speaker\'s own words, in quotation marks in the source:']
      : [h('span', { class: 'badge words paraphrase' }, 'Paraphrase'), ` ${wordsOf(q.source)}, not a quotation of the speaker:`]),
    direct
      ? h('blockquote', { class: 'quote direct' }, `“${q.text}”`)
      : h('blockquote', { class: 'quote paraphrase' }, (spans.length ? spans : [{ text: q.text, direct: false }]).map((x) => (x.direct
        ? h('mark', { class: 'own-words', title: 'the speaker\'s own words' }, x.text)
        : x.text))),
    marked ? h('p', { class: 'own-words-key meta' }, h('mark', { class: 'own-words' }, 'Marked'),
      ' words are the speaker\'s own, in quotation marks in the source.') : null);
}

// whyLinked shows why two claims are linked: the source's words that make
// the link (the outlet's words, never the speaker's), or, for an inferred
// link, the curator's note labelled as such. r is a Relation or a Counter.
export function whyLinked(r) {
  // A counter can rest on the article's rebuttal and still be the curator's
  // reading (whose claim it answers): its notes say what it rests on, and
  // the article's words, if any, follow.
  const notes = r.notes?.length ? r.notes : [r.note || 'no reason given.'];
  const inferred = r.inferred
    ? h('div', { class: 'why inferred' }, notes.map((n) => h('p', {}, h('strong', {}, 'Inferred by the curator:'), ' ', n)))
    : null;
  if (r.inferred && !(r.evidence || []).length) return inferred;
  // One figure for each run of evidence from the same source, captioned with whose words they are.
  const runs = [];
  for (const e of r.evidence || []) {
    const last = runs[runs.length - 1];
    if (last && last[0].source?.id === e.source?.id) last.push(e);
    else runs.push([e]);
  }
  return h('div', { class: 'why' },
    inferred,
    runs.map((run) => h('figure', { class: 'evidence' },
      h('figcaption', { class: 'quote-label' }, `Why they are linked, in ${outletOf(run[0].source) ? wordsOf(run[0].source) : 'the reporter\'s words'}:`),
      run.map((e) => h('blockquote', { class: 'evidence-text', title: `characters ${e.start}–${e.end} of ${e.source?.title || 'the source'}` }, e.text)))),
    r.note && !r.inferred ? h('p', { class: 'note' }, h('span', { class: 'note-label' }, 'Curator\'s note: '), r.note) : null);
}

function section(title, ...body) {
  return h('section', { class: 'relgroup' }, h('h4', {}, title), ...body);
}

// renderLoading says that a node's details are on their way.
export function renderLoading(id) {
  return h('p', { class: 'empty', role: 'status' }, `Loading ${id}…`);
}

// renderError says why a node's details could not be shown.
export function renderError(id, err) {
  return h('div', { role: 'alert' },
    h('h3', { class: 'title' }, `Could not load ${id}`),
    h('p', {}, err.message));
}

// whoLine says who added a node and who last changed it, from its history
// (newest first): "added by … on …, last changed by … on …"; null without
// one.
export function whoLine(history) {
  if (!history?.length) return null;
  const day = (at) => (at || '').slice(0, 10);
  const first = history[history.length - 1];
  const last = history[0];
  const added = `added by ${first.by} on ${day(first.at)}`;
  return history.length > 1 ? `${added}, last changed by ${last.by} on ${day(last.at)}` : added;
}

// renderClaim shows a claim: who asserted it, its quotes in their
// paragraphs, and the claims it rebuts, supports or qualifies.
export function renderClaim(c, ctx) {
  const hidden = ctx.isHidden(c.id);
  const out = h('article', { 'aria-labelledby': 'panel-title', dataset: { kind: 'Claim', id: c.id } });
  out.append(
    h('p', { class: 'meta' }, h('span', { class: 'badge kind' }, 'Claim'),
      c.date ? `dated ${c.date}` : 'undated',
      c.dataset ? ` · dataset ${c.dataset}` : '',
      hidden ? ' · hidden by the filters' : ''),
    h('h3', { class: 'title', id: 'panel-title' }, c.text),
  );
  const who = whoLine(c.history);
  if (who) out.append(h('p', { class: 'meta who-line' }, `${who[0].toUpperCase()}${who.slice(1)}.`));

  out.append(section('Asserted by', h('ul', {}, c.assertions.map((a) => h('li', {},
    actorLink(a.actor, ctx),
    a.actor.role ? h('span', { class: 'meta' }, `, ${a.actor.role}`) : null,
    h('div', { class: 'meta' },
      'in ', sourceLabel(a.source),
      a.date ? ` · ${a.date}` : '',
      ` · ${ATTRIBUTION_LABEL[a.attribution] || a.attribution}`,
      a.stance === 'PRESENTS' ? [' · ', stanceBadge(a.stance)] : null,
      a.inferred ? [' · ', inferredBadge(a.note)] : null),
    a.inferred ? h('p', { class: 'why inferred' }, h('strong', {}, 'Attributed by the curator:'), ' ', a.note || 'no reason given.') : null,
  )))));

  if (c.about?.length) {
    out.append(section('About', h('p', {}, c.about.map((a, i) => [i ? ', ' : '', nodeLink(a.id, a.name, ctx)]))));
  }

  out.append(section(`Quotes (${c.quotes.length})`, h('ul', { class: 'quotes' }, c.quotes.map((q, i) => {
    const paraId = `para-${i}`;
    const para = h('div', { class: 'paragraph', id: paraId, hidden: true, 'aria-label': 'The quote in its paragraph of the article' });
    const toggle = h('button', {
      type: 'button', class: 'link', 'aria-expanded': 'false', 'aria-controls': paraId,
      disabled: !q.paragraphSpan,
    }, q.paragraphSpan ? 'Show in its paragraph' : 'Paragraph not available');
    toggle.addEventListener('click', () => {
      const open = toggle.getAttribute('aria-expanded') === 'true';
      if (!open && !para.firstChild) fillParagraph(para, q);
      toggle.setAttribute('aria-expanded', String(!open));
      toggle.textContent = open ? 'Show in its paragraph' : 'Hide the paragraph';
      para.hidden = open;
    });
    return h('li', { dataset: { quoteId: q.id, quoteKind: q.kind } },
      quoteView(q),
      h('p', { class: 'quote-src' },
        'From ', sourceLabel(q.source),
        q.document && q.document.id !== q.source.id ? ['; first said or written in ', sourceLabel(q.document)] : null),
      toggle, para);
  }))));

  const rels = c.relations || [];
  const groups = REL_GROUPS.map(([kind, dir, title]) => {
    const items = rels.filter((r) => r.kind === kind && (dir === 'out' ? r.from.id === c.id : r.to.id === c.id));
    if (!items.length) return null;
    return h('div', { class: 'relgroup', dataset: { rel: `${kind}-${dir}` } },
      h('h5', { class: 'meta' }, h('span', { class: `badge rel-${kind}` }, title)),
      h('ul', {}, items.map((r) => {
        const other = dir === 'out' ? r.to : r.from;
        return h('li', { dataset: { relFrom: r.from.id, relTo: r.to.id, inferred: String(!!r.inferred) } },
          nodeLink(other.id, other.text, ctx), whyLinked(r));
      })));
  }).filter(Boolean);
  out.append(section('Relations', groups.length ? groups : h('p', { class: 'empty' }, 'No claim rebuts, supports or qualifies this one, and it bears on none.')));
  return out;
}

// fillParagraph shows the quote's paragraph with the quote marked at its
// offsets (Quote.paragraphSpan); the paragraph alone when they do not fit.
function fillParagraph(el, q) {
  const at = paragraphMarks(q.paragraphSpan, q.start, q.end);
  if (!at) {
    el.append(q.paragraphSpan.text);
    return;
  }
  el.append(at.before, h('mark', {}, at.quote), at.after);
}

// renderActor shows an actor: role, groups, claims, and whom they
// countered and who countered them.
export function renderActor(a, ctx) {
  const out = h('article', { 'aria-labelledby': 'panel-title', dataset: { kind: 'Actor', id: a.id } });
  // append (the DOM's, not dom.js's) would write a null as the word "null".
  out.append(...[
    h('p', { class: 'meta' },
      h('span', { class: 'badge kind' }, KIND_LABEL[a.kind] || a.kind),
      a.anonymous ? anonBadge() : null,
      ctx.isHidden(a.id) ? ' hidden by the filters' : ''),
    h('h3', { class: 'title', id: 'panel-title' }, a.name),
    a.role ? h('p', {}, h('strong', {}, 'Role: '), a.role) : null,
    a.description ? h('p', {}, a.description) : null,
    h('p', {}, h('button', { type: 'button', class: 'btn btn-quiet', onclick: () => ctx.traceFrom(a.id) }, 'Trace counters from this actor')),
  ].filter((el) => el !== null));
  if (a.memberOf.length) out.append(section('Member of', h('ul', {}, a.memberOf.map((m) => h('li', {}, actorLink(m, ctx))))));
  if (a.members.length) out.append(section('Members', h('ul', {}, a.members.map((m) => h('li', {}, actorLink(m, ctx))))));
  out.append(section(`Claims (${a.assertions.length})`, a.assertions.length
    ? h('ul', {}, a.assertions.map((s) => h('li', {},
      nodeLink(s.claim.id, s.claim.text, ctx),
      h('div', { class: 'meta' }, [s.date || s.claim.date || 'undated', ' · in ', h('cite', {}, s.source.title), ' · ', ATTRIBUTION_LABEL[s.attribution] || s.attribution,
        s.stance === 'PRESENTS' ? [' · ', stanceBadge(s.stance)] : null,
        s.inferred ? [' · ', inferredBadge(s.note)] : null]))))
    : h('p', { class: 'empty' }, 'No claims.')));
  out.append(section(`Countered (${a.countered.length})`, counterList(a.countered, 'against', ctx)));
  out.append(section(`Countered by (${a.counteredBy.length})`, counterList(a.counteredBy, 'by', ctx)));
  return out;
}

// counterList lists counters (one claim rebutting another) with the actors
// on one side, for an actor's panel and for trace mode; each claim says
// its dataset (the article it comes from: an actor's counters may span
// several, a merged actor's always do).
export function counterList(counters, side, ctx) {
  if (!counters.length) return h('p', { class: 'empty' }, 'None.');
  const from = (c) => (c.dataset ? h('span', { class: 'meta claim-dataset', dataset: { claimDataset: c.dataset } }, ` (${ctx.datasetTitle?.(c.dataset) || c.dataset})`) : null);
  return h('ul', { class: 'counters' }, counters.map((k) => h('li', { dataset: { counter: k.counter.id, target: k.target.id, inferred: String(!!k.inferred), datasets: k.counter.dataset && k.target.dataset ? `${k.counter.dataset} ${k.target.dataset}` : null } },
    h('div', {}, nodeLink(k.counter.id, k.counter.text, ctx), from(k.counter)),
    h('div', {}, h('span', { class: 'badge rel-REBUTS' }, 'rebuts')),
    h('div', {}, nodeLink(k.target.id, k.target.text, ctx), from(k.target)),
    h('div', { class: 'meta', title: 'Only actors who argue for a claim count in who countered whom, not those who only present it.' },
      side === 'against' ? 'argued for by ' : 'countering claim argued for by ',
      k[side].map((x, i) => [i ? ', ' : '', ...actorLink(x, ctx)])),
    whyLinked(k))));
}

// renderSource shows a document: authors, where it was reported, and the
// claims quoted from it.
export function renderSource(s, ctx) {
  return h('article', { 'aria-labelledby': 'panel-title', dataset: { kind: 'Source', id: s.id } },
    h('p', { class: 'meta' }, h('span', { class: 'badge kind' }, `Source: ${SOURCE_KIND_LABEL[s.kind] || s.kind}`), s.date ? ` dated ${s.date}` : ''),
    h('h3', { class: 'title', id: 'panel-title' }, s.title),
    // A title the curator wrote for a text with no headline of its own is
    // not shown as the document's headline.
    s.titleIsDescription ? h('p', { class: 'meta title-description' }, 'The curator\'s description: the text has no headline of its own.') : null,
    s.publisher ? h('p', {}, h('strong', {}, 'Published by: '), s.publisher) : null,
    s.authors.length ? section('Authors', h('ul', {}, s.authors.map((a) => h('li', {}, actorLink(a, ctx))))) : null,
    s.reportedIn ? section('Reported in', h('p', {}, nodeLink(s.reportedIn.id, s.reportedIn.title, ctx))) : null,
    ctx.quotedFrom ? quotedFrom(ctx.quotedFrom(s.id), ctx) : null);
}

function quotedFrom(claims, ctx) {
  return section(`Claims quoted from it (${claims.length})`, claims.length
    ? h('ul', {}, claims.map((c) => h('li', {}, nodeLink(c.id, c.full, ctx), ' ', h('span', { class: 'meta' }, c.date || 'undated'))))
    : h('p', { class: 'empty' }, 'None in the graph.'));
}

// renderBrowse lists every actor and claim: the keyboard's way into the graph.
export function renderBrowse(nodes, ctx, cap = 300) {
  const actors = nodes.filter((n) => n.type === 'Actor').sort((x, y) => x.full.localeCompare(y.full));
  const claims = nodes.filter((n) => n.type === 'Claim').sort((x, y) => (x.date || '').localeCompare(y.date || '') || x.id.localeCompare(y.id));
  const sources = nodes.filter((n) => n.type === 'Source');
  const list = (items, fn) => h('ul', {}, items.slice(0, cap).map(fn), items.length > cap ? h('li', { class: 'empty' }, `… and ${items.length - cap} more; use the search.`) : null);
  return h('div', { class: 'browse' },
    h('h3', { class: 'title', id: 'panel-title' }, 'The whole debate'),
    h('p', {}, 'Click a node in the graph, search, or pick an actor or a claim below to read its claims, quotes and counters. ',
      'Trace mode shows who countered whom.'),
    h('h4', {}, `Actors (${actors.length})`),
    list(actors, (n) => h('li', {}, nodeLink(n.id, n.full, ctx), ' ',
      h('span', { class: 'meta' }, KIND_LABEL[n.kind] || n.kind), n.kind === 'ANONYMOUS' ? [' ', anonBadge()] : null)),
    h('h4', {}, `Claims (${claims.length})`),
    list(claims, (n) => h('li', {}, nodeLink(n.id, n.full, ctx), ' ', h('span', { class: 'meta' }, n.date || 'undated'))),
    sources.length ? [h('h4', {}, `Sources (${sources.length})`), list(sources, (n) => h('li', {}, nodeLink(n.id, n.full, ctx)))] : null);
}
