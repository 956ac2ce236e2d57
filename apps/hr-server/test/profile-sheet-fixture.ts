// 個人プロフィール: one employee with everything a sheet prints, written through the API as HR would (masters,
// a transfer, a contract, 緊急連絡先, 障がい・賞罰, 勤怠実績 of the last months, 応対記録 including a 3,000-character
// 内容 and a 健康状態 one, 面談). The sheet test, the leak scan's neighbours and bench/profile.ts use it.
import { addDays, todayInJapan } from '@jinji/ja/text';
import type { Database } from '../src/db/client';
import type { Client } from './helpers';

export const LONG_BODY = (() => {
  const s =
    '従業員から勤務時間の変更について相談があった。家族の介護のため、8月頃から時短勤務を希望している。' +
    '具体的な時期や勤務時間の希望などが分かり次第、再度相談する予定とのこと。Flexible working (short hours) was discussed. ';
  return s.repeat(Math.ceil(3000 / s.length)).slice(0, 3000);
})();
export const HEALTH_TITLE = '通院のため早退HEALTHMARK';

const monthsBack = (today: string, back: number) => {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 - back, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
};

export async function seedProfileEmployee(db: Database, tenantId: string, hr: Client, employeeNumber = 'P001') {
  const today = todayInJapan();
  const ok = async (method: 'POST' | 'PUT', url: string, body: unknown) => {
    const res = await hr.request(method, url, body);
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const master = async (kind: string, code: string, name: string, extra: object = {}) =>
    (await ok('POST', `/api/v1/masters/${kind}`, { code: `${code}${employeeNumber}`, name, ...extra })).id as string;
  const company = await master('company', 'C', '株式会社インソース');
  const division = await master('department', 'D1', '事業開発部', { companyId: company });
  const section = await master('department', 'D2', '事業開発第二課', { companyId: company, parentId: division });
  const sales = await master('department', 'D3', '営業部', { companyId: company });
  const tokyo = await master('location', 'L', '東京本社', { companyId: company });
  const leader = await master('position', 'P', '主任');
  const fullTime = await master('employment_type', 'E', '正社員');
  const style = await master('work_style', 'W', 'フルタイム');
  const midCareer = await master('hiring_category', 'H', '中途採用');
  const disability = await master('disability_type', 'X', '身体障がい');

  const employeeId = (
    await ok('POST', '/api/v1/employees', {
      employeeNumber,
      lastName: '山本',
      firstName: '花子',
      lastNameKana: 'やまもと',
      firstNameKana: 'はなこ',
      businessLastName: '社員',
      businessFirstName: '花子',
      birthDate: '1990-05-20',
      gender: '女性',
      hireDate: '2020-04-01',
      postalCode: '100-0005',
      prefecture: '東京都',
      city: '千代田区',
      street: '丸の内1-1-1',
      phone: '03-1234-5678',
      mobilePhone: '090-1234-5678',
      assignment: { companyId: company, departmentId: sales, locationId: tokyo },
      contract: { employmentTypeId: fullTime, workStyleId: style, hiringCategoryId: midCareer },
    })
  ).id as string;
  // 異動: 所属 changes, 勤務地 stays (so its [現在] goes back to the hire date)
  await ok('POST', `/api/v1/employees/${employeeId}/assignments`, {
    startDate: '2022-02-20',
    companyId: company,
    departmentId: section,
    positionId: leader,
    locationId: tokyo,
  });
  await ok('PUT', `/api/v1/employees/${employeeId}/contacts`, {
    emergencyContacts: [{ name: '山本 一郎', relation: '父', phone: '03-9876-5432' }],
  });
  await ok('PUT', `/api/v1/employees/${employeeId}/sensitive`, {
    disabilities: [{ disabilityTypeId: disability, grade: '2級' }],
    awards: [],
  });
  // 勤怠実績: the three months before this one
  for (const [i, worked] of [
    [1, 124 * 60 + 25],
    [2, 128 * 60 + 15],
    [3, 120 * 60 + 15],
  ] as const)
    await db.executeSql(
      `insert into employee_attendance (tenant_id, employee_id, month, worked_minutes, overtime_minutes, late_early_count, absence_days, holiday_days, paid_leave_remaining)
       values ('${tenantId}', '${employeeId}', '${monthsBack(today, i)}', ${worked}, 660, ${i - 1}, 1, ${6 + i}, 10.5)`,
    );

  const categories = (await hr.request('GET', '/api/v1/records/form-options')).json().categories as {
    id: string;
    code: string;
  }[];
  const cat = (code: string) => categories.find((c) => c.code === code)!.id;
  const record = (o: object) => ok('POST', '/api/v1/records', { targetIds: [employeeId], ...o });
  await record({
    categoryId: cat('01'),
    title: '雇用形態の相談',
    body: LONG_BODY,
    recordedOn: addDays(today, -1),
  });
  await record({
    categoryId: cat('07'),
    title: '通勤経路の変更',
    body: '引っ越しに伴い通勤経路が変わるため、通勤手当の変更申請を依頼した。',
    recordedOn: addDays(today, -5),
    dueOn: addDays(today, 10),
    isCompleted: false,
  });
  await record({ categoryId: cat('04'), title: HEALTH_TITLE, body: '診断書を受領', recordedOn: addDays(today, -3) });
  for (let i = 0; i < 4; i++)
    await record({
      categoryId: cat('06'),
      title: `評価面談の事前メモ ${i + 1}`,
      body: '目標の進み具合を確認。次回までに資料を準備する。',
      recordedOn: addDays(today, -20 - i),
    });
  await record({
    categoryId: cat('09'),
    title: '定期面談（上期）',
    body: '業務量は適正とのこと。体調面も問題なし。',
    recordedOn: addDays(today, -30),
  });
  return { employeeId, categories };
}
