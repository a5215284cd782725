import { decodeText } from './bytes';
import { DatasetError } from './errors';
import { isGraphologySerialization, parseGraphologyJson } from './graphology-json';
import {
  cytoscapeElements,
  nodeLinkEdges,
  parseCytoscapeJson,
  parseNodeLinkJson,
} from './json-shapes';
import type { ParseLimits } from './limits';
import type { DatasetPayload } from './payload';

/** The JSON shapes we read, in words, for the "unknown shape" message. */
export const UNDERSTOOD_JSON_SHAPES = [
  'graphology serialization: {"nodes": [{"key", "attributes"}], "edges": [{"source", "target", "attributes"}]}',
  'node-link (d3, NetworkX): {"nodes": [{"id", …}], "links" or "edges": [{"source", "target", …} or [source, target]]}',
  'Cytoscape: {"elements": {"nodes": [{"data": {"id"}}], "edges": [{"data": {"source", "target"}}]}}',
];

function lineAndColumn(text: string, position: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${position - lineStart + 1}`;
}

/**
 * JSON.parse with errors a person can act on. V8's parser is iterative, so deep nesting ends in a
 * SyntaxError rather than a stack overflow; a RangeError is still caught in case another engine
 * recurses.
 */
export function parseJsonText(bytes: Uint8Array, file: string): unknown {
  const text = decodeText(bytes);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (error instanceof RangeError) {
      throw new DatasetError(file, 'the JSON is nested too deeply to read');
    }
    // V8 quotes a window of the input ('"{ …" is not valid JSON'): noise in a message for people.
    const message = (error instanceof Error ? error.message : String(error)).replace(
      /, "[\s\S]* is not valid JSON$/,
      '',
    );
    const position = /position (\d+)/.exec(message);
    const where = position ? lineAndColumn(text, Number(position[1])) : undefined;
    throw new DatasetError(file, `not valid JSON (${message})`, where);
  }
}

/** A short description of a JSON value's shape: what we found, for the error message. */
export function describeShape(data: unknown, nested = false): string {
  if (Array.isArray(data)) {
    const first: unknown = data[0];
    const detail =
      first === undefined || nested ? '' : `, the first being ${describeShape(first, true)}`;
    return `a JSON array of ${data.length} item(s)${detail}`;
  }
  if (data === null || typeof data !== 'object')
    return `a single ${data === null ? 'null' : typeof data}`;
  const keys = Object.keys(data);
  if (keys.length === 0) return 'an empty JSON object';
  const shown = keys.slice(0, 8).map((k) => `"${k}"`);
  return `an object with keys ${shown.join(', ')}${keys.length > 8 ? ', …' : ''}`;
}

export function unknownShapeError(file: string, data: unknown, detail?: string): DatasetError {
  return new DatasetError(
    file,
    `unknown JSON shape: found ${describeShape(data)}${detail ? ` (${detail})` : ''}. ` +
      `Understood JSON shapes: ${UNDERSTOOD_JSON_SHAPES.join('; ')}`,
  );
}

/** Parses a JSON network file, dispatching on its shape. */
export function parseJsonDataset(
  bytes: Uint8Array,
  file: string,
  limits: ParseLimits,
): DatasetPayload {
  const data = parseJsonText(bytes, file);
  if (isGraphologySerialization(data)) return parseGraphologyJson(data, file, limits);
  if (nodeLinkEdges(data)) return parseNodeLinkJson(data as Record<string, unknown>, file, limits);
  if (cytoscapeElements(data))
    return parseCytoscapeJson(data as Record<string, unknown>, file, limits);
  throw unknownShapeError(file, data);
}
