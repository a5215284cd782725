import type { DatasetPayload } from '../io/payload';
import { normalizeCity } from './city';

/** A categorical node attribute (class, gender, city…) and who belongs to which value. */
export interface Grouping {
  attribute: string;
  /** Distinct values, most members first. */
  values: string[];
  counts: number[];
  /** Per node, index into `values`; -1 when the node has no value. */
  groupOfNode: Int32Array;
}

const MAX_GROUPS = 50;

/**
 * The attributes worth grouping by: string (or boolean) values shared by several nodes, with between
 * 2 and 50 distinct values. Ids, labels and free text are left out by that rule on their own.
 */
export function findGroupings(payload: DatasetPayload): Grouping[] {
  const n = payload.nodeIds.length;
  const names = new Set<string>();
  for (const attributes of payload.nodeAttributes)
    for (const key of Object.keys(attributes)) names.add(key);
  const groupings: Grouping[] = [];
  for (const attribute of names) {
    if (['label', 'x', 'y', 'size', 'color', 'origin'].includes(attribute)) continue;
    const counts = new Map<string, number>();
    let usable = true;
    for (let i = 0; i < n && usable; i++) {
      const value = payload.nodeAttributes[i][attribute];
      if (value === undefined || value === null || value === '') continue;
      if (typeof value !== 'string' && typeof value !== 'boolean') usable = false;
      else counts.set(String(value), (counts.get(String(value)) ?? 0) + 1);
      if (counts.size > MAX_GROUPS) usable = false;
    }
    if (!usable || counts.size < 2) continue;
    const values = [...counts.keys()].sort(
      (a, b) => counts.get(b)! - counts.get(a)! || a.localeCompare(b),
    );
    const position = new Map(values.map((v, i) => [v, i]));
    const groupOfNode = new Int32Array(n).fill(-1);
    for (let i = 0; i < n; i++) {
      const value = payload.nodeAttributes[i][attribute];
      if (value !== undefined && value !== null && value !== '')
        groupOfNode[i] = position.get(String(value)) ?? -1;
    }
    groupings.push({ attribute, values, counts: values.map((v) => counts.get(v)!), groupOfNode });
  }
  return [...groupings, ...derivedGroupings(payload, names, groupings)];
}

/** Places and servers have many values: only groups of at least two, the largest 200. */
const MANY_VALUES = { minMembers: 2, maxGroups: 200 };

/**
 * Groups the file does not spell out: a city read from free-text `location` (posts datasets), and
 * a Mastodon `instance` even when there are more than 50 servers (the plain rule would drop it).
 */
function derivedGroupings(
  payload: DatasetPayload,
  names: Set<string>,
  found: Grouping[],
): Grouping[] {
  const derived: Grouping[] = [];
  const text = (i: number, key: string) => {
    const value = payload.nodeAttributes[i][key];
    return typeof value === 'string' ? value : null;
  };
  if (names.has('location') && !names.has('city')) {
    const cities = payload.nodeAttributes.map((_, i) => normalizeCity(text(i, 'location')));
    const city = groupingFromValues(
      'city',
      cities.map((c) => c?.key ?? null),
      MANY_VALUES,
      (key, members) => mostCommon(members.map((i) => cities[i]!.name)) ?? key,
    );
    if (city) derived.push(city);
  }
  if (names.has('instance') && !found.some((g) => g.attribute === 'instance')) {
    const instance = groupingFromValues(
      'instance',
      payload.nodeAttributes.map((_, i) => text(i, 'instance')?.toLowerCase() ?? null),
      MANY_VALUES,
    );
    if (instance) derived.push(instance);
  }
  return derived;
}

/**
 * A grouping from one key per node (null: no value). Groups smaller than `minMembers` and beyond the
 * `maxGroups` largest leave their members ungrouped (-1). `nameOf` names a group from its members.
 */
export function groupingFromValues(
  attribute: string,
  keys: (string | null)[],
  { minMembers = 1, maxGroups = Infinity } = {},
  nameOf: (key: string, members: number[]) => string = (key) => key,
): Grouping | null {
  const members = new Map<string, number[]>();
  keys.forEach((key, i) => {
    if (key === null) return;
    const list = members.get(key);
    if (list) list.push(i);
    else members.set(key, [i]);
  });
  const kept = [...members.entries()]
    .filter(([, list]) => list.length >= minMembers)
    .sort(([a, x], [b, y]) => y.length - x.length || a.localeCompare(b))
    .slice(0, maxGroups);
  if (kept.length < 2) return null;
  const groupOfNode = new Int32Array(keys.length).fill(-1);
  kept.forEach(([, list], g) => {
    for (const i of list) groupOfNode[i] = g;
  });
  // Two keys may read the same ("Rome" and "Roma" are one key, but two spellings could still meet).
  const seen = new Set<string>();
  const values = kept.map(([key, list]) => {
    const name = nameOf(key, list);
    const unique = seen.has(name) ? `${name} (${key})` : name;
    seen.add(unique);
    return unique;
  });
  return {
    attribute,
    values,
    counts: kept.map(([, list]) => list.length),
    groupOfNode,
  };
}

function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  let best: string | undefined;
  for (const value of values) {
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    if (best === undefined || count > counts.get(best)!) best = value;
  }
  return best;
}
