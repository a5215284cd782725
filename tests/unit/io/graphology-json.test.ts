import { describe, expect, it } from 'vitest';
import { datasetBytes, loadDataset, rejection, text } from './datasets';
import { parseDataset } from '../../../src/core/io/parse';

const json = (value: unknown) => text(JSON.stringify(value));

describe('graphology JSON', () => {
  it('reads the sigma Les Misérables sample', () => {
    const p = loadDataset('json/sigma-test_les-miserables.json');
    expect(p.format).toBe('graphology-json');
    expect(p.nodeIds).toHaveLength(77);
    expect(p.edgeSources).toHaveLength(254);
    expect(p.nodeIds[0]).toBe('0.0');
    expect(p.directed).toBe(true); // options.type is "directed"
    const myriel = p.nodeAttributes[0];
    expect(myriel).toMatchObject({ label: 'Myriel', x: 268.72385, y: 91.18155, size: 22.714287 });
    // rgb(216,72,45) becomes hex, the one spelling sigma and its cache like best.
    expect(myriel.color).toBe('#d8482d');
    expect(Object.getPrototypeOf(myriel)).toBeNull();
    expect(p.edgeWeights[0]).toBe(1);
    expect(p.edgeWeights[1]).toBe(8);
    expect(p.graphAttributes.creator).toBe('ofNodesAndEdges.com');
    expect(p.warnings).toEqual([]);
  });

  it('reads mixed graphs, missing endpoints and edge attributes', () => {
    const p = parseDataset(
      json({
        options: { type: 'mixed' },
        nodes: [
          {
            key: 'a',
            attributes: { label: 1, x: '2', size: 'big', tags: ['x'], meta: { deep: true } },
          },
          { key: 2 },
        ],
        edges: [
          { source: 'a', target: 2, attributes: { weight: 3, kind: 'friend' } },
          { source: 2, target: 'c', undirected: true },
        ],
      }),
      'mixed.json',
    );
    expect(p.nodeIds).toEqual(['a', '2', 'c']);
    expect(p.nodeAttributes[0]).toMatchObject({
      label: '1',
      x: 2,
      'size (data)': 'big',
      tags: ['x'],
      meta: '{"deep":true}',
    });
    expect(Array.from(p.edgeWeights)).toEqual([3, 1]);
    expect(Array.from(p.edgeDirected ?? [])).toEqual([1, 0]);
    expect(p.edgeAttributes?.[0]).toEqual(Object.assign(Object.create(null), { kind: 'friend' }));
    expect(p.warnings.join(' ')).toMatch(/"c"/);
  });

  it('reads an undirected graph and an empty one', () => {
    const p = parseDataset(
      json({
        options: { type: 'undirected' },
        nodes: [{ key: 'a' }],
        edges: [{ source: 'a', target: 'a' }],
      }),
      'u.json',
    );
    expect(p.directed).toBe(false);
    expect(p.edgeDirected).toBeUndefined();
    const empty = parseDataset(json({ nodes: [], edges: [] }), 'empty.json');
    expect(empty.nodeIds).toEqual([]);
    expect(empty.warnings.join(' ')).toMatch(/no nodes/);
  });

  it('keeps __proto__ keys as data', () => {
    const p = parseDataset(
      text(
        '{"nodes":[{"key":"__proto__","attributes":{"__proto__":{"polluted":1},"constructor":"x"}}]}',
      ),
      'proto.json',
    );
    expect(p.nodeIds).toEqual(['__proto__']);
    expect(p.nodeAttributes[0].constructor).toBe('x');
    expect(Object.getOwnPropertyNames(p.nodeAttributes[0])).toContain('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names the index of a bad node or edge', () => {
    expect(
      rejection(json({ nodes: [{ key: 'a' }, { label: 'no key' }] }), 'bad.json').message,
    ).toBe('bad.json: nodes[1]: expected {"key": …, "attributes": {…}}');
    expect(
      rejection(
        json({ nodes: [], edges: [{ source: 'a', target: 'b' }, { source: 'a' }] }),
        'bad.json',
      ).message,
    ).toMatch(/^bad\.json: edges\[1\]: /);
  });
});

describe('JSON: shapes and hostile input', () => {
  it('explains an unknown shape and lists the shapes understood', () => {
    const error = rejection(json({ vertices: [], arcs: [] }), 'odd.json');
    expect(error.message).toMatch(
      /^odd\.json: unknown JSON shape: found an object with keys "vertices", "arcs"/,
    );
    expect(error.message).toMatch(
      /Understood JSON shapes: graphology serialization.*node-link.*Cytoscape/,
    );
  });

  it('rejects 100,000 opening brackets with a DatasetError, not a crash', () => {
    const file = 'hostile/jsontestsuite_n_structure_100000_opening_arrays.json';
    expect(rejection(datasetBytes(file), 'deep.json').message).toMatch(
      /^deep\.json: .*not valid JSON/,
    );
  });

  it('survives 500 nested arrays (an unknown shape)', () => {
    const file = 'hostile/jsontestsuite_i_structure_500_nested_arrays.json';
    expect(rejection(datasetBytes(file), 'nested.json').message).toMatch(
      /unknown JSON shape: found a JSON array/,
    );
  });

  it('tolerates a BOM: {} is then just an unknown shape, not a syntax error', () => {
    const file = 'hostile/jsontestsuite_i_structure_UTF-8_BOM_empty_object.json';
    expect(rejection(datasetBytes(file), 'bom.json').message).toMatch(
      /unknown JSON shape: found an empty JSON object/,
    );
  });

  it('says where a syntax error is', () => {
    // V8 gives a position only for some errors ("… in JSON at position 12"); then we add the line.
    expect(rejection(text('{\n  "nodes": [,]\n}'), 'syntax.json').message).toMatch(
      /^syntax\.json: (line 2, column \d+: )?not valid JSON \(Unexpected token ','\)$/,
    );
  });
});
