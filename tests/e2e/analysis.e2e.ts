import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASETS, dropFile, launchBrowser, openApp, readNumber } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The "What if" section of the side panel. */
function panel(page: Page): Locator {
  return page.getByRole('region', { name: 'What if' });
}

/** Opens the default sample with the replay held still (it plays by itself otherwise). */
async function openPaused(suffix = ''): Promise<{ page: Page; errors: string[] }> {
  const app = await openApp(browser, suffix);
  if ((await app.page.getByRole('button', { name: 'Pause' }).count()) > 0)
    await app.page.getByRole('button', { name: 'Pause' }).click();
  return app;
}

async function runSpreads(page: Page, runs: string): Promise<void> {
  await panel(page).getByLabel('Runs', { exact: true }).selectOption(runs);
  await panel(page).getByRole('button', { name: 'Run spreads' }).click();
}

async function waitIdle(page: Page): Promise<void> {
  await panel(page).getByRole('button', { name: 'Run spreads' }).waitFor({ timeout: 60_000 });
}

describe('the What if panel on the school network', () => {
  it('runs 100 spreads in module workers and shows their mean, viral chance and histogram', async () => {
    const { page, errors } = await openPaused();
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await runSpreads(page, '100');
    await waitIdle(page);
    const mean = page.getByTestId('mc-mean');
    await mean.waitFor();
    expect(await readNumber(page, 'mc-mean')).toBeGreaterThan(1);
    expect(await page.getByTestId('mc-viral').textContent()).toMatch(/^\d+(\.\d)?%$/);
    expect(await page.getByTestId('reach-histogram').locator('rect.bar').count()).toBeGreaterThan(
      0,
    );
    // The spread workers are bundled module workers, never blob: URLs (DESIGN.md's CSP pitfall).
    expect(workers.length).toBeGreaterThan(0);
    for (const url of workers) expect(url).not.toMatch(/^blob:/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('sweeps worth and marks the threshold between 0 and 1', async () => {
    const { page, errors } = await openPaused();
    await panel(page).getByRole('button', { name: 'Sweep worth' }).click();
    const chart = page.getByTestId('worth-sweep');
    await chart.locator('path.total').waitFor({ timeout: 60_000 });
    const label = (await page.getByTestId('sweep-threshold').textContent()) ?? '';
    const match = /threshold ≈ (\d+(?:\.\d+)?)/.exec(label);
    expect(match).not.toBeNull();
    const threshold = Number(match![1]);
    expect(threshold).toBeGreaterThan(0);
    expect(threshold).toBeLessThan(1);
    expect(await chart.locator('line.threshold').count()).toBe(1);
    expect(await chart.locator('path.hard-only').count()).toBe(1);

    // A click on the chart tries that worth.
    const box = (await chart.boundingBox())!;
    await page.mouse.click(box.x + box.width - 12, box.y + box.height / 2);
    await expect
      .poll(async () => Number(await page.getByRole('slider', { name: 'Worth' }).inputValue()))
      .toBeGreaterThan(0.9);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('finds the best two origins, and a click on a pick makes that person the origin', async () => {
    const { page, errors } = await openPaused();
    await panel(page).getByLabel('How many people').selectOption('2');
    await panel(page).getByRole('button', { name: 'Find the best origins' }).click();
    const picks = page.getByTestId('celf-pick');
    await expect.poll(() => picks.count(), { timeout: 60_000 }).toBe(2);
    expect(await page.getByTestId('degree-pick').count()).toBe(2);

    const before = (await page.getByTestId('origin-name').textContent()) ?? '';
    const names = await picks.allTextContents();
    const other = names.findIndex((name) => !before.startsWith(`${name.trim()} `));
    expect(other).toBeGreaterThanOrEqual(0);
    await picks.nth(other).click();
    await expect
      .poll(() => page.getByTestId('origin-name').textContent())
      .toContain(names[other].trim());
    expect(await page.getByTestId('origin-name').textContent()).not.toBe(before);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('needs more contacts under complex contagion: reach no larger than independent cascade', async () => {
    const { page, errors } = await openPaused();
    const cascade = await readNumber(page, 'reach-final');
    await page.getByLabel('Model', { exact: true }).selectOption('complex-contagion');
    const needed = page.getByLabel('Contacts needed', { exact: true });
    await needed.fill('5');
    await needed.press('Enter');
    await needed.blur();
    await expect
      .poll(() => page.getByRole('spinbutton', { name: 'Contacts needed' }).inputValue())
      .toBe('5');
    const complex = await readNumber(page, 'reach-final');
    expect(complex).toBeGreaterThanOrEqual(1);
    expect(complex).toBeLessThanOrEqual(cascade);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('cancelling a long job', () => {
  it('stops 10,000 runs on a bigger network and keeps the previous result', async () => {
    const { page, errors } = await openPaused();
    // 2,085 people and 5,409 ties: 10,000 runs take long enough to cancel in the middle.
    await dropFile(page, path.join(DATASETS, 'json/sigma-demo_dataset.json'));
    await expect.poll(() => readNumber(page, 'node-count')).toBe(2085);
    await page.getByTestId('load-status').filter({ hasText: 'ready' }).waitFor();
    if ((await page.getByRole('button', { name: 'Pause' }).count()) > 0)
      await page.getByRole('button', { name: 'Pause' }).click();

    await runSpreads(page, '100');
    await waitIdle(page);
    const previous = await page.getByTestId('mc-mean').textContent();
    expect(Number(previous)).toBeGreaterThan(1);

    await runSpreads(page, '10000');
    const progress = panel(page).getByRole('progressbar', { name: 'Spreads run' });
    await progress.waitFor();
    await panel(page).getByRole('button', { name: 'Cancel' }).click();
    await waitIdle(page);
    expect(await progress.count()).toBe(0);
    expect(await page.getByTestId('mc-mean').textContent()).toBe(previous);
    expect(await page.getByTestId('mc-results').textContent()).toContain('100 runs');

    // The workers come back for the next job.
    await runSpreads(page, '100');
    await waitIdle(page);
    expect(await page.getByTestId('mc-mean').textContent()).toBe(previous);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
