import type { Browser, Page } from 'playwright-core';
import type { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countColour, exportImage, launchBrowser, openApp } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function setOptions(
  page: Page,
  options: { scale?: 1 | 2 | 4; legend?: boolean; transparent?: boolean },
) {
  await page.getByRole('button', { name: 'Image options' }).click();
  const dialog = page.getByRole('dialog', { name: 'Image options' });
  if (options.scale)
    await dialog.getByRole('radio', { name: new RegExp(`^${options.scale}×`) }).check();
  if (options.legend !== undefined)
    await dialog.getByRole('checkbox', { name: 'Legend' }).setChecked(options.legend);
  if (options.transparent !== undefined) {
    await dialog
      .getByRole('checkbox', { name: 'Transparent background' })
      .setChecked(options.transparent);
  }
  await dialog.getByRole('button', { name: 'Close' }).click();
}

/** Pixels of the top-right quarter that differ between two images of the same size. */
function differingTopRight(a: PNG, b: PNG): number {
  let differing = 0;
  for (let y = 0; y < a.height / 4; y++) {
    for (let x = Math.floor((a.width * 3) / 4); x < a.width; x++) {
      const i = (y * a.width + x) * 4;
      if (
        Math.abs(a.data[i] - b.data[i]) +
          Math.abs(a.data[i + 1] - b.data[i + 1]) +
          Math.abs(a.data[i + 2] - b.data[i + 2]) >
        30
      )
        differing++;
    }
  }
  return differing;
}

describe('export image options', () => {
  it('draws the legend where the legend goes, and doubles the pixels at 2×', async () => {
    const { page } = await openApp(browser);
    await expect
      .poll(() => page.getByTestId('layout-status').textContent(), { timeout: 60_000 })
      .toBe('converged');
    await page.getByRole('slider', { name: 'Timeline' }).fill('1000000');
    const box = (await page.getByTestId('graph').boundingBox())!;

    await setOptions(page, { legend: false });
    const plain = await exportImage(page, 'plain.png');
    await setOptions(page, { legend: true });
    const withLegend = await exportImage(page, 'legend.png');
    expect([plain.width, plain.height]).toEqual([Math.round(box.width), Math.round(box.height)]);
    expect(differingTopRight(plain, withLegend)).toBeGreaterThan(500);
    expect(countColour(withLegend, '#0072B2')).toBeGreaterThan(countColour(plain, '#0072B2'));

    await setOptions(page, { scale: 2 });
    const double = await exportImage(page, 'double.png');
    expect([double.width, double.height]).toEqual([2 * plain.width, 2 * plain.height]);
    expect(countColour(double, '#E69F00')).toBeGreaterThan(2 * countColour(withLegend, '#E69F00'));
    await page.context().close();
  });

  it('leaves the background transparent when asked', async () => {
    const { page } = await openApp(browser);
    await setOptions(page, { legend: false, transparent: true });
    const png = await exportImage(page, 'transparent.png');
    const corner = ((png.height - 3) * png.width + (png.width - 3)) * 4 + 3;
    expect(png.data[corner]).toBe(0);
    await page.context().close();
  });
});
