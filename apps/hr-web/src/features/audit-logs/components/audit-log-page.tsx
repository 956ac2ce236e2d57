import { auditChanges, type TAuditChange } from '@jinji/contracts/hr/audit';
import { formatDateTime } from '@jinji/ja/text';
import { ListFooter } from '@jinji/web-kit/ui/list-footer';
import { ListStates } from '@jinji/web-kit/ui/list-states';
import { AnchorLink } from '@jinji/web-kit/ui/router-links';
import { Anchor, Badge, Button, Group, Menu, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AUDIT_ACTIONS,
  auditLogExportUrl,
  auditLogsQueryOptions,
  EMPTY_FILTERS,
  type TAuditAction,
  type TAuditLog,
  type TAuditLogFilters,
} from '../api/audit-logs';

const PAGE_SIZE = 50;
const COLORS: Record<string, string> = {
  create: 'teal',
  update: 'blue',
  delete: 'orange',
  view_sensitive: 'red',
  export: 'grape',
};
const TARGET_TYPES = [
  'employee',
  'employee_list',
  'master_item',
  'user_account',
  'code_settings',
  'password_policy',
  'audit_log',
  'mail',
  'password_link',
] as const;
type TTargetType = (typeof TARGET_TYPES)[number];
const isTargetType = (v: string): v is TTargetType => (TARGET_TYPES as readonly string[]).includes(v);
const ENCODINGS = ['utf8', 'cp932'] as const;
const isAction = (v: string): v is TAuditAction => (AUDIT_ACTIONS as readonly string[]).includes(v);

/** 操作ログ (R-EMP-5): who did what to whom, when; each changed field before → after. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<TAuditLogFilters>(EMPTY_FILTERS);
  const [filters, setFilters] = useState<TAuditLogFilters>(EMPTY_FILTERS);
  const [page, setPage] = useState(1);
  const { data, error, isPlaceholderData } = useQuery(auditLogsQueryOptions(filters, page, PAGE_SIZE));
  const isReversed = draft.from !== '' && draft.to !== '' && draft.from > draft.to;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (isReversed) return;
    setFilters(draft);
    setPage(1);
  };
  const field = (key: 'employee' | 'actor' | 'from' | 'to') => ({
    value: draft[key],
    onChange: (e: { currentTarget: HTMLInputElement }) => {
      const value = e.currentTarget.value;
      setDraft((d) => ({ ...d, [key]: value }));
    },
  });

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('auditLogs.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('auditLogs.lead')}
          </Text>
        </div>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button variant="default" disabled={!data || data.total === 0}>
              {t('auditLogs.csvExport')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>{t('employees.encoding')}</Menu.Label>
            {ENCODINGS.map((encoding) => (
              <Menu.Item key={encoding} component="a" href={auditLogExportUrl(filters, encoding)} download>
                {t(`employees.encodings.${encoding}`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      </Group>
      <Paper withBorder radius="md" p="md" component="section" aria-label={t('auditLogs.filters')}>
        <form onSubmit={submit}>
          <Group align="flex-start">
            <TextInput
              label={t('auditLogs.employee')}
              placeholder={t('auditLogs.employeePlaceholder')}
              w={220}
              {...field('employee')}
            />
            <TextInput
              label={t('auditLogs.actor')}
              placeholder={t('auditLogs.actorPlaceholder')}
              w={200}
              {...field('actor')}
            />
            <Select
              label={t('auditLogs.action')}
              placeholder={t('auditLogs.all')}
              data={AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`auditLogs.actions.${a}`) }))}
              value={draft.action}
              onChange={(v) => setDraft((d) => ({ ...d, action: v && isAction(v) ? v : null }))}
              clearable
              w={190}
            />
            <TextInput type="date" label={t('auditLogs.from')} max="9999-12-31" {...field('from')} />
            <Text pt={30}>〜</Text>
            <TextInput
              type="date"
              label={t('auditLogs.to')}
              max="9999-12-31"
              error={isReversed ? t('auditLogs.reversedRange') : undefined}
              {...field('to')}
            />
            <Group pt={25} gap="xs">
              <Button type="submit">{t('employees.search')}</Button>
              <Button
                variant="default"
                onClick={() => {
                  setDraft(EMPTY_FILTERS);
                  setFilters(EMPTY_FILTERS);
                  setPage(1);
                }}
              >
                {t('employees.clear')}
              </Button>
            </Group>
          </Group>
        </form>
      </Paper>
      <ListStates error={error} data={data} emptyText={t('auditLogs.empty')} isPlaceholderData={isPlaceholderData}>
        {(data) => (
          <Table.ScrollContainer minWidth={960}>
            <Table aria-label={t('auditLogs.title')} verticalSpacing="sm" withRowBorders>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={160}>{t('auditLogs.at')}</Table.Th>
                  <Table.Th w={150}>{t('auditLogs.actor')}</Table.Th>
                  <Table.Th w={130}>{t('auditLogs.action')}</Table.Th>
                  <Table.Th w={190}>{t('auditLogs.target')}</Table.Th>
                  <Table.Th>{t('auditLogs.content')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((log) => (
                  <AuditRow key={log.id} log={log} names={data.names} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ListStates>
      {data && <ListFooter total={data.total} pageSize={data.pageSize} page={page} onPage={setPage} />}
    </Stack>
  );
}

const COLLAPSED = 5;

function AuditRow({ log, names }: { log: TAuditLog; names: Record<string, string> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const lines = auditChanges(log.before, log.after, names);
  const shown = open ? lines : lines.slice(0, COLLAPSED);
  const actionLabel = isAction(log.action) ? t(`auditLogs.actions.${log.action}`) : log.action;
  const typeLabel = isTargetType(log.targetType) ? t(`auditLogs.targetTypes.${log.targetType}`) : '';
  return (
    <Table.Tr style={{ verticalAlign: 'top' }}>
      <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
        {formatDateTime(log.at)}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{log.actorName ?? log.actorLoginId ?? '-'}</Text>
        {log.actorName && log.actorLoginId && (
          <Text size="xs" c="dimmed">
            {log.actorLoginId}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={COLORS[log.action] ?? 'gray'}>
          {actionLabel}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="xs" c="dimmed">
          {typeLabel}
        </Text>
        {log.targetType === 'employee' && log.targetId ? (
          <AnchorLink to="/admin/employees/$id" params={{ id: log.targetId }} size="sm">
            {log.targetLabel ?? t('auditLogs.unknownTarget')}
          </AnchorLink>
        ) : (
          <Text size="sm">{log.targetLabel ?? ''}</Text>
        )}
        {log.isMasked && (
          <Badge mt={4} size="xs" variant="outline" color="gray">
            {t('auditLogs.masked')}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        {lines.length > 0 && (
          <Stack gap={4}>
            <ChangeTable lines={shown} />
            {lines.length > COLLAPSED && (
              <Anchor
                component="button"
                type="button"
                size="xs"
                style={{ alignSelf: 'flex-start' }}
                onClick={() => setOpen((o) => !o)}
              >
                {open ? t('auditLogs.collapse') : t('auditLogs.expand', { count: lines.length - COLLAPSED })}
              </Anchor>
            )}
          </Stack>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function ChangeTable({ lines }: { lines: TAuditChange[] }) {
  const { t } = useTranslation();
  const cell = { fz: 'xs', style: { whiteSpace: 'pre-line' as const, wordBreak: 'break-word' as const } };
  return (
    <Table
      withTableBorder
      withColumnBorders
      verticalSpacing={4}
      horizontalSpacing="xs"
      aria-label={t('auditLogs.changes')}
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th fz="xs" w="30%">
            {t('auditLogs.field')}
          </Table.Th>
          <Table.Th fz="xs" w="35%">
            {t('auditLogs.before')}
          </Table.Th>
          <Table.Th fz="xs" w="35%">
            {t('auditLogs.after')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.map((l) => (
          <Table.Tr key={l.key}>
            <Table.Td {...cell} fw={500}>
              {l.label}
            </Table.Td>
            <Table.Td {...cell} c={l.before ? undefined : 'dimmed'}>
              {l.before || '—'}
            </Table.Td>
            <Table.Td {...cell} c={l.after ? undefined : 'dimmed'}>
              {l.after || '—'}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
