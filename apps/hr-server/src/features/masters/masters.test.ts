// マスタメンテナンス through the API: codes, trees, in-use protection, invalid rows, CSV all-or-nothing.

import { TEST_DB } from '@jinji/test-kit/database';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, createTestTenant, STRONG_PASSWORD, type TestApp } from '../../../test/helpers';

let t: TestApp;
let c: Client;

beforeAll(async () => {
  t = await createTestApp();
  await createTestTenant(t.db, 'acme');
  c = new Client(t.app);
  await c.login('acme', 'admin', STRONG_PASSWORD);
});
afterAll(() => t?.close());

const create = async (kind: string, body: Record<string, unknown>) =>
  c.request('POST', `/api/v1/masters/${kind}`, body);
const list = async (kind: string, qs = '') => (await c.request('GET', `/api/v1/masters/${kind}${qs}`)).json();
const csvUpload = (kind: string, bytes: Buffer) =>
  c.request('POST', `/api/v1/masters/${kind}/import`, bytes, { 'content-type': 'text/csv' });

describe(`masters (${TEST_DB})`, () => {
  it('seeds the nine 大区分 of 応対記録カテゴリ for a new tenant', async () => {
    const res = await list('record_category');
    expect(res.items.map((i: { name: string }) => i.name)).toEqual([
      '契約・労働',
      'プライベート情報',
      '採用異動・職務資格',
      '健康状態',
      '休業休暇',
      '評価情報',
      'その他',
      '特記事項',
      '面談',
    ]);
  });

  it('builds a company with a three-level department tree, refuses cycles and moves subtrees', async () => {
    const co = (await create('company', { code: '001', name: '株式会社アクメ' })).json();
    const co2 = (await create('company', { code: '002', name: 'アクメ販売株式会社' })).json();
    const hq = (await create('department', { code: 'D100', name: '本社', companyId: co.id })).json();
    const dev = (
      await create('department', { code: 'D110', name: '事業開発部', companyId: co.id, parentId: hq.id })
    ).json();
    const sec = (
      await create('department', { code: 'D111', name: '事業開発第二課', companyId: co.id, parentId: dev.id })
    ).json();
    expect(sec.parentId).toBe(dev.id);
    expect(co.code).toBe('001'); // leading zeros kept

    const cycle = await c.request('PUT', `/api/v1/masters/department/${hq.id}`, {
      code: 'D100',
      name: '本社',
      companyId: co.id,
      parentId: sec.id,
    });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json().error.fields).toEqual([
      { path: 'parentId', message: '上位部署に自分自身または配下の部署は指定できません' },
    ]);

    const otherCompanyParent = await create('department', {
      code: 'X1',
      name: 'x',
      companyId: co2.id,
      parentId: hq.id,
    });
    expect(otherCompanyParent.json().error.fields[0].message).toBe('上位部署は同じ会社の部署を選択してください');

    // moving 事業開発部 to the other company takes 第二課 with it
    const moved = await c.request('PUT', `/api/v1/masters/department/${dev.id}`, {
      code: 'D110',
      name: '事業開発部',
      companyId: co2.id,
      parentId: null,
    });
    expect(moved.statusCode).toBe(200);
    const inCo2 = await list('department', `?companyId=${co2.id}`);
    expect(inCo2.items.map((i: { code: string }) => i.code).sort()).toEqual(['D110', 'D111']);
  });

  it('refuses a duplicate code with the field named, and writes nothing', async () => {
    await create('position', { code: 'P01', name: '部長' });
    const dup = await create('position', { code: 'P01', name: '課長' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({
      code: 'DUPLICATE_CODE',
      fields: [{ path: 'code', message: 'コード「P01」は既に使われています' }],
    });
    expect((await list('position')).items.map((i: { name: string }) => i.name)).toEqual(['部長']);
    // the same code in another master is fine
    expect((await create('grade', { code: 'P01', name: '一般職' })).statusCode).toBe(201);
  });

  it('names invalid fields in Japanese', async () => {
    const res = await create('job_type', { code: 'ＡＢ　1', name: '', sortOrder: -1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([
      { path: 'code', message: 'コードは半角英数字・-_ の20文字以内で入力してください' },
      { path: 'name', message: '名称を入力してください' },
      { path: 'sortOrder', message: '並び順は0以上で入力してください' },
    ]);
    const noCompany = await create('location', { code: 'L1', name: '東京本社' });
    expect(noCompany.json().error.fields).toEqual([{ path: 'companyId', message: '会社を選択してください' }]);
  });

  it('never deletes a row in use; it can be made invalid and is then hidden from new input only', async () => {
    const co = (await create('company', { code: '010', name: '使用中テスト株式会社' })).json();
    const loc = (await create('location', { code: 'L10', name: '大阪支社', companyId: co.id })).json();
    const del = await c.request('DELETE', `/api/v1/masters/company/${co.id}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().error.message).toBe('使用中のため削除できません。無効にしてください');
    expect((await list('company')).items.find((i: { id: string }) => i.id === co.id).isInUse).toBe(true);

    const off = await c.request('PUT', `/api/v1/masters/company/${co.id}`, {
      code: '010',
      name: '使用中テスト株式会社',
      isValid: false,
    });
    expect(off.json().isValid).toBe(false);
    const forInput = await list('company', '?includeInvalid=false');
    expect(forInput.items.map((i: { code: string }) => i.code)).not.toContain('010');
    // old data still shows it, and keeps pointing at it
    expect((await list('company')).items.map((i: { code: string }) => i.code)).toContain('010');
    const edited = await c.request('PUT', `/api/v1/masters/location/${loc.id}`, {
      code: 'L10',
      name: '大阪支店',
      companyId: co.id,
    });
    expect(edited.statusCode).toBe(200);
    // but new rows cannot choose it
    const fresh = await create('location', { code: 'L11', name: '名古屋', companyId: co.id });
    expect(fresh.json().error.fields).toEqual([{ path: 'companyId', message: '無効な会社は選択できません' }]);

    // an unused row can be deleted
    expect((await c.request('DELETE', `/api/v1/masters/location/${loc.id}`)).statusCode).toBe(204);
    expect((await c.request('DELETE', `/api/v1/masters/company/${co.id}`)).statusCode).toBe(204);
  });

  it('searches % _ and \\ literally, not as wildcards', async () => {
    for (const [code, name] of [
      ['P1', '達成率100%手当'],
      ['P2', '達成率100円手当'],
      ['U_1', '営業_東'],
      ['UX1', '営業X東'],
      ['B1', 'C:\\給与'],
      ['B2', 'C:給与'],
    ])
      expect((await create('job_type', { code, name })).statusCode).toBe(201);
    const codes = async (q: string) =>
      (await list('job_type', `?q=${encodeURIComponent(q)}`)).items.map((i: { code: string }) => i.code);
    expect(await codes('100%')).toEqual(['P1']);
    expect(await codes('_')).toEqual(['U_1']);
    expect(await codes('営業_')).toEqual(['U_1']);
    expect(await codes('\\')).toEqual(['B1']);
    expect(await codes('%')).toEqual(['P1']);
  });

  it('lists 部署 in tree order, each after its parent with its depth, and reorders siblings only', async () => {
    const co = (await create('company', { code: 'T01', name: '株式会社ツリー' })).json();
    const dept = async (code: string, name: string, sortOrder: number, parentId: string | null = null) =>
      (await create('department', { code, name, sortOrder, companyId: co.id, parentId })).json();
    // created so that 並び順 alone would interleave the levels
    const sales = await dept('T20', '営業部', 20);
    const hr = await dept('T10', '人事部', 10);
    const sales2 = await dept('T22', '営業二課', 5, sales.id);
    await dept('T21', '営業一課', 1, sales.id);
    await dept('T11', '採用課', 30, hr.id);
    const rows = async () =>
      (await list('department', `?companyId=${co.id}`)).items.map(
        (i: { name: string; depth: number }) => `${'　'.repeat(i.depth)}${i.name}`,
      );
    expect(await rows()).toEqual(['人事部', '　採用課', '営業部', '　営業一課', '　営業二課']);

    // 営業二課 before 営業一課: only the two siblings are renumbered, the tree order holds
    const first = (await list('department', `?companyId=${co.id}`)).items.find(
      (i: { code: string }) => i.code === 'T21',
    );
    const moved = await c.request('POST', '/api/v1/masters/department/reorder', { ids: [sales2.id, first.id] });
    expect(moved.statusCode).toBe(204);
    expect(await rows()).toEqual(['人事部', '　採用課', '営業部', '　営業二課', '　営業一課']);
  });

  it('reorders rows', async () => {
    const a = (await create('license', { code: 'A', name: '普通自動車免許' })).json();
    const b = (await create('license', { code: 'B', name: '日商簿記2級' })).json();
    expect((await c.request('POST', '/api/v1/masters/license/reorder', { ids: [b.id, a.id] })).statusCode).toBe(204);
    expect((await list('license')).items.map((i: { code: string }) => i.code)).toEqual(['B', 'A']);
  });

  it('exports CSV as UTF-8 with BOM or CP932, and imports it back', async () => {
    const utf8 = await c.request('GET', '/api/v1/masters/record_category/export?encoding=utf8');
    expect(utf8.headers['content-type']).toContain('text/csv');
    expect(utf8.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(utf8.rawPayload.toString('utf8')).toContain('09,面談,90,1');
    const sjis = await c.request('GET', '/api/v1/masters/record_category/export?encoding=cp932');
    expect(iconv.decode(sjis.rawPayload, 'cp932')).toContain('コード,名称,並び順,有効');

    const sub = Buffer.from(
      '\ufeffコード,名称,並び順,有効,大区分コード\r\nS01,定期面談,10,1,09\r\nS02,"メンタル\r\n不調",20,1,04\r\n',
      'utf8',
    );
    const res = await csvUpload('record_subcategory', sub);
    expect(res.json()).toEqual({ created: 2, updated: 0 });
    const again = await csvUpload('record_subcategory', sub);
    expect(again.json()).toEqual({ created: 0, updated: 2 });
  });

  it('imports a CP932 department tree in one file (parents defined later in the file)', async () => {
    const co = (await create('company', { code: '100', name: '髙﨑工業㈱' })).json();
    expect(co.name).toBe('髙﨑工業㈱');
    const csv = iconv.encode(
      'コード,名称,並び順,有効,会社コード,上位部署コード\r\nK3,第一課,30,1,100,K2\r\nK2,営業部,20,1,100,K1\r\nK1,本社,10,1,100,\r\n',
      'cp932',
    );
    expect((await csvUpload('department', csv)).json()).toEqual({ created: 3, updated: 0 });
    const rows = (await list('department', `?companyId=${co.id}`)).items as {
      code: string;
      id: string;
      parentId: string | null;
    }[];
    const id = (code: string) => rows.find((r) => r.code === code)!.id;
    expect(rows.find((r) => r.code === 'K3')!.parentId).toBe(id('K2'));
    expect(rows.find((r) => r.code === 'K2')!.parentId).toBe(id('K1'));
  });

  it('lists every bad row and column in Japanese and writes nothing', async () => {
    const before = (await list('job_type')).total;
    const csv = Buffer.from(
      'コード,名称,並び順,有効\r\nJ1,営業,10,1\r\nJ1,事務,x,2\r\n,,,\r\nＪ３,技術,30,1\r\n',
      'utf8',
    );
    const res = await csvUpload('job_type', csv);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toEqual([
      { path: '行 3・コード', message: 'ファイル内で重複しています（行 2）「J1」' },
      { path: '行 3・並び順', message: '0〜999999の整数で入力してください「x」' },
      { path: '行 3・有効', message: '1（有効）または0（無効）で入力してください「2」' },
      { path: '行 4・コード', message: 'コードを入力してください' },
      { path: '行 4・名称', message: '名称を入力してください' },
      { path: '行 5・コード', message: '半角英数字・-_ の20文字以内で入力してください「Ｊ３」' },
    ]);
    expect((await list('job_type')).total).toBe(before);
  });

  it('sorts the errors by row, whichever check found them', async () => {
    // the company is checked after the per-row checks; its error on row 2 still comes first
    const csv = 'コード,名称,並び順,有効,会社コード,上位部署コード\r\nS1,A,10,1,999,\r\nS2,,20,1,,\r\n';
    const res = await csvUpload('department', Buffer.from(csv));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toEqual([
      { path: '行 2・会社コード', message: '会社が見つかりません「999」' },
      { path: '行 3・名称', message: '名称を入力してください' },
      { path: '行 3・会社コード', message: '会社コードを入力してください' },
    ]);
  });

  it('refuses a cycle created by an import, leaving the tree as it was', async () => {
    const co = (await create('company', { code: '200', name: '循環テスト' })).json();
    const csv = 'コード,名称,並び順,有効,会社コード,上位部署コード\r\nC1,A,10,1,200,C2\r\nC2,B,20,1,200,C1\r\n';
    const res = await csvUpload('department', Buffer.from(csv));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields[0]).toEqual({ path: '行 2・上位部署コード', message: '上位部署が循環しています' });
    expect((await list('department', `?companyId=${co.id}`)).total).toBe(0);
  });

  it('refuses a file whose header is not the template', async () => {
    const res = await csvUpload('company', Buffer.from('code,name\r\n1,a\r\n'));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toBe('1行目の項目名が正しくありません（コード, 名称, 並び順, 有効）');
  });
});
