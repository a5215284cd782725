import { measureSweepFrame } from './render-timing';

/** Main-thread time one frame gives to moving nodes: leaves the rest of a 60 Hz frame for the page. */
const FRAME_BUDGET_MS = 8;
/** Items moved between two looks at the clock. */
const CHUNK = 1024;
/**
 * A frame that took longer than this to come (software WebGL, a weak GPU drawing many ties) makes
 * the sweep wait twice that long before its next frame, so the page answers at least two thirds of
 * the time instead of drawing back to back.
 */
const SLOW_FRAME_MS = 50;
/** When the layout stops, up to this many items left are moved at once (tens of milliseconds). */
const FINISH_NOW_ITEMS = 30_000;

/** Moves nodes [nodeFrom, nodeTo) and redraws ties [tieFrom, tieTo) (indices into `tieCount`'s list). */
export type SweepStep = (
  xy: Float32Array,
  nodeFrom: number,
  nodeTo: number,
  tieFrom: number,
  tieTo: number,
) => void;

/**
 * Shows new layout positions a frame's budget at a time. sigma redraws moved nodes by reprocessing
 * the whole graph, one task of hundreds of milliseconds at 100k nodes; instead, each frame moves the
 * next stretch of nodes (and of the ties drawn, in the same proportion) to the latest positions
 * (`step`; LayoutMotion writes them straight into sigma's programs). A small graph's sweep fits in
 * one frame. The sweep wraps around while positions keep coming and stops once every node and tie
 * has been moved since the latest ones arrived. Ties follow their nodes within one sweep (a
 * fraction of a second), which reads as motion.
 */
export class PositionSweep {
  private xy: Float32Array | null = null;
  private node = 0;
  private tie = 0;
  private nodesLeft = 0;
  private tiesLeft = 0;
  private frame = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the pending frame was asked for. */
  private askedAt = 0;

  constructor(
    private readonly nodeCount: number,
    /** How many ties are drawn now (the set can change between sweeps). */
    private readonly tieCount: () => number,
    private readonly step: SweepStep,
    /** Called when a sweep has given every node and tie the latest positions. */
    private readonly done: () => void = () => {},
  ) {}

  /** Still moving nodes to the latest positions. */
  get active(): boolean {
    return this.nodesLeft > 0 || this.tiesLeft > 0;
  }

  /** New positions (x and y interleaved in node order): every node and tie moves to them. */
  offer(xy: Float32Array): void {
    this.xy = xy;
    this.nodesLeft = this.nodeCount;
    this.tiesLeft = this.tieCount();
    if (this.frame === 0 && this.timer === undefined) this.askFrame();
  }

  /** Moves everything still waiting now, in one go (an exported picture needs the final state). */
  finish(): void {
    this.cancel();
    this.advance(Infinity);
  }

  /**
   * The layout stopped: what is left is drawn now when it is little (the picture then stands still
   * at once), else frame by frame without waiting out a slow frame.
   */
  hurry(): void {
    if (!this.active) return;
    if (this.nodesLeft + this.tiesLeft <= FINISH_NOW_ITEMS) {
      this.finish();
      this.done();
    } else if (this.timer !== undefined) {
      this.cancel();
      this.askFrame();
    }
  }

  dispose(): void {
    this.cancel();
    this.nodesLeft = this.tiesLeft = 0;
    this.xy = null;
  }

  private askFrame(): void {
    this.askedAt = performance.now();
    this.frame = requestAnimationFrame(() => this.run());
  }

  private cancel(): void {
    cancelAnimationFrame(this.frame);
    clearTimeout(this.timer);
    this.frame = 0;
    this.timer = undefined;
  }

  private run(): void {
    this.frame = 0;
    const start = performance.now();
    // How long this frame took to come: mostly the drawing of the previous one.
    const wait = start - this.askedAt;
    measureSweepFrame(start, this.advance(start + FRAME_BUDGET_MS));
    if (!this.active) {
      this.done();
      return;
    }
    if (wait <= SLOW_FRAME_MS) {
      this.askFrame();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.askFrame();
    }, 2 * wait);
  }

  /** Moves items until the deadline or the end of the sweep; returns how many. */
  private advance(deadline: number): number {
    const xy = this.xy;
    if (!xy) return 0;
    let moved = 0;
    const ties = this.tieCount();
    if (this.tie >= ties) this.tie = 0;
    this.tiesLeft = Math.min(this.tiesLeft, ties);
    while (this.active && performance.now() < deadline) {
      // Nodes and ties advance in proportion, so a sweep ends both together.
      const total = this.nodesLeft + this.tiesLeft;
      const nodes = Math.min(this.nodesLeft, Math.ceil((CHUNK * this.nodesLeft) / total));
      const tieShare = Math.min(this.tiesLeft, CHUNK - nodes);
      const nodeTo = Math.min(this.nodeCount, this.node + nodes);
      const tieTo = Math.min(ties, this.tie + tieShare);
      this.step(xy, this.node, nodeTo, this.tie, tieTo);
      moved += nodeTo - this.node + tieTo - this.tie;
      this.nodesLeft -= nodeTo - this.node;
      this.tiesLeft -= tieTo - this.tie;
      this.node = nodeTo === this.nodeCount ? 0 : nodeTo;
      this.tie = tieTo === ties ? 0 : tieTo;
    }
    return moved;
  }
}
