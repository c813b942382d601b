// The demo administrator must use MFA. Whichever test file enrols it first keeps the shared key here
// (a file in the temporary folder, per server address), so that later files can sign in with a code.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { baseUrl } from './browser.mjs';
import { base32Decode, freshTotp } from './totp.mjs';

export const admin = { email: 'admin@lnemis.local', password: 'Demo-Admin-Password-2026' };

const keyFile = join(tmpdir(), `lnemis-e2e-admin-${createHash('sha256').update(baseUrl).digest('hex').slice(0, 12)}.key`);

/** Keeps the administrator's TOTP shared key for the other test files run against the same server. */
export async function rememberAdminKey(sharedKey) {
  await writeFile(keyFile, sharedKey, { mode: 0o600 });
}

/**
 * Signs the demo administrator in on a page: enrols MFA on a fresh server (remembering the key),
 * or answers the code prompt with the remembered key. Ends on the home page.
 */
export async function signInAsAdmin(page, usedSteps = new Set()) {
  const heading = (name) => page.getByRole('heading', { level: 1, name });
  await page.goto('/sign-in');
  await heading('Sign in').waitFor();
  await page.getByLabel('Email address').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const next = heading('Set up two-step verification').or(heading('Enter your verification code')).or(heading(/^Welcome/));
  await next.waitFor();
  const landed = (await next.innerText()).trim();
  if (landed === 'Set up two-step verification') {
    const keyElement = page.getByTestId('mfa-shared-key');
    await keyElement.waitFor();
    const sharedKey = ((await keyElement.textContent()) ?? '').trim();
    await rememberAdminKey(sharedKey);
    await page.getByLabel('6-digit code').fill(await freshTotp(base32Decode(sharedKey), usedSteps));
    await page.getByRole('button', { name: 'Turn on two-step verification' }).click();
    await page.getByRole('list', { name: 'Recovery codes' }).waitFor();
    await page.getByRole('button', { name: 'I have saved these' }).click();
  } else if (landed === 'Enter your verification code') {
    const sharedKey = await readFile(keyFile, 'utf8').catch(() => null);
    assert.ok(sharedKey, `the administrator has MFA, but no test file remembered its key (${keyFile})`);
    // Another file may have used the current time step already: then the next step's code is asked for.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      await page.getByLabel('Verification code').fill(await freshTotp(base32Decode(sharedKey), usedSteps));
      await page.getByRole('button', { name: 'Continue' }).click();
      const outcome = heading(/^Welcome/).or(page.getByRole('alert'));
      await outcome.first().waitFor();
      if (await heading(/^Welcome/).count()) break;
      usedSteps.add(Math.floor(Date.now() / 30_000));
    }
  }
  await heading(/^Welcome/).waitFor();
}
