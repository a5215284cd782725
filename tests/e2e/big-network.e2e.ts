import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/spread/rng';
import { CHANNEL_COLORS } from '../../src/core/spread/palette';
import {
  countColour,
  exportImage,
  launchBrowser,
  longestTaskUntilBuilt,
  openApp,
  readNumber,
  watchLongTasks,
} from './browser';

const NODES = 20_000;
/** Over the level-of-detail limit (100k ties), so the sampled drawing is what gets exercised. */
const EDGES = 120_000;

/** A seeded random directed network with a few hubs, as a plain edge list ("a b" per line). */
function edgeList(): string {
  const rng = createRng(11);
  const lines: string[] = [];
  for (let e = 0; e < EDGES; e++) {
    // The first tie of each person makes sure everyone appears in the list.
    const source = e < NODES ? e : Math.floor(NODES * rng.next() ** 2);
    const target = Math.floor(NODES * rng.next());
    lines.push(`p${source} p${target}`);
  }
  return lines.join('\n') + '\n';
}

let browser: Browser;
let file: string;
beforeAll(async () => {
  browser = await launchBrowser();
  file = path.join(mkdtempSync(path.join(tmpdir(), 'wordspread-')), 'twenty-thousand.txt');
  writeFileSync(file, edgeList());
});
afterAll(async () => {
  await browser?.close();
});

/** Pixels that differ visibly between two images of the same size. */
function differingPixels(a: PNG, b: PNG): number {
  let differing = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const distance =
      Math.abs(a.data[i] - b.data[i]) +
      Math.abs(a.data[i + 1] - b.data[i + 1]) +
      Math.abs(a.data[i + 2] - b.data[i + 2]);
    if (distance > 30) differing++;
  }
  return differing;
}

describe('a 20,000-person network with 120,000 ties', () => {
  it('loads without freezing, lays out, replays to the end and exports an image', async () => {
    const { page, errors } = await openApp(browser, '#t=0');
    const start = await watchLongTasks(page);
    await page.getByLabel('Open dataset').setInputFiles(file);
    await page.waitForFunction(
      () => performance.getEntriesByName('wordspread:dataset-built').length > 0,
      null,
      { timeout: 90_000 },
    );
    const longestLoadTask = await longestTaskUntilBuilt(page, start);
    expect(longestLoadTask).toBeLessThan(200);
    await page.getByTestId('load-status').filter({ hasText: 'ready' }).waitFor();
    expect(await readNumber(page, 'node-count')).toBe(NODES);
    expect(await readNumber(page, 'edge-count')).toBe(EDGES);

    // The layout settles (or spends its time budget) by itself.
    await page
      .getByTestId('layout-status')
      .filter({ hasText: /converged|stopped/ })
      .waitFor({ timeout: 150_000 });

    // Positions reach a graph this big a frame's budget at a time (LayoutMotion's sweep), in a frame
    // that follows the layout's extent: people are drawn spread over the canvas, none outside it.
    const spread = await page.evaluate(() => {
      const { width, height } = document
        .querySelector('[data-testid="graph"]')!
        .getBoundingClientRect();
      const handle = (
        window as unknown as {
          wordspread: { nodePosition(id: string): { x: number; y: number } | null };
        }
      ).wordspread;
      const points = Array.from({ length: 500 }, (_, i) => handle.nodePosition(`p${i * 40}`)!);
      const xs = points.map((p) => p.x);
      const ys = points.map((p) => p.y);
      return {
        width,
        height,
        inside: points.filter((p) => p.x >= 0 && p.x <= width && p.y >= 0 && p.y <= height).length,
        spanX: Math.max(...xs) - Math.min(...xs),
        spanY: Math.max(...ys) - Math.min(...ys),
      };
    });
    expect(spread.inside).toBe(500);
    expect(Math.max(spread.spanX / spread.width, spread.spanY / spread.height)).toBeGreaterThan(
      0.4,
    );

    // Replay to the end: the reach grows to the final figure.
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('16');
    await page.getByRole('button', { name: 'Play' }).click();
    await page.getByRole('button', { name: 'Play' }).waitFor({ timeout: 60_000 });
    const final = await readNumber(page, 'reach-final');
    expect(final).toBeGreaterThan(1);
    expect(await readNumber(page, 'reach-total')).toBe(final);

    // Over 100k ties only the carrying ones and a sample are drawn; asking for every tie draws the rest.
    const sampled = await exportImage(page, 'big-network-sampled.png');
    expect(sampled.width).toBeGreaterThan(0);
    // People reached by the soft network are drawn in its colour.
    expect(countColour(sampled, CHANNEL_COLORS[2])).toBeGreaterThan(0);
    await page.getByRole('checkbox', { name: 'Draw every tie' }).check();
    const full = await exportImage(page, 'big-network-all-ties.png');
    expect(differingPixels(sampled, full)).toBeGreaterThan(0.01 * full.width * full.height);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 300_000);
});
