/**
 * Any file the readers cannot or will not read (broken, unsafe, too many rows). The message is Japanese
 * and meant for the user; `line` is the file's row near the problem when one is known (header = 1).
 */
export class FileReadError extends Error {
  override name = 'FileReadError';
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}
