import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDataset } from '../../src/core/io/parse';
import { launchBrowser, openApp, readNumber } from './browser';

const SAMPLE = path.resolve(__dirname, '../../public/samples/school-network.gexf');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const timeOf = async (page: Page) =>
  Number(await page.getByTestId('timeline-time').getAttribute('data-time'));
const pause = async (page: Page) => {
  if ((await page.getByRole('button', { name: 'Pause' }).count()) > 0)
    await page.getByRole('button', { name: 'Pause' }).click();
};

describe('the replay', () => {
  it('holds still when paused, and scrubbing to a moment shows what playing to it showed', async () => {
    const { page } = await openApp(browser);
    await page.getByRole('button', { name: 'Restart' }).click();
    await page.waitForTimeout(1500);
    await pause(page);
    const t = await timeOf(page);
    const reach = await readNumber(page, 'reach-total');
    await page.waitForTimeout(800);
    expect(await timeOf(page)).toBe(t);
    expect(await readNumber(page, 'reach-total')).toBe(reach);

    const slider = page.getByRole('slider', { name: 'Timeline' });
    await slider.fill('0');
    expect(await readNumber(page, 'reach-total')).toBe(1);
    await slider.fill(String(t));
    expect(await readNumber(page, 'reach-total')).toBe(reach);
    await page.context().close();
  });

  it('answers the keyboard: Space, Home, End, arrows and Shift+arrows', async () => {
    const { page } = await openApp(browser);
    await pause(page);
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('Home');
    expect(await readNumber(page, 'reach-total')).toBe(1);
    await page.keyboard.press('ArrowRight');
    expect(await readNumber(page, 'reach-total')).toBeGreaterThanOrEqual(2);
    const afterStep = await timeOf(page);
    await page.keyboard.press('Shift+ArrowRight');
    expect(await timeOf(page)).toBeGreaterThan(afterStep);
    await page.keyboard.press('End');
    expect(await readNumber(page, 'reach-total')).toBe(await readNumber(page, 'reach-final'));
    // The slider dragged to its end shows the last adoption too.
    await page.getByRole('slider', { name: 'Timeline' }).fill('1000000');
    expect(await readNumber(page, 'reach-total')).toBe(await readNumber(page, 'reach-final'));
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('ArrowLeft');
    expect(await readNumber(page, 'reach-total')).toBeLessThan(
      await readNumber(page, 'reach-final'),
    );
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Play' }).waitFor();
    await page.context().close();
  });

  it('shows, on hover, who passed the word to a reached person', async () => {
    const payload = parseDataset(new Uint8Array(readFileSync(SAMPLE)), 'school-network.gexf');
    const index = (id: string) => payload.nodeIds.indexOf(id);
    const sylvia = index('520');
    const friend = payload.nodeIds[payload.edgeTargets[[...payload.edgeSources].indexOf(sylvia)]];
    const tellers = new Set<string>();
    payload.edgeTargets.forEach((target, e) => {
      if (target === index(friend))
        tellers.add(String(payload.nodeAttributes[payload.edgeSources[e]].label));
    });

    const { page } = await openApp(browser);
    await page.getByRole('slider', { name: 'Delivery' }).fill('1');
    await page.keyboard.press('End');
    await page.getByRole('slider', { name: 'Timeline' }).fill('1000000');
    await expect
      .poll(() => page.getByTestId('layout-status').textContent(), { timeout: 60_000 })
      .toBe('converged');
    const box = (await page.getByTestId('graph').boundingBox())!;
    const at = await page.evaluate(
      (id) =>
        (
          window as unknown as {
            wordspread: { nodePosition(id: string): { x: number; y: number } };
          }
        ).wordspread.nodePosition(id),
      friend,
    );
    await page.mouse.move(box.x + at.x, box.y + at.y);
    const via = page.getByTestId('node-card-via');
    await via.waitFor();
    expect(tellers.has((await via.textContent()) ?? '')).toBe(true);
    await page.context().close();
  });

  it('keeps the paused moment in the link, and the link opens there', async () => {
    const { page } = await openApp(browser);
    await page.getByRole('slider', { name: 'Worth' }).fill('0.4');
    await pause(page);
    await page.getByRole('slider', { name: 'Timeline' }).fill('6');
    const reach = await readNumber(page, 'reach-total');
    await expect.poll(() => page.evaluate(() => window.location.hash)).toContain('t=6');
    const hash = await page.evaluate(() => window.location.hash);
    expect(hash).toContain('worth=0.4');
    await page.context().close();

    const reopened = await openApp(browser, hash);
    await expect.poll(() => timeOf(reopened.page)).toBe(6);
    expect(await readNumber(reopened.page, 'reach-total')).toBe(reach);
    await reopened.page.context().close();
  });

  it('follows the spread with the camera when asked', async () => {
    const { page } = await openApp(browser);
    await expect
      .poll(() => page.getByTestId('layout-status').textContent(), { timeout: 60_000 })
      .toBe('converged');
    await pause(page);
    const where = () =>
      page.evaluate(() =>
        (
          window as unknown as {
            wordspread: { nodePosition(id: string): { x: number; y: number } };
          }
        ).wordspread.nodePosition('520'),
      );
    const before = await where();
    await page.getByRole('checkbox', { name: 'Follow' }).check();
    await page.getByRole('button', { name: 'Restart' }).click();
    await page.waitForTimeout(2500);
    const after = await where();
    expect(Math.hypot(after.x - before.x, after.y - before.y)).toBeGreaterThan(5);
    await page.context().close();
  });
});
