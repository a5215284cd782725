import { emitSection, formatCount, formatMs } from '../report';
import type { WebglInfo } from './chromium';
import type { Result } from './figures';
import { PLAY_SECONDS, WARMUP_STEPS } from './specs';

const ms = (x: number) => (Number.isFinite(x) ? formatMs(x) : '—');
const mib = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : '—');

export function report(
  results: Result[],
  webgl: WebglInfo,
  chromiumVersion: string,
  seconds: number,
) {
  const base = results[0];
  const ratio = (value: number, of: number) => (of > 0 ? `${(value / of).toFixed(2)}x` : '—');
  const sizeName = (r: Result) =>
    `${formatCount(r.load.nodes)} nodes / ${formatCount(r.load.edges)} edges`;
  const notes = [
    webgl.software
      ? `Browser: Chromium ${chromiumVersion}, headless, flags as in DESIGN.md; WebGL: ${webgl.renderer} (${webgl.version}) — software-rendered (SwiftShader). Rendering is software here: the figures are main-thread JS costs and ratios between sizes, not frame rates.`
      : `Browser: Chromium ${chromiumVersion}, headless, drawing on the GPU (WORDSPREAD_CHROMIUM_GRAPHICS="${process.env.WORDSPREAD_CHROMIUM_GRAPHICS ?? ''}"); WebGL: ${webgl.renderer} (${webgl.version}) — hardware. Every graph also plays for ${PLAY_SECONDS} s: frames per second while playing ${results.map((r) => `${r.graph.spec.label}: ${r.play ? (r.play.stats.frames / PLAY_SECONDS).toFixed(0) : '—'}`).join(', ')}.`,
    'Graphs: bench/random-graph.ts (skewed in/out degrees, seeds 61–63) written as plain edge lists and opened with `?data=`; origin a node of out-degree ≈ 30 (in the URL hash), worth 0.25, delivery 0.8, seed 1.',
    '"fetch → built": from the start of the data request to the `wordspread:dataset-built` mark (parse in the io worker + time-sliced graph build); "→ first frame": to the first animation frame after load-status reads "ready" (sigma\'s first draw runs before it in that frame). "nav → built" also counts page start-up. Peak heap: main-thread JS heap (CDP Runtime.getHeapUsage, sampled every ~100 ms, so a peak inside one long task can be missed; typed-array backing stores are not in it); "after load": after a forced GC.',
    `Layout: time from the mark to layout-status "converged"/"stopped", waited for at most ${results.map((r) => `${r.graph.spec.layoutCapMs / 1000} s`).join(' / ')}; a layout still settling at the cap was frozen ("Freeze layout") before the replay runs.`,
    `Replay, slider: the spread's adoption times come from the app's own timeline CSV export; the Timeline slider then moves ${results.map((r) => r.graph.spec.steps).join(' / ')} times (after ${WARMUP_STEPS} warm-up moves), one move per animation frame, each to the time of the row exactly N adoptions further, starting a fifth into the spread, so every graph does the same number of adoptions per frame (changed items = nodes + carried edges ≈ 2N). "JS/frame" is the app's frameStats (playhead move, figures, sigma's partial refresh of the changed items); "draw JS/frame" is sigma's render at the next animation frame (the \`wordspread:render\` measure: uploading what changed to the GPU, labels, the WebGL calls), and "JS + draw" compares the sum of the two medians; "input" also counts Svelte's DOM updates after the event.`,
    `Replay, playing: Play from a fifth into the spread for ${PLAY_SECONDS} s with pulses, on the graphs marked for it (at 100k nodes a frame of software WebGL takes seconds, so only the slider runs there); a later graph plays at the listed Speed that brings changed items per frame nearest the first graph's (calibrated by a 2 s run at 1x), so adoptions per frame are only roughly matched — compare µs per changed item.`,
    `Clock: ${results.every((r) => r.isolated) ? 'the page is cross-origin isolated (COOP + COEP from the bench server), so performance.now() has 5 µs resolution' : 'the page was NOT cross-origin isolated: performance.now() has 100 µs resolution, coarse for figures under a millisecond'}.`,
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
  notes.push(
    `Heap budget (main-thread JS heap after load, forced GC): ${results
      .map(
        (r) =>
          `${r.graph.spec.label} ≤ ${r.graph.spec.heapBudgetMiB} MiB (${mib(r.load.heapAfterLoadMiB)}: ${r.load.heapAfterLoadMiB <= r.graph.spec.heapBudgetMiB ? 'within' : 'OVER'})`,
      )
      .join(
        ', ',
      )}. The graph lives once on the main thread (graphology plus sigma's per-item caches); the spread engine, layout and tribes work on typed-array copies in workers.`,
  );
  const layoutFrames = results.filter((r) => r.layout?.longestFrame);
  if (layoutFrames.length)
    notes.push(
      `Longest animation frame while the layout ran (LoAF; time before "render start" is scripts, after it style, layout, paint and, with software WebGL, drawing): ${layoutFrames.map((r) => `${r.graph.spec.label}: ${r.layout?.longestFrame}`).join(' · ')}`,
    );
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
      `To beat in a sigma 4 re-check (issue 11), on ${sizeName(largest)}: replay JS/frame ${ms(largestSteps.stats.medianMs)} ms median (${largestSteps.adoptionsPerStep} adoptions/frame), heap ${mib(largest.load.heapAfterLoadMiB)} MiB after load (peak ${mib(largest.load.peakHeapMiB)}), first frame ${ms(largest.load.builtToFirstFrame)} ms after the mark — same machine and flags.`,
    );

  emitSection({
    // A hardware-GPU run is its own section: its frame figures do not compare with SwiftShader's.
    id: webgl.software ? 'browser' : 'browser-gpu',
    title: webgl.software
      ? 'Browser: end to end in Chromium (load, layout, replay)'
      : 'Browser on a hardware GPU: end to end in Chromium (load, layout, replay)',
    description:
      'The built app (served cross-origin isolated by bench/browser/server.ts) in headless Chromium on generated graphs: loading, first frame, ' +
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
        columns: [
          'graph',
          'layout',
          'after ms',
          'cap s',
          'tasks > 50 ms meanwhile',
          'longest task ms',
          'longest script ms (count ≥ 50 ms)',
          'redraws (sigma reprocess)',
          'mean reprocess ms',
          'sweep frames (longest ms)',
          'sweep µs per item moved',
        ],
        rows: results.map((r) => [
          sizeName(r),
          !r.layout
            ? 'not measured (no frame)'
            : r.layout.capped
              ? `${r.layout.status} (capped, frozen)`
              : r.layout.status,
          r.layout ? ms(r.layout.ms) : '—',
          String(r.graph.spec.layoutCapMs / 1000),
          r.layout ? String(r.layout.longTasks) : '—',
          r.layout ? ms(r.layout.longestTask) : '—',
          r.layout ? `${ms(r.layout.longestScript)} (${r.layout.longScripts})` : '—',
          r.layout ? String(r.layout.redraws) : '—',
          r.layout ? ms(r.layout.meanRedrawMs) : '—',
          r.layout?.sweep.frames ? `${r.layout.sweep.frames} (${ms(r.layout.sweep.longest)})` : '—',
          r.layout?.sweep.items
            ? ((1000 * r.layout.sweep.ms) / r.layout.sweep.items).toFixed(2)
            : '—',
        ]),
      },
      {
        columns: [
          'graph',
          'replay',
          'frames',
          'changed/frame',
          'JS/frame median ms',
          'mean ms',
          'max ms',
          'µs per changed item (median)',
          'median vs first graph',
          'draw JS/frame median ms',
          'JS + draw vs first graph',
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
              ms(s.stats.medianMs),
              ms(s.stats.meanMs),
              ms(s.stats.maxMs),
              s.stats.meanChanged > 0
                ? ((s.stats.medianMs / s.stats.meanChanged) * 1000).toFixed(1)
                : '—',
              baseStep ? ratio(s.stats.medianMs, baseStep.stats.medianMs) : '—',
              ms(s.renderMedian),
              baseStep
                ? ratio(
                    s.stats.medianMs + s.renderMedian,
                    baseStep.stats.medianMs + baseStep.renderMedian,
                  )
                : '—',
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
                  ms(r.play.stats.medianMs),
                  ms(r.play.stats.meanMs),
                  ms(r.play.stats.maxMs),
                  r.play.stats.meanChanged > 0
                    ? ((r.play.stats.medianMs / r.play.stats.meanChanged) * 1000).toFixed(1)
                    : '—',
                  base.play ? ratio(r.play.stats.medianMs, base.play.stats.medianMs) : '—',
                  '',
                  '',
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
