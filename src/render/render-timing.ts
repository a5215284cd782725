import type { Attributes } from 'graphology-types';
import type Sigma from 'sigma';

/**
 * Marks each sigma render (and each full reprocess inside it) on the page's performance timeline
 * as `wordspread:render` / `wordspread:process` measures, so benchmarks and people profiling in
 * DevTools can see what drawing costs apart from the app's own work. A measure is a few
 * microseconds; the timeline keeps the most recent ones only.
 */
const KEPT_MEASURES = 500;

export function measureRenders<N extends Attributes, E extends Attributes>(
  sigma: Sigma<N, E>,
): void {
  let renderStart = 0;
  let processStart = 0;
  let count = 0;
  sigma.on('beforeRender', () => (renderStart = performance.now()));
  sigma.on('beforeProcess', () => (processStart = performance.now()));
  sigma.on('afterProcess', () =>
    performance.measure('wordspread:process', { start: processStart }),
  );
  sigma.on('afterRender', () => {
    performance.measure('wordspread:render', { start: renderStart });
    if (++count % KEPT_MEASURES === 0) {
      performance.clearMeasures('wordspread:render');
      performance.clearMeasures('wordspread:process');
      performance.clearMeasures('wordspread:sweep');
    }
  });
}

/**
 * Marks one frame of a layout sweep (see PositionSweep) as a `wordspread:sweep` measure whose
 * detail is the number of nodes and ties it moved: how fast positions reach a big graph's drawing.
 */
export function measureSweepFrame(start: number, moved: number): void {
  performance.measure('wordspread:sweep', { start, detail: moved });
}
