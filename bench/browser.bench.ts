/**
 * End-to-end browser benchmark (issues 6, 7 and 11): the built app (dist/, served cross-origin
 * isolated by bench/browser/server.ts) in headless Chromium with software WebGL (or a GPU, see
 * chromium.ts), on generated graphs of 10k nodes / 50k edges, 100k / 500k and 100k / 1M. Per graph:
 * - loading: bytes fetched → `wordspread:dataset-built` → first animation frame after load-status is
 *   "ready"; peak main-thread JS heap while loading; the longest main-thread task while loading;
 * - layout: time until layout-status reads "converged" or "stopped" (capped; then frozen), and the
 *   main-thread tasks and scripts meanwhile;
 * - replay: the app's own per-frame JS (`window.wordspread.frameStats()`: playhead move, figures,
 *   sigma partial refresh) while the Timeline slider advances by exactly the same number of adoptions
 *   per frame on every graph (times taken from the exported timeline CSV), and while playing; a full
 *   scrub from the end to the start in one slider move.
 * Needs a fresh `npx vite build`; run with `npm run bench -- browser`. Rendering is software here, so
 * the figures are JS-side costs and ratios between sizes, not frame rates.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium, webglInfo } from './browser/chromium';
import type { Result, ScrubFigures } from './browser/figures';
import { writeEdgeList, type GeneratedGraph } from './browser/graphs';
import {
  collectedHeapMiB,
  exportedTimes,
  measureLayout,
  measureLoad,
  measurePlay,
  measureSteps,
  pausePlayer,
} from './browser/measure';
import { freePort, startStaticServer } from './browser/server';
import { SPECS, STEP_SIZES, type BrowserSpec } from './browser/specs';
import { report } from './browser/table';
import { formatCount, formatMs, progress } from './report';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const DATA_DIR = path.join(DIST, 'bench-data');
const IN_PAGE = readFileSync(path.join(ROOT, 'bench/browser/in-page.js'), 'utf8');

async function benchGraph(
  browser: Browser,
  baseUrl: string,
  graph: GeneratedGraph<BrowserSpec>,
  playTarget: number | null,
  playEvery: boolean,
): Promise<Result> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
  });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && !/GPU stall due to ReadPixels/.test(m.text()))
        errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript({ content: IN_PAGE });
    const cdp = await context.newCDPSession(page);
    const { spec } = graph;

    progress(`${spec.label}: loading ${formatCount(graph.bytes)}B`);
    const load = await measureLoad(page, cdp, baseUrl, graph);
    const isolated = (await page.evaluate('window.crossOriginIsolated')) === true;
    progress(
      `${spec.label}: built ${formatMs(load.fetchToBuilt)} ms, first frame +${formatMs(load.builtToFirstFrame)} ms`,
    );

    if (!load.drawn) {
      progress(
        `${spec.label}: no frame within ${spec.firstFrameTimeoutMs / 1000} s; skipping the rest`,
      );
      return {
        graph,
        load,
        layout: null,
        steps: [],
        play: null,
        scrub: null,
        heapEndMiB: Number.NaN,
        timelineRows: 0,
        errors,
        isolated,
      };
    }
    const result: Result = {
      graph,
      load,
      layout: null,
      steps: [],
      play: null,
      scrub: null,
      heapEndMiB: Number.NaN,
      timelineRows: 0,
      errors,
      isolated,
    };
    let phase = 'layout';
    try {
      progress(`${spec.label}: layout (cap ${spec.layoutCapMs / 1000} s)`);
      result.layout = await measureLayout(page, spec.layoutCapMs);
      progress(
        `${spec.label}: layout ${result.layout.status} after ${formatMs(result.layout.ms)} ms`,
      );
      phase = 'pausing the player';
      await pausePlayer(page);
      phase = 'exporting the timeline';
      const times = await exportedTimes(page);
      result.timelineRows = times.length;
      progress(`${spec.label}: ${times.length} adoptions; slider steps`);
      phase = 'slider steps';
      for (const perStep of STEP_SIZES)
        result.steps.push(await measureSteps(page, times, perStep, spec));
      phase = 'full scrub';
      progress(`${spec.label}: full scrub end → start`);
      const range = (await page.evaluate('window.__bench.sliderRange()')) as {
        min: number;
        max: number;
      };
      result.scrub = (await page.evaluate(
        `window.__bench.scrub(${range.max}, ${range.min}, ${spec.frameTimeoutMs})`,
      )) as ScrubFigures;
      if (spec.play || playEvery) {
        phase = 'playing';
        progress(`${spec.label}: playing`);
        result.play = await measurePlay(page, times, playTarget);
      }
      result.heapEndMiB = await collectedHeapMiB(cdp);
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      progress(`${spec.label}: gave up while ${phase}: ${message}`);
      result.stalled = `${phase}: ${message}`;
    }
    return result;
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  if (!existsSync(path.join(DIST, 'index.html'))) {
    throw new Error('dist/ has no build: run `npx vite build` first');
  }
  const started = performance.now();
  const graphs = SPECS.map((spec) => {
    progress(`generating ${spec.label}`);
    return writeEdgeList(DATA_DIR, spec);
  });
  const port = Number(process.env.BENCH_BROWSER_PORT ?? (await freePort()));
  const server = await startStaticServer(DIST, port);
  const browser = await launchChromium();
  try {
    const probePage = await browser.newPage();
    const webgl = await webglInfo(probePage);
    await probePage.close();
    progress(`Chromium ${browser.version()}, WebGL ${webgl.renderer}`);
    const results: Result[] = [];
    for (const graph of graphs) {
      const target = results[0]?.play?.stats.meanChanged ?? null;
      // With a hardware GPU a frame of any size is cheap enough to play them all.
      results.push(await benchGraph(browser, server.baseUrl, graph, target, !webgl.software));
    }
    report(results, webgl, browser.version(), (performance.now() - started) / 1000);
  } finally {
    await browser.close();
    await server.stop();
    rmSync(DATA_DIR, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
