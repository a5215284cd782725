import type { Csr } from '../graph/csr';
import { DelaySampler } from './delays';
import { tieWeight, weightScale } from './graph-facts';
import { createRng } from './rng';
import { runThresholdModel } from './threshold-models';
import { MODELS, Channel, type Scenario, type Timeline } from './types';
import {
  ADOPTED,
  HARD_DELIVERED,
  adoptOrigins,
  workspaceFor,
  type RunOutcome,
  type SpreadWorkspace,
} from './workspace';

export type { RunOutcome } from './workspace';

/** Forgetting's default mean active period: about two soft hops' worth of attention. */
export const DEFAULT_ACTIVE_HOURS = 2;

/**
 * Simulates any model of `scenario` and returns its timeline. Pass a workspace to reuse its
 * memory across calls (it must not be in use by another run). Same graph and scenario, same
 * timeline, whether or not a workspace is reused.
 */
export function simulateSpread(
  csr: Csr,
  scenario: Scenario,
  workspace?: SpreadWorkspace,
): Timeline {
  const ws = workspaceFor(csr, workspace);
  const { length, hardOnlyReach } = runSpread(csr, scenario, ws);
  return {
    length,
    time: ws.outTime.slice(0, length),
    node: ws.outNode.slice(0, length),
    via: ws.outVia.slice(0, length),
    channel: ws.outChannel.slice(0, length),
    timeUnit: 'hours',
    hardOnlyReach,
  };
}

/**
 * One run into `workspace` (reset first), without copying the timeline out: Monte Carlo's inner
 * loop. The adoptions stay readable in the workspace's `out*` columns until its next run.
 */
export function runSpread(csr: Csr, scenario: Scenario, workspace: SpreadWorkspace): RunOutcome {
  validateScenario(csr, scenario);
  const ws = workspaceFor(csr, workspace);
  if (ws !== workspace) throw new RangeError('the workspace was made for another graph');
  switch (scenario.model) {
    case 'independent-cascade':
    case 'forgetting':
      return runIndependentCascade(csr, scenario, ws);
    case 'complex-contagion':
    case 'linear-threshold':
      return runThresholdModel(csr, scenario, ws);
    default: {
      const unknown: never = scenario.model;
      throw new RangeError(`unknown model ${String(unknown)}`);
    }
  }
}

/**
 * Continuous-time independent cascade from an origin's hard network into the soft network, and its
 * forgetting variant.
 *
 * - Origins adopt at t = 0.
 * - Hard step: each hard-network member (an origin's out-neighbour, or its hard-marked out-edges'
 *   targets) gets the message with probability `delivery`, after a hard delay (`via` = that
 *   origin). Without `hardEdges` origins send nothing else: their direct contacts are the hard
 *   network, so a member whose delivery failed can only hear it soft, from others.
 * - Soft step: every adopter tries each out-neighbour once, with probability `worth` (times
 *   weight / heaviest weight when `weighted`), arriving after a soft delay.
 * - Forgetting: each adopter stays active for an exponential period (mean `activeHours`); a telling
 *   whose delay is longer never happens. Like SIR with a recovery clock per person.
 * - A person adopts at the earliest arrival. With each edge's coin flipped once, when its source
 *   adopts, this is a shortest-path problem over the live edges, solved Dijkstra style with an
 *   indexed heap: O((V + E) log V), and nothing allocated per edge.
 *
 * The unweighted cascade without `hardEdges` draws its numbers in exactly the order of the
 * original engine and of bench/graphology-baseline.ts, which the spread benchmark checks.
 */
function runIndependentCascade(csr: Csr, scenario: Scenario, ws: SpreadWorkspace): RunOutcome {
  const { offsets, targets, weights, edges } = csr;
  const { worth, delivery, hardEdges } = scenario;
  const forgetting = scenario.model === 'forgetting';
  const meanActive = scenario.activeHours ?? DEFAULT_ACTIVE_HOURS;
  const scale = weightScale(csr, scenario.weighted);
  // One stream for coins and delays: the order of draws is fixed by the CSR order, so it is replayable.
  const rng = createRng(scenario.seed);
  const delays = new DelaySampler(rng);
  const { flags, arrival, via, channel, heap } = ws;
  let scanned = 0;

  const offer = (node: number, time: number, from: number, how: Channel): void => {
    if (!(time < arrival[node])) return;
    ws.touch(node);
    arrival[node] = time;
    via[node] = from;
    channel[node] = how;
    heap.offer(node);
  };

  /** Soft tellings by `sender`, adopted at `now`; `skipHard` leaves an origin's hard edges out. */
  const tell = (sender: number, now: number, skipHard: boolean): void => {
    if (worth <= 0) return;
    const active = forgetting ? -meanActive * Math.log(1 - rng.next()) : Infinity;
    const start = offsets[sender];
    const end = offsets[sender + 1];
    scanned += end - start;
    for (let e = start; e < end; e++) {
      const contact = targets[e];
      if (flags[contact] & ADOPTED) continue;
      if (skipHard && hardEdges![edges[e]] === 1) continue;
      const p = scale > 0 ? worth * tieWeight(weights[e]) * scale : worth;
      if (!(rng.next() < p)) continue;
      const delay = delays.soft();
      if (delay > active) continue;
      offer(contact, now + delay, sender, Channel.soft);
    }
  };

  const origins = adoptOrigins(ws, scenario.origins);
  let delivered = 0;
  for (const origin of origins) {
    scanned += offsets[origin + 1] - offsets[origin];
    for (let e = offsets[origin], end = offsets[origin + 1]; e < end; e++) {
      const member = targets[e];
      if (flags[member] & ADOPTED) continue; // another origin
      if (hardEdges && hardEdges[edges[e]] !== 1) continue; // a soft contact, told below
      if (!(rng.next() < delivery)) continue;
      ws.touch(member);
      if (!(flags[member] & HARD_DELIVERED)) {
        flags[member] |= HARD_DELIVERED;
        delivered++;
      }
      offer(member, delays.hard(), origin, Channel.hard);
    }
  }
  if (hardEdges) for (const origin of origins) tell(origin, 0, true);

  for (let node = heap.pop(); node >= 0; node = heap.pop()) {
    flags[node] |= ADOPTED;
    const now = arrival[node];
    ws.record(node, now, via[node], channel[node] as Channel);
    tell(node, now, false);
  }
  return { length: ws.length, hardOnlyReach: origins.length + delivered, edgesScanned: scanned };
}

export function validateScenario(csr: Csr, scenario: Scenario): void {
  const { worth, delivery, origins, model } = scenario;
  if (!MODELS.includes(model)) throw new RangeError(`unknown model ${String(model)}`);
  if (!(worth >= 0 && worth <= 1)) throw new RangeError(`worth must be in [0, 1], got ${worth}`);
  if (!(delivery >= 0 && delivery <= 1)) {
    throw new RangeError(`delivery must be in [0, 1], got ${delivery}`);
  }
  const { minFraction, minContacts, activeHours } = scenario;
  if (minFraction !== undefined && !(minFraction >= 0 && minFraction <= 1)) {
    throw new RangeError(`minFraction must be in [0, 1], got ${minFraction}`);
  }
  if (minContacts !== undefined && !(Number.isInteger(minContacts) && minContacts >= 1)) {
    throw new RangeError(`minContacts must be an integer >= 1, got ${minContacts}`);
  }
  if (activeHours !== undefined && !(activeHours > 0)) {
    throw new RangeError(`activeHours must be positive, got ${activeHours}`);
  }
  for (const origin of origins) {
    if (!Number.isInteger(origin) || origin < 0 || origin >= csr.nodeCount) {
      throw new RangeError(`origin ${origin} is not a node index in [0, ${csr.nodeCount})`);
    }
  }
}
