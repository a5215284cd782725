import { DatasetError } from '../io/errors';

export interface JsonRecords {
  /** One value per JSON line, or the single value of a plain JSON file. */
  values: unknown[];
  /** 1-based line of each value (1 for a plain JSON file), for error messages. */
  lines: number[];
  warnings: string[];
}

function shortReason(error: unknown): string {
  // V8 quotes a window of the input in its message: noise for a person reading the error.
  return (error instanceof Error ? error.message : String(error)).replace(
    /, "[\s\S]* is not valid JSON$/,
    '',
  );
}

/**
 * Reads a JSON file or a JSON-lines capture (twarc, stream dumps). A capture stopped mid-write
 * leaves its last line cut off: the complete lines are still good data, so they load with a
 * warning. A broken line anywhere else means the file is not what it claims, and fails.
 */
export function readJsonRecords(text: string, file: string): JsonRecords {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let wholeError: unknown;
  try {
    return { values: [JSON.parse(body) as unknown], lines: [1], warnings: [] };
  } catch (error) {
    wholeError = error;
  }

  const rows = body.split('\n');
  const filled: number[] = [];
  for (let i = 0; i < rows.length; i++) if (rows[i].trim() !== '') filled.push(i);
  if (filled.length <= 1) {
    throw new DatasetError(file, `not valid JSON (${shortReason(wholeError)})`);
  }

  const values: unknown[] = [];
  const lines: number[] = [];
  const warnings: string[] = [];
  for (let k = 0; k < filled.length; k++) {
    const row = filled[k];
    try {
      values.push(JSON.parse(rows[row]) as unknown);
      lines.push(row + 1);
    } catch (error) {
      if (k === filled.length - 1) {
        warnings.push(
          `line ${row + 1}, the last one, is cut off (${shortReason(error)}): ` +
            `loaded the ${values.length} complete line(s) before it`,
        );
        break;
      }
      throw new DatasetError(
        file,
        `not valid JSON (${shortReason(error)}); each line of a JSON-lines file must be one JSON value`,
        `line ${row + 1}`,
      );
    }
  }
  return { values, lines, warnings };
}
