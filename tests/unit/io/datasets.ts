import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDataset } from '../../../src/core/io/parse';
import type { DatasetPayload } from '../../../src/core/io/payload';
import { DatasetError } from '../../../src/core/io/errors';

/** The shared real-data folder, a sibling of the repository (same layout in CI). */
export const DATASETS = path.resolve(__dirname, '../../../../shared/datasets');

export function datasetBytes(relative: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(DATASETS, relative)));
}

export function loadDataset(relative: string): DatasetPayload {
  return parseDataset(datasetBytes(relative), path.basename(relative));
}

/** Parses and returns the DatasetError it must throw (fails the test if it does not). */
export function rejection(bytes: Uint8Array, name: string): DatasetError {
  try {
    parseDataset(bytes, name);
  } catch (error) {
    if (error instanceof DatasetError) return error;
    throw new Error(`expected a DatasetError, got ${String(error)}`, { cause: error });
  }
  throw new Error(`expected ${name} to be rejected, but it parsed`);
}

export function text(content: string): Uint8Array {
  return new TextEncoder().encode(content);
}
