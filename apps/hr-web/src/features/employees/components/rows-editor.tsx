import { ActionIcon, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Rows to add and remove (緊急連絡先, 学歴, 職歴, 資格…), each row's inputs from `render`. */
export function RowsEditor<T>({
  label,
  rows,
  onChange,
  empty,
  max,
  render,
}: {
  label: string;
  rows: T[];
  onChange: (rows: T[]) => void;
  empty: () => T;
  max: number;
  render: (row: T, patch: (p: Partial<T>) => void, index: number) => React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text fw={600} size="sm">
          {label}
        </Text>
        <Button
          size="compact-sm"
          variant="light"
          disabled={rows.length >= max}
          onClick={() => onChange([...rows, empty()])}
          aria-label={t('employeeDetail.addRowOf', { label })}
        >
          {t('employeeDetail.addRow')}
        </Button>
      </Group>
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('employeeDetail.none')}
        </Text>
      )}
      {rows.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own while edited
        <Paper key={i} withBorder p="sm" radius="sm" bg="gray.0">
          <Group align="flex-start" wrap="nowrap">
            <div style={{ flex: 1 }}>
              {render(row, (p) => onChange(rows.map((r, j) => (j === i ? { ...r, ...p } : r))), i)}
            </div>
            <ActionIcon
              variant="subtle"
              color="red"
              mt={24}
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
              aria-label={t('employeeDetail.removeRowOf', { label, n: i + 1 })}
            >
              ✕
            </ActionIcon>
          </Group>
        </Paper>
      ))}
      {max < 10 && (
        <Text size="xs" c="dimmed">
          {t('employeeDetail.maxRows', { max })}
        </Text>
      )}
    </Stack>
  );
}
