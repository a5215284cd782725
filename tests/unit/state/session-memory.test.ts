import { describe, expect, it } from 'vitest';
import { StorageProblem } from '../../../src/state/persistence/problems';
import type { SavedDataset, SavedView } from '../../../src/state/persistence/schema';
import { SessionMemory, type MemoryUi } from '../../../src/state/persistence/session-memory';
import {
  interpretStored,
  type SessionStore,
  type StoredSession,
} from '../../../src/state/persistence/store';
import type { Timers } from '../../../src/state/persistence/throttle';
import { savedDataset, savedView } from './persistence-helpers';

/** An in-memory store that goes through the same validation as the IndexedDB one. */
class MemoryStore implements SessionStore {
  dataset: unknown = undefined;
  view: unknown = undefined;
  writes = 0;
  failWith: unknown = null;
  readFails: StorageProblem | null = null;

  async read(): Promise<StoredSession> {
    if (this.readFails) return { type: 'unavailable', problem: this.readFails };
    return interpretStored(this.dataset, this.view);
  }
  async writeDataset(dataset: SavedDataset): Promise<void> {
    this.check();
    this.view = undefined;
    this.dataset = dataset;
  }
  async writeView(view: SavedView): Promise<void> {
    this.check();
    this.view = view;
  }
  async clear(): Promise<void> {
    this.dataset = this.view = undefined;
  }
  private check(): void {
    this.writes++;
    if (this.failWith) throw this.failWith;
  }
}

/** Timers run by hand. */
function manualTimers() {
  const pending = new Map<number, () => void>();
  let next = 1;
  const timers: Timers = {
    set: (callback) => {
      pending.set(next, callback);
      return next++;
    },
    clear: (handle) => pending.delete(handle as number),
  };
  const run = () => {
    const callbacks = [...pending.values()];
    pending.clear();
    callbacks.forEach((callback) => callback());
  };
  return { timers, pending, run };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(store = new MemoryStore()) {
  const ui: MemoryUi = { offer: null, notice: null, lastSavedAt: null };
  const { timers, pending, run } = manualTimers();
  let worth = 0.25;
  let clock = 1_000;
  const memory = new SessionMemory({
    ui,
    store,
    timers,
    now: () => clock++,
    snapshot: () => {
      const { nodeCount, positions, scenario, time, camera } = savedView();
      return { nodeCount, positions, scenario: { ...scenario, worth }, time, camera };
    },
  });
  return {
    memory,
    ui,
    store,
    pending,
    run,
    setWorth: (value: number) => (worth = value),
  };
}

const link = {
  type: 'link' as const,
  url: 'https://example.org/samples/school-network.gexf',
  name: 'school-network.gexf',
  query: '?sample=school-network',
};

describe('SessionMemory', () => {
  it('saves the dataset once and the view as the person works, throttled', async () => {
    const { memory, store, ui, pending, run, setWorth } = setup();
    await memory.check();
    await memory.rememberDataset('school-network.gexf', link);
    expect(store.dataset).toMatchObject({ name: 'school-network.gexf', source: link });
    expect(store.view).toMatchObject({ scenario: { worth: 0.25 } });
    const writes = store.writes;
    setWorth(0.5);
    memory.saveSoon();
    memory.saveSoon();
    memory.saveSoon();
    expect(pending.size).toBe(1);
    run();
    await settle();
    expect(store.writes).toBe(writes + 1);
    expect(store.view).toMatchObject({ scenario: { worth: 0.5 } });
    expect(ui.lastSavedAt).not.toBeNull();
  });

  it('offers a saved session and writes nothing over it until Restore or Dismiss', async () => {
    const store = new MemoryStore();
    store.dataset = savedDataset();
    store.view = savedView();
    const { memory, ui, pending } = setup(store);
    await memory.check();
    expect(ui.offer).toMatchObject({ dataset: { id: 'd1' }, view: { time: 12.5 } });
    expect(ui.offer?.description).toMatch(/^karate\.graphml, saved /);
    // The default sample loads meanwhile: it must not replace the offered session.
    await memory.rememberDataset('school-network.gexf', link);
    memory.saveSoon();
    expect(pending.size).toBe(0);
    expect(store.dataset).toMatchObject({ id: 'd1' });

    memory.dismiss();
    await settle();
    expect(ui.offer).toBeNull();
    expect(store.dataset).toMatchObject({ name: 'school-network.gexf' });
  });

  it('restores without rewriting the stored files, and offers again if loading fails', async () => {
    const store = new MemoryStore();
    store.dataset = savedDataset();
    store.view = savedView();
    const { memory, ui } = setup(store);
    await memory.check();
    const offer = memory.takeOffer();
    expect(offer).not.toBeNull();
    expect(memory.takeOffer()).toBeNull();
    memory.restoreFailed(offer!);
    expect(ui.offer).toBe(offer);

    const again = memory.takeOffer()!;
    const writes = store.writes;
    await memory.rememberDataset(again.dataset.name, again.dataset.source, again.dataset);
    // Only the view is written: the files are already there under the same id.
    expect(store.writes).toBe(writes + 1);
    expect(store.view).toMatchObject({ datasetId: 'd1' });
  });

  it('discards a corrupt record with a message and saves the new session', async () => {
    const store = new MemoryStore();
    store.dataset = { ...savedDataset(), savedAt: 'yesterday' };
    const { memory, ui } = setup(store);
    await memory.check();
    expect(ui.offer).toBeNull();
    expect(ui.notice).toMatch(/could not be restored: the saved dataset has no time/);
    expect(store.dataset).toBeUndefined();
    await memory.rememberDataset('school-network.gexf', link);
    expect(store.dataset).toMatchObject({ name: 'school-network.gexf' });
  });

  it('goes on without saving when the browser stores nothing', async () => {
    const store = new MemoryStore();
    store.readFails = new StorageProblem('unavailable', 'no storage here');
    const { memory, ui, pending } = setup(store);
    await memory.check();
    expect(ui.notice).toBe('no storage here');
    await memory.rememberDataset('school-network.gexf', link);
    memory.saveSoon();
    expect(pending.size).toBe(0);
    expect(store.writes).toBe(0);
  });

  it('reports a full quota once, drops the stale record, and tries again later', async () => {
    const store = new MemoryStore();
    const { memory, ui, run } = setup(store);
    await memory.check();
    store.dataset = savedDataset(); // an older session, left from before
    store.failWith = new DOMException('full', 'QuotaExceededError');
    await memory.rememberDataset('big.csv', {
      type: 'files',
      files: [new Blob(['x'])],
      names: ['big.csv'],
    });
    expect(ui.notice).toMatch(/storage for this site is full/);
    // The older session must not come back on the next visit as if it were this one.
    expect(store.dataset).toBeUndefined();
    ui.notice = null;
    await memory.rememberDataset('big.csv', {
      type: 'files',
      files: [new Blob(['x'])],
      names: ['big.csv'],
    });
    expect(ui.notice).toBeNull();
    store.failWith = null;
    await memory.rememberDataset('small.csv', link);
    memory.saveSoon();
    run();
    await settle();
    expect(store.view).toBeDefined();
  });

  it('forgets everything on New session', async () => {
    const store = new MemoryStore();
    store.dataset = savedDataset();
    const { memory, ui } = setup(store);
    await memory.check();
    await memory.forget();
    expect(ui.offer).toBeNull();
    expect(store.dataset).toBeUndefined();
    await memory.rememberDataset('school-network.gexf', link);
    expect(store.dataset).toMatchObject({ name: 'school-network.gexf' });
  });
});
