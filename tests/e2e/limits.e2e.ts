import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASETS, dropFile, launchBrowser, openApp, readNumber } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('limits in Settings', () => {
  it('refuses a dataset over the node limit, naming the file and the limit, and keeps the setting', async () => {
    const { page, errors } = await openApp(browser);
    await page.getByRole('button', { name: 'Settings' }).click();
    const nodes = page.getByRole('spinbutton', { name: 'Most nodes in a dataset' });
    await nodes.fill('10');
    await nodes.press('Enter');
    await nodes.blur();
    await page.getByRole('button', { name: 'Close' }).click();

    await dropFile(page, path.join(DATASETS, 'graphml/newman_karate.graphml'));
    const message = page.getByTestId('error-message');
    await message.waitFor();
    expect(await message.textContent()).toMatch(
      /^newman_karate\.graphml: .*more than 10 nodes.*limit.*Settings/,
    );
    expect(await readNumber(page, 'node-count')).toBe(134);

    // Kept for the next visit, where it refuses even the default sample, saying why.
    await page.reload();
    await message.waitFor();
    expect(await message.textContent()).toMatch(/^school-network\.gexf: .*more than 10 nodes/);
    // Raised again, the same file loads.
    await page.getByRole('button', { name: 'Settings' }).click();
    expect(await nodes.inputValue()).toBe('10');
    await nodes.fill('1000');
    await nodes.blur();
    await page.getByRole('button', { name: 'Close' }).click();
    await dropFile(page, path.join(DATASETS, 'graphml/newman_karate.graphml'));
    await expect.poll(() => readNumber(page, 'node-count')).toBe(34);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
