import { MODELS, type Model } from '../../core/spread/types';

/**
 * What a saved session holds, in two records: the dataset (written once per load: its source, or the
 * files themselves, which can be large) and the view (rewritten as the person works: positions,
 * scenario, moment, camera). The view names the dataset record it belongs to, so two records from
 * different loads are never combined.
 *
 * Everything read back is untrusted: another version of the app, a browser extension or a disk error
 * may have written it. `readSavedDataset` and `readSavedView` accept a record only when every field
 * has the expected type and range, and say why otherwise.
 */
export const SESSION_VERSION = 1;

/** Where the dataset came from: a link (a sample or a `?data=` URL), or files from the computer. */
export type SavedSource =
  | { type: 'link'; url: string; name: string; query: string }
  | { type: 'files'; files: Blob[]; names: string[] };

export interface SavedDataset {
  version: typeof SESSION_VERSION;
  /** Ties the view record to this load. */
  id: string;
  name: string;
  savedAt: number;
  source: SavedSource;
}

export interface SavedScenario {
  /** Node ids (not indices: ids survive a re-parse whatever the order). The first is named. */
  origins: string[];
  model: Model;
  worth: number;
  delivery: number;
  seed: number;
  mode: 'recorded' | 'simulated';
  hashtag: string | null;
  params: { weighted: boolean; minContacts: number; minFraction: number; activeHours: number };
}

export interface SavedCamera {
  x: number;
  y: number;
  ratio: number;
  angle: number;
}

export interface SavedView {
  version: typeof SESSION_VERSION;
  datasetId: string;
  savedAt: number;
  nodeCount: number;
  /** x, y interleaved in node order; null before the layout drew anything worth keeping. */
  positions: Float32Array | null;
  scenario: SavedScenario;
  /** The moment on screen, in the timeline's own unit. */
  time: number;
  camera: SavedCamera | null;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);
const isShare = (value: unknown): value is number =>
  isFiniteNumber(value) && value >= 0 && value <= 1;
const isString = (value: unknown): value is string => typeof value === 'string';

/**
 * The version check every record goes through. Version 1 is the only one so far; a record from a
 * newer app is refused rather than half-read, and older schemas would be migrated here.
 */
function checkVersion(record: Fields): string | null {
  const { version } = record;
  if (version === SESSION_VERSION) return null;
  if (isFiniteNumber(version) && version > SESSION_VERSION)
    return `it was saved by a newer version of Wordspread (schema ${version})`;
  return `its schema version (${String(version)}) is not one this app knows`;
}

function fail<T>(reason: string): Checked<T> {
  return { ok: false, reason };
}

export function readSavedDataset(raw: unknown): Checked<SavedDataset> {
  if (!isObject(raw)) return fail('the saved dataset is not a record');
  const version = checkVersion(raw);
  if (version) return fail(version);
  const { id, name, savedAt, source } = raw;
  if (!isString(id) || id === '') return fail('the saved dataset has no id');
  if (!isString(name)) return fail('the saved dataset has no name');
  if (!isFiniteNumber(savedAt)) return fail('the saved dataset has no time');
  const checkedSource = readSource(source);
  if (!checkedSource.ok) return checkedSource;
  return {
    ok: true,
    value: { version: SESSION_VERSION, id, name, savedAt, source: checkedSource.value },
  };
}

function readSource(source: unknown): Checked<SavedSource> {
  if (!isObject(source)) return fail('the saved dataset has no source');
  if (source.type === 'link') {
    const { url, name, query } = source;
    if (!isString(url) || !isHttpUrl(url)) return fail('the saved link is not an http(s) address');
    if (!isString(name) || !isString(query) || !/^(\?(sample|data)=[^#]*)?$/.test(query))
      return fail('the saved link is malformed');
    return { ok: true, value: { type: 'link', url, name, query } };
  }
  if (source.type === 'files') {
    const { files, names } = source;
    const blobs = Array.isArray(files) && files.every((file) => file instanceof Blob);
    if (!blobs || files.length === 0) return fail('the saved files are missing');
    if (!Array.isArray(names) || names.length !== files.length || !names.every(isString))
      return fail('the saved file names are malformed');
    return { ok: true, value: { type: 'files', files: files as Blob[], names: names as string[] } };
  }
  return fail('the saved dataset has an unknown source');
}

function isHttpUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

export function readSavedView(raw: unknown): Checked<SavedView> {
  if (!isObject(raw)) return fail('the saved view is not a record');
  const version = checkVersion(raw);
  if (version) return fail(version);
  const { datasetId, savedAt, nodeCount, positions, scenario, time, camera } = raw;
  if (!isString(datasetId)) return fail('the saved view names no dataset');
  if (!isFiniteNumber(savedAt)) return fail('the saved view has no time');
  if (!Number.isInteger(nodeCount) || (nodeCount as number) < 0)
    return fail('the saved view has no node count');
  const count = nodeCount as number;
  if (positions !== null && !isPositions(positions, count))
    return fail('the saved positions do not match the dataset');
  if (!isFiniteNumber(time)) return fail('the saved moment is not a number');
  const checkedCamera = readCamera(camera);
  if (!checkedCamera.ok) return checkedCamera;
  const checkedScenario = readScenario(scenario);
  if (!checkedScenario.ok) return checkedScenario;
  return {
    ok: true,
    value: {
      version: SESSION_VERSION,
      datasetId,
      savedAt,
      nodeCount: count,
      positions,
      scenario: checkedScenario.value,
      time,
      camera: checkedCamera.value,
    },
  };
}

function isPositions(value: unknown, nodeCount: number): value is Float32Array {
  if (!(value instanceof Float32Array) || value.length !== nodeCount * 2) return false;
  for (let i = 0; i < value.length; i++) if (!Number.isFinite(value[i])) return false;
  return true;
}

function readCamera(camera: unknown): Checked<SavedCamera | null> {
  if (camera === null) return { ok: true, value: null };
  if (!isObject(camera)) return fail('the saved camera is malformed');
  const { x, y, ratio, angle } = camera;
  if (![x, y, ratio, angle].every(isFiniteNumber) || (ratio as number) <= 0)
    return fail('the saved camera is malformed');
  return {
    ok: true,
    value: { x: x as number, y: y as number, ratio: ratio as number, angle: angle as number },
  };
}

function readScenario(scenario: unknown): Checked<SavedScenario> {
  if (!isObject(scenario)) return fail('the saved scenario is missing');
  const { origins, model, worth, delivery, seed, mode, hashtag, params } = scenario;
  if (!Array.isArray(origins) || !origins.every(isString))
    return fail('the saved origins are malformed');
  if (!isString(model) || !(MODELS as readonly string[]).includes(model))
    return fail('the saved model is unknown');
  if (!isShare(worth) || !isShare(delivery)) return fail('the saved worth or delivery is not 0–1');
  if (!Number.isSafeInteger(seed)) return fail('the saved seed is not an integer');
  if (mode !== 'recorded' && mode !== 'simulated') return fail('the saved mode is unknown');
  if (hashtag !== null && !isString(hashtag)) return fail('the saved hashtag is malformed');
  if (!isObject(params)) return fail('the saved model parameters are missing');
  const { weighted, minContacts, minFraction, activeHours } = params;
  if (
    typeof weighted !== 'boolean' ||
    !Number.isInteger(minContacts) ||
    (minContacts as number) < 1 ||
    !isShare(minFraction) ||
    !isFiniteNumber(activeHours) ||
    activeHours <= 0
  )
    return fail('the saved model parameters are malformed');
  return {
    ok: true,
    value: {
      origins: origins as string[],
      model: model as Model,
      worth,
      delivery,
      seed: seed as number,
      mode,
      hashtag,
      params: { weighted, minContacts: minContacts as number, minFraction, activeHours },
    },
  };
}
