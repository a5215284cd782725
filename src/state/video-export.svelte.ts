import {
  clampSeconds,
  encodableSize,
  frameCount,
  frameTimes,
  videoCaption,
  videoFileName,
  VIDEO_SIZES,
  type VideoFrameRate,
} from '../core/export/video-frames';
import { edgeFilterFor } from '../core/graph/edge-kinds';
import { indexAtTime, reachAtIndex } from '../core/spread/metrics';
import { carriedEdges } from '../core/spread/playback';
import { formatTime } from '../core/spread/time-format';
import { IDENTITY_WARP, quietPeriodWarp } from '../core/spread/time-warp';
import type { Timeline } from '../core/spread/types';
import { VideoFrameRenderer, type Size } from '../render/video-frame';
import { datasetSlug, type LoadedDataset } from './loaded-dataset';
import type { Session } from './session.svelte';
import { downloadBlob } from '../render/download';

export type VideoResolution = keyof typeof VIDEO_SIZES | 'view';

export interface VideoOptions {
  resolution: VideoResolution;
  fps: VideoFrameRate;
  seconds: number;
  legend: boolean;
}

export type VideoStatus =
  | { type: 'idle' }
  | { type: 'encoding'; progress: number; frames: number }
  | { type: 'done'; fileName: string; bytes: number; frames: number }
  | { type: 'error'; message: string }
  | { type: 'unsupported'; reason: string };

/**
 * "Export video": the replay drawn frame by frame into a WebM file. It reads the session (dataset,
 * spread, colours, legend) and never changes it, except to pause a playing replay while encoding
 * (the two would fight for the machine) and to resume it afterwards.
 */
export class VideoExport {
  status = $state<VideoStatus>({ type: 'idle' });
  options = $state<VideoOptions>({ resolution: '720p', fps: 30, seconds: 10, legend: true });
  private abort: AbortController | null = null;

  constructor(private readonly session: Session) {}

  /** The video's pixel size for the chosen resolution; `view` is the graph view's CSS size. */
  sizeFor(resolution: VideoResolution, view: Size): Size {
    if (resolution !== 'view') return VIDEO_SIZES[resolution];
    const ratio = window.devicePixelRatio || 1;
    return encodableSize(view.width * ratio, view.height * ratio);
  }

  get frames(): number {
    return frameCount(this.options.seconds, this.options.fps);
  }

  /** Finds out early whether this browser can encode, so the dialog can say so before anyone waits. */
  async probe(size: Size, fps: number): Promise<void> {
    if (this.abort) return;
    const { videoUnsupportedReason } = await loadEncoder();
    const reason = await videoUnsupportedReason(size.width, size.height, fps);
    if (this.abort) return; // an encoding started meanwhile: its own check decides
    this.status = reason ? { type: 'unsupported', reason } : { type: 'idle' };
  }

  /** Encodes the video and downloads it. `view`: the graph view's CSS size, the look to copy. */
  async start(view: Size): Promise<void> {
    const { dataset, spread } = this.session;
    const timeline = spread.timeline;
    if (this.abort || !dataset || !timeline) return;
    const abort = (this.abort = new AbortController());
    const { resolution, fps, legend } = this.options;
    const seconds = clampSeconds(this.options.seconds);
    const size = this.sizeFor(resolution, view);
    const times = frameTimes(
      {
        start: spread.start,
        end: spread.end,
        warp: spread.skipQuiet ? quietPeriodWarp(timeline) : IDENTITY_WARP,
      },
      seconds,
      fps,
    );
    this.status = { type: 'encoding', progress: 0, frames: times.length };
    let wasPlaying = false;
    let renderer: VideoFrameRenderer | null = null;
    try {
      const { encodeWebm, videoUnsupportedReason } = await loadEncoder();
      const reason = await videoUnsupportedReason(size.width, size.height, fps);
      if (reason) {
        this.status = { type: 'unsupported', reason };
        return;
      }
      abort.signal.throwIfAborted();
      wasPlaying = spread.playing;
      spread.pause();
      renderer = this.renderer(dataset, timeline, size, view, legend);
      const frameRenderer = renderer;
      const blob = await encodeWebm(renderer.canvas, {
        fps,
        frames: times.length,
        signal: abort.signal,
        drawFrame: (i) => {
          const rows = indexAtTime(timeline, times[i]);
          const label = formatTime(times[i], timeline.timeUnit);
          frameRenderer.draw(
            rows,
            videoCaption(label, reachAtIndex(timeline, rows), this.session.nodeCount),
          );
        },
        onProgress: (progress) => {
          if (this.abort === abort)
            this.status = { type: 'encoding', progress, frames: times.length };
        },
      });
      const fileName = videoFileName(datasetSlug(dataset.name));
      downloadBlob(blob, fileName);
      this.status = { type: 'done', fileName, bytes: blob.size, frames: times.length };
    } catch (error) {
      if (abort.signal.aborted) this.status = { type: 'idle' };
      else this.status = { type: 'error', message: messageOf(error) };
    } finally {
      renderer?.dispose();
      this.abort = null;
      if (wasPlaying) spread.play();
    }
  }

  /** A frame renderer that draws this spread the way the view colours and filters it. */
  private renderer(
    dataset: LoadedDataset,
    timeline: Timeline,
    size: Size,
    view: Size,
    legend: boolean,
  ): VideoFrameRenderer {
    const grouping = this.session.colourGrouping;
    return new VideoFrameRenderer(
      {
        graph: dataset.graph,
        nodeCount: dataset.csr.nodeCount,
        edgeCount: dataset.payload.edgeSources.length,
        timeline,
        carriedEdges: carriedEdges(dataset.csr, timeline),
      },
      size,
      view,
      {
        colour: grouping
          ? { type: 'group', groupOfNode: grouping.groupOfNode }
          : { type: 'spread' },
        edgeFilter: edgeFilterFor(dataset.payload, this.session.shownEdgeKinds),
        origins: this.session.spread.origins,
        title: dataset.name,
        legend: legend ? this.session.legendEntries() : null,
      },
    );
  }

  /** Stops encoding within a frame; nothing is downloaded and the app is as it was. */
  cancel(): void {
    this.abort?.abort();
  }

  /** Back to the options (after a message or a finished file). */
  reset(): void {
    if (this.status.type !== 'encoding') this.status = { type: 'idle' };
  }
}

/**
 * The encoder and its muxer (mediabunny) load on first use: most visits never export a video, and
 * the first page load should not pay for it.
 */
const loadEncoder = () => import('../render/video-encoder');

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return `The video could not be made: ${text}`;
}
