/**
 * Which items of a sigma program's array changed since each of its WebGL buffers last received it,
 * so a draw uploads those items only.
 *
 * sigma 3 uploads every program's whole array to the GPU at every render, once per buffer (the
 * picture and the picking layer): at 100k nodes and as many ties that is megabytes of main-thread
 * copying per frame, however few items changed. Items written by `process` are recorded here; a
 * draw then sends the changed stretches with bufferSubData, and the whole array only when it is
 * new (reallocated) or most of it changed (a full reprocess).
 */

/** Above this share of the array changed, one whole upload beats many small ones. */
const WHOLE_SHARE = 1 / 8;
/** Changed items this close together go in one upload: a call costs more than copying 4 KiB. */
const GAP_BYTES = 4096;

/** What one buffer holds and what changed in it since. */
interface BufferState {
  array: Float32Array;
  changed: number[];
  whole: boolean;
}

/** The part of WebGL an upload needs (tests give a recording double). */
export interface UploadGl {
  readonly ARRAY_BUFFER: number;
  readonly DYNAMIC_DRAW: number;
  bufferData(target: number, data: Float32Array, usage: number): void;
  bufferSubData(target: number, offset: number, data: Float32Array): void;
}

export class ChangedUploads {
  private readonly buffers = new Map<WebGLBuffer, BufferState>();

  /** Floats per item (sigma's STRIDE). */
  constructor(private readonly stride: number) {}

  /** Item `offset` (its place in the program) was written. */
  mark(offset: number): void {
    for (const state of this.buffers.values()) {
      if (state.whole) continue;
      state.changed.push(offset);
      if (state.changed.length * this.stride > state.array.length * WHOLE_SHARE) {
        state.whole = true;
        state.changed = [];
      }
    }
  }

  /** Sends `array` into `buffer` (bound to ARRAY_BUFFER): whole, or what changed since last time. */
  upload(gl: UploadGl, buffer: WebGLBuffer, array: Float32Array): void {
    const state = this.buffers.get(buffer);
    if (!state || state.array !== array || state.whole) {
      gl.bufferData(gl.ARRAY_BUFFER, array, gl.DYNAMIC_DRAW);
      this.buffers.set(buffer, { array, changed: [], whole: false });
      return;
    }
    if (state.changed.length === 0) return;
    for (const [from, to] of this.runs(state.changed)) {
      gl.bufferSubData(
        gl.ARRAY_BUFFER,
        from * this.stride * Float32Array.BYTES_PER_ELEMENT,
        array.subarray(from * this.stride, to * this.stride),
      );
    }
    state.changed = [];
  }

  /** Forgets a buffer (deleted with its program). */
  forget(buffer: WebGLBuffer): void {
    this.buffers.delete(buffer);
  }

  /** Changed items as [from, to) stretches, near neighbours merged. */
  private runs(changed: number[]): Array<[number, number]> {
    const sorted = Int32Array.from(changed).sort();
    const gap = Math.max(1, Math.floor(GAP_BYTES / (this.stride * Float32Array.BYTES_PER_ELEMENT)));
    const runs: Array<[number, number]> = [];
    let from = sorted[0];
    let to = from + 1;
    for (let i = 1; i < sorted.length; i++) {
      const item = sorted[i];
      if (item <= to + gap) {
        to = Math.max(to, item + 1);
        continue;
      }
      runs.push([from, to]);
      from = item;
      to = item + 1;
    }
    runs.push([from, to]);
    return runs;
  }
}
