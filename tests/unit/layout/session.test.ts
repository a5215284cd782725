import { describe, expect, it } from 'vitest';
import type { LayoutStatus, MainToWorker, WorkerToMain } from '../../../src/core/layout/protocol';
import { LayoutSession } from '../../../src/core/layout/session';
import { allFinite, lesMiserables } from './graphs';

/** A fake worker thread: a task queue for yields and a clock that advances as it is read. */
class FakeHost {
  messages: WorkerToMain[] = [];
  tasks: (() => void)[] = [];
  time = 0;
  post(message: WorkerToMain) {
    this.messages.push(message);
  }
  yieldThen(task: () => void) {
    this.tasks.push(task);
  }
  now() {
    this.time += 0.25; // every clock read ≈ a quarter millisecond of work
    return this.time;
  }
  /** Runs queued slices; returns how many ran. */
  drain(limit = 10_000): number {
    let ran = 0;
    while (this.tasks.length > 0 && ran < limit) {
      this.tasks.shift()?.();
      ran++;
    }
    return ran;
  }
  statuses(): LayoutStatus[] {
    return this.messages.flatMap((m) => (m.type === 'status' ? [m.status] : []));
  }
  positions() {
    return this.messages.flatMap((m) => (m.type === 'positions' ? [m] : []));
  }
}

function startMessage(overrides: Partial<MainToWorker & { type: 'start' }> = {}): MainToWorker {
  const g = lesMiserables();
  return {
    type: 'start',
    nodeCount: g.nodeCount,
    positions: null,
    sources: g.sources,
    targets: g.targets,
    weights: null,
    settings: {},
    timeBudgetMs: 60_000,
    seed: 1,
    sizes: null,
    keepGiven: false,
    ...overrides,
  };
}

function setup() {
  const host = new FakeHost();
  const session = new LayoutSession(host, { sliceMs: 2, postIntervalMs: 4 });
  return { host, session };
}

describe('LayoutSession', () => {
  it('runs to convergence by itself, posting throttled positions then the final status', () => {
    const { host, session } = setup();
    session.handle(startMessage());
    expect(host.statuses()[0].type).toBe('running');
    host.drain();
    const statuses = host.statuses();
    const last = statuses[statuses.length - 1];
    expect(last.type).toBe('converged');
    const iterations = last.type === 'converged' ? last.iterations : 0;
    const posts = host.positions();
    // Throttled: far fewer posts than iterations, yet regular progress updates.
    expect(posts.length).toBeGreaterThan(3);
    expect(posts.length).toBeLessThan(iterations / 2);
    expect(host.messages[host.messages.length - 2].type).toBe('positions');
    expect(posts.every((p) => p.positions.length === 2 * 77 && allFinite(p.positions))).toBe(true);
    const progress = posts.map((p) => p.progress);
    expect(progress.every((p, i) => i === 0 || p >= progress[i - 1])).toBe(true);
    expect(posts[posts.length - 1].progress).toBe(1);
    expect(host.tasks).toHaveLength(0);
  });

  it('pauses between slices and resumes where it was', () => {
    const { host, session } = setup();
    session.handle(startMessage());
    host.drain(3);
    session.handle({ type: 'pause' });
    const paused = host.statuses().at(-1);
    expect(paused?.type).toBe('paused');
    const postsAtPause = host.messages.length;
    host.drain();
    expect(host.messages.length).toBe(postsAtPause); // nothing iterates while paused
    session.handle({ type: 'resume' });
    expect(host.statuses().at(-1)?.type).toBe('running');
    host.drain();
    expect(host.statuses().at(-1)?.type).toBe('converged');
  });

  it('stops on request with final positions and nothing after', () => {
    const { host, session } = setup();
    session.handle(startMessage());
    host.drain(2);
    session.handle({ type: 'stop' });
    const status = host.statuses().at(-1);
    expect(status).toMatchObject({ type: 'stopped', reason: 'requested' });
    expect(host.messages.at(-2)?.type).toBe('positions');
    const count = host.messages.length;
    host.drain();
    session.handle({ type: 'pause' });
    expect(host.messages.length).toBe(count);
  });

  it('stops by itself when the time budget is spent', () => {
    const { host, session } = setup();
    session.handle(startMessage({ timeBudgetMs: 10 }));
    host.drain();
    expect(host.statuses().at(-1)).toMatchObject({ type: 'stopped', reason: 'time-budget' });
  });

  it('starts again after a settings update on a converged layout', () => {
    const { host, session } = setup();
    session.handle(startMessage());
    host.drain();
    session.handle({ type: 'settings', settings: { linLogMode: true } });
    const running = host.statuses().at(-1);
    expect(running?.type === 'running' && running.settings.linLogMode).toBe(true);
    host.drain();
    expect(host.statuses().at(-1)?.type).toMatch(/converged|stopped/);
  });

  it('reports bad input and bad settings as an error status', () => {
    const { host, session } = setup();
    session.handle(startMessage({ settings: { gravity: -3 } }));
    expect(host.statuses().at(-1)).toMatchObject({ type: 'error' });
    const other = setup();
    other.session.handle(startMessage({ weights: Float64Array.of(1) }));
    expect(other.host.statuses().at(-1)).toMatchObject({
      type: 'error',
      message: expect.stringMatching(/Layout failed/),
    });
  });

  it('keeps coordinates the dataset carries as the start', () => {
    const g = lesMiserables();
    const { host, session } = setup();
    session.handle(startMessage({ positions: g.given }));
    expect(Array.from(host.positions()[0].positions)).toEqual(Array.from(g.given ?? []));
  });

  it('shows usable dataset coordinates as they are and runs only on resume', () => {
    const g = lesMiserables();
    const { host, session } = setup();
    session.handle(startMessage({ positions: g.given, keepGiven: true }));
    expect(host.statuses()).toEqual([
      { type: 'stopped', reason: 'kept-coordinates', iterations: 0, progress: 0, elapsedMs: 0 },
    ]);
    expect(Array.from(host.positions()[0].positions)).toEqual(Array.from(g.given ?? []));
    expect(host.drain()).toBe(0);
    session.handle({ type: 'resume' });
    expect(host.statuses().at(-1)?.type).toBe('running');
    host.drain();
    expect(host.statuses().at(-1)?.type).toBe('converged');
  });

  it('repairs non-finite coordinates before showing them', () => {
    const g = lesMiserables();
    const given = (g.given ?? new Float32Array()).slice();
    given[0] = NaN;
    given[7] = Infinity;
    const { host, session } = setup();
    session.handle(startMessage({ positions: given, keepGiven: true }));
    expect(allFinite(host.positions()[0].positions)).toBe(true);
  });

  it('runs at once when asked to keep coordinates the dataset does not have', () => {
    const { host, session } = setup();
    session.handle(startMessage({ keepGiven: true }));
    expect(host.statuses()[0].type).toBe('running');
  });

  it('prevents overlap by default when sizes come along, and can switch it off and on mid-run', () => {
    const { host, session } = setup();
    session.handle(startMessage({ sizes: new Float32Array(77).fill(5) }));
    const first = host.statuses()[0];
    expect(first.type === 'running' && first.settings.adjustSizes).toBe(true);
    host.drain(2);
    session.handle({ type: 'settings', settings: { adjustSizes: false } });
    session.handle({ type: 'settings', settings: { adjustSizes: true } });
    host.drain();
    expect(host.statuses().at(-1)?.type).toBe('converged');
    expect(host.positions().every((p) => allFinite(p.positions))).toBe(true);
  });
});
