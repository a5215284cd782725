import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  longestTaskUntilBuilt,
  openApp,
  readNumber,
  watchLongTasks,
} from './browser';

/** A Gephi-like GEXF of about 20 MB: 20,000 people with ten text attributes, 30,000 ties. */
function bigGexf(): string {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const nodes = 20_000;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3">',
  ];
  out.push('<graph defaultedgetype="undirected"><attributes class="node">');
  for (let a = 0; a < 10; a++)
    out.push(`<attribute id="a${a}" title="attribute ${a}" type="string"/>`);
  out.push('</attributes><nodes>');
  for (let i = 0; i < nodes; i++) {
    out.push(`<node id="n${i}" label="Person number ${i} of the generated network"><attvalues>`);
    for (let a = 0; a < 10; a++) {
      out.push(
        `<attvalue for="a${a}" value="value ${Math.floor(random() * 1000)} of attribute ${a}, with some more text to weigh"/>`,
      );
    }
    out.push('</attvalues></node>\n');
  }
  out.push('</nodes><edges>');
  for (let e = 0; e < 30_000; e++) {
    out.push(
      `<edge source="n${Math.floor(random() * nodes)}" target="n${Math.floor(random() * nodes)}"/>\n`,
    );
  }
  out.push('</edges></graph></gexf>\n');
  return out.join('');
}

let browser: Browser;
let file: string;
beforeAll(async () => {
  browser = await launchBrowser();
  file = path.join(mkdtempSync(path.join(tmpdir(), 'wordspread-')), 'big-network.gexf');
  writeFileSync(file, bigGexf());
});
afterAll(async () => {
  await browser?.close();
});

describe('a 20 MB file', () => {
  it('loads with a progress bar and no main-thread task over 100 ms', async () => {
    expect(statSync(file).size).toBeGreaterThan(19_000_000);
    const { page } = await openApp(browser);
    const start = await watchLongTasks(page);
    await page.getByLabel('Open dataset').setInputFiles(file);
    await page.getByRole('status').filter({ hasText: 'Loading big-network.gexf' }).waitFor();
    expect(await page.getByRole('button', { name: 'Cancel' }).isVisible()).toBe(true);
    await page.waitForFunction(
      () => performance.getEntriesByName('wordspread:dataset-built').length > 0,
      null,
      {
        timeout: 60_000,
      },
    );
    const longest = await longestTaskUntilBuilt(page, start);
    expect(longest).toBeLessThan(100);
    await expect.poll(() => readNumber(page, 'node-count'), { timeout: 60_000 }).toBe(20_000);
    await page.context().close();
  });

  it('can be cancelled, keeping the dataset that was there', async () => {
    const { page } = await openApp(browser);
    await page.getByLabel('Open dataset').setInputFiles(file);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByTestId('load-status').textContent()).toBe('ready');
    expect(await readNumber(page, 'node-count')).toBe(134);
    expect(await page.locator('header').textContent()).toContain('school-network.gexf');
    await page.context().close();
  });
});
