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

describe('opening datasets', () => {
  it('opens a sample from the gallery', async () => {
    const { page, errors } = await openApp(browser);
    await page.getByRole('button', { name: 'Samples' }).click();
    await page.getByRole('button', { name: /Les Misérables/ }).click();
    await expect.poll(() => readNumber(page, 'node-count')).toBe(77);
    expect(await readNumber(page, 'edge-count')).toBe(254);
    expect(await page.getByRole('banner').textContent()).toContain('les-miserables.json');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('loads ?data=<url> and ?sample=<name>', async () => {
    const { page } = await openApp(browser, '?data=samples/les-miserables.json');
    expect(await readNumber(page, 'node-count')).toBe(77);
    await page.context().close();
    const sample = await openApp(browser, '?sample=sigma-demo');
    expect(await readNumber(sample.page, 'node-count')).toBe(2085);
    expect(await readNumber(sample.page, 'edge-count')).toBe(5409);
    await sample.page.context().close();
  });

  it('opens GraphML and edge lists dropped on the page', async () => {
    const { page } = await openApp(browser);
    await dropFile(page, path.join(DATASETS, 'graphml/newman_karate.graphml'));
    await expect.poll(() => readNumber(page, 'node-count')).toBe(34);
    expect(await readNumber(page, 'edge-count')).toBe(78);
    await dropFile(page, path.join(DATASETS, 'gexf/gephi-lite_power-grid.gexf'));
    await expect.poll(() => readNumber(page, 'node-count')).toBe(4941);
    expect(await readNumber(page, 'edge-count')).toBe(6594);
    await page.context().close();
  });

  it('refuses a file above the size limit before reading it, and keeps the dataset', async () => {
    const { page } = await openApp(browser);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('spinbutton', { name: 'Largest file to open (MB)' }).fill('1');
    await page.getByRole('spinbutton', { name: 'Largest file to open (MB)' }).press('Enter');
    await page.getByRole('button', { name: 'Close' }).click();
    await dropFile(page, path.join(DATASETS, 'gexf/gephi-lite_divided-they-blog.gexf'));
    const message = page.getByTestId('error-message');
    await message.waitFor();
    expect(await message.textContent()).toMatch(
      /divided-they-blog\.gexf: the file is 1\.\d MB, above the 1\.0 MB limit/,
    );
    expect(await readNumber(page, 'node-count')).toBe(134);
    await page.context().close();
  });

  it('names the file and the problem for hostile input, quickly', async () => {
    const { page } = await openApp(browser);
    const started = Date.now();
    await dropFile(page, path.join(DATASETS, 'hostile/mxml_billion-laughs.xml'));
    const message = page.getByTestId('error-message');
    await message.waitFor();
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await message.textContent()).toContain('mxml_billion-laughs.xml');
    expect(await readNumber(page, 'node-count')).toBe(134);
    await page.context().close();
  });
});
