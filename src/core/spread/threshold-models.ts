import type { Csr } from '../graph/csr';
import { DelaySampler } from './delays';
import { graphFacts, tieWeight, weightScale } from './graph-facts';
import { createRng, hashUnit, normalizeSeed } from './rng';
import { Channel, type Scenario } from './types';
import {
  ADOPTED,
  HARD_DELIVERED,
  adoptOrigins,
  type RunOutcome,
  type SpreadWorkspace,
} from './workspace';

/** Complex contagion's default when neither minFraction nor minContacts is set: two sources. */
export const DEFAULT_MIN_CONTACTS = 2;

const HARD_EVENT = 1;
const SOFT_EVENT = 0;
/** Sums of normalised weights can miss 1 by an ulp; a threshold of exactly 1 must still be met. */
const EPSILON = 1e-9;

/**
 * How many tellings (complex contagion) a node needs before it adopts: at least one, at least
 * `minContacts`, and at least the fraction `minFraction` of its in-contacts, rounded up.
 */
export function contactsNeeded(scenario: Scenario, inDegree: number): number {
  const { minFraction, minContacts } = scenario;
  const count = minContacts ?? (minFraction === undefined ? DEFAULT_MIN_CONTACTS : 1);
  const fraction = minFraction === undefined ? 0 : Math.ceil(minFraction * inDegree - EPSILON);
  return Math.max(1, count, fraction);
}

/** Linear threshold: each person's threshold in (0, 1], fixed by the seed and the person. */
export function linearThreshold(seed: number, node: number): number {
  return hashUnit(normalizeSeed(seed), node);
}

/**
 * Complex contagion and linear threshold: a person adopts once enough of their contacts told them,
 * not at the first telling.
 *
 * Hard step as in the independent cascade: delivered hard-network members adopt on delivery. Then
 * each adopter tells each out-neighbour with probability `worth` (scaled by tie strength when
 * `weighted` in complex contagion), the telling arriving after a soft delay. A person adopts at the
 * arrival that brings them to their need:
 * - complex contagion: a count, `contactsNeeded` (Centola & Macy 2007);
 * - linear threshold: the sum of the tellers' weights, each in-contact weighing 1/in-degree (or
 *   weight / in-weight when `weighted`), reaching the person's random threshold (Kempe, Kleinberg
 *   & Tardos 2003). With worth 1 this is their model, in continuous time.
 * `via` is the teller whose arrival tipped them over. Every telling is an event in a time-ordered
 * heap: O(E log E) per run.
 */
export function runThresholdModel(csr: Csr, scenario: Scenario, ws: SpreadWorkspace): RunOutcome {
  const { offsets, targets, weights, edges } = csr;
  const { worth, delivery, hardEdges } = scenario;
  const linear = scenario.model === 'linear-threshold';
  const { inDegree, inWeight } = graphFacts(csr);
  const scale = linear ? 0 : weightScale(csr, scenario.weighted);
  const weighted = linear && scenario.weighted === true;
  const thresholdSeed = normalizeSeed(scenario.seed);
  const rng = createRng(scenario.seed);
  const delays = new DelaySampler(rng);
  const { flags, exposure, events } = ws;
  let scanned = 0;

  const tell = (sender: number, now: number, skipHard: boolean): void => {
    if (worth <= 0) return;
    const start = offsets[sender];
    const end = offsets[sender + 1];
    scanned += end - start;
    for (let e = start; e < end; e++) {
      if (flags[targets[e]] & ADOPTED) continue;
      if (skipHard && hardEdges![edges[e]] === 1) continue;
      const p = scale > 0 ? worth * tieWeight(weights[e]) * scale : worth;
      if (!(rng.next() < p)) continue;
      events.push(now + delays.soft(), e, sender, SOFT_EVENT);
    }
  };

  /** What one telling along `slot` adds to its target, in the units of `need`. */
  const influence = (slot: number, node: number): number => {
    if (!linear) return 1;
    if (weighted && inWeight[node] > 0) return tieWeight(weights[slot]) / inWeight[node];
    return 1 / inDegree[node];
  };
  const need = (node: number): number =>
    linear ? hashUnit(thresholdSeed, node) - EPSILON : contactsNeeded(scenario, inDegree[node]);

  const adopt = (node: number, time: number, from: number, how: Channel): void => {
    flags[node] |= ADOPTED;
    ws.record(node, time, from, how);
    tell(node, time, false);
  };

  const origins = adoptOrigins(ws, scenario.origins);
  let delivered = 0;
  for (const origin of origins) {
    scanned += offsets[origin + 1] - offsets[origin];
    for (let e = offsets[origin], end = offsets[origin + 1]; e < end; e++) {
      const member = targets[e];
      if (flags[member] & ADOPTED) continue;
      if (hardEdges && hardEdges[edges[e]] !== 1) continue;
      if (!(rng.next() < delivery)) continue;
      ws.touch(member);
      if (!(flags[member] & HARD_DELIVERED)) {
        flags[member] |= HARD_DELIVERED;
        delivered++;
      }
      events.push(delays.hard(), e, origin, HARD_EVENT);
    }
  }
  if (hardEdges) for (const origin of origins) tell(origin, 0, true);

  while (events.pop()) {
    const slot = events.poppedSlot;
    const node = targets[slot];
    if (flags[node] & ADOPTED) continue;
    const time = events.poppedTime;
    const from = events.poppedSource;
    if (events.poppedKind === HARD_EVENT) {
      adopt(node, time, from, Channel.hard);
      continue;
    }
    ws.touch(node);
    exposure[node] += influence(slot, node);
    if (exposure[node] >= need(node)) adopt(node, time, from, Channel.soft);
  }
  return { length: ws.length, hardOnlyReach: origins.length + delivered, edgesScanned: scanned };
}
