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
