import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { DATASETS, dropFile, launchBrowser, readNumber } from './browser';

// Text that would run if it ever reached the page as markup rather than as text.
const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=2</script>';
const ATTRIBUTE = '<b onmouseover="window.__pwned=3">group</b>';

let browser: Browser;
let fixtures: string;
beforeAll(async () => {
  browser = await launchBrowser();
  fixtures = mkdtempSync(path.join(tmpdir(), 'wordspread-security-'));
});
afterAll(async () => {
  await browser?.close();
  if (fixtures) rmSync(fixtures, { recursive: true, force: true });
});

interface GuardedPage {
  page: Page;
  /** Console errors and uncaught exceptions (Chromium's GPU stall warnings filtered). */
  errors: string[];
  /** Every CSP violation the page reported, as "directive blocked-uri". */
  violations: () => Promise<string[]>;
}

/**
 * Opens the app with a `securitypolicyviolation` listener installed before any of its scripts run,
 * then waits for the default sample. Violations inside workers do not reach the document's listener,
 * but Chromium logs them to the console, where `errors` catches them.
 */
async function openGuarded(suffix = '', waitReady = true): Promise<GuardedPage> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { __cspViolations: seen });
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.effectiveDirective} ${event.blockedURI}`),
    );
  });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !/GPU stall due to ReadPixels/.test(message.text()))
      errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(inject('baseUrl') + suffix);
  if (waitReady) await page.getByTestId('load-status').filter({ hasText: 'ready' }).waitFor();
  const violations = () =>
    page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
  return { page, errors, violations };
}

async function playToEnd(page: Page): Promise<void> {
  await page.getByLabel('Speed').selectOption('16');
  if ((await page.getByRole('button', { name: 'Pause' }).count()) === 0) {
    await page.getByRole('button', { name: 'Play' }).click();
  }
  await page.getByRole('button', { name: 'Play' }).waitFor({ timeout: 60_000 });
}

/** Saves every data export once; returns the texts downloaded. */
async function exportAllData(page: Page): Promise<string[]> {
  const texts: string[] = [];
  for (const name of [/Timeline \(CSV\)/, /GEXF/, /graphology JSON/]) {
    await page.getByRole('button', { name: 'Export data' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('dialog').getByRole('button', { name }).click(),
    ]);
    texts.push(readFileSync((await download.path())!, 'utf8'));
  }
  return texts;
}

async function exportImage(page: Page): Promise<number> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export image' }).click(),
  ]);
  return readFileSync((await download.path())!).length;
}

/** Enumerable keys that something added to Object.prototype (prototype pollution). */
function pollution(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const keys: string[] = [];
    for (const key in {}) keys.push(key);
    const plain = {} as Record<string, unknown>;
    if (plain.polluted !== undefined && !keys.includes('polluted')) keys.push('polluted');
    return keys;
  });
}

function pwned(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
}

async function nodePosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  const box = (await page.getByTestId('graph').boundingBox())!;
  const at = await page.evaluate(
    (id) =>
      (
        window as unknown as {
          wordspread: { nodePosition(id: string): { x: number; y: number } | null };
        }
      ).wordspread.nodePosition(id),
    id,
  );
  expect(at, `node ${id} is drawn`).not.toBeNull();
  return { x: box.x + at!.x, y: box.y + at!.y };
}

const xml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Six people in a ring with chords; every label and the one attribute's values are markup. */
function hostileGexf(): string {
  const labels = [IMG, SCRIPT, IMG, SCRIPT, IMG, SCRIPT];
  const nodes = labels
    .map(
      (label, i) =>
        `<node id="n${i}" label="${xml(label)}"><attvalues>` +
        `<attvalue for="g" value="${xml(i % 2 ? SCRIPT : IMG)}"/></attvalues></node>`,
    )
    .join('\n      ');
  const pairs = [0, 1, 2, 3, 4, 5].flatMap((i) => [
    [i, (i + 1) % 6],
    [i, (i + 2) % 6],
  ]);
  const edges = pairs
    .map(([s, t], k) => `<edge id="e${k}" source="n${s}" target="n${t}"/>`)
    .join('\n      ');
  return `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="directed">
    <attributes class="node">
      <attribute id="g" title="${xml(ATTRIBUTE)}" type="string"/>
    </attributes>
    <nodes>
      ${nodes}
    </nodes>
    <edges>
      ${edges}
    </edges>
  </graph>
</gexf>
`;
}

describe('Content-Security-Policy in the running app', () => {
  it('reports no violation while opening, loading, laying out, playing, exporting and running spreads', async () => {
    const { page, errors, violations } = await openGuarded();
    expect(await readNumber(page, 'node-count')).toBe(134);

    await dropFile(page, path.join(DATASETS, 'gexf/gephi_les-miserables.gexf'));
    await expect.poll(() => readNumber(page, 'node-count')).toBe(77);
    await expect
      .poll(() => page.getByTestId('layout-status').textContent(), { timeout: 60_000 })
      .toMatch(/^(converged|stopped)$/);
    await playToEnd(page);
    expect(await exportImage(page)).toBeGreaterThan(1000);
    const [csv, gexf, json] = await exportAllData(page);
    expect(csv).toContain('Valjean');
    expect(gexf).toContain('<gexf');
    expect(JSON.parse(json).nodes).toHaveLength(77);

    await page.getByRole('button', { name: 'Run spreads' }).click();
    await page.getByTestId('mc-results').waitFor({ timeout: 60_000 });

    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('refuses a ?data= URL on another plain-http origin, with a message, and keeps working', async () => {
    // Same server, other origin (localhost vs 127.0.0.1): plain http elsewhere is outside connect-src.
    const other = new URL('samples/les-miserables.json', inject('baseUrl'));
    other.hostname = other.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const requests: string[] = [];
    const { page, violations } = await openGuarded(
      `?data=${encodeURIComponent(other.href)}`,
      false,
    );
    page.on('request', (request) => requests.push(request.url()));
    const message = page.getByTestId('error-message');
    await message.waitFor();
    expect(await message.textContent()).toContain('les-miserables.json');
    await expect.poll(violations).toContainEqual(expect.stringMatching(/^connect-src /));
    expect(requests.filter((url) => url.startsWith(other.origin))).toEqual([]);
    await page.context().close();
  });
});

describe('untrusted text stays text', () => {
  it('shows markup in labels, attribute names and values literally, and runs none of it', async () => {
    const file = path.join(fixtures, `${IMG.replace(/[/"]/g, '')}.gexf`);
    writeFileSync(file, hostileGexf());
    const { page, errors, violations } = await openGuarded();
    await dropFile(page, file);
    await expect.poll(() => readNumber(page, 'node-count')).toBe(6);
    expect(await readNumber(page, 'edge-count')).toBe(12);
    await playToEnd(page);

    // The card names the person exactly as the file spells it.
    for (const [id, label] of [
      ['n0', IMG],
      ['n1', SCRIPT],
    ]) {
      const at = await nodePosition(page, id);
      await page.mouse.move(at.x, at.y);
      const card = page.getByTestId('node-card');
      await expect.poll(() => card.locator('.name strong').textContent()).toBe(label);
      await page.mouse.click(at.x, at.y);
      await expect.poll(() => card.locator('.name strong').textContent()).toBe(label);
      expect(await card.locator('img, script, b').count()).toBe(0);
    }

    // Colouring by the attribute puts its name and values in the picker and the legend.
    const picker = page.getByLabel('Colour by');
    await picker.selectOption(ATTRIBUTE);
    const legend = page.locator('div[aria-label="Legend"]');
    await expect.poll(() => legend.textContent()).toContain(ATTRIBUTE);
    expect(await legend.textContent()).toContain(IMG);
    expect(await legend.textContent()).toContain(SCRIPT);
    expect(await legend.locator('img, script, b').count()).toBe(0);

    // The header shows the file's name as text too.
    expect(await page.locator('header').textContent()).toContain(IMG.replace(/[/"]/g, ''));
    expect(await page.locator('header img').count()).toBe(0);

    // Exports carry the text, escaped for their format.
    const [csv, gexf, json] = await exportAllData(page);
    // Only the people reached are in the timeline; whichever label comes first, it is the text.
    expect(csv).toMatch(
      /<script>window\.__pwned=2<\/script>|"<img src=x onerror=""window\.__pwned=1"">"/,
    );
    expect(gexf).toContain(xml(IMG));
    expect(gexf).not.toContain(IMG);
    expect(
      JSON.parse(json).nodes.map((n: { attributes: { label: string } }) => n.attributes.label),
    ).toEqual([IMG, SCRIPT, IMG, SCRIPT, IMG, SCRIPT]);

    // A broken file with a hostile name: the error message shows the name as text.
    const broken = path.join(fixtures, `${SCRIPT.replace(/\//g, '')}.graphml`);
    writeFileSync(broken, '<graphml><graph><node id="a"></graph>');
    await dropFile(page, broken);
    const message = page.getByTestId('error-message');
    await message.waitFor();
    expect(await message.textContent()).toContain(SCRIPT.replace(/\//g, ''));
    expect(await page.locator('[role=alert] script').count()).toBe(0);
    expect(await readNumber(page, 'node-count')).toBe(6);

    expect(await pwned(page)).toBeUndefined();
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('treats __proto__, constructor and toString as ordinary attribute and JSON keys', async () => {
    const file = path.join(fixtures, 'prototype-keys.json');
    // Written by hand: JSON.stringify would not write an own "__proto__" key from an object literal.
    writeFileSync(
      file,
      `{
  "attributes": {"__proto__": {"polluted": 1}, "constructor": {"polluted": 1}, "name": "keys"},
  "options": {"type": "directed", "multi": false, "allowSelfLoops": true},
  "nodes": [
    {"key": "a", "attributes": {"label": "A", "__proto__": {"polluted": 1}, "constructor": "c1", "toString": "t1", "hasOwnProperty": "h1"}},
    {"key": "b", "attributes": {"label": "B", "__proto__": {"polluted": 1}, "constructor": "c2", "toString": "t2", "hasOwnProperty": "h2"}},
    {"key": "c", "attributes": {"label": "C", "__proto__": "x", "constructor": "c1", "toString": "t1", "hasOwnProperty": "h1"}},
    {"key": "d", "attributes": {"label": "D", "constructor": "c2", "toString": "t2", "hasOwnProperty": "h2"}}
  ],
  "edges": [
    {"key": "__proto__", "source": "a", "target": "b", "attributes": {"__proto__": {"polluted": 1}, "constructor": 1}},
    {"key": "constructor", "source": "b", "target": "c"},
    {"key": "toString", "source": "c", "target": "a"},
    {"source": "a", "target": "d"},
    {"source": "d", "target": "c"}
  ]
}
`,
    );
    const { page, errors } = await openGuarded();
    await dropFile(page, file);
    await expect.poll(() => readNumber(page, 'node-count')).toBe(4);
    expect(await readNumber(page, 'edge-count')).toBe(5);
    await playToEnd(page);

    // "constructor" and "toString" are attributes with two values each: they can colour the graph.
    const picker = page.getByLabel('Colour by');
    const options = await picker.locator('option').allTextContents();
    expect(options).toEqual(expect.arrayContaining(['constructor', 'toString', 'hasOwnProperty']));
    await picker.selectOption('constructor');
    const legend = page.locator('div[aria-label="Legend"]');
    await expect.poll(() => legend.textContent()).toContain('constructor');
    expect(await legend.textContent()).toContain('c1');
    expect(await legend.textContent()).toContain('c2');

    const [, , json] = await exportAllData(page);
    const exported = JSON.parse(json) as { nodes: { key: string; attributes: object }[] };
    expect(exported.nodes.map((n) => n.key)).toEqual(['a', 'b', 'c', 'd']);
    expect(Object.getOwnPropertyNames(exported.nodes[0].attributes)).toEqual(
      expect.arrayContaining(['constructor', 'toString', 'hasOwnProperty']),
    );

    expect(await pollution(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  // graphology and sigma keep per-node records in plain objects keyed by node key: the app keys
  // graph nodes by index (core/graph/build.ts nodeKey), so file ids never reach those objects.
  it('treats __proto__, constructor and toString as ordinary node ids', async () => {
    const file = path.join(fixtures, 'prototype-ids.json');
    writeFileSync(
      file,
      `{
  "options": {"type": "directed", "multi": false, "allowSelfLoops": true},
  "nodes": [{"key": "__proto__"}, {"key": "constructor"}, {"key": "toString"}, {"key": "valueOf"}],
  "edges": [
    {"source": "__proto__", "target": "constructor"},
    {"source": "constructor", "target": "toString"},
    {"source": "toString", "target": "__proto__"},
    {"source": "__proto__", "target": "valueOf"},
    {"source": "valueOf", "target": "toString"}
  ]
}
`,
    );
    const { page, errors } = await openGuarded();
    try {
      await dropFile(page, file);
      await page.waitForFunction(
        () => document.querySelector('[data-testid=load-status]')?.textContent !== 'loading',
      );
      await page.waitForTimeout(1000);
      expect(await pollution(page)).toEqual([]);
      expect(errors).toEqual([]);
      expect(await readNumber(page, 'node-count')).toBe(4);
      expect(await readNumber(page, 'edge-count')).toBe(5);
      expect(await page.getByTestId('load-status').textContent()).toBe('ready');
    } finally {
      await page.context().close();
    }
  });
});
