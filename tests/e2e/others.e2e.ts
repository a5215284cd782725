import { writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { artifactPath, dropFile, launchBrowser, openApp, readNumber } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const panel = (page: Page) => page.getByRole('region', { name: 'Find the others' });

async function playToEnd(page: Page): Promise<void> {
  await page.getByLabel('Speed').selectOption('16');
  if ((await page.getByRole('button', { name: 'Pause' }).count()) === 0) {
    await page.getByRole('button', { name: 'Play' }).click();
  }
  await page.getByRole('button', { name: 'Play' }).waitFor({ timeout: 60_000 });
}

describe('find the others in Les Misérables', () => {
  it('searching "Valjean" shows his card', async () => {
    const { page, errors } = await openApp(browser, '?sample=les-miserables');
    expect(await readNumber(page, 'node-count')).toBe(77);
    await page.getByRole('searchbox', { name: 'Search' }).fill('Valjean');
    const results = panel(page).getByRole('list', { name: 'Search results' });
    await results
      .getByRole('button', { name: /Valjean/ })
      .first()
      .click();
    await expect.poll(() => page.getByTestId('node-card').textContent()).toContain('Valjean');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('find the others in a hashtag dataset', () => {
  it('groups people by city and by their own hashtag', async () => {
    const { page, errors } = await openApp(browser, '?sample=hashtag-replay');
    const groupBy = panel(page).getByLabel('Group by');
    const options = await groupBy.locator('option').allTextContents();
    expect(options).toContain('city');
    expect(options).toContain('hashtag');
    await groupBy.selectOption('hashtag');
    const groups = panel(page).getByRole('list', { name: 'Groups of hashtag' });
    const names = await groups.getByRole('button').allTextContents();
    expect(names.length).toBeGreaterThan(1);
    for (const name of names) expect(name.trim()).toMatch(/^#\S+ \d+$/);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('find the others on the school network', () => {
  it('finds Sylvia despite a typo and shows her card', async () => {
    const { page, errors } = await openApp(browser);
    await page.getByRole('searchbox', { name: 'Search' }).fill('sylvai');
    const results = panel(page).getByRole('list', { name: 'Search results' });
    await results.getByRole('button', { name: /Sylvia/ }).click();
    await expect.poll(() => page.getByTestId('node-card').textContent()).toContain('Sylvia');
    // Her classmates, nearest first.
    await expect
      .poll(() => page.getByTestId('others-like').textContent())
      .toMatch(/Others like Sylvia.*ties? away/s);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('highlights every match of a class at once', async () => {
    const { page, errors } = await openApp(browser);
    await page.getByRole('searchbox', { name: 'Search' }).fill('MP');
    await panel(page)
      .getByRole('button', { name: /Highlight all \d+/ })
      .click();
    // The 21 of MP, and MP*1 (3) and MP*2 (7): "*" is not part of a word.
    expect(await readNumber(page, 'highlight-count')).toBe(31);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('colours by class with its legend, and a group highlights its members', async () => {
    const { page, errors } = await openApp(browser);
    await panel(page).getByLabel('Group by').selectOption('class');
    await panel(page).getByRole('checkbox', { name: 'Colour the graph' }).check();
    const legend = page.locator('div[aria-label="Legend"]');
    await expect.poll(() => legend.textContent()).toContain('class');
    for (const name of ['MP', 'PC', '2BIO1']) expect(await legend.textContent()).toContain(name);
    const groups = panel(page).getByRole('list', { name: 'Groups of class' });
    const mp = groups.getByRole('button', { name: /^MP \d+$/ });
    await mp.click();
    expect(await mp.getAttribute('aria-pressed')).toBe('true');
    expect(await readNumber(page, 'highlight-count')).toBe(21);
    await panel(page).getByRole('button', { name: 'Clear highlight' }).click();
    expect(await mp.getAttribute('aria-pressed')).toBe('false');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('finds tribes with a modularity, colours by community, and lists bridges', async () => {
    const { page, errors } = await openApp(browser);
    await panel(page).getByRole('button', { name: 'Find tribes' }).click();
    const modularity = Number(await page.getByTestId('modularity').textContent());
    expect(modularity).toBeGreaterThan(0.3);
    // 329 students: every one of them is a source of shortest paths.
    expect(await page.getByTestId('bridges-method').textContent()).toMatch(
      /ranked by betweenness \(shortest paths/,
    );
    expect(modularity).toBeLessThan(1);
    await panel(page).getByRole('button', { name: 'Colour by community' }).click();
    await expect
      .poll(() => page.locator('div[aria-label="Legend"]').textContent())
      .toContain('tribe 1');
    expect(await page.getByTestId('bridges').getByRole('listitem').count()).toBeGreaterThan(3);
    await panel(page).getByRole('button', { name: 'Mark bridges' }).click();
    // "start here" on the first bridge makes them the origin.
    const first = page.getByTestId('bridges').getByRole('listitem').first();
    const name = (await first.getByRole('button').first().textContent())!.split('·')[0].trim();
    await first.getByRole('button', { name: 'start here' }).click();
    await expect.poll(() => page.getByTestId('origin-name').textContent()).toContain(name);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('asks whom Sylvia should tell to reach another tribe, and tells them too', async () => {
    const { page, errors } = await openApp(browser);
    await panel(page).getByRole('button', { name: 'Find tribes' }).click();
    const near = panel(page).getByRole('list', {
      name: 'Contacts of the origin who reach other tribes',
    });
    await near.getByRole('listitem').first().waitFor();
    expect(await panel(page).textContent()).toContain(
      'Who should Sylvia tell to reach another tribe?',
    );
    await near.getByRole('button', { name: 'tell too' }).first().click();
    // She and that contact are both origins now: the first row of the spread is two origins.
    await expect.poll(() => page.getByTestId('origin-name').textContent()).toContain('Sylvia');
    await expect
      .poll(() => near.getByRole('button', { name: 'tell too' }).count())
      .toBeLessThan(await near.getByRole('listitem').count());
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('tables each class’s reach, adding up to the final reach', async () => {
    const { page, errors } = await openApp(browser);
    await panel(page).getByLabel('Group by').selectOption('class');
    await playToEnd(page);
    const final = await readNumber(page, 'reach-final');
    expect(await readNumber(page, 'reach-total')).toBe(final);
    const table = page.getByTestId('group-reach');
    const rows = table.locator('tbody tr');
    const reached = await rows.evaluateAll((trs) =>
      trs.map((tr) => Number(tr.getAttribute('data-reached'))),
    );
    expect(reached.reduce((a, b) => a + b, 0)).toBe(final);
    const names = await rows.locator('th').allTextContents();
    const classes = ['2BIO1', '2BIO2', '2BIO3', 'MP', 'MP*1', 'MP*2', 'PC', 'PC*', 'PSI*'];
    expect(names.every((n) => classes.includes(n.trim()))).toBe(true);
    const shares = await rows.locator('td:nth-child(4)').allTextContents();
    for (const share of shares) expect(share).toMatch(/^\d+%$/);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

/**
 * A network just big enough that betweenness is sampled and takes a few seconds in the worker,
 * and light to draw: 4 rings of 1,000 people with 200 chords each, and 100 ties across (seeded).
 */
function ringsNetworkCsv(): string {
  let state = 20261125;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const rings = 4;
  const size = 1000;
  const lines = ['source,target'];
  for (let r = 0; r < rings; r++) {
    const at = (k: number) => `p${r * size + (k % size)}`;
    for (let k = 0; k < size; k++) lines.push(`${at(k)},${at(k + 1)}`);
    for (let c = 0; c < 200; c++) {
      const k = Math.floor(random() * size);
      lines.push(`${at(k)},${at(k + 2 + Math.floor(random() * 50))}`);
    }
  }
  for (let c = 0; c < 100; c++) {
    const a = Math.floor(random() * rings * size);
    const b = Math.floor(random() * rings * size);
    if (a !== b) lines.push(`p${a},p${b}`);
  }
  return lines.join('\n') + '\n';
}

describe('tribes and bridges in the others worker', () => {
  const file = artifactPath('rings-4000.csv');
  beforeAll(() => writeFileSync(file, ringsNetworkCsv()));

  async function openPlanted(): Promise<{ page: Page; errors: string[] }> {
    const app = await openApp(browser);
    await dropFile(app.page, file);
    await expect.poll(() => readNumber(app.page, 'node-count'), { timeout: 60_000 }).toBe(4000);
    await app.page.getByTestId('load-status').filter({ hasText: 'ready' }).waitFor();
    // Software WebGL redraws take seconds a frame here: hold the layout and the replay still, so
    // the main thread is free to show the worker's progress.
    const freeze = app.page.getByRole('button', { name: 'Freeze layout' });
    if ((await freeze.count()) > 0) await freeze.click();
    const pause = app.page.getByRole('button', { name: 'Pause' });
    if ((await pause.count()) > 0) await pause.click();
    return app;
  }

  const status = (page: Page) => panel(page).getByTestId('tribes-status');

  /** Every text the progress line shows, caught as it renders (polling could miss some). */
  async function recordStatus(page: Page): Promise<() => Promise<string[]>> {
    await page.evaluate(() => {
      const log: string[] = [];
      (window as unknown as { tribesLog: string[] }).tribesLog = log;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="tribes-status"]')?.textContent?.trim();
        if (text && text !== log.at(-1)) log.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    return () => page.evaluate(() => (window as unknown as { tribesLog: string[] }).tribesLog);
  }

  it('shows progress, and Cancel stops the job and keeps the tribes found before', async () => {
    const { page, errors } = await openPlanted();
    const tribes = panel(page);
    // Cancelled before anything was found: back to where we started.
    await tribes.getByRole('button', { name: 'Find tribes' }).click();
    expect(await status(page).textContent()).toMatch(/Finding tribes…/);
    expect(
      await tribes.getByRole('progressbar', { name: 'Progress of finding tribes' }).count(),
    ).toBe(1);
    // Straight to the button: waiting for it to be "stable" takes frames, which software WebGL
    // makes seconds long, and the job would be over.
    await tribes.getByRole('button', { name: 'Cancel' }).dispatchEvent('click');
    expect(await status(page).count()).toBe(0);
    expect(await page.getByTestId('modularity').count()).toBe(0);
    await tribes.getByRole('button', { name: 'Find tribes' }).waitFor();

    // A fresh worker finds them: Louvain, then betweenness with rising progress, then the result,
    // which says betweenness was sampled.
    const statusLog = await recordStatus(page);
    await tribes.getByRole('button', { name: 'Find tribes' }).click();
    await page.getByTestId('modularity').waitFor({ timeout: 90_000 });
    const log = await statusLog();
    expect(log[0]).toBe('Finding tribes…');
    const shares = log.slice(1).map((text) => Number(/^Finding bridges… (\d+)%$/.exec(text)?.[1]));
    expect(shares.length).toBeGreaterThan(0);
    for (let i = 0; i < shares.length; i++) {
      expect(shares[i]).toBeGreaterThanOrEqual(i === 0 ? 0 : shares[i - 1]);
      expect(shares[i]).toBeLessThanOrEqual(100);
    }
    const modularity = await page.getByTestId('modularity').textContent();
    expect(Number(modularity)).toBeGreaterThan(0.5);
    expect(await page.getByTestId('bridges-method').textContent()).toMatch(
      /estimated from the shortest paths of [\d,]+ of 4,000 people/,
    );
    const bridges = await page.getByTestId('bridges').getByRole('listitem').allTextContents();
    expect(bridges.length).toBeGreaterThan(3);

    // Finding them again, cancelled: the tribes and bridges found before stay as they were.
    await tribes.getByRole('button', { name: 'Find tribes again' }).click();
    await tribes.getByRole('button', { name: 'Cancel' }).dispatchEvent('click');
    expect(await status(page).count()).toBe(0);
    expect(await page.getByTestId('modularity').textContent()).toBe(modularity);
    expect(await page.getByTestId('bridges').getByRole('listitem').allTextContents()).toEqual(
      bridges,
    );
    await tribes.getByRole('button', { name: 'Colour by community' }).click();
    await expect
      .poll(() => page.locator('div[aria-label="Legend"]').textContent())
      .toContain('tribe 1');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('says so when the worker fails, and the app keeps working', async () => {
    // No service worker: it would serve the worker script from its cache, past the route.
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.route(/others\.worker[^/]*\.js/, (route) => route.fulfill({ status: 404 }));
    await page.goto(inject('baseUrl'));
    await page.getByTestId('load-status').filter({ hasText: 'ready' }).waitFor();
    await panel(page).getByRole('button', { name: 'Find tribes' }).click();
    await expect
      .poll(() => panel(page).getByRole('alert').textContent(), { timeout: 30_000 })
      .toMatch(/Could not find tribes/);
    // Searching still works, and trying again is offered.
    await page.getByRole('searchbox', { name: 'Search' }).fill('Sylvia');
    await panel(page)
      .getByRole('list', { name: 'Search results' })
      .getByRole('button')
      .first()
      .waitFor();
    expect(await panel(page).getByRole('button', { name: 'Find tribes' }).count()).toBe(1);
    await context.close();
  });
});
