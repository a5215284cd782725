import { LayoutClient } from '../workers/layout-client';
import type { LoadedDataset } from './loaded-dataset';
import type { LayoutStatus } from './status';

/**
 * Runs ForceAtlas2 in the layout worker for the current dataset and reports its status. One worker
 * per dataset: starting again terminates the previous one.
 */
export class LayoutRunner {
  status = $state<LayoutStatus>({ type: 'idle' });
  private client: LayoutClient | null = null;

  start(dataset: LoadedDataset, applyPositions: (xy: Float32Array) => void): void {
    this.dispose();
    const { payload } = dataset;
    const nodeCount = payload.nodeIds.length;
    // The file's own coordinates, NaN where it has none: the worker then computes a placement.
    const positions = new Float32Array(nodeCount * 2);
    payload.nodeAttributes.forEach(({ x, y }, i) => {
      positions[2 * i] = typeof x === 'number' ? x : Number.NaN;
      positions[2 * i + 1] = typeof y === 'number' ? y : Number.NaN;
    });
    const client = new LayoutClient({
      onPositions: (xy: Float32Array, progress: number) => {
        applyPositions(xy);
        if (this.status.type === 'running') this.status = { ...this.status, progress };
      },
      onStatus: (status) => {
        this.status = status;
      },
    });
    this.client = client;
    client.start({
      nodeCount,
      positions,
      sources: payload.edgeSources,
      targets: payload.edgeTargets,
      weights: payload.edgeWeights,
    });
  }

  pause(): void {
    this.client?.pause();
  }

  resume(): void {
    this.client?.resume();
  }

  dispose(): void {
    this.client?.dispose();
    this.client = null;
  }
}
