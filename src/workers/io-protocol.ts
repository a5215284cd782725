import type { ParseLimits } from '../core/io/limits';
import type { ReadResult } from '../core/read-dataset';

/** Messages to the io worker. */
export type IoRequest = {
  type: 'parse';
  id: number;
  /** One file, or a node table and an edge table dropped together. */
  files: { name: string; bytes: ArrayBuffer }[];
  limits: Partial<ParseLimits>;
};

import type { Attributes } from '../core/io/payload';

/**
 * Messages from the io worker. A network's attribute tables travel first, in `attributes` chunks,
 * then `parsed` carries the rest with empty tables: the receiving side deserializes each message
 * in a task of its own, and one message holding 100,000 attribute objects would freeze the page.
 */
export type IoResponse =
  | { type: 'attributes'; id: number; table: 'node' | 'edge'; rows: Attributes[] }
  | { type: 'parsed'; id: number; result: ReadResult }
  | { type: 'failed'; id: number; message: string };

/** Attribute objects per `attributes` message. */
export const ATTRIBUTE_CHUNK = 2_000;
