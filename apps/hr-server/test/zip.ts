// Reading a ZIP back in tests: each entry's name, whether its name is flagged UTF-8 (general purpose bit 11)
// and its bytes.
import yauzl from 'yauzl';

export type ZipEntry = { name: string; isUtf8Name: boolean; bytes: Buffer };

export function readZip(bytes: Buffer): Promise<ZipEntry[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, decodeStrings: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const entries: ZipEntry[] = [];
      zip.on('error', reject);
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            entries.push({
              name: entry.fileName,
              isUtf8Name: (entry.generalPurposeBitFlag & 0x800) !== 0,
              bytes: Buffer.concat(chunks),
            });
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.readEntry();
    });
  });
}
