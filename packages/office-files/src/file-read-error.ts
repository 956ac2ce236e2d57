import { renderMessage, type TMessage } from '@jinji/ja/messages';

/** What the readers say about a file they cannot or will not read, in Japanese and English (see @jinji/ja/messages). */
export const FILE_READ_MESSAGES_JA = {
  fileTooManyRows: '一度に取り込めるのは{{max}}行までです',
  fileCsvUnreadable: 'CSVファイルとして読み込めません',
  fileCsvUnreadableNear: 'CSVファイルとして読み込めません（{{line}}行目付近）',
  fileXlsxUnreadable: 'Excelファイル（.xlsx）として読み込めません',
  fileTooManyEntries: 'ファイル内の項目が多すぎるため読み込めません',
  fileTooLargeUnpacked: 'ファイルを展開したサイズが大きすぎるため読み込めません',
  fileCompressionRatio: 'ファイルの圧縮率が異常なため読み込めません',
} as const;
export type FileReadCode = keyof typeof FILE_READ_MESSAGES_JA;

export const FILE_READ_MESSAGES_EN: Record<FileReadCode, string> = {
  fileTooManyRows: 'At most {{max}} rows can be imported at once',
  fileCsvUnreadable: 'The file cannot be read as CSV',
  fileCsvUnreadableNear: 'The file cannot be read as CSV (near row {{line}})',
  fileXlsxUnreadable: 'The file cannot be read as Excel (.xlsx)',
  fileTooManyEntries: 'The file cannot be read: it holds too many entries',
  fileTooLargeUnpacked: 'The file cannot be read: it is too large once unpacked',
  fileCompressionRatio: 'The file cannot be read: its compression ratio is abnormal',
};

/**
 * Any file the readers cannot or will not read (broken, unsafe, too many rows). `problem` is the code
 * and parameters (stored by the import, shown in the reader's language); the message is its Japanese.
 * `line` is the file's row near the problem when one is known (header = 1).
 */
export class FileReadError extends Error {
  override name = 'FileReadError';
  readonly problem: TMessage;
  constructor(
    code: FileReadCode,
    params?: Record<string, number>,
    readonly line?: number,
  ) {
    const problem = { code, params };
    super(renderMessage(FILE_READ_MESSAGES_JA, problem));
    this.problem = problem;
  }
}
