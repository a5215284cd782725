import type { DatasetPayload } from '../io/payload';

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
  return groupings;
}
