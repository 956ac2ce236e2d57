// The one-time password links' queries over an app's own table (its columns are passwordLinkColumns)
// and its accounts table: the store the auth kit's password-links logic runs on (@jinji/auth/password-links).
import { and, eq, inArray, isNull, ne, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { PASSWORD_LINK_PURPOSES } from './auth-columns';

type Purpose = (typeof PASSWORD_LINK_PURPOSES)[number];

type LinkTable = PgTable & {
  tenantId?: AnyPgColumn;
  tokenHash: AnyPgColumn;
  userId: AnyPgColumn;
  purpose: AnyPgColumn;
  expiresAt: AnyPgColumn;
  usedAt: AnyPgColumn;
  createdAt: AnyPgColumn;
};

export type PasswordLinkAccounts = {
  table: PgTable;
  id: AnyPgColumn;
  loginId: AnyPgColumn;
  /** true when the account may not log in (is_disabled, disabled_at is not null, …) */
  isDisabled: AnyPgColumn | SQL<boolean>;
};

// biome-ignore lint/suspicious/noExplicitAny: the store runs on any app's drizzle transaction
type AnyTx = any;

/** The queries of @jinji/auth/password-links' PasswordLinkStore over `links` and `accounts`. */
export function passwordLinkStore(links: LinkTable, accounts: PasswordLinkAccounts, tenantKey: string) {
  return {
    /** New links; the accounts' earlier unused links of the same purpose stop working. */
    async insert(
      tx: AnyTx,
      purpose: Purpose,
      rows: { tenantId: string; userId: string; tokenHash: string; expiresAt: Date; createdAt: Date }[],
    ): Promise<void> {
      if (rows.length === 0) return;
      await tx.delete(links).where(
        and(
          eq(links.purpose, purpose),
          isNull(links.usedAt),
          inArray(
            links.userId,
            rows.map((l) => l.userId),
          ),
        ),
      );
      await tx.insert(links).values(rows.map(({ tenantId, ...l }) => ({ ...l, [tenantKey]: tenantId, purpose })));
    },
    /** The link and its account; `lock` holds the row until the transaction ends (two tabs, one link). */
    async find(tx: AnyTx, tokenHash: string, lock: boolean) {
      // locked on its own: FOR UPDATE OF cannot name a schema-qualified table (training.password_links)
      if (lock) await tx.select({ h: links.tokenHash }).from(links).where(eq(links.tokenHash, tokenHash)).for('update');
      const found = (await tx
        .select({
          userId: links.userId,
          purpose: links.purpose,
          expiresAt: links.expiresAt,
          usedAt: links.usedAt,
          loginId: accounts.loginId,
          isDisabled: accounts.isDisabled,
        })
        .from(links)
        .innerJoin(accounts.table, eq(accounts.id, links.userId))
        .where(eq(links.tokenHash, tokenHash))
        .limit(1)) as {
        userId: string;
        purpose: Purpose;
        expiresAt: Date;
        usedAt: Date | null;
        loginId: string;
        isDisabled: boolean;
      }[];
      return found[0] ?? null;
    },
    /** Used: this link now, and every other open link of the account (a new password ends them all). */
    async markUsed(tx: AnyTx, userId: string, tokenHash: string, at: Date): Promise<void> {
      await tx.update(links).set({ usedAt: at }).where(eq(links.tokenHash, tokenHash));
      await tx.delete(links).where(and(eq(links.userId, userId), isNull(links.usedAt), ne(links.tokenHash, tokenHash)));
    },
  };
}
