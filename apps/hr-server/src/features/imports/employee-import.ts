// 「新規登録用ファイル」 and 「更新用ファイル」 (R-IMP-2/4) as import kinds. Both passes parse each row
// with the same functions, so the write pass applies exactly what the validation pass accepted.
import { randomUUID } from 'node:crypto';
import { actingUserOf } from '@jinji/auth/actor';
import {
  checkEmployeeDates,
  checkEmployeeText,
  checkSystemUse,
  EMPLOYEE_FIELD_LABELS,
  EMPLOYEE_TEXT_RULES,
  type EmployeeTextField,
} from '@jinji/contracts/hr/employee-rules';
import { GENDERS } from '@jinji/contracts/hr/employees';
import { importMessage as m, type TImportMessage } from '@jinji/contracts/hr/import-messages';
import {
  ASSIGNMENT_COLUMN_KEYS,
  CLEAR_MARKER,
  CONTRACT_COLUMN_KEYS,
  companyScopedLabeller,
  IMPORT_COLUMNS_NEW,
  IMPORT_COLUMNS_UPDATE,
  type ImportColumn,
} from '@jinji/contracts/hr/imports';
import { txQueue } from '@jinji/db/tx-queue';
import { isCp932Equivalent } from '@jinji/ja/cp932';
import { parseJapaneseDate } from '@jinji/ja/dates';
import { todayInJapan } from '@jinji/ja/text';
import type { Tx } from '../../db/client';
import {
  ImportAbort,
  type ImportContext,
  type ImportKindHandler,
  type ImportRow,
  type RowSource,
  turn,
} from '../../lib/import-kinds';
import {
  type CodeInput,
  type CodeOutput,
  codesWithoutSequence,
  generateCodes,
  getTenantCodeSettings,
} from '../code-settings/code-settings.service';
import {
  closeOpenPeriods,
  type EmployeeBasicValues,
  insertPreparedEmployees,
  type NewEmployeeWrite,
  newEmployeeBatch,
  type PreparedEmployeeWrites,
  searchColumns,
} from '../employees/employee-writes';
import {
  type CurrentEmployee,
  findCurrentByNumbers,
  findLoginIdsOf,
  findMastersForImport,
  findTakenEmployeeNumbers,
  findTakenLoginIds,
  insertJsonRows,
  type MasterForImport,
  updateEmployeesJson,
  updateLoginIdsJson,
} from './imports.repository';

// 1,000: every batch's rows and JSON outlive a database round trip, so the batch size sets the heap's growth
// between full GCs (2,000 rows: ~195 MB over idle, 1,000: ~145 MB; no slower at 20k rows on PostgreSQL)
const BATCH = 1000;
/**
 * Rows parsed between turns of the event loop while pass 2 writes alongside: parsing resolves only
 * microtasks, so each statement's answer (and so the next statement) waits for the next turn; 100 rows
 * are ~5 ms of work, against ~70 ms for a batch.
 */
const YIELD_EVERY = 100;
const BASIC_KEYS = IMPORT_COLUMNS_NEW.filter(
  (c) => !c.master && !['employeeNumber', 'loginId', 'isStartupTarget', 'isSystemUse'].includes(c.key),
).map((c) => c.key);

type Check = { ok: true; value: string } | { ok: false; problem: TImportMessage };

const isTextField = (key: string): key is EmployeeTextField => Object.hasOwn(EMPLOYEE_TEXT_RULES, key);
const GENDER_SET = new Set<string>(GENDERS);

/**
 * One non-empty cell against its column's rule (employee-rules, as the form); the value comes back
 * normalised. Called for every cell of every row twice, so it allocates no closures.
 */
export function checkCell(c: ImportColumn, raw: string): Check {
  if (c.key.endsWith('Date')) {
    const d = parseJapaneseDate(raw);
    return d.ok ? { ok: true, value: d.date } : { ok: false, problem: d.problem as TImportMessage };
  }
  if (c.master) return { ok: true, value: raw };
  if (isTextField(c.key)) {
    const r = checkEmployeeText(c.key, raw);
    if (r.ok) return { ok: true, value: r.value ?? '' };
    return { ok: false, problem: r.problem === 'format' ? m('quoted', { problem: r.code, value: raw }) : r.code };
  }
  if (c.key === 'gender') {
    if (!GENDER_SET.has(raw)) return { ok: false, problem: m('gender', { value: raw }) };
    return { ok: true, value: raw };
  }
  const v = raw.normalize('NFKC');
  if (v !== '0' && v !== '1') return { ok: false, problem: m('flag', { field: c.header, value: raw }) };
  return { ok: true, value: v };
}

/** 生年月日/入社日/退職日 together, by employee-rules; reported under the column of the field at fault. */
function dateIssues(values: Record<string, unknown>, today: string) {
  return checkEmployeeDates(
    {
      birthDate: (values.birthDate as string | null) ?? null,
      hireDate: (values.hireDate as string | null) ?? null,
      retirementDate: (values.retirementDate as string | null) ?? null,
    },
    today,
  );
}

// ---- masters ------------------------------------------------------------------------------------

type Masters = {
  byId: Map<string, MasterForImport>;
  find(kind: string, text: string): MasterForImport[];
};

/** `tx` inside the write transaction: PGlite has one connection, a second transaction would wait forever. */
async function loadMasters(ctx: ImportContext, tx?: Tx): Promise<Masters> {
  const all = tx ? await findMastersForImport(tx) : await ctx.db.asTenant(ctx.tenantId, findMastersForImport);
  const byText = new Map<string, MasterForImport[]>();
  const add = (key: string, m: MasterForImport) => {
    const list = byText.get(key);
    if (list) {
      if (!list.includes(m)) list.push(m);
    } else byText.set(key, [m]);
  };
  const scopedLabel = companyScopedLabeller(all);
  for (const m of all) {
    add(`${m.kind}\u0000${m.code}`, m);
    add(`${m.kind}\u0000${m.name}`, m);
    const label = scopedLabel(m);
    if (label) add(`${m.kind}\u0000${label}`, m);
  }
  return { byId: new Map(all.map((m) => [m.id, m])), find: (kind, text) => byText.get(`${kind}\u0000${text}`) ?? [] };
}

/**
 * A master given by code or name: a code wins over a name; 部署 and 勤務地 must belong to the company.
 * An invalid master is accepted only where it is already the employee's value (export → import).
 */
function resolveMaster(
  masters: Masters,
  c: ImportColumn,
  text: string,
  companyId: string | null,
  currentId: string | null,
): Check {
  let candidates = masters.find(c.master!, text);
  const byCode = candidates.filter((m) => m.code === text);
  if (byCode.length > 0) candidates = byCode;
  if ((c.key === 'departmentId' || c.key === 'locationId') && companyId)
    candidates = candidates.filter((m) => m.companyId === companyId);
  const usable = candidates.filter((m) => m.isValid || m.id === currentId);
  if (usable.length === 0) {
    return { ok: false, problem: m(candidates.length > 0 ? 'masterInvalid' : 'masterNotFound', { value: text }) };
  }
  if (usable.length > 1) return { ok: false, problem: m('masterAmbiguous', { value: text }) };
  return { ok: true, value: usable[0]!.id };
}

// ---- 新規登録 -------------------------------------------------------------------------------------

type NewRow = {
  line: number;
  values: Record<string, string | null>;
  masters: Record<string, string | null>;
  isStartupTarget: boolean;
};

type ColumnAt = { c: ImportColumn; at: number | undefined };
/** The columns with their cell index in this file, looked up once per file instead of once per cell. */
const columnsAt = (ctx: ImportContext, columns: ImportColumn[]): ColumnAt[] =>
  columns.map((c) => ({ c, at: ctx.index.get(c.header) }));

function parseNewRow(ctx: ImportContext, row: ImportRow, cols: ColumnAt[], masters: Masters, today: string): NewRow {
  const err = (column: string, problem: TImportMessage) => ctx.error({ row: row.line, column, problem });
  const values: Record<string, string | null> = {};
  const resolved: Record<string, string | null> = {};
  for (const { c, at } of cols) {
    const raw = ctx.cellAt(row, at);
    values[c.key] = null;
    if (c.master) resolved[c.key] = null;
    if (raw === '') {
      if (c.required) err(c.header, m('required', { field: c.header }));
      continue;
    }
    const checked = checkCell(c, raw);
    if (!checked.ok) {
      err(c.header, checked.problem);
      continue;
    }
    if (c.master) {
      const found = resolveMaster(masters, c, checked.value, resolved.companyId ?? null, null);
      if (found.ok) resolved[c.key] = found.value;
      else err(c.header, found.problem);
    }
    values[c.key] = checked.value;
  }
  for (const issue of dateIssues(values, today)) err(EMPLOYEE_FIELD_LABELS[issue.field]!, issue.code);
  return { line: row.line, values, masters: resolved, isStartupTarget: values.isStartupTarget === '1' };
}

async function* batches<T>(source: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of source) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

type NewState = { rows: number; keepsNumber: boolean; keepsLogin: boolean };

/** コード設定 decides which values from the file are kept (bulk new registration: the setting wins). */
async function codeModes(ctx: ImportContext) {
  const codes = await getTenantCodeSettings(ctx.db, ctx.tenantId);
  return { codes, keepsNumber: codes.employeeNumberMode === 'direct', keepsLogin: codes.loginIdMode === 'direct' };
}

export const newEmployeesImport: ImportKindHandler<NewState> = {
  columns: IMPORT_COLUMNS_NEW,

  async validate(ctx, rows, handOff) {
    const masters = await loadMasters(ctx);
    const today = todayInJapan();
    const cols = columnsAt(ctx, IMPORT_COLUMNS_NEW);
    const { codes, keepsNumber, keepsLogin } = await codeModes(ctx);
    const seen = { employeeNumber: new Map<string, number>(), loginId: new Map<string, number>() };
    const headers = { employeeNumber: '社員番号', loginId: 'ログインID' } as const;
    let n = 0;
    // rows accepted so far, for pass 2 when it runs alongside; none once any row had an error
    let batch: NewRow[] = [];
    // Without rule numbers the codes need no database: pass 1 then turns each accepted row into its
    // JSON bytes at once and hands over prepared batches, so no row object outlives its own parse
    // (they die young instead of waiting, promoted, for the database: the heap stays flat)
    const prepared =
      handOff && codesWithoutSequence(codes, [])
        ? newEmployeeBatch(ctx.actor, new Date(), { binary: ctx.db.kind === 'postgres' })
        : null;
    for await (const row of rows()) {
      const p = parseNewRow(ctx, row, cols, masters, today);
      if (!keepsNumber) p.values.employeeNumber = null;
      if (!keepsLogin) p.values.loginId = null;
      // system use (decision 006): 直接入力 — a ログインID is given; 社員番号 / ユーザー設定 — the システム利用 column
      const getsLogin = keepsLogin
        ? p.values.loginId !== null
        : p.values.isSystemUse !== '0' &&
          (codes.loginIdMode === 'rule' || !keepsNumber || p.values.employeeNumber !== null);
      const use = {
        hasLogin: getsLogin,
        systemUseStartDate: p.values.systemUseStartDate ?? null,
        email: p.values.email ?? null,
      };
      for (const issue of checkSystemUse(use))
        ctx.error({ row: row.line, column: EMPLOYEE_FIELD_LABELS[issue.field]!, problem: issue.code });
      for (const key of ['employeeNumber', 'loginId'] as const) {
        const v = p.values[key];
        if (!v) continue;
        const first = seen[key].get(v);
        if (first !== undefined)
          ctx.error({ row: row.line, column: headers[key], problem: m('duplicateInFile', { line: first, value: v }) });
        else seen[key].set(v, row.line);
      }
      if (prepared) {
        if (ctx.errorCount() === 0) {
          prepared.add(toWrite(ctx, p, codesWithoutSequence(codes, codeInputs([p]))![0]!));
          if (prepared.size >= BATCH) await handOff!({ rows: null, prepared: prepared.take() });
        }
      } else if (handOff) {
        batch.push(p);
        if (batch.length >= BATCH) {
          if (ctx.errorCount() === 0) await handOff({ rows: batch, prepared: null });
          batch = [];
        }
      }
      if (++n % 1000 === 0) await ctx.validated(n);
      // alongside pass 2 the database's answers wait for the event loop: let them in every few ms
      else if (handOff && n % YIELD_EVERY === 0) await turn();
    }
    if (ctx.errorCount() === 0) {
      if (prepared && prepared.size > 0) await handOff!({ rows: null, prepared: prepared.take() });
      else if (handOff && batch.length > 0) await handOff({ rows: batch, prepared: null });
    }
    // against what is already registered (only for values that will be kept)
    for (const key of ['employeeNumber', 'loginId'] as const) {
      const taken = await ctx.db.asTenant(ctx.tenantId, (tx) =>
        key === 'employeeNumber'
          ? findTakenEmployeeNumbers(tx, [...seen[key].keys()])
          : findTakenLoginIds(tx, [...seen[key].keys()]),
      );
      for (const v of taken)
        ctx.error({ row: seen[key].get(v)!, column: headers[key], problem: m('alreadyRegistered', { value: v }) });
    }
    if (n === 0) ctx.error({ row: 0, column: '-', problem: m('noDataRows') });
    await ctx.validated(n);
    return { rows: n, keepsNumber, keepsLogin };
  },

  async begin(ctx) {
    const { keepsNumber, keepsLogin } = await codeModes(ctx);
    return { rows: 0, keepsNumber, keepsLogin };
  },

  async write(ctx, tx, state, rows, accepted) {
    const at = new Date();
    const binary = ctx.db.kind === 'postgres'; // JSON as bytes: node-postgres takes a Buffer, PGlite the text
    // Alongside pass 1 the batches come from it (prepared, or parsed); after it (PGlite) the file is
    // parsed again, in tx
    async function* parsed(): AsyncGenerator<NewBatch> {
      if (accepted) {
        for await (const batch of accepted as AsyncIterable<NewBatch>) {
          // pass 1 found an error: the transaction will roll back, stop writing
          if (ctx.errorCount() > 0) throw new ImportAbort(m('logMastersChanged'));
          yield batch;
        }
        return;
      }
      const masters = await loadMasters(ctx, tx);
      const today = todayInJapan();
      const cols = columnsAt(ctx, IMPORT_COLUMNS_NEW);
      for await (const batch of batches(rows(), BATCH))
        yield {
          rows: batch.map((row) => {
            const before = ctx.errorCount();
            const p = parseNewRow(ctx, row, cols, masters, today);
            if (ctx.errorCount() > before) throw new ImportAbort(m('logMastersChanged'));
            if (!state.keepsNumber) p.values.employeeNumber = null;
            if (!state.keepsLogin) p.values.loginId = null;
            return p;
          }),
          prepared: null,
        };
    }
    const codesOf = (parsed: NewRow[]) => generateCodes(tx, ctx.tenantId, 'bulk_new', codeInputs(parsed));
    const batcher = newEmployeeBatch(ctx.actor, at, { binary }); // one for all batches: its space is reused
    const prepareRows = (parsed: NewRow[], codes: CodeOutput[]) => {
      for (const [i, p] of parsed.entries()) batcher.add(toWrite(ctx, p, codes[i]!));
      return batcher.take();
    };

    // Pipelined on the one transaction: while the database runs batch N's insert, Node parses and
    // prepares batch N+1 (rows that need rule numbers ask for them before N's insert is queued, so
    // コード設定's sequence stays in file order). The statements still run one after another, in
    // order, in the same transaction; at most two inserts wait at a time (memory).
    const queue = txQueue();
    const source = parsed();
    let written = 0;
    let previous: Promise<void> = Promise.resolve();
    try {
      let next = await source.next();
      let codes = next.done || next.value.prepared ? null : queue.run(() => codesOf(next.value.rows!));
      const insert = (prepared: PreparedEmployeeWrites) =>
        queue.run(async () => {
          await insertPreparedEmployees(tx, prepared);
          written += prepared.ids.length;
          ctx.written(written);
        });
      while (!next.done) {
        const batch = next.value;
        const prepared = batch.prepared ?? prepareRows(batch.rows!, await codes!);
        // prepared by pass 1: queued at once; parsed: the next batch's codes go first (see above)
        const early = batch.prepared ? insert(prepared) : null;
        const following = await source.next();
        codes = following.done || following.value.prepared ? null : queue.run(() => codesOf(following.value.rows!));
        const inserted = early ?? insert(prepared);
        await previous; // the one before is done: two inserts at most in the queue
        previous = inserted;
        await turn(); // PGlite answers in microtasks: let timers and I/O run between batches
        next = following;
      }
      await queue.drain();
    } finally {
      // a failure above must not roll back while queued statements still use the connection
      await queue.settle();
    }
    return { written, log: m('logCreated', { count: written }) };
  },
};

/** A batch pass 1 accepted: parsed rows, or (codes known without the database) already prepared. */
type NewBatch = { rows: NewRow[]; prepared: null } | { rows: null; prepared: PreparedEmployeeWrites };

const codeInputs = (parsed: NewRow[]): CodeInput[] =>
  parsed.map((p) => ({
    employeeNumber: p.values.employeeNumber ?? null,
    loginId: p.values.loginId ?? null,
    hireDate: p.values.hireDate ?? null,
    isSystemUse: p.values.isSystemUse !== '0',
  }));

/**
 * The employee's basic columns from a parsed row: a literal of one shape, keys in BASIC_KEYS order then
 * isStartupTarget. Keyed stores of 20 properties into `{}` made a dictionary object (V8 keeps ~16
 * properties added by key fast); with the audit entry's spread copy of it, toWrite allocated ~4.6 KB a
 * row, about half of it promoted before it died (decision 007, measured 2026-12-03).
 */
function basicOf(v: Record<string, string | null>, isStartupTarget: boolean): EmployeeBasicValues {
  return {
    lastName: v.lastName ?? null,
    firstName: v.firstName ?? null,
    lastNameKana: v.lastNameKana ?? null,
    firstNameKana: v.firstNameKana ?? null,
    businessLastName: v.businessLastName ?? null,
    businessFirstName: v.businessFirstName ?? null,
    birthDate: v.birthDate ?? null,
    gender: v.gender ?? null,
    hireDate: v.hireDate ?? null,
    retirementDate: v.retirementDate ?? null,
    email: v.email ?? null,
    systemUseStartDate: v.systemUseStartDate ?? null,
    postalCode: v.postalCode ?? null,
    prefecture: v.prefecture ?? null,
    city: v.city ?? null,
    street: v.street ?? null,
    building: v.building ?? null,
    phone: v.phone ?? null,
    mobilePhone: v.mobilePhone ?? null,
    isStartupTarget,
  } as EmployeeBasicValues;
}

function toWrite(ctx: ImportContext, p: NewRow, code: CodeOutput): NewEmployeeWrite {
  const v = p.values;
  const m = p.masters;
  const { employeeNumber, loginId } = code;
  const basic = basicOf(v, p.isStartupTarget);
  const startDate = v.hireDate!;
  const hasAssignment = !!(m.companyId || m.departmentId || m.positionId || m.gradeId || m.jobTypeId || m.locationId);
  const hasContract = !!(m.employmentTypeId || m.workStyleId || m.hiringCategoryId);
  return {
    basic,
    employeeNumber,
    loginId,
    // the periods' columns only (newEmployeeBatch reads no others)
    assignments: hasAssignment
      ? [
          {
            startDate,
            companyId: m.companyId ?? null,
            departmentId: m.departmentId ?? null,
            positionId: m.positionId ?? null,
            gradeId: m.gradeId ?? null,
            jobTypeId: m.jobTypeId ?? null,
            locationId: m.locationId ?? null,
          },
        ]
      : [],
    contracts: hasContract
      ? [
          {
            startDate,
            employmentTypeId: m.employmentTypeId ?? null,
            workStyleId: m.workStyleId ?? null,
            hiringCategoryId: m.hiringCategoryId ?? null,
          },
        ]
      : [],
    // a literal too, not `{ ...basic, … }`: the spread copies made ~80 % of the import's promoted
    // bytes (20k rows: 38 MB promoted with it, 7 MB without), so the old generation grew with it
    audit: {
      lastName: basic.lastName,
      firstName: basic.firstName,
      lastNameKana: basic.lastNameKana,
      firstNameKana: basic.firstNameKana,
      businessLastName: basic.businessLastName,
      businessFirstName: basic.businessFirstName,
      birthDate: basic.birthDate,
      gender: basic.gender,
      hireDate: basic.hireDate,
      retirementDate: basic.retirementDate,
      email: basic.email,
      systemUseStartDate: basic.systemUseStartDate,
      postalCode: basic.postalCode,
      prefecture: basic.prefecture,
      city: basic.city,
      street: basic.street,
      building: basic.building,
      phone: basic.phone,
      mobilePhone: basic.mobilePhone,
      isStartupTarget: basic.isStartupTarget,
      employeeNumber,
      loginId,
      import: ctx.fileName,
    },
  };
}

const snake = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]));

// ---- 更新 ---------------------------------------------------------------------------------------

type HistoryChange = { startDate: string; values: Record<string, string | null> };
type UpdateRow = {
  line: number;
  current: CurrentEmployee;
  /** a ログインID given to an employee without one (`isNew`) or changed */
  login: { loginId: string; isNew: boolean } | null;
  /** the employee's columns after the change (all of them), or null when none changed */
  basic: Record<string, unknown> | null;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  assignment: HistoryChange | null;
  contract: HistoryChange | null;
};

const NUMBER_COLUMN = IMPORT_COLUMNS_UPDATE[0]!;
/** what a 新規登録 requires cannot be cleared by an update file */
const REQUIRED_IN_NEW = new Set(IMPORT_COLUMNS_NEW.filter((c) => c.required).map((c) => c.key));
const UPDATE_COLUMN_BY_KEY = new Map(IMPORT_COLUMNS_UPDATE.map((c) => [c.key, c]));

function parseUpdateRow(
  ctx: ImportContext,
  row: ImportRow,
  current: CurrentEmployee | undefined,
  currentLogin: string | null,
  masters: Masters,
  today: string,
): UpdateRow | null {
  const err = (column: string, problem: TImportMessage) => ctx.error({ row: row.line, column, problem });
  const number = ctx.cell(row, NUMBER_COLUMN.header);
  if (!number) {
    err(NUMBER_COLUMN.header, m('required', { field: NUMBER_COLUMN.header }));
    return null;
  }
  if (!current) {
    err(NUMBER_COLUMN.header, m('notRegistered', { value: number }));
    return null;
  }
  // undefined: unchanged; null: cleared; string: the new value
  const given: Record<string, string | null | undefined> = {};
  for (const c of IMPORT_COLUMNS_UPDATE.slice(1)) {
    const raw = ctx.cell(row, c.header);
    if (raw === '') continue;
    if (raw === CLEAR_MARKER) {
      if (REQUIRED_IN_NEW.has(c.key) || c.key.endsWith('StartDate') || c.key === 'loginId')
        err(c.header, m('cannotClear', { field: c.header, marker: CLEAR_MARKER }));
      else given[c.key] = null;
      continue;
    }
    const checked = checkCell(c, raw);
    if (checked.ok) given[c.key] = checked.value;
    else err(c.header, checked.problem);
  }

  const cur = current.employee as unknown as Record<string, unknown>;
  const merged: Record<string, unknown> = {};
  for (const k of BASIC_KEYS) merged[k] = given[k] === undefined ? (cur[k] ?? null) : given[k];
  merged.isStartupTarget = given.isStartupTarget === undefined ? cur.isStartupTarget : given.isStartupTarget === '1';
  // the same rules as the form, on the values after the change; a row that touches none of the dates
  // is not refused for what is already stored
  if (given.birthDate !== undefined || given.hireDate !== undefined || given.retirementDate !== undefined)
    for (const issue of dateIssues(merged, today)) err(EMPLOYEE_FIELD_LABELS[issue.field]!, issue.code);

  const login = given.loginId && given.loginId !== currentLogin ? given.loginId : null;
  if (given.loginId !== undefined || given.email !== undefined || given.systemUseStartDate !== undefined) {
    const use = {
      hasLogin: !!(login ?? currentLogin),
      systemUseStartDate: (merged.systemUseStartDate as string | null) ?? null,
      email: (merged.email as string | null) ?? null,
    };
    for (const issue of checkSystemUse(use)) err(EMPLOYEE_FIELD_LABELS[issue.field]!, issue.code);
  }

  const history = (
    keys: string[],
    latest: CurrentEmployee['assignment'],
    dateKey: 'assignmentStartDate' | 'contractStartDate',
  ): HistoryChange | null => {
    if (!keys.some((k) => given[k] !== undefined)) return null;
    const values: Record<string, string | null> = {};
    for (const k of keys) {
      const c = UPDATE_COLUMN_BY_KEY.get(k)!;
      const was = (latest?.[k] as string | null | undefined) ?? null;
      const text = given[k];
      if (text === undefined || text === null) {
        values[k] = text === null ? null : was;
        continue;
      }
      const found = resolveMaster(masters, c, text, values.companyId ?? null, was);
      if (!found.ok) err(c.header, found.problem);
      values[k] = found.ok ? found.value : was;
    }
    // a 部署 or 勤務地 kept from before must still belong to the (possibly new) company
    for (const k of ['departmentId', 'locationId']) {
      const id = values[k];
      if (!id || !keys.includes(k)) continue;
      const master = masters.byId.get(id);
      if (master && values.companyId && master.companyId !== values.companyId)
        err(
          k === 'departmentId' ? '部署' : '勤務地',
          m('notOfCompany', { company: masters.byId.get(values.companyId)?.name ?? '' }),
        );
    }
    if (keys.every((k) => values[k] === ((latest?.[k] as string | null | undefined) ?? null))) return null;
    const isAssignment = dateKey === 'assignmentStartDate';
    const header = isAssignment ? '所属適用日' : '契約適用日';
    const startDate = given[dateKey];
    if (!startDate) {
      err(header, m(isAssignment ? 'assignmentNeedsDate' : 'contractNeedsDate', { field: header }));
      return null;
    }
    if (startDate < (merged.hireDate as string)) err(header, m('notBeforeHire'));
    else if (latest && startDate < latest.startDate)
      err(
        header,
        m(isAssignment ? 'afterLatestAssignment' : 'afterLatestContract', {
          date: latest.startDate.replaceAll('-', '/'),
        }),
      );
    return { startDate, values };
  };
  const assignment = history(ASSIGNMENT_COLUMN_KEYS, current.assignment, 'assignmentStartDate');
  const contract = history(CONTRACT_COLUMN_KEYS, current.contract, 'contractStartDate');

  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const k of [...BASIC_KEYS, 'isStartupTarget']) {
    // 〜 read back as ～ from a Shift_JIS export is the file's encoding, not an edit: the stored form stays
    if (isCp932Equivalent(cur[k] ?? null, merged[k] ?? null)) merged[k] = cur[k] ?? null;
    else {
      before[k] = cur[k] ?? null;
      after[k] = merged[k] ?? null;
    }
  }
  if (login) {
    before.loginId = currentLogin;
    after.loginId = login;
  }
  const name = (id: string | null) => (id ? (masters.byId.get(id)?.name ?? id) : null);
  for (const [kind, change] of [
    ['assignment', assignment],
    ['contract', contract],
  ] as const) {
    if (!change) continue;
    after[kind] = {
      startDate: change.startDate,
      ...Object.fromEntries(Object.entries(change.values).map(([k, v]) => [k, name(v)])),
    };
  }
  const isBasicChanged = Object.keys(before).length > 0;
  return {
    line: row.line,
    current,
    login: login ? { loginId: login, isNew: currentLogin === null } : null,
    basic: isBasicChanged ? merged : null,
    before,
    after,
    assignment,
    contract,
  };
}

async function* updateRows(
  ctx: ImportContext,
  tx: Tx | null,
  rows: RowSource,
  masters: Masters,
): AsyncGenerator<{ row: ImportRow; parsed: UpdateRow | null }[]> {
  const today = todayInJapan();
  for await (const batch of batches(rows(), BATCH)) {
    const numbers = batch.map((r) => ctx.cell(r, NUMBER_COLUMN.header)).filter(Boolean);
    const read = async (t: Tx) => {
      const current = await findCurrentByNumbers(t, numbers);
      return {
        current,
        logins: await findLoginIdsOf(
          t,
          [...current.values()].map((c) => c.employee.id),
        ),
      };
    };
    const { current, logins } = tx ? await read(tx) : await ctx.db.asTenant(ctx.tenantId, read);
    yield batch.map((row) => {
      const c = current.get(ctx.cell(row, NUMBER_COLUMN.header));
      return {
        row,
        parsed: parseUpdateRow(ctx, row, c, c ? (logins.get(c.employee.id) ?? null) : null, masters, today),
      };
    });
  }
}

type UpdateState = { rows: number };

export const updateEmployeesImport: ImportKindHandler<UpdateState> = {
  columns: IMPORT_COLUMNS_UPDATE,

  async validate(ctx, rows) {
    const masters = await loadMasters(ctx);
    const seen = new Map<string, number>();
    const seenLogins = new Map<string, number>();
    let n = 0;
    for await (const batch of updateRows(ctx, null, rows, masters)) {
      for (const { row, parsed } of batch) {
        if (parsed?.login) checkLoginInFile(ctx, seenLogins, parsed.login.loginId, row.line);
        const number = ctx.cell(row, NUMBER_COLUMN.header);
        const first = seen.get(number);
        if (number && first !== undefined)
          ctx.error({
            row: row.line,
            column: '社員番号',
            problem: m('duplicateInFile', { line: first, value: number }),
          });
        else if (number) seen.set(number, row.line);
      }
      n += batch.length;
      await ctx.validated(n);
    }
    const taken = await ctx.db.asTenant(ctx.tenantId, (tx) => findTakenLoginIds(tx, [...seenLogins.keys()]));
    for (const v of taken)
      ctx.error({ row: seenLogins.get(v)!, column: 'ログインID', problem: m('alreadyRegistered', { value: v }) });
    if (n === 0) ctx.error({ row: 0, column: '-', problem: m('noDataRows') });
    return { rows: n };
  },

  async write(ctx, tx, _state, rows) {
    const by = actingUserOf(ctx.actor);
    const masters = await loadMasters(ctx, tx);
    const now = new Date().toISOString();
    let changed = 0;
    let seenRows = 0;
    for await (const batch of updateRows(ctx, tx, rows, masters)) {
      if (ctx.errorCount() > 0) throw new ImportAbort(m('logEmployeesChanged'));
      const employeeRows: Record<string, unknown>[] = [];
      const auditRows: Record<string, unknown>[] = [];
      for (const { parsed: p } of batch) {
        if (!p || Object.keys(p.after).length === 0) continue;
        const id = p.current.employee.id;
        if (p.basic) {
          employeeRows.push({
            ...snake({
              ...p.basic,
              ...searchColumns(p.basic as Parameters<typeof searchColumns>[0]),
            }),
            tenant_id: ctx.tenantId,
            id,
            updated_at: now,
          });
        }
        for (const [table, change] of [
          ['employee_assignments', p.assignment],
          ['employee_contracts', p.contract],
        ] as const) {
          if (!change) continue;
          await closeOpenPeriods(tx, table, id, change.startDate);
          await insertJsonRows(tx, table, [
            {
              ...snake(change.values),
              tenant_id: ctx.tenantId,
              id: randomUUID(),
              employee_id: id,
              start_date: change.startDate,
              created_at: now,
            },
          ]);
        }
        auditRows.push({
          tenant_id: ctx.tenantId,
          id: randomUUID(),
          at: now,
          actor_id: by.userId,
          actor_login_id: by.loginId,
          action: 'update',
          target_type: 'employee',
          target_id: id,
          before: p.before,
          after: { ...p.after, import: ctx.fileName },
        });
        changed++;
      }
      await updateEmployeesJson(tx, employeeRows);
      await writeLogins(ctx, tx, batch, now);
      await insertJsonRows(tx, 'audit_logs', auditRows);
      seenRows += batch.length;
      ctx.written(seenRows);
    }
    const unchanged = seenRows - changed;
    return {
      written: changed,
      log:
        unchanged > 0
          ? m('logUpdatedWithUnchanged', { count: changed, unchanged })
          : m('logUpdated', { count: changed }),
    };
  },
};

function checkLoginInFile(ctx: ImportContext, seen: Map<string, number>, loginId: string, line: number) {
  const first = seen.get(loginId);
  if (first === undefined) seen.set(loginId, line);
  else ctx.error({ row: line, column: 'ログインID', problem: m('duplicateInFile', { line: first, value: loginId }) });
}

/** ログインIDs given by an update file: a new account (no password yet) or a changed ID, batched. */
async function writeLogins(ctx: ImportContext, tx: Tx, batch: { parsed: UpdateRow | null }[], now: string) {
  const created: Record<string, unknown>[] = [];
  const changed: { employee_id: string; login_id: string }[] = [];
  for (const { parsed: p } of batch) {
    if (!p?.login) continue;
    const e = (p.basic ?? p.current.employee) as { lastName: string; firstName: string; email: string | null };
    if (!p.login.isNew) changed.push({ employee_id: p.current.employee.id, login_id: p.login.loginId });
    else
      created.push({
        tenant_id: ctx.tenantId,
        id: randomUUID(),
        employee_id: p.current.employee.id,
        login_id: p.login.loginId,
        email: e.email,
        display_name: `${e.lastName} ${e.firstName}`,
        must_change_password: false,
        is_disabled: false,
        failed_login_count: 0,
        created_at: now,
        updated_at: now,
      });
  }
  await updateLoginIdsJson(tx, changed);
  await insertJsonRows(tx, 'user_accounts', created);
}
