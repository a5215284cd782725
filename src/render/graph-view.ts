import Sigma from 'sigma';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { NodeView, WordspreadGraph } from '../core/graph/build';
import type { Changes, PlaybackState } from '../core/spread/playback';
import {
  CHANNEL_COLORS,
  CHANNEL_SIZE_FACTOR,
  GROUP_COLORS,
  GROUP_COLORS_FAINT,
  QUIET_EDGE_COLOR,
  UNREACHED_COLOR,
} from '../core/spread/palette';

type EdgeView = { weight: number };

export interface GraphViewOptions {
  /** Called with the node's index when a person clicks a node. */
  onNodeClick?: (node: number) => void;
}

/**
 * How nodes are coloured: by the spread (channel colours), or by a categorical attribute where each
 * node's group index is given (reached members full colour, the others faint).
 */
export type ColourMode = { type: 'spread' } | { type: 'group'; groupOfNode: Int32Array };

/**
 * The only place that knows sigma. Visual state lives in typed arrays (PlaybackState); sigma's
 * reducers read them, and each update refreshes only the items that changed.
 */
export class GraphView {
  readonly sigma: Sigma<NodeView, EdgeView>;
  private colour: ColourMode = { type: 'spread' };
  private nodeKeys: string[];
  private origins = new Set<number>();

  constructor(
    container: HTMLElement,
    private readonly graph: WordspreadGraph,
    private readonly playback: PlaybackState,
    options: GraphViewOptions = {},
  ) {
    this.nodeKeys = graph.nodes();
    const indexOf = new Map(this.nodeKeys.map((key, i) => [key, i]));
    this.sigma = new Sigma<NodeView, EdgeView>(graph, container, {
      defaultEdgeColor: QUIET_EDGE_COLOR,
      labelRenderedSizeThreshold: 9,
      labelDensity: 0.5,
      hideEdgesOnMove: graph.size > 50_000,
      zIndex: false,
      nodeReducer: (key, attributes) => this.reduceNode(indexOf.get(key) ?? -1, attributes),
      edgeReducer: (key, attributes) => this.reduceEdge(Number(key), attributes),
    });
    const click = options.onNodeClick;
    if (click) {
      this.sigma.on('clickNode', ({ node }) => click(indexOf.get(node) ?? -1));
      this.sigma.on('enterNode', () => (container.style.cursor = 'pointer'));
      this.sigma.on('leaveNode', () => (container.style.cursor = ''));
    }
  }

  setOrigins(origins: number[]): void {
    const before = [...this.origins];
    this.origins = new Set(origins);
    this.refresh({ nodes: [...before, ...origins], edges: [] });
  }

  setColourMode(mode: ColourMode): void {
    this.colour = mode;
    this.sigma.refresh({ skipIndexation: true });
  }

  /** Redraws only the given nodes and edges (their positions did not move). */
  refresh(changes: Changes): void {
    if (changes.nodes.length === 0 && changes.edges.length === 0) return;
    this.sigma.refresh({
      partialGraph: {
        nodes: changes.nodes.map((i) => this.nodeKeys[i]),
        edges: changes.edges.map(String),
      },
      skipIndexation: true,
    });
  }

  /** Moves nodes to new positions, x and y interleaved in node order. */
  applyPositions(xy: Float32Array): void {
    let i = 0;
    this.graph.updateEachNodeAttributes(
      (_key, attributes) => {
        attributes.x = xy[2 * i];
        attributes.y = xy[2 * i + 1];
        i++;
        return attributes;
      },
      { attributes: ['x', 'y'] },
    );
  }

  /** Where a node is drawn, in CSS pixels from the canvas's top-left corner. */
  viewportPosition(node: number): { x: number; y: number } {
    const { x, y } = this.graph.getNodeAttributes(this.nodeKeys[node]);
    return this.sigma.graphToViewport({ x, y });
  }

  fit(): void {
    void this.sigma.getCamera().animatedReset({ duration: 300 });
  }

  kill(): void {
    this.sigma.kill();
  }

  private reduceNode(node: number, attributes: NodeView): Partial<NodeDisplayData> {
    const channel = this.playback.nodeChannel[node];
    const size = (attributes.size ?? 4) * (channel >= 0 ? CHANNEL_SIZE_FACTOR[channel] : 1);
    const isOrigin = this.origins.has(node);
    let color: string;
    if (this.colour.type === 'group') {
      const group = this.colour.groupOfNode[node] % GROUP_COLORS.length;
      color = channel >= 0 ? GROUP_COLORS[group] : GROUP_COLORS_FAINT[group];
    } else {
      color = channel >= 0 ? CHANNEL_COLORS[channel] : UNREACHED_COLOR;
    }
    return {
      ...attributes,
      size,
      color: isOrigin ? CHANNEL_COLORS[0] : color,
      forceLabel: isOrigin,
      zIndex: channel >= 0 ? 1 : 0,
    };
  }

  private reduceEdge(edge: number, attributes: EdgeView): Partial<EdgeDisplayData> {
    const channel = this.playback.edgeChannel[edge];
    if (channel < 0) return { ...attributes, color: QUIET_EDGE_COLOR, size: 0.5 };
    return { ...attributes, color: CHANNEL_COLORS[channel], size: 1.6 };
  }
}
