/**
 * A binary min-heap of timed events on growable typed arrays, for the threshold models: unlike the
 * independent cascade (one pending arrival per person, the earliest), they must count every
 * arrival, so a person can have many events queued. An event is (time, slot, source, kind): the
 * CSR slot it travels along, the node that sent it, and whether it is a hard delivery.
 */
export class EventHeap {
  private time: Float64Array;
  private slot: Int32Array;
  private source: Int32Array;
  private kind: Uint8Array;
  private count = 0;

  /** Fields of the last popped event. */
  poppedTime = 0;
  poppedSlot = 0;
  poppedSource = 0;
  poppedKind = 0;

  constructor(initialCapacity = 1024) {
    const capacity = Math.max(16, initialCapacity);
    this.time = new Float64Array(capacity);
    this.slot = new Int32Array(capacity);
    this.source = new Int32Array(capacity);
    this.kind = new Uint8Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  clear(): void {
    this.count = 0;
  }

  push(time: number, slot: number, source: number, kind: number): void {
    if (this.count === this.time.length) this.grow();
    const { time: times, slot: slots, source: sources, kind: kinds } = this;
    let at = this.count++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (times[parent] <= time) break;
      times[at] = times[parent];
      slots[at] = slots[parent];
      sources[at] = sources[parent];
      kinds[at] = kinds[parent];
      at = parent;
    }
    times[at] = time;
    slots[at] = slot;
    sources[at] = source;
    kinds[at] = kind;
  }

  /** Removes the earliest event into the `popped*` fields; false when empty. */
  pop(): boolean {
    if (this.count === 0) return false;
    const { time: times, slot: slots, source: sources, kind: kinds } = this;
    this.poppedTime = times[0];
    this.poppedSlot = slots[0];
    this.poppedSource = sources[0];
    this.poppedKind = kinds[0];
    const last = --this.count;
    if (last === 0) return true;
    const time = times[last];
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= last) break;
      if (child + 1 < last && times[child + 1] < times[child]) child++;
      if (times[child] >= time) break;
      times[at] = times[child];
      slots[at] = slots[child];
      sources[at] = sources[child];
      kinds[at] = kinds[child];
      at = child;
    }
    times[at] = time;
    slots[at] = slots[last];
    sources[at] = sources[last];
    kinds[at] = kinds[last];
    return true;
  }

  private grow(): void {
    const capacity = this.time.length * 2;
    const grow = <T extends Float64Array | Int32Array | Uint8Array>(old: T, next: T): T => {
      next.set(old);
      return next;
    };
    this.time = grow(this.time, new Float64Array(capacity));
    this.slot = grow(this.slot, new Int32Array(capacity));
    this.source = grow(this.source, new Int32Array(capacity));
    this.kind = grow(this.kind, new Uint8Array(capacity));
  }
}
