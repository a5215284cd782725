import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { artifactPath, decodePng, dropFile, launchBrowser, readNumber } from './browser';

// The first five minutes of someone who opens Wordspread from a link, found by roles and names only
// (test ids just read the figures, as a person reads the cards).

const ROOT = path.resolve(__dirname, '../..');
const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');
const DIST = path.resolve(ROOT, process.env.WORDSPREAD_DIST ?? 'dist');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function newcomer(options: { colorScheme?: 'light' | 'dark'; suffix?: string } = {}) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !/GPU stall due to ReadPixels/.test(message.text()))
      errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(inject('baseUrl') + (options.suffix ?? ''));
  return { context, page, errors };
}

async function ready(page: Page): Promise<void> {
  await page.getByTestId('load-status').filter({ hasText: 'ready' }).waitFor({ timeout: 60_000 });
}

function explanation(page: Page) {
  return page.getByRole('region', { name: 'What you are seeing' });
}

describe('the first five minutes', () => {
  it('reads the explanation, plays the spread, opens the gallery, drops a file and exports', async () => {
    const { context, page, errors } = await newcomer();
    await ready(page);

    // Read: the explanation names the origin and her hard network, with the figures on screen.
    const region = explanation(page);
    await expect.poll(() => region.textContent()).toMatch(/Sylvia told \d+ people/);
    for (const term of ['Origin', 'Hard network', 'Delivery', 'Soft network', 'Worth']) {
      expect(await region.getByRole('term').filter({ hasText: term }).count()).toBe(1);
    }

    // Play to the end: the sentence speaks in the past, with the same numbers as the cards.
    await page.getByRole('button', { name: 'Restart' }).click();
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('16');
    if ((await page.getByRole('button', { name: 'Pause' }).count()) === 0)
      await page.getByRole('button', { name: 'Play' }).click();
    await page.getByRole('button', { name: 'Play' }).waitFor({ timeout: 60_000 });
    const hard = await readNumber(page, 'reach-hard');
    const soft = await readNumber(page, 'reach-soft');
    const sentence = await region.getByRole('paragraph').first().textContent();
    expect(sentence).toMatch(new RegExp(`^Sylvia told \\d+ people; ${hard} got it; `));
    if (soft > 0) expect(sentence).toContain(`carried it to ${soft} more`);
    expect(sentence).toContain(
      `${await page.getByTestId('amplification').textContent()} amplification`,
    );

    // Skip it: it stays hidden on the next visit, and comes back on request.
    await region.getByRole('button', { name: 'Hide explanation' }).click();
    await expect.poll(() => region.getByRole('term').count()).toBe(0);
    await page.reload();
    await ready(page);
    const toggle = explanation(page).getByRole('button', { name: 'Show explanation' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    await explanation(page).getByRole('term').first().waitFor();

    // Each figure says how it is computed.
    await page.getByRole('button', { name: 'How amplification is computed' }).click();
    await expect
      .poll(() => page.getByRole('group').filter({ hasText: 'How these figures' }).count())
      .toBeGreaterThanOrEqual(0);
    await expect.poll(() => page.getByText(/Total reach ÷ \(origins/).isVisible()).toBe(true);

    // The gallery: a picture and a sentence per sample, and the way to one's own files.
    await page.getByRole('button', { name: 'Samples', exact: true }).click();
    const gallery = page.getByRole('dialog', { name: 'Samples' });
    for (const sample of [
      'High-school friendships',
      'A hashtag replay',
      'Les Misérables',
      'A bigger network',
    ]) {
      const button = gallery.getByRole('button', { name: new RegExp(sample) });
      expect(await button.count()).toBe(1);
      const width = await button.locator('img').evaluate(async (img: HTMLImageElement) => {
        await img.decode().catch(() => undefined);
        return img.naturalWidth;
      });
      expect(width, `${sample} has a thumbnail`).toBeGreaterThan(100);
    }
    await gallery.getByRole('button', { name: 'What files can I use?' }).click();
    const formats = page.getByRole('dialog', { name: 'What files can I use?' });
    for (const format of ['GEXF', 'GraphML', 'Pajek', 'Mastodon', 'Bluesky', 'Twitter']) {
      expect(
        await formats.getByRole('heading', { name: new RegExp(format) }).count(),
      ).toBeGreaterThan(0);
    }
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      formats.getByRole('link', { name: 'edges.csv', exact: true }).click(),
    ]);
    // Saved under its own name: that is the name a person drops, and the exports are named after.
    const example = path.join(
      mkdtempSync(path.join(tmpdir(), 'wordspread-newcomer-')),
      'edges.csv',
    );
    await download.saveAs(example);
    expect(readFileSync(example, 'utf8')).toBe(
      readFileSync(path.join(ROOT, 'public/examples/edges.csv'), 'utf8'),
    );
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    // Their own data: the example they downloaded, dropped on the page.
    await dropFile(page, example);
    await expect.poll(() => readNumber(page, 'node-count')).toBe(5);
    await ready(page);
    await expect.poll(() => explanation(page).textContent()).toMatch(/Sylvia told 2 people/);

    // Export a picture of it.
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export image' }).click(),
    ]);
    expect(png.suggestedFilename()).toMatch(/^edges_t=.+\.png$/);
    const file = artifactPath('newcomer.png');
    await png.saveAs(file);
    expect(decodePng(readFileSync(file)).width).toBeGreaterThan(300);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('finds a drop target and the samples when a link leads nowhere', async () => {
    const { context, page } = await newcomer({ suffix: '?data=nothing-here.gexf' });
    await page.getByTestId('error-message').waitFor();
    const target = page.getByText('Drop a network or a file of posts here');
    await target.waitFor();
    await page.getByRole('button', { name: 'What files can I use?' }).click();
    await page.getByRole('dialog', { name: 'What files can I use?' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Try a sample' }).click();
    await page
      .getByRole('dialog', { name: 'Samples' })
      .getByRole('button', { name: /Les Misérables/ })
      .click();
    await expect.poll(() => readNumber(page, 'node-count')).toBe(77);
    expect(await target.count()).toBe(0);
    await context.close();
  });

  it('explains a hashtag replay in its own words', async () => {
    const { context, page } = await newcomer({ suffix: '?sample=hashtag-replay' });
    await ready(page);
    const timeline = page.getByRole('slider', { name: 'Timeline' });
    await timeline.fill(String(await timeline.getAttribute('max')));
    const headline = await explanation(page).getByRole('paragraph').first().textContent();
    const hard = await readNumber(page, 'reach-hard');
    const soft = await readNumber(page, 'reach-soft');
    expect(headline).toMatch(
      new RegExp(
        `posted #\\w+ first; ${hard} picked it up straight from them; ${soft} more from others`,
      ),
    );
    expect(await explanation(page).getByRole('term').filter({ hasText: 'Outside' }).count()).toBe(
      1,
    );
    await context.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`saves a README screenshot in the ${colorScheme} theme`, async () => {
      const { context, page } = await newcomer({ colorScheme });
      await ready(page);
      await expect
        .poll(() => page.getByTestId('layout-status').textContent(), { timeout: 60_000 })
        .toMatch(/converged|stopped/);
      await page.getByRole('slider', { name: 'Worth' }).fill('0.3');
      await page.getByRole('button', { name: 'Restart' }).click();
      await page.getByRole('button', { name: 'Pause' }).click();
      const timeline = page.getByRole('slider', { name: 'Timeline' });
      const start = Number(await timeline.getAttribute('min'));
      const end = Number(await timeline.getAttribute('max'));
      await timeline.fill(String(start + (end - start) * 0.6));
      const background = await page.evaluate(
        () => getComputedStyle(document.documentElement).backgroundColor,
      );
      // The page follows the system: dark stays dark, light stays light.
      const [r, , , alpha = 1] = background.match(/[\d.]+/g)!.map(Number);
      expect(alpha).toBe(1);
      if (colorScheme === 'dark') expect(r).toBeLessThan(60);
      else expect(r).toBeGreaterThan(200);
      // The side panel scrolled to the sliders; a newcomer first sees its top, the explanation.
      await page.evaluate(() => document.querySelector('aside')?.scrollTo(0, 0));
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOTS, `newcomer-${colorScheme}.png`) });
      await context.close();
    });
  }
});

/** Serves the built folder under a deep sub-path, as a project page would, and nothing else. */
function serveUnder(prefix: string): Promise<Server> {
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.json': 'application/json',
    '.jpg': 'image/jpeg',
    '.gz': 'application/gzip',
  };
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    if (!url.pathname.startsWith(prefix)) return void response.writeHead(404).end();
    const relative = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
    const file = path.join(DIST, path.normalize(relative));
    if (!file.startsWith(DIST) || !existsSync(file) || !statSync(file).isFile())
      return void response.writeHead(404).end();
    response.writeHead(200, {
      'content-type': types[path.extname(file)] ?? 'application/octet-stream',
    });
    response.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('deployed on a sub-path', () => {
  let server: Server;
  let context: BrowserContext;
  beforeAll(async () => {
    server = await serveUnder('/deep/sub/path/');
  });
  afterAll(async () => {
    await context?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('runs from the sub-path, then opens offline from what the service worker kept', async () => {
    const { port } = server.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}/deep/sub/path/`;
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const outside: string[] = [];
    context.on('request', (request) => {
      if (!request.url().startsWith(base)) outside.push(request.url());
    });
    await page.goto(base);
    await ready(page);
    expect(await readNumber(page, 'node-count')).toBe(134);
    // The workers started from the sub-path too: the layout runs and the spread plays.
    await expect
      .poll(() => page.getByTestId('layout-status').textContent(), { timeout: 60_000 })
      .not.toBe('idle');
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(base);

    await context.setOffline(true);
    await page.goto(`${base}?sample=les-miserables`);
    await ready(page);
    expect(await readNumber(page, 'node-count')).toBe(77);
    await context.setOffline(false);
    // Neither the app nor its service worker fetched anything but the app's own files.
    expect(outside).toEqual([]);
  });
});
