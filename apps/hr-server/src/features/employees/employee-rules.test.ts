// One set of employee rules on every path: the same cases go through the form API (registration and
// 基本情報 edit), the 新規登録 import and the 更新 import, and must get the same verdict (accepted or
// refused, on the same field) and, when accepted, the same stored value.
import { EMPLOYEE_FIELD_LABELS } from '@jinji/contracts/hr/employee-rules';
import { encodeCsv } from '@jinji/office-files/csv';
import { TEST_DB } from '@jinji/test-kit/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  createTestApp,
  createTestTenant,
  createTestUser,
  STRONG_PASSWORD,
  type TestApp,
  uploadImport,
} from '../../../test/helpers';

let t: TestApp;
let hr: Client;

const BASE = {
  lastName: '山田',
  firstName: '花子',
  lastNameKana: 'やまだ',
  firstNameKana: 'はなこ',
  birthDate: '1990-04-01',
  gender: '女性',
  hireDate: '2022-02-20',
  retirementDate: '',
  email: '',
  postalCode: '',
  phone: '',
  mobilePhone: '',
};
type Values = typeof BASE;
type Case = { name: string; over: Partial<Values>; refused?: keyof Values; stored?: Partial<Values> };

const CASES: Case[] = [
  { name: 'birth after hire', over: { birthDate: '2010-01-01', hireDate: '2005-04-01' }, refused: 'hireDate' },
  { name: 'birth on the hire day', over: { birthDate: '2005-04-01', hireDate: '2005-04-01' }, refused: 'hireDate' },
  { name: 'future birth date', over: { birthDate: '2099-01-01', hireDate: '2120-04-01' }, refused: 'birthDate' },
  { name: 'retirement before hire', over: { retirementDate: '2022-02-19' }, refused: 'retirementDate' },
  {
    name: 'retirement on the hire day',
    over: { retirementDate: '2022-02-20' },
    stored: { retirementDate: '2022-02-20' },
  },
  {
    name: 'half-width kana',
    over: { lastNameKana: 'ｻﾄｳ', firstNameKana: 'ｶﾞｸ' },
    stored: { lastNameKana: 'サトウ', firstNameKana: 'ガク' },
  },
  { name: 'hiragana kept', over: { lastNameKana: 'さとう' }, stored: { lastNameKana: 'さとう' } },
  { name: 'kanji in kana', over: { lastNameKana: '佐藤' }, refused: 'lastNameKana' },
  { name: 'postal code without hyphen', over: { postalCode: '1000001' }, stored: { postalCode: '100-0001' } },
  {
    name: 'postal code full width with 〒',
    over: { postalCode: '〒１００ー０００１' },
    stored: { postalCode: '100-0001' },
  },
  { name: 'bad postal code', over: { postalCode: '12-34567' }, refused: 'postalCode' },
  { name: 'bad phone', over: { phone: 'abc' }, refused: 'phone' },
  { name: 'full-width phone', over: { phone: '０３－１２３４－５６７８' }, stored: { phone: '03-1234-5678' } },
  {
    name: 'phone with parentheses',
    over: { mobilePhone: '+81(90)1234-5678' },
    stored: { mobilePhone: '+81(90)1234-5678' },
  },
  { name: 'bad email', over: { email: 'yamada@' }, refused: 'email' },
  { name: 'full-width email', over: { email: 'ｙａｍａｄａ＠example.jp' }, stored: { email: 'yamada@example.jp' } },
  { name: 'missing required name', over: { lastName: '' }, refused: 'lastName' },
  { name: 'over-long name', over: { firstName: '花'.repeat(51) }, refused: 'firstName' },
  { name: 'name at the limit', over: { firstName: '花'.repeat(50) }, stored: { firstName: '花'.repeat(50) } },
];

const HEADERS: Record<keyof Values, string> = Object.fromEntries(
  Object.keys(BASE).map((k) => [k, EMPLOYEE_FIELD_LABELS[k]!]),
) as Record<keyof Values, string>;
const KEYS = Object.keys(BASE) as (keyof Values)[];

const values = (c: Case): Values => ({ ...BASE, ...c.over });
const asJson = (v: Values) => Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x === '' ? null : x]));

beforeAll(async () => {
  t = await createTestApp({}, { withJobs: true });
  const a = await createTestTenant(t.db, 'acme');
  await createTestUser(t.db, a.tenantId, 'hr', ['hr_admin']);
  hr = new Client(t.app);
  await hr.login('acme', 'hr', STRONG_PASSWORD);
}, 180_000);
afterAll(() => t?.close());

type Verdict = { refused: string[]; stored: Record<string, unknown> | null };

const byNumber = async (n: string) => {
  const item = (await hr.request('GET', `/api/v1/employees?employeeNumber=${n}`)).json().items[0];
  return (await hr.request('GET', `/api/v1/employees/${item.id}`)).json();
};
const storedOf = (detail: { basic: Record<string, unknown> }) =>
  Object.fromEntries(KEYS.map((k) => [k, detail.basic[k] ?? '']));

async function viaForm(c: Case, i: number): Promise<Verdict> {
  const res = await hr.request('POST', '/api/v1/employees', { ...asJson(values(c)), employeeNumber: `F${i}` });
  if (res.statusCode === 201) return { refused: [], stored: storedOf(await byNumber(`F${i}`)) };
  expect(res.statusCode).toBe(400);
  return {
    refused: res
      .json()
      .error.fields.map((f: { path: string }) => f.path)
      .sort(),
    stored: null,
  };
}

async function viaEdit(c: Case, id: string): Promise<Verdict> {
  const res = await hr.request('PUT', `/api/v1/employees/${id}/basic`, asJson(values(c)));
  if (res.statusCode === 200) return { refused: [], stored: storedOf(res.json()) };
  expect(res.statusCode).toBe(400);
  return {
    refused: res
      .json()
      .error.fields.map((f: { path: string }) => f.path)
      .sort(),
    stored: null,
  };
}

const keyOfHeader = new Map(KEYS.map((k) => [HEADERS[k], k]));

/** One file for all cases: rows with errors say which fields; rows without are stored when nothing failed. */
async function viaImport(cases: Case[], prefix: string, kind: 'employees_new' | 'employees_update') {
  const rows = cases.map((c, i) => {
    const v = values(c);
    // an update file leaves empty cells unchanged: clearing is spelled #削除
    return [`${prefix}${i}`, ...KEYS.map((k) => (kind === 'employees_update' && v[k] === '' ? '' : v[k]))];
  });
  const csv = encodeCsv([['社員番号', ...KEYS.map((k) => HEADERS[k])], ...rows], 'utf8');
  const job = await uploadImport(hr, csv, `${kind}.csv`, kind);
  const errors = (await hr.request('GET', `/api/v1/imports/${job.id}/errors.json`)).json().items as {
    row: number;
    column: string;
  }[];
  return { job, refusedOf: (i: number) => errors.filter((e) => e.row === i + 2).map((e) => keyOfHeader.get(e.column)) };
}

describe(`employee rules on every path (${TEST_DB})`, () => {
  it('the form and the 新規登録 import refuse the same cases on the same field and store the same values', async () => {
    const form: Verdict[] = [];
    for (const [i, c] of CASES.entries()) form.push(await viaForm(c, i));

    const refusedCases = CASES.filter((c) => c.refused);
    const bad = await viaImport(refusedCases, 'X', 'employees_new');
    expect(bad.job.status).toBe('failed');
    for (const [i, c] of refusedCases.entries()) {
      const expected = [c.refused];
      expect(form[CASES.indexOf(c)]!.refused, c.name).toEqual(expected);
      expect(bad.refusedOf(i), c.name).toEqual(expected);
    }

    const goodCases = CASES.filter((c) => !c.refused);
    const good = await viaImport(goodCases, 'I', 'employees_new');
    expect(good.job).toMatchObject({ status: 'succeeded' });
    for (const [i, c] of goodCases.entries()) {
      const fromForm = form[CASES.indexOf(c)]!.stored;
      const fromImport = storedOf(await byNumber(`I${i}`));
      expect(fromForm, c.name).toMatchObject(c.stored!);
      expect(fromImport, c.name).toEqual(fromForm);
    }
  }, 120_000);

  it('the 基本情報 edit and the 更新 import refuse the same cases on the same field and store the same values', async () => {
    // cases an update file cannot express (an empty cell means 'unchanged') are left to the test above
    const cases = CASES.filter((c) => !Object.values(c.over).includes(''));
    const ids: string[] = [];
    for (const [i, _] of cases.entries()) {
      const res = await hr.request('POST', '/api/v1/employees', { ...asJson(BASE), employeeNumber: `E${i}` });
      ids.push(res.json().id);
      await hr.request('POST', '/api/v1/employees', { ...asJson(BASE), employeeNumber: `U${i}` });
    }
    const edit: Verdict[] = [];
    for (const [i, c] of cases.entries()) edit.push(await viaEdit(c, ids[i]!));

    const refusedCases = cases.filter((c) => c.refused);
    const bad = await viaImport(refusedCases, 'U', 'employees_update');
    expect(bad.job.status).toBe('failed');
    for (const [i, c] of refusedCases.entries()) {
      expect(edit[cases.indexOf(c)]!.refused, c.name).toEqual([c.refused]);
      expect(bad.refusedOf(i), c.name).toEqual([c.refused]);
    }

    const goodCases = cases.filter((c) => !c.refused);
    const good = await viaImport(goodCases, 'U', 'employees_update');
    expect(good.job).toMatchObject({ status: 'succeeded' });
    for (const [i, c] of goodCases.entries()) {
      const fromEdit = edit[cases.indexOf(c)]!.stored;
      expect(fromEdit, c.name).toMatchObject(c.stored!);
      expect(storedOf(await byNumber(`U${i}`)), c.name).toEqual(fromEdit);
    }
  }, 180_000);
});
