/**
 * Splits delimited text into rows. Comma, semicolon and tab files follow RFC 4180 (quoted fields,
 * doubled quotes, line breaks inside quotes, CRLF); whitespace-separated edge lists split on runs
 * of spaces and tabs. `#` and `%` lines are comments (SNAP and Matrix Market write them).
 */
export type Delimiter = ',' | ';' | '\t' | 'whitespace';

/** Thrown for a quote that never closes; the caller turns it into a DatasetError. */
export class CsvSyntaxError extends Error {
  constructor(readonly line: number) {
    super('a quoted field is never closed');
  }
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

function isCommentLine(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c === 35 /* # */ || c === 37; /* % */
}

export class CsvReader {
  /** The line (1-based) where the row returned last began. */
  line = 0;
  /** Comment lines, kept for hints such as "Undirected graph" in SNAP headers. */
  readonly comments: string[] = [];
  private at = 0;
  private nextLine = 1;
  private readonly code: number;

  constructor(
    private readonly text: string,
    readonly delimiter: Delimiter,
  ) {
    this.code = delimiter === 'whitespace' ? -1 : delimiter.charCodeAt(0);
  }

  /** The next non-empty, non-comment row, or null at the end. */
  next(): string[] | null {
    const text = this.text;
    while (this.at < text.length) {
      this.line = this.nextLine;
      if (isCommentLine(text, this.at)) {
        const end = this.lineEnd(this.at);
        if (this.comments.length < 50) this.comments.push(text.slice(this.at + 1, end));
        this.skipBreak(end);
        continue;
      }
      const row = this.delimiter === 'whitespace' ? this.whitespaceRow() : this.delimitedRow();
      // Rows of empty cells (",,," lines that spreadsheets leave at the end) carry nothing.
      if (row.some((field) => field.trim() !== '')) return row;
    }
    return null;
  }

  private lineEnd(from: number): number {
    const text = this.text;
    let i = from;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === LF || c === CR) break;
      i++;
    }
    return i;
  }

  private skipBreak(at: number): void {
    let i = at;
    if (this.text.charCodeAt(i) === CR) i++;
    if (this.text.charCodeAt(i) === LF) i++;
    this.at = i;
    this.nextLine++;
  }

  private whitespaceRow(): string[] {
    const end = this.lineEnd(this.at);
    const line = this.text.slice(this.at, end).trim();
    this.skipBreak(end);
    return line === '' ? [''] : line.split(/[ \t]+/);
  }

  private delimitedRow(): string[] {
    const text = this.text;
    const row: string[] = [];
    let i = this.at;
    for (;;) {
      let field = '';
      if (text.charCodeAt(i) === QUOTE) {
        i++;
        for (;;) {
          const close = text.indexOf('"', i);
          if (close === -1) throw new CsvSyntaxError(this.line);
          field += text.slice(i, close);
          for (let k = i; k < close; k++) if (text.charCodeAt(k) === LF) this.nextLine++;
          i = close + 1;
          if (text.charCodeAt(i) !== QUOTE) break;
          field += '"';
          i++;
        }
      }
      // Unquoted text, or (leniently) anything between a closing quote and the next delimiter.
      let end = i;
      while (end < text.length) {
        const c = text.charCodeAt(end);
        if (c === this.code || c === LF || c === CR) break;
        end++;
      }
      row.push(field + text.slice(i, end));
      i = end;
      if (text.charCodeAt(i) === this.code) {
        i++;
        continue;
      }
      this.skipBreak(i);
      return row;
    }
  }
}

const SAMPLE_ROWS = 20;
const SAMPLE_CHARS = 64 * 1024;

/**
 * Picks the delimiter that splits the first rows (read quote-aware) into the most fields, at least
 * two in every row; a file where none does is whitespace-separated (SNAP edge lists, "i j" pairs).
 */
export function detectDelimiter(text: string): Delimiter {
  const head = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const complete = head.length === text.length;
  let best: Delimiter = 'whitespace';
  let bestFields = 1;
  for (const delimiter of [',', ';', '\t'] as const) {
    const reader = new CsvReader(head, delimiter);
    const counts: number[] = [];
    try {
      for (let row = reader.next(); row && counts.length < SAMPLE_ROWS; row = reader.next()) {
        counts.push(row.length);
      }
    } catch (error) {
      if (!(error instanceof CsvSyntaxError)) throw error;
    }
    // The last sampled row may be cut off by the sample's end.
    if (!complete && counts.length > 1) counts.pop();
    const fields = counts.length === 0 ? 0 : Math.min(...counts);
    if (fields > bestFields) {
      best = delimiter;
      bestFields = fields;
    }
  }
  return best;
}
