// The outbox's sender (decision 010): a pg-boss queue of wake-ups, never of mails. The rows are the
// truth; a dispatch claims due rows across tenants on the owner connection (FOR UPDATE SKIP LOCKED, so
// several processes on PostgreSQL never take the same mail), sends each with nodemailer over SMTP and
// writes the outcome on the row. A temporary refusal or a lost connection puts the row back with
// exponential backoff; a permanent refusal (SMTP 5xx) or the last attempt leaves it 送信失敗.
// Wake-ups: after a commit (wake()), at the next retry's time, at start, and each minute as a net.
import { and, asc, eq, inArray, lt, lte, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type PgBoss from 'pg-boss';
import type { AnyDb, MailOutboxTable, MailRow } from './outbox';

export type MailLog = { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };

export type MailWorkerOptions = {
  boss: PgBoss;
  /** the app's owner connection: the dispatch reads every tenant's due mails */
  owner: AnyDb;
  table: MailOutboxTable;
  /** the app's queue name (pg-boss schemas are per app already) */
  queue?: string;
  /** unset: no worker; the mails stay in the outbox, readable as 未送信 */
  smtpUrl: string | undefined;
  from: string;
  log: MailLog;
  /** attempts before 送信失敗 (default 5) */
  maxAttempts?: number;
  /** the first retry's delay; each next one doubles (default 30 s: 30 s, 1 min, 2 min, 4 min) */
  backoffSeconds?: number;
  /** a claimed row whose worker died is given back after this long (default 10 min) */
  staleClaimSeconds?: number;
};

export type MailWorker = {
  /** a dispatch soon; call after committing a transaction that enqueued mail */
  wake(): Promise<void>;
  /** one dispatch now, in the caller (the CLI, tests); returns how many mails it handled */
  dispatch(): Promise<number>;
  /** closes the pooled SMTP connections (after pg-boss has stopped) */
  close(): void;
};

/** A mail nobody will send: the app runs without SMTP, the row stays readable as 未送信. */
export const NO_MAIL_WORKER: MailWorker = { wake: async () => {}, dispatch: async () => 0, close: () => {} };

export const MAIL_QUEUE = 'mail-dispatch';
const BATCH = 20;

/** What the row keeps of a failure: nodemailer's code and the SMTP reply code, never the reply's text. */
export function mailErrorCode(error: unknown): { code: string; isPermanent: boolean } {
  const e = error as { code?: unknown; responseCode?: unknown };
  const code = typeof e?.code === 'string' && /^[A-Z_]{1,32}$/.test(e.code) ? e.code : 'ESEND';
  const reply = typeof e?.responseCode === 'number' ? e.responseCode : undefined;
  return { code: reply ? `${code}:${reply}` : code, isPermanent: reply !== undefined && reply >= 500 };
}

export async function startMailWorker(opts: MailWorkerOptions): Promise<MailWorker> {
  const { boss, owner, table, log, smtpUrl } = opts;
  if (!smtpUrl) {
    log.info({}, 'no SMTP_URL: mails stay in the outbox unsent');
    return NO_MAIL_WORKER;
  }
  const queue = opts.queue ?? MAIL_QUEUE;
  const maxAttempts = opts.maxAttempts ?? 5;
  const backoffMs = (opts.backoffSeconds ?? 30) * 1000;
  const staleMs = (opts.staleClaimSeconds ?? 600) * 1000;
  // pooled: one SMTP session carries many mails (a new one per mail managed about 16 mails/s locally)
  const transport = nodemailer.createTransport({ url: smtpUrl, pool: true, maxConnections: 2 });

  const claim = async (): Promise<MailRow[]> => {
    const due = owner
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.status, 'pending'), lte(table.nextAttemptAt, sql`now()`)))
      .orderBy(asc(table.nextAttemptAt))
      .limit(BATCH)
      .for('update', { skipLocked: true });
    return owner
      .update(table)
      .set({ status: 'sending', claimedAt: sql`now()`, attempts: sql`${table.attempts} + 1` })
      .where(inArray(table.id, due))
      .returning();
  };

  const sendOne = async (row: MailRow) => {
    const key = and(eq(table.tenantId, row.tenantId), eq(table.id, row.id));
    const fields = { mailId: row.id, tenantId: row.tenantId, template: row.template, attempt: row.attempts };
    try {
      await transport.sendMail({
        from: opts.from,
        to: row.toAddress,
        subject: row.subject,
        text: row.textBody,
        ...(row.htmlBody ? { html: row.htmlBody } : {}),
      });
      await owner.update(table).set({ status: 'sent', sentAt: sql`now()`, lastErrorCode: null }).where(key);
      log.info(fields, 'mail sent');
    } catch (error) {
      const { code, isPermanent } = mailErrorCode(error);
      const isLast = isPermanent || row.attempts >= maxAttempts;
      const delayMs = backoffMs * 2 ** (row.attempts - 1);
      await owner
        .update(table)
        .set(
          isLast
            ? { status: 'failed', lastErrorCode: code, claimedAt: null }
            : {
                status: 'pending',
                lastErrorCode: code,
                claimedAt: null,
                nextAttemptAt: sql`now() + ${`${delayMs} milliseconds`}::interval`,
              },
        )
        .where(key);
      log.warn({ ...fields, code, failed: isLast }, isLast ? 'mail failed' : 'mail send will be retried');
    }
  };

  const scheduleNextRetry = async () => {
    const [next] = await owner
      .select({ at: sql<string>`min(${table.nextAttemptAt})` })
      .from(table)
      .where(eq(table.status, 'pending'));
    if (!next?.at) return;
    const startAfter = new Date(next.at);
    if (startAfter.getTime() <= Date.now()) await wake();
    else await boss.send(queue, {}, { startAfter, singletonKey: 'retry' });
  };

  const dispatch = async () => {
    // a worker that died between claim and outcome: the mail goes back (it may go out twice, never zero times)
    await owner
      .update(table)
      .set({ status: 'pending', claimedAt: null })
      .where(
        and(eq(table.status, 'sending'), lt(table.claimedAt, sql`now() - ${`${staleMs} milliseconds`}::interval`)),
      );
    let handled = 0;
    for (let rows = await claim(); rows.length > 0; rows = await claim()) {
      for (const row of rows) await sendOne(row);
      handled += rows.length;
    }
    await scheduleNextRetry();
    return handled;
  };

  // 'short': at most one queued wake-up per key, so a burst of wakes costs one dispatch
  await boss.createQueue(queue, { name: queue, policy: 'short' });
  await boss.work(queue, { pollingIntervalSeconds: 1 }, async () => {
    await dispatch();
  });
  await boss.schedule(queue, '* * * * *', {}, { singletonKey: 'minute' });
  const wake = async () => {
    await boss.send(queue, {}, { singletonKey: 'now' });
  };
  await wake(); // mails committed while no worker ran
  return { wake, dispatch, close: () => transport.close() };
}
