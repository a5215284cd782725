import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/core/graph/build';
import { csrFromEdges } from '../../../src/core/graph/csr';
import { defaultOrigin } from '../../../src/core/graph/default-origin';
import { payloadFromPairs } from '../helpers/payload';

describe('buildGraph', () => {
  it('builds every node and edge, keyed by id and edge index, in slices with progress', async () => {
    const pairs: [string, string][] = Array.from({ length: 5000 }, (_, i) => [
      `n${i}`,
      `n${(i * 7 + 3) % 5000}`,
    ]);
    const payload = payloadFromPairs(pairs);
    const progress: number[] = [];
    const graph = await buildGraph(payload, {
      sliceMs: 0,
      onProgress: (share) => void progress.push(share),
    });
    expect(graph.order).toBe(5000);
    expect(graph.size).toBe(5000);
    expect(graph.source('7')).toBe(String(payload.nodeIds.indexOf(pairs[7][0])));
    expect(progress.length).toBeGreaterThan(5);
    expect(progress.at(-1)).toBe(1);
    graph.forEachNode((_, a) => expect(Number.isFinite(a.x) && Number.isFinite(a.y)).toBe(true));
  });

  it('keeps coordinates and labels from the file', async () => {
    const payload = payloadFromPairs([['a', 'b']], {
      attributes: { a: { label: 'Alice', x: 3, y: -4 } },
    });
    const graph = await buildGraph(payload);
    const key = (id: string) => String(payload.nodeIds.indexOf(id));
    expect(graph.getNodeAttributes(key('a'))).toMatchObject({ label: 'Alice', x: 3, y: -4 });
    expect(graph.getNodeAttribute(key('b'), 'label')).toBe('b');
  });

  it('keys nodes by index, so ids such as __proto__ or constructor are plain data', async () => {
    const payload = payloadFromPairs([
      ['__proto__', 'constructor'],
      ['constructor', 'toString'],
      ['toString', '__proto__'],
    ]);
    const graph = await buildGraph(payload);
    expect(graph.order).toBe(3);
    expect(graph.size).toBe(3);
    expect(
      graph
        .nodes()
        .map((key) => graph.getNodeAttribute(key, 'label'))
        .sort(),
    ).toEqual(['__proto__', 'constructor', 'toString']);
    expect(({} as Record<string, unknown>).previous).toBeUndefined();
  });

  it('stops with an AbortError when cancelled', async () => {
    const payload = payloadFromPairs(
      Array.from({ length: 100 }, (_, i) => [`a${i}`, `b${i}`] as [string, string]),
    );
    const abort = new AbortController();
    abort.abort();
    await expect(buildGraph(payload, { signal: abort.signal })).rejects.toThrow(/cancelled/);
  });
});

describe('defaultOrigin', () => {
  const csrOf = (payload: ReturnType<typeof payloadFromPairs>) =>
    csrFromEdges(
      payload.nodeIds.length,
      payload.edgeSources,
      payload.edgeTargets,
      payload.edgeWeights,
      payload.directed,
    );

  it('takes the node the file marks as origin', () => {
    const payload = payloadFromPairs(
      [
        ['a', 'b'],
        ['b', 'c'],
      ],
      { attributes: { c: { origin: true } } },
    );
    expect(payload.nodeIds[defaultOrigin(payload, csrOf(payload))]).toBe('c');
  });

  it('otherwise picks a median-degree sender, not the hub', () => {
    const pairs: [string, string][] = [
      ['hub', 'a'],
      ['hub', 'b'],
      ['hub', 'c'],
      ['hub', 'd'],
      ['hub', 'e'],
      ['m', 'a'],
      ['m', 'b'],
      ['l', 'a'],
    ];
    const payload = payloadFromPairs(pairs);
    expect(payload.nodeIds[defaultOrigin(payload, csrOf(payload))]).toBe('m');
  });
});
