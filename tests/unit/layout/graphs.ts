import { readFileSync } from 'node:fs';
import { seededRandom } from '../../../src/core/layout/rng';

/** A graph as the layout takes it: node count and edge arrays (node indices). */
export interface EdgeListGraph {
  nodeCount: number;
  sources: Int32Array;
  targets: Int32Array;
  weights?: Float64Array;
  /** Coordinates from the file, x, y interleaved (only for les-misérables). */
  given?: Float32Array;
}

interface Serialized {
  nodes: { key: string; attributes?: { x?: number; y?: number } }[];
  edges: { source: string; target: string; attributes?: { weight?: number } }[];
}

export const LES_MISERABLES_PATH = '/work/shared/datasets/json/sigma-test_les-miserables.json';

export function lesMiserablesJson(): Serialized {
  return JSON.parse(readFileSync(LES_MISERABLES_PATH, 'utf8')) as Serialized;
}

/** The graphology serialization of les-misérables (77 nodes, 254 edges) as edge arrays. */
export function lesMiserables(): EdgeListGraph {
  const data = lesMiserablesJson();
  const index = new Map(data.nodes.map((node, i) => [node.key, i]));
  const given = new Float32Array(data.nodes.length * 2);
  data.nodes.forEach((node, i) => {
    given[2 * i] = node.attributes?.x ?? NaN;
    given[2 * i + 1] = node.attributes?.y ?? NaN;
  });
  return {
    nodeCount: data.nodes.length,
    sources: Int32Array.from(data.edges, (edge) => index.get(edge.source) ?? -1),
    targets: Int32Array.from(data.edges, (edge) => index.get(edge.target) ?? -1),
    given,
  };
}

/** Random recursive tree: each node hangs under a uniformly chosen earlier one. */
export function randomTree(nodeCount: number, seed: number): EdgeListGraph {
  const random = seededRandom(seed);
  const sources: number[] = [];
  const targets: number[] = [];
  for (let i = 1; i < nodeCount; i++) {
    sources.push(Math.floor(random() * i));
    targets.push(i);
  }
  return { nodeCount, sources: Int32Array.from(sources), targets: Int32Array.from(targets) };
}

export function grid(width: number): EdgeListGraph {
  const sources: number[] = [];
  const targets: number[] = [];
  for (let row = 0; row < width; row++) {
    for (let column = 0; column < width; column++) {
      const node = row * width + column;
      if (column + 1 < width) {
        sources.push(node);
        targets.push(node + 1);
      }
      if (row + 1 < width) {
        sources.push(node);
        targets.push(node + width);
      }
    }
  }
  return {
    nodeCount: width * width,
    sources: Int32Array.from(sources),
    targets: Int32Array.from(targets),
  };
}

/** Planted partition: `blocks` communities, edge probability `inside` within, `across` between. */
export function blockModel(
  nodeCount: number,
  blocks: number,
  inside: number,
  across: number,
  seed: number,
): EdgeListGraph {
  const random = seededRandom(seed);
  const sources: number[] = [];
  const targets: number[] = [];
  for (let i = 0; i < nodeCount; i++) {
    for (let j = i + 1; j < nodeCount; j++) {
      if (random() < (i % blocks === j % blocks ? inside : across)) {
        sources.push(i);
        targets.push(j);
      }
    }
  }
  const weights = Float64Array.from(sources, () => 1 + Math.floor(random() * 5));
  return {
    nodeCount,
    sources: Int32Array.from(sources),
    targets: Int32Array.from(targets),
    weights,
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

export function allFinite(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return false;
  return true;
}
