import { edgeFilterFor, edgeKindsOf } from '../core/graph/edge-kinds';
import {
  formatScenarioHash,
  parseScenarioHash,
  type ScenarioParams,
} from '../core/spread/scenario-hash';
import type { Grouping } from '../core/others/groups';
import { exportPng, type LegendEntry } from '../render/export-image';
import { exportData, type DataExport } from './data-export';
import { imageTitle, legendEntries, reachCaption } from './image-captions';
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
import { datasetSlug, labelOf, prepareDataset, type LoadedDataset } from './loaded-dataset';
import { networkOf } from './network-of';
import { DEFAULT_DELIVERY, DEFAULT_WORTH, SpreadState } from './spread.svelte';
import { formatMB, loadSettings, saveSettings, validSetting, type Settings } from './settings';
import type { LoadStatus } from './status';
import { checkCounts, withLimitHint } from '../core/io/limits';
import { isWorkerCrash } from '../workers/supervisor';
import { placeNodes } from '../core/graph/positions';
import { ReactiveMemoryUi } from './persistence/memory-ui.svelte';
import type { SavedDataset, SavedSource, SavedView } from './persistence/schema';
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

  get maxFileMB(): number {
    return this.limits.maxFileMB;
  }

  get nodeCount(): number {
    return this.dataset?.csr.nodeCount ?? 0;
  }

  get edgeCount(): number {
    return this.dataset?.payload.edgeSources.length ?? 0;
  }

  /** The origins' names as people should read them: label, and id when it differs. */
  originName(): string {
    const dataset = this.dataset;
    if (!dataset) return '';
    const name = (node: number) => {
      const id = dataset.payload.nodeIds[node];
      const label = labelOf(dataset, node);
      return label === id ? id : `${label} (id ${id})`;
    };
    return this.spread.origins.map(name).join(', ');
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
        : await this.loadBlobs(
            source.files.map((blob, i) => ({ name: source.names[i], blob })),
            restoring,
          );
    if (!loaded) this.memory.restoreFailed(offer);
  }

  /** New session: forgets the saved one and starts again from the default sample and scenario. */
  async newSession(): Promise<void> {
    await this.memory.forget();
    this.linkParams = {
      worth: DEFAULT_WORTH,
      delivery: DEFAULT_DELIVERY,
      seed: 1,
      model: 'independent-cascade',
    };
    await this.loadSample(DEFAULT_SAMPLE);
  }

  async loadSource(source: DatasetSource, restoring: Restoring | null = null): Promise<boolean> {
    const saved: SavedSource = {
      type: 'link',
      url: source.url,
      name: source.name,
      query: source.query,
    };
    return this.loadFrom(source.name, source.query, saved, restoring, async () => {
      const response = await fetch(source.url);
      if (!response.ok) {
        throw new Error(`could not download ${source.url} (HTTP ${response.status})`);
      }
      const announced = Number(response.headers.get('content-length'));
      if (announced > 0) this.checkSize(source.name, announced);
      const bytes = await response.arrayBuffer();
      this.checkSize(source.name, bytes.byteLength);
      return [{ name: source.name, bytes }];
    });
  }

  /** One network or posts file, or a node table and an edge table dropped together. */
  async loadFiles(files: File[]): Promise<void> {
    await this.loadBlobs(files.map((file) => ({ name: file.name, blob: file })));
  }

  /** Files (or the copies a saved session kept), each with its name. */
  private loadBlobs(
    files: { name: string; blob: Blob }[],
    restoring: Restoring | null = null,
  ): Promise<boolean> {
    const name = files.map((file) => file.name).join(' and ');
    const saved: SavedSource = {
      type: 'files',
      files: files.map((file) => file.blob),
      names: files.map((file) => file.name),
    };
    return this.loadFrom(name, '', saved, restoring, () => {
      // Refused before reading a byte: a wrong drop must not freeze the page.
      this.checkSize(
        name,
        files.reduce((total, file) => total + file.blob.size, 0),
      );
      return Promise.all(
        files.map(async (file) => ({ name: file.name, bytes: await file.blob.arrayBuffer() })),
      );
    });
  }

  setMaxFileMB(megabytes: number): void {
    this.setLimit('maxFileMB', megabytes);
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
    if (!this.view || !this.dataset) return;
    const { scale, transparent, legend, title, caption } = this.imageOptions;
    const moment = this.spread.timeLabel.replace(/\s+/g, '');
    await exportPng(
      this.view,
      `${datasetSlug(this.dataset.name)}_t=${moment}`,
      {
        scale,
        background: transparent ? null : this.view.background,
        legend,
        title: title
          ? imageTitle(
              this.dataset.name,
              this.spread.mode === 'recorded' ? this.spread.hashtag : null,
            )
          : null,
        caption: caption
          ? reachCaption(this.spread.reach, this.nodeCount, this.spread.timeLabel)
          : null,
      },
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

  /**
   * The scenario as a URL hash, for links that reproduce the spread: origin, worth, delivery, seed,
   * and the moment on screen when the replay is paused (not while it plays: the hash would churn).
   */
  scenarioHash(): string {
    const dataset = this.dataset;
    const { origin, worth, delivery, seed, playing, time, model } = this.spread;
    return formatScenarioHash({
      origin: dataset && origin >= 0 ? dataset.payload.nodeIds[origin] : undefined,
      alsoOrigins: dataset
        ? this.spread.extraOrigins.map((node) => dataset.payload.nodeIds[node])
        : [],
      model,
      worth,
      delivery,
      seed,
      t: playing ? undefined : time,
    });
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
   * Reads, parses and shows a dataset. On success the page's address names it (`query`: `?sample=`,
   * `?data=`, or nothing for a file from the person's computer), so the address is a share link.
   */
  private async loadFrom(
    name: string,
    query: string,
    saved: SavedSource,
    restoring: Restoring | null,
    read: () => Promise<{ name: string; bytes: ArrayBuffer }[]>,
  ): Promise<boolean> {
    this.cancelLoad();
    const abort = (this.loadAbort = new AbortController());
    this.load = { type: 'loading', name, progress: 0 };
    try {
      const { maxFileMB, maxNodes, maxEdges } = this.limits;
      const result = await this.io.parse(await read(), {
        maxBytes: maxFileMB * 1_000_000,
        maxNodes,
        maxEdges,
      });
      const { payload, posts } = networkOf(result);
      // Posts become a network after parsing, beyond the reader's own counts: check them here.
      checkCounts(
        name,
        { nodes: payload.nodeIds.length, edges: payload.edgeSources.length },
        this.limits,
      );
      const dataset = await prepareDataset(
        payload,
        async (share) => {
          this.load = { type: 'loading', name, progress: share };
          await new Promise((resolve) => setTimeout(resolve, 0));
        },
        abort.signal,
        posts,
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
      void this.memory.rememberDataset(name, saved, restoring?.dataset ?? null);
      return true;
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') {
        if (this.loadAbort === abort)
          this.load = this.dataset ? { type: 'ready', name: this.dataset.name } : { type: 'idle' };
        return false;
      }
      const message = isWorkerCrash(error)
        ? `reading it was lost: ${error.message}. The file reader was restarted; try again.`
        : withLimitHint(error instanceof Error ? error.message : String(error));
      this.error = message.startsWith(name) ? message : `${name}: ${message}`;
      this.load = { type: 'error', message: this.error };
      return false;
    }
  }

  private checkSize(name: string, bytes: number): void {
    const limit = this.maxFileMB * 1_000_000;
    if (bytes > limit) {
      throw new Error(
        `${name}: the file is ${formatMB(bytes)}, above the ${formatMB(limit)} limit on file size (change it in Settings)`,
      );
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
