import type { Attributes } from './payload';

/**
 * Attribute tables are null-prototype objects so that keys such as `__proto__` or `constructor`
 * coming from a file are plain data and can never reach Object.prototype.
 */
export function newAttributes(): Attributes {
  return Object.create(null) as Attributes;
}

/** Keys with a fixed meaning in the payload (see payload.ts). */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['label', 'x', 'y', 'size', 'color']);

/**
 * The key under which a file's own column is stored: a GEXF attribute titled "size" must not
 * override the drawing size from `viz:size`, so it is kept apart as "size (data)".
 */
export function dataKey(key: string): string {
  return RESERVED_KEYS.has(key) ? `${key} (data)` : key;
}
