// Refused saves, shown where they belong: the API names the place of each
// problem in extensions.field ("input.quotes[0].start"); the studio's forms
// mark their fields with the same paths (data-field="quotes[0].start"), and
// the error goes next to the closest field that exists. The API's message
// is exact but technical, so each is led by a sentence in a journalist's
// words, with the API's own words kept beneath it.

// fieldSegments splits a field path into its steps: "quotes[0].start" is
// ["quotes", "[0]", "start"].
export function fieldSegments(path) {
  return (path || '').match(/\[\d+\]|[^.[\]]+/g) || [];
}

// placeError returns the form field an error's path belongs to: the
// longest of available that the path starts with (step by step), after the
// argument's name (input, or the argument given); '' for the form as a
// whole.
export function placeError(field, available, arg = 'input') {
  let steps = fieldSegments(field);
  if (steps[0] === arg) steps = steps.slice(1);
  const have = new Set(available);
  for (let n = steps.length; n > 0; n--) {
    const key = steps.slice(0, n).join('.').replace(/\.\[/g, '[');
    if (have.has(key)) return key;
  }
  return '';
}

const PLAIN = [
  [/is not at \[\d+, \d+\) in source/, 'These words are not at this place in the source\'s text.'],
  [/is DIRECT but not inside quotation marks/, 'Only words inside quotation marks in the source can be a direct quote: make it a paraphrase, or select only the words inside the marks.'],
  [/offsets .* are outside source/, 'These positions are outside the source\'s text.'],
  [/has no text to hold quotes/, 'This source has no text of its own: quote the article that reports it.'],
  [/is not a slug/, 'Use lower-case letters and digits joined by hyphens, for example second-senior-official.'],
  [/is not YYYY, YYYY-MM or YYYY-MM-DD/, 'Write the date as 2015, 2015-08 or 2015-08-04.'],
  [/has no (text|name|title|words)$/, 'This cannot be left empty.'],
  [/is asserted by no one/, 'Say who made this claim.'],
  [/has no quote/, 'Add at least one quote: select the words in the source.'],
  [/is already (an? \w+), not/, (m) => `This id is already used by ${m[1]}: choose another.`],
  [/^unknown (actor|claim|source)/, (m) => `There is no ${m[1]} with this id.`],
  [/has no evidence/, 'Select the source\'s words that show the link, or mark the link as inferred and say why in the note.'],
  [/is inferred: its note must say why/, 'An inferred link needs a note that says why.'],
  [/cannot be related to itself/, 'A claim cannot rebut, support or qualify itself.'],
  [/already belongs to another claim/, 'This quote belongs to another claim.'],
  [/cannot be a member of itself/, 'An actor cannot be a member of itself.'],
  [/still assert/, 'This actor still makes claims: delete or change those claims first.'],
];

// TOKEN_HELP says where a curator token comes from, wherever the studio
// asks for one or refuses a save for the want of one.
export const TOKEN_HELP = 'A curator token comes from whoever runs this server (one of its API_TOKENS or API_TOKENS_FILE); on your own machine, make run prints one with the studio\'s address.';

const BY_CODE = {
  CONFLICT: 'Someone else saved this after you opened it, so nothing of yours was saved. What they changed is shown below.',
  UNAUTHENTICATED: `You are not signed in, or your token is no longer valid: sign in again. Nothing was saved. ${TOKEN_HELP}`,
  RATE_LIMITED: 'Too many saves in a short time: wait a moment, then save again.',
  STORE_UNAVAILABLE: 'The database did not answer, so nothing was saved: try again in a moment.',
  NOT_FOUND: 'This is no longer in the graph: someone may have deleted it.',
};

// explain returns { lead, detail } for one GraphQL error: lead in plain
// words, detail the API's message (null when the lead says it all).
export function explain(err) {
  const code = err?.extensions?.code || '';
  const msg = err?.message || 'The save failed.';
  if (BY_CODE[code]) return { lead: BY_CODE[code], detail: msg };
  for (const [re, say] of PLAIN) {
    const m = re.exec(msg);
    if (m) return { lead: typeof say === 'function' ? say(m) : say, detail: msg };
  }
  return { lead: `${msg[0].toUpperCase()}${msg.slice(1)}${/[.?!]$/.test(msg) ? '' : '.'}`, detail: null };
}

// routeErrors groups a refused save's errors by the form field they belong
// to ('' for the form as a whole), each explained.
export function routeErrors(errors, available, arg = 'input') {
  const out = new Map();
  for (const e of errors || []) {
    const key = e?.extensions?.field ? placeError(e.extensions.field, available, arg) : '';
    if (!out.has(key)) out.set(key, []);
    out.get(key).push({ ...explain(e), code: e?.extensions?.code || '' });
  }
  return out;
}
