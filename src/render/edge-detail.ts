import { MOVING_EDGE_LIMIT, needsEdgeSample, sampleEdges } from '../core/graph/level-of-detail';
import type { PlaybackState } from '../core/spread/playback';

/**
 * Which ties the view draws. Small graphs: all of them, always. Above MOVING_EDGE_LIMIT: while the
 * layout moves the nodes, only the ties that carry the word. Above DETAIL_EDGE_LIMIT, also when still:
 * the carrying ties plus a fixed sample of the others. "Draw every tie" (setFull) switches both off.
 *
 * The ties with a slot (`hasSlot`) are the edges of the graph sigma holds (see drawnSubgraph);
 * changing that set means handing sigma a new graph, so it changes only with the spread, the switch
 * and the layout's moving/settled state, never per frame.
 */
export class EdgeDetail {
  private readonly sample: Uint8Array | null;
  private readonly thinsWhileMoving: boolean;
  private readonly carried: Uint8Array;
  private timelineVersion = -1;
  private full = false;
  private moving = false;

  constructor(edgeCount: number) {
    this.sample = needsEdgeSample(edgeCount) ? sampleEdges(edgeCount) : null;
    this.thinsWhileMoving = edgeCount > MOVING_EDGE_LIMIT;
    this.carried = new Uint8Array(this.thinsWhileMoving ? edgeCount : 0);
  }

  /** The graph is big enough for a sample (whether or not the person switched it off). */
  get available(): boolean {
    return this.sample !== null;
  }

  /** Some ties may be left out right now (the graph is big and the person did not ask for all). */
  private get active(): boolean {
    return this.thinsWhileMoving && !this.full;
  }

  /** Every tie has a slot right now: sigma can hold the whole graph. */
  get slotsAll(): boolean {
    return !this.active || (!this.moving && this.sample === null);
  }

  /** Draw every tie (true) or thin them out (false). Returns whether the drawn set changed. */
  setFull(full: boolean): boolean {
    const before = this.active;
    this.full = full;
    return before !== this.active && (this.sample !== null || this.moving);
  }

  /** The layout is moving nodes (true) or has settled. Returns whether the drawn set changed. */
  setMoving(moving: boolean): boolean {
    const changed = this.active && moving !== this.moving;
    this.moving = moving;
    return changed;
  }

  /**
   * Catches up with the playback's timeline. Returns true when a new spread changed which ties carry
   * the word while ties are being left out, so the view must refresh fully.
   */
  syncTimeline(playback: PlaybackState): boolean {
    if (playback.version === this.timelineVersion) return false;
    this.timelineVersion = playback.version;
    if (!this.thinsWhileMoving) return false;
    this.carried.fill(0);
    for (const edge of playback.carriedEdges) if (edge >= 0) this.carried[edge] = 1;
    return this.active && (this.sample !== null || this.moving);
  }

  /** The tie is in the graph sigma holds (it is drawn now or may be during this spread). */
  hasSlot(edge: number): boolean {
    return !this.active || this.carried[edge] === 1 || this.showsQuiet(edge);
  }

  /** The tie is drawn while it has not carried the word. */
  showsQuiet(edge: number): boolean {
    if (!this.active) return true;
    return !this.moving && (this.sample === null || this.sample[edge] === 1);
  }
}
