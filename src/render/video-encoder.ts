import {
  BufferTarget,
  CanvasSource,
  canEncodeVideo,
  Output,
  Quality,
  WebMOutputFormat,
} from 'mediabunny';

/**
 * Why this browser cannot make the video, in words for people; null when it can. WebCodecs'
 * VideoEncoder is missing in older browsers and on pages not served over HTTPS (or localhost);
 * VP9 at a given size may be refused even where it exists (mediabunny asks
 * `VideoEncoder.isConfigSupported` with the configuration it will use).
 */
export async function videoUnsupportedReason(
  width: number,
  height: number,
  fps: number,
): Promise<string | null> {
  if (typeof VideoEncoder === 'undefined') {
    return window.isSecureContext
      ? 'This browser cannot encode video: it lacks WebCodecs (VideoEncoder). A recent Chrome, Edge, Firefox or Safari can.'
      : 'This browser encodes video only on secure pages: open Wordspread over https:// (or localhost).';
  }
  const supported = await canEncodeVideo('vp9', {
    width,
    height,
    frameRate: fps,
    quality: QUALITY,
  });
  return supported
    ? null
    : `This browser cannot encode VP9 video at ${width} × ${height}: try a smaller size, or another browser.`;
}

const QUALITY = new Quality('high');

export interface EncodeOptions {
  fps: number;
  frames: number;
  /** Paints frame `index` onto the canvas; called once per frame, in order. */
  drawFrame: (index: number) => void;
  /** Share of frames encoded so far, 0..1. */
  onProgress: (share: number) => void;
  signal: AbortSignal;
}

/**
 * Encodes `frames` frames painted on `canvas` into a WebM file (VP9), frame `i` lasting from i/fps
 * to (i+1)/fps. Each frame waits for the encoder to take it (backpressure) and then for a new task,
 * so the page keeps responding and Cancel is seen within a frame. Rejects with an AbortError when
 * cancelled, after releasing the encoder.
 */
export async function encodeWebm(canvas: HTMLCanvasElement, options: EncodeOptions): Promise<Blob> {
  const { fps, frames, drawFrame, onProgress, signal } = options;
  const output = new Output({ format: new WebMOutputFormat(), target: new BufferTarget() });
  const source = new CanvasSource(canvas, { codec: 'vp9', quality: QUALITY });
  output.addVideoTrack(source, { frameRate: fps });
  try {
    await output.start();
    for (let i = 0; i < frames; i++) {
      signal.throwIfAborted();
      drawFrame(i);
      await source.add(i / fps, 1 / fps);
      onProgress((i + 1) / frames);
      await nextTask();
    }
    signal.throwIfAborted();
    await output.finalize();
  } catch (error) {
    if (output.state !== 'finalized' && output.state !== 'canceled') await output.cancel();
    throw error;
  }
  const buffer = output.target.buffer;
  if (!buffer) throw new Error('the video encoder produced no file');
  return new Blob([buffer], { type: 'video/webm' });
}

/**
 * Resolves in a new task. A message to ourselves, not setTimeout(0): nested timeouts are clamped
 * to 4 ms, which over thousands of frames would add seconds for nothing.
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
