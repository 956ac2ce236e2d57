// Deterministic, realistic Japanese HR data for `jinji demo` and the benchmarks.
const SURNAMES: [string, string][] = [
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
  ['佐々木', 'ささき'],
  ['山口', 'やまぐち'],
  ['松本', 'まつもと'],
  ['井上', 'いのうえ'],
  ['木村', 'きむら'],
  ['林', 'はやし'],
  ['斎藤', 'さいとう'],
  ['清水', 'しみず'],
  ['山崎', 'やまざき'],
  ['森', 'もり'],
  ['池田', 'いけだ'],
  ['橋本', 'はしもと'],
  ['阿部', 'あべ'],
  ['石川', 'いしかわ'],
  ['山下', 'やました'],
  ['中島', 'なかじま'],
  ['石井', 'いしい'],
  ['小川', 'おがわ'],
  ['前田', 'まえだ'],
  ['岡田', 'おかだ'],
  ['長谷川', 'はせがわ'],
  ['藤田', 'ふじた'],
  ['後藤', 'ごとう'],
  ['近藤', 'こんどう'],
  ['村上', 'むらかみ'],
  ['遠藤', 'えんどう'],
  ['青木', 'あおき'],
  ['坂本', 'さかもと'],
  ['髙橋', 'たかはし'],
  ['山﨑', 'やまさき'],
  ['金輪', 'かなわ'],
  ['西村', 'にしむら'],
  ['福田', 'ふくだ'],
  ['太田', 'おおた'],
  ['三浦', 'みうら'],
  ['藤井', 'ふじい'],
];
const GIVEN: [string, string, '男性' | '女性'][] = [
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
  ['葵', 'あおい', '女性'],
  ['湊', 'みなと', '男性'],
  ['凛', 'りん', '女性'],
  ['樹', 'いつき', '男性'],
  ['芽依', 'めい', '女性'],
  ['健太', 'けんた', '男性'],
  ['愛', 'あい', '女性'],
  ['誠', 'まこと', '男性'],
  ['由美', 'ゆみ', '女性'],
  ['和也', 'かずや', '男性'],
  ['真由美', 'まゆみ', '女性'],
  ['直樹', 'なおき', '男性'],
  ['恵子', 'けいこ', '女性'],
  ['浩', 'ひろし', '男性'],
  ['明美', 'あけみ', '女性'],
  ['大輔', 'だいすけ', '男性'],
  ['千尋', 'ちひろ', '女性'],
  ['拓也', 'たくや', '男性'],
  ['七海', 'ななみ', '女性'],
  ['亮', 'りょう', '男性'],
];

/** mulberry32: small, fast and reproducible. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;

export type DemoPerson = {
  lastName: string;
  firstName: string;
  lastNameKana: string;
  firstNameKana: string;
  gender: '男性' | '女性';
  birthDate: string;
  hireDate: string;
  retirementDate: string | null;
  createdAt: Date;
};

export function makePerson(rnd: () => number, today: number): DemoPerson {
  const [lastName, lastNameKana] = pick(rnd, SURNAMES);
  const [firstName, firstNameKana, gender] = pick(rnd, GIVEN);
  const age = 20 + Math.floor(rnd() * 45);
  const birth = today - age * 365.25 * DAY - Math.floor(rnd() * 365) * DAY;
  const maxTenure = Math.max(0, age - 18);
  const hire = today - Math.floor(rnd() * maxTenure * 365) * DAY;
  const roll = rnd();
  // ~6 % retired, ~1 % joining in the coming months
  const retirementDate = roll < 0.06 ? iso(hire + Math.floor(rnd() * Math.max(1, today - hire))) : null;
  const hireDate = roll > 0.99 ? iso(today + Math.floor(rnd() * 120 + 1) * DAY) : iso(hire);
  return {
    lastName,
    firstName,
    lastNameKana,
    firstNameKana,
    gender,
    birthDate: iso(birth),
    hireDate,
    retirementDate: retirementDate && retirementDate > hireDate ? retirementDate : null,
    // 従業員データ作成日 spread over the last three years, so the date filter means something
    createdAt: new Date(today - Math.floor(rnd() * 3 * 365) * DAY - Math.floor(rnd() * DAY)),
  };
}

/** 本社 → 事業部 → 部 → 課: 1 + 5 + 20 + 60 departments. */
export const DEPARTMENT_TREE = {
  root: '本社',
  divisions: ['営業本部', '事業開発本部', '管理本部', '技術本部', '製造本部'],
  departments: ['第一部', '第二部', '第三部', '企画部'],
  sections: ['第一課', '第二課', '第三課'],
};

export const DEMO_MASTERS = {
  position: ['部長', '次長', '課長', '係長', '主任', '一般'],
  grade: ['M3', 'M2', 'M1', 'G3', 'G2', 'G1'],
  job_type: ['営業職', '事務職', '技術職', '企画職', '製造職'],
  employment_type: ['正社員', '契約社員', 'パートタイマー'],
  work_style: ['フルタイム', '短時間勤務', 'フレックスタイム'],
  hiring_category: ['新卒', '中途'],
  license: ['普通自動車第一種運転免許', '日商簿記検定2級', '基本情報技術者', 'TOEIC 730点以上', '衛生管理者'],
  disability_type: ['身体障がい', '知的障がい', '精神障がい'],
} as const;
