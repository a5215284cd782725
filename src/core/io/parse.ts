import { gunzipBounded } from './bytes';
import { DatasetError } from './errors';
import { readDelimited, type TableKind } from './csv';
import { parseGexf } from './gexf';
import { parseGraphml } from './graphml';
import { parseJsonDataset } from './json';
import { parsePajek } from './pajek';
import { formatBytes, resolveLimits, type ParseLimits } from './limits';
import type { DatasetPayload } from './payload';
import { sniff } from './sniff';
import { DOCTYPE_REFUSED } from './xml';

export const UNDERSTOOD_FORMATS =
  'GEXF (.gexf), GraphML (.graphml), JSON (graphology, node-link/d3, Cytoscape), CSV node/edge tables, edge lists (.csv, .txt, SNAP) and labelled adjacency matrices, Pajek (.net), optionally gzipped (.gz)';

/** gzip inside gzip happens (double-compressed downloads); deeper nesting is refused. */
const MAX_GZIP_LAYERS = 2;

/** A parsed file and, for delimited text, which kind of table it was (for joining two files). */
export interface ParsedFile {
  kind: TableKind | 'network';
  payload: DatasetPayload;
}

function network(payload: DatasetPayload): ParsedFile {
  return { kind: 'network', payload };
}

function route(bytes: Uint8Array, name: string, limits: ParseLimits, layer: number): ParsedFile {
  const sniffed = sniff(bytes);
  switch (sniffed.kind) {
    case 'gzip':
      if (layer >= MAX_GZIP_LAYERS) {
        throw new DatasetError(
          name,
          'gzip data nested more than twice: refusing to unpack further',
        );
      }
      return route(gunzipBounded(bytes, name, limits.maxBytes), name, limits, layer + 1);
    case 'empty':
      throw new DatasetError(name, 'the file is empty');
    case 'zip':
      throw new DatasetError(
        name,
        `this is a ZIP archive: unzip it and open the network file inside (${UNDERSTOOD_FORMATS})`,
      );
    case 'binary':
      throw new DatasetError(
        name,
        `the content is binary, not a network file; understood formats: ${UNDERSTOOD_FORMATS}`,
      );
    case 'json':
      return network(parseJsonDataset(bytes, name, limits));
    case 'xml':
      if (sniffed.doctype) throw new DatasetError(name, DOCTYPE_REFUSED);
      if (sniffed.root === 'gexf') return network(parseGexf(bytes, name, limits));
      if (sniffed.root === 'graphml') return network(parseGraphml(bytes, name, limits));
      throw new DatasetError(
        name,
        `an XML file whose root element is <${sniffed.root || '?'}>; understood formats: ${UNDERSTOOD_FORMATS}`,
      );
    case 'pajek':
      return network(parsePajek(bytes, name, limits));
    case 'text':
      return readDelimited(bytes, name, limits);
  }
}

/**
 * Reads a network file of any supported format into a payload. The format comes from the content
 * (the name is only used in messages); gzip is undone first. Every failure is a DatasetError that
 * names the file, so the caller has a single thing to catch and show.
 */
export function parseDataset(
  bytes: Uint8Array,
  name: string,
  limits?: Partial<ParseLimits>,
): DatasetPayload {
  return parseFile(bytes, name, limits).payload;
}

/** parseDataset, also saying what kind of table a delimited file was. */
export function parseFile(
  bytes: Uint8Array,
  name: string,
  limits?: Partial<ParseLimits>,
): ParsedFile {
  const resolved = resolveLimits(limits);
  if (bytes.length > resolved.maxBytes) {
    throw new DatasetError(
      name,
      `the file is ${formatBytes(bytes.length)}, over the ${formatBytes(resolved.maxBytes)} limit`,
    );
  }
  try {
    return route(bytes, name, resolved, 0);
  } catch (error) {
    if (error instanceof DatasetError) throw error;
    // A RangeError (a string too long, a stack too deep) or a bug: still the file's message, not a crash.
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new DatasetError(name, `could not be read (${reason})`);
  }
}
