/**
 * The replay clock. It owns the current time `t` (in the timeline's units) and advances it on
 * animation frames while playing; every change of `t` is reported once per frame through `onTime`,
 * which moves the playhead and redraws what changed. At 1x the whole spread lasts about
 * `secondsAtNormalSpeed`, whatever its units, so an hour-long simulation and a month of posts both
 * replay at a watchable pace.
 */
export interface PlayerOptions {
  onTime: (t: number) => void;
  onPlayingChange: (playing: boolean) => void;
  secondsAtNormalSpeed?: number;
}

export class Player {
  private start = 0;
  private end = 0;
  private t = 0;
  private speed = 1;
  private playing = false;
  private loop = false;
  private frame = 0;
  private lastTick = 0;
  private heldSince: number | null = null;

  constructor(private readonly options: PlayerOptions) {}

  get time(): number {
    return this.t;
  }

  get isPlaying(): boolean {
    return this.playing;
  }

  get duration(): number {
    return this.end - this.start;
  }

  /** A new timeline span; the clock goes to its start. */
  load(start: number, end: number): void {
    this.start = start;
    this.end = Math.max(end, start);
    this.seek(start);
  }

  play(): void {
    if (this.playing) return;
    if (this.t >= this.end) this.seek(this.start);
    this.setPlaying(true);
    this.lastTick = performance.now();
    this.frame = requestAnimationFrame(this.tick);
  }

  pause(): void {
    if (!this.playing) return;
    cancelAnimationFrame(this.frame);
    this.setPlaying(false);
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  restart(): void {
    this.seek(this.start);
    this.play();
  }

  seek(t: number): void {
    this.t = Math.min(this.end, Math.max(this.start, t));
    this.options.onTime(this.t);
  }

  setSpeed(speed: number): void {
    this.speed = speed;
  }

  /** When on, the replay starts over after a short pause at the end instead of stopping. */
  setLoop(loop: boolean): void {
    this.loop = loop;
  }

  dispose(): void {
    cancelAnimationFrame(this.frame);
    this.playing = false;
  }

  private tick = (now: number) => {
    if (!this.playing) return;
    const seconds = Math.min(0.25, (now - this.lastTick) / 1000);
    this.lastTick = now;
    const span = this.duration;
    const rate = span > 0 ? span / (this.options.secondsAtNormalSpeed ?? 15) : 0;
    if (this.t >= this.end && this.loop) {
      // Hold the final picture for a moment before starting over.
      this.heldSince ??= now;
      if (now - this.heldSince < 1200) {
        this.frame = requestAnimationFrame(this.tick);
        return;
      }
      this.heldSince = null;
      this.seek(this.start);
    } else {
      this.seek(this.t + seconds * rate * this.speed);
    }
    if (this.t >= this.end && !this.loop) {
      this.setPlaying(false);
      return;
    }
    this.frame = requestAnimationFrame(this.tick);
  };

  private setPlaying(playing: boolean): void {
    this.playing = playing;
    this.options.onPlayingChange(playing);
  }
}
