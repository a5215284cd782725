import { newAttributes } from './attributes';
import { PayloadBuilder } from './builder';
import { DatasetError } from './errors';
import { formatBytes, resolveLimits, type ParseLimits } from './limits';
import { parseDataset, parseFile, type ParsedFile } from './parse';
import type { DatasetPayload } from './payload';

export interface DroppedFile {
  bytes: Uint8Array;
  name: string;
}

const TWO_TABLES_HINT =
  'open one network file, or a node table (columns Id, Label, …) and an edge table (columns Source, Target, …) together';

const KIND_WORDS: Record<ParsedFile['kind'], string> = {
  nodes: 'a node table',
  edges: 'an edge table',
  'edge-list': 'an edge list',
  matrix: 'an adjacency matrix',
  network: 'a network file',
};

function describe(file: DroppedFile, parsed: ParsedFile): string {
  const what =
    parsed.kind === 'network' ? `a ${parsed.payload.format} network file` : KIND_WORDS[parsed.kind];
  return `${file.name} is ${what}`;
}

/** Edges can come from an edge table, a headerless edge list or a matrix: all name their nodes. */
function hasEdges(kind: ParsedFile['kind']): boolean {
  return kind === 'edges' || kind === 'edge-list' || kind === 'matrix';
}

/**
 * Joins a node table and an edge table the way Gephi's spreadsheet import does: the nodes (with
 * their attributes, in the node table's order) first, then every edge, matched to nodes by id.
 * Edges naming an id the node table lacks add that node, with a warning (the builder words it).
 */
function join(nodes: DatasetPayload, edges: DatasetPayload, limits: ParseLimits): DatasetPayload {
  const name = `${nodes.name} + ${edges.name}`;
  const builder = new PayloadBuilder(name, limits);
  builder.directed = edges.directed;
  for (let n = 0; n < nodes.nodeIds.length; n++) {
    const node = builder.addNode(nodes.nodeIds[n]);
    Object.assign(builder.nodeAttributes[node], nodes.nodeAttributes[n]);
  }
  const edgeNodes = edges.nodeIds.map((id) => builder.nodeRef(id));
  for (let e = 0; e < edges.edgeSources.length; e++) {
    const edge = builder.addEdge(
      edgeNodes[edges.edgeSources[e]],
      edgeNodes[edges.edgeTargets[e]],
      edges.edgeWeights[e],
      edges.edgeDirected ? edges.edgeDirected[e] === 1 : edges.directed,
    );
    const attributes = edges.edgeAttributes?.[e];
    if (attributes) builder.setEdgeAttributes(edge, attributes);
  }
  // The builder's own warnings (undeclared ids) come first; then each file's, naming the file.
  const fileWarnings = [nodes, edges].flatMap((p) =>
    p.warnings.filter((w) => !w.startsWith('The file has no nodes')).map((w) => `${p.name}: ${w}`),
  );
  const graphAttributes = newAttributes();
  Object.assign(graphAttributes, nodes.graphAttributes, edges.graphAttributes);
  const payload = builder.finish(name, 'csv', graphAttributes);
  payload.warnings.push(...fileWarnings);
  return payload;
}

/**
 * Reads what a person dropped or picked at once. One file is read as by `parseDataset`; two files
 * must be a node table and an edge table (CSV, in either order, told apart by their headers) and
 * are joined into one graph. Anything else is a DatasetError naming every file.
 */
export function parseDatasets(
  files: readonly DroppedFile[],
  limits?: Partial<ParseLimits>,
): DatasetPayload {
  if (files.length === 0)
    throw new DatasetError('(no file)', `nothing to open: ${TWO_TABLES_HINT}`);
  if (files.length === 1) return parseDataset(files[0].bytes, files[0].name, limits);
  const names = files.map((f) => f.name).join(' and ');
  if (files.length > 2) {
    throw new DatasetError(names, `${files.length} files at once: ${TWO_TABLES_HINT}`);
  }
  const resolved = resolveLimits(limits);
  const total = files[0].bytes.length + files[1].bytes.length;
  if (total > resolved.maxBytes) {
    throw new DatasetError(
      names,
      `the files hold ${formatBytes(total)} together, over the ${formatBytes(resolved.maxBytes)} limit`,
    );
  }
  // Each file's own problems are its own DatasetError, naming that file.
  const parsed = files.map((file) => parseFile(file.bytes, file.name, resolved));
  const nodeAt = parsed.findIndex((p) => p.kind === 'nodes');
  const edgeAt = nodeAt === -1 ? -1 : 1 - nodeAt;
  if (nodeAt === -1 || !hasEdges(parsed[edgeAt].kind)) {
    const found = files.map((file, i) => describe(file, parsed[i])).join(', ');
    throw new DatasetError(names, `${found}: ${TWO_TABLES_HINT}`);
  }
  return join(parsed[nodeAt].payload, parsed[edgeAt].payload, resolved);
}
