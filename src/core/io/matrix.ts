import type { PayloadBuilder } from './builder';
import { parseNumber } from './values';

/**
 * Rows checked before deciding that a table is an adjacency matrix rather than an edge list: two
 * rows with the header's labels in order make the shape clear; a later mismatch is a broken matrix,
 * and is reported as such rather than as a puzzling edge list.
 */
const PEEK_ROWS = 2;

/**
 * The node labels when `header` and the rows after it look like a labelled square adjacency
 * matrix: the header row lists the labels (after an optional corner cell, which spreadsheets,
 * pandas and R leave blank or name), each row starts with the same label in the same order, and
 * the rest of each row is numbers. Otherwise null.
 *
 * A headerless "1 2 / 2 3" edge list could pass for a matrix with numeric labels, so a numeric
 * corner cell rules the matrix out, and so does a repeated label.
 */
export function matrixLabels(header: string[], rows: string[][]): string[] | null {
  if (rows.length === 0) return null;
  const width = rows[0].length;
  // Whitespace-separated files lose the empty corner cell: the header is one field shorter.
  const hasCorner = header.length === width;
  if (!hasCorner && header.length !== width - 1) return null;
  const labels = (hasCorner ? header.slice(1) : header).map((label) => label.trim());
  if (labels.length === 0) return null;
  if (hasCorner && parseNumber(header[0]) !== undefined) return null;
  if (new Set(labels).size !== labels.length) return null;
  // Rows beyond the labels are checked (and refused) while reading the matrix.
  const checked = Math.min(rows.length, labels.length, PEEK_ROWS);
  for (let r = 0; r < checked; r++) {
    const row = rows[r];
    if (row.length !== width || row[0].trim() !== labels[r]) return null;
    for (let c = 1; c < row.length; c++) {
      if (row[c].trim() !== '' && parseNumber(row[c]) === undefined) return null;
    }
  }
  return labels;
}

export interface MatrixRows {
  /** The next row, or null at the end. */
  next(): string[] | null;
  /** Throws a DatasetError naming the current line. */
  fail(problem: string): never;
}

/**
 * Reads the matrix body into `builder`: a non-zero cell (row i, column j) is an edge i → j weighted
 * by the cell. A symmetric matrix is an undirected graph (each pair once, from the upper triangle
 * and diagonal); any asymmetry makes every cell an arc. Blank cells are 0.
 */
export function readAdjacencyMatrix(
  labels: string[],
  rows: MatrixRows,
  builder: PayloadBuilder,
): void {
  const n = labels.length;
  for (const label of labels) builder.addNode(label);
  // Non-zero cells only, keyed row * n + column (exact below 2^53 for any n the limits allow).
  const cells = new Map<number, number>();
  let r = 0;
  for (let row = rows.next(); row; row = rows.next(), r++) {
    if (r >= n) rows.fail(`the matrix has ${n} columns but more rows than that`);
    if (row[0].trim() !== labels[r]) {
      rows.fail(`row label "${row[0].slice(0, 30)}" should be "${labels[r]}", as in the header`);
    }
    if (row.length > n + 1) rows.fail(`a row has ${row.length - 1} values, expected ${n}`);
    // A short row (a spreadsheet that dropped trailing blanks) has zeros in its missing cells.
    for (let c = 1; c < row.length; c++) {
      const cell = row[c].trim();
      if (cell === '') continue;
      const value = parseNumber(cell);
      if (value === undefined || Number.isNaN(value)) {
        rows.fail(`"${cell.slice(0, 30)}" in the column of "${labels[c - 1]}" is not a number`);
      }
      if (value !== 0) cells.set(r * n + (c - 1), value);
    }
  }
  if (r < n) rows.fail(`the matrix has ${n} columns but only ${r} rows`);
  let symmetric = true;
  for (const [key, value] of cells) {
    const i = Math.floor(key / n);
    const j = key - i * n;
    if (cells.get(j * n + i) !== value) {
      symmetric = false;
      break;
    }
  }
  builder.directed = !symmetric;
  for (const [key, value] of cells) {
    const i = Math.floor(key / n);
    const j = key - i * n;
    if (!symmetric || i <= j) builder.addEdge(i, j, value, !symmetric);
  }
}
