// Injected into the app's page by bench/browser.bench.ts before the app's scripts run
// (page.addInitScript with this file's text). Plain JavaScript on purpose: tsx would wrap functions
// in helpers that do not exist in the page. It records long tasks and long animation frames, the
// moment load-status turns "ready" and the first animation frame after it, and offers the replay
// drivers the benchmark calls with page.evaluate('window.__bench.…').
(() => {
  const probes = { longTasks: [], longFrames: [], measures: [], ready: null, firstFrame: null };

  // The app's own measures (renders, reprocesses, sweep frames), kept here because the app clears
  // them from the timeline every few hundred renders.
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (entry.name === 'wordspread:process' || entry.name === 'wordspread:sweep')
        probes.measures.push({
          name: entry.name,
          start: entry.startTime,
          duration: entry.duration,
          detail: entry.detail,
        });
  }).observe({ type: 'measure', buffered: true });

  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        probes.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    probes.longTasks = null;
  }
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        probes.longFrames.push({
          start: entry.startTime,
          duration: entry.duration,
          blocking: entry.blockingDuration,
          renderStart: entry.renderStart,
          scripts: entry.scripts.map((s) => ({
            invoker: s.invoker,
            fn: s.sourceFunctionName,
            url: s.sourceURL,
            char: s.sourceCharPosition,
            duration: s.duration,
            start: s.startTime,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    probes.longFrames = null;
  }

  function watchReady() {
    const observer = new MutationObserver(() => {
      const status = document.querySelector('[data-testid="load-status"]');
      if (probes.ready !== null || !status || status.textContent.trim() !== 'ready') return;
      probes.ready = performance.now();
      // sigma's draw was scheduled (or done) before this callback: it runs first in that frame.
      requestAnimationFrame(() => (probes.firstFrame = performance.now()));
      observer.disconnect();
    });
    observer.observe(document, { subtree: true, childList: true, characterData: true });
  }
  watchReady();

  const slider = () => document.querySelector('input[aria-label="Timeline"]');

  /** Moves the Timeline slider as a person dragging it does (an input event; the player pauses). */
  function seek(t) {
    const input = slider();
    input.value = String(t);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }

  const nextFrame = (timeoutMs) =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      requestAnimationFrame(() =>
        setTimeout(() => {
          clearTimeout(timer);
          resolve();
        }, 0),
      );
    });

  /**
   * Seeks to each time in turn, one seek per animation frame, and returns the app's frame stats for
   * exactly those seeks plus the wall time of each input event including the microtasks after it
   * (Svelte's DOM updates).
   */
  async function stepRun(times, frameTimeoutMs) {
    const wall = [];
    const render = [];
    window.wordspread.resetFrameStats();
    for (const t of times) {
      const start = performance.now();
      seek(t);
      await Promise.resolve();
      wall.push(performance.now() - start);
      await nextFrame(frameTimeoutMs);
      // sigma's draw of this seek ran in the frame just waited for: its JS (buffer uploads, labels).
      render.push(
        performance
          .getEntriesByName('wordspread:render')
          .filter((m) => m.startTime >= start)
          .reduce((sum, m) => sum + m.duration, 0),
      );
    }
    return { stats: window.wordspread.frameStats(), wall, render };
  }

  /** One slider move from `from` to `to` (e.g. a full scrub from the end to the start). */
  async function scrub(from, to, frameTimeoutMs) {
    seek(from);
    await nextFrame(frameTimeoutMs);
    window.wordspread.resetFrameStats();
    const start = performance.now();
    seek(to);
    await Promise.resolve();
    const wall = performance.now() - start;
    await nextFrame(frameTimeoutMs);
    const afterFrame = performance.now() - start;
    return { stats: window.wordspread.frameStats(), wall, afterFrame };
  }

  function sliderRange() {
    const input = slider();
    return { min: Number(input.min), max: Number(input.max), value: Number(input.value) };
  }

  /** Where the data file's bytes came from, in the page's clock. */
  function dataTiming(fragment) {
    const entry = performance.getEntriesByType('resource').find((e) => e.name.includes(fragment));
    const built = performance.getEntriesByName('wordspread:dataset-built')[0];
    return {
      fetchStart: entry ? entry.startTime : null,
      responseEnd: entry ? entry.responseEnd : null,
      bytes: entry ? entry.encodedBodySize : null,
      built: built ? built.startTime : null,
    };
  }

  window.__bench = { probes, seek, stepRun, scrub, sliderRange, dataTiming };
})();
