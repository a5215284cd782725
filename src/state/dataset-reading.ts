import { checkCounts, withLimitHint } from '../core/io/limits';
import type { IoClient } from '../workers/io-client';
import { isWorkerCrash } from '../workers/supervisor';
import type { DatasetSource } from './dataset-source';
import { prepareDataset, type LoadedDataset } from './loaded-dataset';
import { networkOf } from './network-of';
import type { SavedSource } from './persistence/schema';
import { formatMB, type Settings } from './settings';

/** A file's name and bytes, as the io worker takes them. */
export interface NamedBytes {
  name: string;
  bytes: ArrayBuffer;
}

/** Where a dataset comes from: what to call it, how to read it, and how a saved session finds it again. */
export interface DatasetReading {
  name: string;
  /** The page's query that reopens it (`?sample=`, `?data=`), or '' for files from the computer. */
  query: string;
  saved: SavedSource;
  read(limits: Settings): Promise<NamedBytes[]>;
}

/** A sample or a URL, fetched. */
export function urlReading(source: DatasetSource): DatasetReading {
  return {
    name: source.name,
    query: source.query,
    saved: { type: 'link', url: source.url, name: source.name, query: source.query },
    async read(limits) {
      const response = await fetch(source.url);
      if (!response.ok) {
        throw new Error(`could not download ${source.url} (HTTP ${response.status})`);
      }
      const announced = Number(response.headers.get('content-length'));
      if (announced > 0) checkSize(source.name, announced, limits);
      const bytes = await response.arrayBuffer();
      checkSize(source.name, bytes.byteLength, limits);
      return [{ name: source.name, bytes }];
    },
  };
}

/** Files (or the copies a saved session kept), each with its name. */
export function blobsReading(files: { name: string; blob: Blob }[]): DatasetReading {
  const name = files.map((file) => file.name).join(' and ');
  return {
    name,
    query: '',
    saved: {
      type: 'files',
      files: files.map((file) => file.blob),
      names: files.map((file) => file.name),
    },
    read(limits) {
      // Refused before reading a byte: a wrong drop must not freeze the page.
      checkSize(
        name,
        files.reduce((total, file) => total + file.blob.size, 0),
        limits,
      );
      return Promise.all(
        files.map(async (file) => ({ name: file.name, bytes: await file.blob.arrayBuffer() })),
      );
    },
  };
}

/** Parses in the io worker, then builds the graph in slices (reporting progress between them). */
export async function readDataset(
  io: IoClient,
  name: string,
  files: NamedBytes[],
  limits: Settings,
  onProgress: (share: number) => Promise<void> | void,
  signal: AbortSignal,
): Promise<LoadedDataset> {
  const { maxFileMB, maxNodes, maxEdges } = limits;
  const result = await io.parse(files, { maxBytes: maxFileMB * 1_000_000, maxNodes, maxEdges });
  const { payload, posts } = networkOf(result);
  // Posts become a network after parsing, beyond the reader's own counts: check them here.
  checkCounts(name, { nodes: payload.nodeIds.length, edges: payload.edgeSources.length }, limits);
  return prepareDataset(payload, onProgress, signal, posts);
}

/** The message a failed load shows, always naming the file. */
export function loadErrorMessage(name: string, error: unknown): string {
  const message = isWorkerCrash(error)
    ? `reading it was lost: ${error.message}. The file reader was restarted; try again.`
    : withLimitHint(error instanceof Error ? error.message : String(error));
  return message.startsWith(name) ? message : `${name}: ${message}`;
}

function checkSize(name: string, bytes: number, limits: Settings): void {
  const limit = limits.maxFileMB * 1_000_000;
  if (bytes > limit) {
    throw new Error(
      `${name}: the file is ${formatMB(bytes)}, above the ${formatMB(limit)} limit on file size (change it in Settings)`,
    );
  }
}
