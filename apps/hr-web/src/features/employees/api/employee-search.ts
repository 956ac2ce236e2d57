// 従業員一覧's filters live in the URL (?q=…&page=…): back, reload and shared links keep them.
import { EMPLOYEE_SORTS, EMPLOYMENT_STATUSES, type TEmploymentStatus } from '@jinji/contracts/hr/enums';

export type TEmployeeSort = (typeof EMPLOYEE_SORTS)[number];
export type TSortOrder = 'asc' | 'desc';

export type TEmployeeFilters = {
  q?: string;
  employeeNumber?: string;
  loginId?: string;
  companyId?: string;
  departmentId?: string;
  status?: TEmploymentStatus;
  /** 従業員スタートアップ: pending = not finished (the flag is 1), done = completed */
  startup?: 'pending' | 'done';
  createdFrom?: string;
  createdTo?: string;
};
export type TEmployeeSearch = TEmployeeFilters & { sort?: TEmployeeSort; order?: TSortOrder; page?: number };

const TEXT_KEYS = ['q', 'employeeNumber', 'loginId', 'companyId', 'departmentId', 'createdFrom', 'createdTo'] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v).trim() : '');
const isOneOf = <T extends string>(list: readonly T[], v: string): v is T => (list as readonly string[]).includes(v);

/** validateSearch of the list route: unknown or malformed values are dropped, never an error page. */
export function parseEmployeeSearch(raw: Record<string, unknown>): TEmployeeSearch {
  const out: TEmployeeSearch = {};
  for (const key of TEXT_KEYS) {
    const v = str(raw[key]);
    if (!v) continue;
    if ((key === 'createdFrom' || key === 'createdTo') && !ISO_DATE.test(v)) continue;
    out[key] = v;
  }
  const status = str(raw.status);
  if (isOneOf(EMPLOYMENT_STATUSES, status)) out.status = status;
  const startup = str(raw.startup);
  if (startup === 'pending' || startup === 'done') out.startup = startup;
  const sort = str(raw.sort);
  if (isOneOf(EMPLOYEE_SORTS, sort)) out.sort = sort;
  const order = str(raw.order);
  if (order === 'asc' || order === 'desc') out.order = order;
  const page = Number(raw.page);
  if (Number.isInteger(page) && page > 1) out.page = page;
  return out;
}

/** The API's query string (pageSize null: the export, which has no paging). */
export function toListParams(search: TEmployeeSearch, pageSize: number | null): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of [...TEXT_KEYS, 'status', 'startup'] as const) {
    const v = search[key];
    if (v) params.set(key, v);
  }
  if (search.sort) params.set('sort', search.sort);
  if (search.order) params.set('order', search.order);
  if (pageSize !== null) {
    params.set('page', String(search.page ?? 1));
    params.set('pageSize', String(pageSize));
  }
  return params;
}

export const hasFilters = (search: TEmployeeSearch) =>
  [...TEXT_KEYS, 'status' as const, 'startup' as const].some((key) => Boolean(search[key]));
