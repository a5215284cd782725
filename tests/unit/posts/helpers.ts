import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { DatasetError } from '../../../src/core/io/errors';
import { parsePosts } from '../../../src/core/posts/detect';
import type { PostsDataset } from '../../../src/core/posts/post';
import type { RecordedSpread } from '../../../src/core/posts/spread-of-hashtag';
import { Channel } from '../../../src/core/spread/types';

/** The shared real-data folder, a sibling of the repository (same layout in CI). */
export const POSTS = path.resolve(__dirname, '../../../../shared/datasets/posts');
export const CASCADES = path.resolve(__dirname, '../../../../shared/datasets/cascades');
export const FIXTURES = path.resolve(__dirname, '../../fixtures/posts');

export function readText(folder: string, file: string): string {
  return readFileSync(path.join(folder, file), 'utf8');
}

export function load(folder: string, file: string): PostsDataset {
  return parsePosts(readText(folder, file), file);
}

/** Parses and returns the DatasetError it must throw. */
export function rejection(text: string, name: string): DatasetError {
  try {
    parsePosts(text, name);
  } catch (error) {
    if (error instanceof DatasetError) return error;
    throw new Error(`expected a DatasetError, got ${String(error)}`, { cause: error });
  }
  throw new Error(`expected ${name} to be rejected, but it parsed`);
}

export function countBy<T>(items: T[], key: (item: T) => string | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

/**
 * What every recorded spread must satisfy, whatever the data. Violations are collected and
 * compared once: thousands of `expect` calls per timeline would make the tests slow.
 */
export function expectSpreadInvariants(spread: RecordedSpread): void {
  const { timeline, payload, origin } = spread;
  const n = timeline.length;
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => {
    if (!ok && problems.length < 10) problems.push(problem);
  };
  const edges = new Set<string>();
  for (let e = 0; e < payload.edgeSources.length; e++) {
    edges.add(`${payload.edgeSources[e]}>${payload.edgeTargets[e]}`);
  }
  const rowOf = new Map<number, number>();
  const byChannel = [0, 0, 0, 0];
  for (let row = 0; row < n; row++) {
    const node = timeline.node[row];
    const via = timeline.via[row];
    const channel = timeline.channel[row];
    check(!rowOf.has(node), `row ${row}: node ${node} adopts twice`);
    rowOf.set(node, row);
    check(row === 0 || timeline.time[row] >= timeline.time[row - 1], `row ${row}: time goes back`);
    byChannel[channel]++;
    if (channel === Channel.origin) {
      check(node === origin && via === -1, `row ${row}: origin row is not the origin`);
    } else if (channel === Channel.outside) {
      check(via === -1, `row ${row}: outside with a via`);
    } else {
      const viaRow = rowOf.get(via);
      check(viaRow !== undefined, `row ${row}: via ${via} had not adopted yet`);
      check(
        viaRow === undefined || timeline.time[viaRow] <= timeline.time[row],
        `row ${row}: via adopted later`,
      );
      check((channel === Channel.hard) === (via === origin), `row ${row}: hard iff via is origin`);
      // Every attributed adoption travels along an edge of the network, in its direction.
      check(edges.has(`${via}>${node}`), `row ${row}: no edge ${via} -> ${node}`);
    }
    check(
      payload.nodeAttributes[node].firstAdoption === timeline.time[row],
      `row ${row}: firstAdoption differs from the timeline`,
    );
  }
  check(byChannel[Channel.origin] === 1, 'exactly one origin');
  check(timeline.hardOnlyReach === 1 + byChannel[Channel.hard], 'hardOnlyReach = 1 + hard');
  check(timeline.timeUnit === 'epoch-ms', 'recorded time is epoch-ms');
  check(
    payload.nodeAttributes.every((a) => Object.getPrototypeOf(a) === null),
    'attribute objects have a null prototype',
  );
  expect(problems).toEqual([]);
}
