import type { AttributeValue } from './payload';

/**
 * Typed attribute values shared by the XML formats (GEXF and GraphML declare a type per column).
 * A value that does not fit its declared type is reported as `undefined` so the caller can keep
 * the text and warn, rather than silently turning it into NaN.
 */
export type ValueKind =
  'number' | 'boolean' | 'string' | 'list-string' | 'list-number' | 'list-boolean';

const NUMBER_TYPES = new Set([
  'integer',
  'int',
  'long',
  'short',
  'byte',
  'float',
  'double',
  'biginteger',
  'bigdecimal',
  'number',
]);

/** Maps a declared type name (GEXF `type`, GraphML `attr.type`) to how its values are read. */
export function valueKind(typeName: string | undefined): ValueKind {
  const type = (typeName ?? 'string').trim().toLowerCase();
  if (NUMBER_TYPES.has(type)) return 'number';
  if (type === 'boolean') return 'boolean';
  if (type.startsWith('list')) {
    const item = type.slice(4);
    if (NUMBER_TYPES.has(item)) return 'list-number';
    if (item === 'boolean') return 'list-boolean';
    return 'list-string';
  }
  // graph-tool writes vector_float, vector_int… for list columns.
  if (type.startsWith('vector_')) {
    const item = type.slice(7);
    if (item === 'bool') return 'list-boolean';
    if (item === 'string') return 'list-string';
    return 'list-number';
  }
  return 'string';
}

// C99 hexadecimal floats (graph-tool writes them): 0x1.8p+3 = 12.
const HEX_FLOAT = /^([+-]?)0x([0-9a-f]*)(?:\.([0-9a-f]*))?p([+-]?\d+)$/i;

function parseHexFloat(text: string): number | undefined {
  const match = HEX_FLOAT.exec(text);
  if (!match || match[2] + (match[3] ?? '') === '') return undefined;
  const fraction = match[3] ?? '';
  const mantissa = parseInt(match[2] + fraction || '0', 16) / 16 ** fraction.length;
  const value = mantissa * 2 ** Number(match[4]);
  return match[1] === '-' ? -value : value;
}

/** A number, accepting the spellings Gephi and graph-tool write for infinities and NaN. */
export function parseNumber(raw: string): number | undefined {
  // Hot path (every coordinate and weight): Number() skips surrounding whitespace itself, but
  // reads a blank text as 0, which must not pass for a value.
  const value = Number(raw);
  if (value === value && (value !== 0 || raw.trim() !== '')) return value;
  const text = raw.trim();
  if (text === '') return undefined;
  switch (text.toLowerCase()) {
    case 'inf':
    case '+inf':
    case 'infinity':
    case '+infinity':
      return Infinity;
    case '-inf':
    case '-infinity':
      return -Infinity;
    case 'nan':
      return NaN;
  }
  return parseHexFloat(text);
}

export function parseBoolean(raw: string): boolean | undefined {
  const text = raw.trim().toLowerCase();
  if (text === 'true' || text === '1' || text === 'yes') return true;
  if (text === 'false' || text === '0' || text === 'no') return false;
  return undefined;
}

/** Reads one quoted item starting at `start` (the quote); returns the text and the index after it. */
function readQuoted(text: string, start: number): [string, number] {
  const quote = text[start];
  let out = '';
  let i = start + 1;
  while (i < text.length && text[i] !== quote) {
    if (text[i] === '\\' && i + 1 < text.length) i++;
    out += text[i];
    i++;
  }
  return [out, i + 1];
}

function splitItems(text: string, separator: string): string[] {
  const items: string[] = [];
  let i = 0;
  while (i <= text.length) {
    while (i < text.length && text[i] === ' ') i++;
    let item: string;
    if (text[i] === '"' || text[i] === "'") {
      [item, i] = readQuoted(text, i);
      const next = text.indexOf(separator, i);
      i = next === -1 ? text.length + 1 : next + 1;
    } else {
      const next = text.indexOf(separator, i);
      const end = next === -1 ? text.length : next;
      item = text.slice(i, end).trim();
      i = end + 1;
    }
    items.push(item);
  }
  return items;
}

/**
 * The list spellings found in the wild: `[a, b]`, `['a', "b"]`, `a|b|c`, `a,b,c`, and graph-tool's
 * `1, 2, 3`. An empty text or `[]` is an empty list.
 */
export function parseList(raw: string): string[] {
  let text = raw.trim();
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1).trim();
  if (text === '') return [];
  const separator = !text.includes(',') && text.includes('|') ? '|' : ',';
  return splitItems(text, separator);
}

/** Parses `raw` as `kind`; `undefined` means the text does not fit the declared type. */
export function parseTyped(kind: ValueKind, raw: string): AttributeValue | undefined {
  switch (kind) {
    case 'string':
      return raw;
    case 'number':
      return parseNumber(raw);
    case 'boolean':
      return parseBoolean(raw);
    case 'list-string':
      return parseList(raw);
    case 'list-number': {
      const items = parseList(raw).map(parseNumber);
      return items.every((n) => n !== undefined) ? (items as number[]) : undefined;
    }
    case 'list-boolean': {
      const items = parseList(raw).map(parseBoolean);
      return items.every((b) => b !== undefined) ? (items as boolean[]) : undefined;
    }
  }
}
