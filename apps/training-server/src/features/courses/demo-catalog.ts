// The demo organisation's 公開講座 (`npm run jinji -- demo`): ~20 courses with sessions over the six months
// from the day it runs, in five cities and online. Rerun, each course is matched by its 講座コード and its
// fields are rewritten; its sessions are left as they are (applications may hold them), only a course
// that was not there yet gets its sessions.
import type { TCourseCategory, TVenueKind } from '@jinji/contracts/training/courses';
import { sql } from 'drizzle-orm';
import type { TrainingActor } from '../../access';
import type { TrainingDb } from '../../db/database';
import { courseSessions, courses } from '../../db/schema/index';
import { recordAudits } from '../audit/audit.service';
import { courseSearchText } from './courses.service';

type Place = { venueKind: TVenueKind; prefecture: string | null; city: string | null; place: string; address: string };

const PLACES: Record<string, Place> = {
  tokyo: {
    venueKind: 'venue',
    prefecture: '東京都',
    city: '千代田区',
    place: 'jinji研修センター 東京',
    address: '東京都千代田区丸の内1-1-1 丸の内研修ビル8階',
  },
  osaka: {
    venueKind: 'venue',
    prefecture: '大阪府',
    city: '大阪市北区',
    place: 'jinji研修センター 大阪',
    address: '大阪府大阪市北区梅田2-4-9 梅田センタービル12階',
  },
  nagoya: {
    venueKind: 'venue',
    prefecture: '愛知県',
    city: '名古屋市中村区',
    place: '名古屋駅前カンファレンス',
    address: '愛知県名古屋市中村区名駅3-28-12 名駅前ビル5階',
  },
  fukuoka: {
    venueKind: 'venue',
    prefecture: '福岡県',
    city: '福岡市博多区',
    place: '博多駅前セミナールーム',
    address: '福岡県福岡市博多区博多駅前2-1-1 博多駅前ビル3階',
  },
  sapporo: {
    venueKind: 'venue',
    prefecture: '北海道',
    city: '札幌市中央区',
    place: '札幌大通研修会場',
    address: '北海道札幌市中央区大通西3-7 大通ビル6階',
  },
  zoom: { venueKind: 'online', prefecture: null, city: null, place: 'オンライン（Zoom）', address: '' },
  teams: { venueKind: 'online', prefecture: null, city: null, place: 'オンライン（Microsoft Teams）', address: '' },
};

/** [day from today, start hour, hours, place, capacity, seats taken] */
type DemoSession = [
  day: number,
  hour: number,
  hours: number,
  place: keyof typeof PLACES,
  capacity: number,
  taken: number,
];
type DemoCourse = {
  code: string;
  title: string;
  category: TCourseCategory;
  fee: number;
  description: string;
  sessions: DemoSession[];
  isPublished?: boolean;
};

export const DEMO_COURSES: DemoCourse[] = [
  {
    code: 'MG-101',
    title: '新任管理職のためのマネジメント基礎',
    category: 'management',
    fee: 55_000,
    description: '初めて部下を持つ方向けに、目標設定・進捗管理・評価面談の基本をケーススタディで学びます。',
    sessions: [
      [14, 10, 7, 'tokyo', 30, 27],
      [45, 10, 7, 'osaka', 24, 6],
      [90, 10, 7, 'zoom', 40, 12],
    ],
  },
  {
    code: 'BS-110',
    title: 'ロジカルシンキング入門',
    category: 'business',
    fee: 33_000,
    description: 'ピラミッドストラクチャーとMECEを使って、結論から伝える考え方を演習中心で身につけます。',
    sessions: [
      [10, 13, 4, 'zoom', 40, 40],
      [38, 13, 4, 'tokyo', 30, 11],
      [72, 13, 4, 'fukuoka', 20, 3],
    ],
  },
  {
    code: 'IT-201',
    title: '情報セキュリティ基礎（eラーニング併用）',
    category: 'it_dx',
    fee: 22_000,
    description: '標的型メール、パスワード管理、テレワーク時の注意点を事前eラーニングと集合研修で学びます。',
    sessions: [
      [21, 13, 3, 'teams', 40, 18],
      [60, 13, 3, 'nagoya', 20, 19],
    ],
  },
  {
    code: 'CP-301',
    title: 'ハラスメント防止研修（管理職向け）',
    category: 'compliance',
    fee: 16_500,
    description: 'パワハラ防止法の要点と、相談を受けたときの初動対応をロールプレイで確認します。',
    sessions: [
      [18, 14, 3, 'tokyo', 36, 20],
      [52, 14, 3, 'zoom', 40, 9],
      [120, 14, 3, 'sapporo', 20, 2],
    ],
  },
  {
    code: 'NH-001',
    title: '新入社員ビジネスマナー研修',
    category: 'new_hire',
    fee: 27_500,
    description: '挨拶、身だしなみ、電話応対、名刺交換、ビジネスメールの基本を一日で身につけます。',
    sessions: [
      [110, 9, 8, 'tokyo', 40, 0],
      [112, 9, 8, 'osaka', 40, 0],
      [115, 9, 8, 'nagoya', 30, 0],
    ],
  },
  {
    code: 'NH-002',
    title: '新入社員フォローアップ研修',
    category: 'new_hire',
    fee: 22_000,
    description: '配属後の振り返りと、報連相・タイムマネジメントの実践を確認します。',
    sessions: [[160, 10, 6, 'zoom', 40, 0]],
  },
  {
    code: 'BS-120',
    title: '伝わる資料作成とプレゼンテーション',
    category: 'business',
    fee: 38_500,
    description: 'スライドの構成、図解、話し方まで、相手が動くプレゼンテーションを実習で磨きます。',
    sessions: [
      [25, 10, 6, 'osaka', 20, 14],
      [80, 10, 6, 'tokyo', 24, 5],
    ],
  },
  {
    code: 'BS-130',
    title: 'タイムマネジメントと業務効率化',
    category: 'business',
    fee: 19_800,
    description: '優先順位付けと段取り、会議の進め方を見直し、チームの生産性を高めます。',
    sessions: [[33, 13, 3, 'teams', 40, 7]],
  },
  {
    code: 'MG-120',
    title: '評価者研修 ― 公正な人事評価と面談',
    category: 'management',
    fee: 44_000,
    description: '評価エラーの防ぎ方、期初の目標面談と期末のフィードバック面談の進め方を学びます。',
    sessions: [
      [28, 10, 6, 'tokyo', 24, 22],
      [64, 10, 6, 'fukuoka', 16, 4],
    ],
  },
  {
    code: 'MG-130',
    title: '1on1ミーティング実践講座',
    category: 'management',
    fee: 29_700,
    description: '部下の成長を支える1on1の型と傾聴・質問のスキルを、ペア演習で体得します。',
    sessions: [
      [40, 15, 2, 'zoom', 30, 10],
      [100, 15, 2, 'zoom', 30, 0],
    ],
  },
  {
    code: 'MG-201',
    title: '部長のための経営戦略と組織開発',
    category: 'management',
    fee: 88_000,
    description: '事業環境の分析から戦略の立案、組織への展開まで、二日間で考え抜きます。',
    sessions: [[75, 9, 8, 'tokyo', 16, 9]],
  },
  {
    code: 'IT-210',
    title: 'DX推進のためのデータ活用入門',
    category: 'it_dx',
    fee: 49_500,
    description: 'Excelとノーコードツールで業務データを集計・可視化し、意思決定に活かす方法を学びます。',
    sessions: [
      [30, 10, 6, 'osaka', 24, 8],
      [95, 10, 6, 'teams', 40, 3],
    ],
  },
  {
    code: 'IT-220',
    title: '生成AI活用ワークショップ',
    category: 'it_dx',
    fee: 33_000,
    description: '文章作成・要約・アイデア出しへの生成AIの使い方と、情報漏えいを防ぐ社内ルールを学びます。',
    sessions: [
      [12, 14, 3, 'zoom', 40, 36],
      [55, 14, 3, 'nagoya', 20, 5],
      [130, 14, 3, 'zoom', 40, 0],
    ],
  },
  {
    code: 'CP-310',
    title: 'コンプライアンス基礎（全社員向け）',
    category: 'compliance',
    fee: 0,
    description: '法令遵守と企業倫理の基本、身近な事例から考える判断のポイントを学びます。',
    sessions: [
      [8, 10, 2, 'teams', 40, 15],
      [68, 10, 2, 'teams', 40, 0],
    ],
  },
  {
    code: 'CP-320',
    title: '個人情報保護法とマイナンバーの実務',
    category: 'compliance',
    fee: 22_000,
    description: '人事・総務担当者が押さえるべき個人情報とマイナンバーの取扱いを実務の流れで確認します。',
    sessions: [[48, 13, 4, 'tokyo', 30, 12]],
  },
  {
    code: 'LG-101',
    title: 'ビジネス英語 ― メールと会議の基本表現',
    category: 'language',
    fee: 41_800,
    description: '海外拠点とのメール、オンライン会議で使う定型表現を、少人数のロールプレイで練習します。',
    sessions: [
      [20, 18, 2, 'zoom', 12, 10],
      [85, 18, 2, 'zoom', 12, 1],
    ],
  },
  {
    code: 'LG-110',
    title: 'やさしい日本語で伝える外国籍社員とのコミュニケーション',
    category: 'language',
    fee: 15_400,
    description: '外国籍の同僚に伝わる「やさしい日本語」の言い換えと、職場での配慮を学びます。',
    sessions: [[58, 13, 3, 'fukuoka', 20, 6]],
  },
  {
    code: 'CT-401',
    title: '衛生管理者試験対策講座（第一種）',
    category: 'certification',
    fee: 66_000,
    description: '労働衛生・労働生理・関係法令の頻出分野を二日間で総ざらいし、模擬試験で仕上げます。',
    sessions: [
      [35, 9, 8, 'osaka', 30, 21],
      [105, 9, 8, 'tokyo', 40, 7],
    ],
  },
  {
    code: 'CT-410',
    title: '日商簿記3級 速習講座',
    category: 'certification',
    fee: 27_500,
    description: '仕訳から決算整理まで、3級の範囲を短期間で効率よく学びます。',
    sessions: [
      [42, 10, 6, 'sapporo', 20, 8],
      [140, 10, 6, 'zoom', 40, 0],
    ],
  },
  {
    code: 'CT-420',
    title: 'キャリアコンサルタント実技対策',
    category: 'certification',
    fee: 55_000,
    description: '論述と面接ロールプレイの評価ポイントを押さえ、合格答案の書き方を練習します。',
    sessions: [[88, 10, 7, 'nagoya', 10, 3]],
  },
  {
    code: 'BS-190',
    title: 'アンガーマネジメント入門（準備中）',
    category: 'business',
    fee: 19_800,
    description: '怒りの感情と上手に付き合う考え方を学びます。日程調整中のため非公開です。',
    sessions: [[150, 13, 3, 'tokyo', 30, 0]],
    isPublished: false,
  },
];

/** `day` days from `today` (a Japan-time yyyy-mm-dd) at `hour`:00 in Japan. */
function japanTime(today: string, day: number, hour: number): Date {
  const base = Date.parse(`${today}T00:00:00+09:00`);
  return new Date(base + day * 86_400_000 + hour * 3_600_000);
}

export async function seedDemoCatalog(db: TrainingDb, actor: TrainingActor, today: string): Promise<number> {
  return db.asTenant(actor.tenantId, async (tx) => {
    const now = new Date();
    const rows = await tx
      .insert(courses)
      .values(
        DEMO_COURSES.map((c) => ({
          organisationId: actor.tenantId,
          code: c.code,
          title: c.title,
          category: c.category,
          description: c.description,
          fee: c.fee,
          searchText: courseSearchText(c),
          publishedAt: c.isPublished === false ? null : now,
          updatedAt: now,
        })),
      )
      .onConflictDoUpdate({
        target: [courses.organisationId, courses.code],
        set: {
          title: sql.raw('excluded.title'),
          category: sql.raw('excluded.category'),
          description: sql.raw('excluded.description'),
          fee: sql.raw('excluded.fee'),
          searchText: sql.raw('excluded.search_text'),
          publishedAt: sql.raw('excluded.published_at'),
          updatedAt: now,
        },
      })
      .returning({ id: courses.id, code: courses.code, isNew: sql<boolean>`(xmax = 0)` });
    await recordAudits(
      tx,
      actor,
      rows.map((r) => ({
        action: r.isNew ? 'create' : 'update',
        targetType: 'course',
        targetId: r.id,
        after: { code: r.code, source: 'demo' },
      })),
    );
    const newIds = new Map(rows.filter((r) => r.isNew).map((r) => [r.code, r.id]));
    const fresh = DEMO_COURSES.filter((c) => newIds.has(c.code));
    if (fresh.length === 0) return rows.length;
    const sessions = await tx
      .insert(courseSessions)
      .values(
        fresh.flatMap((c) =>
          c.sessions.map(([day, hour, hours, place, capacity, seatsTaken]) => {
            const startsAt = japanTime(today, day, hour);
            return {
              organisationId: actor.tenantId,
              courseId: newIds.get(c.code)!,
              startsAt,
              endsAt: new Date(startsAt.getTime() + hours * 3_600_000),
              ...PLACES[place]!,
              capacity,
              seatsTaken,
              // 申込締切 a week before (the day before, for the next few days), キャンセル締切 three days before
              applyDeadline: japanTime(today, day - (day > 9 ? 7 : 1), 17),
              cancelDeadline: japanTime(today, day - 3, 17),
            };
          }),
        ),
      )
      .returning({ id: courseSessions.id });
    await recordAudits(
      tx,
      actor,
      sessions.map((r) => ({
        action: 'create',
        targetType: 'course_session',
        targetId: r.id,
        after: { source: 'demo' },
      })),
    );
    return rows.length;
  });
}
