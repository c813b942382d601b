// The registry in the browser, against a running server with demo data (LNEMIS_URL): the institutions
// list with filters and export, an institution's page, registering an institution through the form
// (a taken code is refused next to its field), registering a learner (a second registration of the
// same child is stopped as a possible duplicate), searching for the learner and enrolling them.
// The tests run in order and share one browser session; the pages visited are checked with axe.
//
// Who signs in: the demo administrator. On a fresh server the administrator must first enrol MFA,
// which this file does (as identity.test.mjs does). When identity.test.mjs has run first against the
// same server (npm test runs the files in name order), the administrator already has MFA with a key
// only that file knew; the tests then sign in as the demo district officer instead, who may read and
// edit the registry of Riverside District. Everything below works for both: it stays in that district.
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { auditPage, launchBrowser, newPage, screenshot } from './lib/browser.mjs';
import { base32Decode, freshTotp } from './lib/totp.mjs';
import { rememberAdminKey } from './lib/admin.mjs';

const admin = { email: 'admin@lnemis.local', password: 'Demo-Admin-Password-2026' };
const officer = { email: 'officer@lnemis.local', password: 'Demo-Officer-Password-2026' };

/** Letters only (names are matched by words; random so that reruns on the same server do not look like duplicates). */
function randomLetters(length) {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  return Array.from({ length }, () => letters[randomInt(letters.length)]).join('');
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Polls until the check holds (lists keep showing the previous rows while a new search loads). */
async function eventually(check, message, timeout = 15_000) {
  const end = Date.now() + timeout;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > end) assert.fail(message);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('registry', { concurrency: 1 }, () => {
  let browser;
  let session;
  let page;
  let signedInAs;
  const usedSteps = new Set();
  const violations = new Map();

  const suffix = randomLetters(6);
  const institution = {
    code: `E2E-${suffix.toUpperCase()}`,
    name: `Browser Test Academy ${suffix}`,
  };
  const learner = {
    given: 'Zawadi',
    family: `Tester${randomLetters(8)}`,
    dateOfBirth: `2018-0${randomInt(1, 10)}-1${randomInt(0, 10)}`,
    nationalId: `E2E-${randomInt(100000, 999999)}`,
  };
  let learnerUrl;
  let learnerNumber;

  async function audit(name) {
    violations.set(name, await auditPage(page, name));
  }

  const heading = (name) => page.getByRole('heading', { level: 1, name });
  const nav = () => page.getByRole('navigation', { name: 'Main' });

  /** The value shown for a term of a summary list (<dt>/<dd>) in a region. */
  async function term(region, name) {
    const dt = region.locator('dt', { hasText: new RegExp(`^${escapeRegExp(name)}$`) });
    return (await dt.locator('xpath=following-sibling::dd[1]').innerText()).trim();
  }

  /** Chooses the option of a select whose text matches, once the options have loaded. */
  async function chooseOption(select, pattern) {
    await select.locator('option', { hasText: pattern }).first().waitFor({ state: 'attached' });
    const value = await select
      .locator('option')
      .evaluateAll(
        (options, source) => options.find((o) => new RegExp(source).test(o.textContent ?? ''))?.value ?? null,
        pattern.source,
      );
    assert.ok(value, `an option matches ${pattern}`);
    await select.selectOption(value);
  }

  async function signIn(account) {
    await page.goto('/sign-in');
    await heading('Sign in').waitFor();
    await page.getByLabel('Email address').fill(account.email);
    await page.getByLabel('Password').fill(account.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const next = heading('Set up two-step verification')
      .or(heading('Enter your verification code'))
      .or(heading(/^Welcome/));
    await next.waitFor();
    return (await next.innerText()).trim();
  }

  before(async () => {
    browser = await launchBrowser();
    session = await newPage(browser);
    page = session.page;
  });

  after(async () => {
    await browser?.close();
  });

  test('1. the demo administrator signs in (enrolling MFA on a fresh server)', async () => {
    const landed = await signIn(admin);
    if (landed === 'Set up two-step verification') {
      const keyElement = page.getByTestId('mfa-shared-key');
      await keyElement.waitFor();
      const sharedKey = ((await keyElement.textContent()) ?? '').trim();
      await rememberAdminKey(sharedKey);
      await page.getByLabel('6-digit code').fill(await freshTotp(base32Decode(sharedKey), usedSteps));
      await page.getByRole('button', { name: 'Turn on two-step verification' }).click();
      await page.getByRole('list', { name: 'Recovery codes' }).waitFor();
      await page.getByRole('button', { name: 'I have saved these' }).click();
      await heading(/^Welcome/).waitFor();
      signedInAs = 'admin';
    } else if (landed === 'Enter your verification code') {
      // MFA was enrolled by identity.test.mjs, whose key is not shared: use the district officer.
      await session.context.close();
      session = await newPage(browser);
      page = session.page;
      assert.match(await signIn(officer), /^Welcome/);
      signedInAs = 'officer';
    } else {
      signedInAs = 'admin';
    }
    const me = await (await page.request.get('/api/v1/auth/me')).json();
    for (const permission of ['institutions.read', 'institutions.manage', 'learners.read', 'learners.manage']) {
      assert.ok(me.permissions.includes(permission), `${signedInAs} has ${permission}`);
    }
    for (const link of ['Institutions', 'Learners', 'Staff', 'Areas']) {
      await nav().getByRole('link', { name: link }).waitFor();
    }
  });

  test('2. the institutions list shows the demo schools, filters through the URL and exports the same rows', async () => {
    await nav().getByRole('link', { name: 'Institutions' }).click();
    await heading('Institutions').waitFor();
    const table = page.getByRole('table', { name: /^Institutions/ });
    await table.getByRole('link', { name: 'Riverside Primary School' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Institutions pages' })
      .getByText(/Page 1 of/)
      .waitFor();
    await audit('institutions-list');

    const filters = page.getByRole('search', { name: 'Filter institutions' });
    await filters.getByLabel('Name or code').fill('riverside');
    await filters.getByLabel('Status').selectOption('Open');
    const listed = page.waitForResponse((r) => /\/api\/v1\/institutions\?.*q=riverside/.test(r.url()));
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    assert.equal((await listed).status(), 200);
    await page.waitForURL(/\/registry\/institutions\?q=riverside&status=Open$/);
    const names = () => table.locator('tbody tr td:first-child').allInnerTexts();
    await eventually(
      async () => (await names()).every((name) => /riverside/i.test(name)),
      'only institutions matching "riverside" are listed',
    );
    const listedNames = await names();
    assert.ok(listedNames.includes('Riverside Primary School'), listedNames.join(', '));
    assert.ok(listedNames.includes('Riverside Early Learning Centre'), listedNames.join(', '));
    await audit('institutions-list-filtered');

    const csvLink = page.getByRole('link', { name: 'Export CSV' });
    const href = (await csvLink.getAttribute('href')) ?? '';
    assert.match(href, /\/api\/v1\/institutions\/export\?q=riverside&status=Open&format=csv$/);
    const csv = await page.request.get(href);
    assert.equal(csv.status(), 200);
    const text = await csv.text();
    assert.match(text.split(/\r?\n/)[0] ?? '', /code,name,type,ownership,status/);
    assert.match(text, /RS-0001,Riverside Primary School/);
    assert.match(text, /RS-0003/);
    assert.doesNotMatch(text, /HC-0001|LK-0001/);
    const xlsx = page.getByRole('link', { name: 'Export Excel (XLSX)' });
    assert.match((await xlsx.getAttribute('href')) ?? '', /format=xlsx$/);
  });

  test('3. an institution page shows its details, history, change log and class', async () => {
    await page
      .getByRole('table', { name: /^Institutions/ })
      .getByRole('link', { name: 'Riverside Primary School' })
      .click();
    await heading('Riverside Primary School').waitFor();
    assert.match(new URL(page.url()).pathname, /^\/registry\/institutions\/[0-9a-f-]{36}$/);

    const summary = page.getByRole('region', { name: 'Institution', exact: true });
    assert.equal(await term(summary, 'Code'), 'RS-0001');
    assert.equal(await term(summary, 'Type'), 'Primary');
    assert.equal(await term(summary, 'Ownership'), 'Public');
    assert.match(await term(summary, 'Status'), /^Open/);
    const location = page.getByRole('region', { name: 'Location and contact' });
    assert.equal(await term(location, 'Area'), 'Riverside District');
    assert.match(await term(location, 'Coordinates'), /^-1\.2921, 36\.8219/);
    const infrastructure = page.getByRole('region', { name: 'Infrastructure' });
    assert.equal(await term(infrastructure, 'Usable classrooms'), '8');
    assert.equal(await term(infrastructure, 'Safe drinking water'), 'Yes');
    await page.getByText('The institution has been open since it was registered.').waitFor();

    await page
      .getByRole('table', { name: /^Changes to Riverside Primary School/ })
      .locator('tbody tr')
      .first()
      .waitFor();
    const enrolments = page.getByRole('table', { name: /^Enrolments in Grade 1, / });
    await enrolments.locator('tbody tr').first().waitFor();

    // The close form asks for a reason and a confirmation; nothing is sent until then.
    await page.getByRole('button', { name: 'Close…' }).click();
    const close = page.getByRole('form', { name: 'Close the institution' });
    await close.getByLabel('Reason').waitFor();
    await close.getByRole('button', { name: 'Close institution' }).click();
    await close.getByRole('group', { name: /^Close Riverside Primary School\?/ }).waitFor();
    await audit('institution-detail');
    await close.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Close…' }).click();
    assert.equal(await page.getByRole('form', { name: 'Close the institution' }).count(), 0);
    assert.match(await term(summary, 'Status'), /^Open/);
    await screenshot(page, 'institution-detail');
  });

  test('4. an institution is registered through the form; a taken code is refused next to its field', async () => {
    await page.goto('/registry/institutions');
    await page.getByRole('link', { name: 'Register an institution' }).click();
    await heading('Register an institution').waitFor();
    const form = page.getByRole('form', { name: 'Register institution' });
    await form.getByLabel('Code').fill('RS-0001');
    await form.getByLabel('Name', { exact: true }).fill(institution.name);
    await form.getByLabel('Type').selectOption('Primary');
    await form.getByLabel('Ownership').selectOption('Community');
    await form.getByRole('checkbox', { name: 'Primary', exact: true }).check();
    await chooseOption(form.getByLabel('Area'), /Riverside District$/);
    await form.getByLabel('Latitude').fill('-1.2950');
    await form.getByLabel('Longitude').fill('36.8250');
    await form.getByLabel('Phone').fill('+254 700 555 010');
    await form.getByLabel('Usable classrooms', { exact: true }).fill('6');
    await form.getByRole('checkbox', { name: 'Electricity' }).check();
    await form.getByRole('button', { name: 'Register institution' }).click();

    await page.getByRole('alert').filter({ hasText: 'Check the highlighted fields below.' }).waitFor();
    const code = form.getByLabel('Code');
    assert.equal(await code.getAttribute('aria-invalid'), 'true');
    const describedBy = ((await code.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
    const description = await page.evaluate(
      (ids) => ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' '),
      describedBy,
    );
    assert.match(description, /Error:.*already used/);
    await audit('institution-form-error');

    await code.fill(institution.code.toLowerCase());
    await form.getByRole('button', { name: 'Register institution' }).click();
    await heading(institution.name).waitFor();
    assert.match(new URL(page.url()).pathname, /^\/registry\/institutions\/[0-9a-f-]{36}$/);
    const summary = page.getByRole('region', { name: 'Institution', exact: true });
    assert.equal(await term(summary, 'Code'), institution.code, 'codes are stored in capitals');
    assert.equal(await term(summary, 'Ownership'), 'Community');
    const infrastructure = page.getByRole('region', { name: 'Infrastructure' });
    assert.equal(await term(infrastructure, 'Usable classrooms'), '6');
    assert.equal(await term(infrastructure, 'Electricity'), 'Yes');
    assert.equal(await term(page.getByRole('region', { name: 'Location and contact' }), 'Area'), 'Riverside District');

    // It is listed, found by its code.
    await page.goto(`/registry/institutions?q=${encodeURIComponent(institution.code)}`);
    await page
      .getByRole('table', { name: /^Institutions/ })
      .getByRole('link', { name: institution.name })
      .waitFor();
  });

  test('5. a learner is registered, a second registration is stopped as a duplicate, and the learner is found', async () => {
    async function fillLearner() {
      await page.goto('/registry/learners/new');
      await heading('Register a learner').waitFor();
      const form = page.getByRole('form', { name: 'Register learner' });
      await form.getByLabel('Given name').fill(learner.given);
      await form.getByLabel('Family name').fill(learner.family);
      await form.getByLabel('Sex').selectOption('Female');
      await form.getByLabel('Date of birth').fill(learner.dateOfBirth);
      await form.getByLabel('National ID (optional)').fill(learner.nationalId);
      await chooseOption(form.getByLabel('Institution', { exact: true }), /^Riverside Primary School \(RS-0001\)$/);
      return form;
    }

    const form = await fillLearner();
    await form.getByRole('button', { name: 'Add a guardian' }).click();
    const guardian = form.getByRole('group', { name: 'Guardian 1' });
    await guardian.getByLabel('Name').fill('Halima Tester');
    await guardian.getByLabel('Relationship').fill('Mother');
    await form.getByRole('button', { name: 'Register learner' }).click();
    await heading(`${learner.given} ${learner.family}`).waitFor();
    learnerUrl = new URL(page.url()).pathname;
    assert.match(learnerUrl, /^\/registry\/learners\/[0-9a-f-]{36}$/);
    const details = page.getByRole('region', { name: 'Learner', exact: true });
    learnerNumber = await term(details, 'Learner number');
    assert.match(learnerNumber, /^[1-9]\d{9}$/, 'a ten-digit learner number is issued');
    await page
      .getByRole('table', { name: /^Guardians of/ })
      .getByRole('cell', { name: 'Halima Tester' })
      .waitFor();

    // The national id is read only on request.
    assert.equal(await page.getByText(learner.nationalId).count(), 0);
    const read = page.waitForResponse((r) => r.url().endsWith('/national-id'));
    await page.getByRole('button', { name: 'Reveal national ID' }).click();
    assert.equal((await read).status(), 200);
    await page.getByText(learner.nationalId.toUpperCase(), { exact: true }).waitFor();
    await audit('learner-detail');

    // The same child again: the server lists the first record, which can be opened.
    const again = await fillLearner();
    const refused = page.waitForResponse(
      (r) => /\/api\/v1\/learners$/.test(r.url()) && r.request().method() === 'POST',
    );
    await again.getByRole('button', { name: 'Register learner' }).click();
    assert.equal((await refused).status(), 409);
    const alert = page.getByRole('alert', { name: 'This learner may already be registered' });
    await alert.waitFor();
    await alert.getByRole('cell', { name: learnerNumber }).waitFor();
    await audit('learner-duplicate');
    await alert.getByRole('link', { name: `Open ${learner.given} ${learner.family}` }).click();
    await heading(`${learner.given} ${learner.family}`).waitFor();
    assert.equal(new URL(page.url()).pathname, learnerUrl);

    // Found by name and by number.
    await nav().getByRole('link', { name: 'Learners' }).click();
    await heading('Learners').waitFor();
    const search = page.getByRole('search', { name: 'Search learners' });
    await search.getByLabel('Learner number or name').fill(learner.family.toLowerCase());
    await search.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(new RegExp(`\\?q=${learner.family.toLowerCase()}$`));
    const results = page.getByRole('table', { name: /^Learners/ });
    await eventually(
      async () => (await results.locator('tbody tr').count()) === 1,
      'the search finds exactly the one learner',
    );
    await results.getByRole('link', { name: `${learner.given} ${learner.family}` }).waitFor();
    await results.getByRole('cell', { name: learnerNumber }).waitFor();
    await audit('learners-list');

    await search.getByLabel('Learner number or name').fill(learnerNumber);
    await search.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(new RegExp(`\\?q=${learnerNumber}$`));
    await results.getByRole('link', { name: `${learner.given} ${learner.family}` }).click();
    await heading(`${learner.given} ${learner.family}`).waitFor();
    assert.equal(new URL(page.url()).pathname, learnerUrl);
  });

  test('6. the learner is enrolled in Grade 1 from the institution page', async () => {
    const details = page.getByRole('region', { name: 'Learner', exact: true });
    await details.getByRole('link', { name: 'Riverside Primary School (RS-0001)' }).click();
    await heading('Riverside Primary School').waitFor();
    await page.getByRole('button', { name: 'Enrol a learner…' }).click();
    const form = page.getByRole('form', { name: /^Enrol a learner in / });
    await form.getByLabel('Find learner by learner number or name').fill(learnerNumber);
    await form.getByLabel('Find learner by learner number or name').press('Enter');
    await chooseOption(form.getByLabel('Learner', { exact: true }), new RegExp(`\\(${learnerNumber},`));
    await form.getByRole('button', { name: 'Enrol learner' }).click();
    await page.getByRole('status').filter({ hasText: 'The learner has been enrolled' }).waitFor();
    const enrolments = page.getByRole('table', { name: /^Enrolments in Grade 1, / });
    const row = enrolments.getByRole('row').filter({ hasText: learnerNumber });
    await row.waitFor();
    assert.match(await row.innerText(), /Enrolled/);
    await audit('institution-enrolments');
  });

  test('7. axe-core finds no WCAG 2.x A/AA violations on the registry pages, and no script errors', async () => {
    const expected = [
      'institutions-list',
      'institutions-list-filtered',
      'institution-detail',
      'institution-form-error',
      'learner-detail',
      'learner-duplicate',
      'learners-list',
    ];
    for (const name of expected) assert.ok(violations.has(name), `${name} was checked`);
    const found = [...violations.values()].flat();
    assert.deepEqual(found, [], `axe violations (signed in as ${signedInAs}):\n${JSON.stringify(found, null, 2)}`);
    const scriptErrors = session.consoleErrors.filter((text) => !/Failed to load resource/.test(text));
    assert.deepEqual(scriptErrors, []);
  });
});
