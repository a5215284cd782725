import { layoutTimeBudgetMs } from '../core/layout/budget';
import { inferSettings, type Fa2Settings } from '../core/layout/settings';
import { LayoutClient } from '../workers/layout-client';
import type { LoadedDataset } from './loaded-dataset';
import type { LayoutStatus } from './status';

/** The ForceAtlas2 settings the layout panel offers; the others stay as inferred from the graph. */
export type AdjustableSetting =
  'linLogMode' | 'adjustSizes' | 'edgeWeightInfluence' | 'gravity' | 'scalingRatio';

/** Where the layout's positions go: each new set, and word that no more are coming for now. */
export interface LayoutDrawing {
  apply(xy: Float32Array): void;
  /** The layout paused, stopped or converged: whatever is still waiting must be shown now. */
  settle(): void;
}

/** Automatic restarts per dataset after a crash: a worker that dies on start must not loop. */
const MAX_RESTARTS = 3;

/**
 * Runs ForceAtlas2 in the layout worker for the current dataset and reports its status. One worker
 * per dataset: starting again (new dataset, "New layout") terminates the previous one.
 */
export class LayoutRunner {
  status = $state<LayoutStatus>({ type: 'idle' });
  /** What the current run uses: inferred from the graph, plus the changes made in the panel. */
  settings = $state<Fa2Settings | null>(null);
  /** Time after which the worker stops by itself; scaled to the graph (core/layout/budget.ts). */
  timeBudgetMs = $state(0);
  private client: LayoutClient | null = null;
  private dataset: LoadedDataset | null = null;
  private drawing: LayoutDrawing = { apply: () => {}, settle: () => {} };
  // Kept across "New layout" so a person's choices survive a restart; reset by a new dataset.
  private overrides: Partial<Fa2Settings> = {};
  private restarts = 0;
  /** Told what was lost when the worker crashes (the session shows it). */
  onWorkerLost: (message: string) => void = () => {};

  /** The dataset's own drawing is on screen and FA2 has not run on it (offer "Re-layout"). */
  get showingOwnCoordinates(): boolean {
    return this.status.type === 'stopped' && this.status.reason === 'kept-coordinates';
  }

  get canPause(): boolean {
    return this.status.type === 'running';
  }

  /** Paused, or stopped before converging (by request or time budget): more iterations may help. */
  get canResume(): boolean {
    const { status } = this;
    return status.type === 'paused' || (status.type === 'stopped' && !this.showingOwnCoordinates);
  }

  /**
   * A new dataset: shows `positions` (a restored session's drawing) or the dataset's own coordinates
   * when it has usable ones, else lays it out at once.
   */
  start(
    dataset: LoadedDataset,
    drawing: LayoutDrawing,
    positions: Float32Array | null = null,
  ): void {
    this.dataset = dataset;
    this.drawing = drawing;
    this.overrides = {};
    this.restarts = 0;
    this.launch(true, positions);
  }

  /** Where the nodes are drawn now, x and y interleaved in node order (null before any dataset). */
  currentPositions(): Float32Array | null {
    return this.dataset ? drawnPositions(this.dataset) : null;
  }

  pause(): void {
    this.client?.pause();
  }

  resume(): void {
    this.client?.resume();
  }

  /** Runs FA2 from the drawing on screen (the dataset's own coordinates, repaired). */
  relayout(): void {
    this.client?.resume();
  }

  /** Lays the graph out again from the computed placement, ignoring the dataset's coordinates. */
  restart(): void {
    if (this.dataset) this.launch(false);
  }

  /** Applies at once to a running layout; a finished one starts moving again (new equilibrium). */
  setSetting<K extends AdjustableSetting>(key: K, value: Fa2Settings[K]): void {
    if (!this.settings || !Number.isFinite(Number(value))) return;
    this.overrides = { ...this.overrides, [key]: value };
    this.settings = { ...this.settings, [key]: value };
    this.client?.updateSettings({ [key]: value });
  }

  dispose(): void {
    this.client?.dispose();
    this.client = null;
  }

  /**
   * The worker died: the run in flight is lost but the drawing on screen is not. A fresh worker takes
   * over from the positions drawn now and waits, so Re-layout continues from there.
   */
  private recover(reason: string): void {
    const positions = this.currentPositions();
    if (this.restarts >= MAX_RESTARTS || !positions) {
      this.onWorkerLost(
        `${capitalize(reason)}: the layout in progress was lost, the drawing keeps its last positions. It failed again after ${MAX_RESTARTS} restarts, so it stays off for this dataset.`,
      );
      return;
    }
    this.restarts++;
    this.onWorkerLost(
      `${capitalize(reason)}: the layout in progress was lost, the drawing keeps its last positions. The layout worker was restarted; use Re-layout to continue.`,
    );
    const status = this.status;
    this.launch(true, positions);
    // Keep the error visible in the panel until the new worker reports.
    this.status = status;
  }

  private launch(keepGiven: boolean, given: Float32Array | null = null): void {
    this.dispose();
    const dataset = this.dataset;
    if (!dataset) return;
    const { payload, graph } = dataset;
    const nodeCount = payload.nodeIds.length;
    const edgeCount = payload.edgeSources.length;
    const positions = keepGiven ? (given ?? datasetCoordinates(dataset)) : null;
    // Radii as drawn, in node order (the graph was built in payload order), for "Prevent overlap".
    const sizes = new Float32Array(nodeCount);
    let i = 0;
    graph.forEachNode((_key, attributes) => {
      sizes[i++] = attributes.size;
    });
    // Same inference as the worker's, so the panel shows values before the first status arrives.
    this.settings = {
      ...inferSettings({ nodeCount, edgeCount, withSizes: true }),
      ...this.overrides,
    };
    this.timeBudgetMs = layoutTimeBudgetMs({ nodeCount, edgeCount });
    this.status = { type: 'idle' };
    const client = new LayoutClient({
      onPositions: (xy: Float32Array, progress: number) => {
        this.drawing.apply(xy);
        if (this.status.type === 'running') this.status = { ...this.status, progress };
      },
      onStatus: (status) => {
        if (status.type !== 'running') this.drawing.settle();
        this.status = status;
        if (status.type === 'running') this.settings = status.settings;
      },
      onCrash: (crash) => {
        if (this.client === client) this.recover(crash.message);
      },
    });
    this.client = client;
    client.start({
      nodeCount,
      positions,
      sources: payload.edgeSources,
      targets: payload.edgeTargets,
      weights: payload.edgeWeights,
      settings: this.overrides,
      timeBudgetMs: this.timeBudgetMs,
      sizes,
      keepGiven,
    });
  }
}

/** The graph's x and y attributes in node order (the graph was built in payload order). */
function drawnPositions({ graph, payload }: LoadedDataset): Float32Array {
  const positions = new Float32Array(payload.nodeIds.length * 2);
  let i = 0;
  graph.forEachNode((_key, { x, y }) => {
    positions[2 * i] = x;
    positions[2 * i + 1] = y;
    i++;
  });
  return positions;
}

/** The file's own coordinates, NaN where it has none: the worker then computes a placement. */
function datasetCoordinates({ payload }: LoadedDataset): Float32Array {
  const positions = new Float32Array(payload.nodeIds.length * 2);
  payload.nodeAttributes.forEach(({ x, y }, i) => {
    positions[2 * i] = typeof x === 'number' ? x : Number.NaN;
    positions[2 * i + 1] = typeof y === 'number' ? y : Number.NaN;
  });
  return positions;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
