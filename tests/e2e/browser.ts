import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { inject } from 'vitest';

export const CHROMIUM = process.env.WORDSPREAD_CHROMIUM ?? '/usr/bin/chromium';
export const DATASETS = path.resolve(__dirname, '../../../shared/datasets');
export const ARTIFACTS = path.resolve(__dirname, 'artifacts');

/** Chromium as DESIGN.md says: headless, software WebGL through SwiftShader, no background traffic. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--enable-unsafe-swiftshader',
      '--use-angle=swiftshader',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface AppPage {
  page: Page;
  /** Console errors and uncaught exceptions seen so far (Chromium's GPU stall warnings filtered). */
  errors: string[];
}

/** Opens the app (with an optional query/hash) and waits for a dataset to be ready. */
export async function openApp(browser: Browser, suffix = ''): Promise<AppPage> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !/GPU stall due to ReadPixels/.test(message.text()))
      errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(inject('baseUrl') + suffix);
  await page.getByTestId('load-status').filter({ hasText: 'ready' }).waitFor();
  return { page, errors };
}

/** Drops files on the page the way a person drags them from their desktop. */
export async function dropFiles(page: Page, filePaths: string[]): Promise<void> {
  const files = filePaths.map((file) => ({
    name: path.basename(file),
    base64: readFileSync(file).toString('base64'),
  }));
  const dataTransfer = await page.evaluateHandle((files) => {
    const transfer = new DataTransfer();
    for (const { name, base64 } of files) {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], name));
    }
    return transfer;
  }, files);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer });
  await page.dispatchEvent('body', 'dragover', { dataTransfer });
  await page.dispatchEvent('body', 'drop', { dataTransfer });
}

export async function dropFile(page: Page, filePath: string): Promise<void> {
  await dropFiles(page, [filePath]);
}

export async function readNumber(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).textContent());
}

export function decodePng(bytes: Buffer): PNG {
  return PNG.sync.read(bytes);
}

/** How many pixels are within `tolerance` (per channel) of the colour `#rrggbb`. */
export function countColour(png: PNG, hex: string, tolerance = 12): number {
  const r = parseInt(hex.slice(1, 3), 16);
  const g = parseInt(hex.slice(3, 5), 16);
  const b = parseInt(hex.slice(5, 7), 16);
  let count = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if (png.data[i + 3] < 200) continue;
    if (
      Math.abs(png.data[i] - r) <= tolerance &&
      Math.abs(png.data[i + 1] - g) <= tolerance &&
      Math.abs(png.data[i + 2] - b) <= tolerance
    )
      count++;
  }
  return count;
}

/** Distinct opaque colours in an image, quantised to 4 bits per channel (antialiasing noise aside). */
export function distinctColours(png: PNG): number {
  const seen = new Set<number>();
  for (let i = 0; i < png.data.length; i += 4) {
    if (png.data[i + 3] < 200) continue;
    seen.add(((png.data[i] >> 4) << 8) | ((png.data[i + 1] >> 4) << 4) | (png.data[i + 2] >> 4));
  }
  return seen.size;
}

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

/** Clicks "Export image" and decodes the downloaded PNG, kept under artifacts/ as `name`. */
export async function exportImage(page: Page, name: string): Promise<PNG> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export image' }).click(),
  ]);
  const file = artifactPath(name);
  await download.saveAs(file);
  return decodePng(readFileSync(file));
}

/** Records main-thread long tasks from now on; returns the page's clock at the start. */
export async function watchLongTasks(page: Page): Promise<number> {
  return page.evaluate(() => {
    const tasks: [number, number][] = [];
    (window as unknown as { longTasks: [number, number][] }).longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push([entry.startTime, entry.duration]);
    }).observe({ type: 'longtask' });
    return performance.now();
  });
}

/** The longest main-thread task from `start` until the app marked the dataset built (0: none). */
export async function longestTaskUntilBuilt(page: Page, start: number): Promise<number> {
  return page.evaluate((start) => {
    const built = performance.getEntriesByName('wordspread:dataset-built')[0].startTime;
    const tasks = (window as unknown as { longTasks: [number, number][] }).longTasks;
    return Math.max(
      0,
      ...tasks.filter(([at]) => at >= start && at < built).map(([, duration]) => duration),
    );
  }, start);
}
