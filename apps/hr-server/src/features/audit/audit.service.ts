// The audit slice (SECURITY.md "Audit trail"): every slice records its changes and sensitive views
// through recordAudit, in the same transaction as the change, so a change without its row cannot commit.
import type { TAuditAction, TAuditLogQuery } from '@jinji/contracts/audit';
import type { Database, Tx } from '../../db/client';
import type { AuthContext } from '../../lib/auth-context';
import { findAuditPage, insertAudits } from './audit.repository';

/** Who acted: a signed-in user (AuthContext fits), or a job acting for the user who started it. */
export type AuditActor = { tenantId: string; userId: string | null; loginId: string | null };

export type AuditEntry = {
  action: TAuditAction;
  /** what was acted on: 'employee', 'master_item', 'role', 'user_account', 'code_settings', … */
  targetType: string;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
};

export function recordAudit(tx: Tx, actor: AuditActor, entry: AuditEntry): Promise<void> {
  return recordAudits(tx, actor, [entry]);
}

/** Many rows in one statement (bulk imports). */
export async function recordAudits(tx: Tx, actor: AuditActor, entries: AuditEntry[], at = new Date()): Promise<void> {
  await insertAudits(
    tx,
    entries.map((e) => ({
      tenantId: actor.tenantId,
      at,
      actorId: actor.userId,
      actorLoginId: actor.loginId,
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId ?? null,
      before: e.before ?? null,
      after: e.after ?? null,
    })),
  );
}

export async function listAuditLogs(db: Database, ctx: AuthContext, query: TAuditLogQuery) {
  const { items, total } = await db.asTenant(ctx.tenantId, (tx) => findAuditPage(tx, query));
  return {
    items: items.map((i) => ({ ...i, at: i.at.toISOString() })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
