import { ActionIcon, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type TStringKey<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T] & string;

/** A row and its inputs: its patch, errors by the body path (`education.0.school`), a text or date input's props. */
export type TRowField<T> = {
  row: T;
  patch: (p: Partial<T>) => void;
  error: (key: keyof T & string) => string | undefined;
  text: (key: TStringKey<T>) => {
    value: string;
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => void;
    error: string | undefined;
  };
  date: (key: TStringKey<T>) => ReturnType<TRowField<T>['text']> & { type: 'date'; max: string };
};

function rowField<T>(
  row: T,
  patch: (p: Partial<T>) => void,
  error: (key: keyof T & string) => string | undefined,
): TRowField<T> {
  const text = (key: TStringKey<T>) => ({
    value: row[key] as string,
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => patch({ [key]: e.currentTarget.value } as Partial<T>),
    error: error(key),
  });
  return { row, patch, error, text, date: (key) => ({ type: 'date', ...text(key), max: '9999-12-31' }) };
}

/**
 * Rows to add and remove (緊急連絡先, 学歴, 職歴, 資格…), each row's inputs from `render`; `name` is the
 * list's key in the request body, `err` the error text of a body path.
 */
export function RowsEditor<T>({
  label,
  name,
  rows,
  onChange,
  empty,
  max,
  err,
  render,
}: {
  label: string;
  name: string;
  rows: T[];
  onChange: (rows: T[]) => void;
  empty: () => T;
  max: number;
  err: (path: string) => string | undefined;
  render: (field: TRowField<T>) => React.ReactNode;
}) {
  const { t } = useTranslation();
  const patchOf = (i: number) => (p: Partial<T>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...p } : r)));
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
            <div style={{ flex: 1 }}>{render(rowField(row, patchOf(i), (key) => err(`${name}.${i}.${key}`)))}</div>
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

/** A read-only table of a row list, or 「登録されていません」; titled by `label` unless `titled` is false. */
export function ViewList({
  label,
  headers,
  rows,
  titled = true,
  bordered = true,
}: {
  label: string;
  headers: string[];
  rows: string[][];
  titled?: boolean;
  bordered?: boolean;
}) {
  const { t } = useTranslation();
  const body =
    rows.length === 0 ? (
      <Text size="sm" c="dimmed">
        {t('employeeDetail.none')}
      </Text>
    ) : (
      <Table aria-label={label} withTableBorder={bordered}>
        <Table.Thead>
          <Table.Tr>
            {headers.map((h) => (
              <Table.Th key={h}>{h}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: list rows have no id
            <Table.Tr key={i}>
              {r.map((cell, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
                <Table.Td key={j}>{cell}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    );
  if (!titled) return body;
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">
        {label}
      </Text>
      {body}
    </Stack>
  );
}
