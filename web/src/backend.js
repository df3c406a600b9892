// Where the explorer's data comes from. main.js picks one backend at start
// and puts it in app.backend; the rest of the page only calls these methods:
//
//   graphNote        said after the counts in the status line (or null)
//   browseLimit      how many nodes of a kind the panel's lists show
//   loadGraph()      put the graph the state asks for on the page
//   nodeDetails(id, { signal, ctx })   { view } for the panel, or { redirect: id }
//   actorCounters(id, { signal })      Actor.countered and counteredBy
//   chains(args, { signal })           chains between two actors
//   search(text, { first, signal })    full-text search hits
//
// apiBackend answers from the GraphQL API; the benchmark's synthetic backend
// is in bench.js.
import { gql, APIError, GRAPH_QUERY, CLAIM_QUERY, ACTOR_QUERY, SOURCE_QUERY, SEARCH_QUERY, COUNTERS_QUERY, CHAINS_QUERY, DATED_CLAIMS_QUERY, SUBGRAPH_LIMIT } from './api.js';
import { app, explorer } from './app.js';
import { toElements } from './graph.js';
import { renderClaim, renderActor, renderSource } from './panel.js';
import { setStatus, renderGraph } from './graphview.js';
import { refreshControls } from './controls.js';
import { chosen } from './datasets.js';

const NODE_TYPE_QUERY = 'query ExplorerNodeType($id: ID!) { node(id: $id) { __typename } }';
const QUOTE_CLAIM_QUERY = 'query ExplorerQuote($id: ID!) { node(id: $id) { ... on Quote { claim { id } } } }';

export const apiBackend = {
  graphNote: null,
  browseLimit: 1000,

  // loadGraph fetches the actors and claims (with "Show sources", also the
  // quotes and sources) of the datasets shown (datasets.js: all while they
  // are small together, else the chosen or the most recent one) and
  // replaces the graph on the page with them.
  async loadGraph() {
    const types = app.state.sources ? ['ACTOR', 'CLAIM', 'QUOTE', 'SOURCE'] : ['ACTOR', 'CLAIM'];
    const ds = chosen(app.state.ds, app.datasets || []);
    setStatus('Loading the graph…');
    let data;
    try {
      data = await gql(GRAPH_QUERY, { types, limit: SUBGRAPH_LIMIT, datasets: ds.length ? ds : null });
    } catch (err) {
      explorer.error = err.message;
      setStatus(`Could not load the graph: ${err.message}`, true);
      throw err;
    }
    app.truncated = data.subgraph.truncated;
    renderGraph(toElements(data.subgraph));
    refreshControls();
  },

  // claimsDated returns the ids of the claims of the datasets shown that
  // the API counts as dated from..to (either may be empty).
  async claimsDated(from, to) {
    const ds = chosen(app.state.ds, app.datasets || []);
    const ids = new Set();
    let after = null;
    do {
      const page = (await gql(DATED_CLAIMS_QUERY, { from: from || null, to: to || null, datasets: ds.length ? ds : null, after })).claims;
      for (const c of page.nodes) ids.add(c.id);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return ids;
  },

  // nodeDetails fetches what the panel shows of a claim, an actor or a
  // source; a quote is shown as its claim.
  async nodeDetails(id, { signal, ctx }) {
    let type = app.byId.get(id)?.type;
    if (!type) {
      const d = await gql(NODE_TYPE_QUERY, { id }, { signal });
      type = d.node?.__typename;
      if (!type) throw new APIError(`Nothing in the graph has the id "${id}".`);
    }
    if (type === 'Claim') {
      const d = await gql(CLAIM_QUERY, { id }, { signal });
      if (!d.claim) throw new APIError(`No claim has the id "${id}".`);
      // Who added it and who last changed it: its own changes, or its dataset's load.
      const history = (d.history || []).filter((x) => x.entity === id || x.action === 'LOAD');
      return { view: renderClaim({ ...d.claim, history }, ctx) };
    }
    if (type === 'Actor') {
      const d = await gql(ACTOR_QUERY, { id }, { signal });
      if (!d.actor) throw new APIError(`No actor has the id "${id}".`);
      return { view: renderActor(d.actor, ctx) };
    }
    if (type === 'Source') {
      const d = await gql(SOURCE_QUERY, { id }, { signal });
      if (!d.source) throw new APIError(`No source has the id "${id}".`);
      return { view: renderSource(d.source, ctx) };
    }
    if (type === 'Quote') {
      const d = await gql(QUOTE_CLAIM_QUERY, { id }, { signal });
      if (d.node?.claim) return { redirect: d.node.claim.id };
      throw new APIError(`No quote has the id "${id}".`);
    }
    throw new APIError(`"${id}" is a ${type}, which the explorer does not show.`);
  },

  // actorCounters fetches whom an actor countered and who countered them,
  // for trace mode with one actor (null when there is no such actor).
  async actorCounters(id, { signal }) {
    return (await gql(COUNTERS_QUERY, { id }, { signal })).actor;
  },

  // chains fetches the chains of claims between two actors, for trace mode
  // with two actors.
  async chains({ from, to, kinds, directed, maxHops }, { signal }) {
    return (await gql(CHAINS_QUERY, { from, to, kinds, directed, maxHops }, { signal })).chains;
  },

  // search fetches full-text hits over actors, claims, quotes and sources.
  async search(text, { first, signal }) {
    return (await gql(SEARCH_QUERY, { text, first }, { signal })).search;
  },
};
