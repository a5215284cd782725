import { findEdge, type Csr } from '../graph/csr';
import type { Timeline } from './types';

/** For each adoption, the payload edge that carried it (-1 for origins and `outside`). */
export function carriedEdges(csr: Csr, timeline: Timeline): Int32Array {
  const edges = new Int32Array(timeline.length);
  for (let row = 0; row < timeline.length; row++) {
    const via = timeline.via[row];
    edges[row] = via < 0 ? -1 : findEdge(csr, via, timeline.node[row]);
  }
  return edges;
}

export interface Changes {
  nodes: number[];
  edges: number[];
}

/**
 * What the picture shows at the player's current moment: per node and per edge, the channel that
 * reached it (-1 = not yet). The renderer's reducers read these arrays; moving the playhead touches
 * only the rows between the old and the new position, so the work per frame is proportional to what
 * changed, not to the size of the graph.
 */
export class PlaybackState {
  readonly nodeChannel: Int8Array;
  readonly edgeChannel: Int8Array;
  private timeline: Timeline | null = null;
  private edgesOfRows: Int32Array = new Int32Array(0);
  private shown = 0;
  private loads = 0;

  constructor(nodeCount: number, edgeCount: number) {
    this.nodeChannel = new Int8Array(nodeCount).fill(-1);
    this.edgeChannel = new Int8Array(edgeCount).fill(-1);
  }

  /** Rows currently applied (adoptions visible). */
  get shownRows(): number {
    return this.shown;
  }

  /** Counts timelines loaded, so a renderer can tell a new spread from a moved playhead. */
  get version(): number {
    return this.loads;
  }

  /** For each adoption of the current timeline, the edge that carried it (-1: none). */
  get carriedEdges(): Int32Array {
    return this.edgesOfRows;
  }

  /** Swaps in a new timeline, clearing the old one's marks; returns what changed. */
  load(timeline: Timeline, edgesOfRows: Int32Array): Changes {
    const changes = this.moveTo(0);
    this.timeline = timeline;
    this.edgesOfRows = edgesOfRows;
    this.loads++;
    return changes;
  }

  /** Shows exactly the first `rows` adoptions; returns the nodes and edges whose state changed. */
  moveTo(rows: number, changes: Changes = { nodes: [], edges: [] }): Changes {
    const timeline = this.timeline;
    if (!timeline) return changes;
    const target = Math.max(0, Math.min(rows, timeline.length));
    for (; this.shown < target; this.shown++) this.mark(timeline, this.shown, true, changes);
    while (this.shown > target) this.mark(timeline, --this.shown, false, changes);
    return changes;
  }

  private mark(timeline: Timeline, row: number, on: boolean, changes: Changes): void {
    const node = timeline.node[row];
    const channel = timeline.channel[row];
    this.nodeChannel[node] = on ? channel : -1;
    changes.nodes.push(node);
    const edge = this.edgesOfRows[row];
    if (edge >= 0) {
      this.edgeChannel[edge] = on ? channel : -1;
      changes.edges.push(edge);
    }
  }
}
