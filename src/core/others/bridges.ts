import { betweennessSteps, planBetweenness, runToEnd, type BetweennessPlan } from './betweenness';
import { tieList, type Ties } from './ties';

/** Who each person is tied to, whichever way the tie points, each tie once. */
export interface UndirectedAdjacency {
  offsets: Int32Array;
  neighbours: Int32Array;
}

export function undirectedAdjacency(ties: Ties): UndirectedAdjacency {
  const { nodeCount: n, sources, targets } = tieList(ties);
  const seen = new Set<number>();
  const a: number[] = [];
  const b: number[] = [];
  for (let e = 0; e < sources.length; e++) {
    const s = Math.min(sources[e], targets[e]);
    const t = Math.max(sources[e], targets[e]);
    const key = s * n + t;
    if (s === t || seen.has(key)) continue;
    seen.add(key);
    a.push(s);
    b.push(t);
  }
  const offsets = new Int32Array(n + 1);
  for (let e = 0; e < a.length; e++) {
    offsets[a[e] + 1]++;
    offsets[b[e] + 1]++;
  }
  for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i];
  const cursor = offsets.slice(0, n);
  const neighbours = new Int32Array(offsets[n]);
  for (let e = 0; e < a.length; e++) {
    neighbours[cursor[a[e]]++] = b[e];
    neighbours[cursor[b[e]]++] = a[e];
  }
  return { offsets, neighbours };
}

/** How each person's ties spread over tribes. */
export interface TieSpread {
  /** Guimerà–Amaral participation coefficient: 1 − Σ_s (k_is / k_i)²; 0 when all ties stay home. */
  participation: Float64Array;
  /** Ties to people of another tribe (or of none). */
  outsideTies: Int32Array;
  /** How many tribes other than their own they have ties into. */
  otherTribes: Int32Array;
}

/**
 * The participation coefficient of every person for a partition into tribes, and their ties into
 * other tribes, in one pass over the ties (O(E)): what a bridge's line in the list says of them.
 */
export function participation(adjacency: UndirectedAdjacency, tribeOf: Int32Array): TieSpread {
  const n = tribeOf.length;
  const { offsets, neighbours } = adjacency;
  const result: TieSpread = {
    participation: new Float64Array(n),
    outsideTies: new Int32Array(n),
    otherTribes: new Int32Array(n),
  };
  let tribes = 2;
  for (let i = 0; i < n; i++) tribes = Math.max(tribes, tribeOf[i] + 2);
  const count = new Int32Array(tribes);
  const touched: number[] = [];
  for (let i = 0; i < n; i++) {
    const degree = offsets[i + 1] - offsets[i];
    if (degree === 0) continue;
    for (let k = offsets[i]; k < offsets[i + 1]; k++) {
      const slot = tribeOf[neighbours[k]] + 1; // 0: people of no tribe, each a tribe of one
      if (slot === 0) {
        result.outsideTies[i]++;
        result.otherTribes[i]++;
        touched.push(-1);
        continue;
      }
      if (count[slot]++ === 0) touched.push(slot);
    }
    let squares = result.outsideTies[i]; // each tie to someone of no tribe: (1/k)² · k²
    for (const slot of touched) {
      if (slot < 0) continue;
      squares += count[slot] * count[slot];
      if (slot !== tribeOf[i] + 1) {
        result.outsideTies[i] += count[slot];
        result.otherTribes[i]++;
      }
      count[slot] = 0;
    }
    touched.length = 0;
    result.participation[i] = 1 - squares / (degree * degree);
  }
  return result;
}

export interface Bridge {
  node: number;
  /** The ranking score: normalized betweenness (estimated, when sampled). */
  score: number;
  participation: number;
  otherTribes: number;
  outsideTies: number;
}

/** How betweenness was computed: from every person, or from a uniform sample of them. */
export type BetweennessMethod =
  { type: 'exact' } | { type: 'sampled'; sources: number; people: number };

export interface Bridges {
  method: BetweennessMethod;
  bridges: Bridge[];
}

export function methodOf(plan: BetweennessPlan): BetweennessMethod {
  return plan.exact
    ? { type: 'exact' }
    : { type: 'sampled', sources: plan.sources.length, people: plan.nodeCount };
}

/**
 * The people who connect tribes: those with ties into other tribes, ranked by betweenness
 * centrality (how many shortest paths run through them), then by ties outside their tribe.
 */
export function rankBridges(
  adjacency: UndirectedAdjacency,
  tribeOf: Int32Array,
  betweenness: Float64Array,
  method: BetweennessMethod,
  limit = 20,
): Bridges {
  const spread = participation(adjacency, tribeOf);
  const candidates: number[] = [];
  for (let i = 0; i < tribeOf.length; i++) if (spread.otherTribes[i] > 0) candidates.push(i);
  candidates.sort(
    (a, b) =>
      betweenness[b] - betweenness[a] || spread.outsideTies[b] - spread.outsideTies[a] || a - b,
  );
  return {
    method,
    bridges: candidates.slice(0, limit).map((node) => ({
      node,
      score: betweenness[node],
      participation: spread.participation[node],
      otherTribes: spread.otherTribes[node],
      outsideTies: spread.outsideTies[node],
    })),
  };
}

/**
 * Bridges in one go, for small networks and tests; the app finds them in the others worker, one
 * source at a time (see tribes.ts).
 */
export function findBridges(
  ties: Ties,
  tribeOf: Int32Array,
  { limit = 20, seed = 1, budget }: { limit?: number; seed?: number; budget?: number } = {},
): Bridges {
  const adjacency = undirectedAdjacency(ties);
  const plan = planBetweenness(adjacency, seed, budget);
  const betweenness = runToEnd(betweennessSteps(adjacency, plan));
  return rankBridges(adjacency, tribeOf, betweenness, methodOf(plan), limit);
}

/**
 * "Who should she tell to reach another tribe?": her contacts with ties into tribes other than
 * hers, most such ties first.
 */
export function bridgesNear(
  adjacency: UndirectedAdjacency,
  tribeOf: Int32Array,
  person: number,
  limit = 5,
): { node: number; outsideTies: number }[] {
  const home = tribeOf[person];
  const near: { node: number; outsideTies: number }[] = [];
  const { offsets, neighbours } = adjacency;
  for (let k = offsets[person]; k < offsets[person + 1]; k++) {
    const contact = neighbours[k];
    let outside = 0;
    for (let j = offsets[contact]; j < offsets[contact + 1]; j++) {
      const tribe = tribeOf[neighbours[j]];
      if (tribe >= 0 && tribe !== home) outside++;
    }
    if (outside > 0) near.push({ node: contact, outsideTies: outside });
  }
  return near.sort((a, b) => b.outsideTies - a.outsideTies || a.node - b.node).slice(0, limit);
}
