// The GraphQL queries of the journalist's views (the actor network, the
// timeline, the camps and the dataset chooser). Each view is one request;
// none asks for the whole graph: claims come through the timeline (capped
// by first, scoped by the datasets and the date range), actors through the
// claims they assert.

// The most claims a view reads (the API's cap on timeline.first).
export const VIEW_CLAIMS = 2000;

export const DATASETS_QUERY = /* GraphQL */ `
  query ViewDatasets {
    datasets {
      id
      title
      claimCount
      actorCount
      relationCount
      sources { id title kind date publisher }
    }
  }
`;

// The datasets that share actors or relations with one (the chooser's
// "this debate"), with why.
export const RELATED_QUERY = /* GraphQL */ `
  query ViewRelated($dataset: ID!) {
    relatedDatasets(dataset: $dataset) {
      id
      title
      sharedActors { id name }
      relationsTo
      relationsFrom
    }
  }
`;

const CAMPS = /* GraphQL */ `
  fragment ViewCamps on Camps {
    camps { group actors { id name kind anonymous } }
    unsure { id name }
    frustration
    ties
    frustrated { from { id name } to { id name } sign why }
  }
`;

const VIEW_CLAIM = /* GraphQL */ `
  fragment ViewClaim on Claim {
    id
    text
    date
    dataset
    assertions { actor { id name kind anonymous role } stance }
  }
`;

// The network's edges are the ties the camps weigh (camps.weighed), so
// that the view draws exactly what the camps are made of.
export const NETWORK_QUERY = /* GraphQL */ `
  query ViewNetwork($datasets: [ID!], $campsDatasets: [ID!], $from: String, $to: String, $first: Int) {
    timeline(datasets: $datasets, from: $from, to: $to, first: $first) {
      entries { claim { ...ViewClaim } }
      undated { ...ViewClaim }
      truncated
    }
    camps(datasets: $campsDatasets) {
      ...ViewCamps
      weighed { from { id } to { id } kind claims inferred }
    }
  }
  ${VIEW_CLAIM}
  ${CAMPS}
`;

export const TIMELINE_QUERY = /* GraphQL */ `
  query ViewTimeline($datasets: [ID!], $campsDatasets: [ID!], $from: String, $to: String, $first: Int) {
    timeline(datasets: $datasets, from: $from, to: $to, first: $first) {
      entries { claim { ...ViewClaim } when { date precision first last bound inferred } }
      undated { ...ViewClaim }
      documents { source { id title kind date publisher } when { date precision first last } }
      counters { counter { id } target { id } by { id } against { id } inferred }
      truncated
    }
    camps(datasets: $campsDatasets) { ...ViewCamps }
  }
  ${VIEW_CLAIM}
  ${CAMPS}
`;

// A claim with its words: every quote, whose words it holds (direct or the
// outlet's paraphrase, with the speaker's own words inside it), and where.
const CLAIM_WORDS = /* GraphQL */ `
  fragment ClaimWords on Claim {
    id
    text
    date
    dataset
    assertions { actor { id name kind anonymous } stance source { id title kind date } }
    quotes {
      id
      text
      kind
      start
      end
      directSpans { start end text }
      source { id title kind date publisher }
      document { id title kind date }
    }
  }
`;

// The counters of one pair of actors (at most PAIR_FIRST, the API's
// complexity limit allows no more with their evidence); their claims' words
// come with CLAIMS_WORDS_QUERY, WORDS_BATCH claims a request.
export const PAIR_FIRST = 80;
export const WORDS_BATCH = 40;

export const PAIR_COUNTERS_QUERY = /* GraphQL */ `
  query ViewPairCounters($by: ID!, $against: ID!, $datasets: [ID!], $first: Int) {
    counters(by: $by, against: $against, datasets: $datasets, first: $first) {
      counter { id }
      target { id }
      by { id name kind anonymous }
      against { id name kind anonymous }
      note
      inferred
      notes
      evidence { text start end source { id title publisher } }
    }
  }
`;

export const CLAIMS_WORDS_QUERY = /* GraphQL */ `
  query ViewClaimsWords($ids: [ID!]!) {
    nodes(ids: $ids) { __typename ...ClaimWords }
  }
  ${CLAIM_WORDS}
`;
