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
import { Pulses } from './pulses';

type EdgeView = { weight: number };

export interface GraphViewOptions {
  /** A person clicked a node (its index). */
  onNodeClick?: (node: number) => void;
  /** The pointer entered a node (its index) or left it (-1). */
  onNodeHover?: (node: number) => void;
  /** A person clicked the background. */
  onStageClick?: () => void;
}

/**
 * How nodes are coloured: by the spread (channel colours), or by a categorical attribute where each
 * node's group index is given (reached members full colour, the others faint).
 */
export type ColourMode = { type: 'spread' } | { type: 'group'; groupOfNode: Int32Array };

/** A highlight of more people than this labels none of them (hundreds of labels are unreadable). */
const MAX_HIGHLIGHT_LABELS = 60;

/** Nodes and edges to bring forward (a path, a person's cascade); everything else recedes. */
export interface Highlight {
  nodes: Set<number>;
  edges: Set<number>;
}

/**
 * The only place that knows sigma. Visual state lives in typed arrays (PlaybackState); sigma's
 * reducers read them, and each update refreshes only the items that changed.
 */
export class GraphView {
  readonly sigma: Sigma<NodeView, EdgeView>;
  private colour: ColourMode = { type: 'spread' };
  private readonly nodeKeys: string[];
  private origins = new Set<number>();
  private labelled = new Set<number>();
  private highlight: Highlight | null = null;
  /** Per edge, 1 when shown; null shows every edge. Edges that carried the word always show. */
  private edgeFilter: Uint8Array | null = null;
  private readonly pulses = new Pulses((nodes, edges) => this.refresh({ nodes, edges }));

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
    const { onNodeClick, onNodeHover, onStageClick } = options;
    this.sigma.on('clickNode', ({ node }) => onNodeClick?.(indexOf.get(node) ?? -1));
    this.sigma.on('clickStage', () => onStageClick?.());
    this.sigma.on('enterNode', ({ node }) => {
      container.style.cursor = 'pointer';
      onNodeHover?.(indexOf.get(node) ?? -1);
    });
    this.sigma.on('leaveNode', () => {
      container.style.cursor = '';
      onNodeHover?.(-1);
    });
  }

  setOrigins(origins: number[]): void {
    const before = [...this.origins];
    this.origins = new Set(origins);
    this.refresh({ nodes: [...before, ...origins], edges: [] });
  }

  /** Nodes whose label is always drawn (the origin's is anyway): top spreaders, the selected person. */
  setLabelled(nodes: number[]): void {
    const before = [...this.labelled];
    this.labelled = new Set(nodes);
    this.refresh({ nodes: [...before, ...nodes], edges: [] });
  }

  setHighlight(highlight: Highlight | null): void {
    this.highlight = highlight;
    this.sigma.refresh({ skipIndexation: true, schedule: true });
  }

  setEdgeFilter(shown: Uint8Array | null): void {
    this.edgeFilter = shown;
    this.sigma.refresh({ skipIndexation: true });
  }

  setColourMode(mode: ColourMode): void {
    this.colour = mode;
    this.sigma.refresh({ skipIndexation: true });
  }

  /** Redraws only the given nodes and edges (their positions did not move). */
  refresh(changes: Changes): void {
    if (changes.nodes.length === 0 && changes.edges.length === 0) return;
    try {
      this.refreshPartially(changes);
    } catch {
      // Between a resize and sigma's next frame its index is empty and a partial refresh throws
      // ("can't be repaint"); a scheduled full refresh draws the same state a frame later.
      this.sigma.scheduleRefresh();
    }
  }

  private refreshPartially(changes: Changes): void {
    this.sigma.refresh({
      partialGraph: {
        // An origin of -1 (an empty graph has none) must not reach sigma as an "undefined" key.
        nodes: changes.nodes
          .filter((i) => i >= 0 && i < this.nodeKeys.length)
          .map((i) => this.nodeKeys[i]),
        edges: changes.edges.map(String),
      },
      skipIndexation: true,
      // The data is updated now; the drawing waits for the next frame, so the playhead, pulses
      // and highlights of one frame share a single render.
      schedule: true,
    });
  }

  /** Newly reached people and the edges that carried the word, to pulse briefly. */
  pulse(changes: Changes): void {
    this.pulses.start(changes.nodes, changes.edges);
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

  /**
   * Glides the camera to frame these nodes (the newest adoptions, when following the spread).
   * Display coordinates are sigma's normalised frame, the camera's own space.
   */
  frame(nodes: number[]): void {
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const node of nodes) {
      const data = this.sigma.getNodeDisplayData(this.nodeKeys[node]);
      if (!data) continue;
      minX = Math.min(minX, data.x);
      maxX = Math.max(maxX, data.x);
      minY = Math.min(minY, data.y);
      maxY = Math.max(maxY, data.y);
    }
    if (!Number.isFinite(minX)) return;
    const ratio = Math.min(1, Math.max(0.15, 1.6 * Math.max(maxX - minX, maxY - minY)));
    void this.sigma
      .getCamera()
      .animate({ x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio }, { duration: 450 });
  }

  resetCamera(): void {
    void this.sigma.getCamera().animatedReset({ duration: 300 });
  }

  kill(): void {
    this.pulses.clear();
    this.sigma.kill();
  }

  private reduceNode(node: number, attributes: NodeView): Partial<NodeDisplayData> {
    const channel = this.playback.nodeChannel[node];
    const isOrigin = this.origins.has(node);
    const dimmed = this.highlight !== null && !this.highlight.nodes.has(node);
    const pulse = this.pulses.nodeStrength(node);
    let size =
      attributes.size * (channel >= 0 ? CHANNEL_SIZE_FACTOR[channel] : 1) * (1 + 0.9 * pulse);
    if (this.highlight && !dimmed) size *= 1.25;
    let color: string;
    if (dimmed) color = UNREACHED_COLOR;
    else if (isOrigin) color = CHANNEL_COLORS[0];
    else if (this.colour.type === 'group') {
      const group = this.colour.groupOfNode[node];
      const shade = group < 0 ? -1 : group % GROUP_COLORS.length;
      color =
        shade < 0
          ? UNREACHED_COLOR
          : channel >= 0
            ? GROUP_COLORS[shade]
            : GROUP_COLORS_FAINT[shade];
    } else {
      color = channel >= 0 ? CHANNEL_COLORS[channel] : UNREACHED_COLOR;
    }
    return {
      ...attributes,
      size,
      color,
      forceLabel:
        isOrigin ||
        this.labelled.has(node) ||
        (this.highlight !== null &&
          this.highlight.nodes.size <= MAX_HIGHLIGHT_LABELS &&
          this.highlight.nodes.has(node)),
    };
  }

  private reduceEdge(edge: number, attributes: EdgeView): Partial<EdgeDisplayData> {
    const channel = this.playback.edgeChannel[edge];
    const highlighted = this.highlight?.edges.has(edge) ?? false;
    if (channel < 0 || (this.highlight && !highlighted)) {
      const hidden = channel < 0 && this.edgeFilter !== null && this.edgeFilter[edge] === 0;
      return { ...attributes, color: QUIET_EDGE_COLOR, size: 0.5, hidden };
    }
    const pulse = this.pulses.edgeStrength(edge);
    return {
      ...attributes,
      color: CHANNEL_COLORS[channel],
      size: (highlighted ? 2.6 : 1.4) + 2 * pulse,
    };
  }
}
