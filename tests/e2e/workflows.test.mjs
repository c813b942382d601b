// The district officer's two long workflows in the browser, against a running server with demo data
// (LNEMIS_URL): the import wizard (upload a learners CSV, map the columns, dry run with a bad row
// reported by row and column, apply skipping it, the learners listed) and the school census
// (start Riverside Primary's return, run the checks, submit it; the officer cannot approve a
// return they submitted themselves — the district review needs a second person).
// The demo district officer has no MFA requirement, so this file does not depend on identity.test.mjs.
// It needs a fresh demo server (as ./test.sh starts): the census return it submits exists only once.
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { auditPage, launchBrowser, newPage, screenshot } from './lib/browser.mjs';

const officer = { email: 'officer@lnemis.local', password: 'Demo-Officer-Password-2026' };

function randomLetters(length) {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  return Array.from({ length }, () => letters[randomInt(letters.length)]).join('');
}

describe('workflows', { concurrency: 1 }, () => {
  let browser;
  let session;
  let page;
  const violations = new Map();
  const family = `Importer${randomLetters(8)}`;
  const heading = (name) => page.getByRole('heading', { level: 1, name });

  before(async () => {
    browser = await launchBrowser();
    session = await newPage(browser);
    page = session.page;
    await page.goto('/sign-in');
    await heading('Sign in').waitFor();
    await page.getByLabel('Email address').fill(officer.email);
    await page.getByLabel('Password').fill(officer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await heading(/^Welcome/).waitFor();
  });

  after(async () => {
    await browser?.close();
  });

  test('1. a learners CSV goes through upload, mapping, dry run and apply, skipping the bad row', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'lnemis-e2e-'));
    const file = join(folder, 'riverside-learners.csv');
    writeFileSync(
      file,
      [
        'School Code;Adm No;First Name;Surname;Gender;DOB',
        `RS-0001;E2E-${randomLetters(5)};Amani;${family};F;2017-02-03`,
        `RS-0001;E2E-${randomLetters(5)};Baraka;${family};M;2016-13-40`,
        `RS-0001;E2E-${randomLetters(5)};Chausiku;${family};F;2015-06-07`,
        '',
      ].join('\n'),
    );

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Imports' }).click();
    await heading(/Imports/).waitFor();
    await page.goto('/imports/new');
    const upload = page.getByRole('form', { name: 'Upload the file' });
    await upload.getByRole('radio', { name: /^Learners/ }).check();
    await upload.getByLabel('File').setInputFiles(file);
    await upload.getByRole('button', { name: 'Upload and continue' }).click();

    // The server suggests the mapping from the header names.
    await page.getByRole('heading', { name: 'Map the columns' }).waitFor();
    const mapping = page.getByRole('button', { name: 'Save the mapping and start the dry run' });
    await auditPage(page, 'import-mapping').then((v) => violations.set('import-mapping', v));
    await mapping.click();

    await page.getByRole('heading', { name: 'Dry run results' }).waitFor({ timeout: 60_000 });
    const problems = page.getByRole('table').filter({ hasText: '2016-13-40' });
    await problems.waitFor();
    const problemRow = problems.locator('tbody tr').filter({ hasText: '2016-13-40' });
    assert.match(await problemRow.innerText(), /DOB/);
    await auditPage(page, 'import-dry-run').then((v) => violations.set('import-dry-run', v));

    await page.getByRole('radio', { name: /^Skip the bad rows/ }).check();
    await page.getByRole('button', { name: 'Apply the import' }).click();
    await page.getByRole('button', { name: 'Yes, apply' }).click();
    await page.getByRole('heading', { name: 'Import applied' }).waitFor({ timeout: 60_000 });
    const summary = await page.locator('main').innerText();
    assert.match(summary, /Created\s*2/);
    assert.match(summary, /Skipped \(rows with problems\)\s*1/);
    await screenshot(page, 'import-applied');

    // The two good rows are in the registry.
    await page.goto(`/registry/learners?q=${family}`);
    const table = page.getByRole('table', { name: /^Learners/ });
    await table.getByText('Amani').waitFor();
    await table.getByText('Chausiku').waitFor();
    assert.equal(await table.getByText('Baraka').count(), 0);
  });

  test('2. the census return of a school is started, checked and submitted; its submitter cannot approve it', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Census' }).click();
    await heading('School census').waitFor();
    await page.getByText(/Annual school census \d{4}/).first().waitFor();
    await auditPage(page, 'census-rounds').then((v) => violations.set('census-rounds', v));

    await page.goto('/census/returns/new');
    const start = page.getByRole('form', { name: 'Start a census return' });
    await start.getByLabel('Census round').selectOption({ label: await firstOptionLabel(start.getByLabel('Census round'), /Annual school census/) });
    await start.getByLabel('Institution', { exact: true }).selectOption({ label: await firstOptionLabel(start.getByLabel('Institution', { exact: true }), /Riverside Primary School/) });
    await start.getByRole('button', { name: /Start/ }).click();

    const checks = page.getByRole('heading', { name: 'Data-quality checks' });
    await checks.waitFor();
    await page.getByRole('heading', { name: 'Figures reported by the school' }).waitFor();
    await auditPage(page, 'census-return').then((v) => violations.set('census-return', v));

    // The checks run on the saved figures and the school's records; the demo school has no blockers.
    await page.getByRole('button', { name: 'Run the checks' }).click();
    const noBlockers = page.getByText('No problems were found.').or(page.getByRole('heading', { name: /^Warnings/ }));
    await noBlockers.first().waitFor();
    assert.equal(await page.getByRole('heading', { name: /^Blockers/ }).count(), 0);

    const status = page.getByRole('region', { name: 'Return' }).or(page.locator('main'));
    await page.getByLabel('Comment for the reviewer').fill('Figures checked with the head teacher.');
    await page.getByRole('button', { name: 'Submit the return' }).click();
    await status.getByText('Submitted', { exact: true }).first().waitFor();

    // Separation of duties: the officer who submitted it may review the district's returns, but not this one.
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('button', { name: 'Yes, approve' }).click();
    await page.getByRole('alert').filter({ hasText: 'You submitted this return; another officer must review it.' }).waitFor();
    await auditPage(page, 'census-submitted').then((v) => violations.set('census-submitted', v));
    await screenshot(page, 'census-return');
  });

  test('3. axe-core finds no WCAG 2.x A/AA violations on the pages visited', () => {
    for (const name of ['import-mapping', 'import-dry-run', 'census-rounds', 'census-return', 'census-submitted']) {
      assert.ok(violations.has(name), `${name} was checked`);
    }
    const found = [...violations.values()].flat();
    assert.deepEqual(found, [], `axe violations:\n${JSON.stringify(found, null, 2)}`);
  });

  async function firstOptionLabel(select, pattern) {
    await select.locator('option', { hasText: pattern }).first().waitFor({ state: 'attached' });
    return (await select.locator('option', { hasText: pattern }).first().innerText()).trim();
  }
});
