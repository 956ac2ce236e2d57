// The kit's own texts as one part of an app's (i18nOfParts): Japanese bundled, English its own chunk.
import { textsOf } from '../i18n';
import { ja } from './ja';

export const kitTexts = textsOf(ja, () => import('./en').then((m) => m.en));
