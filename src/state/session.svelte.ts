import { edgeFilterFor, edgeKindsOf } from '../core/graph/edge-kinds';
import { hashtagCounts, recordedSpread } from '../core/posts/spread-of-hashtag';
import type { ReadResult } from '../core/read-dataset';
import {
  formatScenarioHash,
  parseScenarioHash,
  type ScenarioParams,
} from '../core/spread/scenario-hash';
import type { Grouping } from '../core/others/groups';
import { exportPng, type LegendEntry } from '../render/export-image';
import { CHANNEL_COLORS, GROUP_COLORS, UNREACHED_COLOR } from '../core/spread/palette';
import { exportData, type DataExport } from './data-export';
import { GraphView, type ColourMode } from '../render/graph-view';
import { IoClient } from '../workers/io-client';
import { LayoutRunner } from './layout-runner.svelte';
import {
  hrefWithQuery,
  sampleSource,
  sourceFromLocation,
  type DatasetSource,
} from './dataset-source';
import {
  datasetSlug,
  labelOf,
  prepareDataset,
  type LoadedDataset,
  type PostsSource,
} from './loaded-dataset';
import { SpreadState } from './spread.svelte';
import { formatMB, loadSettings, saveSettings } from './settings';
import type { LoadStatus } from './status';

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
  maxFileMB = $state(loadSettings().maxFileMB);
  /** The dataset came from a sample or a URL, so the page's address reopens it for anyone. */
  openedFromLink = $state(false);
  readonly spread = new SpreadState();
  readonly layout = new LayoutRunner();

  private readonly io = new IoClient();
  private container: HTMLElement | null = null;
  private view: GraphView | null = null;
  private loadAbort: AbortController | null = null;
  /** The scenario a link asked for: applied to the first dataset only, then forgotten. */
  private linkParams: ScenarioParams = {};

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

  /** Loads what the URL asks for (`?data=`, `?sample=`), else the default sample. */
  start(location: Location): Promise<void> {
    this.linkParams = parseScenarioHash(location.hash);
    return this.loadSource(sourceFromLocation(location, document.baseURI));
  }

  loadSample(name: string): Promise<void> {
    return this.loadSource(sampleSource(name, document.baseURI));
  }

  async loadSource(source: DatasetSource): Promise<void> {
    await this.loadFrom(source.name, source.query, async () => {
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
    const name = files.map((file) => file.name).join(' and ');
    await this.loadFrom(name, '', () => {
      // Refused before reading a byte: a wrong drop must not freeze the page.
      this.checkSize(
        name,
        files.reduce((total, file) => total + file.size, 0),
      );
      return Promise.all(
        files.map(async (file) => ({ name: file.name, bytes: await file.arrayBuffer() })),
      );
    });
  }

  setMaxFileMB(megabytes: number): void {
    if (!Number.isFinite(megabytes) || megabytes <= 0) return;
    this.maxFileMB = megabytes;
    saveSettings({ maxFileMB: megabytes });
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
        background: transparent ? null : '#ffffff',
        legend,
        title: title ? this.imageTitle() : null,
        caption: caption ? this.reachCaption() : null,
      },
      this.legendEntries(),
    );
  }

  private imageTitle(): string {
    const hashtag =
      this.spread.mode === 'recorded' && this.spread.hashtag ? ` · #${this.spread.hashtag}` : '';
    return `${this.dataset?.name ?? ''}${hashtag}`;
  }

  /** "Reached 26 of 134 at 12 h 30 min: 3 through the hard network, 22 person to person (6.5× amplification)". */
  private reachCaption(): string {
    const { reach, timeLabel } = this.spread;
    const amplification = Number.isFinite(reach.amplification)
      ? ` (${reach.amplification.toFixed(1)}× amplification)`
      : '';
    const outside = reach.outside > 0 ? `, ${reach.outside} from outside` : '';
    return `Reached ${reach.total} of ${this.nodeCount} at ${timeLabel}: ${reach.hard} through the hard network, ${reach.soft} person to person${outside}${amplification}`;
  }

  /** The grouping the graph is coloured by, if any (the spread's colours otherwise). */
  get colourGrouping(): Grouping | undefined {
    return this.groupings.find((g) => g.attribute === this.colourBy);
  }

  /** What each colour means right now: the screen legend and the exported image both draw these. */
  legendEntries(): LegendEntry[] {
    const grouping = this.colourGrouping;
    if (grouping) {
      return grouping.values
        .slice(0, 12)
        .map((value, i) => ({ color: GROUP_COLORS[i % GROUP_COLORS.length], label: value }));
    }
    const entries: LegendEntry[] = [
      { color: CHANNEL_COLORS[0], label: 'origin', size: 1.6 },
      { color: CHANNEL_COLORS[1], label: 'hard network (larger)', size: 1.3 },
      { color: CHANNEL_COLORS[2], label: 'soft network' },
    ];
    if (this.spread.finalReach.outside > 0) {
      entries.push({ color: CHANNEL_COLORS[3], label: 'from outside (no traceable source)' });
    }
    entries.push({ color: UNREACHED_COLOR, label: 'not reached' });
    return entries;
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
    read: () => Promise<{ name: string; bytes: ArrayBuffer }[]>,
  ): Promise<void> {
    this.cancelLoad();
    const abort = (this.loadAbort = new AbortController());
    this.load = { type: 'loading', name, progress: 0 };
    try {
      const result = await this.io.parse(await read(), {
        maxBytes: this.maxFileMB * 1_000_000,
      });
      const { payload, posts } = networkOf(result);
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
      if (abort.signal.aborted) return;
      this.show(dataset);
      this.load = { type: 'ready', name };
      this.openedFromLink = query !== '';
      history.replaceState(null, '', hrefWithQuery(window.location.href, query));
      this.error = null;
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') {
        if (this.loadAbort === abort)
          this.load = this.dataset ? { type: 'ready', name: this.dataset.name } : { type: 'idle' };
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      this.error = message.startsWith(name) ? message : `${name}: ${message}`;
      this.load = { type: 'error', message: this.error };
    }
  }

  private checkSize(name: string, bytes: number): void {
    const limit = this.maxFileMB * 1_000_000;
    if (bytes > limit) {
      throw new Error(
        `${name}: the file is ${formatMB(bytes)}, above the ${formatMB(limit)} limit (change it in Settings)`,
      );
    }
  }

  private show(dataset: LoadedDataset): void {
    this.dataset = dataset;
    this.warnings = dataset.payload.warnings;
    const hash = this.linkParams;
    this.linkParams = {};
    const origin = hash.origin !== undefined ? dataset.indexOfId.get(hash.origin) : undefined;
    this.colourBy = 'spread';
    this.groupings = dataset.groupings;
    this.shownEdgeKinds = this.edgeKinds();
    this.spread.useDataset(dataset, {
      origin,
      extraOrigins: (hash.alsoOrigins ?? [])
        .map((id) => dataset.indexOfId.get(id))
        .filter((node): node is number => node !== undefined),
      worth: hash.worth,
      delivery: hash.delivery,
      seed: hash.seed,
      model: hash.model,
    });
    this.rebuildView();
    this.layout.start(dataset, (xy) => this.view?.applyPositions(xy));
    // A link that names a moment opens paused there; otherwise the spread plays by itself.
    if (hash.t !== undefined) this.spread.seek(hash.t);
    else this.spread.play();
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

/**
 * The network to draw: the file's own, or for a hashtag dataset the network of who passed the word
 * to whom (the same whichever hashtag the spread follows, so switching hashtags keeps the drawing).
 */
function networkOf(result: ReadResult): {
  payload: LoadedDataset['payload'];
  posts: PostsSource | null;
} {
  if (result.kind === 'network') return { payload: result.payload, posts: null };
  const hashtags = hashtagCounts(result.posts);
  const { payload } = recordedSpread(result.posts, hashtags[0]?.tag ?? null);
  return { payload, posts: { dataset: result.posts, hashtags } };
}
