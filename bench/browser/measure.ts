import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { median } from '../report';
import type { FrameStats, LayoutFigures, LoadFigures, PlayFigures, StepFigures } from './figures';
import type { GeneratedGraph } from './graphs';
import { PLAY_SECONDS, SEED, SPEEDS, WARMUP_STEPS, WORTH, type BrowserSpec } from './specs';

const MiB = 2 ** 20;

export async function heapUsed(cdp: CDPSession): Promise<number> {
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usage.usedSize;
}

export async function collectedHeapMiB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await heapUsed(cdp)) / MiB;
}

/** Samples the main thread's JS heap every ~100 ms until stopped; returns the peak seen. */
export function sampleHeap(cdp: CDPSession): { stop: () => Promise<number> } {
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
export async function poll(page: Page, expression: string, timeoutMs: number): Promise<boolean> {
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

export const text = async (page: Page, testId: string) =>
  ((await page.getByTestId(testId).textContent()) ?? '').trim();

export async function measureLoad(
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

export async function measureLayout(page: Page, capMs: number): Promise<LayoutFigures> {
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
  const now = Number(await page.evaluate('performance.now()'));
  const ms = now - builtAt;
  const capped = !done.test(status);
  const during = (await page.evaluate(`(() => {
    const from = window.__bench.probes.firstFrame ?? ${builtAt};
    const tasks = window.__bench.probes.longTasks.filter((t) => t.start >= from && t.start < ${now});
    const measures = window.__bench.probes.measures.filter((m) => m.start >= from && m.start < ${now});
    const process = measures.filter((m) => m.name === 'wordspread:process').map((m) => m.duration);
    const frames = (window.__bench.probes.longFrames ?? [])
      .filter((f) => f.start >= from && f.start < ${now})
      .sort((a, b) => b.duration - a.duration);
    const longest = frames[0];
    const longestFrame = longest
      ? Math.round(longest.duration) + ' ms frame (render start +' +
        Math.round((longest.renderStart ?? longest.start) - longest.start) + ' ms): ' +
        longest.scripts.filter((x) => x.duration >= 5)
          .map((x) => (x.invoker.split('/').pop() + (x.fn ? ' → ' + x.fn : '') + ' ' + Math.round(x.duration) + ' ms'))
          .join('; ')
      : '';
    const scripts = frames.flatMap((f) => f.scripts.map((x) => x.duration));
    const sweeps = measures.filter((m) => m.name === 'wordspread:sweep');
    const sweep = {
      frames: sweeps.length,
      items: sweeps.reduce((sum, m) => sum + m.detail, 0),
      ms: sweeps.reduce((sum, m) => sum + m.duration, 0),
      longest: Math.max(0, ...sweeps.map((m) => m.duration)),
    };
    return { tasks: tasks.map((t) => t.duration), process, longestFrame, scripts, sweep };
  })()`)) as {
    tasks: number[];
    process: number[];
    longestFrame: string;
    scripts: number[];
    sweep: LayoutFigures['sweep'];
  };
  if (capped) {
    const freeze = page.getByRole('button', { name: 'Freeze layout' });
    if (await freeze.isVisible()) await freeze.click({ timeout: 300_000 });
  }
  return {
    ms,
    status,
    capped,
    longTasks: during.tasks.length,
    longestTask: Math.max(0, ...during.tasks),
    redraws: during.process.length,
    meanRedrawMs: during.process.reduce((a, b) => a + b, 0) / Math.max(1, during.process.length),
    longestFrame: during.longestFrame,
    longestScript: Math.max(0, ...during.scripts),
    longScripts: during.scripts.filter((d) => d >= 50).length,
    sweep: during.sweep,
  };
}

export async function pausePlayer(page: Page): Promise<void> {
  const pause = page.getByRole('button', { name: 'Pause', exact: true });
  if (await pause.isVisible()) await pause.click();
}

/** Adoption times of the spread on screen, from the app's own timeline CSV export. */
export async function exportedTimes(page: Page): Promise<number[]> {
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
export function stepTimes(
  times: number[],
  first: number,
  perStep: number,
  steps: number,
): number[] {
  const out: number[] = [];
  for (let k = 1; k <= steps; k++) out.push(times[first + k * perStep - 1]);
  return out;
}

export async function measureSteps(
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
  )) as { stats: FrameStats; wall: number[]; render: number[] };
  return {
    adoptionsPerStep: perStep,
    steps,
    stats: run.stats,
    wallMedian: median([...run.wall].sort((a, b) => a - b)),
    renderMedian: median([...run.render].sort((a, b) => a - b)),
  };
}

export async function playFor(page: Page, fromTime: number, speed: number, ms: number) {
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
export async function measurePlay(
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
