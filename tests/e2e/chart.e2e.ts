import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, readNumber } from './browser';

const HARD = '#0072B2';
const SOFT = '#E69F00';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens the default sample, waits for the layout, and holds the replay still. */
async function openPaused(): Promise<Page> {
  const { page } = await openApp(browser);
  await expect
    .poll(() => page.getByTestId('layout-status').textContent(), { timeout: 60_000 })
    .toBe('converged');
  if ((await page.getByRole('button', { name: 'Pause' }).count()) > 0)
    await page.getByRole('button', { name: 'Pause' }).click();
  return page;
}

async function timeShown(page: Page): Promise<number> {
  return Number(await page.getByTestId('timeline-time').getAttribute('data-time'));
}

async function timelineSpan(page: Page): Promise<{ min: number; max: number }> {
  const slider = page.getByRole('slider', { name: 'Timeline' });
  return {
    min: Number(await slider.getAttribute('min')),
    max: Number(await slider.getAttribute('max')),
  };
}

/** The page position at a fraction of the chart's width, halfway down. */
async function chartPoint(page: Page, fraction: number): Promise<{ x: number; y: number }> {
  const box = (await page.getByTestId('reach-chart').locator('svg').boundingBox())!;
  return { x: box.x + box.width * fraction, y: box.y + box.height / 2 };
}

describe('the reach chart under the player', () => {
  it('draws stacked hard and soft layers, the hard-only line, and a summary', async () => {
    const page = await openPaused();
    const chart = page.getByTestId('reach-chart');
    expect(await chart.locator(`path[fill="${HARD}"]`).count()).toBe(1);
    expect(await chart.locator(`path[fill="${SOFT}"]`).count()).toBe(1);
    expect(await chart.getByTestId('reach-chart-hard-only').count()).toBe(1);
    expect(await chart.locator('svg').getAttribute('aria-hidden')).toBe('true');
    const final = await readNumber(page, 'reach-final');
    expect(await chart.getAttribute('aria-label')).toMatch(
      new RegExp(
        `^Reach over time: ${final} people at the end, \\d+ through the hard network alone$`,
      ),
    );
    await page.context().close();
  });

  it('seeks to the time under a click, showing the reach the Timeline slider shows there', async () => {
    const page = await openPaused();
    const { min, max } = await timelineSpan(page);
    expect(max).toBeGreaterThan(min);
    await page.getByRole('slider', { name: 'Timeline' }).fill(String(min));
    const middle = await chartPoint(page, 0.5);
    await page.mouse.click(middle.x, middle.y);
    const t = await timeShown(page);
    // The plot leaves a little room for labels at each side, so 50% of the width is about midway.
    expect(Math.abs((t - min) / (max - min) - 0.5)).toBeLessThan(0.05);
    expect(await page.getByRole('button', { name: 'Play' }).count()).toBe(1);
    const reach = await readNumber(page, 'reach-total');
    const cursor = page.getByTestId('reach-chart-cursor');
    expect(
      Math.abs(
        Number(await cursor.getAttribute('x1')) - (middle.x - (await chartPoint(page, 0)).x),
      ),
    ).toBeLessThan(2);

    // Away and back through the slider, at exactly the chart's time (step "any": the slider would
    // otherwise round it to its nearest 1/1000 of the span).
    const slider = page.getByRole('slider', { name: 'Timeline' });
    await slider.fill(String(min));
    expect(await readNumber(page, 'reach-total')).toBe(1);
    await slider.evaluate((input) => ((input as HTMLInputElement).step = 'any'));
    await slider.fill(String(t));
    expect(await timeShown(page)).toBe(t);
    expect(await readNumber(page, 'reach-total')).toBe(reach);

    // The right edge is the end of the spread: everyone it reached.
    const end = await chartPoint(page, 0.999);
    await page.mouse.click(end.x, end.y);
    expect(await timeShown(page)).toBe(max);
    expect(await readNumber(page, 'reach-total')).toBe(await readNumber(page, 'reach-final'));
    await page.context().close();
  });

  it('follows a drag from 20% to 80% of its width, and pauses a playing replay', async () => {
    const page = await openPaused();
    const { min, max } = await timelineSpan(page);
    await page.getByRole('button', { name: 'Play' }).click();
    const from = await chartPoint(page, 0.2);
    const to = await chartPoint(page, 0.8);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    expect(await page.getByRole('button', { name: 'Play' }).count()).toBe(1);
    const atStart = await timeShown(page);
    expect(Math.abs((atStart - min) / (max - min) - 0.2)).toBeLessThan(0.05);
    const seen: number[] = [];
    for (let i = 1; i <= 6; i++) {
      await page.mouse.move(from.x + ((to.x - from.x) * i) / 6, from.y);
      seen.push(await timeShown(page));
    }
    // Past the chart's bottom edge the drag still seeks: the pointer is captured.
    await page.mouse.move(to.x, to.y + 200);
    await page.mouse.up();
    const atEnd = await timeShown(page);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(new Set(seen).size).toBeGreaterThan(3);
    expect(atEnd).toBeGreaterThan(atStart);
    expect(Math.abs((atEnd - min) / (max - min) - 0.8)).toBeLessThan(0.05);
    // Moving after the release seeks no more.
    await page.mouse.move(from.x, from.y);
    expect(await timeShown(page)).toBe(atEnd);
    await page.context().close();
  });
});
