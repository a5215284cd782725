/**
 * The baseline the spread benchmarks compare against: the same continuous-time independent cascade
 * as simulateSpread, written the way one would first write it against graphology (neighbour
 * callbacks, string keys, Maps for state, one object per queued arrival). It draws the same random
 * numbers in the same order, so on the same graph and scenario it gives the same timeline.
 */
import Graph from 'graphology';
import { DelaySampler } from '../src/core/spread/delays';
import { createRng } from '../src/core/spread/rng';
import type { Scenario } from '../src/core/spread/types';
import type { EdgeList } from './random-graph';

/** A directed graphology graph of an edge list, node keys "0" .. "n-1". */
export function buildGraphologyGraph(edges: EdgeList): Graph {
  const graph = new Graph({ type: 'directed' });
  for (let node = 0; node < edges.nodeCount; node++) graph.addNode(node);
  for (let e = 0; e < edges.sources.length; e++) graph.addEdge(edges.sources[e], edges.targets[e]);
  return graph;
}

interface Arrival {
  time: number;
  node: string;
  via: string | null;
  channel: 'hard' | 'soft';
}

/** A plain binary min-heap of arrival objects by time; stale entries are skipped when popped. */
class ArrivalHeap {
  private items: Arrival[] = [];
  get size(): number {
    return this.items.length;
  }
  push(item: Arrival): void {
    const items = this.items;
    items.push(item);
    let at = items.length - 1;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (items[parent].time <= item.time) break;
      items[at] = items[parent];
      at = parent;
    }
    items[at] = item;
  }
  pop(): Arrival {
    const items = this.items;
    const top = items[0];
    const last = items.pop()!;
    if (items.length > 0) {
      let at = 0;
      for (;;) {
        let child = 2 * at + 1;
        if (child >= items.length) break;
        if (child + 1 < items.length && items[child + 1].time < items[child].time) child++;
        if (items[child].time >= last.time) break;
        items[at] = items[child];
        at = child;
      }
      items[at] = last;
    }
    return top;
  }
}

export interface Adoption {
  time: number;
  node: string;
  via: string | null;
  channel: string;
}

/** The baseline cascade; see the file comment. */
export function graphologySpread(graph: Graph, scenario: Scenario): Adoption[] {
  const rng = createRng(scenario.seed);
  const delays = new DelaySampler(rng);
  const adopted = new Map<string, Adoption>();
  const best = new Map<string, number>();
  const timeline: Adoption[] = [];
  const heap = new ArrivalHeap();
  const origins = scenario.origins.map(String);
  for (const origin of origins) {
    const adoption = { time: 0, node: origin, via: null, channel: 'origin' };
    adopted.set(origin, adoption);
    timeline.push(adoption);
  }
  for (const origin of origins) {
    graph.forEachOutNeighbor(origin, (member) => {
      if (adopted.has(member) || !(rng.next() < scenario.delivery)) return;
      const time = delays.hard();
      if (time < (best.get(member) ?? Infinity)) {
        best.set(member, time);
        heap.push({ time, node: member, via: origin, channel: 'hard' });
      }
    });
  }
  while (heap.size > 0) {
    const arrival = heap.pop();
    if (adopted.has(arrival.node)) continue;
    const adoption = { ...arrival };
    adopted.set(arrival.node, adoption);
    timeline.push(adoption);
    graph.forEachOutNeighbor(arrival.node, (contact) => {
      if (adopted.has(contact) || !(rng.next() < scenario.worth)) return;
      const time = arrival.time + delays.soft();
      if (time < (best.get(contact) ?? Infinity)) {
        best.set(contact, time);
        heap.push({ time, node: contact, via: arrival.node, channel: 'soft' });
      }
    });
  }
  return timeline;
}
