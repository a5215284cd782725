import { Gunzip } from 'fflate';
import { DatasetError } from './errors';
import { formatBytes } from './limits';

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

// Small input steps bound how far one step can expand (deflate reaches ~1000:1) before the size check.
const GUNZIP_STEP = 16 * 1024;

/**
 * Decompresses gzip while counting: a "zip bomb" stops at `maxBytes` of output instead of filling
 * memory. (The size in the gzip trailer cannot be trusted: a hostile file may lie.)
 */
export function gunzipBounded(bytes: Uint8Array, file: string, maxBytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const gunzip = new Gunzip((chunk) => {
    total += chunk.length;
    if (total > maxBytes) {
      throw new DatasetError(
        file,
        `decompressed content is larger than the ${formatBytes(maxBytes)} limit`,
      );
    }
    chunks.push(chunk);
  });
  try {
    for (let at = 0; at < bytes.length; at += GUNZIP_STEP) {
      const end = Math.min(at + GUNZIP_STEP, bytes.length);
      gunzip.push(bytes.subarray(at, end), end === bytes.length);
    }
  } catch (error) {
    if (error instanceof DatasetError) throw error;
    throw new DatasetError(file, `the gzip data is damaged or cut short (${String(error)})`);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** The text encoding of a file: a BOM wins, then an XML declaration's `encoding`, then UTF-8. */
export function detectEncoding(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  const head = latin1(bytes.subarray(0, 200));
  const declared = /^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
  if (declared) {
    try {
      return new TextDecoder(declared[1]).encoding;
    } catch {
      // An unknown label: UTF-8 is the XML default and the best guess.
    }
  }
  return 'utf-8';
}

function latin1(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i]);
  return text;
}

/** The whole file as text; TextDecoder drops a leading BOM. */
export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder(detectEncoding(bytes)).decode(bytes);
}

const DECODE_STEP = 1024 * 1024;

/**
 * The file as a sequence of text chunks, for streaming parsers: a 200 MB file never becomes one
 * 200 MB string. Multi-byte characters split across chunks are handled by `stream: true`.
 */
export function* decodeChunks(bytes: Uint8Array): Generator<string> {
  const decoder = new TextDecoder(detectEncoding(bytes));
  for (let at = 0; at < bytes.length; at += DECODE_STEP) {
    yield decoder.decode(bytes.subarray(at, at + DECODE_STEP), { stream: true });
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}
