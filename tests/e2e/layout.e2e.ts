import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASETS, dropFile, launchBrowser, openApp, readNumber } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const layoutStatus = (page: Page) => page.getByTestId('layout-status').textContent();

/** Drops a dataset and waits until it is the one shown (the header carries its name). */
async function load(page: Page, relative: string, nodeCount: number): Promise<void> {
  const name = path.basename(relative);
  await dropFile(page, path.join(DATASETS, relative));
  await page.locator('header').getByText(name).waitFor({ timeout: 60_000 });
  await expect.poll(() => readNumber(page, 'node-count')).toBe(nodeCount);
  await page.getByTestId('load-status').filter({ hasText: 'ready' }).waitFor();
}

/**
 * Live dedicated workers, as Chromium itself lists them (DevTools protocol), not as the app thinks.
 * The built layout worker's script is assets/layout.worker-<hash>.js.
 */
async function liveWorkers(page: Page): Promise<{ all: number; layout: number }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Target.setDiscoverTargets', { discover: true });
    const { targetInfos } = await cdp.send('Target.getTargets');
    const workers = targetInfos.filter((t) => t.type === 'worker');
    return {
      all: workers.length,
      layout: workers.filter((t) => /layout\.worker/.test(t.url)).length,
    };
  } finally {
    await cdp.detach();
  }
}

describe('layout worker lifecycle', () => {
  it('keeps at most one layout worker alive after loading three datasets in a row', async () => {
    const { page, errors } = await openApp(browser);
    await load(page, 'gexf/gephi_les-miserables.gexf', 77);
    // Restart lays it out in a fresh worker: it must replace, not add to, the previous one.
    await page.getByRole('button', { name: 'New layout' }).click();
    await load(page, 'json/sigma-test_les-miserables.json', 77);
    await load(page, 'graphml/newman_karate.graphml', 34);
    // Terminated workers can take a moment to disappear from Chromium's target list.
    await expect.poll(async () => (await liveWorkers(page)).layout, { timeout: 10_000 }).toBe(1);
    // Page-level cross-check: playwright's own list of the page's workers agrees.
    expect(page.workers().filter((w) => /layout\.worker/.test(w.url()))).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('the layout panel', () => {
  it('shows the karate club as drawn, and Re-layout settles it to "converged"', async () => {
    const { page, errors } = await openApp(browser);
    await load(page, 'graphml/newman_karate.graphml', 34);
    // The file carries coordinates: shown as they are, not laid out.
    await expect.poll(() => layoutStatus(page)).toBe('stopped');
    await page.getByRole('button', { name: 'Re-layout' }).click();
    await expect.poll(() => layoutStatus(page), { timeout: 60_000 }).toBe('converged');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('freezes and resumes a running layout, and takes settings while it runs', async () => {
    const { page, errors } = await openApp(browser);
    // 4 941 nodes: seconds of layout in the worker, time enough to press the buttons.
    await load(page, 'gexf/gephi-lite_power-grid.gexf', 4941);
    await page.getByRole('button', { name: 'New layout' }).click();
    // Generous waits: with software WebGL each drawn frame of the moving graph takes a while.
    await expect.poll(() => layoutStatus(page), { timeout: 10_000 }).toMatch(/^settling… \d+%$/);
    await page.getByRole('checkbox', { name: 'LinLog mode' }).check();
    await page.getByRole('slider', { name: 'Gravity' }).fill('0.2');
    await page.getByRole('button', { name: 'Freeze layout' }).click();
    await expect.poll(() => layoutStatus(page), { timeout: 10_000 }).toBe('paused');
    // Nothing moves while paused: the status stays put.
    await page.waitForTimeout(1000);
    expect(await layoutStatus(page)).toBe('paused');
    await page.getByRole('button', { name: 'Resume layout' }).click();
    await expect
      .poll(() => layoutStatus(page), { timeout: 10_000 })
      .toMatch(/^(settling… \d+%|converged|stopped)$/);
    expect(await page.getByRole('checkbox', { name: 'LinLog mode' }).isChecked()).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
