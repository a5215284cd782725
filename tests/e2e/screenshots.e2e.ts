import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, readNumber } from './browser';

const SCREENSHOTS = path.resolve(__dirname, '../../docs/screenshots');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('README screenshots', () => {
  it('saves the default sample mid-replay, with part of the final reach shown (60% of the way)', async () => {
    const { page } = await openApp(browser);
    await expect
      .poll(() => page.getByTestId('layout-status').textContent(), { timeout: 60_000 })
      .toBe('converged');
    await page.getByRole('slider', { name: 'Worth' }).fill('0.3');
    await page.getByRole('button', { name: 'Restart' }).click();
    await page.getByRole('button', { name: 'Pause' }).click();
    const timeline = page.getByRole('slider', { name: 'Timeline' });
    const start = Number(await timeline.getAttribute('min'));
    const end = Number(await timeline.getAttribute('max'));
    await timeline.fill(String(start + (end - start) * 0.6));
    const shown = await readNumber(page, 'reach-total');
    expect(shown).toBeGreaterThan(1);
    expect(shown).toBeLessThan(await readNumber(page, 'reach-final'));
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'replay.png') });
    await page.context().close();
  });
});
