// Debian's Chromium driven by playwright-core. Without the browser the suite skips, unless
// REQUIRE_E2E=1 (CI), where a missing browser is a failure.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const haveChromium = existsSync(chromiumPath);
export const requireE2E = process.env.REQUIRE_E2E === '1';

if (!haveChromium && requireE2E) {
  throw new Error(`REQUIRE_E2E=1 but Chromium is missing at ${chromiumPath} (apt-get install chromium)`);
}

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    // Playwright gives every launch a fresh temporary profile of its own.
    args: [...chromiumArgs, ...extraArgs],
  });
}
