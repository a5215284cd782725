import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DATASETS, dropFile, launchBrowser, readNumber } from './browser';

/**
 * Sessions survive a reload: a reload of the same page (same browser profile, so the same
 * IndexedDB) offers the last session, and Restore brings back the dataset, scenario, drawing, moment
 * and camera. Broken or missing storage gives a message and the app still works.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Handle {
  wordspread: {
    nodePosition(id: string): { x: number; y: number } | null;
    sessionSavedAt(): number | null;
  };
}

async function newContext(init?: (context: BrowserContext) => Promise<unknown>): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await init?.(context);
  return context.newPage();
}

async function open(page: Page, suffix = ''): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(inject('baseUrl') + suffix);
  await ready(page);
  return errors;
}

async function ready(page: Page): Promise<void> {
  await page.getByTestId('load-status').filter({ hasText: 'ready' }).waitFor();
}

async function pause(page: Page): Promise<void> {
  if ((await page.getByRole('button', { name: 'Pause' }).count()) > 0)
    await page.getByRole('button', { name: 'Pause' }).click();
}

const savedAt = (page: Page) =>
  page.evaluate(() => (window as unknown as Handle).wordspread.sessionSavedAt());
const nodePosition = (page: Page, id: string) =>
  page.evaluate((id) => (window as unknown as Handle).wordspread.nodePosition(id), id);

/**
 * Waits until everything changed so far is saved: a save has landed and no other follows for longer
 * than the throttle's delay (about a second on these graphs), so none was pending.
 */
async function saveSettled(page: Page): Promise<void> {
  let last = await savedAt(page);
  for (let tries = 0; tries < 20; tries++) {
    await page.waitForTimeout(1500);
    const now = await savedAt(page);
    if (now !== null && now === last) return;
    last = now;
  }
  throw new Error('the session kept changing or was never saved');
}

const offer = (page: Page) => page.getByTestId('restore-offer');

describe('sessions across a reload', () => {
  it('restores a dropped file with its scenario, moment, drawing and camera', async () => {
    const page = await newContext();
    const errors = await open(page);
    await dropFile(page, path.join(DATASETS, 'graphml/newman_karate.graphml'));
    await expect.poll(() => readNumber(page, 'node-count')).toBe(34);
    await ready(page);
    await pause(page);
    await page.getByRole('slider', { name: 'Worth' }).fill('0.35');
    await page.getByRole('button', { name: 'New seed' }).click();
    const timeline = page.getByRole('slider', { name: 'Timeline' });
    const middle =
      (Number(await timeline.getAttribute('min')) + Number(await timeline.getAttribute('max'))) / 2;
    await timeline.fill(String(middle));
    // Zoom in, so the camera is not the default one.
    await page.mouse.move(400, 300);
    await page.mouse.wheel(0, -400);
    await page.waitForTimeout(600);
    const time = Number(await page.getByTestId('timeline-time').getAttribute('data-time'));
    const reach = await readNumber(page, 'reach-total');
    const origin = await page.getByTestId('origin-name').textContent();
    const drawnAt = await nodePosition(page, 'n1');
    await saveSettled(page);

    await page.reload();
    await ready(page);
    // The page opened the default sample; the saved session waits for a click.
    await offer(page).waitFor();
    expect(await offer(page).textContent()).toMatch(
      /Restore your last session \(newman_karate\.graphml, saved today at .+\)\?/,
    );
    expect(await readNumber(page, 'node-count')).toBe(134);
    await page.getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => readNumber(page, 'node-count')).toBe(34);
    await ready(page);
    expect(await offer(page).count()).toBe(0);
    expect(Number(await page.getByRole('slider', { name: 'Worth' }).inputValue())).toBe(0.35);
    expect(Number(await page.getByTestId('timeline-time').getAttribute('data-time'))).toBeCloseTo(
      time,
      6,
    );
    expect(await readNumber(page, 'reach-total')).toBe(reach);
    expect(await page.getByTestId('origin-name').textContent()).toBe(origin);
    // Same positions and same camera: the node is drawn at the same place on screen.
    const restoredAt = await nodePosition(page, 'n1');
    expect(restoredAt!.x).toBeCloseTo(drawnAt!.x, 0);
    expect(restoredAt!.y).toBeCloseTo(drawnAt!.y, 0);
    expect(await page.getByTestId('layout-status').textContent()).not.toMatch(/settling/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('restores a hashtag replay: the hashtag followed and the "what if" mode', async () => {
    const page = await newContext();
    const errors = await open(page, '?sample=hashtag-replay');
    await pause(page);
    const hashtag = page.getByRole('combobox', { name: 'Hashtag' });
    const options = await hashtag
      .locator('option')
      .evaluateAll((nodes) => nodes.map((node) => (node as HTMLOptionElement).value));
    expect(options.length).toBeGreaterThan(1);
    await hashtag.selectOption(options[1]);
    await page.getByRole('radio', { name: 'Simulated (what if)' }).check();
    await pause(page);
    const origin = await page.getByTestId('origin-name').textContent();
    await saveSettled(page);

    await page.goto(inject('baseUrl'));
    await ready(page);
    await offer(page).waitFor();
    await page.getByRole('button', { name: 'Restore' }).click();
    await page.locator('header').getByText('blacklivesmatter-tweets.jsonl.gz').waitFor();
    await ready(page);
    expect(await page.getByRole('radio', { name: 'Simulated (what if)' }).isChecked()).toBe(true);
    expect(await hashtag.inputValue()).toBe(options[1]);
    expect(await page.getByTestId('origin-name').textContent()).toBe(origin);
    // The link to the sample is back in the address, so the page still shares.
    expect(page.url()).toContain('sample=hashtag-replay');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('never lets an old session override a link; Dismiss and New session forget it', async () => {
    const page = await newContext();
    const errors = await open(page, '?sample=les-miserables');
    await pause(page);
    await page.getByRole('slider', { name: 'Worth' }).fill('0.6');
    await saveSettled(page);

    await page.goto(`${inject('baseUrl')}?sample=school-network`);
    await ready(page);
    await offer(page).waitFor();
    expect(await offer(page).textContent()).toContain('les-miserables.json');
    // The link's dataset is on screen, with its own scenario.
    expect(await readNumber(page, 'node-count')).toBe(134);
    expect(await page.locator('header').textContent()).toContain('school-network.gexf');
    await page.getByRole('button', { name: 'Dismiss' }).click();
    expect(await offer(page).count()).toBe(0);
    await saveSettled(page);

    // Dismissed: the session on screen (the school network) is the one kept now.
    await page.reload();
    await ready(page);
    await offer(page).waitFor();
    expect(await offer(page).textContent()).toContain('school-network.gexf');
    await page.getByRole('button', { name: 'New session' }).click();
    expect(await offer(page).count()).toBe(0);
    await ready(page);
    expect(Number(await page.getByRole('slider', { name: 'Worth' }).inputValue())).toBe(0.25);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('discards a corrupt record with a message, and the app works', async () => {
    const page = await newContext();
    await open(page);
    // A record no version of the app wrote: markup in the name, a time that is not a number.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('wordspread');
          request.onupgradeneeded = () => request.result.createObjectStore('session');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const tx = request.result.transaction('session', 'readwrite');
            tx.objectStore('session').put(
              {
                version: 1,
                id: 'x',
                name: '<img src=x onerror="window.pwned=1">',
                savedAt: 'yesterday',
                source: { type: 'link', url: 'javascript:alert(1)', name: 'x', query: '' },
              },
              'dataset',
            );
            tx.oncomplete = () => {
              request.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.reload();
    await ready(page);
    const notice = page.getByTestId('session-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(
      /Your last session could not be restored: the saved dataset has no time\. It was discarded/,
    );
    expect(await offer(page).count()).toBe(0);
    expect(await page.evaluate(() => 'pwned' in window)).toBe(false);
    expect(await readNumber(page, 'node-count')).toBe(134);
    // Discarded, and the current session is saved in its place.
    await saveSettled(page);
    await page.reload();
    await ready(page);
    await offer(page).waitFor();
    expect(await offer(page).textContent()).toContain('school-network.gexf');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('works without IndexedDB (a private window) and says sessions are not kept', async () => {
    const page = await newContext((context) =>
      context.addInitScript(() => {
        Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
      }),
    );
    const errors = await open(page);
    const notice = page.getByTestId('session-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/does not let the app store anything/);
    await pause(page);
    await page.getByRole('slider', { name: 'Worth' }).fill('0.6');
    await expect.poll(() => readNumber(page, 'reach-total')).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('says so when the storage is full, and the app goes on', async () => {
    const page = await newContext((context) =>
      context.addInitScript(() => {
        IDBObjectStore.prototype.put = function () {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
      }),
    );
    const errors = await open(page);
    const notice = page.getByTestId('session-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/storage for this site is full/);
    await page.getByRole('button', { name: 'Dismiss storage notice' }).click();
    expect(await notice.count()).toBe(0);
    await dropFile(page, path.join(DATASETS, 'graphml/newman_karate.graphml'));
    await expect.poll(() => readNumber(page, 'node-count')).toBe(34);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
