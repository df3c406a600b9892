// Runs the graphql-http audit suite (auditServer) against a running
// Counterpoint server and fails when any MUST or SHOULD audit fails.
//
//   AUDIT_URL=http://127.0.0.1:8080/graphql node audit.mjs
//
// Prints one line per audit, then the counts per requirement level. Exit
// status: 0 when every MUST and SHOULD passes, 1 when one fails, 2 when the
// audit could not run (server unreachable, say). MAY audits are reported but
// never fail the run.
import { auditServer } from 'graphql-http';

const url = process.env.AUDIT_URL || 'http://127.0.0.1:8080/graphql';

function level(name) {
  return name.split(' ', 1)[0]; // 'MUST', 'SHOULD' or 'MAY'
}

async function main() {
  // Fail early and clearly when nothing listens at the URL.
  try {
    await fetch(url, { method: 'OPTIONS' });
  } catch (err) {
    console.error(`audit: cannot reach ${url}: ${err.cause?.message || err.message}`);
    return 2;
  }

  const results = await auditServer({ url });
  const counts = { MUST: [0, 0], SHOULD: [0, 0], MAY: [0, 0] };
  const failures = [];
  for (const r of results) {
    const lvl = level(r.name);
    counts[lvl][1]++;
    if (r.status === 'ok') {
      counts[lvl][0]++;
      console.log(`ok    ${r.id} ${r.name}`);
      continue;
    }
    let detail = r.reason;
    if (r.response) {
      let body = '';
      try {
        body = await r.response.text();
      } catch {
        // the body was read by the audit already
      }
      detail += ` (status ${r.response.status}, content-type ${r.response.headers.get('content-type')}${body ? `, body ${body.slice(0, 300)}` : ''})`;
    }
    console.log(`${r.status.padEnd(5)} ${r.id} ${r.name}: ${detail}`);
    if (lvl === 'MUST' || lvl === 'SHOULD') failures.push(`${r.id} ${r.name}`);
  }

  console.log('');
  console.log(
    ['MUST', 'SHOULD', 'MAY'].map((l) => `${l}: ${counts[l][0]}/${counts[l][1]} passed`).join(', '),
  );
  if (failures.length > 0) {
    console.log(`\n${failures.length} MUST/SHOULD audit(s) failed:`);
    for (const f of failures) console.log(`  ${f}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error('audit:', err);
    process.exit(2);
  },
);
