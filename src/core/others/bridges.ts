import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import type { DatasetPayload } from '../io/payload';
import { undirectedView } from './communities';

/** Who each person is tied to, whichever way the tie points, each tie once. */
export interface UndirectedAdjacency {
  offsets: Int32Array;
  neighbours: Int32Array;
}

export function undirectedAdjacency(payload: DatasetPayload): UndirectedAdjacency {
  const n = payload.nodeIds.length;
  const seen = new Set<number>();
  const a: number[] = [];
  const b: number[] = [];
  const { edgeSources, edgeTargets } = payload;
  for (let e = 0; e < edgeSources.length; e++) {
    const s = Math.min(edgeSources[e], edgeTargets[e]);
    const t = Math.max(edgeSources[e], edgeTargets[e]);
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
 * The participation coefficient of every person for a partition into tribes, in one pass over the
 * ties (O(E)), which is why it stands in for betweenness (O(V·E)) on large networks.
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

/**
 * Above this many node × tie pairs (about 1,000 people with 2,000 ties), betweenness (O(V·E), on
 * the main thread) would freeze the page for more than a few frames: participation only.
 */
export const BETWEENNESS_LIMIT = 2_000_000;

export interface Bridge {
  node: number;
  /** The ranking score: betweenness (normalized) on small networks, else participation. */
  score: number;
  participation: number;
  otherTribes: number;
  outsideTies: number;
}

export interface Bridges {
  method: 'betweenness' | 'participation';
  bridges: Bridge[];
}

/**
 * The people who connect tribes: those with ties into other tribes, ranked by betweenness centrality
 * (how many shortest paths run through them) when the network is small enough to afford it, else by
 * participation coefficient among people with at least three ties (two ties split evenly would
 * otherwise outrank hubs).
 */
export function findBridges(
  payload: DatasetPayload,
  tribeOf: Int32Array,
  limit = 20,
  betweennessLimit = BETWEENNESS_LIMIT,
): Bridges {
  const adjacency = undirectedAdjacency(payload);
  const spread = participation(adjacency, tribeOf);
  const n = tribeOf.length;
  const ties = adjacency.neighbours.length / 2;
  const method = n * ties <= betweennessLimit ? 'betweenness' : 'participation';
  let score: ArrayLike<number> = spread.participation;
  if (method === 'betweenness') {
    const centrality = betweennessCentrality(undirectedView(payload), {
      normalized: true,
      getEdgeWeight: null,
    });
    score = Float64Array.from({ length: n }, (_, i) => centrality[String(i)] ?? 0);
  }
  const minDegree = method === 'participation' ? 3 : 1;
  const candidates: number[] = [];
  for (let i = 0; i < n; i++) {
    const degree = adjacency.offsets[i + 1] - adjacency.offsets[i];
    if (spread.otherTribes[i] > 0 && degree >= minDegree) candidates.push(i);
  }
  candidates.sort(
    (a, b) => score[b] - score[a] || spread.outsideTies[b] - spread.outsideTies[a] || a - b,
  );
  return {
    method,
    bridges: candidates.slice(0, limit).map((node) => ({
      node,
      score: score[node],
      participation: spread.participation[node],
      otherTribes: spread.otherTribes[node],
      outsideTies: spread.outsideTies[node],
    })),
  };
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
