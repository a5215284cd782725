import type { Csr } from '../graph/csr';
import { EventHeap } from './event-heap';
import { IndexedMinHeap } from './min-heap';
import { Channel } from './types';

/** What one run leaves besides the timeline in its workspace's adoption columns. */
export interface RunOutcome {
  /** Number of adoptions (the total reach). */
  length: number;
  /** Reach if nobody had passed it on: origins plus delivered hard-network members. */
  hardOnlyReach: number;
  /** Out-edges looked at, for benchmarks (edges per second). */
  edgesScanned: number;
}

/** Per-node flags packed in one byte array. */
export const ADOPTED = 1;
export const HARD_DELIVERED = 2;
export const TOUCHED = 4;

/**
 * The per-node state of one spread, allocated once and reused run after run. A 1M-node graph needs
 * about 50 MB of it; Monte Carlo runs thousands of spreads, and allocating (and zeroing, and
 * collecting) that each time would cost more than a small cascade itself. Resetting only the nodes
 * a run touched keeps a run's cost proportional to its cascade, not to the graph.
 *
 * Not shared between concurrent runs (there are none in one thread). The adoption columns
 * (`outTime` ... `outChannel`) hold the last run's timeline until the next run.
 */
export class SpreadWorkspace {
  readonly flags: Uint8Array;
  readonly arrival: Float64Array;
  readonly via: Int32Array;
  readonly channel: Uint8Array;
  /** Threshold models: exposure (count or weight) gathered so far. */
  readonly exposure: Float64Array;
  readonly heap: IndexedMinHeap;
  readonly events = new EventHeap();
  readonly outTime: Float64Array;
  readonly outNode: Int32Array;
  readonly outVia: Int32Array;
  readonly outChannel: Uint8Array;
  length = 0;
  private readonly touched: Int32Array;
  private touchedCount = 0;

  constructor(readonly nodeCount: number) {
    this.flags = new Uint8Array(nodeCount);
    this.arrival = new Float64Array(nodeCount).fill(Infinity);
    this.via = new Int32Array(nodeCount).fill(-1);
    this.channel = new Uint8Array(nodeCount);
    this.exposure = new Float64Array(nodeCount);
    this.heap = new IndexedMinHeap(nodeCount, this.arrival);
    this.outTime = new Float64Array(nodeCount);
    this.outNode = new Int32Array(nodeCount);
    this.outVia = new Int32Array(nodeCount);
    this.outChannel = new Uint8Array(nodeCount);
    this.touched = new Int32Array(nodeCount);
  }

  /** Marks a node as having state to reset; call before changing anything about it. */
  touch(node: number): void {
    if (this.flags[node] & TOUCHED) return;
    this.flags[node] = TOUCHED;
    this.touched[this.touchedCount++] = node;
  }

  record(node: number, time: number, from: number, how: Channel): void {
    const at = this.length++;
    this.outTime[at] = time;
    this.outNode[at] = node;
    this.outVia[at] = from;
    this.outChannel[at] = how;
  }

  /** Restores the state of every touched node; O(touched). */
  reset(): void {
    const { touched, flags, arrival, via, channel, exposure } = this;
    for (let i = 0; i < this.touchedCount; i++) {
      const node = touched[i];
      flags[node] = 0;
      arrival[node] = Infinity;
      via[node] = -1;
      channel[node] = 0;
      exposure[node] = 0;
    }
    this.touchedCount = 0;
    this.length = 0;
    // A run always drains its heaps; clearing covers a run that threw halfway.
    this.events.clear();
    while (this.heap.size > 0) this.heap.pop();
  }
}

/** The workspace to use for `csr`: the given one when it fits, a fresh one otherwise. */
export function workspaceFor(csr: Csr, workspace?: SpreadWorkspace): SpreadWorkspace {
  if (workspace && workspace.nodeCount === csr.nodeCount) {
    workspace.reset();
    return workspace;
  }
  return new SpreadWorkspace(csr.nodeCount);
}

/** Records the origins at t = 0, once each, and returns them without repeats. */
export function adoptOrigins(ws: SpreadWorkspace, listed: readonly number[]): number[] {
  const origins: number[] = [];
  for (const origin of listed) {
    if (ws.flags[origin] & ADOPTED) continue; // listed twice
    ws.touch(origin);
    ws.flags[origin] |= ADOPTED;
    ws.arrival[origin] = 0;
    origins.push(origin);
    ws.record(origin, 0, -1, Channel.origin);
  }
  return origins;
}
