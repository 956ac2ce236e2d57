// The training system's texts: the kit's, the frame's (menu labels) and each feature's (app/features.ts),
// merged into one tree. Japanese is in the first download; each part's English is a chunk of its own.
import { createI18n, i18nOfParts, textsOf } from '@jinji/web-kit/i18n';
import { kitTexts } from '@jinji/web-kit/locales/texts';
import { features } from './features';
import { ja as frameJa } from './locales/ja';

const frameTexts = textsOf(frameJa, () => import('./locales/en').then((m) => m.en));
const options = i18nOfParts([kitTexts, frameTexts, ...features.map((f) => f.texts)], 'jinji.training.lang');
export const { ready: i18nReady } = createI18n(options);

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof options.ja };
  }
}
