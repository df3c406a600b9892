// The curator's session: the token lives in this module's memory for as long
// as the tab does (never in the URL, local or session storage, or a cookie),
// and every studio request goes through send, which adds it.
import { gql, APIError } from './api.js';
import { CAPS_QUERY, capsFromIntrospection, editorQuery, NOOP_MUTATION } from './studioapi.js';

let token = null;
let editor = null;
let caps = null;

// capabilities asks the schema once which of the studio's API parts it
// has (see studioapi.js).
export async function capabilities() {
  if (caps) return caps;
  try {
    caps = capsFromIntrospection(await gql(CAPS_QUERY));
  } catch (err) {
    if (err.name === 'AbortError') throw err;
    caps = capsFromIntrospection(null);
  }
  return caps;
}

// signIn checks a token with the API and keeps it: the token's name (from
// Query.editor), or "curator" where the API cannot say. An invalid token
// throws an APIError and is not kept.
export async function signIn(candidate) {
  const t = (candidate || '').trim();
  if (!t) throw new APIError('Enter your curator token.', ['BAD_USER_INPUT']);
  const c = await capabilities();
  let name = 'curator';
  if (c.has('Query.editor')) {
    const d = await gql(editorQuery(), {}, { token: t });
    if (!d.editor) throw new APIError('This token is not valid.', ['UNAUTHENTICATED']);
    name = d.editor;
  } else {
    // Refused as input (the claims do not exist) means the token passed.
    try {
      await gql(NOOP_MUTATION, {}, { token: t });
    } catch (err) {
      if (!err.codes?.length || err.codes.includes('UNAUTHENTICATED')) throw err;
    }
  }
  token = t;
  editor = name;
  return name;
}

// signOut forgets the token.
export function signOut() {
  token = null;
  editor = null;
}

// signedIn is the token's name while signed in, else null.
export function signedIn() {
  return token ? editor : null;
}

// send posts a studio query or write with the curator's token (reads go
// without one before sign-in).
export function send(query, variables = {}, opts = {}) {
  return gql(query, variables, { ...opts, token: token || undefined });
}
