// SECURITY.md "No secrets in logs" for SCIM: the server log at trace level holds codes, ids and route
// patterns — never the token, nor the names, kana, addresses or login IDs HR sends, even in a filter,
// a Bulk, a refused value or a write the database refuses (500).
import { memoryLogger } from '@jinji/server-kit/logger';
import { TEST_DB } from '@jinji/test-kit/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, trainingTestApp } from '../../../test/helpers';
import { issueTestToken, scimClient } from './scim.test-client';

const NAME = '鬼灯院 紫苑';
const KANA = 'ホオズキイン シオン';
const LOGIN = 'hozuki-planted-login';
const MAIL = 'hozuki.planted@example.jp';
const REFUSED = '拒否される鬼灯院';
const EXT = 'urn:jinji:params:scim:schemas:extension:training:2.0:User';

let t: Awaited<ReturnType<typeof trainingTestApp>>;
let token = '';
const captured = memoryLogger();
const log = captured.lines;

beforeAll(async () => {
  t = await trainingTestApp({
    logger: captured.logger,
  });
  const org = await createOrganisation(t.db, ['admin']);
  token = (await issueTestToken(t.db, org)).secret;
  // the database refuses a planted value, quoting the row, as a CHECK of a real schema would
  await t.db.executeSql(`
    create or replace function training.jinji_test_refuse() returns trigger language plpgsql as $$
    begin
      if to_jsonb(new)::text like '%${REFUSED}%' then
        raise exception 'refused row %', to_jsonb(new)::text using errcode = '23514';
      end if;
      return new;
    end $$;
    create trigger jinji_test_refuse before insert or update on training.users
      for each row execute function training.jinji_test_refuse();
  `);
});
afterAll(() => t?.close());

describe(`SCIM logs hold no personal values (${TEST_DB})`, () => {
  it('a create, a filter, a PATCH, a Bulk, a refused value and a refused write leave none in the log', async () => {
    const scim = scimClient(t.app, token);
    const user = { userName: LOGIN, name: { formatted: NAME }, emails: [{ value: MAIL }], [EXT]: { nameKana: KANA } };
    const created = await scim('POST', '/Users', user);
    expect(created.status).toBe(201);
    expect(
      (await scim('GET', `/Users?filter=${encodeURIComponent(`userName eq "${LOGIN}"`)}`)).json().totalResults,
    ).toBe(1);
    const patch = {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', path: 'displayName', value: `${NAME}2` }],
    };
    expect((await scim('PATCH', `/Users/${created.json().id}`, patch)).status).toBe(200);
    const bulk = await scim('POST', '/Bulk', {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],
      Operations: [{ method: 'POST', path: '/Users', bulkId: 'b1', data: { ...user, userName: `${LOGIN}-b` } }],
    });
    expect(bulk.status).toBe(200);
    expect((await scim('POST', '/Users', { ...user, emails: [{ value: `bad ${MAIL}` }] })).status).toBe(400);
    expect(
      (await scim('POST', '/Users', { ...user, userName: `${LOGIN}-r`, name: { formatted: REFUSED } })).status,
    ).toBe(500);
    expect((await scimClient(t.app, `${token}x`)('GET', '/Users')).status).toBe(401);

    const text = log.join('');
    expect(text).toContain('unhandled error'); // the refused write was logged, by codes
    const planted = [NAME, KANA, LOGIN, MAIL, REFUSED, token, token.split('.')[1]!, encodeURIComponent(LOGIN)];
    expect(planted.filter((p) => text.includes(p))).toEqual([]);
  });
});
