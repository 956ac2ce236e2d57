// 取込履歴 and 取込エラー一覧 lines in the user's language: the server stores each message as a code of
// @jinji/contracts/hr/import-messages with its parameters, and i18next renders it from the same templates
// (ja and en). A parameter that is a message itself (the reason inside a date error) is rendered first.
// Rows stored before codes existed have only their Japanese text, shown as it is.
//
// The catalogues join i18next here, in the imports screens' chunk, not in the app's typed resource tree:
// they stay out of the first download (the login route's budget), and their ~80 keys would take the
// tree's key types past TypeScript's instantiation depth.
import { IMPORT_MESSAGES_EN, IMPORT_MESSAGES_JA } from '@jinji/contracts/hr/import-messages';
import { flattenParams, type TMessage, type TMessageParam } from '@jinji/ja/messages';
import type { i18n as I18n } from 'i18next';
import { useTranslation } from 'react-i18next';

type TStored = { code: string | null; params: Record<string, TMessageParam> | null };
const CATALOGUES = { ja: IMPORT_MESSAGES_JA, en: IMPORT_MESSAGES_EN } as const;

/**
 * Adds the catalogue of each language whose texts are in. English only once its chunk has loaded: a
 * bundle added earlier would make i18next think English was there and never fetch the rest of it.
 */
function addCatalogues(i18n: I18n) {
  for (const lng of ['ja', 'en'] as const) {
    if (!i18n.hasResourceBundle(lng, 'translation')) continue;
    if (i18n.getResource(lng, 'translation', 'importMessages')) continue;
    i18n.addResourceBundle(lng, 'translation', { importMessages: CATALOGUES[lng] }, true, false);
  }
}

export function useImportMessage(): (stored: TStored, japanese: string) => string {
  const { t, i18n } = useTranslation();
  addCatalogues(i18n);
  const known = (code: string) => i18n.exists(`importMessages.${code}`);
  const render = (m: TMessage): string =>
    known(m.code)
      ? // the values are data (a cell, a file name): not escaped (React does), not nested
        t(`importMessages.${m.code}` as never, { ...flattenParams(m, render), interpolation: { escapeValue: false } })
      : m.code;
  return (stored, japanese) =>
    stored.code && known(stored.code) ? render({ code: stored.code, params: stored.params ?? undefined }) : japanese;
}
