import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDataset } from '../../src/core/io/parse';
import { artifactPath, dropFile, dropFiles, launchBrowser, openApp, readNumber } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function exportData(page: Page, title: RegExp, saveAs: string): Promise<string> {
  await page.getByRole('button', { name: 'Export data' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: title }).click(),
  ]);
  const file = artifactPath(saveAs);
  await download.saveAs(file);
  expect(download.suggestedFilename()).toMatch(/^school-network_/);
  return file;
}

/** Plays the default spread to its end and returns its final reach. */
async function finishedSpread(page: Page): Promise<number> {
  await page.getByRole('slider', { name: 'Timeline' }).fill('1000000');
  return readNumber(page, 'reach-final');
}

describe('export data', () => {
  it('exports GEXF and graphology JSON that re-import with the same counts and adoption times', async () => {
    const { page } = await openApp(browser);
    const reached = await finishedSpread(page);
    for (const [title, name] of [
      [/GEXF/, 'school-network_spread.gexf'],
      [/graphology JSON/, 'school-network_spread.json'],
    ] as const) {
      const file = await exportData(page, title, name);
      const payload = parseDataset(new Uint8Array(readFileSync(file)), name);
      const adopted = payload.nodeAttributes.filter((a) => typeof a['adoption time'] === 'number');
      expect(adopted.length).toBe(reached);
      await dropFile(page, file);
      await page.locator('header').getByText(name).waitFor();
      expect(await readNumber(page, 'node-count')).toBe(134);
      expect(await readNumber(page, 'edge-count')).toBe(668);
      await page.getByRole('button', { name: 'Samples' }).click();
      await page.getByRole('button', { name: /High-school friendships/ }).click();
      await page.locator('header').getByText('school-network.gexf').waitFor();
      await finishedSpread(page);
    }
    await page.context().close();
  });

  it('exports the timeline as CSV, one row per adoption', async () => {
    const { page } = await openApp(browser);
    const reached = await finishedSpread(page);
    const file = await exportData(page, /Timeline/, 'timeline.csv');
    const lines = readFileSync(file, 'utf8').trim().split(/\r?\n/);
    expect(lines[0]).toBe('time,node,label,via,channel');
    expect(lines.length - 1).toBe(reached);
    expect(lines[1]).toMatch(/^0,520,Sylvia,,origin$/);
    await page.context().close();
  });

  it('joins a node table and an edge table dropped together', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wordspread-'));
    const nodes = path.join(dir, 'people.csv');
    const edges = path.join(dir, 'ties.csv');
    writeFileSync(nodes, 'Id,Label,city\na,Ana,Lyon\nb,Bo,Lyon\nc,Cy,Nantes\nd,Di,Paris\n');
    writeFileSync(edges, 'Source,Target\na,b\nb,c\nc,d\na,d\nd,e\n');
    const { page } = await openApp(browser);
    await dropFiles(page, [edges, nodes]);
    await expect.poll(() => readNumber(page, 'node-count')).toBe(5);
    expect(await readNumber(page, 'edge-count')).toBe(5);
    // The edge to "e", missing from the node table, is repaired and said.
    expect(await page.getByText(/repair/).count()).toBeGreaterThan(0);
    await page.context().close();
  });
});
