import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifactPath,
  countColour,
  DATASETS,
  decodePng,
  distinctColours,
  dropFile,
  launchBrowser,
  openApp,
  readNumber,
} from './browser';

const HARD = '#0072B2';
const SOFT = '#E69F00';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function playToEnd(page: Page): Promise<void> {
  await page.getByLabel('Speed').selectOption('16');
  if ((await page.getByRole('button', { name: 'Pause' }).count()) === 0) {
    await page.getByRole('button', { name: 'Play' }).click();
  }
  await page.getByRole('button', { name: 'Play' }).waitFor({ timeout: 60_000 });
}

async function setSlider(page: Page, name: string, value: number): Promise<void> {
  await page.getByRole('slider', { name }).fill(String(value));
}

describe('the journey on the bundled school network', () => {
  it('opens on the default sample, draws it, settles the layout, with no console errors', async () => {
    const { page, errors } = await openApp(browser);
    expect(await readNumber(page, 'node-count')).toBe(134);
    expect(await readNumber(page, 'edge-count')).toBe(668);
    await expect
      .poll(() => page.getByTestId('layout-status').textContent(), { timeout: 60_000 })
      .toBe('converged');
    const shot = decodePng(await page.getByTestId('graph').screenshot());
    // Faint grey people, quiet edges, the origin and the hard and soft colours: many distinct colours.
    expect(distinctColours(shot)).toBeGreaterThan(20);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('plays the spread up to its final reach, and scrubbing to 0 shows only the origin', async () => {
    const { page, errors } = await openApp(browser);
    const final = await readNumber(page, 'reach-final');
    expect(final).toBeGreaterThan(5);
    await page.getByRole('button', { name: 'Restart' }).click();
    await page.getByRole('button', { name: 'Pause' }).click();
    const startTime = Number(await page.getByTestId('timeline-time').getAttribute('data-time'));
    const startReach = await readNumber(page, 'reach-total');

    await page.getByLabel('Speed').selectOption('4');
    await page.getByRole('button', { name: 'Play' }).click();
    const reaches: number[] = [];
    const times: number[] = [];
    while ((await page.getByRole('button', { name: 'Pause' }).count()) > 0) {
      reaches.push(await readNumber(page, 'reach-total'));
      times.push(Number(await page.getByTestId('timeline-time').getAttribute('data-time')));
      await page.waitForTimeout(150);
    }
    reaches.push(await readNumber(page, 'reach-total'));
    expect(reaches.length).toBeGreaterThan(5);
    expect(reaches).toEqual([...reaches].sort((a, b) => a - b));
    expect(times.at(-1)!).toBeGreaterThan(startTime);
    expect(reaches.at(-1)).toBe(final);
    expect(final).toBeGreaterThan(startReach);
    const hard = await readNumber(page, 'reach-hard');
    const soft = await readNumber(page, 'reach-soft');
    expect(hard + soft + 1).toBe(final);
    expect(await page.getByTestId('amplification').textContent()).toBe(
      `${(final / (1 + hard)).toFixed(1)}×`,
    );

    await setSlider(page, 'Timeline', 0);
    expect(await readNumber(page, 'reach-total')).toBe(1);
    expect(await readNumber(page, 'reach-hard')).toBe(0);
    expect(await page.getByTestId('timeline-time').textContent()).toBe('0 h 00 min');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('re-runs the spread when Worth and Delivery change, reproducibly for one seed', async () => {
    const { page } = await openApp(browser);
    await playToEnd(page);
    await setSlider(page, 'Worth', 0);
    expect(await readNumber(page, 'reach-soft')).toBe(0);
    await setSlider(page, 'Delivery', 0);
    expect(await readNumber(page, 'reach-total')).toBe(1);
    await setSlider(page, 'Delivery', 1);
    await setSlider(page, 'Worth', 0.3);
    const first = await readNumber(page, 'reach-final');
    await setSlider(page, 'Worth', 0.6);
    await setSlider(page, 'Worth', 0.3);
    expect(await readNumber(page, 'reach-final')).toBe(first);
    await page.context().close();
  });

  it('shows how the word reached a clicked person, and makes them the origin on request', async () => {
    const { page } = await openApp(browser);
    await playToEnd(page);
    const box = (await page.getByTestId('graph').boundingBox())!;
    const at = await page.evaluate(() =>
      (
        window as unknown as { wordspread: { nodePosition(id: string): { x: number; y: number } } }
      ).wordspread.nodePosition('27'),
    );
    await page.mouse.move(box.x + at.x, box.y + at.y);
    const card = page.getByTestId('node-card');
    await card.waitFor();
    expect(await card.textContent()).toContain('Student 27');
    await page.mouse.click(box.x + at.x, box.y + at.y);
    await card.getByRole('button', { name: 'Make Student 27 the origin' }).click();
    await expect
      .poll(() => page.getByTestId('origin-name').textContent())
      .toBe('Student 27 (id 27)');
    // Several origins: start from Student 27 and also from Sylvia.
    const sylvia = await page.evaluate(() =>
      (
        window as unknown as { wordspread: { nodePosition(id: string): { x: number; y: number } } }
      ).wordspread.nodePosition('520'),
    );
    // sigma takes two clicks within 300 ms as a double click (a zoom), wherever they land.
    await page.waitForTimeout(400);
    await page.mouse.click(box.x + sylvia.x, box.y + sylvia.y);
    await card.getByRole('button', { name: 'Also start from Sylvia' }).click();
    await expect
      .poll(() => page.getByTestId('origin-name').textContent())
      .toBe('Student 27 (id 27), Sylvia (id 520)');
    expect(await page.evaluate(() => window.location.hash)).toMatch(/origin=27&origin=520/);
    await page.context().close();
  });

  it('replaces the dataset with a dropped GEXF, and keeps it when a broken file is dropped', async () => {
    const { page, errors } = await openApp(browser);
    await dropFile(page, path.join(DATASETS, 'gexf/gephi_les-miserables.gexf'));
    await expect.poll(() => readNumber(page, 'node-count')).toBe(77);
    expect(await readNumber(page, 'edge-count')).toBe(254);
    await page.getByTestId('load-status').filter({ hasText: 'ready' }).waitFor();

    await dropFile(page, path.join(DATASETS, 'hostile/igraph-regression_invalid1.graphml'));
    const message = page.getByTestId('error-message');
    await message.waitFor();
    expect(await message.textContent()).toContain('igraph-regression_invalid1.graphml');
    expect(await readNumber(page, 'node-count')).toBe(77);
    expect(await readNumber(page, 'edge-count')).toBe(254);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('opens a graphology JSON file through the "Open dataset" input', async () => {
    const { page } = await openApp(browser);
    await page
      .getByLabel('Open dataset')
      .setInputFiles(path.join(DATASETS, 'json/sigma-test_les-miserables.json'));
    await expect.poll(() => readNumber(page, 'node-count')).toBe(77);
    expect(await readNumber(page, 'edge-count')).toBe(254);
    await page.context().close();
  });

  it('exports a PNG of the current view with the hard and soft colours', async () => {
    const { page } = await openApp(browser);
    await setSlider(page, 'Worth', 0.5);
    await playToEnd(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export image' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^school-network_t=.+\.png$/);
    const file = artifactPath('export.png');
    await download.saveAs(file);
    const png = decodePng(readFileSync(file));
    expect(png.width).toBeGreaterThan(300);
    expect(countColour(png, HARD)).toBeGreaterThan(20);
    expect(countColour(png, SOFT)).toBeGreaterThan(20);
    await page.context().close();
  });
});
