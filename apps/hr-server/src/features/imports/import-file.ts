// An uploaded import file through the one table reader (@jinji/office-files/table); its errors end the
// import with the reader's message (code + params), whether opening or on any later pass.
import { FileReadError } from '@jinji/office-files/file-read-error';
import { openTable, type TableFormat } from '@jinji/office-files/table';
import { ImportAbort, type ImportRow, type RowSource } from '../../lib/import-kinds';

export type ImportFile = { format: TableFormat; header: string[]; rows: RowSource };

const asAbort = (e: unknown) => (e instanceof FileReadError ? new ImportAbort(e.problem as ImportAbort['problem']) : e);

/** Header first, then data rows numbered as a spreadsheet would (the header is row 1); blank rows skipped. */
export async function openImportFile(bytes: Buffer, maxRows: number): Promise<ImportFile> {
  const table = await openTable(bytes, { maxRows }).catch((e: unknown) => {
    throw asAbort(e);
  });
  return {
    format: table.format,
    header: table.header,
    rows: async function* (): AsyncGenerator<ImportRow> {
      try {
        yield* table.rows();
      } catch (e) {
        throw asAbort(e);
      }
    },
  };
}
