import type { AttributeValue, Attributes, DatasetPayload } from '../io/payload';

/**
 * What the exporters need of a graph: a DatasetPayload has all of it, and so has anything shaped
 * like one (a filtered view, a graph rebuilt from the app's state).
 */
export type ExportGraph = Pick<
  DatasetPayload,
  'directed' | 'nodeIds' | 'nodeAttributes' | 'edgeSources' | 'edgeTargets' | 'edgeWeights'
> &
  Partial<Pick<DatasetPayload, 'name' | 'edgeDirected' | 'edgeAttributes' | 'graphAttributes'>>;

/** What the app adds to a graph on export: where each node is drawn, its colour, when it adopted. */
export interface ExportExtras {
  /** x, y per node, interleaved (the layout's array); overrides the file's coordinates. */
  positions?: Float32Array | null;
  /** A `#rrggbb` colour per node (the spread's palette); overrides the file's colours. */
  colors?: readonly (string | null | undefined)[] | null;
  /** Adoption time per node in `timeUnit`; NaN for people never reached. */
  adoptionTimes?: Float64Array | null;
  /** Units of `adoptionTimes`: simulated hours or epoch milliseconds (recorded datasets). */
  timeUnit?: 'hours' | 'epoch-ms';
}

/** The attribute key under which adoption times are written and read back. */
export const ADOPTION_TIME_KEY = 'adoption time';

/** Keys the payload gives a fixed meaning (see io/payload.ts); exporters write them natively. */
export const NODE_RESERVED = new Set(['label', 'x', 'y', 'size', 'color']);
export const EDGE_RESERVED = new Set(['label', 'color', 'thickness']);

export type ColumnType =
  | 'integer'
  | 'long'
  | 'double'
  | 'boolean'
  | 'string'
  | 'liststring'
  | 'listdouble'
  | 'listboolean';

export interface Column {
  key: string;
  type: ColumnType;
}

function valueType(value: AttributeValue): ColumnType | null {
  if (value === null) return null;
  switch (typeof value) {
    case 'number':
      if (!Number.isInteger(value)) return 'double';
      return Math.abs(value) < 2 ** 31
        ? 'integer'
        : Number.isSafeInteger(value)
          ? 'long'
          : 'double';
    case 'boolean':
      return 'boolean';
    case 'string':
      return 'string';
  }
  if (value.length === 0) return 'liststring';
  const item = typeof value[0];
  return item === 'number' ? 'listdouble' : item === 'boolean' ? 'listboolean' : 'liststring';
}

const NUMBER_RANK: Partial<Record<ColumnType, number>> = { integer: 0, long: 1, double: 2 };

/** The narrowest type that holds both: integers widen to long and double; anything else to string. */
function widen(a: ColumnType, b: ColumnType): ColumnType {
  if (a === b) return a;
  const ra = NUMBER_RANK[a];
  const rb = NUMBER_RANK[b];
  if (ra !== undefined && rb !== undefined) return ra > rb ? a : b;
  // An empty list was typed liststring; a typed list in the same column wins.
  if (a === 'liststring' && b.startsWith('list')) return b;
  if (b === 'liststring' && a.startsWith('list')) return a;
  return 'string';
}

/**
 * The columns of a set of attribute tables, in first-seen order, each with one declared type that
 * holds every value (GEXF and Gephi want one type per column). Keys in `skip` are left out.
 */
export function columnsOf(tables: readonly Attributes[], skip: ReadonlySet<string>): Column[] {
  const types = new Map<string, ColumnType | null>();
  for (const table of tables) {
    for (const key of Object.keys(table)) {
      if (skip.has(key)) continue;
      const type = valueType(table[key]);
      const known = types.get(key);
      if (known === undefined || known === null) types.set(key, type);
      else if (type !== null) types.set(key, widen(known, type));
    }
  }
  return [...types].map(([key, type]) => ({ key, type: type ?? 'string' }));
}

/** Whether an edge is directed: per edge in a mixed graph, else the graph's direction. */
export function edgeIsDirected(graph: ExportGraph, edge: number): boolean {
  return graph.edgeDirected ? graph.edgeDirected[edge] === 1 : graph.directed;
}

/** The node's position: the layout's when given and finite, else the file's, else none. */
export function positionOf(
  graph: ExportGraph,
  extras: ExportExtras,
  node: number,
): [number, number] | null {
  const xy = extras.positions;
  if (xy && xy.length >= 2 * (node + 1)) {
    const x = xy[2 * node];
    const y = xy[2 * node + 1];
    if (Number.isFinite(x) && Number.isFinite(y)) return [x, y];
  }
  const { x, y } = graph.nodeAttributes[node];
  return typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y)
    ? [x, y]
    : null;
}

export function colorOf(graph: ExportGraph, extras: ExportExtras, node: number): string | null {
  const given = extras.colors?.[node];
  if (typeof given === 'string' && given !== '') return given;
  const own = graph.nodeAttributes[node].color;
  return typeof own === 'string' && own !== '' ? own : null;
}

/** The adoption time of a node, or null when it was never reached (or no times were given). */
export function adoptionOf(extras: ExportExtras, node: number): number | null {
  const times = extras.adoptionTimes;
  if (!times || node >= times.length) return null;
  const time = times[node];
  return Number.isNaN(time) ? null : time;
}
