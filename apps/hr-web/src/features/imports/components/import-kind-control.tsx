import { IMPORT_KINDS, type TImportKind } from '@jinji/contracts/hr/imports';
import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** 取込の種類: 新規登録 / 更新 / 勤怠実績 (a radio group named 「取込の種類」). */
export function ImportKindControl({ value, onChange }: { value: TImportKind; onChange: (kind: TImportKind) => void }) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      aria-label={t('imports.kindLabel')}
      value={value}
      onChange={(v) => onChange(v as TImportKind)}
      data={IMPORT_KINDS.map((kind) => ({ value: kind, label: t(`imports.kinds.${kind}`) }))}
      size="md"
      color="blue"
      w={{ base: '100%', sm: 'auto' }}
      style={{ alignSelf: 'flex-start' }}
    />
  );
}
