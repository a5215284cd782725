import type { DatasetPayload } from '../io/payload';
import { outDegree, type Csr } from './csr';

/**
 * The origin a dataset starts with: a node the file marks with `origin = true` (our bundled samples do),
 * else a "typical" person: the node whose out-degree is the median among nodes that can tell anyone,
 * so the first spread shows an ordinary sender rather than a hub. Returns -1 for an empty graph.
 */
export function defaultOrigin(payload: DatasetPayload, csr: Csr): number {
  const marked = payload.nodeAttributes.findIndex((a) => a.origin === true || a.origin === 'true');
  if (marked >= 0) return marked;
  const candidates: number[] = [];
  for (let i = 0; i < csr.nodeCount; i++) if (outDegree(csr, i) > 0) candidates.push(i);
  if (candidates.length === 0) return csr.nodeCount > 0 ? 0 : -1;
  candidates.sort((a, b) => outDegree(csr, a) - outDegree(csr, b) || a - b);
  return candidates[Math.floor(candidates.length / 2)];
}
