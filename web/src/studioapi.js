// The studio's GraphQL: what curate mode reads and the writes it sends.
// Parts of the API arrived one by one (sign-in check, versions, history,
// import, suggestions), so the studio asks the schema once which it has
// (capabilities) and builds its queries from that; the unit tests build
// every query for the capabilities schema.graphqls has and validate it.

// CAPS_QUERY lists the fields of the types whose additions the studio uses.
export const CAPS_QUERY = /* GraphQL */ `
  query StudioCaps {
    query: __type(name: "Query") { fields { name } }
    mutation: __type(name: "Mutation") { fields { name } }
    source: __type(name: "Source") { fields { name } }
    claim: __type(name: "Claim") { fields { name } }
    actor: __type(name: "Actor") { fields { name } }
    quote: __type(name: "Quote") { fields { name } }
    claimInput: __type(name: "ClaimInput") { inputFields { name } }
  }
`;

// The capabilities the studio looks for, as "Type.field".
export const CAPABILITIES = [
  'Query.editor', 'Query.history', 'Query.datasets', 'Query.search', 'Query.similarClaims', 'Query.actorCandidates',
  'Mutation.importSource', 'Mutation.rephraseClaim', 'Mutation.reviewSuggestion', 'Mutation.deleteClaim', 'Mutation.deleteActor',
  'Source.suggestions', 'Source.counterHints', 'Source.quotes', 'Source.version',
  'Claim.version', 'Actor.version', 'Quote.anchor', 'ClaimInput.version',
];

// capsFromIntrospection turns CAPS_QUERY's answer into a Set of
// capabilities; with no answer (introspection switched off) it assumes
// the whole studio API.
export function capsFromIntrospection(data) {
  if (!data) return new Set(CAPABILITIES);
  const have = new Set();
  const types = { Query: data.query, Mutation: data.mutation, Source: data.source, Claim: data.claim, Actor: data.actor, Quote: data.quote, ClaimInput: data.claimInput };
  for (const [type, t] of Object.entries(types)) {
    for (const f of t?.fields || t?.inputFields || []) have.add(`${type}.${f.name}`);
  }
  return new Set(CAPABILITIES.filter((c) => have.has(c)));
}

// capsFromSchema reads the capabilities from a graphql-js schema object
// (the unit tests build one from schema.graphqls).
export function capsFromSchema(schema) {
  const have = new Set();
  for (const name of ['Query', 'Mutation', 'Source', 'Claim', 'Actor', 'Quote', 'ClaimInput']) {
    const t = schema.getType(name);
    if (t) for (const f of Object.keys(t.getFields())) have.add(`${name}.${f}`);
  }
  return new Set(CAPABILITIES.filter((c) => have.has(c)));
}

const when = (caps, cap, text) => (caps.has(cap) ? text : '');

// sourcesQuery lists every source for the studio's source picker.
export function sourcesQuery(caps) {
  return /* GraphQL */ `query StudioSources { sources { id title kind date publisher ${when(caps, 'Source.version', 'version')} } }`;
}

// sourceQuery reads one source to curate: its text and what the studio
// shows beside it.
export function sourceQuery(caps) {
  return /* GraphQL */ `
    query StudioSource($id: ID!) {
      source(id: $id) {
        id title kind date publisher text
        ${when(caps, 'Source.version', 'version url')}
        paragraphs { start end }
        quotations { start end }
        ${when(caps, 'Source.suggestions', 'suggestions(status: null) { id start end text parts { start end text } speaker speakerSpan { start end text } mention { start end text } cue cueSpan { start end text } speakerFrom speakerKind status }')}
        ${when(caps, 'Source.counterHints', 'counterHints(status: null) { id signal signalSpan { start end text } span { start end text } rank score quotes target status }')}
        ${when(caps, 'Source.quotes', `quotes { id text kind start end ${when(caps, 'Quote.anchor', 'anchor')} claim { id text } }`)}
      }
    }
  `;
}

// claimsOfSourceQuery pages through the claims quoted from a source, with
// the quotes the reader highlights.
export function claimsOfSourceQuery() {
  return /* GraphQL */ `
    query StudioClaimsOfSource($source: ID!, $after: String) {
      claims(filter: { source: $source }, first: 100, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes {
          id text date
          assertions { actor { id name kind } source { id } }
          quotes { id text kind start end source { id } }
        }
      }
    }
  `;
}

// allClaimsQuery pages through every claim, for the relation form's pickers.
export function allClaimsQuery() {
  return /* GraphQL */ `
    query StudioAllClaims($after: String) {
      claims(first: 100, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { id text date dataset }
      }
    }
  `;
}

// actorsQuery pages through every actor, for the actor picker.
export function actorsQuery(caps) {
  return /* GraphQL */ `
    query StudioActors($after: String) {
      actors(first: 100, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { id name kind role anonymous ${when(caps, 'Actor.version', 'version')} }
      }
    }
  `;
}

// claimEditQuery reads a claim as the claim form edits it.
export function claimEditQuery(caps) {
  return /* GraphQL */ `
    query StudioClaim($id: ID!) {
      claim(id: $id) {
        id text date dateBound dateInferred dateNote dataset ${when(caps, 'Claim.version', 'version')}
        about { id }
        assertions { actor { id name kind } source { id title } date attribution stance inferred note }
        quotes { id text kind start end source { id title } document { id } }
        relations(direction: BOTH) {
          kind note inferred from { id text } to { id text } source { id }
          evidence { text start end source { id } }
        }
      }
    }
  `;
}

// datasetsQuery lists the datasets, for the download's picker.
export function datasetsQuery() {
  return /* GraphQL */ `query StudioDatasets { datasets { id title claimCount } }`;
}

// historyQuery reads the changes of one node, newest first.
export function historyQuery() {
  return /* GraphQL */ `
    query StudioHistory($id: ID!, $first: Int) {
      history(id: $id, first: $first) { at by action entity version before after }
    }
  `;
}

// editorQuery checks a token: the name it carries, null when not valid.
export function editorQuery() {
  return /* GraphQL */ `query StudioEditor { editor }`;
}

// A write that changes nothing, for checking a token where the API has no
// editor query: removing a relation between two claims that do not exist
// (refused as input once the token passed, as UNAUTHENTICATED before).
export const NOOP_MUTATION = /* GraphQL */ `
  mutation StudioSignInCheck { removeRelation(kind: REBUTS, from: "studio-sign-in-check", to: "studio-sign-in-check") }
`;

export function upsertActorMutation(caps) {
  return /* GraphQL */ `
    mutation StudioUpsertActor($input: ActorInput!) {
      upsertActor(input: $input) { id name kind role anonymous ${when(caps, 'Actor.version', 'version')} }
    }
  `;
}

export function upsertClaimMutation(caps) {
  return /* GraphQL */ `
    mutation StudioUpsertClaim($input: ClaimInput!) {
      upsertClaim(input: $input) { id text ${when(caps, 'Claim.version', 'version')} }
    }
  `;
}

export function addRelationMutation() {
  return /* GraphQL */ `
    mutation StudioAddRelation($input: RelationInput!) {
      addRelation(input: $input) { kind from { id } to { id } }
    }
  `;
}

export function removeRelationMutation() {
  return /* GraphQL */ `
    mutation StudioRemoveRelation($kind: RelationKind!, $from: ID!, $to: ID!) {
      removeRelation(kind: $kind, from: $from, to: $to)
    }
  `;
}

export function deleteClaimMutation() {
  return /* GraphQL */ `
    mutation StudioDeleteClaim($id: ID!, $version: Int!) { deleteClaim(id: $id, version: $version) }
  `;
}

export function importSourceMutation() {
  return /* GraphQL */ `
    mutation StudioImportSource($input: ImportSourceInput!) {
      importSource(input: $input) {
        source { id }
        moved { id text start end }
        orphaned { id text start end }
        orphanedEvidence { kind from { id text } to { id text } }
      }
    }
  `;
}

export function reviewSuggestionMutation() {
  return /* GraphQL */ `
    mutation StudioReviewSuggestion($source: ID!, $id: ID!, $decision: SuggestionStatus!) {
      reviewSuggestion(source: $source, id: $id, decision: $decision)
    }
  `;
}

// actorCandidatesQuery asks the API which existing actors a suggested
// speaker may be (the domain's one matching rule, never an anonymous actor).
export function actorCandidatesQuery() {
  return /* GraphQL */ `
    query StudioActorCandidates($name: String!, $role: String, $kind: ActorKind) {
      actorCandidates(name: $name, role: $role, kind: $kind, first: 3) { actor { id name kind role } reason score }
    }
  `;
}

// similarClaimsQuery asks which existing claims, of any dataset, say what
// the claim being written says (the API's lexical rule), with what matched;
// $claim leaves the edited claim itself out.
export function similarClaimsQuery() {
  return /* GraphQL */ `
    query StudioSimilarClaims($text: String!, $claim: ID) {
      similarClaims(text: $text, claim: $claim, first: 5) {
        score matched negationDiffers numbersDiffer
        claim { id text dataset }
      }
    }
  `;
}

// searchClaimsQuery finds claims of every dataset by their words (the
// full-text search), for the relation form's other claim.
export function searchClaimsQuery() {
  return /* GraphQL */ `
    query StudioSearchClaims($text: String!) {
      search(text: $text, first: 20) { score node { __typename ... on Claim { id text dataset } } }
    }
  `;
}

// rephraseClaimMutation saves a claim and links it as REPHRASES of an
// existing one in one write.
export function rephraseClaimMutation(caps) {
  return /* GraphQL */ `
    mutation StudioRephraseClaim($input: ClaimInput!, $rephrases: ID!) {
      rephraseClaim(input: $input, rephrases: $rephrases) { id text ${when(caps, 'Claim.version', 'version')} }
    }
  `;
}

// studioOperations is every operation the studio may send with caps, by
// name, for the schema test.
export function studioOperations(caps) {
  const ops = {
    sourcesQuery: sourcesQuery(caps), sourceQuery: sourceQuery(caps), claimsOfSourceQuery: claimsOfSourceQuery(),
    allClaimsQuery: allClaimsQuery(), actorsQuery: actorsQuery(caps), claimEditQuery: claimEditQuery(caps),
    NOOP_MUTATION, upsertActorMutation: upsertActorMutation(caps), upsertClaimMutation: upsertClaimMutation(caps),
    addRelationMutation: addRelationMutation(), removeRelationMutation: removeRelationMutation(),
    actorCandidatesQuery: actorCandidatesQuery(),
  };
  if (caps.has('Query.similarClaims')) ops.similarClaimsQuery = similarClaimsQuery();
  if (caps.has('Query.search')) ops.searchClaimsQuery = searchClaimsQuery();
  if (caps.has('Mutation.rephraseClaim')) ops.rephraseClaimMutation = rephraseClaimMutation(caps);
  if (caps.has('Query.history')) ops.historyQuery = historyQuery();
  if (caps.has('Query.datasets')) ops.datasetsQuery = datasetsQuery();
  if (caps.has('Query.editor')) ops.editorQuery = editorQuery();
  if (caps.has('Mutation.deleteClaim')) ops.deleteClaimMutation = deleteClaimMutation();
  if (caps.has('Mutation.importSource')) ops.importSourceMutation = importSourceMutation();
  if (caps.has('Mutation.reviewSuggestion')) ops.reviewSuggestionMutation = reviewSuggestionMutation();
  return ops;
}
