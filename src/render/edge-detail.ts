import { needsEdgeSample, sampleEdges } from '../core/graph/level-of-detail';
import type { PlaybackState } from '../core/spread/playback';

/**
 * Which ties the view draws. Up to DETAIL_EDGE_LIMIT ties: all of them. Above it: the ties that carry
 * the word plus a fixed sample of the others, unless "Draw every tie" (setFull) asks for all.
 *
 * The ties with a slot (`hasSlot`) are the edges of the graph sigma holds (see drawnSubgraph);
 * changing that set means handing sigma a new graph, so it changes only with the spread and the
 * switch, never per frame.
 */
export class EdgeDetail {
  private readonly sample: Uint8Array | null;
  private readonly carried: Uint8Array;
  private timelineVersion = -1;
  private full = false;

  constructor(edgeCount: number) {
    this.sample = needsEdgeSample(edgeCount) ? sampleEdges(edgeCount) : null;
    this.carried = new Uint8Array(this.sample ? edgeCount : 0);
  }

  /** The graph is big enough for a sample (whether or not the person switched it off). */
  get available(): boolean {
    return this.sample !== null;
  }

  /** Some ties are left out right now (the graph is big and the person did not ask for all). */
  private get active(): boolean {
    return this.sample !== null && !this.full;
  }

  /** Every tie has a slot right now: sigma can hold the whole graph. */
  get slotsAll(): boolean {
    return !this.active;
  }

  /** Draw every tie (true) or the sample (false). Returns whether the drawn set changed. */
  setFull(full: boolean): boolean {
    const before = this.active;
    this.full = full;
    return before !== this.active;
  }

  /**
   * Catches up with the playback's timeline. Returns true when a new spread changed which ties carry
   * the word while ties are being left out, so sigma needs the new set.
   */
  syncTimeline(playback: PlaybackState): boolean {
    if (playback.version === this.timelineVersion) return false;
    this.timelineVersion = playback.version;
    if (!this.sample) return false;
    this.carried.fill(0);
    for (const edge of playback.carriedEdges) if (edge >= 0) this.carried[edge] = 1;
    return this.active;
  }

  /** The tie is in the graph sigma holds (it is drawn now or may be during this spread). */
  hasSlot(edge: number): boolean {
    return !this.active || this.carried[edge] === 1 || this.showsQuiet(edge);
  }

  /** The tie is drawn while it has not carried the word. */
  showsQuiet(edge: number): boolean {
    return !this.active || this.sample![edge] === 1;
  }
}
