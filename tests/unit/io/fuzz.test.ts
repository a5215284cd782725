import { readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATASETS, datasetBytes } from './datasets';
import { DatasetError } from '../../../src/core/io/errors';
import { parseDataset } from '../../../src/core/io/parse';
import type { DatasetPayload } from '../../../src/core/io/payload';

/**
 * Mutated real files must end in a DatasetError or a well-formed payload, quickly. Large files are
 * cut to their first PREFIX bytes (a truncation is itself a mutation) so that each run stays cheap
 * and the whole test stays within a few seconds.
 */
const PREFIX = 64 * 1024;
const RUNS_PER_FILE = 300;
/** Generous for a 64 KB input on a loaded CI machine; a hang or a blow-up is orders beyond it. */
const MS_PER_RUN = 1500;

const FILES = ['gexf', 'graphml', 'json', 'csv'].flatMap((folder) =>
  readdirSync(path.join(DATASETS, folder))
    .sort()
    .map((name) => `${folder}/${name}`),
);

/** Small inline sources for the formats the shared folder has no file of. */
const INLINE: Record<string, string> = {
  'inline/kite.net':
    '*Network kite\n*Vertices 4\n1 "A b" 0.1 0.2\n2 "C"\n*Arcs\n1 2 2\n*Edges\n2 3\n*Arcslist\n1 3 4\n*Matrix\n0 1 0 0\n0 0 1 0\n0 0 0 1\n1 0 0 0\n',
  'inline/matrix.csv': ',a,b,c\na,0,1,2\nb,1,0,0\nc,2,0,1\n',
};

// Bytes that steer parsers into their odd corners: markup, quotes, entities, DTDs, nesting, NULs.
const SNIPPETS = [
  '<',
  '>',
  '"',
  "'",
  '&',
  '&amp;',
  '&#0;',
  '&#x110000;',
  '<!DOCTYPE x [<!ENTITY a "aaaa">]>',
  '<![CDATA[',
  ']]>',
  '<!--',
  '</node>',
  '<node id="n">',
  '<edge source="a"/>',
  '{',
  '}',
  '[',
  ']',
  ',',
  ';',
  '\t',
  '\n',
  '\r',
  '\u0000',
  '\uFEFF',
  '*Vertices 3\n',
  '1e999',
  '-0',
  'NaN',
  '__proto__',
].map((s) => new TextEncoder().encode(s));

type Mutation =
  | { kind: 'flip'; at: number; mask: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; length: number };

const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip'), at: position, mask: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate'), at: position }),
  fc.record({
    kind: fc.constant('insert'),
    at: position,
    bytes: fc.oneof(fc.constantFrom(...SNIPPETS), fc.uint8Array({ minLength: 1, maxLength: 8 })),
  }),
  fc.record({ kind: fc.constant('delete'), at: position, length: fc.integer({ min: 1, max: 64 }) }),
) as fc.Arbitrary<Mutation>;

function mutate(source: Uint8Array, mutations: Mutation[]): Uint8Array {
  let bytes = source;
  for (const m of mutations) {
    const at = Math.floor(m.at * bytes.length);
    switch (m.kind) {
      case 'flip':
        bytes = bytes.slice();
        if (bytes.length > 0) bytes[at] ^= m.mask;
        break;
      case 'truncate':
        bytes = bytes.slice(0, at);
        break;
      case 'insert': {
        const out = new Uint8Array(bytes.length + m.bytes.length);
        out.set(bytes.subarray(0, at));
        out.set(m.bytes, at);
        out.set(bytes.subarray(at), at + m.bytes.length);
        bytes = out;
        break;
      }
      case 'delete': {
        const end = Math.min(bytes.length, at + m.length);
        const out = new Uint8Array(bytes.length - (end - at));
        out.set(bytes.subarray(0, at));
        out.set(bytes.subarray(end), at);
        bytes = out;
        break;
      }
    }
  }
  return bytes;
}

/** The promises a payload makes to the rest of the app (payload.ts). */
function checkPayload(p: DatasetPayload): void {
  const nodes = p.nodeIds.length;
  const edges = p.edgeSources.length;
  expect(p.nodeAttributes).toHaveLength(nodes);
  expect(p.edgeTargets).toHaveLength(edges);
  expect(p.edgeWeights).toHaveLength(edges);
  if (p.edgeDirected) expect(p.edgeDirected).toHaveLength(edges);
  if (p.edgeAttributes) expect(p.edgeAttributes).toHaveLength(edges);
  for (let e = 0; e < edges; e++) {
    const s = p.edgeSources[e];
    const t = p.edgeTargets[e];
    if (!(s >= 0 && s < nodes && t >= 0 && t < nodes)) throw new Error(`edge ${e} out of range`);
  }
  for (const attributes of p.nodeAttributes) {
    if (Object.getPrototypeOf(attributes) !== null) throw new Error('attributes with a prototype');
  }
  expect(new Set(p.nodeIds).size).toBe(nodes);
}

describe('fuzzing: mutated real files', () => {
  it.each([...FILES, ...Object.keys(INLINE)])('%s', (file) => {
    const original = file in INLINE ? new TextEncoder().encode(INLINE[file]) : datasetBytes(file);
    const source = original.subarray(0, PREFIX);
    let slowest = 0;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const bytes = mutate(source, mutations);
        const started = performance.now();
        try {
          checkPayload(parseDataset(bytes, file));
        } catch (error) {
          if (!(error instanceof DatasetError)) throw error;
          expect(error.message.startsWith(`${file}: `)).toBe(true);
        }
        slowest = Math.max(slowest, performance.now() - started);
      }),
      { numRuns: RUNS_PER_FILE, seed: 20261125 },
    );
    expect(slowest).toBeLessThan(MS_PER_RUN);
  });
});
