import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { launchBrowser } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('on a tablet', () => {
  it('fits the screen, and a tap on a person selects them', async () => {
    const context = await browser.newContext({
      viewport: { width: 1024, height: 768 },
      hasTouch: true,
      isMobile: true,
    });
    const page = await context.newPage();
    await page.goto(inject('baseUrl') + '#t=0');
    await page.getByTestId('load-status').filter({ hasText: 'ready' }).waitFor();
    // Nothing wider than the screen: no sideways scrolling on a tablet.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      1024,
    );
    await page.getByTestId('layout-status').filter({ hasText: 'converged' }).waitFor({
      timeout: 60_000,
    });
    const box = (await page.getByTestId('graph').boundingBox())!;
    const at = await page.evaluate(() =>
      (
        window as unknown as { wordspread: { nodePosition(id: string): { x: number; y: number } } }
      ).wordspread.nodePosition('520'),
    );
    await page.touchscreen.tap(box.x + at.x, box.y + at.y);
    const card = page.getByTestId('node-card');
    await card.waitFor();
    expect(await card.textContent()).toContain('Sylvia');
    await context.close();
  });
});
