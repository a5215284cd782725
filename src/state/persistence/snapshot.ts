import type { ScenarioParams } from '../../core/spread/scenario-hash';
import type { Model } from '../../core/spread/types';
import type { LoadedDataset } from '../loaded-dataset';
import type { ModelParams, SpreadMode } from '../spread.svelte';
import type { SavedCamera, SavedScenario, SavedView } from './schema';

/** What SpreadState exposes that a saved scenario needs. */
export interface ScenarioSource {
  origins: number[];
  model: Model;
  worth: number;
  delivery: number;
  seed: number;
  mode: SpreadMode;
  hashtag: string | null;
  params: ModelParams;
}

/** The scenario in plain values (no reactive proxies: IndexedDB cannot clone those). */
export function savedScenario(spread: ScenarioSource, nodeIds: string[]): SavedScenario {
  const { weighted, minContacts, minFraction, activeHours } = spread.params;
  return {
    origins: spread.origins.map((node) => nodeIds[node]),
    model: spread.model,
    worth: spread.worth,
    delivery: spread.delivery,
    seed: spread.seed,
    mode: spread.mode,
    hashtag: spread.hashtag,
    params: { weighted, minContacts, minFraction, activeHours },
  };
}

/** Positions worth saving: all finite (a graph not drawn yet has none to keep). */
export function savedPositions(xy: Float32Array | null): Float32Array | null {
  if (!xy) return null;
  for (let i = 0; i < xy.length; i++) if (!Number.isFinite(xy[i])) return null;
  return xy;
}

export function savedCamera(state: SavedCamera): SavedCamera {
  const { x, y, ratio, angle } = state;
  return { x, y, ratio, angle };
}

/**
 * A saved scenario in this dataset's indices. Origins whose ids the dataset lacks are dropped (the
 * default origin then applies): the file may have changed since.
 */
export function restoredScenario(scenario: SavedScenario, dataset: LoadedDataset) {
  const origins = scenario.origins
    .map((id) => dataset.indexOfId.get(id))
    .filter((node): node is number => node !== undefined);
  return {
    origin: origins[0],
    extraOrigins: origins.slice(1),
    model: scenario.model,
    worth: scenario.worth,
    delivery: scenario.delivery,
    seed: scenario.seed,
    mode: scenario.mode,
    hashtag: scenario.hashtag,
    modelParams: scenario.params,
  };
}

/** Whether a saved view fits this dataset (same node count: positions are by node order). */
export function viewFits(view: SavedView, dataset: LoadedDataset): boolean {
  return view.nodeCount === dataset.payload.nodeIds.length;
}

/** A link's scenario (the URL hash) in this dataset's indices; ids the dataset lacks are left out. */
export function linkScenario(hash: ScenarioParams, dataset: LoadedDataset) {
  return {
    origin: hash.origin !== undefined ? dataset.indexOfId.get(hash.origin) : undefined,
    extraOrigins: (hash.alsoOrigins ?? [])
      .map((id) => dataset.indexOfId.get(id))
      .filter((node): node is number => node !== undefined),
    worth: hash.worth,
    delivery: hash.delivery,
    seed: hash.seed,
    model: hash.model,
  };
}
