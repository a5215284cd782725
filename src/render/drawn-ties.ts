import type Sigma from 'sigma';
import type { NodeView, WordspreadGraph } from '../core/graph/build';
import { drawnSubgraph, missingEdges } from '../core/graph/drawn-subgraph';
import type { EdgeDetail } from './edge-detail';
import { TieReveal } from './tie-reveal';

/**
 * Adding ties a frame at a time pays off only while sigma's full reprocess, which each frame of
 * added ties triggers, stays well within a frame: up to about this many nodes plus ties. Beyond it
 * one new graph in one go costs less in all than many frames that each reprocess everything.
 */
const REVEAL_ITEMS = 80_000;

/**
 * The graph sigma holds: the dataset's graph, or (on a big graph, see EdgeDetail) a graph of the
 * drawn ties only. When the set of drawn ties changes, sigma gets the graph of the new set at the
 * next frame, or, when ties only come back (the layout settled), the missing ones are added a frame's
 * budget at a time (TieReveal).
 */
export class DrawnTies {
  private held: WordspreadGraph;
  private frame = 0;
  private readonly reveal: TieReveal;
  private sigma: Sigma<NodeView, { weight: number }> | null = null;

  constructor(
    private readonly graph: WordspreadGraph,
    private readonly detail: EdgeDetail,
  ) {
    this.held = this.graphOfSlots();
    this.reveal = new TieReveal(graph);
  }

  /** The graph to give sigma now. */
  get current(): WordspreadGraph {
    return this.held;
  }

  /** The renderer holding `current`, which later changes are handed to. */
  attach(sigma: Sigma<NodeView, { weight: number }>): void {
    this.sigma = sigma;
  }

  /** A change is on its way: a new set at the next frame, or ties being added. */
  get pending(): boolean {
    return this.frame !== 0 || this.reveal.active;
  }

  /** Of these edge keys, the ones sigma holds now. */
  heldOf(keys: string[]): string[] {
    // Ties that carry the word are always held, except between a new spread and the frame that
    // hands sigma the new set (or while ties are being added).
    return this.pending ? keys.filter((key) => this.held.hasEdge(key)) : keys;
  }

  /** The set changed: sigma gets it at the next frame, once however many changes come first. */
  schedule(): void {
    if (this.frame === 0) this.frame = requestAnimationFrame(() => this.redraw());
  }

  /**
   * Hands sigma the graph of the ties drawn now and redraws at once (sigma's setGraph renders), or,
   * when ties only come back, adds them a frame's budget at a time (`progressive`; a video frame or an
   * exported image needs them all at once). Holding the whole graph either way, reruns every reducer.
   */
  redraw(progressive = true): void {
    const sigma = this.sigma;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.reveal.stop();
    if (!sigma) return;
    const missing =
      this.held === this.graph
        ? null
        : missingEdges(this.graph, this.held, (edge) => this.detail.hasSlot(edge));
    if (
      progressive &&
      missing &&
      this.graph.order + this.held.size + missing.length <= REVEAL_ITEMS
    ) {
      // Ties already held may change look (a quiet one hidden while moving shows again).
      sigma.refresh({
        partialGraph: { edges: this.held.edges() },
        skipIndexation: true,
        schedule: true,
      });
      this.reveal.start(this.held, missing);
      return;
    }
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
    this.reveal.stop();
  }

  private graphOfSlots(): WordspreadGraph {
    if (this.detail.slotsAll) return this.graph;
    return drawnSubgraph(this.graph, (edge) => this.detail.hasSlot(edge));
  }
}
