import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonical, graphs, type GeneratedGraph } from './arbitrary-graph';
import { toGexf } from '../../../src/core/export/gexf';
import { ADOPTION_TIME_KEY } from '../../../src/core/export/graph';
import { toGraphologyJson } from '../../../src/core/export/graphology-json';
import { parseDataset } from '../../../src/core/io/parse';
import type { Attributes, DatasetPayload } from '../../../src/core/io/payload';

const encode = (s: string) => new TextEncoder().encode(s);

/** The payload with each reached node's adoption time as an attribute, as the exports write it. */
function withAdoptionTimes({ payload, adoptionTimes }: GeneratedGraph): DatasetPayload {
  const nodeAttributes = payload.nodeAttributes.map((attributes, n) => {
    const copy = Object.assign(Object.create(null) as Attributes, attributes);
    if (!Number.isNaN(adoptionTimes[n])) copy[ADOPTION_TIME_KEY] = adoptionTimes[n];
    return copy;
  });
  return { ...payload, nodeAttributes };
}

describe('export → import round trips (property-based)', () => {
  it('GEXF keeps nodes, edges, typed attributes and adoption times', () => {
    fc.assert(
      fc.property(graphs, (graph) => {
        const gexf = toGexf(graph.payload, { adoptionTimes: graph.adoptionTimes });
        const back = parseDataset(encode(gexf), 'round-trip.gexf');
        expect(back.format).toBe('gexf');
        expect(canonical(back)).toEqual(canonical(withAdoptionTimes(graph)));
        if (graph.payload.edgeDirected === undefined && back.edgeSources.length > 0) {
          expect(back.directed).toBe(graph.payload.directed);
        }
        expect(back.warnings).toEqual([]);
      }),
      { numRuns: 300, seed: 20261125 },
    );
  });

  it('graphology JSON keeps nodes, edges, typed attributes and adoption times', () => {
    fc.assert(
      fc.property(graphs, (graph) => {
        const json = toGraphologyJson(graph.payload, { adoptionTimes: graph.adoptionTimes });
        const back = parseDataset(encode(json), 'round-trip.json');
        expect(back.format).toBe('graphology-json');
        expect(canonical(back)).toEqual(canonical(withAdoptionTimes(graph)));
        expect(back.warnings).toEqual([]);
      }),
      { numRuns: 300, seed: 20261125 },
    );
  });

  it('GEXF without adoption times is a static graph and keeps the attributes as they were', () => {
    fc.assert(
      fc.property(graphs, (graph) => {
        const gexf = toGexf(graph.payload);
        expect(gexf).toContain('mode="static"');
        const back = parseDataset(encode(gexf), 'static.gexf');
        expect(canonical(back)).toEqual(canonical(graph.payload));
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});
