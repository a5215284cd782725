import type { GeneratedGraph } from './graphs';
import type { BrowserSpec } from './specs';

export interface LoadFigures {
  bytes: number;
  nodes: number;
  edges: number;
  reach: number;
  navToBuilt: number;
  fetchToBuilt: number;
  /** false: no animation frame came within the spec's firstFrameTimeoutMs. */
  drawn: boolean;
  builtToFirstFrame: number;
  fetchToFirstFrame: number;
  peakHeapMiB: number;
  heapAfterLoadMiB: number;
  longestLoadTask: number;
  longTasksDuringLoad: number;
  drawTask: number;
  longestLoadFrameScripts: string;
}

export interface LayoutFigures {
  ms: number;
  status: string;
  capped: boolean;
  /** Main-thread tasks over 50 ms between the first frame and the layout's end, and the longest. */
  longTasks: number;
  longestTask: number;
  /** sigma reprocesses (new positions) in that time, and their mean duration. */
  redraws: number;
  meanRedrawMs: number;
  /** The longest animation frame meanwhile, with the scripts in it (LoAF attribution). */
  longestFrame: string;
  /**
   * The longest single script (an event handler or animation-frame callback: our JS plus sigma's)
   * in a long animation frame meanwhile, and how many scripts took 50 ms or more. A task can be longer
   * than its scripts: the rest is style, paint and, with software WebGL, drawing.
   */
  longestScript: number;
  longScripts: number;
  /**
   * Frames of a position sweep meanwhile (big graphs, see LayoutMotion): how many, the nodes and
   * ties they moved, their main-thread time in all and the longest one.
   */
  sweep: { frames: number; items: number; ms: number; longest: number };
}

export interface FrameStats {
  frames: number;
  meanMs: number;
  medianMs: number;
  maxMs: number;
  meanChanged: number;
}

export interface StepFigures {
  adoptionsPerStep: number;
  steps: number;
  stats: FrameStats;
  wallMedian: number;
  /** sigma's draw after each move (main-thread JS: buffer uploads, labels, WebGL calls), median. */
  renderMedian: number;
}

export interface PlayFigures {
  speed: number;
  stats: FrameStats;
}

export interface ScrubFigures {
  stats: FrameStats;
  wall: number;
  afterFrame: number;
}

export interface Result {
  graph: GeneratedGraph<BrowserSpec>;
  load: LoadFigures;
  layout: LayoutFigures | null;
  steps: StepFigures[];
  play: PlayFigures | null;
  scrub: ScrubFigures | null;
  heapEndMiB: number;
  timelineRows: number;
  errors: string[];
  /** The page was cross-origin isolated, so its clock had 5 µs resolution (else 100 µs). */
  isolated: boolean;
  /** The phase the page stopped answering in (software WebGL on a big graph), if it did. */
  stalled?: string;
}
