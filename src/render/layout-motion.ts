import type Sigma from 'sigma';
import type { NodeView, WordspreadGraph } from '../core/graph/build';
import type { DrawnTies } from './drawn-ties';
import { MOVING_EDGE_LIMIT } from '../core/graph/level-of-detail';
import { PositionSweep } from './position-sweep';
import { setQuietTiesHidden } from './programs';
import { boundingBox } from '../core/layout/convergence';
import { currentFrame, moveItems, outgrows, reindexLabels, setFrame } from './sigma-reprocess';

/**
 * Up to this many nodes, the label grid (which labels show) follows every completed sweep; it costs
 * about a millisecond per 3,000 nodes. Bigger graphs re-index once, when the layout stops.
 */
const LABELS_EVERY_SWEEP_NODES = 5_000;

/** The frame follows the layout's extent when that moved by more than this share of it. */
const FRAME_TOLERANCE = 0.05;

/**
 * How the layout's positions reach the drawing: swept onto it a frame's budget at a time
 * (PositionSweep), never by sigma's full reprocess, which at 100k nodes is one task of hundreds of
 * milliseconds per update, and which would also rerun every reducer. A small graph's sweep fits in
 * one frame, so it moves as smoothly as a full redraw would.
 *
 * The frame that coordinates are normalised from follows the layout's extent (within a tolerance,
 * and not when it stops: freezing the layout leaves the drawing where it was), and the label grid
 * follows the positions (see LABELS_EVERY_SWEEP_NODES).
 */
export class LayoutMotion {
  private readonly sweep: PositionSweep;
  private latest: Float32Array | null = null;
  /** The layout stopped: once the sweep has drawn its last positions, labels are re-indexed. */
  private stopped = false;
  private tieList: { graph: WordspreadGraph; size: number; keys: string[] } | null = null;
  private quietHidden = false;

  constructor(
    private readonly sigma: Sigma<NodeView, { weight: number }>,
    private readonly graph: WordspreadGraph,
    private readonly nodeKeys: string[],
    private readonly ties: DrawnTies,
  ) {
    this.sweep = new PositionSweep(
      graph.order,
      () => this.tieKeys().length,
      (xy, nodeFrom, nodeTo, tieFrom, tieTo) => this.move(xy, nodeFrom, nodeTo, tieFrom, tieTo),
      () => this.swept(),
    );
  }

  /** New positions, x and y interleaved in node order. */
  offer(xy: Float32Array): void {
    this.latest = xy;
    this.stopped = false;
    // Quiet ties leave with the sweep while a graph with many ties moves, and return with the
    // last sweep once it stops.
    if (this.ties.current.size > MOVING_EDGE_LIMIT) this.setQuietHidden(true);
    this.reframe(xy);
    this.sweep.offer(xy);
  }

  /**
   * The layout paused or finished: quiet ties come back (one more sweep), and once the sweep is
   * done the labels follow the final positions.
   */
  flush(): void {
    this.stopped = true;
    if (this.setQuietHidden(false) && this.latest) this.sweep.offer(this.latest);
    if (this.sweep.active) this.sweep.hurry();
    else this.swept();
  }

  /** Draws now whatever is still on its way (an exported picture shows the final state). */
  complete(): void {
    if (!this.sweep.active) return;
    this.sweep.finish();
    reindexLabels(this.sigma, this.nodeKeys);
  }

  dispose(): void {
    this.sweep.dispose();
    this.setQuietHidden(false);
  }

  /** Returns whether that changed anything. */
  private setQuietHidden(hidden: boolean): boolean {
    if (hidden === this.quietHidden) return false;
    this.quietHidden = hidden;
    setQuietTiesHidden(this.sigma, hidden);
    return true;
  }

  /** Normalises from the box of `xy` if the current frame is off by more than FRAME_TOLERANCE. */
  private reframe(xy: Float32Array): void {
    const box = boundingBox(xy);
    if (Number.isFinite(box.x[0]) && outgrows(box, currentFrame(this.sigma), FRAME_TOLERANCE))
      setFrame(this.sigma, box);
  }

  /** A sweep drew the latest positions. */
  private swept(): void {
    if (!this.stopped && this.graph.order > LABELS_EVERY_SWEEP_NODES) return;
    this.stopped = false;
    reindexLabels(this.sigma, this.nodeKeys);
    this.sigma.scheduleRender();
  }

  /** Moves nodes [nodeFrom, nodeTo) and redraws the drawn ties [tieFrom, tieTo), now. */
  private move(
    xy: Float32Array,
    nodeFrom: number,
    nodeTo: number,
    tieFrom: number,
    tieTo: number,
  ): void {
    const nodes = this.nodeKeys.slice(nodeFrom, nodeTo);
    const position = (key: string) => {
      // Node keys are node indices; the graph's attributes keep the positions for everyone else.
      const attributes = this.graph.getNodeAttributes(key);
      const i = Number(key);
      attributes.x = xy[2 * i];
      attributes.y = xy[2 * i + 1];
      return attributes;
    };
    const edges = this.tieKeys().slice(tieFrom, tieTo);
    // Not indexed yet (a new graph before its first draw): its coming reprocess draws all of it.
    if (!moveItems(this.sigma, nodes, position, edges)) this.sigma.scheduleRefresh();
  }

  /** The keys of the ties sigma holds, listed once per set. */
  private tieKeys(): string[] {
    const held = this.ties.current;
    if (this.tieList?.graph !== held || this.tieList.size !== held.size)
      this.tieList = { graph: held, size: held.size, keys: held.edges() };
    return this.tieList.keys;
  }
}
