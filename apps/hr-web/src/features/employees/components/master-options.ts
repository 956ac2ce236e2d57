import type { TMasterItem } from '@jinji/contracts/hr/masters';

export type TOption = { value: string; label: string };

/** Select options of a master: 「コード 名称」. */
export const masterOptions = (rows: TMasterItem[] | undefined): TOption[] =>
  (rows ?? []).map((r) => ({ value: r.id, label: `${r.code} ${r.name}` }));

/** Rows of one company (rows without a company belong to all); every row when no company is chosen. */
export const ofCompany = (rows: TMasterItem[] | undefined, companyId: string | null | undefined) =>
  (rows ?? []).filter((r) => !companyId || r.companyId === null || r.companyId === companyId);

/**
 * 部署 options in tree order with their path (「本社 / 人事部」), so a child department reads as one:
 * filtered by company when one is chosen.
 */
export function departmentOptions(rows: TMasterItem[] | undefined, companyId: string | null | undefined): TOption[] {
  const all = [...ofCompany(rows, companyId)].sort((a, b) => a.sortOrder - b.sortOrder);
  const ids = new Set(all.map((r) => r.id));
  const out: TOption[] = [];
  const visit = (parentId: string | null, path: string[], depth: number) => {
    for (const r of all.filter((x) => (x.parentId && ids.has(x.parentId) ? x.parentId : null) === parentId)) {
      const label = [...path, r.name];
      out.push({ value: r.id, label: label.join(' / ') });
      if (depth < 20) visit(r.id, label, depth + 1);
    }
  };
  visit(null, [], 0);
  return out;
}
