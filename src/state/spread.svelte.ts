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
import type { Scenario, Timeline } from '../core/spread/types';
import type { GraphView } from '../render/graph-view';
import { Player } from '../render/player';
import type { LoadedDataset } from './loaded-dataset';
import type { ReachFigures } from './status';

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
  origin = $state(-1);
  worth = $state(DEFAULT_WORTH);
  delivery = $state(DEFAULT_DELIVERY);
  seed = $state(1);
  speed = $state(1);
  time = $state(0);
  duration = $state(0);
  playing = $state(false);
  reach = $state<ReachFigures>(NO_REACH);
  finalReach = $state<ReachFigures>(NO_REACH);
  timeline = $state.raw<Timeline | null>(null);
  private index: TimelineIndex | null = null;

  private dataset: LoadedDataset | null = null;
  private playback: PlaybackState | null = null;
  private view: GraphView | null = null;
  private readonly player = new Player({
    onTime: (t) => this.showTime(t),
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
    params: { origin?: number; worth?: number; delivery?: number; seed?: number } = {},
  ): void {
    this.player.pause();
    this.dataset = dataset;
    this.view = null;
    this.playback = new PlaybackState(dataset.csr.nodeCount, dataset.payload.edgeSources.length);
    this.origin = params.origin ?? dataset.defaultOrigin;
    this.worth = params.worth ?? this.worth;
    this.delivery = params.delivery ?? this.delivery;
    this.seed = params.seed ?? this.seed;
    this.run({ keepTime: false });
  }

  attachView(view: GraphView | null): void {
    this.view = view;
    view?.setOrigins(this.origin >= 0 ? [this.origin] : []);
  }

  setOrigin(node: number): void {
    if (!this.dataset || node < 0 || node === this.origin) return;
    this.origin = node;
    this.view?.setOrigins([node]);
    this.run({ keepTime: false });
    this.player.play();
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
  seek = (t: number) => this.player.seek(t);

  setSpeed(speed: number): void {
    this.speed = speed;
    this.player.setSpeed(speed);
  }

  /** Jumps to the next (or previous) adoption. */
  step(direction: 1 | -1): void {
    const timeline = this.timeline;
    if (!timeline || timeline.length === 0) return;
    this.player.pause();
    const shown = indexAtTime(timeline, this.time);
    const row = direction > 0 ? Math.min(shown, timeline.length - 1) : Math.max(0, shown - 2);
    this.player.seek(timeline.time[row]);
  }

  dispose(): void {
    this.player.dispose();
  }

  private scenario(): Scenario {
    return {
      origins: [this.origin],
      model: 'independent-cascade',
      worth: this.worth,
      delivery: this.delivery,
      seed: this.seed,
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
    const wasAtEnd = this.timeline !== null && this.time >= this.duration;
    const timeline = simulateSpread(dataset.csr, this.scenario());
    const changes = playback.load(timeline, carriedEdges(dataset.csr, timeline));
    this.timeline = timeline;
    this.index = indexTimeline(timeline);
    this.finalReach = figures(finalReach(this.index));
    const end = timeline.length > 0 ? timeline.time[timeline.length - 1] : 0;
    this.duration = end;
    const t = keepTime ? (wasAtEnd ? end : Math.min(this.time, end)) : 0;
    this.player.load(0, end);
    this.view?.refresh(changes);
    this.player.seek(t);
  }

  private showTime(t: number): void {
    this.time = t;
    const { timeline, index, playback } = this;
    if (!timeline || !index || !playback) return;
    const rows = indexAtTime(timeline, t);
    this.view?.refresh(playback.moveTo(rows));
    this.reach = figures(reachAtIndex(index, rows));
  }
}

function figures(reach: Reach): ReachFigures {
  return { ...reach, amplification: amplification(reach) };
}
