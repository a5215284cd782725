/**
 * The scenario in the URL hash (`#origin=520&model=independent-cascade&worth=0.25&delivery=0.8&seed=1&t=3.5`),
 * so that a link
 * reproduces a spread. Origins are node ids (stable across loads), not indices.
 */
import { MODELS, type Model } from './types';

export interface ScenarioParams {
  origin?: string;
  /** More origins after the first, for spreads that start from several people. */
  alsoOrigins?: string[];
  model?: Model;
  worth?: number;
  delivery?: number;
  seed?: number;
  t?: number;
}

export function parseScenarioHash(hash: string): ScenarioParams {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const result: ScenarioParams = {};
  const [origin, ...also] = params.getAll('origin').filter((id) => id !== '');
  if (origin !== undefined) result.origin = origin;
  if (also.length > 0) result.alsoOrigins = also;
  const model = params.get('model');
  if (model !== null && (MODELS as readonly string[]).includes(model))
    result.model = model as Model;
  const probability = (key: string) => {
    const value = Number(params.get(key));
    return params.has(key) && Number.isFinite(value) && value >= 0 && value <= 1
      ? value
      : undefined;
  };
  result.worth = probability('worth');
  result.delivery = probability('delivery');
  const seed = Number(params.get('seed'));
  if (params.has('seed') && Number.isInteger(seed)) result.seed = seed;
  const t = Number(params.get('t'));
  if (params.has('t') && Number.isFinite(t)) result.t = t;
  return result;
}

export function formatScenarioHash(params: ScenarioParams): string {
  const parts = new URLSearchParams();
  if (params.origin !== undefined) parts.append('origin', params.origin);
  for (const id of params.alsoOrigins ?? []) parts.append('origin', id);
  if (params.model !== undefined) parts.set('model', params.model);
  if (params.worth !== undefined) parts.set('worth', String(round(params.worth)));
  if (params.delivery !== undefined) parts.set('delivery', String(round(params.delivery)));
  if (params.seed !== undefined) parts.set('seed', String(params.seed));
  if (params.t !== undefined) parts.set('t', String(round(params.t)));
  return `#${parts.toString()}`;
}

const round = (value: number) => Math.round(value * 1000) / 1000;
