// One-time password links (decisions 010, 012), for every app: アカウント通知 / ログイン情報送付 and
// パスワードを忘れた方 mail one; its holder sets a password. The token is `<tenantId>.<256 random bits>`
// like a session id (the tenant in front lets the lookup run under that tenant's RLS); only sha256 of
// the random part is stored. A link is single use: used_at is set in the transaction that writes the
// new password, after a row lock, so two tabs cannot both use it. The app owns the table (columns:
// @jinji/db/auth-columns passwordLinkColumns) and the store over it (@jinji/db/password-link-store).
import { newSessionToken, parseSessionToken } from './session-token';

export type PasswordLinkPurpose = 'notice' | 'reset';

/** A notice: three days to open the mail; a reset is asked for now, so an hour is enough. */
export const PASSWORD_LINK_LIFETIME_MS: Record<PasswordLinkPurpose, number> = {
  notice: 72 * 3_600_000,
  reset: 3_600_000,
};

export type OpenedLink = {
  userId: string;
  purpose: PasswordLinkPurpose;
  expiresAt: Date;
  usedAt: Date | null;
  loginId: string;
  isDisabled: boolean;
};

export type PasswordLinkStore<Tx> = {
  insert(
    tx: Tx,
    purpose: PasswordLinkPurpose,
    rows: { tenantId: string; userId: string; tokenHash: string; expiresAt: Date; createdAt: Date }[],
  ): Promise<void>;
  find(tx: Tx, tokenHash: string, lock: boolean): Promise<OpenedLink | null>;
  markUsed(tx: Tx, userId: string, tokenHash: string, at: Date): Promise<void>;
};

export type IssuedLink = { userId: string; url: string; expiresAt: Date };

/** The web page of a link: an SPA route, so only the static file handler sees the token in a path. */
export const passwordLinkUrl = (publicUrl: string, token: string) => `${publicUrl}/password/set/${token}`;

/**
 * New links for these accounts in the caller's transaction (the one that writes their mails), each
 * account's earlier unused link of that purpose dropped. Returns the URLs to put in the mails.
 */
export async function issuePasswordLinks<Tx>(
  store: PasswordLinkStore<Tx>,
  tx: Tx,
  opts: { publicUrl: string; tenantId: string; purpose: PasswordLinkPurpose; userIds: string[]; now?: Date },
): Promise<Map<string, IssuedLink>> {
  const now = opts.now ?? new Date();
  const expiresAt = new Date(now.getTime() + PASSWORD_LINK_LIFETIME_MS[opts.purpose]);
  const issued = new Map<string, IssuedLink>();
  const rows = opts.userIds.map((userId) => {
    const { token, idHash } = newSessionToken(opts.tenantId);
    issued.set(userId, { userId, url: passwordLinkUrl(opts.publicUrl, token), expiresAt });
    return { tenantId: opts.tenantId, userId, tokenHash: idHash, expiresAt, createdAt: now };
  });
  await store.insert(tx, opts.purpose, rows);
  return issued;
}

export type PasswordLinkProblem = 'unknown' | 'used' | 'expired';

/** What the holder is told (the error code is PASSWORD_LINK_INVALID, 410); unknown: the code's default. */
export const PASSWORD_LINK_MESSAGES: Record<PasswordLinkProblem, string | undefined> = {
  expired: 'このリンクは有効期限が切れています。「パスワードを忘れた方」から再設定用のメールを受け取ってください',
  used: 'このリンクは既に使用されています。設定したパスワードでログインするか、「パスワードを忘れた方」から再設定してください',
  unknown: undefined,
};

export class PasswordLinkInvalid extends Error {
  override name = 'PasswordLinkInvalid';
  constructor(readonly problem: PasswordLinkProblem) {
    super(PASSWORD_LINK_MESSAGES[problem] ?? 'password link invalid');
  }
}

/** The token's tenant and stored hash; PasswordLinkInvalid('unknown') when it is not one of ours. */
export function parsePasswordLinkToken(token: string): { tenantId: string; idHash: string } {
  const parsed = parseSessionToken(token);
  if (!parsed) throw new PasswordLinkInvalid('unknown');
  return parsed;
}

/** The link's account, or PasswordLinkInvalid (unknown, expired, used, or the account disabled). */
export async function openPasswordLink<Tx>(
  store: PasswordLinkStore<Tx>,
  tx: Tx,
  idHash: string,
  { now = new Date(), lock = false }: { now?: Date; lock?: boolean } = {},
): Promise<OpenedLink> {
  const link = await store.find(tx, idHash, lock);
  if (!link || link.isDisabled) throw new PasswordLinkInvalid('unknown');
  if (link.usedAt) throw new PasswordLinkInvalid('used');
  if (link.expiresAt <= now) throw new PasswordLinkInvalid('expired');
  return link;
}

/**
 * Uses the link in the caller's transaction: opened again under a row lock (the first of two
 * concurrent uses wins, the second finds it used), `write` stores the new password, then this link
 * is marked used and the account's other open links dropped.
 */
export async function consumePasswordLink<Tx>(
  store: PasswordLinkStore<Tx>,
  tx: Tx,
  idHash: string,
  write: (link: OpenedLink, now: Date) => Promise<void>,
): Promise<OpenedLink> {
  const link = await openPasswordLink(store, tx, idHash, { lock: true });
  const now = new Date();
  await write(link, now);
  await store.markUsed(tx, link.userId, idHash, now);
  return link;
}
