import { CLEAR_MARKER } from '@jinji/contracts/hr/imports';
import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** 空欄は変更なし / #削除 で削除 / 所属適用日・契約適用日: the rules of a 「更新用ファイル」. */
export function UpdateRules() {
  const { t } = useTranslation();
  return (
    <Alert color="blue" variant="light" title={t('imports.updateRulesTitle')}>
      <List size="sm" spacing={4}>
        <List.Item>{t('imports.updateRules.number')}</List.Item>
        <List.Item>{t('imports.updateRules.blank')}</List.Item>
        <List.Item>{t('imports.updateRules.clear', { marker: CLEAR_MARKER })}</List.Item>
        <List.Item>{t('imports.updateRules.assignment')}</List.Item>
        <List.Item>{t('imports.updateRules.contract')}</List.Item>
      </List>
    </Alert>
  );
}
