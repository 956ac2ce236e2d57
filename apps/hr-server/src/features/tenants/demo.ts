// `jinji demo`: a tenant `demo` with a システム管理者 `admin` and a few sample employees.
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client';
import { hashPassword } from '../../lib/passwords';
import { findUserByLoginId, updatePassword } from '../auth/auth.repository';
import { createSampleEmployees } from '../employees/employees.service';
import { findTenantIdByCode } from './tenants.repository';
import { createTenant } from './tenants.service';

const FAMILY = [
  ['佐藤', 'さとう'],
  ['鈴木', 'すずき'],
  ['高橋', 'たかはし'],
  ['田中', 'たなか'],
  ['伊藤', 'いとう'],
  ['渡辺', 'わたなべ'],
  ['山本', 'やまもと'],
  ['中村', 'なかむら'],
  ['小林', 'こばやし'],
  ['加藤', 'かとう'],
  ['吉田', 'よしだ'],
  ['山田', 'やまだ'],
  ['髙橋', 'たかはし'],
  ['山﨑', 'やまさき'],
] as const;
const GIVEN = [
  ['花子', 'はなこ', '女性'],
  ['太郎', 'たろう', '男性'],
  ['陽菜', 'ひな', '女性'],
  ['蓮', 'れん', '男性'],
  ['美咲', 'みさき', '女性'],
  ['大翔', 'ひろと', '男性'],
  ['結衣', 'ゆい', '女性'],
  ['悠真', 'ゆうま', '男性'],
  ['さくら', 'さくら', '女性'],
  ['翔太', 'しょうた', '男性'],
] as const;

const toKatakana = (s: string) => s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
const iso = (d: Date) => d.toISOString().slice(0, 10);

export async function seedDemo(
  db: Database,
  opts: { password: string; employees: number },
): Promise<{ created: boolean; employees: number }> {
  const existing = await db.asAnonymous((tx) => findTenantIdByCode(tx, 'demo'));
  if (existing) {
    const hash = await hashPassword(opts.password);
    await db.asTenant(existing, async (tx) => {
      const admin = await findUserByLoginId(tx, 'admin');
      if (admin) {
        await updatePassword(tx, existing, admin.id, hash);
        await tx.execute(
          sql`update user_accounts set locked_until = null, failed_login_count = 0 where id = ${admin.id}`,
        );
      }
    });
    const count = await db.asTenant(existing, (tx) =>
      queryRows<{ n: number }>(tx, sql`select count(*)::int as n from employees`),
    );
    return { created: false, employees: count[0]?.n ?? 0 };
  }
  const { tenantId } = await createTenant(
    db,
    {
      tenantCode: 'demo',
      tenantName: 'デモ株式会社',
      adminLoginId: 'admin',
      adminPassword: opts.password,
      adminEmail: 'admin@demo.example.jp',
    },
    { firstRun: false },
  );
  const rows = Array.from({ length: opts.employees }, (_, i) => {
    const [last, lastKana] = FAMILY[i % FAMILY.length]!;
    const [first, firstKana, gender] = GIVEN[(i * 7) % GIVEN.length]!;
    const hire = new Date(Date.UTC(2005 + (i % 20), (i * 5) % 12, 1 + (i % 28)));
    const birth = new Date(Date.UTC(1965 + (i % 35), (i * 3) % 12, 1 + ((i * 11) % 28)));
    return {
      employeeNumber: String(i + 1).padStart(6, '0'),
      lastName: last,
      firstName: first,
      lastNameKana: toKatakana(lastKana),
      firstNameKana: toKatakana(firstKana),
      gender,
      birthDate: iso(birth),
      hireDate: iso(hire),
      retirementDate: i % 9 === 8 ? iso(new Date(hire.getTime() + 3 * 365 * 86_400_000)) : null,
    };
  });
  await createSampleEmployees(db, tenantId, rows);
  return { created: true, employees: rows.length };
}
