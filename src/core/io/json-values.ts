import { dataKey, newAttributes } from './attributes';
import { normalizeColor } from './color';
import type { AttributeValue, Attributes } from './payload';

function isPlainList(value: unknown[]): value is string[] | number[] | boolean[] {
  if (value.length === 0) return true;
  const type = typeof value[0];
  if (type !== 'string' && type !== 'number' && type !== 'boolean') return false;
  return value.every((item) => typeof item === type);
}

/**
 * Turns one JSON value into an attribute value. Nested objects and mixed arrays have no place in
 * the payload's flat types: they are kept as their JSON text so nothing is lost.
 */
export function toAttributeValue(value: unknown): AttributeValue | undefined {
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return value;
    case 'object':
      if (value === null) return null;
      if (Array.isArray(value) && isPlainList(value)) return value;
      return JSON.stringify(value);
    default:
      return undefined;
  }
}

function toNumber(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

/**
 * Copies a JSON attribute object into `target`, enforcing the reserved keys' types: label is text,
 * x/y/size are finite numbers, color is `#rrggbb` when it can be. A reserved key with a value of
 * the wrong type is kept under "key (data)" rather than dropped.
 */
export function copyJsonAttributes(
  source: unknown,
  target: Attributes = newAttributes(),
): Attributes {
  if (source === null || typeof source !== 'object' || Array.isArray(source)) return target;
  const record = source as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const raw = record[key];
    switch (key) {
      case 'label':
        if (typeof raw === 'string' || typeof raw === 'number') {
          target.label = String(raw);
          continue;
        }
        break;
      case 'x':
      case 'y':
      case 'size': {
        const number = toNumber(raw);
        if (number !== undefined) {
          target[key] = number;
          continue;
        }
        break;
      }
      case 'color':
        if (typeof raw === 'string') {
          target.color = normalizeColor(raw);
          continue;
        }
        break;
      default: {
        const value = toAttributeValue(raw);
        if (value !== undefined) target[key] = value;
        continue;
      }
    }
    if (raw === undefined || raw === null) continue;
    const value = toAttributeValue(raw);
    if (value !== undefined) target[dataKey(key)] = value;
  }
  return target;
}
