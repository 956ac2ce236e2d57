import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { ja } from './locales/ja';

const STORAGE_KEY = 'jinji.lang';
export const LANGUAGES = ['ja', 'en'] as const;
export type TLanguage = (typeof LANGUAGES)[number];

const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);

void i18next.use(initReactI18next).init({
  // English is fetched when chosen: most users never need it, and it is not part of the first paint.
  resources: { ja: { translation: ja } },
  partialBundledLanguages: true,
  lng: 'ja',
  fallbackLng: 'ja',
  interpolation: { escapeValue: false }, // React escapes already
  showSupportNotice: false,
});

/** Switches the UI language, fetching its texts first (the toggle; a stored choice at start). */
export async function changeLanguage(lng: TLanguage): Promise<void> {
  if (lng === 'en' && !i18next.hasResourceBundle('en', 'translation')) {
    const { en } = await import('./locales/en');
    i18next.addResourceBundle('en', 'translation', en);
  }
  await i18next.changeLanguage(lng);
}

i18next.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  localStorage.setItem(STORAGE_KEY, lng);
});
document.documentElement.lang = i18next.language;

/** Resolves once the stored language is ready: the app renders in it from the first frame. */
export const i18nReady: Promise<void> =
  stored === 'en' ? changeLanguage('en').catch(() => undefined) : Promise.resolve();

export { i18next };

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof ja };
  }
}
