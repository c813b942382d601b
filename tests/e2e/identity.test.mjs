// Identity in the browser, against a freshly started server with demo data (LNEMIS_URL).
// The tests run in order and share one browser session: the administrator enrols MFA,
// grants a role, signs out and back in with a TOTP code; every page visited is checked with axe.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { auditPage, launchBrowser, newPage, screenshot } from './lib/browser.mjs';
import { base32Decode, freshTotp } from './lib/totp.mjs';
import { rememberAdminKey } from './lib/admin.mjs';

const admin = { email: 'admin@lnemis.local', password: 'Demo-Admin-Password-2026' };
const officerEmail = 'officer@lnemis.local';

describe('identity', { concurrency: 1 }, () => {
  let browser;
  let session;
  let page;
  let sharedKey;
  const usedSteps = new Set();
  const violations = new Map();
  let officerUrl;

  async function audit(name) {
    violations.set(name, await auditPage(page, name));
  }

  const heading = (name) => page.getByRole('heading', { level: 1, name });

  async function signIn(email, password) {
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  before(async () => {
    browser = await launchBrowser();
    session = await newPage(browser);
    page = session.page;
  });

  after(async () => {
    await browser?.close();
  });

  test('1. the administrator signs in, enrols MFA, sees recovery codes and reaches home', async () => {
    await page.goto('/');
    await heading('Sign in').waitFor();
    assert.equal(new URL(page.url()).pathname, '/sign-in');
    assert.match(await page.title(), /Sign in/);
    await audit('sign-in');

    await signIn(admin.email, admin.password);
    await heading('Set up two-step verification').waitFor();
    assert.equal(new URL(page.url()).pathname, '/account/mfa/setup');
    const keyElement = page.getByTestId('mfa-shared-key');
    await keyElement.waitFor();
    sharedKey = (await keyElement.textContent())?.trim() ?? '';
    assert.match(sharedKey.replace(/\s/g, ''), /^[A-Z2-7]+=*$/i, 'the shared key is base32');
    await rememberAdminKey(sharedKey);
    const qr = page.getByRole('img', { name: /QR code/ });
    assert.match((await qr.getAttribute('src')) ?? '', /^data:image\/png;base64,/);
    // Nothing but enrolment and sign-out is offered.
    assert.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 0);
    await audit('mfa-enrolment');

    await page.getByLabel('6-digit code').fill(await freshTotp(base32Decode(sharedKey), usedSteps));
    await page.getByRole('button', { name: 'Turn on two-step verification' }).click();
    const codes = page.getByRole('list', { name: 'Recovery codes' });
    await codes.waitFor();
    const items = await codes.getByRole('listitem').allTextContents();
    assert.equal(items.length, 10, 'ten recovery codes');
    assert.equal(new Set(items).size, 10, 'the recovery codes differ');
    await audit('recovery-codes');

    await page.getByRole('button', { name: 'I have saved these' }).click();
    await heading(/^Welcome/).waitFor();
    assert.equal(new URL(page.url()).pathname, '/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).waitFor();
    await audit('home');
  });

  test('2. the administrator grants Viewer at an area to the officer and sees it listed', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    await heading('Users').waitFor();
    await page.getByRole('table').getByRole('row').nth(1).waitFor();
    await audit('users-list');

    await page.getByLabel('Search by name or email').fill(officerEmail);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: officerEmail });
    await row.waitFor();
    await row.getByRole('link').click();
    await page.getByRole('region', { name: 'Account' }).getByText(officerEmail).waitFor();
    officerUrl = new URL(page.url()).pathname;
    assert.match(officerUrl, /^\/admin\/users\/.+/);
    await audit('user-detail');

    const form = page.getByRole('form', { name: 'Grant a role' });
    await form.getByLabel('Role').selectOption('Viewer');
    const scopeKinds = await form
      .getByLabel('Applies to')
      .locator('option')
      .evaluateAll((options) => options.map((o) => o.value).filter(Boolean));
    assert.ok(scopeKinds.includes('Area'), `Viewer can be granted at an area (offered: ${scopeKinds.join(', ')})`);
    await form.getByLabel('Applies to').selectOption('Area');
    await form.getByRole('radio').first().waitFor();
    const searched = page.waitForResponse((r) => /\/api\/v1\/areas\?.*search=District/.test(r.url()));
    await form.getByLabel('Search areas by name or code').fill('District');
    await form.getByRole('button', { name: 'Search areas' }).click();
    assert.equal((await searched).status(), 200);
    await form.getByRole('status').filter({ hasText: /found/ }).waitFor();
    const firstArea = form.getByRole('radio').first();
    await firstArea.waitFor();
    const areaName = await form
      .locator('.radio label')
      .first()
      .evaluate((label) => label.firstChild?.textContent?.trim() ?? '');
    assert.ok(areaName, 'an area is offered');
    await firstArea.check();
    await screenshot(page, 'grant-form-filled');
    await form.getByRole('button', { name: 'Grant role' }).click();

    await page.getByRole('status').filter({ hasText: 'Viewer granted' }).waitFor();
    const grants = page.getByRole('table', { name: /Roles granted to/ });
    const viewerRow = grants.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Viewer', exact: true }) });
    await viewerRow.waitFor();
    assert.match(await viewerRow.innerText(), new RegExp(areaName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));

    // The grant is stored, not just shown: it is still there after a reload.
    await page.reload();
    await grants.getByRole('cell', { name: 'Viewer', exact: true }).waitFor();
    await screenshot(page, 'user-detail-after-grant');
  });

  test('3. the administrator signs out and signs in again with a TOTP code', async () => {
    assert.ok(sharedKey, 'enrolment gave a shared key');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await heading('Sign in').waitFor();
    await page.getByRole('status').filter({ hasText: 'signed out' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Sign out' }).count(), 0);

    // Signed out means signed out: the administration page sends us back to sign in.
    await page.goto('/admin/users');
    await heading('Sign in').waitFor();

    await signIn(admin.email, admin.password);
    await heading('Enter your verification code').waitFor();
    await audit('mfa-code');
    await page.getByLabel('Verification code').fill(await freshTotp(base32Decode(sharedKey), usedSteps));
    await page.getByRole('button', { name: 'Continue' }).click();
    // Signing in from /admin/users returns there.
    await heading('Users').waitFor();
    assert.equal(new URL(page.url()).pathname, '/admin/users');
  });

  test('4. axe-core finds no WCAG 2.x A/AA violations on the pages visited', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Your profile' }).click();
    await heading('Your profile').waitFor();
    await page.getByLabel('Display name').and(page.locator('[value]:not([value=""])')).waitFor();
    // A server field error is shown next to its field, and the page stays accessible while it is.
    await page.getByLabel('Current password').fill(admin.password);
    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByLabel('Confirm new password').fill('short');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('alert').waitFor();
    const newPassword = page.getByLabel('New password', { exact: true });
    assert.equal(await newPassword.getAttribute('aria-invalid'), 'true');
    const describedBy = (await newPassword.getAttribute('aria-describedby')) ?? '';
    const description = await page.evaluate(
      (ids) => ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' '),
      describedBy.split(' ').filter(Boolean),
    );
    assert.match(description, /Error:/);
    await audit('profile');

    await page.goto(officerUrl);
    await page.getByRole('table', { name: /Roles granted to/ }).waitFor();
    await audit('user-detail-signed-in-again');

    await page.goto('/admin/audit');
    await heading('Audit trail').waitFor();
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /audit chain is/ })
      .waitFor();
    await audit('audit');

    await page.goto('/admin/jobs');
    await heading('Background jobs').waitFor();
    await page.getByRole('table').waitFor();
    await audit('jobs');

    const expected = [
      'sign-in',
      'mfa-enrolment',
      'recovery-codes',
      'home',
      'users-list',
      'user-detail',
      'mfa-code',
      'profile',
    ];
    for (const name of expected) assert.ok(violations.has(name), `${name} was checked`);
    const found = [...violations.values()].flat();
    assert.deepEqual(found, [], `axe violations:\n${JSON.stringify(found, null, 2)}`);
  });

  test('5. the app shell has a manifest and an active service worker, and pages load without script errors', async () => {
    const manifest = await page.request.get('/manifest.webmanifest');
    assert.equal(manifest.status(), 200);
    const body = await manifest.json();
    assert.equal(body.short_name, 'LNEMIS');
    const active = await page.evaluate(async () => {
      const registration = await Promise.race([
        navigator.serviceWorker.ready,
        new Promise((resolve) => setTimeout(() => resolve(null), 10_000)),
      ]);
      return Boolean(registration && registration.active);
    });
    assert.equal(active, true, 'a service worker is active');
    const scriptErrors = session.consoleErrors.filter((text) => !/Failed to load resource/.test(text));
    assert.deepEqual(scriptErrors, []);
  });
  test('6. the officer signs in without MFA, has the new Viewer role and only the links the permissions allow', async () => {
    const officer = await newPage(browser);
    try {
      const p = officer.page;
      await p.goto('/sign-in');
      await p.getByLabel('Email address').fill(officerEmail);
      await p.getByLabel('Password').fill('Demo-Officer-Password-2026');
      await p.getByRole('button', { name: 'Sign in' }).click();
      await p.getByRole('heading', { level: 1, name: /^Welcome/ }).waitFor();
      const roles = await p.getByTestId('my-grants').innerText();
      assert.match(roles, /Viewer/);
      assert.match(roles, /AreaOfficer/);

      const me = await (await p.request.get('/api/v1/auth/me')).json();
      const nav = p.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'Your profile' }).waitFor();
      const canReadUsers = me.permissions.includes('users.read');
      assert.equal(await nav.getByRole('link', { name: 'Users' }).count(), canReadUsers ? 1 : 0);
      assert.equal(
        await nav.getByRole('link', { name: 'Audit trail' }).count(),
        canReadUsers && me.permissions.includes('audit.read') ? 1 : 0,
      );
      await screenshot(p, 'officer-home');
    } finally {
      await officer.context.close();
    }
  });
});
