// Training's audit slice: every change of data writes its row here, in the transaction of the change,
// so a change without its row cannot commit. Values are ids, codes and the changed fields.
import { actingUserOf } from '@jinji/auth/actor';
import type { TrainingActor } from '../../access';
import type { TrainingTx } from '../../db/database';
import { auditLogs } from '../../db/schema/index';

export type TrainingAuditEntry = {
  /** 'create', 'update', 'delete', 'send_login_info', 'apply', 'approve', … */
  action: string;
  /** 'user', 'course', 'course_session', 'application', 'scim_token', … */
  targetType: string;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
};

/** The actor's label: 'user:<ログインID>', 'service:<token id>', 'job:<id>' or 'system:<job id>'. */
function labelOf(actor: TrainingActor): string {
  if (actor.kind === 'service') return `service:${actor.serviceId}`;
  if (actor.kind === 'job') return actor.loginId ? `user:${actor.loginId}` : `system:${actor.jobId}`;
  return `user:${actor.loginId}`;
}

export async function recordAudits(tx: TrainingTx, actor: TrainingActor, entries: TrainingAuditEntry[]) {
  if (entries.length === 0) return;
  const at = new Date();
  const { userId } = actingUserOf(actor);
  await tx.insert(auditLogs).values(
    entries.map((e) => ({
      organisationId: actor.tenantId,
      at,
      actorUserId: userId,
      actorLabel: labelOf(actor),
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId ?? null,
      before: e.before ?? null,
      after: e.after ?? null,
    })),
  );
}

export const recordAudit = (tx: TrainingTx, actor: TrainingActor, entry: TrainingAuditEntry) =>
  recordAudits(tx, actor, [entry]);
