// SCIM test support: a token issued the way 連携設定 issues it (the service, as an organisation's 管理者),
// and a client that speaks application/scim+json with it.
import type { FastifyInstance } from 'fastify';
import type { TrainingActor } from '../../access';
import type { TrainingDb } from '../../db/database';
import { issueScimToken } from './scim.service';

export const adminActorOf = (organisationId: string, userId: string): TrainingActor => ({
  kind: 'user',
  tenantId: organisationId,
  userId,
  loginId: 'admin',
  displayName: 'admin',
  systemRole: 'admin',
});

export async function issueTestToken(db: TrainingDb, org: { id: string; userIds: string[] }, label = '人事システム') {
  const issued = await issueScimToken(db, adminActorOf(org.id, org.userIds[0]!), { label });
  return { id: issued.token.id, secret: issued.secret };
}

export type ScimMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One token's requests; `body` is sent as application/scim+json unless `contentType` says otherwise. */
export const scimClient =
  (app: FastifyInstance, token: string | null) =>
  async (method: ScimMethod, url: string, body?: unknown, opts: { contentType?: string; raw?: string } = {}) => {
    const headers: Record<string, string> = {};
    if (token !== null) headers.authorization = `Bearer ${token}`;
    const payload = opts.raw ?? (body === undefined ? undefined : JSON.stringify(body));
    if (payload !== undefined) headers['content-type'] = opts.contentType ?? 'application/scim+json';
    const res = await app.inject({ method, url: `/scim/v2${url}`, headers, payload });
    // biome-ignore lint/suspicious/noExplicitAny: SCIM bodies are read by path in the tests
    const json = (): any => (res.body ? JSON.parse(res.body) : null);
    return { status: res.statusCode, headers: res.headers, json, body: res.body };
  };
