// The i18next instance of a web app, made from the texts the app passes: Japanese bundled (the first
// paint never waits for it), other languages fetched by a small backend the first time they are chosen,
// the choice remembered in localStorage and mirrored in <html lang>.
import i18next, { type BackendModule, type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { TStringsOf } from './locales/ja';

export const LANGUAGES = ['ja', 'en'] as const;
export type TLanguage = (typeof LANGUAGES)[number];

export type TI18nOptions<T extends object> = {
  /** every key of the app (the kit's `kit.*` merged in), in Japanese */
  ja: T;
  /** the other languages, each a dynamic import so it is its own chunk */
  load: { en: () => Promise<TStringsOf<T>> };
  /** where the choice is remembered */
  storageKey: string;
};

const readStored = (key: string): string | null => {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage.getItem(key);
  } catch {
    return null; // storage disabled: start in Japanese
  }
};

/**
 * Creates and initialises the app's instance (react-i18next uses it from then on). `ready` resolves once
 * the stored language's texts are in, so the app renders in that language from its first frame.
 */
export function createI18n<T extends object>({
  ja,
  load,
  storageKey,
}: TI18nOptions<T>): {
  i18n: i18n;
  ready: Promise<void>;
} {
  const backend: BackendModule = {
    type: 'backend',
    init: () => undefined,
    read: (language, _namespace, callback) => {
      const loader = language === 'en' ? load.en : null;
      if (!loader) return callback(null, {});
      loader().then(
        (texts) => callback(null, texts as Record<string, unknown>),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
      );
    },
  };
  const instance = i18next.createInstance();
  instance.on('languageChanged', (lng) => {
    if (typeof document !== 'undefined') document.documentElement.lang = lng;
    try {
      if (typeof localStorage !== 'undefined') localStorage.setItem(storageKey, lng);
    } catch {
      // storage disabled: the choice lasts for this page only
    }
  });
  const ready = instance
    .use(backend)
    .use(initReactI18next)
    .init({
      resources: { ja: { translation: ja as Record<string, unknown> } },
      // Japanese is bundled; only the languages missing here go through the backend.
      partialBundledLanguages: true,
      lng: readStored(storageKey) === 'en' ? 'en' : 'ja',
      fallbackLng: 'ja',
      interpolation: { escapeValue: false }, // React escapes already
      showSupportNotice: false,
    })
    .then(
      () => undefined,
      () => undefined, // English failed to load: Japanese (the fallback) is shown
    );
  return { i18n: instance, ready };
}

/** One part's texts (the kit's, the app's frame's, a feature's): its Japanese, and its English as a chunk of its own. */
export type TTexts<J extends object = object> = { ja: J; en: () => Promise<TStringsOf<J>> };

/** A part's texts; `en` is checked to repeat every key of `ja`. */
export const textsOf = <J extends object>(ja: J, en: () => Promise<TStringsOf<J>>): TTexts<J> => ({ ja, en });

type TUnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
/** The parts' Japanese trees as one (each part owns its top-level sections). */
export type TMergedTexts<P extends readonly TTexts[]> = TUnionToIntersection<P[number]['ja']> & object;

/**
 * The options of createI18n from the app's parts, in order: their Japanese merged, their English each
 * loaded (in parallel) the first time English is chosen.
 */
export function i18nOfParts<P extends readonly TTexts[]>(parts: P, storageKey: string): TI18nOptions<TMergedTexts<P>> {
  const ja = Object.assign({}, ...parts.map((p) => p.ja)) as TMergedTexts<P>;
  const en = async () =>
    Object.assign({}, ...(await Promise.all(parts.map((p) => p.en())))) as TStringsOf<TMergedTexts<P>>;
  return { ja, load: { en }, storageKey };
}
