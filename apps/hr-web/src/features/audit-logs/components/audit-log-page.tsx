import { formatDate } from '@jinji/contracts/japanese';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  Group,
  Pagination,
  Paper,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../../components/ui/router-links';
import {
  AUDIT_ACTIONS,
  auditLogsQueryOptions,
  type TAuditAction,
  type TAuditLog,
  type TAuditLogFilters,
} from '../api/audit-logs';

const PAGE_SIZE = 50;
const EMPTY: TAuditLogFilters = { action: null, from: '', to: '', targetId: '' };
const COLORS: Record<string, string> = { create: 'teal', update: 'blue', view_sensitive: 'red', export: 'grape' };
const isAction = (v: string): v is TAuditAction => (AUDIT_ACTIONS as readonly string[]).includes(v);

const pad = (n: number) => String(n).padStart(2, '0');
/** yyyy/mm/dd HH:mm:ss in the browser's time zone. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}/${pad(d.getMonth() + 1)}/${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown): string => {
  if (v === null || v === undefined || v === '') return '∅';
  if (typeof v === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v) : v;
  return JSON.stringify(v);
};

/** before → after as 「key: old → new」, one line per changed key (nested objects flattened with dots). */
export function diffLines(before: unknown, after: unknown): { key: string; from: string; to: string }[] {
  const flat = (v: unknown, prefix = '', out: Record<string, unknown> = {}) => {
    if (isRecord(v)) for (const [k, x] of Object.entries(v)) flat(x, prefix ? `${prefix}.${k}` : k, out);
    else if (prefix) out[prefix] = v;
    return out;
  };
  const b = flat(before);
  const a = flat(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .filter((k) => JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null))
    .map((k) => ({ key: k, from: show(b[k]), to: show(a[k]) }));
}

/** 操作ログ (R-EMP-5): who did what to whom, when; before → after. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<TAuditLogFilters>(EMPTY);
  const [filters, setFilters] = useState<TAuditLogFilters>(EMPTY);
  const [page, setPage] = useState(1);
  const { data, error, isPlaceholderData } = useQuery(auditLogsQueryOptions(filters, page, PAGE_SIZE));
  const totalPages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFilters(draft);
    setPage(1);
  };

  return (
    <Stack>
      <Title order={2}>{t('auditLogs.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('auditLogs.lead')}
      </Text>
      <Paper withBorder radius="md" p="md" component="section" aria-label={t('auditLogs.filters')}>
        <form onSubmit={submit}>
          <Group align="flex-end">
            <Select
              label={t('auditLogs.action')}
              placeholder={t('auditLogs.all')}
              data={AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`auditLogs.actions.${a}`) }))}
              value={draft.action}
              onChange={(v) => setDraft((d) => ({ ...d, action: v && isAction(v) ? v : null }))}
              clearable
              w={200}
            />
            <TextInput
              type="date"
              label={t('auditLogs.from')}
              value={draft.from}
              onChange={(e) => setDraft((d) => ({ ...d, from: e.currentTarget.value }))}
              max="9999-12-31"
            />
            <Text pb={8}>〜</Text>
            <TextInput
              type="date"
              label={t('auditLogs.to')}
              value={draft.to}
              onChange={(e) => setDraft((d) => ({ ...d, to: e.currentTarget.value }))}
              max="9999-12-31"
            />
            <TextInput
              label={t('auditLogs.targetId')}
              placeholder="xxxxxxxx-xxxx-…"
              value={draft.targetId}
              onChange={(e) => setDraft((d) => ({ ...d, targetId: e.currentTarget.value }))}
              w={320}
            />
            <Button type="submit">{t('employees.search')}</Button>
            <Button
              variant="default"
              onClick={() => {
                setDraft(EMPTY);
                setFilters(EMPTY);
                setPage(1);
              }}
            >
              {t('employees.clear')}
            </Button>
          </Group>
        </form>
      </Paper>
      {error && <Alert color="red">{error.message}</Alert>}
      {!data ? (
        !error && <Skeleton h={240} aria-label={t('common.loading')} />
      ) : data.total === 0 ? (
        <Paper withBorder radius="md" p="xl">
          <Text ta="center" c="dimmed">
            {t('auditLogs.empty')}
          </Text>
        </Paper>
      ) : (
        <Paper withBorder radius="md" opacity={isPlaceholderData ? 0.6 : 1}>
          <Table.ScrollContainer minWidth={900}>
            <Table striped aria-label={t('auditLogs.title')} verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={170}>{t('auditLogs.at')}</Table.Th>
                  <Table.Th>{t('auditLogs.actor')}</Table.Th>
                  <Table.Th>{t('auditLogs.action')}</Table.Th>
                  <Table.Th>{t('auditLogs.target')}</Table.Th>
                  <Table.Th>{t('auditLogs.content')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((log) => (
                  <AuditRow key={log.id} log={log} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {data && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('employees.total', { total: data.total })}
          </Text>
          {totalPages > 1 && (
            <Pagination
              total={totalPages}
              value={page}
              onChange={setPage}
              getControlProps={() => ({ 'aria-label': t('employees.pagination') })}
            />
          )}
        </Group>
      )}
    </Stack>
  );
}

const COLLAPSED = 3;

function AuditRow({ log }: { log: TAuditLog }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const lines = diffLines(log.before, log.after);
  const shown = open ? lines : lines.slice(0, COLLAPSED);
  const actionLabel = isAction(log.action) ? t(`auditLogs.actions.${log.action}`) : log.action;
  return (
    <Table.Tr>
      <Table.Td ff="monospace" fz="xs" style={{ whiteSpace: 'nowrap' }}>
        {formatDateTime(log.at)}
      </Table.Td>
      <Table.Td>{log.actorLoginId ?? '-'}</Table.Td>
      <Table.Td>
        <Badge variant="light" color={COLORS[log.action] ?? 'gray'}>
          {actionLabel}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="xs" c="dimmed">
          {log.targetType === 'employee' || log.targetType === 'employee_list'
            ? t(`auditLogs.targetTypes.${log.targetType}`)
            : log.targetType}
        </Text>
        {log.targetId &&
          (log.targetType === 'employee' ? (
            <AnchorLink to="/admin/employees/$id" params={{ id: log.targetId }} size="xs" ff="monospace">
              {log.targetId.slice(0, 8)}…
            </AnchorLink>
          ) : (
            <Text size="xs" ff="monospace">
              {log.targetId.slice(0, 8)}…
            </Text>
          ))}
      </Table.Td>
      <Table.Td>
        <Stack gap={2}>
          {shown.map((l) => (
            <Text key={l.key} size="xs" style={{ wordBreak: 'break-all' }}>
              <Code>{l.key}</Code>: {l.from} → {l.to}
            </Text>
          ))}
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
      </Table.Td>
    </Table.Tr>
  );
}
