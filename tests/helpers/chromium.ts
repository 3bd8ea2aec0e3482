/**
 * Debian's Chromium, driven through playwright-core (which downloads no browser). The flags
 * keep it off the network this machine does not have; each run gets a fresh profile.
 * TESSERA_CHROMIUM overrides the executable's path.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.TESSERA_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_AVAILABLE = existsSync(CHROMIUM);
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Without Chromium: a skipped test with a message, or under CI=true a failing one (the tool is
 * required there). Call at the top level of a browser test file.
 */
export function requireChromium(what: string, it: (name: string, fn: () => void) => void, skip: (name: string, fn: () => void) => void): void {
  if (CHROMIUM_AVAILABLE) return;
  const message = `${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium) to run ${what}`;
  if (process.env.CI === 'true') {
    it('Chromium is installed (required under CI=true)', () => {
      throw new Error(message);
    });
  } else {
    console.warn(`skipped: ${message}; under CI=true this fails`);
    skip(`skipped: ${message}`, () => {});
  }
}

/** A headless persistent context on a fresh temporary profile (Chromium's --user-data-dir). */
export async function launchChromium(viewport: { width: number; height: number }): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch (e) {
    throw new Error(`playwright-core is missing: run npm ci (it is a devDependency)\n${String(e)}`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'tessera-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS, viewport, deviceScaleFactor: 1 });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
