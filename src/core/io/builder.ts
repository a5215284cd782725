import { newAttributes } from './attributes';
import { DatasetError } from './errors';
import type { ParseLimits } from './limits';
import type { Attributes, DatasetPayload, InputFormat } from './payload';

const INITIAL_EDGES = 1024;
/** Ids that are small canonical integers skip string hashing (see `numericId`); larger ones use the Map. */
const DENSE_ID_LIMIT = 1 << 22;

/**
 * The id as an integer when it is written canonically ("0", "42", not "042" or "4.0") and below
 * DENSE_ID_LIMIT, else -1. Most files number their nodes, and an array lookup is several times
 * cheaper than hashing a fresh string for each edge endpoint.
 */
function numericId(id: string): number {
  const length = id.length;
  if (length === 0 || length > 7 || (length > 1 && id.charCodeAt(0) === 48)) return -1;
  let value = 0;
  for (let i = 0; i < length; i++) {
    const digit = id.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value < DENSE_ID_LIMIT ? value : -1;
}

/**
 * Collects nodes and edges into the flat payload arrays while a parser streams through a file.
 * Ids map to indices through one Map; edge columns live in typed arrays that double when full, so
 * a million edges cost a few reallocations rather than a million small objects.
 */
export class PayloadBuilder {
  readonly nodeIds: string[] = [];
  readonly nodeAttributes: Attributes[] = [];
  readonly warnings: string[] = [];
  /** The file's default direction; edges that differ make the graph mixed. */
  directed = false;
  /** Edge lists have no node declarations: nodes named by edges are expected, not repaired. */
  nodesFromEdges = false;
  edgeCount = 0;

  private readonly index = new Map<string, number>();
  /** Node index + 1 by numeric id (0 = not seen); grows on demand up to DENSE_ID_LIMIT. */
  private dense = new Int32Array(1024);
  /** Nodes created only because an edge named them; removed if the file declares them later. */
  private readonly placeholders = new Set<number>();
  private duplicateNodes = 0;
  private firstDuplicate = '';
  private sources = new Int32Array(INITIAL_EDGES);
  private targets = new Int32Array(INITIAL_EDGES);
  private weights = new Float64Array(INITIAL_EDGES);
  private directions = new Uint8Array(INITIAL_EDGES);
  private directedEdges = 0;
  private edgeAttributes: Attributes[] | undefined;

  constructor(
    private readonly file: string,
    private readonly limits: ParseLimits,
  ) {}

  get nodeCount(): number {
    return this.nodeIds.length;
  }

  /** Declares a node (or finds it again when the id repeats) and returns its index. */
  addNode(id: string): number {
    const existing = this.lookup(id);
    if (existing !== undefined) {
      if (this.placeholders.has(existing)) {
        this.placeholders.delete(existing);
      } else {
        if (this.duplicateNodes === 0) this.firstDuplicate = id;
        this.duplicateNodes++;
      }
      return existing;
    }
    return this.createNode(id);
  }

  /** The index of an edge endpoint; an id never declared becomes a node (lenient reading). */
  nodeRef(id: string): number {
    const existing = this.lookup(id);
    if (existing !== undefined) return existing;
    const created = this.createNode(id);
    this.placeholders.add(created);
    return created;
  }

  addEdge(source: number, target: number, weight: number, directed: boolean): number {
    const edge = this.edgeCount;
    if (edge >= this.limits.maxEdges) {
      throw new DatasetError(
        this.file,
        `more than ${this.limits.maxEdges.toLocaleString('en')} edges: that is over this app's limit`,
      );
    }
    if (edge === this.sources.length) this.grow();
    this.sources[edge] = source;
    this.targets[edge] = target;
    this.weights[edge] = weight;
    if (directed) {
      this.directions[edge] = 1;
      this.directedEdges++;
    }
    this.edgeCount = edge + 1;
    return edge;
  }

  setEdgeWeight(edge: number, weight: number): void {
    this.weights[edge] = weight;
  }

  setEdgeAttributes(edge: number, attributes: Attributes): void {
    this.edgeAttributes ??= [];
    this.edgeAttributes[edge] = attributes;
  }

  /** Finishes the payload: trims the arrays (so a transfer moves no spare capacity) and words the repairs. */
  finish(name: string, format: InputFormat, graphAttributes: Attributes): DatasetPayload {
    const count = this.edgeCount;
    const mixed = this.directedEdges > 0 && this.directedEdges < count;
    const directed = count === 0 || mixed ? this.directed : this.directedEdges === count;
    const payload: DatasetPayload = {
      name,
      format,
      directed,
      nodeIds: this.nodeIds,
      nodeAttributes: this.nodeAttributes,
      edgeSources: this.sources.slice(0, count),
      edgeTargets: this.targets.slice(0, count),
      edgeWeights: this.weights.slice(0, count),
      graphAttributes,
      warnings: [...this.repairWarnings(), ...this.warnings],
    };
    if (mixed) payload.edgeDirected = this.directions.slice(0, count);
    if (this.edgeAttributes) {
      const table = this.edgeAttributes;
      table.length = count;
      // Holes are edges without attributes: the payload promises one entry per edge.
      for (let e = 0; e < count; e++) table[e] ??= newAttributes();
      payload.edgeAttributes = table;
    }
    return payload;
  }

  private createNode(id: string): number {
    const node = this.nodeIds.length;
    if (node >= this.limits.maxNodes) {
      throw new DatasetError(
        this.file,
        `more than ${this.limits.maxNodes.toLocaleString('en')} nodes: that is over this app's limit`,
      );
    }
    const numeric = numericId(id);
    if (numeric === -1) this.index.set(id, node);
    else {
      if (numeric >= this.dense.length) this.growDense(numeric);
      this.dense[numeric] = node + 1;
    }
    this.nodeIds.push(id);
    this.nodeAttributes.push(newAttributes());
    return node;
  }

  private lookup(id: string): number | undefined {
    const numeric = numericId(id);
    if (numeric === -1) return this.index.get(id);
    const stored = numeric < this.dense.length ? this.dense[numeric] : 0;
    return stored === 0 ? undefined : stored - 1;
  }

  private growDense(atLeast: number): void {
    let size = this.dense.length;
    while (size <= atLeast) size *= 2;
    const dense = new Int32Array(Math.min(size, DENSE_ID_LIMIT));
    dense.set(this.dense);
    this.dense = dense;
  }

  private grow(): void {
    const size = this.sources.length * 2;
    const sources = new Int32Array(size);
    sources.set(this.sources);
    this.sources = sources;
    const targets = new Int32Array(size);
    targets.set(this.targets);
    this.targets = targets;
    const weights = new Float64Array(size);
    weights.set(this.weights);
    this.weights = weights;
    const directions = new Uint8Array(size);
    directions.set(this.directions);
    this.directions = directions;
  }

  private repairWarnings(): string[] {
    const warnings: string[] = [];
    if (this.placeholders.size > 0 && !this.nodesFromEdges) {
      const examples = [...this.placeholders].slice(0, 5).map((n) => `"${this.nodeIds[n]}"`);
      const more = this.placeholders.size > 5 ? ', …' : '';
      warnings.push(
        `${this.placeholders.size} node(s) used by edges were never declared (${examples.join(', ')}${more}): added them.`,
      );
    }
    if (this.duplicateNodes > 0) {
      warnings.push(
        `${this.duplicateNodes} node(s) were declared more than once (first: "${this.firstDuplicate}"): merged them, later values win.`,
      );
    }
    if (this.nodeIds.length === 0) warnings.push('The file has no nodes: the graph is empty.');
    return warnings;
  }
}
