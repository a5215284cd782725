import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { csrFromEdges } from '../../src/core/graph/csr';
import { nodeWithOutDegreeNear, skewedDirectedGraph } from '../random-graph';

export interface GraphSpec {
  label: string;
  nodes: number;
  edges: number;
  seed: number;
  /** How long to wait for the layout to report converged/stopped before freezing it. */
  layoutCapMs: number;
}

export interface GeneratedGraph<S extends GraphSpec = GraphSpec> {
  spec: S;
  file: string;
  bytes: number;
  /** Node id (as written in the file) of the origin the bench asks for in the URL hash. */
  origin: string;
  originDegree: number;
}

/**
 * Writes a seeded skewed directed graph (bench/random-graph.ts) as a plain edge list ("a b" per line,
 * the fastest format to generate and parse) under `dir`, and picks as origin a node of out-degree near
 * `originDegree`, as the spread bench does: a well-connected person, not a hub, so the spread is large
 * on every size.
 */
export function writeEdgeList<S extends GraphSpec>(
  dir: string,
  spec: S,
  originDegree = 30,
): GeneratedGraph<S> {
  const { sources, targets } = skewedDirectedGraph(spec.nodes, spec.edges, spec.seed);
  const csr = csrFromEdges(
    spec.nodes,
    sources,
    targets,
    new Float64Array(spec.edges).fill(1),
    true,
  );
  const origin = nodeWithOutDegreeNear(csr, originDegree);
  const chunks: string[] = [];
  const CHUNK = 50_000;
  for (let start = 0; start < spec.edges; start += CHUNK) {
    const lines: string[] = [];
    for (let e = start; e < Math.min(spec.edges, start + CHUNK); e++)
      lines.push(`${sources[e]} ${targets[e]}`);
    chunks.push(lines.join('\n') + '\n');
  }
  const text = Buffer.from(chunks.join(''));
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `wordspread-bench-${spec.label}.txt`);
  writeFileSync(file, text);
  return {
    spec,
    file,
    bytes: text.length,
    origin: String(origin),
    originDegree: csr.offsets[origin + 1] - csr.offsets[origin],
  };
}
