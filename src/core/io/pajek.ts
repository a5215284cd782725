import { newAttributes } from './attributes';
import { PayloadBuilder } from './builder';
import { decodeText } from './bytes';
import { DatasetError } from './errors';
import type { ParseLimits } from './limits';
import type { DatasetPayload } from './payload';
import { parseNumber } from './values';

/** The section keywords that can open a Pajek file; sniffing uses the same list. */
export const PAJEK_START = /^\*(network|vertices|arcs|edges|arcslist|edgeslist|matrix)\b/i;

type Section =
  'none' | 'vertices' | 'arcs' | 'edges' | 'arcslist' | 'edgeslist' | 'matrix' | 'other';

/**
 * Splits a line on blanks, keeping double-quoted labels ("Jean Valjean") whole. Pajek has no
 * escape for a quote inside a label, so a quote simply runs to the next one.
 */
export function pajekTokens(line: string): string[] {
  if (!line.includes('"')) return line.trim().split(/\s+/);
  const tokens: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
    if (i >= line.length) break;
    if (line[i] === '"') {
      const close = line.indexOf('"', i + 1);
      const end = close === -1 ? line.length : close;
      tokens.push(line.slice(i + 1, end));
      i = end + 1;
    } else {
      let end = i;
      while (end < line.length && line[end] !== ' ' && line[end] !== '\t') end++;
      tokens.push(line.slice(i, end));
      i = end;
    }
  }
  return tokens;
}

/**
 * Reads Pajek `.net` files: `*Vertices n` with labels and optional coordinates, `*Arcs` (directed),
 * `*Edges` (undirected), `*Arcslist`/`*Edgeslist` (one source, many targets a line) and `*Matrix`.
 * Vertices are numbered 1..n and edges refer to them by number, so node ids are those numbers and
 * the labels become `label` attributes.
 */
class PajekReader {
  readonly builder: PayloadBuilder;
  private section: Section = 'none';
  private vertexCount = -1;
  private lineNumber = 0;
  private matrixRow = 0;
  private readonly ignoredSections = new Set<string>();
  private readonly graphAttributes = newAttributes();

  constructor(
    private readonly file: string,
    private readonly limits: ParseLimits,
  ) {
    this.builder = new PayloadBuilder(file, limits);
  }

  read(text: string): DatasetPayload {
    const lines = text.split(/\r\n|\r|\n/);
    for (let i = 0; i < lines.length; i++) {
      this.lineNumber = i + 1;
      const line = lines[i].trim();
      // `%` starts a comment line in Pajek; blank lines separate nothing.
      if (line === '' || line.charCodeAt(0) === 37) continue;
      if (line.charCodeAt(0) === 42 /* * */) this.openSection(line);
      else this.readLine(line);
    }
    this.closeMatrix();
    if (this.section === 'none') this.fail('no *Vertices, *Arcs or *Edges section');
    if (this.ignoredSections.size > 0) {
      this.builder.warnings.push(
        `Ignored section(s) ${[...this.ignoredSections].join(', ')}: only vertices, arcs, edges and matrices are read.`,
      );
    }
    return this.builder.finish(this.file, 'pajek', this.graphAttributes);
  }

  private fail(problem: string): never {
    throw new DatasetError(this.file, problem, `line ${this.lineNumber}`);
  }

  private closeMatrix(): void {
    if (this.section === 'matrix' && this.matrixRow < this.vertexCount) {
      this.fail(`the matrix has ${this.matrixRow} rows, expected ${this.vertexCount}`);
    }
  }

  private openSection(line: string): void {
    this.closeMatrix();
    const keyword = /^\*(\w+)/.exec(line)?.[1].toLowerCase() ?? '';
    switch (keyword) {
      case 'network':
        this.section = 'none';
        if (line.length > 9)
          this.graphAttributes.title = line.slice(9).trim().replace(/^"|"$/g, '');
        return;
      case 'vertices':
        return this.openVertices(line);
      case 'arcs':
      case 'edges':
      case 'arcslist':
      case 'edgeslist':
        // An edge section without vertices (some hand-written files): nodes come from edges.
        if (this.vertexCount === -1) this.builder.nodesFromEdges = true;
        // The first arcs or edges section sets the direction an empty graph reports.
        if (this.builder.edgeCount === 0) this.builder.directed = keyword.startsWith('arcs');
        this.section = keyword;
        return;
      case 'matrix':
        if (this.vertexCount === -1)
          this.fail('a *Matrix section needs a *Vertices line before it');
        this.builder.directed = true;
        this.section = 'matrix';
        this.matrixRow = 0;
        return;
      default:
        this.section = 'other';
        this.ignoredSections.add(`*${keyword}`);
    }
  }

  private openVertices(line: string): void {
    if (this.vertexCount !== -1) this.fail('a second *Vertices section');
    const count = Number(pajekTokens(line)[1]);
    if (!Number.isInteger(count) || count < 0) this.fail('expected "*Vertices n" with a count n');
    if (count > this.limits.maxNodes) {
      this.fail(
        `*Vertices announces ${count.toLocaleString('en')} nodes: over this app's limit of ${this.limits.maxNodes.toLocaleString('en')}`,
      );
    }
    this.vertexCount = count;
    // Pajek vertices exist whether or not a line describes them.
    for (let v = 1; v <= count; v++) this.builder.addNode(String(v));
    this.section = 'vertices';
  }

  private readLine(line: string): void {
    switch (this.section) {
      case 'vertices':
        return this.readVertex(pajekTokens(line));
      case 'arcs':
      case 'edges':
        return this.readEdge(pajekTokens(line), this.section === 'arcs');
      case 'arcslist':
      case 'edgeslist':
        return this.readList(pajekTokens(line), this.section === 'arcslist');
      case 'matrix':
        return this.readMatrixRow(pajekTokens(line));
      case 'other':
        return;
      case 'none':
        this.fail('data before any *Vertices, *Arcs or *Edges line');
    }
  }

  private vertexIndex(token: string): number {
    const number = Number(token);
    if (!Number.isInteger(number) || number < 1 || number > this.vertexCount) {
      this.fail(`"${token.slice(0, 30)}" is not a vertex number between 1 and ${this.vertexCount}`);
    }
    return number - 1;
  }

  private readVertex(tokens: string[]): void {
    const attributes = this.builder.nodeAttributes[this.vertexIndex(tokens[0])];
    if (tokens.length > 1) attributes.label = tokens[1];
    const x = tokens.length > 2 ? parseNumber(tokens[2]) : undefined;
    const y = tokens.length > 3 ? parseNumber(tokens[3]) : undefined;
    if (x !== undefined && y !== undefined && Number.isFinite(x) && Number.isFinite(y)) {
      attributes.x = x;
      attributes.y = y;
    }
  }

  /** An endpoint: a vertex number, or (lenient, as NetworkX reads it) an id never declared. */
  private endpoint(token: string): number {
    const number = Number(token);
    if (
      this.vertexCount !== -1 &&
      Number.isInteger(number) &&
      number >= 1 &&
      number <= this.vertexCount
    ) {
      return number - 1;
    }
    return this.builder.nodeRef(token);
  }

  private readEdge(tokens: string[], directed: boolean): void {
    if (tokens.length < 2) this.fail('expected "source target [weight]"');
    const weight = tokens.length > 2 ? parseNumber(tokens[2]) : 1;
    this.builder.addEdge(
      this.endpoint(tokens[0]),
      this.endpoint(tokens[1]),
      weight === undefined || Number.isNaN(weight) ? 1 : weight,
      directed,
    );
  }

  private readList(tokens: string[], directed: boolean): void {
    const source = this.endpoint(tokens[0]);
    for (let t = 1; t < tokens.length; t++) {
      this.builder.addEdge(source, this.endpoint(tokens[t]), 1, directed);
    }
  }

  private readMatrixRow(tokens: string[]): void {
    if (this.matrixRow >= this.vertexCount)
      this.fail(`the matrix has more than ${this.vertexCount} rows`);
    if (tokens.length !== this.vertexCount) {
      this.fail(`a matrix row has ${tokens.length} values, expected ${this.vertexCount}`);
    }
    const row = this.matrixRow++;
    for (let column = 0; column < tokens.length; column++) {
      const value = parseNumber(tokens[column]);
      if (value === undefined || Number.isNaN(value)) {
        this.fail(`matrix value "${tokens[column].slice(0, 30)}" is not a number`);
      }
      if (value !== 0) this.builder.addEdge(row, column, value, true);
    }
  }
}

/** Parses a Pajek `.net` file (already decompressed). Throws DatasetError naming the file. */
export function parsePajek(bytes: Uint8Array, file: string, limits: ParseLimits): DatasetPayload {
  return new PajekReader(file, limits).read(decodeText(bytes));
}
