import { describe, expect, it } from 'vitest';
import { loadDataset, rejection, text } from './datasets';
import { parseDataset } from '../../../src/core/io/parse';

const json = (value: unknown) => text(JSON.stringify(value));

describe('node-link JSON', () => {
  it("reads sigma's demo dataset: flat nodes with key, [source, target] pairs", () => {
    const p = loadDataset('json/sigma-demo_dataset.json');
    expect(p.format).toBe('d3-json');
    expect(p.nodeIds).toHaveLength(2085);
    expect(p.edgeSources).toHaveLength(5409);
    expect(p.nodeIds[0]).toBe('cytoscape');
    expect(p.nodeAttributes[0]).toMatchObject({
      label: 'Cytoscape',
      cluster: '0',
      tag: 'Tool',
      x: 643.82275390625,
    });
    expect(p.nodeAttributes[0].key).toBeUndefined();
    expect(p.nodeIds[p.edgeTargets[0]]).toBe('computational genomics');
    expect(p.warnings).toEqual([]);
  });

  it('reads classic d3 (node indices, "value" weights, "name" labels)', () => {
    const p = parseDataset(
      json({
        nodes: [
          { name: 'Myriel', group: 1 },
          { name: 'Napoleon', group: 1 },
        ],
        links: [{ source: 1, target: 0, value: 3 }],
      }),
      'miserables.json',
    );
    expect(p.nodeIds).toEqual(['0', '1']);
    expect(p.nodeAttributes[0]).toMatchObject({ label: 'Myriel', name: 'Myriel', group: 1 });
    expect([p.edgeSources[0], p.edgeTargets[0], p.edgeWeights[0]]).toEqual([1, 0, 3]);
    expect(p.directed).toBe(false);
  });

  it('reads NetworkX node_link_data (directed, graph attributes, edge data)', () => {
    const p = parseDataset(
      json({
        directed: true,
        multigraph: false,
        graph: { name: 'g' },
        nodes: [{ id: 'a', city: 'Lyon' }, { id: 'b' }],
        edges: [{ source: 'a', target: 'b', weight: 0.5, since: 2020 }],
      }),
      'nx.json',
    );
    expect(p.directed).toBe(true);
    expect(p.graphAttributes.name).toBe('g');
    expect(p.nodeAttributes[0].city).toBe('Lyon');
    expect(p.edgeWeights[0]).toBe(0.5);
    expect(p.edgeAttributes?.[0]).toEqual(Object.assign(Object.create(null), { since: 2020 }));
  });

  it('names a bad link', () => {
    expect(
      rejection(json({ nodes: [{ id: 'a' }], links: [{ source: 'a' }] }), 'bad.json').message,
    ).toMatch(/^bad\.json: links\[0\]: expected/);
  });
});

describe('Cytoscape JSON', () => {
  it('reads elements as {nodes, edges}, with positions (y flipped) and weights', () => {
    const p = parseDataset(
      json({
        data: { name: 'net' },
        elements: {
          nodes: [
            { data: { id: 'n1', name: 'One' }, position: { x: 10, y: 20 } },
            { data: { id: 'n2' } },
          ],
          edges: [{ data: { id: 'e1', source: 'n1', target: 'n2', weight: 2, interaction: 'pp' } }],
        },
      }),
      'net.cyjs',
    );
    expect(p.format).toBe('cytoscape-json');
    expect(p.nodeAttributes[0]).toMatchObject({ label: 'One', x: 10, y: -20 });
    expect(p.edgeWeights[0]).toBe(2);
    expect(p.edgeAttributes?.[0].interaction).toBe('pp');
    expect(p.directed).toBe(true);
    expect(p.graphAttributes.name).toBe('net');
  });

  it('reads elements as one array with groups', () => {
    const p = parseDataset(
      json({
        elements: [
          { group: 'nodes', data: { id: 'a' } },
          { group: 'nodes', data: { id: 'b' } },
          { group: 'edges', data: { source: 'a', target: 'b' } },
        ],
      }),
      'flat.json',
    );
    expect(p.nodeIds).toEqual(['a', 'b']);
    expect(p.edgeSources).toHaveLength(1);
  });
});
