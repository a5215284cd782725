import type Sigma from 'sigma';
import type { NodeView, WordspreadGraph } from '../core/graph/build';
import { drawnSubgraph } from '../core/graph/drawn-subgraph';
import type { EdgeDetail } from './edge-detail';

/**
 * The graph sigma holds: the dataset's graph, or (on a big graph, see EdgeDetail) a graph of the
 * drawn ties only. When the set of drawn ties changes, sigma gets the graph of the new set at the
 * next frame, once however many changes come first.
 */
export class DrawnTies {
  private held: WordspreadGraph;
  private frame = 0;
  private sigma: Sigma<NodeView, { weight: number }> | null = null;

  constructor(
    private readonly graph: WordspreadGraph,
    private readonly detail: EdgeDetail,
  ) {
    this.held = this.graphOfSlots();
  }

  /** The graph to give sigma now. */
  get current(): WordspreadGraph {
    return this.held;
  }

  /** The renderer holding `current`, which later changes are handed to. */
  attach(sigma: Sigma<NodeView, { weight: number }>): void {
    this.sigma = sigma;
  }

  /** A new set is on its way (at the next frame). */
  get pending(): boolean {
    return this.frame !== 0;
  }

  /** Of these edge keys, the ones sigma holds now. */
  heldOf(keys: string[]): string[] {
    // Ties that carry the word are always held, except between a new spread and the frame that
    // hands sigma the new set.
    return this.pending ? keys.filter((key) => this.held.hasEdge(key)) : keys;
  }

  /** The set changed: sigma gets it at the next frame. */
  schedule(): void {
    if (this.frame === 0) this.frame = requestAnimationFrame(() => this.redraw());
  }

  /**
   * Hands sigma the graph of the ties drawn now and redraws at once (sigma's setGraph renders), or
   * refreshes fully when it already holds them. Either way every reducer reruns.
   */
  redraw(): void {
    const sigma = this.sigma;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    if (!sigma) return;
    const next = this.graphOfSlots();
    if (next === this.held) {
      sigma.refresh();
      return;
    }
    this.held = next;
    sigma.setGraph(next);
  }

  dispose(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  private graphOfSlots(): WordspreadGraph {
    if (this.detail.slotsAll) return this.graph;
    return drawnSubgraph(this.graph, (edge) => this.detail.hasSlot(edge));
  }
}
