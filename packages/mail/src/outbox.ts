// The transactional outbox (decision 010): a mail is a row written in the same transaction as the
// business change that causes it, so a rolled-back change sends nothing and a committed one cannot be
// lost. Each app defines the table once in its own schema with mailOutboxTable(); the worker
// (./worker.ts) sends due rows and keeps the state on the row: 送信待ち → 送信済み, or 送信失敗 after
// the last attempt, with the attempt count and an error code (never the server's text, never the body).
import { and, desc, eq, sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  index,
  integer,
  type PgDatabase,
  type PgQueryResultHKT,
  type PgSchema,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { MailTemplate } from './template';

/** pending: waiting for its (next) attempt; sending: claimed by a worker; sent; failed: attempts used up or refused for good */
export const MAIL_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

const stamp = (name: string) => timestamp(name, { withTimezone: true });

/**
 * The outbox table for one app. `schema` is the app's pgSchema (none: public); the tenant column has the
 * app's name for it (tenant_id, organisation_id) but is `tenantId` in code, so this package's queries
 * serve every app.
 */
export function mailOutboxTable(opts: {
  schema?: PgSchema;
  tenantColumn: string;
  tenantReferences: () => AnyPgColumn;
}) {
  // a schema's table function differs from pgTable only in the schema it puts in the SQL
  const table = (opts.schema ? opts.schema.table : pgTable) as typeof pgTable;
  return table(
    'mail_outbox',
    {
      tenantId: uuid(opts.tenantColumn).notNull().references(opts.tenantReferences),
      id: uuid('id').notNull().default(sql`gen_random_uuid()`),
      /** the template's name (account-notice, …): what kind of mail, for the list */
      template: text('template').notNull(),
      toAddress: text('to_address').notNull(),
      subject: text('subject').notNull(),
      /** the plain-text part as sent; personal data: shown to the system administrator only */
      textBody: text('text_body').notNull(),
      htmlBody: text('html_body'),
      status: text('status', { enum: MAIL_STATUSES }).notNull().default('pending'),
      attempts: integer('attempts').notNull().default(0),
      /** nodemailer's code and the SMTP reply code, e.g. EENVELOPE:550 — never the reply's text */
      lastErrorCode: text('last_error_code'),
      nextAttemptAt: stamp('next_attempt_at').notNull().defaultNow(),
      claimedAt: stamp('claimed_at'),
      sentAt: stamp('sent_at'),
      createdAt: stamp('created_at').notNull().defaultNow(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      // the worker's scan across tenants, and the list's newest-first pages per tenant
      index('mail_outbox_due_idx').on(t.status, t.nextAttemptAt),
      index('mail_outbox_list_idx').on(t.tenantId, t.createdAt),
    ],
  );
}

export type MailOutboxTable = ReturnType<typeof mailOutboxTable>;
export type MailRow = MailOutboxTable['$inferSelect'];
/** a transaction (or the owner connection) of any app */
// biome-ignore lint/suspicious/noExplicitAny: the package serves every app's drizzle schema
export type AnyDb = PgDatabase<PgQueryResultHKT, any, any>;

export type EnqueueMail<D> = { tenantId: string; to: string; template: MailTemplate<D>; data: D };

/** Renders the template and writes the mail in the caller's transaction; returns its id. */
export async function enqueueMail<D>(tx: AnyDb, table: MailOutboxTable, mail: EnqueueMail<D>): Promise<string> {
  const [id] = await enqueueMails(tx, table, [mail]);
  return id!;
}

/** Many mails in one statement (アカウント通知 to a whole search result); ids in the input's order. */
export async function enqueueMails<D>(tx: AnyDb, table: MailOutboxTable, mails: EnqueueMail<D>[]): Promise<string[]> {
  if (mails.length === 0) return [];
  const rows = mails.map((m) => {
    const content = m.template.render(m.data);
    return {
      tenantId: m.tenantId,
      template: m.template.name,
      toAddress: m.to,
      subject: content.subject,
      textBody: content.text,
      htmlBody: content.html ?? null,
    };
  });
  const inserted = await tx.insert(table).values(rows).returning({ id: table.id });
  return inserted.map((r) => r.id);
}

export type MailListItem = Pick<
  MailRow,
  'id' | 'createdAt' | 'toAddress' | 'subject' | 'status' | 'attempts' | 'lastErrorCode' | 'sentAt' | 'template'
>;

/** One page of a tenant's mails, newest first (the caller's transaction is the tenant's). */
export async function listMails(
  tx: AnyDb,
  table: MailOutboxTable,
  page: { tenantId: string; offset: number; limit: number },
): Promise<{ total: number; items: MailListItem[] }> {
  const where = eq(table.tenantId, page.tenantId);
  const [items, counted] = await Promise.all([
    tx
      .select({
        id: table.id,
        createdAt: table.createdAt,
        toAddress: table.toAddress,
        subject: table.subject,
        status: table.status,
        attempts: table.attempts,
        lastErrorCode: table.lastErrorCode,
        sentAt: table.sentAt,
        template: table.template,
      })
      .from(table)
      .where(where)
      .orderBy(desc(table.createdAt), desc(table.id))
      .limit(page.limit)
      .offset(page.offset),
    tx.select({ n: sql<number>`count(*)::int` }).from(table).where(where),
  ]);
  return { total: counted[0]?.n ?? 0, items };
}

export async function findMail(
  tx: AnyDb,
  table: MailOutboxTable,
  key: { tenantId: string; id: string },
): Promise<MailRow | null> {
  const [row] = await tx
    .select()
    .from(table)
    .where(and(eq(table.tenantId, key.tenantId), eq(table.id, key.id)));
  return row ?? null;
}

/** 再送: a failed mail goes back to 送信待ち with fresh attempts; false when it is not failed. */
export async function retryFailedMail(
  tx: AnyDb,
  table: MailOutboxTable,
  key: { tenantId: string; id: string },
): Promise<boolean> {
  const rows = await tx
    .update(table)
    .set({ status: 'pending', attempts: 0, lastErrorCode: null, nextAttemptAt: sql`now()`, claimedAt: null })
    .where(and(eq(table.tenantId, key.tenantId), eq(table.id, key.id), eq(table.status, 'failed')))
    .returning({ id: table.id });
  return rows.length === 1;
}
