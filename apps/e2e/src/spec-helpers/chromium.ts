import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@orderflow/kafka-cluster';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Where the browser tests save their screenshots (git-ignored). */
export const screenshotDirectory = join(REPO_ROOT, 'apps', 'e2e', 'test-artifacts', 'console');

/**
 * Debian's Chromium (`apt-get install chromium`), driven by playwright-core, which brings no
 * browser of its own. The flags: no sandbox (the tests run as root, where Chromium's sandbox
 * refuses to start), and nothing that calls home (the network here is closed). Playwright gives
 * every launch a fresh temporary profile.
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-gpu',
      '--no-first-run',
    ],
  });
}

/** A full-page PNG under the screenshot folder; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDirectory, { recursive: true });
  const path = join(screenshotDirectory, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
