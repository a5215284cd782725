import { recordedSpread } from '../core/posts/spread-of-hashtag';
import { simulateSpread } from '../core/spread/independent-cascade';
import {
  amplification,
  finalReach,
  indexAtTime,
  indexTimeline,
  reachAtIndex,
  type Reach,
  type TimelineIndex,
} from '../core/spread/metrics';
import { carriedEdges, PlaybackState } from '../core/spread/playback';
import { formatTime } from '../core/spread/time-format';
import { IDENTITY_WARP, quietPeriodWarp, type TimeWarp } from '../core/spread/time-warp';
import type { Model, Scenario, Timeline } from '../core/spread/types';
import type { GraphView } from '../render/graph-view';
import { FrameStats } from '../render/frame-stats';
import { Player } from '../render/player';
import { Inspector } from './inspector.svelte';
import type { LoadedDataset } from './loaded-dataset';
import type { ReachFigures } from './status';

export type SpreadMode = 'recorded' | 'simulated';

export interface ModelParams {
  weighted: boolean;
  /** Complex contagion: count of contacts needed. */
  minContacts: number;
  /** Complex contagion: share of contacts needed (0: the count alone decides). */
  minFraction: number;
  /** Forgetting: mean hours a person keeps passing it on. */
  activeHours: number;
}

export const DEFAULT_WORTH = 0.25;
export const DEFAULT_DELIVERY = 0.8;
const NO_REACH: ReachFigures = {
  total: 0,
  origin: 0,
  hard: 0,
  soft: 0,
  outside: 0,
  amplification: Number.NaN,
};

/**
 * The spread of the current dataset: its scenario, the simulated timeline, the player and the live
 * figures. Reactive state is small (numbers, flags); the timeline and the playback arrays are raw.
 */
export class SpreadState {
  /** The first origin: the one named in the panel, and the only one a recorded spread has. */
  origin = $state(-1);
  /** More origins of a simulated spread (several people told at once). */
  extraOrigins = $state<number[]>([]);
  worth = $state(DEFAULT_WORTH);
  delivery = $state(DEFAULT_DELIVERY);
  seed = $state(1);
  speed = $state(1);
  time = $state(0);
  /** First and last adoption times: the span the Timeline slider covers. */
  start = $state(0);
  end = $state(0);
  playing = $state(false);
  reach = $state<ReachFigures>(NO_REACH);
  finalReach = $state<ReachFigures>(NO_REACH);
  timeline = $state.raw<Timeline | null>(null);
  /** `recorded`: the adoptions the posts show; `simulated`: the model's "what if". */
  mode = $state<SpreadMode>('simulated');
  /** The hashtag a recorded spread follows (null: every post, as in a cascade tree). */
  hashtag = $state<string | null>(null);
  /** Why the last request could not be done (e.g. an origin who never used the hashtag). */
  notice = $state<string | null>(null);
  loop = $state(false);
  model = $state<Model>('independent-cascade');
  /** Model parameters, kept when switching models so a person's choices survive a round trip. */
  params = $state<ModelParams>({ weighted: false, minContacts: 2, minFraction: 0, activeHours: 2 });
  readonly inspector = new Inspector();
  readonly frameStats = new FrameStats();
  /** Keep the newest adoptions in view while playing. */
  followCamera = $state(false);
  private lastFollow = 0;
  /** Replays shorten long silences (overnight gaps in recorded posts) unless turned off. */
  skipQuiet = $state(true);
  private warp: TimeWarp = IDENTITY_WARP;
  private index: TimelineIndex | null = null;
  private recorded: Timeline | null = null;

  private dataset: LoadedDataset | null = null;
  private playback: PlaybackState | null = null;
  private view: GraphView | null = null;
  private readonly player = new Player({
    // The player's clock may skip quiet periods; everything else speaks real time.
    onTime: (w) => this.showTime(this.warp.toReal(w)),
    onPlayingChange: (playing) => (this.playing = playing),
  });

  get timeLabel(): string {
    return this.timeline ? formatTime(this.time, this.timeline.timeUnit) : '';
  }

  /** The arrays the renderer reads; created per dataset. */
  get playbackState(): PlaybackState | null {
    return this.playback;
  }

  /** A new dataset: fresh playback arrays, its default (or the link's) scenario, and a first run. */
  useDataset(
    dataset: LoadedDataset,
    params: {
      origin?: number;
      extraOrigins?: number[];
      worth?: number;
      delivery?: number;
      seed?: number;
      model?: Model;
      /** A restored session's: which spread was on screen, and the model's parameters. */
      mode?: SpreadMode;
      hashtag?: string | null;
      modelParams?: ModelParams;
    } = {},
  ): void {
    this.player.pause();
    this.dataset = dataset;
    // The old view draws the old graph: nothing may reach it with the new dataset's indices.
    this.attachView(null);
    this.playback = new PlaybackState(dataset.csr.nodeCount, dataset.payload.edgeSources.length);
    this.notice = null;
    this.mode = dataset.posts ? 'recorded' : 'simulated';
    const hashtags = dataset.posts?.hashtags ?? [];
    this.hashtag = hashtags.some((h) => h.tag === params.hashtag)
      ? (params.hashtag ?? null)
      : (hashtags[0]?.tag ?? null);
    this.recorded = null;
    this.origin = params.origin ?? dataset.defaultOrigin;
    this.extraOrigins = (params.extraOrigins ?? []).filter((node) => node !== this.origin);
    if (dataset.posts) this.follow(this.hashtag, params.origin);
    // A restored "what if" on a posts dataset: the recorded spread stays one click away.
    if (params.mode === 'simulated' && this.mode === 'recorded') {
      this.mode = 'simulated';
      this.notice = null;
      if (params.origin !== undefined) this.origin = params.origin;
    }
    if (params.modelParams) this.params = { ...params.modelParams };
    this.worth = params.worth ?? this.worth;
    this.delivery = params.delivery ?? this.delivery;
    this.seed = params.seed ?? this.seed;
    this.model = params.model ?? this.model;
    this.run({ keepTime: false });
  }

  attachView(view: GraphView | null): void {
    this.view = view;
    view?.setOrigins(this.origins);
    this.inspector.attachView(view);
  }

  setOrigin(node: number): void {
    if (!this.dataset || node < 0 || (node === this.origin && this.extraOrigins.length === 0))
      return;
    if (this.mode === 'recorded' && !this.follow(this.hashtag, node)) return;
    this.origin = node;
    this.extraOrigins = [];
    this.view?.setOrigins([node]);
    this.run({ keepTime: false });
    this.player.play();
  }

  /** Everyone the message starts from, the first origin first. */
  get origins(): number[] {
    return this.origin < 0 ? [] : [this.origin, ...this.extraOrigins];
  }

  /** Starts a simulated spread from several people at once (the first is named in the panel). */
  setOrigins(nodes: number[]): void {
    const unique = nodes.filter((node, i) => node >= 0 && nodes.indexOf(node) === i);
    if (!this.dataset || unique.length === 0) return;
    if (this.mode === 'recorded') this.setMode('simulated');
    this.origin = unique[0];
    this.extraOrigins = unique.slice(1);
    this.view?.setOrigins(this.origins);
    this.run({ keepTime: false });
    this.player.play();
  }

  /** Follows another hashtag of a recorded dataset, from its earliest adopter. */
  setHashtag(hashtag: string): void {
    if (!this.follow(hashtag)) return;
    this.hashtag = hashtag;
    this.view?.setOrigins(this.origins);
    this.run({ keepTime: false });
    this.player.play();
  }

  setMode(mode: SpreadMode): void {
    if (mode === this.mode || (mode === 'recorded' && !this.recorded)) return;
    this.mode = mode;
    this.run({ keepTime: false });
    this.player.play();
  }

  setModel(model: Model): void {
    this.model = model;
    this.run({ keepTime: false });
    this.player.play();
  }

  setParams(params: Partial<ModelParams>): void {
    this.params = { ...this.params, ...params };
    this.run({ keepTime: true });
  }

  setWorth(worth: number): void {
    this.worth = worth;
    this.run({ keepTime: true });
  }

  setDelivery(delivery: number): void {
    this.delivery = delivery;
    this.run({ keepTime: true });
  }

  reseed(): void {
    this.seed = (this.seed % 1_000_000) + 1;
    this.run({ keepTime: true });
  }

  play = () => this.player.play();
  pause = () => this.player.pause();
  toggle = () => this.player.toggle();
  restart = () => this.player.restart();
  /**
   * Moves the playhead to real time `t`. Times within a hair of either end snap to it: a range input
   * writes its value with about 15 digits, and the last adoption sits exactly at the end.
   */
  seek = (t: number) => {
    const hair = (this.end - this.start) * 1e-9;
    const snapped = t >= this.end - hair ? this.end : t <= this.start + hair ? this.start : t;
    this.player.seek(this.warp.toWarped(snapped));
  };

  setSpeed(speed: number): void {
    this.speed = speed;
    this.player.setSpeed(speed);
  }

  setFollowCamera(follow: boolean): void {
    this.followCamera = follow;
    if (!follow) this.view?.resetCamera();
  }

  setSkipQuiet(skip: boolean): void {
    this.skipQuiet = skip;
    this.run({ keepTime: true });
  }

  setLoop(loop: boolean): void {
    this.loop = loop;
    this.player.setLoop(loop);
  }

  /** Jumps one time bin (a fiftieth of the spread's span) forward or back. */
  stepBin(direction: 1 | -1): void {
    this.player.pause();
    this.seek(this.time + (direction * (this.end - this.start)) / 50);
  }

  jumpTo(edge: 'start' | 'end'): void {
    this.player.pause();
    this.seek(edge === 'start' ? this.start : this.end);
  }

  /** Jumps to the next (or previous) adoption. */
  step(direction: 1 | -1): void {
    const timeline = this.timeline;
    if (!timeline || timeline.length === 0) return;
    this.player.pause();
    const shown = indexAtTime(timeline, this.time);
    const row = direction > 0 ? Math.min(shown, timeline.length - 1) : Math.max(0, shown - 2);
    this.seek(timeline.time[row]);
  }

  dispose(): void {
    this.player.dispose();
  }

  /**
   * Recomputes the recorded timeline for a hashtag and origin (the earliest adopter when none is
   * given). Only someone who used the hashtag can be its origin: otherwise a notice says so and
   * nothing changes.
   */
  private follow(hashtag: string | null, origin?: number): boolean {
    const posts = this.dataset?.posts;
    if (!posts || !this.dataset) return false;
    try {
      const handle = origin === undefined ? undefined : this.dataset.payload.nodeIds[origin];
      const spread = recordedSpread(posts.dataset, hashtag, handle);
      this.recorded = spread.timeline;
      this.origin = spread.origin;
      this.notice = null;
      return true;
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      this.notice = error.message;
      return false;
    }
  }

  /** Everything that reproduces the simulated spread on screen (Monte Carlo and sweeps start here). */
  scenario(): Scenario {
    const { weighted, minContacts, minFraction, activeHours } = this.params;
    return {
      origins: this.origins,
      model: this.model,
      worth: this.worth,
      delivery: this.delivery,
      seed: this.seed,
      weighted,
      minContacts,
      minFraction: minFraction > 0 ? minFraction : undefined,
      activeHours,
      hardEdges: this.dataset?.hardEdges ?? undefined,
    };
  }

  /**
   * Simulates the current scenario. `keepTime` holds the playhead where it is (a finished replay stays
   * at its end), so dragging Worth shows the new outcome at once; otherwise the replay starts over.
   */
  private run({ keepTime }: { keepTime: boolean }): void {
    const dataset = this.dataset;
    const playback = this.playback;
    if (!dataset || !playback || this.origin < 0) return;
    const wasAtEnd = this.timeline !== null && this.time >= this.end;
    const timeline =
      this.mode === 'recorded' && this.recorded
        ? this.recorded
        : simulateSpread(dataset.csr, this.scenario());
    const edgesOfRows = carriedEdges(dataset.csr, timeline);
    const changes = playback.load(timeline, edgesOfRows);
    this.timeline = timeline;
    this.inspector.useTimeline(dataset, timeline, edgesOfRows);
    this.index = indexTimeline(timeline);
    this.finalReach = figures(finalReach(this.index));
    const start = timeline.length > 0 ? timeline.time[0] : 0;
    const end = timeline.length > 0 ? timeline.time[timeline.length - 1] : 0;
    this.start = start;
    this.end = end;
    const t = keepTime ? (wasAtEnd ? end : Math.min(Math.max(this.time, start), end)) : start;
    this.warp = this.skipQuiet ? quietPeriodWarp(timeline) : IDENTITY_WARP;
    this.player.load(this.warp.toWarped(start), this.warp.toWarped(end));
    this.view?.refresh(changes);
    this.seek(t);
  }

  /** At most twice a second, frame the last 25 people reached: a camera that moves every frame tires. */
  private followNewest(timeline: Timeline, rows: number): void {
    const now = performance.now();
    if (now - this.lastFollow < 500 || rows === 0) return;
    this.lastFollow = now;
    this.view?.frame(Array.from(timeline.node.subarray(Math.max(0, rows - 25), rows)));
  }

  private showTime(t: number): void {
    const started = performance.now();
    this.time = t;
    const { timeline, index, playback } = this;
    if (!timeline || !index || !playback) return;
    const rows = indexAtTime(timeline, t);
    const forward = rows > playback.shownRows;
    const changes = playback.moveTo(rows);
    this.view?.refresh(changes);
    // Pulses mark what is new while the replay plays forward; a scrub just shows the state.
    if (forward && this.playing) this.view?.pulse(changes);
    this.reach = figures(reachAtIndex(index, rows));
    if (this.followCamera && this.playing) this.followNewest(timeline, rows);
    this.frameStats.record(
      performance.now() - started,
      changes.nodes.length + changes.edges.length,
    );
  }
}

function figures(reach: Reach): ReachFigures {
  return { ...reach, amplification: amplification(reach) };
}
