import { describe, expect, it } from 'vitest';
import { checkCounts, withLimitHint } from '../../../src/core/io/limits';
import { Throttle } from '../../../src/state/persistence/throttle';

describe('Throttle', () => {
  it('runs once per delay after the first request, and flushes on demand', () => {
    const timers: (() => void)[] = [];
    let runs = 0;
    const throttle = new Throttle(
      () => runs++,
      () => 1000,
      { set: (callback) => timers.push(callback), clear: () => timers.pop() },
    );
    throttle.schedule();
    throttle.schedule();
    expect(timers).toHaveLength(1);
    timers.shift()!();
    expect(runs).toBe(1);
    expect(throttle.pending).toBe(false);
    throttle.schedule();
    throttle.flush();
    expect(runs).toBe(2);
    expect(timers).toHaveLength(0);
    throttle.flush();
    expect(runs).toBe(2);
  });
});

describe('limits on nodes and edges', () => {
  const limits = { maxNodes: 10, maxEdges: 20 };

  it('names the file and the limit exceeded', () => {
    expect(() => checkCounts('posts.jsonl', { nodes: 10, edges: 20 }, limits)).not.toThrow();
    expect(() => checkCounts('posts.jsonl', { nodes: 11, edges: 0 }, limits)).toThrow(
      'posts.jsonl: 11 nodes, over the limit of 10 nodes',
    );
    expect(() => checkCounts('posts.jsonl', { nodes: 1, edges: 21 }, limits)).toThrow(
      'posts.jsonl: 21 edges, over the limit of 20 edges',
    );
  });

  it('says where limits are changed, once', () => {
    expect(withLimitHint('a.csv: more than 10 nodes: that is over this app’s limit')).toBe(
      'a.csv: more than 10 nodes: that is over this app’s limit (the limits can be changed in Settings)',
    );
    expect(withLimitHint('a.gexf: line 3: expected a node')).toBe(
      'a.gexf: line 3: expected a node',
    );
    expect(withLimitHint('over the limit (change it in Settings)')).toBe(
      'over the limit (change it in Settings)',
    );
  });
});
