/**
 * A file we could not read. The message always names the file, where the problem is (line or
 * element when known) and what was expected, so a person can fix it or pick another file.
 */
export class DatasetError extends Error {
  readonly file: string;
  readonly where: string | undefined;

  constructor(file: string, problem: string, where?: string) {
    super(`${file}: ${where ? `${where}: ` : ''}${problem}`);
    this.name = 'DatasetError';
    this.file = file;
    this.where = where;
  }
}

export function isDatasetError(error: unknown): error is DatasetError {
  return error instanceof DatasetError;
}
