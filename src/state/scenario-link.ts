import { formatScenarioHash, type ScenarioParams } from '../core/spread/scenario-hash';
import { labelOf, type LoadedDataset } from './loaded-dataset';
import { DEFAULT_DELIVERY, DEFAULT_WORTH, type SpreadState } from './spread.svelte';

/**
 * The scenario as a URL hash, for links that reproduce the spread: origins by id, model, worth,
 * delivery, seed, and the moment on screen when the replay is paused (not while it plays: the hash
 * would churn).
 */
export function scenarioHashOf(dataset: LoadedDataset | null, spread: SpreadState): string {
  const { origin, extraOrigins, worth, delivery, seed, playing, time, model } = spread;
  const ids = dataset?.payload.nodeIds;
  return formatScenarioHash({
    origin: ids && origin >= 0 ? ids[origin] : undefined,
    alsoOrigins: ids ? extraOrigins.map((node) => ids[node]) : [],
    model,
    worth,
    delivery,
    seed,
    t: playing ? undefined : time,
  });
}

/** The origins' names as people should read them: label, and id when it differs. */
export function originNames(dataset: LoadedDataset | null, origins: number[]): string {
  if (!dataset) return '';
  return origins
    .map((node) => {
      const id = dataset.payload.nodeIds[node];
      const label = labelOf(dataset, node);
      return label === id ? id : `${label} (id ${id})`;
    })
    .join(', ');
}

/** What "New session" starts from: the default sample's default scenario. */
export const NEW_SESSION_SCENARIO: ScenarioParams = {
  worth: DEFAULT_WORTH,
  delivery: DEFAULT_DELIVERY,
  seed: 1,
  model: 'independent-cascade',
};
