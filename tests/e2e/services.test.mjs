// Smoke tests of the service screens against a running server with demo data (LNEMIS_URL): documents
// (the district officer uploads a PDF, downloads it through the signed link and disposes of it), then,
// as the demo administrator (lib/admin.mjs signs in with MFA), notification templates with a preview,
// the deliveries list, a webhook subscription (the SSRF guard's refusal next to the URL, the secret
// shown once, disabled again) and the payments list. Every page visited is checked with axe.
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { auditPage, launchBrowser, newPage } from './lib/browser.mjs';
import { signInAsAdmin } from './lib/admin.mjs';

const officer = { email: 'officer@lnemis.local', password: 'Demo-Officer-Password-2026' };

describe('service screens', { concurrency: 1 }, () => {
  let browser;
  const violations = new Map();

  before(async () => {
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
  });

  test('1. documents: the officer uploads a PDF, downloads it through a signed link and disposes of it', async () => {
    const session = await newPage(browser);
    const page = session.page;
    try {
      const heading = (name) => page.getByRole('heading', { level: 1, name });
      await page.goto('/sign-in');
      await page.getByLabel('Email address').fill(officer.email);
      await page.getByLabel('Password').fill(officer.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await heading(/^Welcome/).waitFor();

      const name = `e2e-${randomInt(1e6, 1e7)}.pdf`;
      const content = `%PDF-1.4\n% LNEMIS browser test ${name}\n%%EOF\n`;
      const file = join(mkdtempSync(join(tmpdir(), 'lnemis-e2e-')), name);
      writeFileSync(file, content);

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Documents' }).click();
      await heading('Documents').waitFor();
      await page.getByRole('link', { name: 'Upload a document' }).click();
      const form = page.getByRole('form', { name: 'Upload a document' });
      await form.getByLabel('File').setInputFiles(file);
      await form.getByLabel('Classification').selectOption('OFFICIAL');
      violations.set('document-upload', await auditPage(page, 'document-upload'));
      await form.getByRole('button', { name: 'Upload' }).click();

      await heading(name).waitFor();
      await page.getByRole('status').filter({ hasText: `${name} was uploaded.` }).waitFor();
      await page.getByRole('button', { name: 'Download version 1' }).waitFor();
      violations.set('document-detail', await auditPage(page, 'document-detail'));

      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Download version 1' }).click();
      const saved = await (await download).path();
      assert.equal(readFileSync(saved, 'utf8'), content);

      await page.getByRole('button', { name: 'Dispose of the document' }).click();
      await page.getByRole('button', { name: 'Yes, dispose of it' }).click();
      await heading('Documents').waitFor();
      await page.getByRole('status').filter({ hasText: `${name} was disposed of.` }).waitFor();
      const gone = await page.request.get(`/api/v1/documents?ownerRef=documents`);
      assert.equal(gone.status(), 200);
      assert.ok(!(await gone.json()).items.some((d) => d.fileName === name), 'the disposed document is not listed');
    } finally {
      await session.context.close();
    }
  });

  test('2. the administrator previews a template, sees deliveries, makes a webhook and lists payments', async () => {
    const session = await newPage(browser);
    const page = session.page;
    try {
      const heading = (name) => page.getByRole('heading', { level: 1, name });
      const nav = () => page.getByRole('navigation', { name: 'Main' });
      await signInAsAdmin(page);

      await nav().getByRole('link', { name: 'Notification templates' }).click();
      await heading('Notification templates').waitFor();
      await page.getByRole('link', { name: 'Edit E-mail template of correspondence.case_assigned' }).click();
      await heading('E-mail template: correspondence.case_assigned').waitFor();
      const template = page.getByRole('form', { name: 'Template' });
      await template.getByText('Sample values for the preview').click();
      await template.getByLabel('caseNumber', { exact: true }).fill('FOI-E2E-1');
      await template.getByRole('button', { name: 'Preview' }).click();
      await page.getByRole('region', { name: 'Preview' }).getByText(/FOI-E2E-1/).first().waitFor();
      violations.set('notification-template', await auditPage(page, 'notification-template'));

      await nav().getByRole('link', { name: 'Deliveries' }).click();
      await heading('Deliveries').waitFor();
      await page.getByRole('table', { name: /Deliveries/ }).waitFor();
      violations.set('notification-deliveries', await auditPage(page, 'notification-deliveries'));

      await nav().getByRole('link', { name: 'Webhooks' }).click();
      await heading('Webhooks').waitFor();
      await page.getByRole('link', { name: 'New subscription' }).click();
      const form = page.getByRole('form', { name: 'New webhook subscription' });
      const hookName = `E2E receiver ${randomInt(1e6, 1e7)}`;
      await form.getByLabel('Name').fill(hookName);
      await form.getByLabel('Address (URL)').fill('https://127.0.0.1/hooks');
      await form.getByRole('checkbox', { name: 'payment.cancelled' }).check();
      await form.getByRole('button', { name: 'Create subscription' }).click();
      // The SSRF guard refuses a loopback address, next to the field.
      const url = form.getByLabel('Address (URL)');
      await page.locator('.field-error').first().waitFor();
      assert.equal(await url.getAttribute('aria-invalid'), 'true');
      violations.set('webhook-new-refused', await auditPage(page, 'webhook-new-refused'));

      // A public address literal passes without DNS (the test machine may have none).
      await url.fill('https://192.0.32.10/lnemis-e2e');
      await form.getByRole('button', { name: 'Create subscription' }).click();
      await page.getByText('This is the only time the secret is shown.').waitFor();
      assert.ok((await page.getByLabel('Signing secret').inputValue()).length >= 16, 'a secret is shown');
      await page.getByRole('link', { name: `Go to ${hookName}` }).click();
      await heading(hookName).waitFor();
      await page.getByRole('table', { name: /Deliveries of/ }).waitFor();
      await page.getByRole('button', { name: 'Disable' }).click();
      await page.getByText('This subscription is disabled.').waitFor();
      violations.set('webhook-detail', await auditPage(page, 'webhook-detail'));
      await page.getByRole('button', { name: 'Delete' }).click();
      await page.getByRole('button', { name: 'Yes, delete it' }).click();
      await heading('Webhooks').waitFor();

      await nav().getByRole('link', { name: 'Payments' }).click();
      await heading('Payments').waitFor();
      await page.getByRole('table', { name: /Payments/ }).waitFor();
      violations.set('payments', await auditPage(page, 'payments'));
    } finally {
      await session.context.close();
    }
  });

  test('3. axe-core finds no WCAG 2.x A/AA violations on the pages visited', () => {
    for (const name of ['document-upload', 'document-detail', 'notification-template', 'webhook-detail', 'payments']) {
      assert.ok(violations.has(name), `${name} was checked`);
    }
    const found = [...violations.values()].flat();
    assert.deepEqual(found, [], `axe violations:\n${JSON.stringify(found, null, 2)}`);
  });
});
