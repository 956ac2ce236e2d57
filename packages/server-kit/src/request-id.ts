// お問い合わせ番号 (decision 024): every request gets an id of its own, the `reqId` of each of its log lines,
// the `requestId` of an error's body and the `x-request-id` header of its answer. Random (60 bits from
// the OS), never a counter: a counter would tell how busy the server is and restarts at 1 in every
// process, so two processes behind one load balancer would hand out the same numbers. None is accepted
// from outside: a caller choosing the id support searches for could plant it on another person's log lines.
import { randomBytes } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a number read out over the phone is not misheard. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `XXXX-XXXX-XXXX`: 12 characters of 5 bits each. */
export function newRequestId(): string {
  const bytes = randomBytes(12);
  let id = '';
  for (let i = 0; i < 12; i++) {
    id += ALPHABET[bytes[i]! & 31];
    if (i === 3 || i === 7) id += '-';
  }
  return id;
}

export const REQUEST_ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
export const REQUEST_ID_HEADER = 'x-request-id';
