import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { HarnessError } from './errors.ts';

/** Debian's chromium; playwright's own browser download is never used (no network, no npx playwright install). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless Chromium that cannot phone home: no background networking, no component updates. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new HarnessError(
      'USAGE',
      `headless Chromium is not at ${CHROMIUM}; install it (apt-get install -y chromium) or set CHROMIUM_PATH`,
    );
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
}

/** Renders a local HTML file to a PNG of the given viewport (the top of the page). */
export async function screenshotFile(
  htmlPath: string,
  pngPath: string,
  viewport = { width: 1280, height: 1500 },
): Promise<void> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport });
    await page.goto(`file://${htmlPath}`);
    await page.screenshot({ path: pngPath });
  } finally {
    await browser.close();
  }
}
