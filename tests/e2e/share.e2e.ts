import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, readNumber } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('share link', () => {
  it('reopens the same sample, scenario and moment in a fresh page', async () => {
    const { page } = await openApp(browser);
    await page.getByRole('button', { name: 'Samples' }).click();
    await page.getByRole('button', { name: /Les Misérables/ }).click();
    await page.locator('header').getByText('les-miserables.json').waitFor();
    await page.getByRole('slider', { name: 'Worth' }).fill('0.35');
    if ((await page.getByRole('button', { name: 'Pause' }).count()) > 0) {
      await page.getByRole('button', { name: 'Pause' }).click();
    }
    await page.getByRole('button', { name: 'New seed' }).click();
    const slider = page.getByRole('slider', { name: 'Timeline' });
    const middle =
      (Number(await slider.getAttribute('min')) + Number(await slider.getAttribute('max'))) / 2;
    await slider.fill(String(middle));
    const time = await page.getByTestId('timeline-time').getAttribute('data-time');
    const reach = await readNumber(page, 'reach-total');
    const origin = await page.getByTestId('origin-name').textContent();

    await page.getByRole('button', { name: 'Share' }).click();
    const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
    expect(link).toContain('sample=les-miserables');
    expect(link).toContain('seed=2');
    await page.context().close();

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const fresh = await context.newPage();
    await fresh.goto(link);
    await fresh.getByTestId('load-status').filter({ hasText: 'ready' }).waitFor();
    expect(await readNumber(fresh, 'node-count')).toBe(77);
    const shownAt = async () =>
      Number(await fresh.getByTestId('timeline-time').getAttribute('data-time'));
    await expect.poll(shownAt).toBeCloseTo(Number(time), 2);
    expect(await readNumber(fresh, 'reach-total')).toBe(reach);
    expect(await fresh.getByTestId('origin-name').textContent()).toBe(origin);
    await context.close();
  });
});
