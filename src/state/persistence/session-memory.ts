import { describeSaved, newDatasetId } from './offer';
import { StorageProblem, storageProblem } from './problems';
import { SESSION_VERSION, type SavedDataset, type SavedSource, type SavedView } from './schema';
import { IdbSessionStore, type SessionStore } from './store';
import { Throttle, type Timers } from './throttle';

/** A saved session the person may bring back. */
export interface RestoreOffer {
  dataset: SavedDataset;
  view: SavedView | null;
  /** "school-network.gexf, saved today at 21:50". */
  description: string;
}

/**
 * - `checking`: reading the store at start-up; nothing is written yet.
 * - `offering`: a saved session waits for Restore or Dismiss; writing it over would lose it.
 * - `restoring`: Restore was chosen and its dataset is loading.
 * - `saving`: the session on screen is the one kept.
 * - `off`: the browser will not store anything; the app works without.
 */
type Phase = 'checking' | 'offering' | 'restoring' | 'saving' | 'off';

/** What the page shows of the memory; reactive in the app (memory-ui.svelte.ts), plain in tests. */
export interface MemoryUi {
  offer: RestoreOffer | null;
  /** Why sessions are not (or were not) kept; dismissable. */
  notice: string | null;
  lastSavedAt: number | null;
}

export interface SessionMemoryOptions {
  ui: MemoryUi;
  store?: SessionStore;
  /** The view to save now; null when there is nothing to save (no dataset). */
  snapshot: (datasetId: string) => Omit<SavedView, 'version' | 'datasetId' | 'savedAt'> | null;
  /** Milliseconds between saves while the person works (bigger graphs: longer). */
  delayMs?: () => number;
  timers?: Timers;
  now?: () => number;
}

/**
 * Keeps the session across reloads: offers the last one at start-up, saves the current one as the
 * person works (throttled), and forgets it on "New session". Never throws: storage problems become
 * `notice`, and the app goes on without saving.
 */
export class SessionMemory {
  private phase: Phase = 'checking';
  /** The dataset on screen, as it would be saved. */
  private current: SavedDataset | null = null;
  /** The id of the dataset record in the store (null: none, or not this one). */
  private storedId: string | null = null;
  private readonly store: SessionStore;
  private readonly throttle: Throttle;
  private readonly now: () => number;
  /** The last problem shown: the same one is not shown again until a save succeeds. */
  private lastProblem: string | null = null;
  readonly ui: MemoryUi;

  constructor(private readonly options: SessionMemoryOptions) {
    this.ui = options.ui;
    this.store = options.store ?? new IdbSessionStore();
    this.now = options.now ?? Date.now;
    this.throttle = new Throttle(
      () => void this.saveView(),
      options.delayMs ?? (() => 1000),
      options.timers,
    );
  }

  /** Reads the store once at start-up; a saved session becomes an offer. */
  async check(): Promise<void> {
    const stored = await this.store.read();
    if (this.phase !== 'checking') return;
    switch (stored.type) {
      case 'none':
        this.startSaving();
        return;
      case 'found':
        this.storedId = stored.dataset.id;
        this.phase = 'offering';
        this.ui.offer = {
          ...stored,
          description: describeSaved(
            stored.dataset,
            stored.view?.savedAt ?? stored.dataset.savedAt,
            this.now(),
          ),
        };
        return;
      case 'corrupt':
        this.ui.notice = `Your last session could not be restored: ${stored.reason}. It was discarded; this one will be saved.`;
        await this.store.clear().catch(() => undefined);
        this.startSaving();
        return;
      case 'unavailable':
        this.stop(stored.problem);
        return;
      default: {
        const unknown: never = stored;
        throw new Error(`unknown stored session ${JSON.stringify(unknown)}`);
      }
    }
  }

  /** Restore was chosen: the offer's dataset loads next; nothing is written until it is shown. */
  takeOffer(): RestoreOffer | null {
    const { offer } = this.ui;
    if (!offer || this.phase !== 'offering') return null;
    this.ui.offer = null;
    this.phase = 'restoring';
    return offer;
  }

  /** The restored dataset could not be loaded: offer it again rather than lose it. */
  restoreFailed(offer: RestoreOffer): void {
    if (this.phase !== 'restoring') return;
    this.phase = 'offering';
    this.ui.offer = offer;
  }

  /** Dismiss: the saved session is let go and the one on screen is kept from now on. */
  dismiss(): void {
    if (this.phase !== 'offering') return;
    this.ui.offer = null;
    this.startSaving();
  }

  /** New session: forgets the saved one (the caller then starts afresh). */
  async forget(): Promise<void> {
    this.throttle.cancel();
    this.ui.offer = null;
    this.current = null;
    this.storedId = null;
    this.ui.lastSavedAt = null;
    if (this.phase === 'off') return;
    this.phase = 'saving';
    try {
      await this.store.clear();
    } catch (error) {
      this.stop(storageProblem(error));
    }
  }

  /**
   * A dataset was shown. `restored` is the saved record it came from (kept as is: its files are
   * already stored), else a new record is made from `source`.
   */
  async rememberDataset(
    name: string,
    source: SavedSource,
    restored: SavedDataset | null = null,
  ): Promise<void> {
    // Whatever loaded after Restore (the restored dataset, or one the person chose instead) is now
    // the session on screen.
    if (this.phase === 'restoring') this.phase = 'saving';
    const record = restored ?? {
      version: SESSION_VERSION,
      id: newDatasetId(this.now()),
      name,
      savedAt: this.now(),
      source,
    };
    this.current = record;
    this.throttle.cancel();
    await this.writeDataset();
  }

  /** Something worth keeping changed (scenario, moment, positions, camera). */
  saveSoon(): void {
    if (this.phase === 'saving' && this.current) this.throttle.schedule();
  }

  /** Saves now what is waiting (the page is being hidden). */
  flush(): void {
    this.throttle.flush();
  }

  dispose(): void {
    this.throttle.cancel();
  }

  private startSaving(): void {
    this.phase = 'saving';
    void this.writeDataset();
  }

  private async writeDataset(): Promise<void> {
    const record = this.current;
    if (this.phase !== 'saving' || !record) return;
    if (this.storedId !== record.id) {
      this.storedId = null;
      try {
        await this.store.writeDataset(record);
      } catch (error) {
        // A stale record must not come back on the next visit as if it were this session.
        await this.store.clear().catch(() => undefined);
        this.report(storageProblem(error));
        return;
      }
      if (this.current !== record) return;
      this.storedId = record.id;
    }
    await this.saveView();
  }

  private async saveView(): Promise<void> {
    const record = this.current;
    if (this.phase !== 'saving' || !record || this.storedId !== record.id) return;
    let view: ReturnType<SessionMemoryOptions['snapshot']>;
    try {
      view = this.options.snapshot(record.id);
    } catch {
      return; // the view is being torn down (a new dataset, page closing): the next save catches up
    }
    if (!view) return;
    const savedAt = this.now();
    try {
      await this.store.writeView({
        version: SESSION_VERSION,
        datasetId: record.id,
        savedAt,
        ...view,
      });
      this.ui.lastSavedAt = savedAt;
      this.lastProblem = null;
    } catch (error) {
      this.report(storageProblem(error));
    }
  }

  /** Shows a storage problem; a window that cannot store at all stops trying. */
  private report(problem: StorageProblem): void {
    if (problem.kind === 'unavailable') this.stop(problem);
    else if (problem.message !== this.lastProblem) this.ui.notice = problem.message;
    this.lastProblem = problem.message;
  }

  private stop(problem: StorageProblem): void {
    this.phase = 'off';
    this.ui.offer = null;
    this.throttle.cancel();
    this.ui.notice = problem.message;
  }
}
