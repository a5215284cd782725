// Makes the sample gallery's thumbnails (public/samples/<sample>.jpg) from the app itself: each
// sample is opened in Chromium, laid out, played to its end, and its graph area photographed.
// Usage: npx vite build --outDir /tmp/dist-thumbs && node scripts/thumbnails.mjs /tmp/dist-thumbs
// (WORDSPREAD_CHROMIUM picks another Chromium; WORDSPREAD_THUMBS_PORT another port than 4198).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.resolve(process.argv[2] ?? 'dist');
const PORT = Number(process.env.WORDSPREAD_THUMBS_PORT ?? 4198);
const CHROMIUM = process.env.WORDSPREAD_CHROMIUM ?? '/usr/bin/chromium';

// The samples and where their thumbnails go, read from the one list the app uses.
const source = readFileSync(path.join(ROOT, 'src/state/dataset-source.ts'), 'utf8');
const samples = [...source.matchAll(/'([\w-]+)': \{\s*thumbnail: '([^']+)'/g)].map((m) => ({
  key: m[1],
  thumbnail: m[2],
}));
if (samples.length === 0) throw new Error('no samples with a thumbnail in dataset-source.ts');

const server = spawn(
  process.execPath,
  [
    'node_modules/vite/bin/vite.js',
    'preview',
    '--port',
    String(PORT),
    '--strictPort',
    '--outDir',
    DIST,
  ],
  { cwd: ROOT, stdio: 'ignore' },
);
const base = `http://127.0.0.1:${PORT}/`;
try {
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(base)).ok) break;
    } catch {
      if (tries > 150) throw new Error(`vite preview did not start on ${PORT}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  // The flags DESIGN.md gives for software WebGL here.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--enable-unsafe-swiftshader',
      '--use-angle=swiftshader',
      '--disable-background-networking',
      '--no-first-run',
    ],
  });
  // This viewport leaves the graph area about 560 × 350: the gallery's 144 × 90 boxes, at 4×.
  const context = await browser.newContext({
    viewport: { width: 880, height: 560 },
    colorScheme: 'light',
    reducedMotion: 'reduce',
    serviceWorkers: 'block',
  });
  for (const { key, thumbnail } of samples) {
    const page = await context.newPage();
    await page.goto(`${base}?sample=${key}`);
    await page.getByTestId('load-status').filter({ hasText: 'ready' }).waitFor({ timeout: 60_000 });
    const status = page.getByTestId('layout-status');
    await page
      .waitForFunction(
        (element) => /converged|stopped|paused/.test(element?.textContent ?? ''),
        await status.elementHandle(),
        { timeout: 90_000 },
      )
      .catch(() => console.warn(`${key}: the layout had not settled; photographed as it was`));
    // The whole spread: the timeline at its end.
    const timeline = page.getByRole('slider', { name: 'Timeline' });
    await timeline.fill(String(await timeline.getAttribute('max')));
    // Only the network: labels, the legend and the loading box would be unreadable at this size.
    await page.addStyleTag({
      content: '.legend, .sigma-labels, [role="status"] { display: none !important; }',
    });
    await page.waitForTimeout(500);
    const file = path.join(ROOT, 'public', thumbnail);
    await page.getByTestId('graph').screenshot({ path: file, type: 'jpeg', quality: 72 });
    console.log(`${file}`);
    await page.close();
  }
  await browser.close();
} finally {
  server.kill();
}
