// The detail page's card: a title, 【編集】 when allowed, and a form footer with 【更新】/【キャンセル】.

import { isApiError } from '@jinji/web-kit/api-client';
import { Alert, Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export function SectionCard({
  title,
  badge,
  actions,
  children,
}: {
  title: string;
  badge?: React.ReactNode;
  actions?: React.ReactNode;
  children: React.ReactNode;
}) {
  const id = useId();
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={id}>
      <Stack>
        <Group justify="space-between">
          <Group gap="sm">
            <Title order={3} size="h4" id={id}>
              {title}
            </Title>
            {badge}
          </Group>
          {actions && <Group gap="xs">{actions}</Group>}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

/** 【編集】; マイページ says 【編集する】 as the seed does (`text`). */
export function EditButton({ onClick, label, text }: { onClick: () => void; label: string; text?: string }) {
  const { t } = useTranslation();
  return (
    <Button size="compact-md" variant="light" onClick={onClick} aria-label={label}>
      {text ?? t('common.edit')}
    </Button>
  );
}

/** 【キャンセル】【更新】, and the error that has no input to show under (NOT_FOUND, FORBIDDEN…). */
export function FormFooter({
  onCancel,
  loading,
  error,
  submitLabel,
  cancelLabel,
}: {
  onCancel: () => void;
  loading: boolean;
  error: Error | null;
  submitLabel?: string;
  cancelLabel?: string;
}) {
  const { t } = useTranslation();
  const showAlert = error && !(isApiError(error) && error.fields.length > 0);
  return (
    <Stack gap="xs">
      {showAlert && (
        <Alert color="red" role="alert" title={t('kit.error')}>
          {error.message}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {cancelLabel ?? t('common.cancel')}
        </Button>
        <Button type="submit" loading={loading}>
          {submitLabel ?? t('common.update')}
        </Button>
      </Group>
    </Stack>
  );
}

/** A label / value grid for view mode. */
export function Fields({ items }: { items: [string, React.ReactNode][] }) {
  return (
    <dl style={{ display: 'grid', gridTemplateColumns: 'minmax(8rem, max-content) 1fr', gap: '6px 24px', margin: 0 }}>
      {items.map(([label, value]) => (
        <div key={label} style={{ display: 'contents' }}>
          <dt style={{ color: 'var(--mantine-color-dimmed)', fontSize: 'var(--mantine-font-size-sm)' }}>{label}</dt>
          <dd style={{ margin: 0, minWidth: 0, overflowWrap: 'anywhere', fontSize: 'var(--mantine-font-size-sm)' }}>
            {value || '-'}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** '' → null in every field: what the contract's optional fields expect, required ones then say 「…を入力してください」. */
export const blanksToNull = <T extends Record<string, unknown>>(row: T) =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === '' ? null : v]));
