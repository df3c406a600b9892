// A newcomer's first save, through `make run` as it is: scripts/test.sh
// starts scripts/run.sh (make run's own script) over the test graph with no
// tokens of its own, reads the studio address and the local curator token it
// prints, and runs this file with them:
//
//   MAKE_RUN_STUDIO=http://127.0.0.1:18080/?mode=curate MAKE_RUN_TOKEN=... \
//     node --test web/tests-makerun/
//
// It opens the printed address, finds the studio saying how to get a token,
// signs in with the printed one and imports a short text written for the
// test: the save lands in the graph under the local curator's name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage } from '../tests/browser.mjs';

const STUDIO = process.env.MAKE_RUN_STUDIO;
const TOKEN = process.env.MAKE_RUN_TOKEN;
const SOURCE = `first-save-${Date.now().toString(36)}`;
const TEXT = 'The harbour board met on Tuesday.\n\n“We will open the north gate in June,” the chair said.';

test('make run prints a studio address and a token that a newcomer can save with', { timeout: 90_000 }, async () => {
  assert.ok(STUDIO && TOKEN, 'MAKE_RUN_STUDIO and MAKE_RUN_TOKEN come from what make run printed');
  const url = new URL(STUDIO);
  const browser = await launchBrowser({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await openPage(browser.context, `${url.pathname}${url.search}`);
    await page.waitForFunction(() => window.__studio?.ready && window.__studio.busy === 0, null, { timeout: 30_000 });
    // Before signing in, the studio says where a token comes from.
    assert.match(await page.locator('body').textContent(), /make run prints one/);
    await page.getByLabel('Curator token').fill(TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForFunction(() => window.__studio.editor, null, { timeout: 15_000 });
    assert.equal(await page.textContent('#editor-name'), 'Signed in as local-curator.');

    await page.getByRole('button', { name: 'Import a text…' }).click();
    const form = page.locator('#import-form');
    await form.getByLabel('Text', { exact: true }).fill(TEXT);
    await form.getByLabel('Title').fill('The harbour board meets');
    await form.getByLabel('Source id').fill(SOURCE);
    await form.getByRole('button', { name: 'Import' }).click();
    await page.waitForFunction(() => (window.__studio.saves >= 1 || window.__studio.refusals > 0) && window.__studio.busy === 0, null, { timeout: 15_000 });
    const s = await page.evaluate(() => ({ saves: window.__studio.saves, last: window.__studio.lastRefusal }));
    assert.ok(s.saves >= 1, `the first save was refused: ${JSON.stringify(s.last)}`);

    // The graph has it, and the audit trail names the local curator.
    const res = await fetch(`${url.origin}/graphql`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: 'query($id: ID!) { source(id: $id) { id text } history(id: $id) { by } }', variables: { id: SOURCE } }),
    });
    const { data } = await res.json();
    assert.equal(data.source?.text, TEXT, 'the imported text is in the graph');
    assert.ok(data.history.some((c) => c.by === 'local-curator'), `the audit trail names local-curator: ${JSON.stringify(data.history)}`);
  } finally {
    await browser.close();
  }
});
