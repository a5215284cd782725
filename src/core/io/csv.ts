import { dataKey } from './attributes';
import { PayloadBuilder } from './builder';
import { decodeText } from './bytes';
import { normalizeColor } from './color';
import { CsvReader, CsvSyntaxError, detectDelimiter } from './csv-reader';
import { DatasetError } from './errors';
import type { ParseLimits } from './limits';
import { matrixLabels, readAdjacencyMatrix } from './matrix';
import type { Attributes, DatasetPayload } from './payload';
import { parseBoolean, parseNumber } from './values';

const SOURCE_NAMES = new Set(['source', 'from', 'src', 'sender', 'node1', 'source id']);
const TARGET_NAMES = new Set(['target', 'to', 'dst', 'receiver', 'node2', 'target id']);
const HEADER_HINT =
  'if the first line is a header, name its columns Source and Target (edges) or Id (nodes)';
const ID_NAMES = new Set(['id', 'node', 'nodes', 'key']);

/** Gephi's interval syntax in a cell, `<[start, end, value]; …>`: the first interval's value. */
const INTERVAL = /^<\s*\[([^\]]*)\]/;

// "007" or "01234" are codes (postcodes, student numbers), not numbers: keep them as text.
const LEADING_ZERO = /^\s*[+-]?0\d/;

/** Columns whose every non-empty cell is a number (or a boolean) become that type, as spreadsheets do. */
function inferColumnTypes(tables: Attributes[], keys: Iterable<string>): void {
  for (const key of keys) {
    let numbers = true;
    let booleans = true;
    for (const table of tables) {
      const value = table[key];
      if (typeof value !== 'string') continue;
      if (numbers && (parseNumber(value) === undefined || LEADING_ZERO.test(value)))
        numbers = false;
      if (booleans && parseBoolean(value) === undefined) booleans = false;
      if (!numbers && !booleans) break;
    }
    if (!numbers && !booleans) continue;
    // "0"/"1" columns read as numbers: counts are commoner than flags written as digits.
    const convert = numbers ? parseNumber : parseBoolean;
    for (const table of tables) {
      const value = table[key];
      if (typeof value === 'string') table[key] = convert(value) as number | boolean;
    }
  }
}

/** What a delimited file turned out to be; joining two files (tables.ts) needs to know. */
export type TableKind = 'nodes' | 'edges' | 'edge-list' | 'matrix';

export interface DelimitedTable {
  kind: TableKind;
  payload: DatasetPayload;
}

/** Rows read ahead while deciding what the table is, handed out again before new ones. */
const LOOKAHEAD_ROWS = 3;

class CsvTableReader {
  readonly builder: PayloadBuilder;
  private readonly reader: CsvReader;
  private readonly pending: { row: string[]; line: number }[] = [];
  /** The line where the row returned last began (the reader is ahead of it while peeking). */
  private line = 0;
  private badWeights = 0;
  private timedWeights = 0;
  private longRows = 0;

  constructor(
    private readonly file: string,
    text: string,
    limits: ParseLimits,
  ) {
    this.builder = new PayloadBuilder(file, limits);
    this.builder.nodesFromEdges = true;
    this.reader = new CsvReader(text, detectDelimiter(text));
  }

  read(): DelimitedTable {
    const first = this.next();
    if (!first) throw new DatasetError(this.file, 'the file has no rows');
    const header = first.map((name) => name.trim());
    const lower = header.map((name) => name.toLowerCase());
    const source = lower.findIndex((name) => SOURCE_NAMES.has(name));
    const target = lower.findIndex((name) => TARGET_NAMES.has(name));
    if (source !== -1 && target !== -1) {
      return { kind: 'edges', payload: this.readEdgeTable(header, lower, source, target) };
    }
    while (this.pending.length < LOOKAHEAD_ROWS) {
      const row = this.readRow();
      if (!row) break;
      this.pending.push({ row, line: this.reader.line });
    }
    const labels = matrixLabels(
      first,
      this.pending.map((p) => p.row),
    );
    if (labels) {
      readAdjacencyMatrix(
        labels,
        { next: () => this.next(), fail: (p) => this.fail(p) },
        this.builder,
      );
      this.builder.nodesFromEdges = false;
      return { kind: 'matrix', payload: this.finish('adjacency-matrix') };
    }
    const id = lower.findIndex((name) => ID_NAMES.has(name));
    if (id !== -1) return { kind: 'nodes', payload: this.readNodeTable(header, lower, id) };
    return { kind: 'edge-list', payload: this.readEdgeList(first) };
  }

  private next(): string[] | null {
    const pending = this.pending.shift();
    if (pending) {
      this.line = pending.line;
      return pending.row;
    }
    const row = this.readRow();
    this.line = this.reader.line;
    return row;
  }

  /** The next row from the file itself, past any read-ahead. */
  private readRow(): string[] | null {
    try {
      return this.reader.next();
    } catch (error) {
      if (error instanceof CsvSyntaxError)
        throw new DatasetError(this.file, error.message, `line ${error.line}`);
      throw error;
    }
  }

  private fail(problem: string): never {
    throw new DatasetError(this.file, problem, `line ${this.line}`);
  }

  private weight(cell: string): number {
    const interval = INTERVAL.exec(cell.trim());
    const text = interval ? (interval[1].split(',')[2] ?? '') : cell;
    if (interval) this.timedWeights++;
    const value = parseNumber(text);
    if (value === undefined || Number.isNaN(value)) {
      this.badWeights++;
      return 1;
    }
    return value;
  }

  /** Headerless "source target [weight] [more numbers]" lines: SNAP, Pajek-less exports, "i j" pairs. */
  private readEdgeList(first: string[]): DatasetPayload {
    const comments = this.reader.comments.join('\n');
    this.builder.directed = !/\bundirected\b/i.test(comments);
    for (let row: string[] | null = first; row; row = this.next()) {
      if (row.length < 2)
        this.fail(`expected at least two columns, source and target (${HEADER_HINT})`);
      for (let c = 2; c < row.length; c++) {
        if (parseNumber(row[c]) === undefined) {
          this.fail(
            `column ${c + 1} ("${row[c].slice(0, 30)}") is not a number: a headerless edge list has source, target and optional number columns (${HEADER_HINT})`,
          );
        }
      }
      const edge = this.builder.addEdge(
        this.builder.nodeRef(row[0].trim()),
        this.builder.nodeRef(row[1].trim()),
        row.length > 2 ? this.weight(row[2]) : 1,
        this.builder.directed,
      );
      if (row.length > 3) {
        const attributes = Object.create(null) as Attributes;
        for (let c = 3; c < row.length; c++)
          attributes[`column ${c + 1}`] = parseNumber(row[c]) as number;
        this.builder.setEdgeAttributes(edge, attributes);
      }
    }
    return this.finish('edge-list');
  }

  private readEdgeTable(
    header: string[],
    lower: string[],
    source: number,
    target: number,
  ): DatasetPayload {
    const type = lower.indexOf('type');
    const weight = lower.indexOf('weight');
    const skip = new Set([source, target, type, weight, lower.indexOf('id')]);
    // Gephi's default for edge tables without a Type column is directed.
    this.builder.directed = true;
    const tables: Attributes[] = [];
    for (let row = this.next(); row; row = this.next()) {
      if (row.length > header.length) this.longRows++;
      const from = (row[source] ?? '').trim();
      const to = (row[target] ?? '').trim();
      if (from === '' || to === '') this.fail('a row has no source or no target');
      const kind = type === -1 ? '' : (row[type] ?? '').trim().toLowerCase();
      const edge = this.builder.addEdge(
        this.builder.nodeRef(from),
        this.builder.nodeRef(to),
        weight === -1 || !row[weight] ? 1 : this.weight(row[weight]),
        kind === 'undirected' ? false : true,
      );
      const attributes = this.rowAttributes(row, header, lower, skip, false);
      if (attributes) {
        this.builder.setEdgeAttributes(edge, attributes);
        tables.push(attributes);
      }
    }
    inferColumnTypes(tables, this.dataKeys(header, lower, skip));
    return this.finish('csv');
  }

  private readNodeTable(header: string[], lower: string[], id: number): DatasetPayload {
    const skip = new Set([id]);
    for (let row = this.next(); row; row = this.next()) {
      if (row.length > header.length) this.longRows++;
      const nodeId = (row[id] ?? '').trim();
      if (nodeId === '') this.fail('a row has no id');
      const node = this.builder.addNode(nodeId);
      this.rowAttributes(row, header, lower, skip, true, this.builder.nodeAttributes[node]);
    }
    inferColumnTypes(this.builder.nodeAttributes, this.dataKeys(header, lower, skip));
    return this.finish('csv');
  }

  /** Keys of the file's own columns (not the reserved ones), for type inference. */
  private dataKeys(header: string[], lower: string[], skip: Set<number>): string[] {
    return header
      .filter((_, c) => !skip.has(c) && !['label', 'x', 'y', 'size', 'color'].includes(lower[c]))
      .map(dataKey);
  }

  private rowAttributes(
    row: string[],
    header: string[],
    lower: string[],
    skip: Set<number>,
    isNode: boolean,
    into?: Attributes,
  ): Attributes | undefined {
    let attributes = into;
    for (let c = 0; c < header.length; c++) {
      const cell = row[c];
      if (skip.has(c) || cell === undefined || cell === '') continue;
      attributes ??= Object.create(null) as Attributes;
      const name = lower[c];
      if (name === 'label') attributes.label = cell;
      else if (name === 'color') attributes.color = normalizeColor(cell);
      else if (
        isNode &&
        (name === 'x' || name === 'y' || name === 'size') &&
        parseNumber(cell) !== undefined
      ) {
        attributes[name] = parseNumber(cell) as number;
      } else attributes[dataKey(header[c])] = cell;
    }
    return attributes;
  }

  private finish(format: 'csv' | 'edge-list' | 'adjacency-matrix'): DatasetPayload {
    const warnings = this.builder.warnings;
    if (this.timedWeights > 0) {
      warnings.push(
        `${this.timedWeights} weight(s) were given over time (<[start, end, value]>): kept the first value.`,
      );
    }
    if (this.badWeights > 0)
      warnings.push(`${this.badWeights} weight(s) were not numbers: used 1 instead.`);
    if (this.longRows > 0)
      warnings.push(
        `${this.longRows} row(s) had more fields than the header: ignored the extra fields.`,
      );
    return this.builder.finish(this.file, format, Object.create(null) as Attributes);
  }
}

/**
 * Parses a CSV node or edge table, a labelled adjacency matrix, or a headerless edge list, and says
 * which it was. Throws DatasetError naming the file.
 */
export function readDelimited(
  bytes: Uint8Array,
  file: string,
  limits: ParseLimits,
): DelimitedTable {
  return new CsvTableReader(file, decodeText(bytes), limits).read();
}

export function parseDelimited(
  bytes: Uint8Array,
  file: string,
  limits: ParseLimits,
): DatasetPayload {
  return readDelimited(bytes, file, limits).payload;
}
