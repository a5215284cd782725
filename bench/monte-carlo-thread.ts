/**
 * A node worker thread for bench/monte-carlo.bench.ts, standing in for the browser's spread worker:
 * it receives the CSR once, warms up, says it is ready, then runs the chunk of Monte Carlo runs it
 * is sent and reports its samples. Not a *.bench.ts file, so bench/run.mjs does not run it alone.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Csr } from '../src/core/graph/csr';
import { sampleReach } from '../src/core/spread/monte-carlo';
import type { Scenario } from '../src/core/spread/types';
import { SpreadWorkspace } from '../src/core/spread/workspace';

export interface ThreadData {
  csr: Csr;
  scenario: Scenario;
  warmupRuns: number;
}

export interface ThreadChunk {
  firstRun: number;
  count: number;
}

const { csr, scenario, warmupRuns } = workerData as ThreadData;
const workspace = new SpreadWorkspace(csr.nodeCount);
// Warm-up runs use seeds far from the measured ones, so they do not pre-compute anything measured.
sampleReach(csr, scenario, 1_000_000, warmupRuns, workspace);
parentPort!.postMessage({ type: 'ready' });
parentPort!.on('message', ({ firstRun, count }: ThreadChunk) => {
  const samples = sampleReach(csr, scenario, firstRun, count, workspace);
  parentPort!.postMessage({ type: 'done', samples });
});
