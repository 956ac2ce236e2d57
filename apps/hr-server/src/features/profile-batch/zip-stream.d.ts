// The part of zip-stream 4 (archiver's zip writer, already in the tree via exceljs) that the batch uses.
declare module 'zip-stream' {
  import { Transform } from 'node:stream';

  type EntryData = { name: string; date?: Date; store?: boolean };
  export default class ZipStream extends Transform {
    constructor(options?: { store?: boolean; zlib?: { level?: number }; forceZip64?: boolean });
    entry(source: Buffer | string, data: EntryData, callback: (error: Error | null) => void): this;
    finalize(): void;
  }
}
