import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { readSavedDataset, readSavedView, type SavedDataset, type SavedView } from './schema';
import { storageProblem, type StorageProblem } from './problems';

/** What a look at the store found. `corrupt`: a record was there but could not be trusted. */
export type StoredSession =
  | { type: 'none' }
  | { type: 'found'; dataset: SavedDataset; view: SavedView | null }
  | { type: 'corrupt'; reason: string }
  | { type: 'unavailable'; problem: StorageProblem };

/** Where sessions live; a seam so the logic above it is tested without IndexedDB. */
export interface SessionStore {
  read(): Promise<StoredSession>;
  writeDataset(dataset: SavedDataset): Promise<void>;
  writeView(view: SavedView): Promise<void>;
  clear(): Promise<void>;
}

const DATASET_KEY = 'dataset';
const VIEW_KEY = 'view';

/**
 * The IndexedDB store, through idb-keyval. Thin on purpose: validation lives in schema.ts and the
 * wording of failures in problems.ts. The database is opened on first use, not on import: in a
 * window without IndexedDB opening it throws, and that must become a message, not a blank page.
 */
export class IdbSessionStore implements SessionStore {
  private store: UseStore | null = null;

  async read(): Promise<StoredSession> {
    let rawDataset: unknown;
    let rawView: unknown;
    try {
      const store = this.open();
      [rawDataset, rawView] = await Promise.all([get(DATASET_KEY, store), get(VIEW_KEY, store)]);
    } catch (error) {
      return { type: 'unavailable', problem: storageProblem(error) };
    }
    return interpretStored(rawDataset, rawView);
  }

  writeDataset(dataset: SavedDataset): Promise<void> {
    // The old view belongs to the old dataset: drop it first so the two can never be mismatched.
    return this.run(async (store) => {
      await del(VIEW_KEY, store);
      await set(DATASET_KEY, dataset, store);
    });
  }

  writeView(view: SavedView): Promise<void> {
    return this.run((store) => set(VIEW_KEY, view, store));
  }

  clear(): Promise<void> {
    return this.run(async (store) => {
      await del(VIEW_KEY, store);
      await del(DATASET_KEY, store);
    });
  }

  private open(): UseStore {
    return (this.store ??= createStore('wordspread', 'session'));
  }

  private async run(work: (store: UseStore) => Promise<void>): Promise<void> {
    try {
      await work(this.open());
    } catch (error) {
      throw storageProblem(error);
    }
  }
}

/** Validates what the store held (pure, so tests can feed it anything). */
export function interpretStored(rawDataset: unknown, rawView: unknown): StoredSession {
  if (rawDataset === undefined) return { type: 'none' };
  const dataset = readSavedDataset(rawDataset);
  if (!dataset.ok) return { type: 'corrupt', reason: dataset.reason };
  if (rawView === undefined) return { type: 'found', dataset: dataset.value, view: null };
  const view = readSavedView(rawView);
  if (!view.ok) return { type: 'corrupt', reason: view.reason };
  if (view.value.datasetId !== dataset.value.id)
    return { type: 'corrupt', reason: 'the saved view belongs to another dataset' };
  return { type: 'found', dataset: dataset.value, view: view.value };
}
