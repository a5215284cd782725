import { edgeFilterFor, edgeKindsOf } from '../core/graph/edge-kinds';
import { parseScenarioHash, type ScenarioParams } from '../core/spread/scenario-hash';
import { NEW_SESSION_SCENARIO, originNames, scenarioHashOf } from './scenario-link';
import type { Grouping } from '../core/others/groups';
import { exportPng, type LegendEntry } from '../render/export-image';
import { exportData, type DataExport } from './data-export';
import { imageOptionsFor, imageTitle, legendEntries, reachCaption } from './image-captions';
import { GraphView, type ColourMode } from '../render/graph-view';
import { IoClient } from '../workers/io-client';
import { LayoutRunner } from './layout-runner.svelte';
import {
  DEFAULT_SAMPLE,
  hrefWithQuery,
  sampleSource,
  sourceFromLocation,
  type DatasetSource,
} from './dataset-source';
import { datasetSlug, type LoadedDataset } from './loaded-dataset';
import {
  blobsReading,
  loadErrorMessage,
  readDataset,
  urlReading,
  type DatasetReading,
} from './dataset-reading';
import { SpreadState } from './spread.svelte';
import { loadSettings, saveSettings, validSetting, type Settings } from './settings';
import type { LoadStatus } from './status';
import { placeNodes } from '../core/graph/positions';
import { ReactiveMemoryUi } from './persistence/memory-ui.svelte';
import type { SavedDataset, SavedView } from './persistence/schema';
import { SessionMemory } from './persistence/session-memory';
import {
  linkScenario,
  restoredScenario,
  savedCamera,
  savedPositions,
  savedScenario,
  viewFits,
} from './persistence/snapshot';

/** A dataset being loaded again from a saved session, with the view to put back once it is shown. */
interface Restoring {
  dataset: SavedDataset;
  view: SavedView | null;
}

/**
 * The app's state: which dataset is loaded, how loading went, the spread, the layout, and the view.
 * Components read these fields and call these methods; the graph and the renderer stay raw.
 */
export class Session {
  load = $state<LoadStatus>({ type: 'idle' });
  error = $state<string | null>(null);
  warnings = $state<string[]>([]);
  dataset = $state.raw<LoadedDataset | null>(null);
  colourBy = $state<string>('spread');
  /** The dataset's groupings plus those found later (communities): what the graph can be coloured by. */
  groupings = $state.raw<Grouping[]>([]);
  /** Interaction kinds (repost, quote, reply, mention…) whose ties are drawn; all by default. */
  shownEdgeKinds = $state<string[]>([]);
  /** Limits on what a file may hold (Settings); the reason is named when one is exceeded. */
  limits = $state<Settings>(loadSettings());
  /** The dataset came from a sample or a URL, so the page's address reopens it for anyone. */
  openedFromLink = $state(false);
  /** The graph is big enough that only a sample of its quiet ties is drawn… */
  tiesSampled = $state(false);
  /** …unless the person asked for every tie (kept across datasets). */
  allTies = $state(false);
  readonly spread = new SpreadState();
  readonly layout = new LayoutRunner();

  private readonly io = new IoClient();
  /** The session kept across reloads: offered at start-up, saved as the person works. */
  readonly memory = new SessionMemory({
    ui: new ReactiveMemoryUi(),
    snapshot: () => this.snapshotView(),
    // Positions of a big graph are megabytes: save them less often.
    delayMs: () => 1000 + Math.min(4000, this.nodeCount / 25),
  });
  private container: HTMLElement | null = null;
  private view: GraphView | null = null;
  private loadAbort: AbortController | null = null;
  /** The scenario a link asked for: applied to the first dataset only, then forgotten. */
  private linkParams: ScenarioParams = {};

  constructor() {
    // The layout worker restarts by itself after a crash; the person learns what was lost.
    this.layout.onWorkerLost = (message) => (this.error = message);
  }

  /**
   * Reads everything a saved session keeps, so that an effect calling this re-runs (and schedules a
   * save) whenever one of them changes. Camera moves are reported by sigma instead.
   */
  watchForSave(): void {
    const { spread, layout } = this;
    void [spread.origin, spread.extraOrigins.length, spread.worth, spread.delivery, spread.seed];
    void [spread.model, spread.mode, spread.hashtag, spread.time, layout.status];
    void [spread.params.weighted, spread.params.minContacts, spread.params.minFraction];
    void spread.params.activeHours;
    this.memory.saveSoon();
  }

  get nodeCount(): number {
    return this.dataset?.csr.nodeCount ?? 0;
  }

  get edgeCount(): number {
    return this.dataset?.payload.edgeSources.length ?? 0;
  }

  /** The origins' names as people should read them: label, and id when it differs. */
  originName(): string {
    return originNames(this.dataset, this.spread.origins);
  }

  /**
   * Loads what the URL asks for (`?data=`, `?sample=`), else the default sample, and looks for a
   * saved session to offer. The offer never replaces what a link asked for without a click.
   */
  async start(location: Location): Promise<void> {
    this.linkParams = parseScenarioHash(location.hash);
    void this.memory.check();
    await this.loadSource(sourceFromLocation(location, document.baseURI));
  }

  async loadSample(name: string): Promise<void> {
    await this.loadSource(sampleSource(name, document.baseURI));
  }

  /** Restore: loads the saved dataset again, then puts back its scenario, drawing, moment and view. */
  async restoreSession(): Promise<void> {
    const offer = this.memory.takeOffer();
    if (!offer) return;
    const { source } = offer.dataset;
    const restoring: Restoring = { dataset: offer.dataset, view: offer.view };
    const loaded =
      source.type === 'link'
        ? await this.loadSource(
            { type: 'url', url: source.url, name: source.name, query: source.query },
            restoring,
          )
        : await this.loadFrom(
            blobsReading(source.files.map((blob, i) => ({ name: source.names[i], blob }))),
            restoring,
          );
    if (!loaded) this.memory.restoreFailed(offer);
  }

  /** New session: forgets the saved one and starts again from the default sample and scenario. */
  async newSession(): Promise<void> {
    await this.memory.forget();
    this.linkParams = NEW_SESSION_SCENARIO;
    await this.loadSample(DEFAULT_SAMPLE);
  }

  loadSource(source: DatasetSource, restoring: Restoring | null = null): Promise<boolean> {
    return this.loadFrom(urlReading(source), restoring);
  }

  /** One network or posts file, or a node table and an edge table dropped together. */
  async loadFiles(files: File[]): Promise<void> {
    await this.loadFrom(blobsReading(files.map((file) => ({ name: file.name, blob: file }))));
  }

  /** Changes one limit (Settings); values that are not positive numbers are ignored. */
  setLimit(key: keyof Settings, value: number): void {
    if (!Number.isFinite(value) || value <= 0) return;
    this.limits = { ...this.limits, [key]: validSetting(key, value) };
    saveSettings({ ...this.limits });
  }

  cancelLoad(): void {
    this.loadAbort?.abort();
    this.io.cancel();
  }

  /** The graph canvas mounts or unmounts. */
  attachContainer(container: HTMLElement | null): void {
    this.container = container;
    this.rebuildView();
  }

  /** The kinds of ties the dataset has (posts networks: repost, quote, reply, mention). */
  edgeKinds(): string[] {
    return this.dataset ? edgeKindsOf(this.dataset.payload) : [];
  }

  setShownEdgeKinds(kinds: string[]): void {
    this.shownEdgeKinds = kinds;
    this.applyEdgeFilter();
  }

  setColourBy(attribute: string): void {
    this.colourBy = attribute;
    this.applyColourMode();
  }

  /** Adds (or replaces) a grouping found after loading, such as the communities. */
  addGrouping(grouping: Grouping): void {
    this.groupings = [
      ...this.groupings.filter((g) => g.attribute !== grouping.attribute),
      grouping,
    ];
    this.applyColourMode();
  }

  /** Glides the camera to these people. */
  frameNodes(nodes: number[]): void {
    this.view?.frame(nodes);
  }

  /** What "Export image" puts in the PNG; changed in the Image options dialog. */
  imageOptions = $state({ scale: 1, transparent: false, legend: true, title: true, caption: true });

  async exportImage(): Promise<void> {
    const { view, dataset, spread } = this;
    if (!view || !dataset) return;
    await exportPng(
      view,
      `${datasetSlug(dataset.name)}_t=${spread.timeLabel.replace(/\s+/g, '')}`,
      imageOptionsFor(this.imageOptions, view.background, {
        title: imageTitle(dataset.name, spread.mode === 'recorded' ? spread.hashtag : null),
        caption: reachCaption(spread.reach, this.nodeCount, spread.timeLabel),
      }),
      this.legendEntries(),
    );
  }

  /** The grouping the graph is coloured by, if any (the spread's colours otherwise). */
  get colourGrouping(): Grouping | undefined {
    return this.groupings.find((g) => g.attribute === this.colourBy);
  }

  /** What each colour means right now: the screen legend and the exported image both draw these. */
  legendEntries(): LegendEntry[] {
    return legendEntries(this.colourGrouping, this.spread.finalReach.outside > 0);
  }

  setAllTies(all: boolean): void {
    this.allTies = all;
    this.view?.setAllEdges(all);
  }

  exportData(kind: DataExport): void {
    if (this.dataset) exportData(kind, this.dataset, this.spread.timeline);
  }

  /** The scenario as a URL hash, for links that reproduce the spread (see scenarioHashOf). */
  scenarioHash(): string {
    return scenarioHashOf(this.dataset, this.spread);
  }

  /** Where the node with this id is drawn on the canvas, for automation (tests, scripts); null if unknown. */
  nodeViewportPosition(id: string): { x: number; y: number } | null {
    const node = this.dataset?.indexOfId.get(id);
    return node === undefined || !this.view ? null : this.view.viewportPosition(node);
  }

  dispose(): void {
    this.memory.flush();
    this.memory.dispose();
    this.cancelLoad();
    this.io.dispose();
    this.layout.dispose();
    this.spread.dispose();
    this.view?.kill();
  }

  /**
   * Reads, parses and shows a dataset. On success the page's address names it (`?sample=`,
   * `?data=`, or nothing for a file from the person's computer), so the address is a share link.
   */
  private async loadFrom(
    reading: DatasetReading,
    restoring: Restoring | null = null,
  ): Promise<boolean> {
    const { name, query } = reading;
    this.cancelLoad();
    const abort = (this.loadAbort = new AbortController());
    this.load = { type: 'loading', name, progress: 0 };
    try {
      const files = await reading.read(this.limits);
      const dataset = await readDataset(
        this.io,
        name,
        files,
        this.limits,
        async (share) => {
          this.load = { type: 'loading', name, progress: share };
          await new Promise((resolve) => setTimeout(resolve, 0));
        },
        abort.signal,
      );
      // Loading ends here; drawing starts in a task of its own. Tests and benchmarks read this mark.
      performance.mark('wordspread:dataset-built');
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (abort.signal.aborted) return false;
      this.show(dataset, restoring?.view ?? null);
      this.load = { type: 'ready', name };
      this.openedFromLink = query !== '';
      history.replaceState(null, '', hrefWithQuery(window.location.href, query));
      this.error = null;
      void this.memory.rememberDataset(name, reading.saved, restoring?.dataset ?? null);
      return true;
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') {
        if (this.loadAbort === abort)
          this.load = this.dataset ? { type: 'ready', name: this.dataset.name } : { type: 'idle' };
        return false;
      }
      this.error = loadErrorMessage(name, error);
      this.load = { type: 'error', message: this.error };
      return false;
    }
  }

  /** Shows a dataset, with the link's scenario, or with a restored session's whole view. */
  private show(dataset: LoadedDataset, restored: SavedView | null): void {
    this.dataset = dataset;
    this.warnings = dataset.payload.warnings;
    const hash = this.linkParams;
    this.linkParams = {};
    const view = restored && viewFits(restored, dataset) ? restored : null;
    this.colourBy = 'spread';
    this.groupings = dataset.groupings;
    this.shownEdgeKinds = this.edgeKinds();
    this.spread.useDataset(
      dataset,
      view ? restoredScenario(view.scenario, dataset) : linkScenario(hash, dataset),
    );
    if (view?.positions) placeNodes(dataset.graph, view.positions);
    this.rebuildView();
    if (view?.camera) this.view?.sigma.getCamera().setState(view.camera);
    this.layout.start(
      dataset,
      {
        apply: (xy) => this.view?.applyPositions(xy),
        settle: () => this.view?.settlePositions(),
      },
      view?.positions ?? null,
    );
    // A restored session and a link that names a moment open paused there; otherwise it plays.
    const moment = view ? view.time : hash.t;
    if (moment !== undefined) this.spread.seek(moment);
    else this.spread.play();
  }

  /** What a reload should bring back of the view on screen (null: nothing loaded). */
  private snapshotView(): Omit<SavedView, 'version' | 'datasetId' | 'savedAt'> | null {
    const dataset = this.dataset;
    if (!dataset) return null;
    return {
      nodeCount: dataset.payload.nodeIds.length,
      positions: savedPositions(this.layout.currentPositions()),
      scenario: savedScenario(this.spread, dataset.payload.nodeIds),
      time: this.spread.time,
      camera: this.view ? savedCamera(this.view.sigma.getCamera().getState()) : null,
    };
  }

  private rebuildView(): void {
    this.view?.kill();
    this.view = null;
    const playback = this.spread.playbackState;
    if (!this.container || !this.dataset || !playback) {
      this.spread.attachView(null);
      return;
    }
    const inspector = this.spread.inspector;
    this.view = new GraphView(this.container, this.dataset.graph, playback, {
      onNodeClick: (node) => inspector.select(node),
      onNodeHover: (node) => inspector.hover(node),
      onStageClick: () => inspector.clear(),
    });
    this.spread.attachView(this.view);
    this.view.sigma.getCamera().on('updated', () => this.memory.saveSoon());
    this.tiesSampled = this.view.samplesEdges;
    this.view.setAllEdges(this.allTies);
    this.applyColourMode();
    this.applyEdgeFilter();
  }

  private applyEdgeFilter(): void {
    if (this.dataset)
      this.view?.setEdgeFilter(edgeFilterFor(this.dataset.payload, this.shownEdgeKinds));
  }

  private applyColourMode(): void {
    const grouping = this.colourGrouping;
    const mode: ColourMode = grouping
      ? { type: 'group', groupOfNode: grouping.groupOfNode }
      : { type: 'spread' };
    this.view?.setColourMode(mode);
  }
}
