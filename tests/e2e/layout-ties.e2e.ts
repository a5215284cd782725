import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/spread/rng';
import { DARK_CANVAS } from '../../src/core/spread/palette';
import { artifactPath, countColour, decodePng, launchBrowser, openApp } from './browser';

const NODES = 2_000;
/** Over MOVING_EDGE_LIMIT (20k ties), under the sample's limit: every tie is drawn when still. */
const EDGES = 30_000;

let browser: Browser;
let file: string;
beforeAll(async () => {
  browser = await launchBrowser();
  const rng = createRng(5);
  const lines = Array.from({ length: EDGES }, (_, e) => {
    const source = e < NODES ? e : Math.floor(NODES * rng.next());
    return `n${source} n${Math.floor(NODES * rng.next())}`;
  });
  file = path.join(mkdtempSync(path.join(tmpdir(), 'wordspread-')), 'thirty-thousand-ties.txt');
  writeFileSync(file, lines.join('\n') + '\n');
});
afterAll(async () => {
  await browser?.close();
});

/** Pixels in the colour of quiet ties (on the dark canvas, where it stands apart from unreached people). */
const quietTiePixels = (png: PNG) => countColour(png, DARK_CANVAS.quietEdge, 8);

/** Waits until the layout's sweep has drawn its latest positions (two frames without a sweep). */
async function sweptOut(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const count = () => performance.getEntriesByName('wordspread:sweep').length;
        const before = count();
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(count() === before)));
      }),
    null,
    { timeout: 120_000, polling: 500 },
  );
}

async function graphShot(page: Page, name: string): Promise<PNG> {
  const bytes = await page.getByTestId('graph').screenshot({ timeout: 60_000 });
  writeFileSync(artifactPath(name), bytes);
  return decodePng(bytes);
}

describe('the layout on a graph with 30,000 ties', () => {
  it('leaves the quiet ties out while it moves the nodes and draws them again when frozen', async () => {
    const { page, errors } = await openApp(browser);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByLabel('Open dataset').setInputFiles(file);
    await page.getByTestId('load-status').filter({ hasText: 'ready' }).waitFor({ timeout: 90_000 });
    await page.getByTestId('layout-status').filter({ hasText: 'settling' }).waitFor();

    // Once a sweep has gone over them, the quiet ties are gone from the picture.
    await page.waitForFunction(() => performance.getEntriesByName('wordspread:sweep').length > 0);
    await sweptOut(page);
    const moving = await graphShot(page, 'layout-ties-moving.png');

    await page.getByRole('button', { name: 'Freeze layout' }).click();
    await page
      .getByTestId('layout-status')
      .filter({ hasText: /paused|stopped/ })
      .waitFor();
    await sweptOut(page);
    const frozen = await graphShot(page, 'layout-ties-frozen.png');
    expect(quietTiePixels(frozen)).toBeGreaterThan(1000);
    expect(quietTiePixels(moving)).toBeLessThan(0.2 * quietTiePixels(frozen));
    expect(errors).toEqual([]);
    await page.context().close();
  }, 240_000);
});
