// Japanese text for search and validation: width, kana and spacing, in one place.

/** Hiragana → katakana (ゔ and the small forms included). */
export function toKatakana(s: string): string {
  return s.replace(/[\u3041-\u3096\u309D\u309E]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

/**
 * The form names are searched in: NFKC (half-width kana → full-width, full-width ASCII → half-width,
 * ｶﾞ → ガ), hiragana → katakana, lower case, no spaces of any width. 「ｻﾄｳ」「さとう」「サトウ」 → 「サトウ」.
 */
export function toSearchForm(s: string): string {
  return toKatakana(s.normalize('NFKC'))
    .toLowerCase()
    .replace(/[\s\u3000]+/g, '');
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

/** A moment as 2026/12/02 03:49:50 (zero-padded, in the viewer's time zone): the one way the web shows a time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '-';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}/${p(d.getMonth() + 1)}/${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** Whole years and months from `from` to `to` (both yyyy-mm-dd), e.g. 3年1か月. */
export function formatDuration(from: string, to: string): string {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  let months = (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
  if (months < 0) months = 0;
  const y = Math.floor(months / 12);
  const m = months % 12;
  return y > 0 ? `${y}年${m}か月` : `${m}か月`;
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
