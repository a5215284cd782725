/**
 * A binary min-heap of node indices ordered by `keys[node]`, with decrease-key, on typed arrays.
 * Each node is in the heap at most once (its position is tracked), so the heap never grows past
 * the node count and the cascade's Dijkstra loop allocates nothing per edge.
 */
export class IndexedMinHeap {
  private readonly heap: Int32Array;
  /** Position of each node in `heap`, or -1 when absent. */
  private readonly position: Int32Array;
  private count = 0;

  constructor(
    capacity: number,
    private readonly keys: Float64Array,
  ) {
    this.heap = new Int32Array(capacity);
    this.position = new Int32Array(capacity).fill(-1);
  }

  get size(): number {
    return this.count;
  }

  /** Inserts `node`, or restores heap order after its key was lowered. */
  offer(node: number): void {
    let at = this.position[node];
    if (at < 0) {
      at = this.count++;
      this.heap[at] = node;
      this.position[node] = at;
    }
    this.siftUp(at);
  }

  /** Removes and returns the node with the smallest key, or -1 when empty. */
  pop(): number {
    if (this.count === 0) return -1;
    const top = this.heap[0];
    this.position[top] = -1;
    const last = this.heap[--this.count];
    if (this.count > 0) {
      this.heap[0] = last;
      this.position[last] = 0;
      this.siftDown(0);
    }
    return top;
  }

  private siftUp(from: number): void {
    const { heap, position, keys } = this;
    const node = heap[from];
    const key = keys[node];
    let at = from;
    while (at > 0) {
      const parentAt = (at - 1) >> 1;
      const parent = heap[parentAt];
      if (keys[parent] <= key) break;
      heap[at] = parent;
      position[parent] = at;
      at = parentAt;
    }
    heap[at] = node;
    position[node] = at;
  }

  private siftDown(from: number): void {
    const { heap, position, keys } = this;
    const count = this.count;
    const node = heap[from];
    const key = keys[node];
    let at = from;
    for (;;) {
      let childAt = 2 * at + 1;
      if (childAt >= count) break;
      const right = childAt + 1;
      if (right < count && keys[heap[right]] < keys[heap[childAt]]) childAt = right;
      const child = heap[childAt];
      if (keys[child] >= key) break;
      heap[at] = child;
      position[child] = at;
      at = childAt;
    }
    heap[at] = node;
    position[node] = at;
  }
}
