// 一括登録 (R-IMP-2/3): the file is stored with its job, validated as a whole in a durable pg-boss job,
// and written in one transaction only when every row is valid. The job's status is committed with the
// data, so 取込履歴 always says whether the import is there.
import { randomUUID } from 'node:crypto';
import { GENDERS } from '@jinji/contracts/employees';
import { IMPORT_COLUMNS_NEW, type TImportError, type TImportJob, type TImportKind } from '@jinji/contracts/imports';
import { isKana, toSearchForm } from '@jinji/contracts/japanese';
import { parseJapaneseDate } from '@jinji/contracts/japanese-dates';
import type { Database } from '../../db/client';
import { AppError } from '../../lib/app-error';
import type { AuthContext } from '../../lib/auth-context';
import { type CsvEncoding, encodeCsv, parseCsv } from '../../lib/csv';
import { generateCodes, getTenantCodeSettings } from '../code-settings/code-settings.service';
import {
  findErrorsPage,
  findJob,
  findJobFile,
  findJobsPage,
  findTakenEmployeeNumbers,
  findTakenLoginIds,
  findValidMasters,
  type ImportJobView,
  insertEmployeeBatch,
  insertErrors,
  insertJob,
  updateJob,
} from './imports.repository';

export const IMPORT_QUEUE = 'employee-import';
export type JobQueue = { send(name: string, data: object): Promise<string | null> };
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
const MAX_ROWS = 200_000;
const MAX_ERRORS = 10_000;

const toView = (j: ImportJobView): TImportJob => ({
  ...j,
  kind: j.kind as TImportKind,
  status: j.status as TImportJob['status'],
  startedAt: j.startedAt.toISOString(),
  finishedAt: j.finishedAt?.toISOString() ?? null,
});

export async function startImport(
  db: Database,
  jobs: JobQueue,
  ctx: AuthContext,
  kind: TImportKind,
  fileName: string,
  file: Buffer,
): Promise<TImportJob> {
  if (file.length === 0) throw new AppError('CSV_INVALID', 'ファイルが空です');
  if (file.length > MAX_FILE_BYTES) throw new AppError('CSV_INVALID', 'ファイルが大きすぎます（20MBまで）');
  const job = await db.asTenant(ctx.tenantId, (tx) =>
    insertJob(tx, {
      tenantId: ctx.tenantId,
      kind,
      fileName: fileName.slice(0, 200),
      file,
      actorId: ctx.userId,
      actorLoginId: ctx.loginId,
    }),
  );
  await jobs.send(IMPORT_QUEUE, { tenantId: ctx.tenantId, jobId: job.id });
  return toView(job);
}

export async function getImport(db: Database, ctx: AuthContext, id: string): Promise<TImportJob> {
  const job = await db.asTenant(ctx.tenantId, (tx) => findJob(tx, id));
  if (!job) throw new AppError('NOT_FOUND', '取込履歴が見つかりません');
  return toView(job);
}

export async function listImports(db: Database, ctx: AuthContext, page: number, pageSize: number) {
  const { items, total } = await db.asTenant(ctx.tenantId, (tx) => findJobsPage(tx, page, pageSize));
  return { items: items.map(toView), total, page, pageSize };
}

export async function listImportErrors(db: Database, ctx: AuthContext, id: string, page: number, pageSize: number) {
  await getImport(db, ctx, id);
  const { items, total } = await db.asTenant(ctx.tenantId, (tx) => findErrorsPage(tx, id, page, pageSize));
  return { items, total, page, pageSize };
}

export async function exportImportErrors(db: Database, ctx: AuthContext, id: string, encoding: CsvEncoding) {
  const { items } = await listImportErrors(db, ctx, id, 1, MAX_ERRORS);
  return encodeCsv([['行', '項目', '内容'], ...items.map((e) => [e.row, e.column, e.message])], encoding);
}

export function templateCsv(encoding: CsvEncoding): Buffer {
  return encodeCsv([IMPORT_COLUMNS_NEW.map((c) => c.header), IMPORT_COLUMNS_NEW.map((c) => c.example)], encoding);
}

// ---- the job ------------------------------------------------------------------------------------

type Parsed = {
  line: number;
  values: Record<string, string | null>;
  masters: Record<string, string | null>;
  isStartupTarget: boolean;
};

/** Runs one import to its end; safe to run again (a finished job is left alone). */
export async function runImport(db: Database, data: { tenantId: string; jobId: string }): Promise<void> {
  const { tenantId, jobId } = data;
  const job = await db.asTenant(tenantId, (tx) => findJob(tx, jobId));
  if (job?.status !== 'processing') return;
  const file = await db.asTenant(tenantId, (tx) => findJobFile(tx, jobId));
  const fail = async (errors: TImportError[], log: string) => {
    await db.asTenant(tenantId, async (tx) => {
      await insertErrors(tx, tenantId, jobId, errors.slice(0, MAX_ERRORS));
      await updateJob(tx, jobId, {
        status: 'failed',
        finishedAt: new Date(),
        errorCount: errors.length,
        log,
        file: null,
      });
    });
  };

  let records: string[][];
  try {
    records = parseCsv(file ?? Buffer.alloc(0));
  } catch {
    return fail(
      [{ row: 0, column: '-', message: 'CSVファイルとして読み込めません' }],
      'CSVファイルとして読み込めません',
    );
  }
  const [header, ...body] = records;
  const headerErrors = checkHeader(header ?? []);
  if (headerErrors.length > 0) return fail(headerErrors, '1行目の項目名が正しくありません');
  if (body.length === 0)
    return fail([{ row: 0, column: '-', message: 'データ行がありません' }], 'データ行がありません');
  if (body.length > MAX_ROWS)
    return fail([{ row: 0, column: '-', message: `一度に取り込めるのは${MAX_ROWS}行までです` }], '行数が多すぎます');
  await db.asTenant(tenantId, (tx) => updateJob(tx, jobId, { rowsTotal: body.length }));

  const index = new Map((header ?? []).map((h, i) => [h.trim(), i]));
  const masters = await db.asTenant(tenantId, findValidMasters);
  const errors: TImportError[] = [];
  const parsed: Parsed[] = [];
  for (const [i, cells] of body.entries()) {
    parsed.push(validateRow(i + 2, cells, index, masters, errors));
    if ((i + 1) % 5000 === 0) await db.asTenant(tenantId, (tx) => updateJob(tx, jobId, { rowsValidated: i + 1 }));
  }
  // コード設定 decides which values from the file are kept (bulk new registration: the setting wins)
  const codes = await getTenantCodeSettings(db, tenantId);
  const keepsNumber = codes.employeeNumberMode === 'direct';
  const keepsLogin = codes.loginIdMode === 'direct';
  for (const p of parsed) {
    if (!keepsNumber) p.values.employeeNumber = null;
    if (!keepsLogin) p.values.loginId = null;
    const getsLogin =
      codes.loginIdMode === 'rule' ||
      (codes.loginIdMode === 'employee_number' && (!keepsNumber || p.values.employeeNumber !== null)) ||
      p.values.loginId !== null;
    if (getsLogin && !p.values.email) {
      errors.push({
        row: p.line,
        column: 'メールアドレス',
        message: 'システムを利用する場合はメールアドレスを入力してください',
      });
    }
  }
  await checkUniqueness(db, tenantId, parsed, errors);
  await db.asTenant(tenantId, (tx) => updateJob(tx, jobId, { rowsValidated: body.length }));
  if (errors.length > 0) {
    errors.sort((a, b) => a.row - b.row);
    return fail(errors, `エラー ${errors.length}件（登録は行っていません）`);
  }

  // All valid: write everything and finish the job in the same transaction.
  await db.asTenant(tenantId, async (tx) => {
    const codes = await generateCodes(
      tx,
      tenantId,
      'bulk_new',
      parsed.map((p) => ({
        employeeNumber: p.values.employeeNumber ?? null,
        loginId: p.values.loginId ?? null,
        hireDate: p.values.hireDate ?? null,
      })),
    );
    const now = new Date();
    await insertEmployeeBatch(
      tx,
      parsed.map((p, i) => {
        const v = p.values;
        const id = randomUUID();
        const { employeeNumber, loginId } = codes[i]!;
        const names = {
          lastName: v.lastName!,
          firstName: v.firstName!,
          lastNameKana: v.lastNameKana!,
          firstNameKana: v.firstNameKana!,
        };
        const kana = toSearchForm(`${names.lastNameKana}${names.firstNameKana}`);
        const employee = {
          tenantId,
          id,
          employeeNumber,
          ...names,
          businessLastName: v.businessLastName,
          businessFirstName: v.businessFirstName,
          birthDate: v.birthDate!,
          gender: v.gender!,
          hireDate: v.hireDate!,
          retirementDate: v.retirementDate,
          email: v.email,
          systemUseStartDate: v.systemUseStartDate,
          postalCode: v.postalCode,
          prefecture: v.prefecture,
          city: v.city,
          street: v.street,
          building: v.building,
          phone: v.phone,
          mobilePhone: v.mobilePhone,
          isStartupTarget: p.isStartupTarget,
          searchText: [
            toSearchForm(`${names.lastName}${names.firstName}`),
            kana,
            toSearchForm(`${v.businessLastName ?? ''}${v.businessFirstName ?? ''}`),
          ].join('|'),
          kanaSort: kana,
          createdAt: now,
          updatedAt: now,
        };
        const m = p.masters;
        const hasAssignment = ['companyId', 'departmentId', 'positionId', 'gradeId', 'jobTypeId', 'locationId'].some(
          (k) => m[k],
        );
        const hasContract = ['employmentTypeId', 'workStyleId', 'hiringCategoryId'].some((k) => m[k]);
        return {
          employee,
          account: loginId
            ? { tenantId, employeeId: id, loginId, email: v.email, displayName: `${names.lastName} ${names.firstName}` }
            : null,
          assignment: hasAssignment
            ? {
                tenantId,
                employeeId: id,
                startDate: v.hireDate!,
                companyId: m.companyId,
                departmentId: m.departmentId,
                positionId: m.positionId,
                gradeId: m.gradeId,
                jobTypeId: m.jobTypeId,
                locationId: m.locationId,
              }
            : null,
          contract: hasContract
            ? {
                tenantId,
                employeeId: id,
                startDate: v.hireDate!,
                employmentTypeId: m.employmentTypeId,
                workStyleId: m.workStyleId,
                hiringCategoryId: m.hiringCategoryId,
              }
            : null,
          audit: {
            tenantId,
            actorId: job.actorLoginId ? undefined : null,
            actorLoginId: job.actorLoginId,
            action: 'create',
            targetType: 'employee',
            targetId: id,
            after: { ...employee, searchText: undefined, kanaSort: undefined, import: job.fileName },
          },
        };
      }),
    );
    await updateJob(tx, jobId, {
      status: 'succeeded',
      finishedAt: new Date(),
      rowsWritten: parsed.length,
      log: `${parsed.length}件を登録しました`,
      file: null,
    });
  });
}

function checkHeader(header: string[]): TImportError[] {
  const names = header.map((h) => h.trim());
  const known = new Set(IMPORT_COLUMNS_NEW.map((c) => c.header));
  const errors: TImportError[] = [];
  for (const c of IMPORT_COLUMNS_NEW) {
    if (c.required && !names.includes(c.header))
      errors.push({ row: 1, column: c.header, message: `必須の項目「${c.header}」の列がありません` });
  }
  for (const h of names) {
    if (h && !known.has(h)) errors.push({ row: 1, column: h, message: `不明な項目名です「${h}」` });
  }
  return errors;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function validateRow(
  line: number,
  cells: string[],
  index: Map<string, number>,
  masters: { id: string; kind: string; code: string; name: string; companyId: string | null }[],
  errors: TImportError[],
): Parsed {
  const values: Record<string, string | null> = {};
  const err = (column: string, message: string) => errors.push({ row: line, column, message });
  for (const c of IMPORT_COLUMNS_NEW) {
    const i = index.get(c.header);
    const raw = i === undefined ? '' : (cells[i] ?? '').trim();
    let v: string | null = raw === '' ? null : raw;
    if (v === null) {
      if (c.required) err(c.header, `${c.header}を入力してください`);
      values[c.key] = null;
      continue;
    }
    if (c.format.startsWith('日付')) {
      const d = parseJapaneseDate(v);
      if (!d.ok) err(c.header, d.message);
      v = d.ok ? d.date : null;
    } else if (c.key === 'lastNameKana' || c.key === 'firstNameKana') {
      v = v.normalize('NFKC');
      if (!isKana(v)) err(c.header, `ひらがな・カタカナで入力してください「${raw}」`);
    } else if (c.key === 'gender') {
      if (!(GENDERS as readonly string[]).includes(v))
        err(c.header, `男性・女性・その他・回答しない のいずれかを入力してください「${raw}」`);
    } else if (c.key === 'email') {
      v = v.normalize('NFKC');
      if (!EMAIL.test(v) || v.length > 254) err(c.header, `メールアドレスの形式が正しくありません「${raw}」`);
    } else if (c.key === 'employeeNumber' || c.key === 'loginId') {
      v = v.normalize('NFKC');
      if (!/^[\x21-\x7e]+$/.test(v)) err(c.header, `半角英数字記号で入力してください「${raw}」`);
    } else if (c.key === 'postalCode') {
      v = v.normalize('NFKC');
      if (!/^\d{3}-?\d{4}$/.test(v)) err(c.header, `123-4567 の形式で入力してください「${raw}」`);
    } else if (!c.master && c.key !== 'isStartupTarget' && v.length > 100) {
      err(c.header, `100文字以内で入力してください`);
    }
    values[c.key] = v;
  }
  if (values.birthDate && values.birthDate > new Date().toISOString().slice(0, 10))
    err('生年月日', '未来の日付は入力できません');
  if (values.retirementDate && values.hireDate && values.retirementDate < values.hireDate) {
    err('退職日', '入社日以降の日付を入力してください');
  }
  const flag = (values.isStartupTarget ?? '0').normalize('NFKC');
  if (!['0', '1'].includes(flag))
    err('従業員スタートアップ対象フラグ', `1 または 0 を入力してください「${values.isStartupTarget}」`);

  // masters by code or name (valid rows only); departments and locations belong to the company
  const resolved: Record<string, string | null> = {};
  for (const c of IMPORT_COLUMNS_NEW.filter((x) => x.master)) {
    const v = values[c.key];
    if (!v) {
      resolved[c.key] = null;
      continue;
    }
    const candidates = masters.filter((m) => m.kind === c.master && (m.code === v || m.name === v));
    const company = resolved.companyId;
    const match =
      (c.key === 'departmentId' || c.key === 'locationId') && company
        ? candidates.filter((m) => m.companyId === company)
        : candidates;
    if (match.length === 0) err(c.header, `マスタに見つかりません「${v}」`);
    else if (match.length > 1) err(c.header, `同じ名称が複数あります。コードで指定してください「${v}」`);
    resolved[c.key] = match[0]?.id ?? null;
  }
  return { line, values, masters: resolved, isStartupTarget: flag === '1' };
}

/** Duplicates inside the file and against what is already registered (for values that will be kept). */
async function checkUniqueness(db: Database, tenantId: string, parsed: Parsed[], errors: TImportError[]) {
  for (const [key, header] of [
    ['employeeNumber', '社員番号'],
    ['loginId', 'ログインID'],
  ] as const) {
    const seen = new Map<string, number>();
    for (const p of parsed) {
      const v = p.values[key];
      if (!v) continue;
      const first = seen.get(v);
      if (first !== undefined)
        errors.push({ row: p.line, column: header, message: `ファイル内で重複しています（行 ${first}）「${v}」` });
      else seen.set(v, p.line);
    }
    const taken = new Set(
      await db.asTenant(tenantId, (tx) =>
        key === 'employeeNumber'
          ? findTakenEmployeeNumbers(tx, [...seen.keys()])
          : findTakenLoginIds(tx, [...seen.keys()]),
      ),
    );
    for (const [v, line] of seen) {
      if (taken.has(v)) errors.push({ row: line, column: header, message: `既に登録されています「${v}」` });
    }
  }
}
