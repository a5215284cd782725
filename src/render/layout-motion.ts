import type Sigma from 'sigma';
import type { NodeView, WordspreadGraph } from '../core/graph/build';
import type { DrawnTies } from './drawn-ties';
import type { EdgeDetail } from './edge-detail';
import { PositionPacer } from './position-pacer';
import { PositionSweep } from './position-sweep';
import {
  boxOf,
  currentFrame,
  moveItems,
  outgrows,
  reindexLabels,
  setFrame,
} from './sigma-reprocess';

/**
 * From this many nodes, sigma's full reprocess (what it does to show moved nodes) takes longer than
 * a frame on an ordinary laptop (about 1–3 µs a node, plus the ties drawn), so positions are swept
 * in a frame's budget at a time instead (PositionSweep).
 */
export const SWEEP_NODES = 20_000;

/**
 * How the layout's positions reach the drawing.
 * - Smaller graphs: sigma reprocesses everything for each new set of positions, paced by their cost
 *   (PositionPacer); while positions keep coming, a graph with many ties draws only the ties that
 *   carry the word (EdgeDetail's moving state), which keeps each reprocess short.
 * - From SWEEP_NODES nodes: positions are swept onto the drawing frame by frame, with sigma's
 *   partial refresh; the drawn ties stay as they are (changing them would mean a full reprocess),
 *   the frame that coordinates are normalised from follows the layout's extent, and once the layout
 *   has settled the label grid is rebuilt for the final positions.
 */
export class LayoutMotion {
  private readonly pacer: PositionPacer | null = null;
  private readonly sweep: PositionSweep | null = null;
  /** The layout stopped: once the sweep has drawn its last positions, labels are re-indexed. */
  private stopped = false;
  private tieList: { graph: WordspreadGraph; size: number; keys: string[] } | null = null;

  constructor(
    private readonly sigma: Sigma<NodeView, { weight: number }>,
    private readonly graph: WordspreadGraph,
    private readonly nodeKeys: string[],
    private readonly ties: DrawnTies,
    private readonly detail: EdgeDetail,
  ) {
    if (graph.order >= SWEEP_NODES) {
      this.sweep = new PositionSweep(
        graph.order,
        () => this.tieKeys().length,
        (xy, nodeFrom, nodeTo, tieFrom, tieTo) => this.move(xy, nodeFrom, nodeTo, tieFrom, tieTo),
        () => this.swept(),
      );
    } else {
      this.pacer = new PositionPacer((xy) => this.moveAll(xy));
    }
  }

  /** New positions, x and y interleaved in node order. */
  offer(xy: Float32Array): void {
    if (this.sweep) {
      const box = boxOf(xy);
      if (outgrows(box, currentFrame(this.sigma))) setFrame(this.sigma, box);
      this.stopped = false;
      this.sweep.offer(xy);
    } else {
      if (this.detail.setMoving(true)) this.ties.schedule();
      this.pacer?.offer(xy);
    }
  }

  /**
   * The layout paused or finished. Positions still held back by the pacing are drawn now and the
   * quiet ties come back; a sweep finishes its round, then the labels follow the final positions.
   * (Told by the layout, not guessed from a pause in positions: a slow redraw is such a pause too,
   * and ties leaving and returning with each one would cost more than the redraws.)
   */
  flush(): void {
    this.pacer?.flush();
    if (this.detail.setMoving(false)) this.ties.schedule();
    this.stopped = true;
    if (this.sweep && !this.sweep.active) this.swept();
  }

  /** Draws now whatever is still on its way (an exported picture shows the final state). */
  complete(): void {
    if (this.sweep?.active) {
      this.sweep.finish();
      reindexLabels(this.sigma, this.nodeKeys);
    }
  }

  dispose(): void {
    this.pacer?.dispose();
    this.sweep?.dispose();
  }

  /** A sweep drew the latest positions. */
  private swept(): void {
    if (!this.stopped) return;
    this.stopped = false;
    reindexLabels(this.sigma, this.nodeKeys);
    this.sigma.scheduleRender();
  }

  /** Moves every node (sigma reprocesses all at its next frame). */
  private moveAll(xy: Float32Array): void {
    // Written in place, without graph events: on those, sigma would rerun every node's reducer
    // (O(nodes) per layout frame) although only positions changed. Its reprocess, asked for here,
    // reads positions straight from the graph's attributes.
    let i = 0;
    this.graph.forEachNode((_key, attributes) => {
      attributes.x = xy[2 * i];
      attributes.y = xy[2 * i + 1];
      i++;
    });
    this.sigma.refresh({ partialGraph: { nodes: [] }, schedule: true });
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
