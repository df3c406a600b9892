// The explorer's GraphQL client: plain fetch to the same origin's /graphql.

export class APIError extends Error {
  constructor(message, codes = [], errors = []) {
    super(message);
    this.name = 'APIError';
    this.codes = codes;
    // The GraphQL errors as the API sent them, each with extensions.code
    // and, for a refused input, extensions.field (the studio's forms use it).
    this.errors = errors;
  }
}

// gql posts one query to the same origin's /graphql and turns GraphQL and
// HTTP errors into an APIError, so that callers show one kind of message.
// token (the studio's curator) goes in the Authorization header; with it
// the request asks for plain JSON, so that a refused write is an answer
// (200 with errors) rather than a failed request.
export async function gql(query, variables = {}, { signal, token } = {}) {
  let res;
  const headers = {
    'Content-Type': 'application/json',
    Accept: token ? 'application/json' : 'application/graphql-response+json, application/json',
  };
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (err) {
    if (err.name === 'AbortError') throw err;
    throw new APIError(`The API could not be reached (${err.message}).`);
  }
  let body;
  try {
    body = await res.json();
  } catch {
    throw new APIError(`The API answered ${res.status} ${res.statusText} without a GraphQL result.`);
  }
  if (body.errors && body.errors.length) {
    const codes = body.errors.map((e) => e.extensions?.code).filter(Boolean);
    throw new APIError(body.errors.map((e) => e.message).join('; '), codes, body.errors);
  }
  if (!res.ok) throw new APIError(`The API answered ${res.status} ${res.statusText}.`);
  return body.data;
}

// The largest subgraph the API returns.
export const SUBGRAPH_LIMIT = 5000;

export const GRAPH_QUERY = /* GraphQL */ `
  query ExplorerGraph($types: [NodeType!], $limit: Int, $datasets: [ID!]) {
    subgraph(types: $types, limit: $limit, datasets: $datasets) {
      truncated
      nodes {
        __typename
        id
        ... on Actor { name kind role anonymous }
        ... on Claim { text date }
        ... on Source { title sourceKind: kind date }
      }
      edges { id type from to inferred }
    }
  }
`;

export const CLAIM_QUERY = /* GraphQL */ `
  query ExplorerClaim($id: ID!) {
    claim(id: $id) {
      id
      text
      date
      dataset
      assertions {
        actor { id name kind anonymous role }
        source { id title kind date }
        date
        attribution
        stance
        inferred
        note
      }
      about { id name kind }
      quotes {
        id
        text
        kind
        start
        end
        directSpans { start end text }
        paragraphSpan { start end text }
        source { id title kind date publisher }
        document { id title kind date }
      }
      relations(direction: BOTH) {
        kind
        note
        inferred
        evidence { text start end source { id title publisher } }
        from { id text }
        to { id text }
        source { id title }
      }
    }
    history(id: $id, first: 500) { entity action by at }
  }
`;

// Why a counter counts: the source's words that make the rebuttal, or the
// curator's note on an inferred one.
const COUNTER_WHY = /* GraphQL */ `
  fragment CounterWhy on Counter {
    note
    inferred
    relationInferred
    notes
    evidence { text start end source { id title publisher } }
  }
`;

export const ACTOR_QUERY = /* GraphQL */ `
  query ExplorerActor($id: ID!) {
    actor(id: $id) {
      id
      name
      kind
      role
      description
      anonymous
      memberOf { id name kind }
      members { id name kind anonymous }
      assertions {
        claim { id text date }
        source { id title }
        date
        attribution
        stance
        inferred
        note
      }
      countered { counter { id text dataset } target { id text dataset } against { id name kind anonymous } ...CounterWhy }
      counteredBy { counter { id text dataset } target { id text dataset } by { id name kind anonymous } ...CounterWhy }
    }
  }
  ${COUNTER_WHY}
`;

export const SOURCE_QUERY = /* GraphQL */ `
  query ExplorerSource($id: ID!) {
    source(id: $id) {
      id
      title
      titleIsDescription
      kind
      date
      publisher
      authors { id name kind }
      reportedIn { id title }
    }
  }
`;

export const SEARCH_QUERY = /* GraphQL */ `
  query ExplorerSearch($text: String!, $first: Int) {
    search(text: $text, first: $first) {
      score
      node {
        __typename
        id
        ... on Actor { name kind anonymous }
        ... on Claim { text date }
        ... on Quote { text quoteKind: kind source { id title publisher } claim { id text } }
        ... on Source { title sourceKind: kind }
      }
    }
  }
`;

export const COUNTERS_QUERY = /* GraphQL */ `
  query ExplorerCounters($id: ID!) {
    actor(id: $id) {
      id
      name
      countered {
        counter { id text dataset }
        target { id text dataset }
        by { id name kind anonymous }
        against { id name kind anonymous }
        ...CounterWhy
      }
      counteredBy {
        counter { id text dataset }
        target { id text dataset }
        by { id name kind anonymous }
        against { id name kind anonymous }
        ...CounterWhy
      }
    }
  }
  ${COUNTER_WHY}
`;

export const CHAINS_QUERY = /* GraphQL */ `
  query ExplorerChains($from: ID!, $to: ID!, $kinds: [RelationKind!], $directed: Boolean, $maxHops: Int) {
    chains(from: $from, to: $to, kinds: $kinds, directed: $directed, maxHops: $maxHops, first: 20) {
      hops
      claims { id text assertedBy { id name kind anonymous } }
      relations { kind note inferred from { id } to { id } }
    }
  }
`;

// DATED_CLAIMS_QUERY pages through the claims the API counts as dated in a
// range (ClaimFilter's dateFrom and dateTo), for the explorer's date
// filter: the browser applies no date rule of its own.
export const DATED_CLAIMS_QUERY = /* GraphQL */ `
  query ExplorerDatedClaims($from: String, $to: String, $datasets: [ID!], $after: String) {
    claims(first: 100, after: $after, filter: { dateFrom: $from, dateTo: $to, datasets: $datasets }) {
      nodes { id }
      pageInfo { hasNextPage endCursor }
    }
  }
`;
