// 【ログイン情報送付】 (R-TRN-1): a mail with the login URL, 組織コード, ログインID and a one-time link (72 h,
// the kit's password links, decision 012) — one user from the list or the detail, or every row marked
// in the 送付 column of an uploaded 「利用者情報CSV出力」 file. A bulk send writes all its links, mails and
// audit rows in one transaction, or nothing when the file is broken; each marked row is answered with
// what happened to it. The link's public routes (what it is for, set the password) are here too.
import { systemActor } from '@jinji/auth/actor';
import {
  consumePasswordLink,
  type IssuedLink,
  issuePasswordLinks,
  openPasswordLink,
  PasswordLinkInvalid,
  parsePasswordLinkToken,
} from '@jinji/auth/password-links';
import { checkPassword, hashPassword } from '@jinji/auth/passwords';
import type { TPasswordLinkResponse, TSetPasswordByLinkResponse } from '@jinji/contracts/common/password-links';
import { DEFAULT_PASSWORD_POLICY } from '@jinji/contracts/common/password-policy';
import {
  SEND_MARKS,
  type TBulkLoginInfoResponse,
  type TBulkLoginInfoRow,
  type TSendLoginInfoResponse,
} from '@jinji/contracts/training/users';
import { formatDateTime } from '@jinji/ja/text';
import { enqueueMails } from '@jinji/mail/outbox';
import type { MailWorker } from '@jinji/mail/worker';
import { FileReadError } from '@jinji/office-files/file-read-error';
import { unescapeFormula } from '@jinji/office-files/formula';
import { openTable, type Table } from '@jinji/office-files/table';
import { AppError } from '@jinji/server-kit/app-error';
import { withPasswordLinkErrors } from '@jinji/server-kit/password-link-error';
import { requireTrainingPermission as requirePermission, type TrainingActor } from '../../access';
import type { TrainingConfig } from '../../config';
import type { TrainingDb, TrainingTx } from '../../db/database';
import { mailOutbox } from '../../db/schema/index';
import { recordAudits } from '../audit/audit.service';
import { loginInfoMail } from './login-info-mail';
import { USER_CSV_HEADER } from './user-csv';
import * as repo from './users.repository';

export type LoginInfoDeps = { db: TrainingDb; config: Pick<TrainingConfig, 'publicUrl'>; mail: MailWorker };

/** One request sends at most this many mails (one transaction). */
export const MAX_BULK_ROWS = 10_000;

type Recipient = { id: string; loginId: string; displayName: string; email: string };

const loginUrlOf = (publicUrl: string, code: string) =>
  `${publicUrl}/login?organizationCode=${encodeURIComponent(code)}`;

/** The links, the mails and one audit row per user, in the caller's transaction. */
async function writeLoginInfo(tx: TrainingTx, deps: LoginInfoDeps, actor: TrainingActor, recipients: Recipient[]) {
  const org = await repo.findOrganisation(tx);
  if (!org) throw new AppError('NOT_FOUND');
  const links = await issuePasswordLinks(repo.trainingPasswordLinkStore, tx, {
    publicUrl: deps.config.publicUrl,
    tenantId: actor.tenantId,
    purpose: 'notice',
    userIds: recipients.map((r) => r.id),
  });
  const mailIds = await enqueueMails(
    tx,
    mailOutbox,
    recipients.map((r) => {
      const link = links.get(r.id) as IssuedLink;
      return {
        tenantId: actor.tenantId,
        to: r.email,
        template: loginInfoMail,
        data: {
          organisationName: org.name,
          organisationCode: org.code,
          displayName: r.displayName,
          loginId: r.loginId,
          loginUrl: loginUrlOf(deps.config.publicUrl, org.code),
          link: link.url,
          expiresAt: formatDateTime(link.expiresAt.toISOString()).slice(0, 16),
        },
      };
    }),
  );
  await recordAudits(
    tx,
    actor,
    recipients.map((r, i) => ({
      action: 'send_login_info',
      targetType: 'user',
      targetId: r.id,
      after: { loginId: r.loginId, mailId: mailIds[i] },
    })),
  );
  return { links, mailIds };
}

/** Why a user gets no mail (null: they do). */
function refusalOf(u: { email: string | null; disabledAt: Date | null }): string | null {
  if (u.disabledAt) return '利用停止中の利用者には送付できません';
  if (!u.email) return 'メールアドレスが登録されていないため送付できません';
  return null;
}

/** 【ログイン情報送付】 for one user. */
export async function sendLoginInfo(
  deps: LoginInfoDeps,
  actor: TrainingActor,
  userId: string,
): Promise<TSendLoginInfoResponse> {
  requirePermission(actor, 'users.manage');
  const result = await deps.db.asTenant(actor.tenantId, async (tx) => {
    const user = await repo.findUser(tx, userId);
    if (!user) throw new AppError('NOT_FOUND', '利用者が見つかりません');
    const refusal = refusalOf(user);
    if (refusal) throw new AppError('CONFLICT', refusal);
    const recipient = { id: user.id, loginId: user.loginId, displayName: user.displayName, email: user.email! };
    const { links, mailIds } = await writeLoginInfo(tx, deps, actor, [recipient]);
    return { mailId: mailIds[0]!, email: recipient.email, expiresAt: links.get(user.id)!.expiresAt.toISOString() };
  });
  await deps.mail.wake();
  return result;
}

const fileError = (message: string, fields?: { path: string; message: string }[]) =>
  new AppError('CSV_INVALID', message, fields);

const MARKS: readonly string[] = SEND_MARKS;
const MARK_HELP = `1、○、✓、レ のいずれかを入力してください`;

async function readRows(table: Table) {
  const rows: { line: number; cells: string[] }[] = [];
  try {
    for await (const row of table.rows()) rows.push(row);
  } catch (error) {
    if (error instanceof FileReadError) throw fileError(error.message);
    throw error;
  }
  return rows;
}

/**
 * The bulk send: the file's marked rows (送付 = one of SEND_MARKS) are sent to; a row with another mark,
 * an unknown or repeated ログインID, a disabled user or one without a mail address is refused with its
 * reason. A file that is not UTF-8 or Shift_JIS text (a character the encoding cannot hold, which
 * decoding turns into U+FFFD), lacks the ログインID or 送付 column, or marks nothing: refused whole.
 */
export async function sendLoginInfoFromFile(
  deps: LoginInfoDeps,
  actor: TrainingActor,
  bytes: Uint8Array,
): Promise<TBulkLoginInfoResponse> {
  requirePermission(actor, 'users.manage');
  let table: Table;
  try {
    table = await openTable(bytes, { maxRows: MAX_BULK_ROWS });
  } catch (error) {
    if (error instanceof FileReadError) throw fileError(error.message);
    throw error;
  }
  if (table.format !== 'csv') throw fileError('「利用者情報CSV出力」で出力したCSVファイルを選択してください');
  const header = table.header.map((h) => h.trim());
  const loginIdAt = header.indexOf(USER_CSV_HEADER[0]!);
  const markAt = header.indexOf('送付');
  const missing = [loginIdAt < 0 ? 'ログインID' : null, markAt < 0 ? '送付' : null].filter(Boolean);
  if (header.some((h) => h.includes('\uFFFD')) || missing.length > 0) {
    throw fileError(
      header.some((h) => h.includes('\uFFFD'))
        ? 'ファイルの文字コードを読み取れません。UTF-8 または Shift_JIS（CP932）で保存したCSVファイルを選択してください'
        : `1行目（見出し）に「${missing.join('」「')}」の列がありません。「利用者情報CSV出力」で出力したファイルを使ってください`,
    );
  }
  const rows = await readRows(table);
  const broken = rows.filter((r) => r.cells.some((c) => c.includes('\uFFFD')));
  if (broken.length > 0) {
    throw fileError(
      'ファイルの文字コードを読み取れない行があるため、送付しませんでした。UTF-8 または Shift_JIS（CP932）で保存し直してください',
      broken.slice(0, 100).map((r) => ({ path: `${r.line}行目`, message: `${r.line}行目の文字を読み取れません` })),
    );
  }
  const marked = rows
    .map((r) => ({
      row: r.line,
      loginId: unescapeFormula((r.cells[loginIdAt] ?? '').trim()),
      mark: (r.cells[markAt] ?? '').trim(),
    }))
    .filter((r) => r.mark !== '');
  if (marked.length === 0) {
    throw fileError(
      `送付する利用者がいません。送付欄に印（${MARK_HELP.replace('を入力してください', '')}）を付けてください`,
    );
  }

  const result = await deps.db.asTenant(actor.tenantId, async (tx) => {
    const known = new Map(
      (await repo.findUsersByLoginIds(tx, [...new Set(marked.map((m) => m.loginId).filter(Boolean))])).map((u) => [
        u.loginId,
        u,
      ]),
    );
    const firstRowOf = new Map<string, number>();
    const answers: TBulkLoginInfoRow[] = [];
    const recipients: Recipient[] = [];
    for (const m of marked) {
      const refuse = (reason: string) => answers.push({ row: m.row, loginId: m.loginId, status: 'refused', reason });
      if (!MARKS.includes(m.mark)) {
        refuse(`送付欄の「${m.mark}」は送付の印として読み取れません（${MARK_HELP}）`);
        continue;
      }
      if (!m.loginId) {
        refuse('ログインIDが空欄です');
        continue;
      }
      const first = firstRowOf.get(m.loginId);
      if (first !== undefined) {
        refuse(`同じログインIDが${first}行目にもあります（1回だけ送付します）`);
        continue;
      }
      firstRowOf.set(m.loginId, m.row);
      const user = known.get(m.loginId);
      if (!user) {
        refuse(`ログインID「${m.loginId}」の利用者が見つかりません`);
        continue;
      }
      const refusal = refusalOf(user);
      if (refusal) {
        refuse(refusal);
        continue;
      }
      recipients.push({ id: user.id, loginId: user.loginId, displayName: user.displayName, email: user.email! });
      answers.push({ row: m.row, loginId: m.loginId, status: 'sent', reason: null });
    }
    if (recipients.length > 0) await writeLoginInfo(tx, deps, actor, recipients);
    return { answers, sentCount: recipients.length };
  });
  if (result.sentCount > 0) await deps.mail.wake();
  return {
    encoding: table.encoding ?? 'utf8',
    sentCount: result.sentCount,
    refusedCount: result.answers.length - result.sentCount,
    rows: result.answers,
  };
}

// ---- public: the holder of a link ---------------------------------------------------------------

/** The password-set page: whose account the link is for, and the policy to meet. Changes nothing. */
export const inspectTrainingPasswordLink = (db: TrainingDb, token: string): Promise<TPasswordLinkResponse> =>
  withPasswordLinkErrors(async () => {
    const { tenantId, idHash } = parsePasswordLinkToken(token);
    return db.asTenant(tenantId, async (tx) => {
      const link = await openPasswordLink(repo.trainingPasswordLinkStore, tx, idHash);
      const org = await repo.findOrganisation(tx);
      if (!org) throw new PasswordLinkInvalid('unknown');
      return {
        purpose: link.purpose,
        tenantCode: org.code,
        tenantName: org.name,
        loginId: link.loginId,
        expiresAt: link.expiresAt.toISOString(),
        policy: DEFAULT_PASSWORD_POLICY,
      };
    });
  });

/**
 * The new password under the kit's default policy (training has no policy screen), in one transaction
 * with the link's used_at: the user's sessions end, their login locks are lifted, one audit row.
 */
export const setTrainingPasswordByLink = (
  db: TrainingDb,
  token: string,
  newPassword: string,
): Promise<TSetPasswordByLinkResponse> =>
  withPasswordLinkErrors(async () => {
    const { tenantId, idHash } = parsePasswordLinkToken(token);
    const { link, org } = await db.asTenant(tenantId, async (tx) => ({
      link: await openPasswordLink(repo.trainingPasswordLinkStore, tx, idHash),
      org: await repo.findOrganisation(tx),
    }));
    if (!org) throw new PasswordLinkInvalid('unknown');
    const violations = checkPassword(newPassword, DEFAULT_PASSWORD_POLICY, {
      loginId: link.loginId,
      tenantCode: org.code,
      tenantName: org.name,
    });
    if (violations.length > 0) {
      throw new AppError(
        'PASSWORD_POLICY_VIOLATION',
        undefined,
        violations.map((v) => ({ path: 'newPassword', message: v.message })),
      );
    }
    const hash = await hashPassword(newPassword);
    await db.asTenant(tenantId, async (tx) => {
      const used = await consumePasswordLink(repo.trainingPasswordLinkStore, tx, idHash, (l) =>
        repo.setPassword(tx, l.userId, hash),
      );
      await repo.deleteUserSessions(tx, used.userId);
      await repo.deleteLoginThrottles(tx, used.userId);
      const actor = { ...systemActor(tenantId, `password-link:${used.purpose}`, { systemRole: 'general' as const }) };
      await recordAudits(tx, { ...actor, userId: used.userId, loginId: used.loginId }, [
        {
          action: 'update',
          targetType: 'user',
          targetId: used.userId,
          before: { loginId: used.loginId },
          after: { loginId: used.loginId, passwordSetBy: used.purpose },
        },
      ]);
    });
    return { tenantCode: org.code, loginId: link.loginId };
  });
