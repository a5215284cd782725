import type Sigma from 'sigma';
import type { WordspreadGraph } from '../core/graph/build';
import { PlaybackState } from '../core/spread/playback';
import type { Timeline } from '../core/spread/types';
import { drawOverlay, type LegendEntry } from './canvas-overlay';
import { scaledSettings } from './export-image';
import { GraphView, type ColourMode } from './graph-view';

export interface Size {
  width: number;
  height: number;
}

/** What the video shows besides the spread itself: the view's colours, filter and overlay. */
export interface FrameLook {
  colour: ColourMode;
  edgeFilter: Uint8Array | null;
  origins: number[];
  /** Drawn at the top left (the dataset), or nothing. */
  title: string | null;
  /** Drawn at the top right on every frame, or nothing. */
  legend: LegendEntry[] | null;
}

export interface FrameSource {
  graph: WordspreadGraph;
  nodeCount: number;
  edgeCount: number;
  timeline: Timeline;
  /** For each adoption, the edge that carried it (-1: none). */
  carriedEdges: Int32Array;
}

/**
 * Draws video frames: the spread after its first `rows` adoptions, at the video's pixel size, with
 * the legend and a caption. It has its own sigma renderer (a GraphView, so the same reducers and
 * colours) in a hidden container and its own playback arrays, so exporting never moves the app's
 * playhead or redraws its view, and Cancel has nothing to undo.
 *
 * Why a second renderer rather than the on-screen one: the video's size and aspect differ from the
 * view's, and stretching a render made for another size blurs it. The hidden container is sized so
 * sigma's canvases have exactly the video's pixels (CSS size = pixels / devicePixelRatio), and every
 * size (nodes, edges, labels, padding) is scaled by how much larger the video is than the on-screen
 * view, so the picture looks like the screen, only at the video's size. The camera shows the whole
 * graph.
 */
export class VideoFrameRenderer {
  readonly canvas: HTMLCanvasElement;
  private readonly context: CanvasRenderingContext2D;
  private readonly container: HTMLDivElement;
  private readonly playback: PlaybackState;
  private readonly view: GraphView;
  /** Output pixels per CSS pixel of the on-screen look: the overlay's scale. */
  private readonly unit: number;

  constructor(
    source: FrameSource,
    size: Size,
    /** The on-screen graph view's CSS size, the look the video copies. */
    reference: Size,
    private readonly look: FrameLook,
  ) {
    const ratio = window.devicePixelRatio || 1;
    this.canvas = document.createElement('canvas');
    this.canvas.width = size.width;
    this.canvas.height = size.height;
    const context = this.canvas.getContext('2d', { alpha: false });
    if (!context) throw new Error('this browser gives no 2D canvas to draw video frames on');
    this.context = context;

    this.container = hiddenContainer(size.width / ratio, size.height / ratio);
    document.body.append(this.container);
    // Loaded before the view exists: the view decides which ties it draws from the timeline.
    this.playback = new PlaybackState(source.nodeCount, source.edgeCount);
    this.playback.load(source.timeline, source.carriedEdges);
    try {
      this.view = new GraphView(this.container, source.graph, this.playback);
    } catch (error) {
      this.container.remove();
      throw error;
    }
    const shorter = (s: Size) => Math.max(1, Math.min(s.width, s.height));
    const scale = shorter(size) / ratio / shorter(reference);
    this.unit = scale * ratio;
    this.view.setColourMode(look.colour);
    this.view.setEdgeFilter(look.edgeFilter);
    this.view.setOrigins(look.origins);
    // The helper is typed for sigma's default attribute types; it reads nothing of ours.
    const sigma = this.view.sigma as unknown as Sigma;
    const settings = sigma.getSettings();
    sigma.setSettings({
      ...scaledSettings(settings, scale),
      // Scaled too, so the same nodes get a label as on screen.
      labelRenderedSizeThreshold: settings.labelRenderedSizeThreshold * scale,
    });
  }

  /** Draws the spread after `rows` adoptions, then the overlay, onto `canvas`. */
  draw(rows: number, caption: string): void {
    const { context, canvas } = this;
    const changes = this.playback.moveTo(rows);
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    this.view.paintFrame(changes, context);
    drawOverlay(context, { title: this.look.title, caption, legend: this.look.legend }, this.unit);
  }

  dispose(): void {
    this.view.kill();
    this.container.remove();
  }
}

/** Off screen but laid out (sigma measures its container), invisible to people and their tools. */
function hiddenContainer(width: number, height: number): HTMLDivElement {
  const container = document.createElement('div');
  container.setAttribute('aria-hidden', 'true');
  Object.assign(container.style, {
    position: 'fixed',
    left: `${-width - 100}px`,
    top: '0',
    width: `${width}px`,
    height: `${height}px`,
    pointerEvents: 'none',
  });
  return container;
}
