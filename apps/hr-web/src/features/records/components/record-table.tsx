// One table for 対応記録一覧, 期限付きタスク and the employee tab: 記録日 (weekday), カテゴリ, タイトル・内容 with
// 「報告者：〇〇さん 対象者：〇〇さん」, 対応期限 (「期限切れ」 in red), 状態 and the row's actions.
import type { TRecord } from '@jinji/contracts/hr/records';
import { formatDateWithWeekday } from '@jinji/ja/text';
import { ActionIcon, Badge, Button, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeleteRecord, useSetRecordCompleted } from '../api/records';
import { RecordEditor } from './record-editor';

export function PeopleLine({ record }: { record: Pick<TRecord, 'reporters' | 'targets'> }) {
  const { t } = useTranslation();
  const names = (people: { name: string }[]) => people.map((p) => t('records.san', { name: p.name })).join('、');
  return (
    <Text size="xs" c="dimmed">
      {record.reporters.length > 0 && `${t('records.reporterLine', { names: names(record.reporters) })} `}
      {t('records.targetLine', { names: names(record.targets) })}
    </Text>
  );
}

export function StatusBadge({ record }: { record: Pick<TRecord, 'status'> }) {
  const { t } = useTranslation();
  return record.status === 'done' ? (
    <Badge color="teal" variant="light">
      {t('records.statusDone')}
    </Badge>
  ) : (
    <Badge color="gray" variant="outline">
      {t('records.statusOpen')}
    </Badge>
  );
}

function DueCell({ record, isDueThisWeek }: { record: TRecord; isDueThisWeek?: boolean }) {
  const { t } = useTranslation();
  if (!record.dueOn) return <Text size="sm">{t('records.noDue')}</Text>;
  return (
    <Stack gap={2}>
      <Text
        size="sm"
        c={record.isOverdue ? 'red.8' : undefined}
        fw={record.isOverdue ? 700 : undefined}
        style={{ whiteSpace: 'nowrap' }}
      >
        {formatDateWithWeekday(record.dueOn)}
      </Text>
      {record.isOverdue && (
        <Badge color="red" variant="filled" size="sm">
          {t('records.overdue')}
        </Badge>
      )}
      {!record.isOverdue && isDueThisWeek && (
        <Badge color="orange" variant="light" size="sm">
          {t('records.thisWeek')}
        </Badge>
      )}
    </Stack>
  );
}

function Body({ text }: { text: string }) {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  if (!text) return null;
  const isLong = text.length > 120 || text.includes('\n');
  return (
    <Stack gap={0} align="flex-start">
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} lineClamp={isOpen ? undefined : 2}>
        {text}
      </Text>
      {isLong && (
        <Button variant="subtle" size="compact-xs" onClick={() => setIsOpen((v) => !v)}>
          {isOpen ? t('records.less') : t('records.more')}
        </Button>
      )}
    </Stack>
  );
}

function RowActions({ record, onEdit }: { record: TRecord; onEdit: () => void }) {
  const { t } = useTranslation();
  const complete = useSetRecordCompleted();
  const remove = useDeleteRecord();
  return (
    <Group gap={4} wrap="nowrap">
      <Button
        size="compact-sm"
        variant={record.status === 'open' ? 'filled' : 'default'}
        loading={complete.isPending && complete.variables?.id === record.id}
        onClick={async () => {
          try {
            await complete.mutateAsync({ id: record.id, isCompleted: record.status === 'open' });
            if (record.status === 'open') notifications.show({ color: 'teal', message: t('records.completedMessage') });
          } catch (e) {
            notifications.show({ color: 'red', message: e instanceof Error ? e.message : String(e) });
          }
        }}
      >
        {record.status === 'open' ? t('records.complete') : t('records.reopen')}
      </Button>
      <Tooltip label={t('records.edit')}>
        <ActionIcon variant="subtle" aria-label={t('records.edit')} onClick={onEdit}>
          ✎
        </ActionIcon>
      </Tooltip>
      <Tooltip label={t('records.delete')}>
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={t('records.delete')}
          onClick={async () => {
            if (!window.confirm(t('records.deleteConfirm'))) return;
            try {
              await remove.mutateAsync(record.id);
              notifications.show({ message: t('records.deleted') });
            } catch (e) {
              notifications.show({ color: 'red', message: e instanceof Error ? e.message : String(e) });
            }
          }}
        >
          ✕
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

/** A phone's row: the same facts stacked, the actions at the bottom. */
function RecordCard({
  record: r,
  isDueThisWeek,
  onEdit,
}: {
  record: TRecord;
  isDueThisWeek: boolean | undefined;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack
      gap={6}
      p="sm"
      data-testid="record-row"
      bg={r.isOverdue ? 'var(--mantine-color-red-light)' : undefined}
      style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
    >
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{formatDateWithWeekday(r.recordedOn)}</Text>
        <StatusBadge record={r} />
      </Group>
      <Group gap={6}>
        <Text size="xs" c="dimmed">
          {r.category.name}
          {r.subcategory ? ` › ${r.subcategory.name}` : ''}
        </Text>
        {r.isSensitive && (
          <Badge color="grape" variant="light" size="xs">
            {t('records.sensitive')}
          </Badge>
        )}
      </Group>
      <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
        {r.title}
      </Text>
      <PeopleLine record={r} />
      <Body text={r.body} />
      {r.dueOn && (
        <Group gap={6}>
          <Text size="xs" c="dimmed">
            {t('records.dueOn')}
          </Text>
          <DueCell record={r} isDueThisWeek={isDueThisWeek} />
        </Group>
      )}
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {t('records.colAssignee')}：{r.assignee?.displayName ?? '-'}
        </Text>
        <RowActions record={r} onEdit={onEdit} />
      </Group>
    </Stack>
  );
}

export function RecordTable({
  records,
  dueThisWeek,
}: {
  records: TRecord[];
  /** 期限付きタスク: which rows are 今週期限 */
  dueThisWeek?: Set<string>;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<TRecord | null>(null);
  const isPhone = useMediaQuery('(max-width: 48em)');
  if (isPhone)
    return (
      <>
        <Stack gap={0}>
          {records.map((r) => (
            <RecordCard key={r.id} record={r} isDueThisWeek={dueThisWeek?.has(r.id)} onEdit={() => setEditing(r)} />
          ))}
        </Stack>
        {editing && <RecordEditor record={editing} onClose={() => setEditing(null)} />}
      </>
    );
  return (
    <>
      <Table.ScrollContainer minWidth={960}>
        <Table verticalSpacing="sm" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>{t('records.colRecordedOn')}</Table.Th>
              <Table.Th w={140}>{t('records.colCategory')}</Table.Th>
              <Table.Th>{t('records.colTitle')}</Table.Th>
              <Table.Th w={150}>{t('records.colDue')}</Table.Th>
              <Table.Th w={90}>{t('records.colStatus')}</Table.Th>
              <Table.Th w={110}>{t('records.colAssignee')}</Table.Th>
              <Table.Th w={170}>{t('records.colActions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {records.map((r) => (
              <Table.Tr
                key={r.id}
                data-testid="record-row"
                bg={r.isOverdue ? 'var(--mantine-color-red-light)' : undefined}
              >
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {formatDateWithWeekday(r.recordedOn)}
                  </Text>
                  {r.createdBy && (
                    <Text size="xs" c="dimmed">
                      {r.createdBy.displayName}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Stack gap={2} align="flex-start">
                    <Text size="sm">{r.category.name}</Text>
                    {r.subcategory && (
                      <Text size="xs" c="dimmed">
                        {r.subcategory.name}
                      </Text>
                    )}
                    {r.isSensitive && (
                      <Badge color="grape" variant="light" size="xs">
                        {t('records.sensitive')}
                      </Badge>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {r.title}
                    </Text>
                    <PeopleLine record={r} />
                    <Body text={r.body} />
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <DueCell record={r} isDueThisWeek={dueThisWeek?.has(r.id)} />
                </Table.Td>
                <Table.Td>
                  <StatusBadge record={r} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{r.assignee?.displayName ?? '-'}</Text>
                </Table.Td>
                <Table.Td>
                  <RowActions record={r} onEdit={() => setEditing(r)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editing && <RecordEditor record={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
