import type { Csr } from '../../core/graph/csr';

/**
 * How many people the origins tell directly: their out-neighbours, or only the targets of their
 * hard-marked ties when the dataset marks some (the engine's own rule, independent-cascade.ts).
 * Other origins do not count: they have the word already.
 */
export function hardNetworkSize(
  csr: Csr,
  origins: readonly number[],
  hardEdges: Uint8Array | null,
): number {
  const isOrigin = new Set(origins);
  const members = new Set<number>();
  for (const origin of origins) {
    if (origin < 0 || origin >= csr.nodeCount) continue;
    for (let slot = csr.offsets[origin]; slot < csr.offsets[origin + 1]; slot++) {
      const target = csr.targets[slot];
      if (isOrigin.has(target)) continue;
      if (hardEdges && hardEdges[csr.edges[slot]] !== 1) continue;
      members.add(target);
    }
  }
  return members.size;
}
