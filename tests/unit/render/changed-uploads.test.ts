import { describe, expect, it } from 'vitest';
import { ChangedUploads, type UploadGl } from '../../../src/render/changed-uploads';

/** A WebGL double that keeps what each buffer would hold on the GPU, and counts the calls. */
function recordingGl() {
  const store = new Map<WebGLBuffer, Float32Array>();
  let bound: WebGLBuffer | null = null;
  const calls = { whole: 0, partial: 0, bytes: 0 };
  const gl: UploadGl = {
    ARRAY_BUFFER: 0x8892,
    DYNAMIC_DRAW: 0x88e8,
    bufferData: (_target, data) => {
      store.set(bound!, Float32Array.from(data));
      calls.whole++;
      calls.bytes += data.byteLength;
    },
    bufferSubData: (_target, offset, data) => {
      store.get(bound!)!.set(data, offset / 4);
      calls.partial++;
      calls.bytes += data.byteLength;
    },
  };
  const bind = (buffer: WebGLBuffer) => (bound = buffer);
  return { gl, store, calls, bind };
}

const STRIDE = 5;
const ITEMS = 10_000;

function write(array: Float32Array, uploads: ChangedUploads, item: number, value: number) {
  array.fill(value, item * STRIDE, (item + 1) * STRIDE);
  uploads.mark(item);
}

describe('ChangedUploads', () => {
  it('keeps every buffer equal to the array while sending only the changed items', () => {
    const { gl, store, calls, bind } = recordingGl();
    const uploads = new ChangedUploads(STRIDE);
    const array = new Float32Array(ITEMS * STRIDE).map((_, i) => i);
    const [picture, picking] = [{}, {}] as WebGLBuffer[];
    for (const buffer of [picture, picking]) {
      bind(buffer);
      uploads.upload(gl, buffer, array);
    }
    expect(calls.whole).toBe(2);

    // A replay frame: a few scattered items change; both buffers get them, and only them.
    calls.bytes = 0;
    for (const item of [9_999, 3, 4, 5_000, 12]) write(array, uploads, item, -item);
    for (const buffer of [picture, picking]) {
      bind(buffer);
      uploads.upload(gl, buffer, array);
      expect(store.get(buffer)).toEqual(array);
    }
    expect(calls.whole).toBe(2);
    expect(calls.bytes).toBeLessThan(2 * 3 * 4096 + 2 * 5 * STRIDE * 4);

    // Nothing changed: nothing is sent.
    const before = { ...calls };
    bind(picture);
    uploads.upload(gl, picture, array);
    expect(calls).toEqual(before);
  });

  it('sends the whole array when it is new or when most of it changed', () => {
    const { gl, store, calls, bind } = recordingGl();
    const uploads = new ChangedUploads(STRIDE);
    const buffer = {} as WebGLBuffer;
    bind(buffer);
    uploads.upload(gl, buffer, new Float32Array(ITEMS * STRIDE));

    const reallocated = new Float32Array(2 * ITEMS * STRIDE).fill(1);
    uploads.upload(gl, buffer, reallocated);
    expect(calls.whole).toBe(2);
    expect(store.get(buffer)).toEqual(reallocated);

    // A full reprocess rewrites every item: one whole upload, not thousands of small ones.
    for (let item = 0; item < 2 * ITEMS; item++) write(reallocated, uploads, item, 7);
    uploads.upload(gl, buffer, reallocated);
    expect(calls).toMatchObject({ whole: 3, partial: 0 });
    expect(store.get(buffer)).toEqual(reallocated);
  });
});
