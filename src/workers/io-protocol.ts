import type { ParseLimits } from '../core/io/limits';
import type { DatasetPayload } from '../core/io/payload';

/** Messages to the io worker. */
export type IoRequest = {
  type: 'parse';
  id: number;
  name: string;
  bytes: ArrayBuffer;
  limits: Partial<ParseLimits>;
};

/** Messages from the io worker. */
export type IoResponse =
  | { type: 'parsed'; id: number; payload: DatasetPayload }
  | { type: 'failed'; id: number; message: string };
