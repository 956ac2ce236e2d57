// Text files as Japanese offices exchange them: UTF-8 (with or without BOM) or Shift_JIS as Windows
// and Excel write it (CP932, NEC/IBM extensions included). One detector and one encoder for every file.
import { isUtf8 } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';
import iconv from 'iconv-lite';

export type TextEncoding = 'utf8' | 'cp932';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Characters CP932 lacks but that have a CP932 look-alike, and the form they take in a CP932 file.
 * Source: the differences between the JIS X 0208 mapping (Unicode's JIS0208.TXT / SHIFTJIS.TXT) and
 * Microsoft's (CP932.TXT, "WINDOWS-31J" in the IANA registry) for the same Shift_JIS bytes, e.g.
 * 0x8160 is 〜 U+301C in JIS but ～ U+FF5E in CP932; plus the JIS X 0201 Roman ¥ and ‾ that CP932
 * writes as 0x5C and 0x7E (\ and ~). Windows, Excel and iconv-lite all decode the bytes to the
 * right-hand side, so a value written in CP932 comes back in that form: the pairs are equivalent.
 */
const CP932_SUBSTITUTES: Record<string, string> = {
  '\u301C': '\uFF5E', // 〜 WAVE DASH → ～ FULLWIDTH TILDE (0x8160)
  '\u2016': '\u2225', // ‖ DOUBLE VERTICAL LINE → ∥ PARALLEL TO (0x8161)
  '\u2212': '\uFF0D', // − MINUS SIGN → － FULLWIDTH HYPHEN-MINUS (0x817C)
  '\u00A2': '\uFFE0', // ¢ → ￠ (0x8191)
  '\u00A3': '\uFFE1', // £ → ￡ (0x8192)
  '\u00AC': '\uFFE2', // ¬ → ￢ (0x81CA)
  '\u2014': '\u2015', // — EM DASH → ― HORIZONTAL BAR (0x815C)
  '\u00A5': '\u005C', // ¥ YEN SIGN → \ (0x5C, shown as ¥ by Japanese fonts)
  '\u203E': '\u007E', // ‾ OVERLINE → ~ (0x7E)
};
const SUBSTITUTE_RE = new RegExp(`[${Object.keys(CP932_SUBSTITUTES).join('')}]`, 'g');

/** The text as a CP932 file holds it: each look-alike above replaced by the form CP932 reads back. */
export function toCp932Form(text: string): string {
  return text.replace(SUBSTITUTE_RE, (c) => CP932_SUBSTITUTES[c] ?? c);
}

// per code point, filled as characters are met: a cell costs a Map lookup per character, not an
// encode/decode round trip (an export checks millions of cells)
const encodableCache = new Map<number, boolean>();
function isCp932Encodable(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x80) return true;
  let ok = encodableCache.get(cp);
  if (ok === undefined) {
    ok = iconv.decode(iconv.encode(ch, 'cp932'), 'cp932') === ch;
    encodableCache.set(cp, ok);
  }
  return ok;
}

/**
 * The characters of `text` that a CP932 file cannot hold (iconv-lite would write 「?」), each once:
 * 「𠮷」 of 𠮷野, emoji, accented Latin. '' when the text survives a CP932 round trip.
 */
export function cp932Unencodable(text: string): string {
  let lost = '';
  for (const ch of toCp932Form(text)) if (!isCp932Encodable(ch) && !lost.includes(ch)) lost += ch;
  return lost;
}

/**
 * Whether two values are equal or differ only by the CP932 mapping above (〜 stored, ～ read back
 * from a CP932 file): such a difference is the file's encoding, not an edit.
 */
export function isCp932Equivalent(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return typeof a === 'string' && typeof b === 'string' && toCp932Form(a) === toCp932Form(b);
}

const asBuffer = (input: Uint8Array): Buffer =>
  // a plain Uint8Array (PGlite's bytea) has no Buffer methods; this views the same memory
  Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);

/**
 * The encoding of a file's bytes: UTF-8 when it starts with a UTF-8 BOM or is valid UTF-8, else CP932
 * (what Excel writes). `body` is the bytes without the BOM.
 */
export function detectEncoding(input: Uint8Array): { encoding: TextEncoding; body: Buffer } {
  const bytes = asBuffer(input);
  if (bytes.subarray(0, 3).equals(UTF8_BOM)) return { encoding: 'utf8', body: bytes.subarray(3) };
  return { encoding: isUtf8(bytes) ? 'utf8' : 'cp932', body: bytes };
}

/** The whole file as text, in the encoding detectEncoding finds. */
export function decodeText(input: Uint8Array): { text: string; encoding: TextEncoding } {
  const { encoding, body } = detectEncoding(input);
  return { text: encoding === 'utf8' ? body.toString('utf8') : iconv.decode(body, 'cp932'), encoding };
}

/**
 * The same text in chunks of about `chunkBytes` bytes, so a 64 MB upload is never one string; a
 * character split between two chunks is decoded whole.
 */
export function* decodeTextChunks(input: Uint8Array, chunkBytes = 64 * 1024): Generator<string> {
  const { encoding, body } = detectEncoding(input);
  const decoder = encoding === 'utf8' ? new StringDecoder('utf8') : iconv.getDecoder('cp932');
  for (let i = 0; i < body.length; i += chunkBytes) {
    const text = decoder.write(body.subarray(i, i + chunkBytes));
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/**
 * Text as file bytes: UTF-8 with a BOM (so Excel opens it as UTF-8; `bom: false` for the second and
 * later chunks of a streamed file), or CP932 with the look-alikes mapped (see toCp932Form).
 */
export function encodeText(text: string, encoding: TextEncoding, { bom = true }: { bom?: boolean } = {}): Buffer {
  if (encoding === 'utf8')
    return bom ? Buffer.concat([UTF8_BOM, Buffer.from(text, 'utf8')]) : Buffer.from(text, 'utf8');
  return iconv.encode(toCp932Form(text), 'cp932');
}
