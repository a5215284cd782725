import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, readNumber } from './browser';

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
