// Shared set-up for the browser tests: Debian's chromium through playwright-core, axe checks and screenshots.
import { mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const baseUrl = (process.env.LNEMIS_URL ?? 'http://127.0.0.1:5099').replace(/\/+$/, '');
export const shotsDir = process.env.LNEMIS_SHOTS ?? '/tmp/e2e-shots';

export async function launchBrowser() {
  await mkdir(shotsDir, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function newPage(browser) {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  return { context, page, consoleErrors };
}

export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** Runs axe-core with the WCAG 2.x A and AA rules and saves a full-page screenshot. */
export async function auditPage(page, name) {
  await page.screenshot({ path: `${shotsDir}/${name}.png`, fullPage: true });
  const result = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  return result.violations.map((v) => ({
    page: name,
    rule: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
  }));
}

export async function screenshot(page, name) {
  await page.screenshot({ path: `${shotsDir}/${name}.png`, fullPage: true });
}
