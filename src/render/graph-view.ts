import Sigma from 'sigma';
import type { CameraState, NodeDisplayData } from 'sigma/types';
import type { NodeView, WordspreadGraph } from '../core/graph/build';
import type { Changes, PlaybackState } from '../core/spread/playback';
import {
  CHANNEL_COLORS,
  CHANNEL_SIZE_FACTOR,
  GROUP_COLORS,
  type CanvasPalette,
} from '../core/spread/palette';
import { currentCanvasPalette, watchCanvasPalette } from './color-scheme';
import { EdgeDetail } from './edge-detail';
import { measureRenders } from './render-timing';
import { motionMs, Pulses } from './pulses';
import { MOVING_EDGE_LIMIT } from '../core/graph/level-of-detail';
import { LayoutMotion } from './layout-motion';
import { DrawnTies } from './drawn-ties';
import {
  EdgeRectangleChangedProgram,
  NodeCircleChangedProgram,
  type TieDisplayData,
} from './programs';

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
 * reducers read them, and each update refreshes only the items that changed. Node keys are node
 * indices as strings (`nodeKey`), edge keys edge indices, so a key converts to an index with Number.
 *
 * On a big graph sigma holds a graph of the drawn ties only (EdgeDetail decides which, drawnSubgraph
 * builds it), so what it walks when positions change is what is drawn, not every tie.
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
  private readonly detail: EdgeDetail;
  /** Colours that follow the page's light or dark theme. */
  private palette: CanvasPalette = currentCanvasPalette();
  private readonly stopWatchingScheme: () => void;
  private readonly ties: DrawnTies;
  private readonly motion: LayoutMotion;

  constructor(
    container: HTMLElement,
    private readonly graph: WordspreadGraph,
    private readonly playback: PlaybackState,
    options: GraphViewOptions = {},
  ) {
    this.nodeKeys = graph.nodes();
    this.detail = new EdgeDetail(graph.size);
    this.detail.syncTimeline(playback);
    this.ties = new DrawnTies(graph, this.detail);
    this.sigma = new Sigma<NodeView, EdgeView>(this.ties.current, container, {
      defaultEdgeColor: this.palette.quietEdge,
      labelColor: { color: this.palette.label },
      labelRenderedSizeThreshold: 9,
      labelDensity: 0.5,
      hideEdgesOnMove: graph.size > MOVING_EDGE_LIMIT,
      zIndex: false,
      // sigma's own circles and straight ties, uploading only what changed at each draw.
      nodeProgramClasses: { circle: NodeCircleChangedProgram<NodeView, EdgeView> },
      edgeProgramClasses: { line: EdgeRectangleChangedProgram<NodeView, EdgeView> },
      nodeReducer: (key, attributes) => this.reduceNode(Number(key), attributes),
      edgeReducer: (key, attributes) => this.reduceEdge(Number(key), attributes),
    });
    this.ties.attach(this.sigma);
    this.motion = new LayoutMotion(this.sigma, graph, this.nodeKeys, this.ties);
    measureRenders(this.sigma);
    this.stopWatchingScheme = watchCanvasPalette((palette) => this.setPalette(palette));
    const { onNodeClick, onNodeHover, onStageClick } = options;
    this.sigma.on('clickNode', ({ node }) => onNodeClick?.(Number(node)));
    this.sigma.on('clickStage', () => onStageClick?.());
    this.sigma.on('enterNode', ({ node }) => {
      container.style.cursor = 'pointer';
      onNodeHover?.(Number(node));
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

  /** The graph is big enough that only a sample of its quiet ties is drawn (unless switched off). */
  get samplesEdges(): boolean {
    return this.detail.available;
  }

  /** Draws every tie (true) or, on a big graph, the carrying ones plus a sample (false). */
  setAllEdges(all: boolean): void {
    if (this.detail.setFull(all)) this.ties.schedule();
  }

  /** Redraws only the given nodes and edges (their positions did not move). */
  refresh(changes: Changes): void {
    // A new spread changes which ties sigma holds: it gets the new set at the next frame.
    if (this.detail.syncTimeline(this.playback)) this.ties.schedule();
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
      partialGraph: this.drawnItems(changes),
      skipIndexation: true,
      // The data is updated now; the drawing waits for the next frame, so the playhead, pulses
      // and highlights of one frame share a single render.
      schedule: true,
    });
  }

  /** The keys of the changed items that sigma holds (drawn ties only; no -1 origin of an empty graph). */
  private drawnItems(changes: Changes): { nodes: string[]; edges: string[] } {
    const nodes = changes.nodes
      .filter((i) => i >= 0 && i < this.nodeKeys.length)
      .map((i) => this.nodeKeys[i]);
    return { nodes, edges: this.ties.heldOf(changes.edges.map(String)) };
  }

  /** Newly reached people and the edges that carried the word, to pulse briefly. */
  pulse(changes: Changes): void {
    this.pulses.start(changes.nodes, changes.edges);
  }

  /**
   * Moves nodes to new positions, x and y interleaved in node order: swept onto the drawing a
   * frame's budget at a time, so that a big graph's redraws leave the page time to answer (see
   * LayoutMotion).
   */
  applyPositions(xy: Float32Array): void {
    this.motion.offer(xy);
  }

  /** The layout paused or finished: the view fits the final positions and labels follow them. */
  settlePositions(): void {
    this.motion.flush();
  }

  /**
   * Draws now what is still waiting for coming frames (a new set of ties, ties being added), so an
   * exported picture shows what the view is about to show.
   */
  completeDrawing(): void {
    this.motion.complete();
    if (this.ties.pending) this.ties.redraw();
  }

  /** Where a node is drawn, in CSS pixels from the canvas's top-left corner. */
  viewportPosition(node: number): { x: number; y: number } {
    // From what sigma last drew, not from the graph: new layout positions are in the graph a frame
    // before they are on screen.
    const drawn = this.sigma.getNodeDisplayData(this.nodeKeys[node]);
    if (drawn) return this.sigma.framedGraphToViewport(drawn);
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
    this.moveCamera({ x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio }, 450);
  }

  resetCamera(): void {
    this.moveCamera({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }, 300);
  }

  /** Glides the camera, or jumps for people who ask for reduced motion. */
  private moveCamera(state: Partial<CameraState>, ms: number): void {
    const camera = this.sigma.getCamera();
    const duration = motionMs(ms);
    // sigma's animate divides by the duration: a zero would give it NaN positions.
    if (duration === 0) camera.setState(state);
    else void camera.animate(state, { duration });
  }

  /** The colour the graph is drawn on (an exported image with a solid background uses it). */
  get background(): string {
    return this.palette.background;
  }

  private setPalette(palette: CanvasPalette): void {
    this.palette = palette;
    // Settings changes make sigma refresh fully, reducers included.
    this.sigma.setSetting('labelColor', { color: palette.label });
  }

  kill(): void {
    this.stopWatchingScheme();
    this.ties.dispose();
    this.motion.dispose();
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
    const { unreached } = this.palette;
    if (dimmed) color = unreached;
    else if (isOrigin) color = CHANNEL_COLORS[0];
    else if (this.colour.type === 'group') {
      const group = this.colour.groupOfNode[node];
      const shade = group < 0 ? -1 : group % GROUP_COLORS.length;
      color =
        shade < 0 ? unreached : channel >= 0 ? GROUP_COLORS[shade] : this.palette.groupFaint[shade];
    } else {
      color = channel >= 0 ? CHANNEL_COLORS[channel] : unreached;
    }
    // sigma hands reducers a copy of the attributes of their own: filling it in saves another copy
    // per item, which is most of a reducer's cost when a frame changes hundreds of items.
    const shown = attributes as NodeView & Partial<NodeDisplayData>;
    shown.size = size;
    shown.color = color;
    shown.forceLabel =
      isOrigin ||
      this.labelled.has(node) ||
      (this.highlight !== null &&
        this.highlight.nodes.size <= MAX_HIGHLIGHT_LABELS &&
        this.highlight.nodes.has(node));
    return shown;
  }

  private reduceEdge(edge: number, attributes: EdgeView): Partial<TieDisplayData> {
    const channel = this.playback.edgeChannel[edge];
    const highlighted = this.highlight?.edges.has(edge) ?? false;
    const shown = attributes as EdgeView & Partial<TieDisplayData>; // sigma's copy, as for nodes
    shown.quiet = channel < 0;
    if (channel < 0 || (this.highlight && !highlighted)) {
      shown.color = this.palette.quietEdge;
      shown.size = 0.5;
      shown.hidden =
        channel < 0 &&
        ((this.edgeFilter !== null && this.edgeFilter[edge] === 0) ||
          !this.detail.showsQuiet(edge));
      return shown;
    }
    shown.color = CHANNEL_COLORS[channel];
    shown.size = (highlighted ? 2.6 : 1.4) + 2 * this.pulses.edgeStrength(edge);
    return shown;
  }

  /**
   * Shows these changes and renders at once, then paints sigma's layers onto `target`, stretched to
   * its canvas. For video frames: a WebGL canvas keeps its pixels only until the task ends, so the
   * render (not left to the next animation frame, as `refresh` does) and the copy share one task.
   */
  paintFrame(changes: Changes, target: CanvasRenderingContext2D): void {
    const resynced = this.detail.syncTimeline(this.playback);
    try {
      if (resynced) this.ties.redraw();
      else if (this.ties.pending) this.completeDrawing();
      else this.sigma.refresh({ partialGraph: this.drawnItems(changes), skipIndexation: true });
    } catch {
      this.sigma.refresh(); // not indexed yet: a full refresh, synchronous all the same
    }
    const { width, height } = target.canvas;
    for (const layer of Object.values(this.sigma.getCanvases())) {
      target.drawImage(layer, 0, 0, width, height);
    }
  }
}
