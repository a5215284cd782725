import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import { createRng } from '../spread/rng';
import type { Grouping } from './groups';
import { tieList, type Ties } from './ties';

/** Tribes found by Louvain: a grouping ("community") plus how clearly the graph splits. */
export interface Communities {
  grouping: Grouping;
  /** Newman's modularity of the partition, in [-0.5, 1]; above ~0.3, the tribes are real. */
  modularity: number;
  seed: number;
}

export const COMMUNITY_ATTRIBUTE = 'community';

/**
 * The undirected, simple view of a network that community detection and bridges reason on: who is
 * tied to whom, whichever way the tie points. Parallel ties (a→b and b→a) merge, their weights add;
 * self-loops go.
 */
export function undirectedView(ties: Ties): Graph<object, { weight: number }> {
  const graph = new Graph<object, { weight: number }>({ type: 'undirected', multi: false });
  const { nodeCount, sources, targets, weights } = tieList(ties);
  for (let i = 0; i < nodeCount; i++) graph.addNode(i);
  for (let e = 0; e < sources.length; e++) {
    const s = sources[e];
    const t = targets[e];
    if (s === t) continue;
    const weight = Number.isFinite(weights[e]) && weights[e] > 0 ? weights[e] : 1;
    const existing = graph.edge(s, t);
    if (existing === undefined) graph.addEdge(s, t, { weight });
    else graph.updateEdgeAttribute(existing, 'weight', (w) => (w ?? 0) + weight);
  }
  return graph;
}

/**
 * Louvain communities on the undirected view, seeded so the same network and seed give the same
 * tribes (Louvain visits nodes in random order). Tribes are numbered by size, largest first;
 * people with no ties at all belong to no tribe.
 */
export function detectCommunities(ties: Ties, seed = 1): Communities {
  const graph = undirectedView(ties);
  const rng = createRng(seed);
  const n = graph.order;
  const groupOfNode = new Int32Array(n).fill(-1);
  if (graph.size === 0) {
    return {
      grouping: { attribute: COMMUNITY_ATTRIBUTE, values: [], counts: [], groupOfNode },
      modularity: 0,
      seed,
    };
  }
  const result = louvain.detailed(graph, {
    getEdgeWeight: 'weight',
    rng: () => rng.next(),
  });
  const raw = new Int32Array(n).fill(-1);
  const sizes = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    if (graph.degree(String(i)) === 0) continue;
    const community = result.communities[String(i)];
    raw[i] = community;
    sizes.set(community, (sizes.get(community) ?? 0) + 1);
  }
  const order = [...sizes.entries()].sort(([a, x], [b, y]) => y - x || a - b);
  const rank = new Map(order.map(([community], r) => [community, r]));
  for (let i = 0; i < n; i++) if (raw[i] >= 0) groupOfNode[i] = rank.get(raw[i])!;
  return {
    grouping: {
      attribute: COMMUNITY_ATTRIBUTE,
      values: order.map((_, r) => `tribe ${r + 1}`),
      counts: order.map(([, size]) => size),
      groupOfNode,
    },
    modularity: result.modularity,
    seed,
  };
}
