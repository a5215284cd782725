import type { TieList } from '../core/others/ties';
import type { TribesFound, TribesOptions, TribesStep } from '../core/others/tribes';

/**
 * Messages between the main thread and the others worker, imported by both sides. The ties cross
 * with each job as transferred typed arrays (a copy: the payload keeps its own); the result comes
 * back the same way. Cancel is not a message: the client terminates the worker, which stops even
 * Louvain in the middle, and starts a fresh one for the next job.
 */

export type OthersJob = { kind: 'tribes'; options: TribesOptions };

export type OthersRequest = { type: 'run'; jobId: number; ties: TieList; job: OthersJob };

export type OthersResult = { kind: 'tribes'; found: TribesFound };

export type OthersResponse =
  | { type: 'progress'; jobId: number; step: TribesStep }
  | { type: 'result'; jobId: number; result: OthersResult }
  | { type: 'error'; jobId: number; message: string };

/** The buffers of a result that move rather than copy back to the main thread. */
export function resultTransferables(result: OthersResult): ArrayBuffer[] {
  switch (result.kind) {
    case 'tribes': {
      const { communities, adjacency } = result.found;
      return [
        communities.grouping.groupOfNode.buffer,
        adjacency.offsets.buffer,
        adjacency.neighbours.buffer,
      ] as ArrayBuffer[];
    }
    default:
      return assertNever(result.kind);
  }
}

/** For exhaustive switches: a compile error when a message kind is not handled. */
export function assertNever(value: never): never {
  throw new Error(`unhandled message: ${JSON.stringify(value)}`);
}
