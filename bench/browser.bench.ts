/**
 * End-to-end browser benchmark (issues 6 and 11): the built app (dist/, served by `vite preview`) in
 * headless Chromium with software WebGL, on generated graphs of 10k nodes / 50k edges, 100k / 500k and
 * 100k / 1M. Per graph:
 * - loading: bytes fetched → `wordspread:dataset-built` → first animation frame after load-status is
 *   "ready"; peak main-thread JS heap while loading; the longest main-thread task while loading;
 * - layout: time until layout-status reads "converged" or "stopped" (capped; then frozen);
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
import type { Browser, CDPSession, Page } from 'playwright-core';
import { launchChromium, webglInfo, type WebglInfo } from './browser/chromium';
import { writeEdgeList, type GeneratedGraph, type GraphSpec } from './browser/graphs';
import { freePort, startPreview } from './browser/server';
import { emitSection, formatCount, formatMs, median, progress } from './report';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const DATA_DIR = path.join(DIST, 'bench-data');
const IN_PAGE = readFileSync(path.join(ROOT, 'bench/browser/in-page.js'), 'utf8');

interface BrowserSpec extends GraphSpec {
  /** Slider moves measured per run (after WARMUP_STEPS), and whether to measure playing too. */
  steps: number;
  play: boolean;
  /** Longest wait for one animation frame, and for the first one after loading. */
  frameTimeoutMs: number;
  firstFrameTimeoutMs: number;
}

// Software WebGL makes every frame of a 500k-edge graph cost seconds of main-thread time here (the
// canvas is read back for the software compositor), so the big graphs get fewer frames.
const ALL_SPECS: BrowserSpec[] = [
  {
    label: '10k-50k',
    nodes: 10_000,
    edges: 50_000,
    seed: 61,
    layoutCapMs: 60_000,
    steps: 30,
    play: true,
    frameTimeoutMs: 5_000,
    firstFrameTimeoutMs: 120_000,
  },
  {
    label: '100k-500k',
    nodes: 100_000,
    edges: 500_000,
    seed: 62,
    layoutCapMs: 30_000,
    steps: 8,
    play: false,
    frameTimeoutMs: 20_000,
    firstFrameTimeoutMs: 120_000,
  },
  {
    label: '100k-1M',
    nodes: 100_000,
    edges: 1_000_000,
    seed: 63,
    layoutCapMs: 30_000,
    steps: 8,
    play: false,
    frameTimeoutMs: 20_000,
    firstFrameTimeoutMs: 120_000,
  },
];
/**
 * `BENCH_BROWSER_SIZES=10k-50k,100k-500k` picks sizes; by default the 1M-edge graph is left out
 * (`BENCH_BROWSER_SIZES=all` includes it): on this 2-core machine with software WebGL it alone takes
 * several minutes.
 */
const SIZES = process.env.BENCH_BROWSER_SIZES ?? '10k-50k,100k-500k';
const SPECS =
  SIZES === 'all' ? ALL_SPECS : ALL_SPECS.filter((s) => SIZES.split(',').includes(s.label));
const WORTH = 0.25;
const SEED = 1;
/** Slider runs: adoptions added per frame, and frames per run (after a few warm-up frames). */
const STEP_SIZES = [10, 100];
const WARMUP_STEPS = 2;
const PLAY_SECONDS = 5;
const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16];

interface LoadFigures {
  bytes: number;
  nodes: number;
  edges: number;
  reach: number;
  navToBuilt: number;
  fetchToBuilt: number;
  /** false: no animation frame came within the spec's firstFrameTimeoutMs. */
  drawn: boolean;
  builtToFirstFrame: number;
  fetchToFirstFrame: number;
  peakHeapMiB: number;
  heapAfterLoadMiB: number;
  longestLoadTask: number;
  longTasksDuringLoad: number;
  drawTask: number;
  longestLoadFrameScripts: string;
}

interface LayoutFigures {
  ms: number;
  status: string;
  capped: boolean;
}

interface FrameStats {
  frames: number;
  meanMs: number;
  maxMs: number;
  meanChanged: number;
}

interface StepFigures {
  adoptionsPerStep: number;
  steps: number;
  stats: FrameStats;
  wallMedian: number;
}

interface PlayFigures {
  speed: number;
  stats: FrameStats;
}

interface ScrubFigures {
  stats: FrameStats;
  wall: number;
  afterFrame: number;
}

interface Result {
  graph: GeneratedGraph<BrowserSpec>;
  load: LoadFigures;
  layout: LayoutFigures | null;
  steps: StepFigures[];
  play: PlayFigures | null;
  scrub: ScrubFigures | null;
  heapEndMiB: number;
  timelineRows: number;
  errors: string[];
  /** The phase the page stopped answering in (software WebGL on a big graph), if it did. */
  stalled?: string;
}

const MiB = 2 ** 20;

async function heapUsed(cdp: CDPSession): Promise<number> {
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usage.usedSize;
}

async function collectedHeapMiB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await heapUsed(cdp)) / MiB;
}

/** Samples the main thread's JS heap every ~100 ms until stopped; returns the peak seen. */
function sampleHeap(cdp: CDPSession): { stop: () => Promise<number> } {
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        peak = Math.max(peak, await heapUsed(cdp));
      } catch {
        // page navigating
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return peak;
    },
  };
}

/**
 * Polls an expression from node (page.waitForFunction evaluates its predicate with `new Function`,
 * which the app's CSP forbids); false if it is still falsy after `timeoutMs`, even while the page
 * is too busy to answer.
 */
async function poll(page: Page, expression: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const answer = await Promise.race([
      page.evaluate(expression).catch(() => false),
      new Promise((resolve) =>
        setTimeout(() => resolve(false), Math.max(0, deadline - Date.now())),
      ),
    ]);
    if (answer) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

const text = async (page: Page, testId: string) =>
  ((await page.getByTestId(testId).textContent()) ?? '').trim();

async function measureLoad(
  page: Page,
  cdp: CDPSession,
  baseUrl: string,
  graph: GeneratedGraph<BrowserSpec>,
): Promise<LoadFigures> {
  const name = path.basename(graph.file);
  const heap = sampleHeap(cdp);
  await page.goto(
    `${baseUrl}?data=bench-data/${name}#origin=${graph.origin}&worth=${WORTH}&seed=${SEED}&t=0`,
  );
  if (
    !(await poll(
      page,
      "performance.getEntriesByName('wordspread:dataset-built').length > 0",
      240_000,
    ))
  )
    throw new Error(`${graph.spec.label}: not loaded within 240 s`);
  // Software WebGL can block the page for minutes after the mark: give up on the first frame then.
  const drawn = await poll(
    page,
    'window.__bench.probes.firstFrame !== null',
    graph.spec.firstFrameTimeoutMs,
  );
  const peak = await heap.stop();
  const heapAfterLoadMiB = drawn ? await collectedHeapMiB(cdp) : Number.NaN;
  const timing = (await page.evaluate(`window.__bench.dataTiming(${JSON.stringify(name)})`)) as {
    fetchStart: number;
    responseEnd: number;
    bytes: number;
    built: number;
  };
  const probes = (await page.evaluate('window.__bench.probes')) as {
    longTasks: { start: number; duration: number }[];
    longFrames: {
      start: number;
      duration: number;
      scripts: { invoker: string; fn: string; char: number; duration: number }[];
    }[];
    ready: number | null;
    firstFrame: number | null;
  };
  const firstFrame = probes.firstFrame ?? Number.NaN;
  const during = (start: number, end: number) => (e: { start: number; duration: number }) =>
    e.start < end && e.start + e.duration > start;
  const loadTasks = probes.longTasks.filter(during(timing.fetchStart, timing.built));
  const drawTasks = probes.longTasks.filter(during(timing.built, drawn ? firstFrame : Infinity));
  const longestFrame = probes.longFrames
    .filter(during(timing.fetchStart, timing.built))
    .sort((a, b) => b.duration - a.duration)[0];
  const scripts = longestFrame
    ? longestFrame.scripts
        .filter((s) => s.duration >= 10)
        .map(
          (s) =>
            `${s.invoker.split('/').pop()}${s.fn ? ` → ${s.fn}` : ''}${s.char > 0 ? ` @${s.char}` : ''} ${s.duration.toFixed(0)} ms`,
        )
        .join('; ')
    : '';
  return {
    bytes: graph.bytes,
    nodes: Number(await text(page, 'node-count')),
    edges: Number(await text(page, 'edge-count')),
    reach: Number(await text(page, 'reach-final')),
    navToBuilt: timing.built,
    fetchToBuilt: timing.built - timing.fetchStart,
    drawn,
    builtToFirstFrame: firstFrame - timing.built,
    fetchToFirstFrame: firstFrame - timing.fetchStart,
    peakHeapMiB: peak / MiB,
    heapAfterLoadMiB,
    longestLoadTask: Math.max(0, ...loadTasks.map((t) => t.duration)),
    longTasksDuringLoad: loadTasks.length,
    drawTask: Math.max(0, ...drawTasks.map((t) => t.duration)),
    longestLoadFrameScripts: scripts,
  };
}

async function measureLayout(page: Page, capMs: number): Promise<LayoutFigures> {
  const done = /^(converged|stopped)$/;
  const builtAt = Number(
    await page.evaluate("performance.getEntriesByName('wordspread:dataset-built')[0].startTime"),
  );
  // The cap counts from the mark, like the figure reported.
  const sinceMark = Number(await page.evaluate('performance.now()')) - builtAt;
  const deadline = Date.now() + Math.max(0, capMs - sinceMark);
  let status = await text(page, 'layout-status');
  while (!done.test(status) && Date.now() < deadline) {
    await page.waitForTimeout(250);
    status = await text(page, 'layout-status');
  }
  const ms = Number(await page.evaluate('performance.now()')) - builtAt;
  const capped = !done.test(status);
  if (capped) {
    const freeze = page.getByRole('button', { name: 'Freeze layout' });
    if (await freeze.isVisible()) await freeze.click({ timeout: 300_000 });
  }
  return { ms, status, capped };
}

async function pausePlayer(page: Page): Promise<void> {
  const pause = page.getByRole('button', { name: 'Pause', exact: true });
  if (await pause.isVisible()) await pause.click();
}

/** Adoption times of the spread on screen, from the app's own timeline CSV export. */
async function exportedTimes(page: Page): Promise<number[]> {
  await page.getByRole('button', { name: 'Export data' }).click({ timeout: 120_000 });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /Timeline/ }).click({ timeout: 120_000 }),
  ]);
  const file = await download.path();
  const lines = readFileSync(file, 'utf8').split(/\r?\n/).slice(1).filter(Boolean);
  return lines.map((line) => Number(line.slice(0, line.indexOf(','))));
}

/**
 * Slider seeks that each add exactly `perStep` adoptions: seeking to the time of row r shows rows
 * 0..r (ties aside), so the k-th seek goes to the time of row first + k·perStep − 1.
 */
function stepTimes(times: number[], first: number, perStep: number, steps: number): number[] {
  const out: number[] = [];
  for (let k = 1; k <= steps; k++) out.push(times[first + k * perStep - 1]);
  return out;
}

async function measureSteps(
  page: Page,
  times: number[],
  perStep: number,
  spec: BrowserSpec,
): Promise<StepFigures> {
  // Start a fifth into the spread (past the origin and hard network), or earlier on a short one.
  const usable = times.length - 1;
  const steps = Math.min(spec.steps, Math.floor(usable / perStep) - WARMUP_STEPS - 1);
  if (steps < 3)
    throw new Error(`spread too small (${times.length} adoptions) for ${perStep}/step`);
  const first = Math.min(Math.floor(times.length / 5), usable - (steps + WARMUP_STEPS) * perStep);
  const warm = stepTimes(times, first, perStep, WARMUP_STEPS);
  const measured = stepTimes(times, first + WARMUP_STEPS * perStep, perStep, steps);
  await page.evaluate(`window.__bench.seek(${times[first]})`);
  await page.evaluate(`window.__bench.stepRun(${JSON.stringify(warm)}, ${spec.frameTimeoutMs})`);
  const run = (await page.evaluate(
    `window.__bench.stepRun(${JSON.stringify(measured)}, ${spec.frameTimeoutMs})`,
  )) as { stats: FrameStats; wall: number[] };
  return {
    adoptionsPerStep: perStep,
    steps,
    stats: run.stats,
    wallMedian: median([...run.wall].sort((a, b) => a - b)),
  };
}

async function playFor(page: Page, fromTime: number, speed: number, ms: number) {
  await page.getByLabel('Speed').selectOption(String(speed));
  await page.evaluate(`window.__bench.seek(${fromTime})`);
  await page.evaluate('window.wordspread.resetFrameStats()');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.waitForTimeout(ms);
  await pausePlayer(page);
  return (await page.evaluate('window.wordspread.frameStats()')) as FrameStats;
}

/**
 * Playing (with pulses), at the speed from the list that brings the changed items per frame nearest
 * `targetChanged` (calibrated by a short run at 1x), starting a fifth into the spread.
 */
async function measurePlay(
  page: Page,
  times: number[],
  targetChanged: number | null,
): Promise<PlayFigures> {
  const from = times[Math.floor(times.length / 5)];
  let speed = 1;
  if (targetChanged !== null) {
    const probe = await playFor(page, from, 1, 2_000);
    if (probe.meanChanged > 0) {
      const wanted = targetChanged / probe.meanChanged;
      speed = SPEEDS.reduce((best, s) =>
        Math.abs(Math.log(s / wanted)) < Math.abs(Math.log(best / wanted)) ? s : best,
      );
    }
  }
  return { speed, stats: await playFor(page, from, speed, PLAY_SECONDS * 1000) };
}

async function benchGraph(
  browser: Browser,
  baseUrl: string,
  graph: GeneratedGraph<BrowserSpec>,
  playTarget: number | null,
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
      if (spec.play) {
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

const ms = (x: number) => (Number.isFinite(x) ? formatMs(x) : '—');
const mib = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : '—');

function report(results: Result[], webgl: WebglInfo, chromiumVersion: string, seconds: number) {
  const base = results[0];
  const ratio = (value: number, of: number) => (of > 0 ? `${(value / of).toFixed(2)}x` : '—');
  const sizeName = (r: Result) =>
    `${formatCount(r.load.nodes)} nodes / ${formatCount(r.load.edges)} edges`;
  const notes = [
    `Browser: Chromium ${chromiumVersion}, headless, flags as in DESIGN.md; WebGL: ${webgl.renderer} (${webgl.version}) — ${webgl.software ? 'software-rendered (SwiftShader)' : 'hardware'}. Rendering is software here: the figures are main-thread JS costs and ratios between sizes, not frame rates.`,
    'Graphs: bench/random-graph.ts (skewed in/out degrees, seeds 61–63) written as plain edge lists and opened with `?data=`; origin a node of out-degree ≈ 30 (in the URL hash), worth 0.25, delivery 0.8, seed 1.',
    '"fetch → built": from the start of the data request to the `wordspread:dataset-built` mark (parse in the io worker + time-sliced graph build); "→ first frame": to the first animation frame after load-status reads "ready" (sigma\'s first draw runs before it in that frame). "nav → built" also counts page start-up. Peak heap: main-thread JS heap (CDP Runtime.getHeapUsage, sampled every ~100 ms, so a peak inside one long task can be missed; typed-array backing stores are not in it); "after load": after a forced GC.',
    `Layout: time from the mark to layout-status "converged"/"stopped", waited for at most ${results.map((r) => `${r.graph.spec.layoutCapMs / 1000} s`).join(' / ')}; a layout still settling at the cap was frozen ("Freeze layout") before the replay runs.`,
    `Replay, slider: the spread's adoption times come from the app's own timeline CSV export; the Timeline slider then moves ${results.map((r) => r.graph.spec.steps).join(' / ')} times (after ${WARMUP_STEPS} warm-up moves), one move per animation frame, each to the time of the row exactly N adoptions further, starting a fifth into the spread, so every graph does the same number of adoptions per frame (changed items = nodes + carried edges ≈ 2N). "JS/frame" is the app's frameStats (playhead move, figures, sigma partial refresh — which in sigma 3 ends in a synchronous render()); "input" also counts Svelte's DOM updates after the event.`,
    `Replay, playing: Play from a fifth into the spread for ${PLAY_SECONDS} s with pulses, on the graphs marked for it (at 100k nodes a frame of software WebGL takes seconds, so only the slider runs there); a later graph plays at the listed Speed that brings changed items per frame nearest the first graph's (calibrated by a 2 s run at 1x), so adoptions per frame are only roughly matched — compare µs per changed item.`,
    'The page opens paused at the start (`t=0` in the hash) so the replay does not autoplay while the first frame and the layout are measured.',
    `Run took ${seconds.toFixed(0)} s in all (generation, loading, layout waits, replay).`,
  ];
  for (const r of results)
    if (r.stalled)
      notes.push(
        `${r.graph.spec.label}: the page stopped answering while ${r.stalled}; later figures for it are missing.`,
      );
  for (const r of results)
    if (r.errors.length)
      notes.push(`Page errors on ${r.graph.spec.label}: ${r.errors.slice(0, 3).join(' | ')}`);
  const scripts = results.filter((r) => r.load.longestLoadFrameScripts);
  if (scripts.length)
    notes.push(
      `Scripts in the longest animation frame while loading (LoAF attribution, minified names): ${scripts.map((r) => `${r.graph.spec.label}: ${r.load.longestLoadFrameScripts}`).join(' · ')}`,
    );
  const largest = [...results].reverse().find((r) => r.steps.length > 0);
  const largestSteps =
    largest && (largest.steps.find((s) => s.adoptionsPerStep === 100) ?? largest.steps[0]);
  if (largest && largestSteps)
    notes.push(
      `To beat in a sigma 4 re-check (issue 11), on ${sizeName(largest)}: replay JS/frame ${ms(largestSteps.stats.meanMs)} ms mean (${largestSteps.adoptionsPerStep} adoptions/frame), heap ${mib(largest.load.heapAfterLoadMiB)} MiB after load (peak ${mib(largest.load.peakHeapMiB)}), first frame ${ms(largest.load.builtToFirstFrame)} ms after the mark — same machine and flags.`,
    );

  emitSection({
    id: 'browser',
    title: 'Browser: end to end in Chromium (load, layout, replay)',
    description:
      'The built app (`vite preview`) in headless Chromium on generated graphs: loading, first frame, ' +
      "heap, layout and the replay's per-frame main-thread JS with the same number of adoptions per " +
      'frame on every size (issue 6: 100k within 1.5x of 10k).',
    tables: [
      {
        columns: [
          'graph',
          'file',
          'adoptions',
          'nav → built ms',
          'fetch → built ms',
          '→ first frame ms',
          'longest task while loading ms (count > 50 ms)',
          'draw task ms',
          'peak heap MiB',
          'heap after load MiB',
          'heap at end MiB',
        ],
        rows: results.map((r) => [
          sizeName(r),
          `${formatCount(r.load.bytes)}B`,
          r.load.reach.toLocaleString('en'),
          ms(r.load.navToBuilt),
          ms(r.load.fetchToBuilt),
          r.load.drawn
            ? `${ms(r.load.fetchToFirstFrame)} (+${ms(r.load.builtToFirstFrame)})`
            : `none within ${r.graph.spec.firstFrameTimeoutMs / 1000} s`,
          `${ms(r.load.longestLoadTask)} (${r.load.longTasksDuringLoad})`,
          ms(r.load.drawTask),
          mib(r.load.peakHeapMiB),
          mib(r.load.heapAfterLoadMiB),
          mib(r.heapEndMiB),
        ]),
      },
      {
        columns: ['graph', 'layout', 'after ms', 'cap s'],
        rows: results.map((r) => [
          sizeName(r),
          !r.layout
            ? 'not measured (no frame)'
            : r.layout.capped
              ? `${r.layout.status} (capped, frozen)`
              : r.layout.status,
          r.layout ? ms(r.layout.ms) : '—',
          String(r.graph.spec.layoutCapMs / 1000),
        ]),
      },
      {
        columns: [
          'graph',
          'replay',
          'frames',
          'changed/frame',
          'JS/frame mean ms',
          'max ms',
          'µs per changed item',
          'vs first graph',
          'input ms (median)',
        ],
        rows: results.flatMap((r) => [
          ...r.steps.map((s) => {
            const baseStep = base.steps.find((b) => b.adoptionsPerStep === s.adoptionsPerStep);
            return [
              sizeName(r),
              `slider, ${s.adoptionsPerStep} adoptions/frame`,
              s.stats.frames,
              s.stats.meanChanged.toFixed(0),
              ms(s.stats.meanMs),
              ms(s.stats.maxMs),
              s.stats.meanChanged > 0
                ? ((s.stats.meanMs / s.stats.meanChanged) * 1000).toFixed(1)
                : '—',
              baseStep ? ratio(s.stats.meanMs, baseStep.stats.meanMs) : '—',
              ms(s.wallMedian),
            ];
          }),
          ...(r.play
            ? [
                [
                  sizeName(r),
                  `playing at ${r.play.speed}x`,
                  r.play.stats.frames,
                  r.play.stats.meanChanged.toFixed(0),
                  ms(r.play.stats.meanMs),
                  ms(r.play.stats.maxMs),
                  r.play.stats.meanChanged > 0
                    ? ((r.play.stats.meanMs / r.play.stats.meanChanged) * 1000).toFixed(1)
                    : '—',
                  base.play ? ratio(r.play.stats.meanMs, base.play.stats.meanMs) : '—',
                  '',
                ],
              ]
            : []),
        ]),
      },
      {
        columns: [
          'graph',
          'full scrub end → start: JS ms',
          'items changed',
          'input ms',
          'to next frame ms',
        ],
        rows: results.map((r) =>
          r.scrub
            ? [
                sizeName(r),
                ms(r.scrub.stats.maxMs),
                formatCount(r.scrub.stats.meanChanged),
                ms(r.scrub.wall),
                ms(r.scrub.afterFrame),
              ]
            : [sizeName(r), 'not measured (no frame)', '—', '—', '—'],
        ),
      },
    ],
    notes,
  });
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
  const preview = await startPreview(ROOT, port);
  const browser = await launchChromium();
  try {
    const probePage = await browser.newPage();
    const webgl = await webglInfo(probePage);
    await probePage.close();
    progress(`Chromium ${browser.version()}, WebGL ${webgl.renderer}`);
    const results: Result[] = [];
    for (const graph of graphs) {
      const target = results[0]?.play?.stats.meanChanged ?? null;
      results.push(await benchGraph(browser, preview.baseUrl, graph, target));
    }
    report(results, webgl, browser.version(), (performance.now() - started) / 1000);
  } finally {
    await browser.close();
    await preview.stop();
    rmSync(DATA_DIR, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
