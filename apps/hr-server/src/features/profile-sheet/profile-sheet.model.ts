// 個人プロフィール: the sheet as plain, already formatted text (the renderer only lays it out). Built from what
// the loader read under the actor's access; masking (「*」 runs) and missing data (「-」) are decided here.
import { currentValueSince } from '@jinji/contracts/hr/employee-rules';
import type { TEmployeeDetail } from '@jinji/contracts/hr/employees';
import type { TProfilePersonalItem } from '@jinji/contracts/hr/profile-sheet';
import type { TRecord } from '@jinji/contracts/hr/records';
import { formatDate, formatDateTime, formatDateWithWeekday, formatSince } from '@jinji/ja/text';

export type SheetField = { label: string; value: string };
export type SheetPlacement = { label: string; since: string; value: string };
export type SheetAttendanceRow = [string, string, string, string, string, string, string];
export type SheetRecord = {
  date: string;
  author: string;
  title: string;
  /** 「報告者：〇〇さん 対象者：〇〇さん」 and the カテゴリ */
  meta: string;
  body: string;
  due: string;
  status: string;
};
export type SheetInterview = { date: string; interviewer: string; title: string; body: string };

export type SheetModel = {
  printedAt: string;
  printedBy: string;
  employeeNumber: string;
  name: string;
  contract: SheetField[];
  personal: SheetField[];
  placements: SheetPlacement[];
  attendance: SheetAttendanceRow[];
  records: SheetRecord[];
  recordsNote: string;
  interviews: SheetInterview[];
  interviewsNote: string;
};

/** What an unchosen or not-allowed item prints: a fixed run, so its length tells nothing. */
export const MASK = '*****';
export const MASK_SHORT = '**';
const dash = (v: string | null | undefined) => (v && v.trim() !== '' ? v : '-');

export type SheetParts = {
  detail: TEmployeeDetail;
  attendance: {
    month: string;
    workedMinutes: number | null;
    overtimeMinutes: number | null;
    lateEarlyCount: number | null;
    absenceDays: number | null;
    holidayDays: number | null;
    paidLeaveRemaining: number | null;
  }[];
  records: TRecord[];
  interviews: {
    recordedOn: string;
    title: string;
    body: string;
    reporterNames: string[] | null;
    createdByName: string | null;
  }[];
  /** 個人情報 items that print: chosen AND allowed */
  printed: ReadonlySet<TProfilePersonalItem>;
  recordRange: { from: string | null; to: string | null };
  interviewRange: { from: string | null; to: string | null };
  printedAt: Date;
  printedBy: string;
  today: string;
};

const hm = (m: number | null) => (m === null ? '-' : `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`);
const days = (d: number | null) => (d === null ? '-' : `${d.toFixed(1)} 日`);
const times = (n: number | null) => (n === null ? '-' : `${n} 回`);
const rangeNote = (r: { from: string | null; to: string | null }, limit: string) =>
  `記録日 ${r.from ? formatDate(r.from) : '指定なし'} ~ ${r.to ? formatDate(r.to) : '指定なし'}（新しい順、${limit}）`;

export function buildSheetModel(p: SheetParts): SheetModel {
  const { basic } = p.detail;
  const business = [basic.businessLastName, basic.businessFirstName].filter(Boolean).join(' ');
  const realName = `${basic.lastName} ${basic.firstName}`;
  const realKana = `${basic.lastNameKana} ${basic.firstNameKana}`;
  const has = (item: TProfilePersonalItem) => p.printed.has(item);

  const contract = p.detail.contracts.find((c) => c.isCurrent) ?? null;
  const contractFields: SheetField[] = [
    { label: '入社日', value: formatDate(basic.hireDate) },
    { label: '退職日', value: basic.retirementDate ? formatDate(basic.retirementDate) : '-' },
    { label: '採用区分', value: dash(contract?.hiringCategory?.name) },
    { label: '契約形態', value: dash(contract?.employmentType?.name) },
    { label: '勤務形態', value: dash(contract?.workStyle?.name) },
  ];

  const age = (() => {
    if (!basic.birthDate) return '';
    const [by, bm, bd] = basic.birthDate.split('-').map(Number) as [number, number, number];
    const [ty, tm, td] = p.today.split('-').map(Number) as [number, number, number];
    return ` (${ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0)}歳)`;
  })();
  const address = [
    basic.postalCode ? `〒${basic.postalCode}` : null,
    [basic.prefecture, basic.city, basic.street, basic.building].filter(Boolean).join(' ') || null,
  ]
    .filter(Boolean)
    .join(' ');
  const sensitive = p.detail.sensitive;
  const personal: SheetField[] = [
    { label: '本名', value: has('identity') ? `${realName}（${realKana}）` : MASK },
    { label: '生年月日', value: has('identity') ? (basic.birthDate ? formatDate(basic.birthDate) + age : '-') : MASK },
    { label: '性別', value: has('identity') ? dash(basic.gender) : MASK_SHORT },
    { label: '現住所', value: has('address') ? dash(address) : MASK },
    { label: '電話番号', value: has('contacts') ? dash(basic.phone) : MASK },
    { label: '携帯電話', value: has('contacts') ? dash(basic.mobilePhone) : MASK },
  ];
  const emergency = p.detail.contacts.emergencyContacts;
  if (!has('contacts')) personal.push({ label: '緊急連絡先1', value: MASK });
  else if (emergency.length === 0) personal.push({ label: '緊急連絡先1', value: '-' });
  else
    for (const [i, c] of emergency.entries())
      personal.push({
        label: `緊急連絡先${i + 1}`,
        value: `${c.name}${c.relation ? `（${c.relation}）` : ''} ${c.phone}`,
      });
  const showSensitive = has('disabilityAwards') && sensitive !== null;
  personal.push(
    { label: '障がい', value: showSensitive ? (sensitive.disabilities.length > 0 ? '有' : '無') : MASK_SHORT },
    { label: '賞罰', value: showSensitive ? (sensitive.awards.length > 0 ? '有' : '無') : MASK_SHORT },
  );

  const assignments = p.detail.assignments;
  const current = assignments.find((a) => a.isCurrent) ?? null;
  type A = (typeof assignments)[number];
  const placement = (label: string, keyOf: (a: A) => string | null, textOf: (a: A) => string | null) => ({
    label,
    since: current ? `[現在] ${formatSince(currentValueSince(assignments, current, keyOf), p.today)}` : '',
    value: current ? dash(textOf(current)) : '-',
  });
  const placements: SheetPlacement[] = [
    placement(
      '所属',
      (a) => `${a.company?.id ?? ''}/${a.department?.id ?? ''}`,
      (a) => a.departmentPath ?? ([a.company?.name, a.department?.name].filter(Boolean).join(' ') || null),
    ),
    placement(
      '役職',
      (a) => a.position?.id ?? null,
      (a) => a.position?.name ?? null,
    ),
    placement(
      '職位',
      (a) => a.grade?.id ?? null,
      (a) => a.grade?.name ?? null,
    ),
    placement(
      '職種',
      (a) => a.jobType?.id ?? null,
      (a) => a.jobType?.name ?? null,
    ),
    placement(
      '勤務地',
      (a) => a.location?.id ?? null,
      (a) => (a.location ? [a.company?.name, a.location.name].filter(Boolean).join(' ') : null),
    ),
  ];

  const attendance: SheetAttendanceRow[] = p.attendance.map((m) => [
    m.month.replace('-', '/'),
    hm(m.workedMinutes),
    hm(m.overtimeMinutes),
    times(m.lateEarlyCount),
    days(m.absenceDays),
    days(m.holidayDays),
    days(m.paidLeaveRemaining),
  ]);

  const people = (label: string, list: { name: string }[]) =>
    list.length ? `${label}：${list.map((x) => `${x.name}さん`).join('、')}` : '';
  const records: SheetRecord[] = p.records.map((r) => ({
    date: formatDateWithWeekday(r.recordedOn),
    author: r.createdBy?.displayName ?? '-',
    title: r.title,
    meta: [
      people('報告者', r.reporters),
      people('対象者', r.targets),
      `カテゴリ：${r.category.name}${r.subcategory ? ` / ${r.subcategory.name}` : ''}`,
    ]
      .filter(Boolean)
      .join(' '),
    body: r.body,
    due: r.dueOn ? formatDateWithWeekday(r.dueOn) : '-',
    status: r.status === 'done' ? '完了' : '未完了',
  }));
  const interviews: SheetInterview[] = p.interviews.map((i) => ({
    date: formatDateWithWeekday(i.recordedOn),
    interviewer: i.reporterNames?.length ? i.reporterNames.join('、') : (i.createdByName ?? '-'),
    title: i.title,
    body: i.body,
  }));

  return {
    printedAt: formatDateTime(p.printedAt.toISOString()),
    printedBy: p.printedBy,
    employeeNumber: dash(p.detail.employeeNumber),
    name: business || realName,
    contract: contractFields,
    personal,
    placements,
    attendance,
    records,
    recordsNote: rangeNote(p.recordRange, `${records.length}件`),
    interviews,
    interviewsNote: rangeNote(p.interviewRange, `${interviews.length}件`),
  };
}
