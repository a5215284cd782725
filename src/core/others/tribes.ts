import { betweennessSteps, planBetweenness } from './betweenness';
import { methodOf, rankBridges, undirectedAdjacency, type Bridges } from './bridges';
import type { UndirectedAdjacency } from './bridges';
import { detectCommunities, type Communities } from './communities';
import type { TieList } from './ties';

export interface TribesOptions {
  /** Louvain's and the source sample's seed: same network and seed, same tribes and bridges. */
  seed: number;
  /** How many bridges to list. */
  limit?: number;
  /** Betweenness work budget (see BETWEENNESS_BUDGET); tests lower it to force sampling. */
  budget?: number;
}

/** Tribes, their bridges, and the undirected ties they were found on (kept for later questions). */
export interface TribesFound {
  communities: Communities;
  bridges: Bridges;
  adjacency: UndirectedAdjacency;
}

/** Where a tribes job is: Louvain runs in one go; betweenness reports its sources done. */
export type TribesStep = { phase: 'tribes' } | { phase: 'bridges'; done: number; total: number };

/**
 * The whole "find tribes" job as steps, so that the others worker can report progress and take a
 * Cancel between them: Louvain with modularity, then betweenness one source at a time, then the
 * bridges ranked by it. Pure: tests drive it directly in node.
 */
export function* tribesSteps(
  ties: TieList,
  options: TribesOptions,
): Generator<TribesStep, TribesFound, void> {
  yield { phase: 'tribes' };
  const communities = detectCommunities(ties, options.seed);
  const adjacency = undirectedAdjacency(ties);
  const plan = planBetweenness(adjacency, options.seed, options.budget);
  const total = plan.sources.length;
  yield { phase: 'bridges', done: 0, total };
  const steps = betweennessSteps(adjacency, plan);
  let step = steps.next();
  while (!step.done) {
    yield { phase: 'bridges', done: step.value, total };
    step = steps.next();
  }
  const tribeOf = communities.grouping.groupOfNode;
  const bridges = rankBridges(adjacency, tribeOf, step.value, methodOf(plan), options.limit);
  return { communities, bridges, adjacency };
}
