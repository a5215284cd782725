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

/** Messages from the io worker. */
export type IoResponse =
  | { type: 'parsed'; id: number; result: ReadResult }
  | { type: 'failed'; id: number; message: string };
