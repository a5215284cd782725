import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createRng } from '../../src/core/spread/rng';
import { DATASETS, dropFile, launchBrowser, readNumber } from './browser';

/**
 * Each worker is made to fail, and the app must say what was lost, restart the worker, and keep the
 * dataset usable. The failure is injected from outside: the test serves the worker's own script with
 * a few lines in front that throw on a chosen message. Nothing in the shipped app can make a worker
 * throw on purpose, so no file or link can either.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Worker scripts are served fresh each time, so a restarted worker fetches them again. */
async function serveWorker(
  context: BrowserContext,
  worker: 'io' | 'layout' | 'spread',
  prefix: () => string | null,
): Promise<void> {
  await context.route(`**/assets/${worker}.worker-*.js`, async (route: Route) => {
    const response = await route.fetch();
    const body = await response.text();
    const injected = prefix();
    await route.fulfill({
      response,
      body: injected === null ? body : `${injected}\n${body}`,
      headers: { ...response.headers(), 'cache-control': 'no-store' },
    });
  });
}

/** Lines that make the worker throw, uncaught, on the first message that `condition` accepts. */
function throwWhen(condition: string, message: string): string {
  return `self.addEventListener('message', (event) => {
    const data = event.data;
    if (${condition}) { event.stopImmediatePropagation(); throw new Error(${JSON.stringify(message)}); }
  });`;
}

async function openWith(
  setUp: (context: BrowserContext) => Promise<void>,
): Promise<{ page: Page; errors: string[] }> {
  // No service worker: an offline cache would serve the worker scripts without asking the route.
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    serviceWorkers: 'block',
  });
  await setUp(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(inject('baseUrl'));
  await page.getByTestId('load-status').filter({ hasText: 'ready' }).waitFor();
  return { page, errors };
}

async function pause(page: Page): Promise<void> {
  if ((await page.getByRole('button', { name: 'Pause' }).count()) > 0)
    await page.getByRole('button', { name: 'Pause' }).click();
}

describe('worker failures', () => {
  it('a crashing file reader loses only that file; the next file loads', async () => {
    const { page, errors } = await openWith((context) =>
      serveWorker(context, 'io', () =>
        throwWhen(
          `data && data.type === 'parse' && data.files[0].name === 'karate.csv'`,
          'injected io failure',
        ),
      ),
    );
    expect(await readNumber(page, 'node-count')).toBe(134);
    // A file named like the trigger: the injected lines throw before the reader sees it.
    const trigger = path.join(mkdtempSync(path.join(tmpdir(), 'wordspread-')), 'karate.csv');
    writeFileSync(trigger, 'a,b\nb,c\n');
    await dropFile(page, trigger);
    const message = page.getByTestId('error-message');
    await message.waitFor();
    expect(await message.textContent()).toMatch(
      /karate\.csv: reading it was lost: the file reader worker crashed \(.*injected io failure.*\)\. The file reader was restarted/,
    );
    expect(await page.getByRole('alert').textContent()).toContain(
      'previous dataset is still loaded',
    );
    expect(await readNumber(page, 'node-count')).toBe(134);
    // The dataset on screen still plays.
    await page.getByRole('slider', { name: 'Timeline' }).fill('0');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => readNumber(page, 'reach-total')).toBeGreaterThan(1);
    // A fresh reader takes the next file.
    await dropFile(page, path.join(DATASETS, 'graphml/newman_karate.graphml'));
    await expect.poll(() => readNumber(page, 'node-count')).toBe(34);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a crashing layout worker keeps the drawing, restarts, and lays out again', async () => {
    // Armed after the first dataset is shown: only the worker of the next dataset fails, once.
    const plan = { crashes: 0 };
    const { page, errors } = await openWith((context) =>
      serveWorker(context, 'layout', () => {
        if (plan.crashes === 0) return null;
        plan.crashes--;
        return throwWhen(`data && data.type === 'start'`, 'injected layout failure');
      }),
    );
    plan.crashes = 1;
    await page.getByRole('button', { name: 'Samples' }).click();
    await page.getByRole('button', { name: /Les Misérables/ }).click();
    const message = page.getByTestId('error-message');
    await message.waitFor();
    expect(await message.textContent()).toMatch(
      /The layout worker crashed \(.*injected layout failure.*\): the layout in progress was lost.*restarted/,
    );
    expect(await readNumber(page, 'node-count')).toBe(77);
    // The restarted worker shows the drawing as it was and lays out again on request.
    await page.getByRole('button', { name: 'Re-layout' }).click();
    await expect
      .poll(async () => (await page.getByTestId('layout-status').textContent()) ?? '', {
        timeout: 30_000,
      })
      .toMatch(/running|converged|stopped/i);
    // The spread still answers: a worthier story reaches more people by the end.
    await pause(page);
    await page.getByRole('slider', { name: 'Worth' }).fill('0.9');
    const timeline = page.getByRole('slider', { name: 'Timeline' });
    await timeline.fill((await timeline.getAttribute('max')) ?? '0');
    await expect.poll(() => readNumber(page, 'reach-total')).toBeGreaterThan(5);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a crashing spread worker loses only that computation; the next one runs', async () => {
    const plan = { crash: true };
    const { page, errors } = await openWith((context) =>
      serveWorker(context, 'spread', () =>
        plan.crash ? throwWhen(`data && data.type === 'run'`, 'injected spread failure') : null,
      ),
    );
    await pause(page);
    const whatIf = page.getByRole('region', { name: 'What if' });
    await whatIf.getByLabel('Runs', { exact: true }).selectOption('100');
    await whatIf.getByRole('button', { name: 'Run spreads' }).click();
    const alert = whatIf.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toMatch(
      /Spread computation lost: the spread worker crashed \(.*injected spread failure.*\)\. The spread workers restart/,
    );
    expect(await readNumber(page, 'node-count')).toBe(134);
    plan.crash = false;
    await whatIf.getByRole('button', { name: 'Run spreads' }).click();
    await page.getByTestId('mc-mean').waitFor({ timeout: 60_000 });
    expect(await readNumber(page, 'mc-mean')).toBeGreaterThan(1);
    expect(await alert.count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('cancelling', () => {
  it('freezing a running layout leaves the drawing where it was', async () => {
    const { page, errors } = await openWith(async () => {});
    // A structureless random network: it lays out for its whole time budget (about 15 s) instead of
    // converging within a second as a real one may from our placement, so the freeze lands mid-run.
    const rng = createRng(3);
    const lines = Array.from({ length: 12_000 }, (_, e) => {
      const source = e < 3_000 ? e : Math.floor(3_000 * rng.next());
      return `${source} ${Math.floor(3_000 * rng.next())}`;
    });
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'wordspread-')), 'random-3000.txt');
    writeFileSync(file, lines.join('\n') + '\n');
    await dropFile(page, file);
    await expect.poll(() => readNumber(page, 'node-count'), { timeout: 30_000 }).toBe(3000);
    const status = page.getByTestId('layout-status');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/^settling… \d+%$/);
    // Dispatched: the panel redraws its progress every frame, which a pointer click may hit between.
    await page.getByRole('button', { name: 'Freeze layout' }).dispatchEvent('click');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe('paused');
    const where = () =>
      page.evaluate(() =>
        (
          window as unknown as {
            wordspread: { nodePosition(id: string): { x: number; y: number } | null };
          }
        ).wordspread.nodePosition('0'),
      );
    const frozen = await where();
    expect(frozen).not.toBeNull();
    await page.waitForTimeout(1000);
    expect(await where()).toEqual(frozen);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
