// SCIM 2.0 provisioning of training 利用者 (R-TRN-4) and its bearer tokens (連携設定). Every write runs in
// one tenant transaction with its audit rows; a write that changes nothing writes nothing (idempotent
// PUT / PATCH). Bulk runs in one transaction per request: consecutive creates are checked together and
// inserted with one statement, every other operation in a savepoint of its own, so a failed operation
// leaves no row and failOnErrors stops the run where the RFC says.
import { randomUUID } from 'node:crypto';
import { newSessionToken, parseSessionToken } from '@jinji/auth/session-token';
import {
  SCIM_BULK_MAX_OPERATIONS,
  SCIM_MAX_RESULTS,
  SCIM_SCHEMAS,
  type TIssuedScimToken,
  type TIssueScimTokenRequest,
  type TScimBulkRequest,
  type TScimBulkResponse,
  type TScimBulkResult,
  type TScimPatchRequest,
  type TScimTokenItem,
  type TScimTokenList,
  type TScimUserList,
} from '@jinji/contracts/training/scim';
import { findDatabaseError, isUniqueViolation } from '@jinji/db/errors';
import { AppError } from '@jinji/server-kit/app-error';
import { patchBodyValidation, scimPatch } from 'scim-patch';
import { parse as parseFilter } from 'scim2-parse-filter';
import { requireTrainingPermission, type TrainingActor, type TrainingServiceActor } from '../../access';
import type { TrainingDb, TrainingTx } from '../../db/database';
import { recordAudit, recordAudits, type TrainingAuditEntry } from '../audit/audit.service';
import { userSearchText } from '../users/users.service';
import * as repo from './scim.repository';
import { ScimError, scimInvalid, scimNotFound } from './scim-error';
import {
  diffOf,
  fieldsOf,
  fieldsOfRow,
  parseScimUser,
  reconcileName,
  type ScimUserFields,
  type ScimUserRow,
  toScimUser,
} from './scim-user';

type ScimActor = TrainingServiceActor;

// ---- the token behind a request -----------------------------------------------------------------

/** The bearer token → its organisation's service actor; null when unknown or revoked. */
export async function resolveScimToken(db: TrainingDb, token: string): Promise<ScimActor | null> {
  const parsed = parseSessionToken(token);
  if (!parsed) return null;
  return db.asTenant(parsed.tenantId, async (tx) => {
    const row = await repo.tokenByHash(tx, parsed.idHash);
    if (!row || row.revokedAt) return null;
    const now = new Date();
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) await repo.touchToken(tx, row.id, now);
    // SCIM grants nothing of the screens: the SCIM service checks the kind, other services the role
    return { kind: 'service', tenantId: parsed.tenantId, serviceId: row.id, systemRole: 'general' };
  });
}

function requireScim(actor: TrainingActor): void {
  if (actor.kind !== 'service') throw new AppError('FORBIDDEN');
}

// ---- Users --------------------------------------------------------------------------------------

const USER_ATTRIBUTES = { username: 'userName', externalid: 'externalId' } as const;
const CORE_PREFIX = `${SCIM_SCHEMAS.user}:`.toLowerCase();

/** `userName eq "…"` or `externalId eq "…"`: the filters HR, Okta and Entra send. Anything else is refused. */
export function parseUserFilter(text: string | undefined): repo.UserFilter {
  if (text === undefined || text.trim() === '') return null;
  const refuse = () =>
    new ScimError(
      400,
      'invalidFilter',
      'filter は userName eq "…" または externalId eq "…" のみ使えます / only userName eq and externalId eq filters are supported',
    );
  let ast: ReturnType<typeof parseFilter>;
  try {
    ast = parseFilter(text);
  } catch {
    throw refuse();
  }
  if (ast.op !== 'eq' || typeof ast.compValue !== 'string') throw refuse();
  let path = ast.attrPath.toLowerCase();
  if (path.startsWith(CORE_PREFIX)) path = path.slice(CORE_PREFIX.length);
  const attribute = USER_ATTRIBUTES[path as keyof typeof USER_ATTRIBUTES];
  if (!attribute) throw refuse();
  return { attribute, value: ast.compValue };
}

export async function listScimUsers(
  db: TrainingDb,
  actor: TrainingActor,
  query: { filter?: string; startIndex?: number; count?: number },
  baseUrl: string,
): Promise<TScimUserList> {
  requireScim(actor);
  const filter = parseUserFilter(query.filter);
  const startIndex = Math.max(1, query.startIndex ?? 1);
  const count = Math.min(SCIM_MAX_RESULTS, Math.max(0, query.count ?? 100));
  const { rows, total } = await db.asTenant(actor.tenantId, (tx) => repo.findUsers(tx, filter, startIndex - 1, count));
  return {
    schemas: [SCIM_SCHEMAS.list],
    totalResults: total,
    startIndex,
    itemsPerPage: rows.length,
    Resources: rows.map((r) => toScimUser(r, baseUrl)),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function requireUser(tx: TrainingTx, id: string, forUpdate = false): Promise<ScimUserRow> {
  const row = UUID.test(id) ? await repo.userById(tx, id, { forUpdate }) : null;
  if (!row) throw scimNotFound(id);
  return row;
}

export async function getScimUser(db: TrainingDb, actor: TrainingActor, id: string, baseUrl: string) {
  requireScim(actor);
  return toScimUser(await db.asTenant(actor.tenantId, (tx) => requireUser(tx, id)), baseUrl);
}

const takenUserName = () =>
  new ScimError(409, 'uniqueness', 'userName（ログインID）は既に使われています / userName is already taken');
const takenExternalId = () =>
  new ScimError(409, 'uniqueness', 'externalId（従業員キー）は既に使われています / externalId is already taken');

/** A unique violation of users as SCIM's 409 (a concurrent writer got there between check and write). */
function uniquenessOf(error: unknown): ScimError | null {
  if (!isUniqueViolation(error)) return null;
  return findDatabaseError(error)?.constraint === 'users_external_id_uq' ? takenExternalId() : takenUserName();
}

async function assertUnique(tx: TrainingTx, fields: ScimUserFields, exceptId?: string): Promise<void> {
  const holders = await repo.usersHolding(tx, [fields.loginId], fields.externalId ? [fields.externalId] : [], exceptId);
  if (holders.some((h) => h.loginId === fields.loginId)) throw takenUserName();
  if (holders.length > 0) throw takenExternalId();
}

function newUserRow(
  organisationId: string,
  fields: ScimUserFields,
  now: Date,
): ScimUserRow & { organisationId: string } {
  const { isActive, ...columns } = fields;
  // システム権限 一般 and 性別 回答しない are the table's defaults; 部署名 不明 comes with the fields
  return {
    ...columns,
    organisationId,
    id: randomUUID(),
    disabledAt: isActive ? null : now,
    linkedAt: now,
    createdAt: now,
    updatedAt: now,
  };
}

/** 利用者情報's keyword search reads the folded text (users.service): a provisioned user is found like any other. */
const withSearchText = <R extends Parameters<typeof userSearchText>[0]>(row: R) => ({
  ...row,
  searchText: userSearchText(row),
});

const createdEntry = (row: ScimUserRow): TrainingAuditEntry => ({
  action: 'create',
  targetType: 'user',
  targetId: row.id,
  after: { ...fieldsOfRow(row), linked: true },
});

async function createIn(tx: TrainingTx, actor: ScimActor, body: unknown): Promise<ScimUserRow> {
  const fields = fieldsOf(parseScimUser(body), null);
  await assertUnique(tx, fields);
  const [row] = await repo.insertUsers(tx, [withSearchText(newUserRow(actor.tenantId, fields, new Date()))]);
  await recordAudit(tx, actor, createdEntry(row!));
  return row!;
}

/** Writes what differs from `row` (nothing when nothing does), links the user, ends a disabled one's sessions. */
async function updateIn(tx: TrainingTx, actor: ScimActor, row: ScimUserRow, fields: ScimUserFields) {
  const { before, after, changed } = diffOf(row, fields);
  if (!changed) return row;
  if ('loginId' in after || 'externalId' in after) await assertUnique(tx, fields, row.id);
  const now = new Date();
  const { isActive, ...columns } = fields;
  const updated = await repo.updateUser(tx, row.id, {
    ...columns,
    searchText: userSearchText(columns),
    disabledAt: isActive ? null : (row.disabledAt ?? now),
    linkedAt: row.linkedAt ?? now,
    updatedAt: now,
  });
  if (!isActive && row.disabledAt === null) await repo.deleteSessionsOf(tx, row.id);
  await recordAudit(tx, actor, { action: 'update', targetType: 'user', targetId: row.id, before, after });
  return updated;
}

async function replaceIn(tx: TrainingTx, actor: ScimActor, id: string, body: unknown) {
  const row = await requireUser(tx, id, true);
  return updateIn(tx, actor, row, fieldsOf(parseScimUser(body), row, { complete: false }));
}

async function patchIn(tx: TrainingTx, actor: ScimActor, id: string, body: unknown, baseUrl: string) {
  const row = await requireUser(tx, id, true);
  const current = toScimUser(row, baseUrl);
  let patched: Record<string, unknown>;
  try {
    const request = body as TScimPatchRequest;
    patchBodyValidation(request as Parameters<typeof patchBodyValidation>[0]);
    patched = scimPatch(
      current as unknown as Parameters<typeof scimPatch>[0],
      request.Operations as Parameters<typeof scimPatch>[1],
      {
        mutateDocument: false,
        treatMissingAsAdd: true,
      },
    ) as unknown as Record<string, unknown>;
  } catch (error) {
    if (error instanceof ScimError) throw error;
    const scimCode = (error as { scimCode?: string }).scimCode;
    const scimType = scimCode === 'noTarget' || scimCode === 'invalidPath' ? scimCode : 'invalidSyntax';
    throw new ScimError(400, scimType, `PATCH の内容が正しくありません / ${(error as Error).message}`);
  }
  const input = parseScimUser(reconcileName(current, patched));
  return updateIn(tx, actor, row, fieldsOf(input, row, { complete: true }));
}

async function deleteIn(tx: TrainingTx, actor: ScimActor, id: string): Promise<void> {
  const row = await requireUser(tx, id, true);
  try {
    await tx.transaction((sp) => repo.deleteUser(sp as TrainingTx, row.id));
  } catch (error) {
    if (findDatabaseError(error)?.code !== '23503') throw error;
    throw new ScimError(
      409,
      undefined,
      '申込などの記録がある利用者は削除できません。active: false で利用停止してください / the user has records: deactivate with active false',
    );
  }
  await recordAudit(tx, actor, {
    action: 'delete',
    targetType: 'user',
    targetId: row.id,
    before: { loginId: row.loginId, externalId: row.externalId },
  });
}

/** One operation in the tenant's transaction; a unique violation of a racing writer becomes a 409. */
async function inTenant<T>(db: TrainingDb, actor: TrainingActor, fn: (tx: TrainingTx, a: ScimActor) => Promise<T>) {
  requireScim(actor);
  try {
    return await db.asTenant(actor.tenantId, (tx) => fn(tx, actor as ScimActor));
  } catch (error) {
    throw uniquenessOf(error) ?? error;
  }
}

export const createScimUser = (db: TrainingDb, actor: TrainingActor, body: unknown, baseUrl: string) =>
  inTenant(db, actor, (tx, a) => createIn(tx, a, body)).then((row) => toScimUser(row, baseUrl));

export const replaceScimUser = (db: TrainingDb, actor: TrainingActor, id: string, body: unknown, baseUrl: string) =>
  inTenant(db, actor, (tx, a) => replaceIn(tx, a, id, body)).then((row) => toScimUser(row, baseUrl));

export const patchScimUser = (db: TrainingDb, actor: TrainingActor, id: string, body: unknown, baseUrl: string) =>
  inTenant(db, actor, (tx, a) => patchIn(tx, a, id, body, baseUrl)).then((row) => toScimUser(row, baseUrl));

export const deleteScimUser = (db: TrainingDb, actor: TrainingActor, id: string) =>
  inTenant(db, actor, (tx, a) => deleteIn(tx, a, id));

// ---- Bulk ---------------------------------------------------------------------------------------

type BulkOp = TScimBulkRequest['Operations'][number];
type Target = { kind: 'users' } | { kind: 'user'; id: string } | { kind: 'user-bulk'; bulkId: string };

function targetOf(path: string): Target | null {
  if (path === '/Users') return { kind: 'users' };
  const m = /^\/Users\/([^/]+)$/.exec(path);
  if (!m) return null;
  return m[1]!.startsWith('bulkId:') ? { kind: 'user-bulk', bulkId: m[1]!.slice(7) } : { kind: 'user', id: m[1]! };
}

const isCreate = (op: BulkOp) => op.method.toUpperCase() === 'POST' && op.path === '/Users';

function failed(op: BulkOp, error: ScimError): TScimBulkResult {
  return {
    method: op.method.toUpperCase(),
    ...(op.bulkId ? { bulkId: op.bulkId } : {}),
    status: String(error.status),
    response: error.toBody(),
  };
}

class BulkRun {
  readonly results: TScimBulkResult[] = [];
  readonly bulkIds = new Map<string, string>();
  errors = 0;

  constructor(
    readonly tx: TrainingTx,
    readonly actor: ScimActor,
    readonly baseUrl: string,
    readonly failOnErrors: number,
  ) {}

  get isStopped() {
    return this.errors >= this.failOnErrors;
  }

  fail(op: BulkOp, error: ScimError) {
    this.results.push(failed(op, error));
    this.errors++;
  }

  succeed(op: BulkOp, status: number, id?: string) {
    this.results.push({
      method: op.method.toUpperCase(),
      ...(op.bulkId ? { bulkId: op.bulkId } : {}),
      ...(id ? { location: `${this.baseUrl}/Users/${id}` } : {}),
      status: String(status),
    });
  }

  /** A bulkId already used in this request cannot name a second resource. */
  checkBulkId(op: BulkOp, seen: Set<string>): ScimError | null {
    if (op.bulkId === undefined)
      return op.method.toUpperCase() === 'POST' ? scimInvalid('bulkId は必須です / bulkId is required for POST') : null;
    if (this.bulkIds.has(op.bulkId) || seen.has(op.bulkId)) {
      return scimInvalid('bulkId が重複しています / bulkId is used twice');
    }
    return null;
  }

  /**
   * Consecutive creates, checked together: body, bulkId, and userName / externalId against the
   * database (one query) and against the creates before them; then one INSERT and one audit INSERT.
   */
  async createMany(ops: BulkOp[]) {
    const now = new Date();
    const planned: ({ op: BulkOp; fields: ScimUserFields } | { op: BulkOp; error: ScimError })[] = [];
    const seenBulkIds = new Set<string>();
    for (const op of ops) {
      const bulkError = this.checkBulkId(op, seenBulkIds);
      if (op.bulkId) seenBulkIds.add(op.bulkId);
      if (bulkError) {
        planned.push({ op, error: bulkError });
        continue;
      }
      try {
        planned.push({ op, fields: fieldsOf(parseScimUser(op.data), null) });
      } catch (error) {
        if (!(error instanceof ScimError)) throw error;
        planned.push({ op, error });
      }
    }
    const valid = planned.flatMap((p) => ('fields' in p ? [p.fields] : []));
    const holders = await repo.usersHolding(
      this.tx,
      valid.map((f) => f.loginId),
      valid.flatMap((f) => (f.externalId ? [f.externalId] : [])),
    );
    const loginIds = new Set(holders.map((h) => h.loginId));
    const externalIds = new Set(holders.flatMap((h) => (h.externalId ? [h.externalId] : [])));
    const rows: ReturnType<typeof newUserRow>[] = [];
    for (const p of planned) {
      if (this.errors >= this.failOnErrors) break; // failOnErrors: the rest is not performed
      if ('error' in p) {
        this.fail(p.op, p.error);
        continue;
      }
      const clash = loginIds.has(p.fields.loginId)
        ? takenUserName()
        : p.fields.externalId && externalIds.has(p.fields.externalId)
          ? takenExternalId()
          : null;
      if (clash) {
        this.fail(p.op, clash);
        continue;
      }
      loginIds.add(p.fields.loginId);
      if (p.fields.externalId) externalIds.add(p.fields.externalId);
      const row = newUserRow(this.actor.tenantId, p.fields, now);
      rows.push(row);
      if (p.op.bulkId) this.bulkIds.set(p.op.bulkId, row.id);
      this.succeed(p.op, 201, row.id); // in the request's order; the rows are written below in one statement
    }
    await repo.insertUsersQuietly(this.tx, rows.map(withSearchText));
    await recordAudits(this.tx, this.actor, rows.map(createdEntry));
  }

  /** One create in a savepoint (the safe retry of a batch). */
  async createOne(op: BulkOp) {
    const bulkError = this.checkBulkId(op, new Set());
    if (bulkError) return this.fail(op, bulkError);
    try {
      const row = await this.tx.transaction((sp) => createIn(sp as TrainingTx, this.actor, op.data));
      if (op.bulkId) this.bulkIds.set(op.bulkId, row.id);
      this.succeed(op, 201, row.id);
    } catch (error) {
      const scim = error instanceof ScimError ? error : uniquenessOf(error);
      if (!scim) throw error;
      this.fail(op, scim);
    }
  }

  /** Any other operation, in a savepoint: its failure leaves nothing behind. */
  async one(op: BulkOp) {
    const method = op.method.toUpperCase();
    const target = targetOf(op.path);
    if (method === 'POST' && target?.kind === 'users') return this.createOne(op);
    let id: string | undefined;
    if (target?.kind === 'user') id = target.id;
    else if (target?.kind === 'user-bulk') id = this.bulkIds.get(target.bulkId);
    if (!target || target.kind === 'users' || !['PUT', 'PATCH', 'DELETE'].includes(method)) {
      return this.fail(
        op,
        new ScimError(400, 'invalidPath', 'path と method の組み合わせが正しくありません / unsupported path or method'),
      );
    }
    if (id === undefined) {
      return this.fail(op, new ScimError(409, 'invalidValue', 'bulkId を解決できません / bulkId cannot be resolved'));
    }
    const userId = id;
    try {
      await this.tx.transaction(async (sp) => {
        const tx = sp as TrainingTx;
        if (method === 'PUT') await replaceIn(tx, this.actor, userId, op.data);
        else if (method === 'PATCH') await patchIn(tx, this.actor, userId, op.data, this.baseUrl);
        else await deleteIn(tx, this.actor, userId);
      });
      this.succeed(op, method === 'DELETE' ? 204 : 200, method === 'DELETE' ? undefined : userId);
    } catch (error) {
      const scim = error instanceof ScimError ? error : uniquenessOf(error);
      if (!scim) throw error;
      this.fail(op, scim);
    }
  }
}

/**
 * POST /Bulk. `safe`: every create in its own savepoint — the retry after a concurrent writer made the
 * batched INSERT fail on a unique index (the whole first attempt rolled back).
 */
export async function runScimBulk(
  db: TrainingDb,
  actor: TrainingActor,
  body: TScimBulkRequest,
  baseUrl: string,
): Promise<TScimBulkResponse> {
  requireScim(actor);
  if (body.Operations.length > SCIM_BULK_MAX_OPERATIONS) {
    throw new ScimError(
      413,
      'tooMany',
      `一度に送れる操作は${SCIM_BULK_MAX_OPERATIONS}件までです（${body.Operations.length}件） / the bulk request exceeds maxOperations (${SCIM_BULK_MAX_OPERATIONS})`,
    );
  }
  const failOnErrors = body.failOnErrors ?? Number.POSITIVE_INFINITY;
  const attempt = (safe: boolean) =>
    db.asTenant(actor.tenantId, async (tx) => {
      const run = new BulkRun(tx, actor as ScimActor, baseUrl, failOnErrors);
      const ops = body.Operations;
      for (let i = 0; i < ops.length && !run.isStopped; ) {
        if (!safe && isCreate(ops[i]!)) {
          let j = i;
          while (j < ops.length && isCreate(ops[j]!)) j++;
          await run.createMany(ops.slice(i, j));
          i = j;
        } else {
          await run.one(ops[i]!);
          i++;
        }
      }
      return run.results;
    });
  let results: TScimBulkResult[];
  try {
    results = await attempt(false);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    results = await attempt(true);
  }
  return { schemas: [SCIM_SCHEMAS.bulkResponse], Operations: results };
}

// ---- tokens (連携設定) ------------------------------------------------------------------------------

/** 連携設定 is a person's act: a token never manages tokens. */
function requireIntegrationAdmin(actor: TrainingActor): void {
  if (actor.kind === 'service') throw new AppError('FORBIDDEN');
  requireTrainingPermission(actor, 'integration.manage');
}

const tokenItem = (row: repo.ScimTokenRow): TScimTokenItem => ({
  id: row.id,
  label: row.label,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

export async function listScimTokens(
  db: TrainingDb,
  actor: TrainingActor,
  q: { page: number; pageSize: number },
): Promise<TScimTokenList> {
  requireIntegrationAdmin(actor);
  const { items, total } = await db.asTenant(actor.tenantId, (tx) => repo.listTokens(tx, q.page, q.pageSize));
  return { items: items.map(tokenItem), total, page: q.page, pageSize: q.pageSize };
}

async function issueIn(tx: TrainingTx, actor: TrainingActor, label: string) {
  const { token, idHash } = newSessionToken(actor.tenantId);
  const row = await repo.insertToken(tx, { organisationId: actor.tenantId, tokenHash: idHash, label });
  // the audit row names the token by id: neither the token nor its hash is written anywhere else
  await recordAudit(tx, actor, { action: 'issue', targetType: 'scim_token', targetId: row.id, after: { label } });
  return { token: tokenItem(row), secret: token };
}

export async function issueScimToken(
  db: TrainingDb,
  actor: TrainingActor,
  body: TIssueScimTokenRequest,
): Promise<TIssuedScimToken> {
  requireIntegrationAdmin(actor);
  return db.asTenant(actor.tenantId, (tx) => issueIn(tx, actor, body.label));
}

async function requireToken(tx: TrainingTx, id: string) {
  const row = await repo.tokenById(tx, id, { forUpdate: true });
  if (!row) throw new AppError('NOT_FOUND', 'トークンが見つかりません');
  return row;
}

async function revokeIn(tx: TrainingTx, actor: TrainingActor, row: repo.ScimTokenRow, action: string, extra = {}) {
  if (row.revokedAt) return row;
  const revoked = await repo.revokeToken(tx, row.id, new Date());
  await recordAudit(tx, actor, {
    action,
    targetType: 'scim_token',
    targetId: row.id,
    before: { revokedAt: null },
    after: { revokedAt: revoked.revokedAt?.toISOString(), ...extra },
  });
  return revoked;
}

/** 再発行: the token stops working now, and a new one with its name is issued (shown once). */
export async function rotateScimToken(db: TrainingDb, actor: TrainingActor, id: string): Promise<TIssuedScimToken> {
  requireIntegrationAdmin(actor);
  return db.asTenant(actor.tenantId, async (tx) => {
    const old = await requireToken(tx, id);
    const issued = await issueIn(tx, actor, old.label);
    await revokeIn(tx, actor, old, 'rotate', { replacedBy: issued.token.id });
    return issued;
  });
}

/** 失効: at once; a revoked token stays listed. Revoking again changes nothing. */
export async function revokeScimToken(db: TrainingDb, actor: TrainingActor, id: string): Promise<TScimTokenItem> {
  requireIntegrationAdmin(actor);
  return db.asTenant(actor.tenantId, async (tx) =>
    tokenItem(await revokeIn(tx, actor, await requireToken(tx, id), 'revoke')),
  );
}
