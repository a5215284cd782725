/**
 * Newly reached people pulse briefly and the edge that carried the word lights up, then settles.
 * Only the items pulsing right now are tracked and refreshed, so the cost per frame follows what is
 * changing, not the size of the graph. People who ask for reduced motion get no pulses (the spread
 * still shows through colour and size).
 */
export const PULSE_MS = 700;

export class Pulses {
  private readonly nodes = new Map<number, number>();
  private readonly edges = new Map<number, number>();
  private frame = 0;
  /** The moment reducers should read: set when pulses start and at each tick, before redrawing. */
  private now = 0;

  constructor(private readonly redraw: (nodes: number[], edges: number[]) => void) {}

  start(nodes: number[], edges: number[], now = performance.now()): void {
    if (prefersReducedMotion()) return;
    this.now = now;
    for (const node of nodes) this.nodes.set(node, now);
    for (const edge of edges) this.edges.set(edge, now);
    if (this.frame === 0 && (this.nodes.size > 0 || this.edges.size > 0)) {
      this.frame = requestAnimationFrame(this.tick);
    }
  }

  /** 1 when a pulse starts, falling to 0 when it ends; 0 for items not pulsing. */
  nodeStrength(node: number): number {
    return this.nodes.size === 0 ? 0 : strength(this.nodes.get(node), this.now);
  }

  edgeStrength(edge: number): number {
    return this.edges.size === 0 ? 0 : strength(this.edges.get(edge), this.now);
  }

  clear(): void {
    const nodes = [...this.nodes.keys()];
    const edges = [...this.edges.keys()];
    this.nodes.clear();
    this.edges.clear();
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    if (nodes.length > 0 || edges.length > 0) this.redraw(nodes, edges);
  }

  private tick = (now: number) => {
    this.now = now;
    const nodes = [...this.nodes.keys()];
    const edges = [...this.edges.keys()];
    for (const [node, started] of this.nodes) if (now - started > PULSE_MS) this.nodes.delete(node);
    for (const [edge, started] of this.edges) if (now - started > PULSE_MS) this.edges.delete(edge);
    this.redraw(nodes, edges);
    this.frame = this.nodes.size > 0 || this.edges.size > 0 ? requestAnimationFrame(this.tick) : 0;
  };
}

function strength(started: number | undefined, now: number): number {
  if (started === undefined) return 0;
  const left = 1 - (now - started) / PULSE_MS;
  return left > 0 ? left * left : 0;
}

/** How long a camera glide lasts: `ms`, or 0 (a jump) for people who ask for reduced motion. */
export function motionMs(ms: number): number {
  return prefersReducedMotion() ? 0 : ms;
}

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
