import { copyEdge } from '../core/graph/drawn-subgraph';
import type { WordspreadGraph } from '../core/graph/build';

/** Main-thread time one frame may spend adding ties: leaves the rest of a 60 Hz frame's budget. */
const FRAME_BUDGET_MS = 12;
/** Ties added between two looks at the clock. */
const CLOCK_EVERY = 256;

/**
 * Brings ties into the graph sigma holds over several frames instead of in one go. When the layout
 * settles on a graph with many ties, the quiet ties come back: handing sigma a new graph would rerun
 * every reducer and reprocess everything in one long task (over 80 ms at 50k ties on a fast
 * machine); added a frame's budget at a time, sigma reduces each new tie as it arrives and the page
 * keeps answering. Each frame's additions still make sigma reprocess once at its next draw, so this
 * pays only while that is cheap (DrawnTies decides). The ties fade in over a few frames, which also
 * reads well.
 */
export class TieReveal {
  private frame = 0;
  private pending: number[] = [];
  private next = 0;

  constructor(private readonly graph: WordspreadGraph) {}

  get active(): boolean {
    return this.frame !== 0;
  }

  /** Adds `edges` of the dataset's graph to `target` (the graph sigma holds), frame after frame. */
  start(target: WordspreadGraph, edges: number[]): void {
    this.stop();
    this.pending = edges;
    this.next = 0;
    const step = () => {
      const deadline = performance.now() + FRAME_BUDGET_MS;
      while (this.next < this.pending.length) {
        copyEdge(this.graph, target, this.pending[this.next++]);
        if (this.next % CLOCK_EVERY === 0 && performance.now() > deadline) break;
      }
      this.frame = this.next < this.pending.length ? requestAnimationFrame(step) : 0;
    };
    this.frame = requestAnimationFrame(step);
  }

  stop(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.pending = [];
  }
}
