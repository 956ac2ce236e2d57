// Japanese text for search and validation: width, kana and spacing, in one place.

/** Hiragana → katakana (ゔ and the small forms included). */
export function toKatakana(s: string): string {
  return s.replace(/[\u3041-\u3096\u309D\u309E]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

/**
 * 異体字 folded for search only (stored names stay exactly as typed): variant → the form searched in.
 * Each entry is one code point to one code point, so SQL's translate() can apply the same table
 * (an app's migration can re-compute stored search forms with it; the app's test keeps the two equal).
 *
 * A. 旧字体 of 常用漢字: the 括弧内の字体 of the 常用漢字表 (平成22年内閣告示第2号), which 戸籍法施行規則
 *    別表第二 二 also admits in names (國/国, 澤/沢, 龍/竜 …).
 * B. Variants outside JIS X 0208 (JIS X 0213 / the IBM extension, and 𠮷 of Unicode's SIP) that NFKC
 *    leaves alone, common in 氏名: 髙, 德, 﨑, 𠮷, 栁.
 * C. 俗字・異体字 customary in 氏名 without a legal pairing, each a 人名用漢字 of its own but the same
 *    name in practice: 嵜/崎, 邉/辺, 嶋・嶌/島, 峯/峰, 冨/富, 槇/槙, 埜/野, 濵/浜.
 * Deliberately NOT folded, because they are different characters and different names: 斉/斎 (斉藤 and
 * 斎藤 are two families; only each one's own 旧字体 folds: 齊→斉, 齋→斎), 藤/籐, 沢/択, 邊 is folded
 * but 部 (渡部) of course is not; 竜 and 龍 ARE folded (A: 竜's 旧字体).
 */
export const KANJI_VARIANTS: readonly (readonly [variant: string, searchedAs: string])[] = [
  // A. 常用漢字表の括弧内 (旧字体)
  ['國', '国'],
  ['櫻', '桜'],
  ['廣', '広'],
  ['惠', '恵'],
  ['眞', '真'],
  ['實', '実'],
  ['彌', '弥'],
  ['澤', '沢'],
  ['濱', '浜'],
  ['邊', '辺'],
  ['藏', '蔵'],
  ['齋', '斎'],
  ['齊', '斉'],
  ['龍', '竜'],
  ['瀧', '滝'],
  ['榮', '栄'],
  ['圓', '円'],
  ['壽', '寿'],
  ['穗', '穂'],
  ['瀨', '瀬'],
  ['萬', '万'],
  ['來', '来'],
  ['豐', '豊'],
  ['淺', '浅'],
  ['顯', '顕'],
  ['黑', '黒'],
  ['縣', '県'],
  ['傳', '伝'],
  ['關', '関'],
  ['將', '将'],
  ['壯', '壮'],
  ['戰', '戦'],
  ['稻', '稲'],
  ['兒', '児'],
  ['團', '団'],
  ['驛', '駅'],
  ['樂', '楽'],
  ['嶽', '岳'],
  ['曉', '暁'],
  ['增', '増'],
  ['乘', '乗'],
  // B. JIS X 0213 / IBM 拡張 / SIP (NFKC keeps them)
  ['髙', '高'],
  ['德', '徳'],
  ['﨑', '崎'],
  ['𠮷', '吉'],
  ['栁', '柳'],
  // C. 氏名の俗字・異体字
  ['嵜', '崎'],
  ['邉', '辺'],
  ['嶋', '島'],
  ['嶌', '島'],
  ['峯', '峰'],
  ['冨', '富'],
  ['槇', '槙'],
  ['埜', '野'],
  ['濵', '浜'],
];

const VARIANT_OF = new Map(KANJI_VARIANTS);
const VARIANT_RE = new RegExp(`[${[...VARIANT_OF.keys()].join('')}]`, 'gu');

/**
 * The form names are searched in: NFKC (half-width kana → full-width, full-width ASCII → half-width,
 * ｶﾞ → ガ), 異体字 folded (KANJI_VARIANTS: 髙橋 → 高橋), hiragana → katakana, lower case, no spaces of
 * any width. 「ｻﾄｳ」「さとう」「サトウ」 → 「サトウ」.
 */
export function toSearchForm(s: string): string {
  return toKatakana(s.normalize('NFKC').replace(VARIANT_RE, (c) => VARIANT_OF.get(c) ?? c))
    .toLowerCase()
    .replace(/[\s\u3000]+/g, '');
}

/** Half-width katakana (ｻﾄｳ, ｶﾞ) → full-width; hiragana, full-width katakana and everything else stay as typed. */
export function toFullWidthKana(s: string): string {
  return s.replace(/[\uFF61-\uFF9F]+/g, (run) => run.normalize('NFKC'));
}

/**
 * Columns a string takes in a Japanese fixed-width font (Excel's column width counts these):
 * Latin-1 and half-width kana are one, everything else (kanji, kana, full-width forms) two.
 */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w += c <= 0xff || (c >= 0xff61 && c <= 0xff9f) ? 1 : 2;
  }
  return w;
}

/** Kana fields accept hiragana, katakana (any width), the long-vowel mark and spaces — nothing else. */
export function isKana(s: string): boolean {
  return /^[\u3041-\u3096\u309B-\u309E\u30A1-\u30FA\u30FC-\u30FE\uFF66-\uFF9F\s\u3000・]+$/.test(s);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** yyyy-mm-dd → yyyy/mm/dd */
export function formatDate(iso: string): string {
  return iso.slice(0, 10).replaceAll('-', '/');
}

/**
 * A moment as 2026/12/02 03:49:50 in Japan time, the one way jinji shows a time: on screen, in CSV and in
 * printed sheets alike, whatever the viewer's or the server's zone (Japan has no daylight saving: +9 h).
 */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '-';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const d = new Date(ms + 9 * 3_600_000);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'] as const;

function japanParts(iso: string) {
  const d = new Date(Date.parse(iso) + 9 * 3_600_000);
  return {
    day: `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}`,
    weekday: WEEKDAYS[d.getUTCDay()]!,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
  };
}

/** A moment as 2026/12/01 (火) 17:00 in Japan time (deadlines). */
export function formatDayTime(iso: string): string {
  const p = japanParts(iso);
  return `${p.day} (${p.weekday}) ${p.time}`;
}

/**
 * A span in Japan time as 2026/12/01 (火) 13:00–17:00; one ending on another day as
 * 2026/12/01 (火) 13:00 – 2026/12/02 (水) 17:00 (研修の開催日時).
 */
export function formatTimeSpan(startIso: string, endIso: string): string {
  const a = japanParts(startIso);
  const b = japanParts(endIso);
  if (a.day === b.day) return `${a.day} (${a.weekday}) ${a.time}–${b.time}`;
  return `${a.day} (${a.weekday}) ${a.time} – ${b.day} (${b.weekday}) ${b.time}`;
}

/** formatDayTime for a value that may be missing ('-') or not a moment (shown as it is). */
export function formatDateTimeWeekday(iso: string | null | undefined): string {
  if (!iso) return '-';
  return Number.isNaN(Date.parse(iso)) ? iso : formatDayTime(iso);
}

/** Whole years and months from `from` to `to` (both yyyy-mm-dd); never negative. */
export function durationParts(from: string, to: string): { years: number; months: number } {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  const total = Math.max(0, (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0));
  return { years: Math.floor(total / 12), months: total % 12 };
}

/** The same in Japanese, e.g. 3年1か月 (the profile sheet prints it; a screen may translate the parts). */
export function formatDuration(from: string, to: string): string {
  const { years, months } = durationParts(from, to);
  return years > 0 ? `${years}年${months}か月` : `${months}か月`;
}

/** The seed's 「2022/02/20 (3年1か月)」. */
export function formatSince(from: string, today: string): string {
  return `${formatDate(from)} (${formatDuration(from, today)})`;
}

/** Today in Japan as yyyy-mm-dd (HR dates are Japanese calendar days). */
export function todayInJapan(now = new Date()): string {
  const jst = new Date(now.getTime() + 9 * 3_600_000);
  return `${jst.getUTCFullYear()}-${pad(jst.getUTCMonth() + 1)}-${pad(jst.getUTCDate())}`;
}

/** yyyy-mm-dd → 「2026/12/01 (火)」: how 応対記録 and the profile sheet show a day. */
export function formatDateWithWeekday(iso: string): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : `${formatDate(iso)} (${WEEKDAYS[d.getUTCDay()]})`;
}

/** The day `days` after yyyy-mm-dd (negative: before), as yyyy-mm-dd. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
