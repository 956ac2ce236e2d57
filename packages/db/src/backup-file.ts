// The backup file (decision 022): a small header, then the body in frames of up to 1 MiB, so a file of
// any size is written and read as a stream and checked before anything is restored.
//
//   header  "JINJIBK\0" | version 1 | engine (1 pglite, 2 postgres) | flags (1 encrypted) | 0
//           encrypted: log2 N, r, p of scrypt | salt (16) | nonce prefix (8)
//   frame   length u32 BE | last u8 (0/1) | bytes | encrypted: GCM tag (16)
//   end     plain: SHA-256 of header and every body byte (32); encrypted: nothing after the last frame
//
// Encrypted: AES-256-GCM, the key from scrypt(passphrase, salt); frame i's IV is the prefix and i, its
// additional data the header, i and the last flag — a frame moved, dropped or cut off fails its tag,
// and a file that ends before its last frame is refused. Plain: the SHA-256 catches a damaged file.
import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt } from 'node:crypto';
import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export type BackupEngine = 'pglite' | 'postgres';

/** A backup that cannot be read: the message is for the operator (Japanese), the code for tests and logs. */
export class BackupFileError extends Error {
  constructor(
    readonly code:
      | 'NOT_A_BACKUP'
      | 'UNSUPPORTED_VERSION'
      | 'WRONG_PASSPHRASE_OR_TAMPERED'
      | 'DAMAGED'
      | 'NO_PASSPHRASE',
    message: string,
  ) {
    super(message);
  }
}

const MAGIC = Buffer.from('JINJIBK\0', 'latin1');
const VERSION = 1;
const FRAME = 1 << 20;
const TAG = 16;
const SCRYPT = { log2N: 15, r: 8, p: 1 };
const ENGINES: BackupEngine[] = ['pglite', 'postgres'];

const damaged = () =>
  new BackupFileError('DAMAGED', 'バックアップファイルが壊れているか、途中で切れています。復元は行っていません。');
const wrongPassphrase = () =>
  new BackupFileError(
    'WRONG_PASSPHRASE_OR_TAMPERED',
    'バックアップファイルを復号できません。パスフレーズが違うか、ファイルが改ざんされています。復元は行っていません。',
  );

function deriveKey(passphrase: string, salt: Buffer, p: typeof SCRYPT): Promise<Buffer> {
  const N = 2 ** p.log2N;
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), salt, 32, { N, r: p.r, p: p.p, maxmem: 256 * N * p.r }, (e, key) =>
      e ? reject(e) : resolve(key),
    ),
  );
}

const ivOf = (prefix: Buffer, index: number) => {
  const iv = Buffer.alloc(12);
  prefix.copy(iv, 0);
  iv.writeUInt32BE(index, 8);
  return iv;
};
const aadOf = (header: Buffer, index: number, isLast: boolean) => {
  const tail = Buffer.alloc(5);
  tail.writeUInt32BE(index, 0);
  tail[4] = isLast ? 1 : 0;
  return Buffer.concat([header, tail]);
};

/** Cuts a stream into chunks of exactly `size` bytes (the last may be shorter), holding one back to flag the last. */
async function* framesOf(
  source: AsyncIterable<Buffer | Uint8Array>,
): AsyncGenerator<{ bytes: Buffer; isLast: boolean }> {
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let ready: Buffer | null = null;
  for await (const chunk of source) {
    pending.push(Buffer.from(chunk));
    pendingLength += chunk.length;
    while (pendingLength >= FRAME) {
      const all = Buffer.concat(pending);
      if (ready) yield { bytes: ready, isLast: false };
      ready = all.subarray(0, FRAME);
      pending = [all.subarray(FRAME)];
      pendingLength -= FRAME;
    }
  }
  const rest = Buffer.concat(pending);
  if (ready && rest.length === 0) {
    yield { bytes: ready, isLast: true };
    return;
  }
  if (ready) yield { bytes: ready, isLast: false };
  yield { bytes: rest, isLast: true };
}

async function* encode(
  source: AsyncIterable<Buffer | Uint8Array>,
  engine: BackupEngine,
  passphrase: string | undefined,
): AsyncGenerator<Buffer> {
  const fixed = Buffer.from([VERSION, ENGINES.indexOf(engine) + 1, passphrase === undefined ? 0 : 1, 0]);
  if (passphrase === undefined) {
    const header = Buffer.concat([MAGIC, fixed]);
    const hash = createHash('sha256').update(header);
    yield header;
    for await (const { bytes, isLast } of framesOf(source)) {
      const head = Buffer.alloc(5);
      head.writeUInt32BE(bytes.length, 0);
      head[4] = isLast ? 1 : 0;
      hash.update(bytes);
      yield Buffer.concat([head, bytes]);
    }
    yield hash.digest();
    return;
  }
  const salt = randomBytes(16);
  const prefix = randomBytes(8);
  const header = Buffer.concat([MAGIC, fixed, Buffer.from([SCRYPT.log2N, SCRYPT.r, SCRYPT.p]), salt, prefix]);
  const key = await deriveKey(passphrase, salt, SCRYPT);
  yield header;
  let index = 0;
  for await (const { bytes, isLast } of framesOf(source)) {
    const cipher = createCipheriv('aes-256-gcm', key, ivOf(prefix, index));
    cipher.setAAD(aadOf(header, index, isLast));
    const sealed = Buffer.concat([cipher.update(bytes), cipher.final()]);
    const head = Buffer.alloc(5);
    head.writeUInt32BE(bytes.length, 0);
    head[4] = isLast ? 1 : 0;
    yield Buffer.concat([head, sealed, cipher.getAuthTag()]);
    index++;
  }
}

/**
 * Writes `body` as a backup file at `file`: first to `file.partial`, renamed when complete, so a file
 * of that name is always a whole backup. Returns its size in bytes.
 */
export async function writeBackupFile(
  file: string,
  body: AsyncIterable<Buffer | Uint8Array>,
  opts: { engine: BackupEngine; passphrase?: string },
): Promise<number> {
  const partial = `${file}.partial`;
  let bytes = 0;
  const counted = async function* () {
    for await (const chunk of encode(body, opts.engine, opts.passphrase)) {
      bytes += chunk.length;
      yield chunk;
    }
  };
  try {
    await pipeline(Readable.from(counted()), createWriteStream(partial, { mode: 0o600 }));
    renameSync(partial, file);
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
  return bytes;
}

/** Reads exactly n bytes from a byte stream, or fewer at its end. */
class ByteReader {
  private buffered: Buffer[] = [];
  private length = 0;
  private readonly it: AsyncIterator<Buffer>;
  constructor(source: AsyncIterable<Buffer>) {
    this.it = source[Symbol.asyncIterator]();
  }
  async read(n: number): Promise<Buffer> {
    while (this.length < n) {
      const next = await this.it.next();
      if (next.done) break;
      this.buffered.push(next.value);
      this.length += next.value.length;
    }
    const all = Buffer.concat(this.buffered);
    const out = all.subarray(0, n);
    this.buffered = [all.subarray(out.length)];
    this.length = all.length - out.length;
    return out;
  }
  async close() {
    await this.it.return?.();
  }
}

export type BackupHeader = { engine: BackupEngine; isEncrypted: boolean };

/** The header alone: which engine the backup is of and whether it needs a passphrase. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const reader = new ByteReader(createReadStream(file, { end: 63 }));
  try {
    return parseFixedHeader(await reader.read(MAGIC.length + 4));
  } finally {
    await reader.close();
  }
}

function parseFixedHeader(head: Buffer): BackupHeader {
  if (head.length < MAGIC.length + 4 || !head.subarray(0, MAGIC.length).equals(MAGIC))
    throw new BackupFileError('NOT_A_BACKUP', 'jinji のバックアップファイルではありません。');
  if (head[MAGIC.length] !== VERSION)
    throw new BackupFileError(
      'UNSUPPORTED_VERSION',
      `このバックアップファイルの形式（版 ${head[MAGIC.length]}）には対応していません。`,
    );
  const engine = ENGINES[(head[MAGIC.length + 1] ?? 0) - 1];
  if (!engine) throw new BackupFileError('NOT_A_BACKUP', 'jinji のバックアップファイルではありません。');
  return { engine, isEncrypted: head[MAGIC.length + 2] === 1 };
}

/**
 * The body of a backup file, each frame checked (tag or, for a plain file, the digest at the end) before
 * it is yielded. A consumer that must not act on a bad file calls verifyBackupFile first: a tag fails
 * only at its frame, and a plain file's digest only at the end.
 */
export async function* readBackupBody(file: string, passphrase?: string): AsyncGenerator<Buffer> {
  const reader = new ByteReader(createReadStream(file, { highWaterMark: FRAME }));
  try {
    const fixed = await reader.read(MAGIC.length + 4);
    const { isEncrypted } = parseFixedHeader(fixed);
    if (!isEncrypted) {
      const hash = createHash('sha256').update(fixed);
      for (;;) {
        const head = await reader.read(5);
        if (head.length < 5) throw damaged();
        const length = head.readUInt32BE(0);
        if (length > FRAME) throw damaged();
        const bytes = await reader.read(length);
        if (bytes.length < length) throw damaged();
        hash.update(bytes);
        if (head[4] === 1) {
          const digest = await reader.read(32);
          if (!digest.equals(hash.digest()) || (await reader.read(1)).length > 0) throw damaged();
          yield bytes;
          return;
        }
        yield bytes;
      }
    }
    if (passphrase === undefined)
      throw new BackupFileError(
        'NO_PASSPHRASE',
        'このバックアップは暗号化されています。パスフレーズ（JINJI_BACKUP_PASSPHRASE）を指定してください。',
      );
    const params = await reader.read(3 + 16 + 8);
    if (params.length < 27) throw damaged();
    const header = Buffer.concat([fixed, params]);
    const log2N = params[0]!;
    if (log2N < 10 || log2N > 20 || params[1]! > 16 || params[2]! > 4) throw wrongPassphrase();
    const key = await deriveKey(passphrase, params.subarray(3, 19), { log2N, r: params[1]!, p: params[2]! });
    const prefix = params.subarray(19, 27);
    for (let index = 0; ; index++) {
      const head = await reader.read(5);
      if (head.length < 5) throw damaged();
      const length = head.readUInt32BE(0);
      if (length > FRAME) throw wrongPassphrase();
      const sealed = await reader.read(length + TAG);
      if (sealed.length < length + TAG) throw damaged();
      const isLast = head[4] === 1;
      const decipher = createDecipheriv('aes-256-gcm', key, ivOf(prefix, index));
      decipher.setAAD(aadOf(header, index, isLast));
      decipher.setAuthTag(sealed.subarray(length));
      let bytes: Buffer;
      try {
        bytes = Buffer.concat([decipher.update(sealed.subarray(0, length)), decipher.final()]);
      } catch {
        throw wrongPassphrase();
      }
      if (isLast) {
        if ((await reader.read(1)).length > 0) throw wrongPassphrase();
        yield bytes;
        return;
      }
      yield bytes;
    }
  } finally {
    await reader.close();
  }
}

/** Reads the whole file and checks every frame (and the digest); throws BackupFileError, restores nothing. */
export async function verifyBackupFile(file: string, passphrase?: string): Promise<BackupHeader & { bytes: number }> {
  const header = await readBackupHeader(file);
  let bytes = 0;
  for await (const chunk of readBackupBody(file, passphrase)) bytes += chunk.length;
  return { ...header, bytes };
}
