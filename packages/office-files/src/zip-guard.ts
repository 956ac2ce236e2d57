// The zip-bomb guard for uploaded workbooks: every entry is inflated (counted, not kept) against a
// byte budget, an entry count and a compression ratio before any parser sees it, because uploads are
// untrusted and the sizes a zip declares are not to be believed.
import yauzl from 'yauzl';
import { FileReadError } from './file-read-error';

export type ZipLimits = { maxUncompressedBytes: number; maxRatio: number; maxEntries: number };

export const XLSX_LIMITS: ZipLimits = { maxUncompressedBytes: 200 * 1024 * 1024, maxRatio: 200, maxEntries: 2000 };

// below this many inflated bytes a high ratio is harmless (a sheet of one repeated value compresses well)
const RATIO_MIN_BYTES = 1024 * 1024;

/** true when the bytes start like a ZIP (PK\x03\x04) – used to tell XLSX from CSV. */
export function looksLikeXlsx(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

const toBuffer = (bytes: Uint8Array) =>
  Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

// Inflates every entry (counting, not keeping, the bytes) so a bomb is caught before exceljs/JSZip
// would materialise it; declared sizes in the zip are not trusted.
async function assertSafeZip(buf: Buffer, limits: ZipLimits): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buf, { validateEntrySizes: true, lazyEntries: true });
  } catch {
    throw new FileReadError('fileXlsxUnreadable');
  }
  try {
    if (zip.entryCount > limits.maxEntries) throw new FileReadError('fileTooManyEntries');
    const tooLarge = () => new FileReadError('fileTooLargeUnpacked');
    let total = 0;
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith('/')) continue;
      const stream = await zip.openReadStreamPromise(entry);
      let inflated = 0;
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          inflated += chunk.length;
          total += chunk.length;
          if (total > limits.maxUncompressedBytes) throw tooLarge();
          if (inflated > RATIO_MIN_BYTES && inflated / Math.max(entry.compressedSize, 1) > limits.maxRatio) {
            throw new FileReadError('fileCompressionRatio');
          }
        }
      } finally {
        stream.destroy();
      }
    }
  } catch (e) {
    if (e instanceof FileReadError) throw e;
    throw new FileReadError('fileXlsxUnreadable');
  } finally {
    zip.close();
  }
}

/** The zip-bomb guard alone: every entry inflated against a byte budget before anything parses it. */
export async function assertSafeXlsx(bytes: Uint8Array, limits: ZipLimits = XLSX_LIMITS): Promise<void> {
  if (!looksLikeXlsx(bytes)) throw new FileReadError('fileXlsxUnreadable');
  await assertSafeZip(toBuffer(bytes), limits);
}
