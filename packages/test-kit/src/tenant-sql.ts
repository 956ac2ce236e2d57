// Does every reference to a tenant table in an SQL statement name its tenant? For the day the data is
// distributed by tenant on Citus (docs/scale-out.md): a query on a distributed table goes to one node only
// when its WHERE (or a join's ON) fixes the distribution column, and a join of two distributed tables is
// co-located only when it joins on that column. Row-level security already keeps tenants apart at run time
// on one PostgreSQL; this is about routing, not isolation. The statements are parsed by PostgreSQL's own
// parser (libpg-query), never matched by text.
//
// A reference is constrained when an AND-conjunct of a WHERE or ON of its statement compares its tenant
// column with `=` to a value (a parameter, a literal, a function call without columns such as
// jinji_current_tenant()), or to the tenant column of a reference that is constrained; an INSERT is
// constrained when its column list holds the tenant column. Tables that are not tenant tables (the tenant
// table itself, a reference table on Citus; pg-boss's; drizzle's) are not looked at.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fingerprintSync, loadModule, parseSync } from 'libpg-query';

/** `schema.table` → its tenant column, for every tenant table */
export type TenantTables = ReadonlyMap<string, string>;

type Node = Record<string, unknown>;
type Ref = { table: string; column: string; alias: string; anchored: boolean };
type Scope = { refs: Ref[]; parent: Scope | null };

let loaded: Promise<void> | null = null;
/** The parser is WebAssembly: load it once before the first check. */
export const loadSqlParser = () => {
  loaded ??= loadModule();
  return loaded;
};

const isObj = (v: unknown): v is Node => typeof v === 'object' && v !== null;
const strings = (fields: unknown): string[] =>
  Array.isArray(fields)
    ? fields.map((f) => (isObj(f) && isObj(f.String) ? String(f.String.sval) : isObj(f) && 'A_Star' in f ? '*' : ''))
    : [];

/** AND-conjuncts of a boolean expression. */
function conjuncts(expr: unknown): Node[] {
  if (!isObj(expr)) return [];
  const b = expr.BoolExpr as Node | undefined;
  if (b && b.boolop === 'AND_EXPR') return (b.args as unknown[]).flatMap(conjuncts);
  return [expr];
}

/** A value fixed for the whole statement: parameter, literal, or a call/cast of such without columns. */
function isValue(expr: unknown): boolean {
  if (!isObj(expr)) return false;
  if ('ParamRef' in expr || 'A_Const' in expr) return true;
  if (isObj(expr.TypeCast)) return isValue(expr.TypeCast.arg);
  if (isObj(expr.FuncCall)) return !JSON.stringify(expr.FuncCall).includes('"ColumnRef"');
  return false;
}

export function unconstrainedTenantRefs(
  text: string,
  opts: { tables: TenantTables; searchPath: readonly string[] },
): string[] {
  const parsed = parseSync(text) as { stmts?: { stmt: Node }[] };
  const ctes = new Set<string>();
  const refs: Ref[] = [];
  const edges: [Ref, Ref][] = [];

  const resolveTable = (rv: Node): { table: string; column: string } | null => {
    const name = String(rv.relname);
    if (!rv.schemaname && ctes.has(name)) return null;
    const schemas = rv.schemaname ? [String(rv.schemaname)] : opts.searchPath;
    for (const s of schemas) {
      const column = opts.tables.get(`${s}.${name}`);
      if (column) return { table: `${s}.${name}`, column };
    }
    return null;
  };
  const addRef = (rv: Node, scope: Scope, anchored = false): Ref | null => {
    const t = resolveTable(rv);
    if (!t) return null;
    const alias = isObj(rv.alias) ? String(rv.alias.aliasname) : String(rv.relname);
    const ref = { ...t, alias, anchored };
    refs.push(ref);
    scope.refs.push(ref);
    return ref;
  };
  /** the tenant-table reference a column names, if it names a tenant column */
  const tenantColumnOf = (expr: unknown, scope: Scope): Ref | null => {
    if (!isObj(expr)) return null;
    if (isObj(expr.TypeCast)) return tenantColumnOf(expr.TypeCast.arg, scope);
    if (!isObj(expr.ColumnRef)) return null;
    const parts = strings(expr.ColumnRef.fields);
    const column = parts[parts.length - 1]!;
    for (let s: Scope | null = scope; s; s = s.parent) {
      const candidates = parts.length >= 2 ? s.refs.filter((r) => r.alias === parts[parts.length - 2]) : s.refs;
      if (parts.length >= 2 && candidates.length > 0) return candidates[0]!.column === column ? candidates[0]! : null;
      if (parts.length === 1) {
        const having = candidates.filter((r) => r.column === column);
        if (having.length === 1) return having[0]!;
        if (having.length > 1) return null; // PostgreSQL would call it ambiguous
      }
    }
    return null;
  };
  const constrain = (expr: unknown, scope: Scope) => {
    for (const c of conjuncts(expr)) {
      const e = c.A_Expr as Node | undefined;
      if (e?.kind !== 'AEXPR_OP' || strings(e.name).join('.') !== '=') continue;
      const [l, r] = [tenantColumnOf(e.lexpr, scope), tenantColumnOf(e.rexpr, scope)];
      if (l && r) edges.push([l, r]);
      else if (l && isValue(e.rexpr)) l.anchored = true;
      else if (r && isValue(e.lexpr)) r.anchored = true;
    }
  };

  /** every sub-statement anywhere below `node` (subqueries in expressions, CTEs, …) */
  const walkAny = (node: unknown, scope: Scope | null): void => {
    if (Array.isArray(node)) {
      for (const n of node) walkAny(n, scope);
      return;
    }
    if (!isObj(node)) return;
    if (isObj(node.SelectStmt)) walkSelect(node.SelectStmt, scope);
    else if (isObj(node.InsertStmt)) walkInsert(node.InsertStmt, scope);
    else if (isObj(node.UpdateStmt)) walkModify(node.UpdateStmt, 'fromClause', scope);
    else if (isObj(node.DeleteStmt)) walkModify(node.DeleteStmt, 'usingClause', scope);
    else for (const v of Object.values(node)) walkAny(v, scope);
  };
  const walkWith = (stmt: Node, scope: Scope | null) => {
    if (!isObj(stmt.withClause)) return;
    const list = stmt.withClause.ctes as Node[];
    for (const c of list) ctes.add(String((c.CommonTableExpr as Node).ctename));
    for (const c of list) walkAny((c.CommonTableExpr as Node).ctequery, scope);
  };
  /** FROM items into `scope`; join conditions are returned to be applied once every item is known */
  const walkFrom = (item: unknown, scope: Scope, quals: unknown[]): Ref[] => {
    if (!isObj(item)) return [];
    if (isObj(item.RangeVar)) {
      const r = addRef(item.RangeVar, scope);
      return r ? [r] : [];
    }
    if (isObj(item.JoinExpr)) {
      const j = item.JoinExpr;
      const left = walkFrom(j.larg, scope, quals);
      const right = walkFrom(j.rarg, scope, quals);
      if (j.quals) quals.push(j.quals);
      for (const u of strings(j.usingClause))
        for (const l of left.filter((x) => x.column === u))
          for (const r of right.filter((x) => x.column === u)) edges.push([l, r]);
      return [...left, ...right];
    }
    if (isObj(item.RangeSubselect)) walkAny(item.RangeSubselect.subquery, scope);
    else walkAny(item, scope);
    return [];
  };
  const walkSelect = (s: Node, parent: Scope | null) => {
    walkWith(s, parent);
    if (s.op && s.op !== 'SETOP_NONE') {
      walkAny(s.larg ? { SelectStmt: s.larg } : null, parent);
      walkAny(s.rarg ? { SelectStmt: s.rarg } : null, parent);
      return;
    }
    const scope: Scope = { refs: [], parent };
    const quals: unknown[] = [];
    for (const item of (s.fromClause as unknown[]) ?? []) walkFrom(item, scope, quals);
    for (const q of [...quals, s.whereClause]) constrain(q, scope);
    for (const [k, v] of Object.entries(s))
      if (k !== 'fromClause' && k !== 'withClause' && k !== 'larg' && k !== 'rarg') walkAny(v, scope);
    for (const q of quals) walkAny(q, scope);
  };
  const walkModify = (s: Node, fromKey: 'fromClause' | 'usingClause', parent: Scope | null) => {
    walkWith(s, parent);
    const scope: Scope = { refs: [], parent };
    addRef(s.relation as Node, scope);
    const quals: unknown[] = [];
    for (const item of (s[fromKey] as unknown[]) ?? []) walkFrom(item, scope, quals);
    for (const q of [...quals, s.whereClause]) constrain(q, scope);
    walkAny([s.targetList, s.whereClause, s.returningList, ...quals], scope);
  };
  const walkInsert = (s: Node, parent: Scope | null) => {
    walkWith(s, parent);
    const scope: Scope = { refs: [], parent };
    const columns = ((s.cols as Node[]) ?? []).map((c) => String((c.ResTarget as Node).name));
    const ref = addRef(s.relation as Node, scope);
    if (ref && columns.includes(ref.column)) ref.anchored = true;
    walkAny([s.selectStmt, s.onConflictClause, s.returningList], scope);
  };

  for (const { stmt } of parsed.stmts ?? []) walkAny(stmt, null);
  // a join on the tenant column to a constrained reference constrains the other side
  for (let changed = true; changed; ) {
    changed = false;
    for (const [a, b] of edges)
      if (a.anchored !== b.anchored) {
        a.anchored = b.anchored = true;
        changed = true;
      }
  }
  return refs
    .filter((r) => !r.anchored)
    .map((r) => (r.alias === r.table.split('.')[1] ? r.table : `${r.table} ${r.alias}`));
}

/** Tenant tables of the apps from the catalog: every base table of an app schema with its tenant column. */
export async function readTenantTables(
  db: { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> },
  apps: readonly { schema: string; tenantColumn: string }[],
): Promise<Map<string, string>> {
  const { rows } = await db.executeSql(
    `select c.table_schema || '.' || c.table_name as name, c.column_name as column
     from information_schema.columns c join information_schema.tables t
       on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
     where (c.table_schema, c.column_name) in (select * from unnest($1::text[], $2::text[]))`,
    [apps.map((a) => a.schema), apps.map((a) => a.tenantColumn)],
  );
  return new Map((rows as { name: string; column: string }[]).map((r) => [r.name, r.column]));
}

/** One tenant-table reference that names no tenant, in one statement (by PostgreSQL's fingerprint). */
export type TenantScopeProblem = { key: string; table: string; sample: string };

/**
 * Every captured statement that touches a tenant table without naming its tenant: one problem per
 * unconstrained reference and statement shape (libpg-query's fingerprint: the same statement with other
 * parameters or literals is one shape), sorted by key.
 */
export async function tenantScopeProblems(
  statements: Iterable<string>,
  opts: { tables: TenantTables; searchPath: readonly string[] },
): Promise<{ problems: TenantScopeProblem[]; checked: number; touching: number }> {
  await loadSqlParser();
  const problems = new Map<string, TenantScopeProblem>();
  const names = [...opts.tables.keys()].map((t) => t.split('.')[1]!);
  let checked = 0;
  let touching = 0;
  for (const text of statements) {
    checked++;
    let refs: string[];
    try {
      refs = unconstrainedTenantRefs(text, opts);
    } catch {
      continue; // not one statement PostgreSQL parses (a driver's own text); the database refused it too
    }
    if (names.some((n) => text.includes(n))) touching++;
    if (refs.length === 0) continue;
    const print = fingerprintSync(text);
    const sample = text.replace(/\s+/g, ' ').slice(0, 200);
    for (const table of refs) problems.set(`${table} @${print}`, { key: `${table} @${print}`, table, sample });
  }
  return {
    problems: [...problems.values()].sort((a, b) => (a.key < b.key ? -1 : 1)),
    checked,
    touching,
  };
}

/**
 * The statements still to be given their tenant predicate, kept in a file beside the test (key →
 * sample): a statement that is not on it fails the test, so nothing new may rely on row-level
 * security alone; fixing one means deleting its line. `JINJI_WRITE_TENANT_SCOPE=1` adds this run's
 * problems to the file (for the first listing; review the diff).
 */
export function againstKnown(problems: TenantScopeProblem[], file: string): { fresh: string[]; known: number } {
  const known = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
  if (process.env.JINJI_WRITE_TENANT_SCOPE === '1') {
    for (const p of problems) known[p.key] ??= p.sample;
    const sorted = Object.fromEntries(Object.entries(known).sort(([a], [b]) => (a < b ? -1 : 1)));
    writeFileSync(file, `${JSON.stringify(sorted, null, 2)}\n`);
  }
  return {
    fresh: problems.filter((p) => !(p.key in known)).map((p) => `${p.table}: ${p.sample}`),
    known: Object.keys(known).length,
  };
}
