// The record editor (登録 / 編集) as a modal: 対象者 (prefilled from an employee's page), 報告者/情報源,
// カテゴリ 大区分 → 小区分, タイトル, 内容, 記録日 (today), 対応期限, 「このタスクを完了にする」, 担当者.
// Checked with the server's own schema first; the server's field errors land on the same fields.
import { type TRecord, type TRecordInput, ZRecordInput } from '@jinji/contracts/hr/records';
import { todayInJapan } from '@jinji/ja/text';
import { fieldErrorsOf } from '@jinji/web-kit/api-client';
import { errorText, type TFieldErrors, validate } from '@jinji/web-kit/validation';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recordFormOptionsQueryOptions, useSaveRecord } from '../api/records';
import { EmployeePicker, type TPicked } from './employee-picker';

type TDraft = {
  targets: TPicked[];
  reporters: TPicked[];
  categoryId: string | null;
  subcategoryId: string | null;
  title: string;
  body: string;
  recordedOn: string;
  dueOn: string;
  isCompleted: boolean;
  assigneeUserId: string | null;
};

const draftOf = (r: TRecord | null, targets: TPicked[]): TDraft =>
  r
    ? {
        targets: r.targets,
        reporters: r.reporters,
        categoryId: r.category.id,
        subcategoryId: r.subcategory?.id ?? null,
        title: r.title,
        body: r.body,
        recordedOn: r.recordedOn,
        dueOn: r.dueOn ?? '',
        isCompleted: r.status === 'done',
        assigneeUserId: r.assignee?.userId ?? null,
      }
    : {
        targets,
        reporters: [],
        categoryId: null,
        subcategoryId: null,
        title: '',
        body: '',
        recordedOn: todayInJapan(),
        dueOn: '',
        isCompleted: true,
        assigneeUserId: null,
      };

const bodyOf = (d: TDraft): TRecordInput => ({
  targetIds: d.targets.map((p) => p.employeeId),
  reporterIds: d.reporters.map((p) => p.employeeId),
  categoryId: d.categoryId ?? '',
  subcategoryId: d.subcategoryId,
  title: d.title,
  body: d.body,
  recordedOn: d.recordedOn,
  dueOn: d.dueOn || null,
  isCompleted: d.isCompleted,
  assigneeUserId: d.assigneeUserId,
});

export function RecordEditor({
  record,
  initialTargets = [],
  onClose,
}: {
  /** null: a new record */
  record: TRecord | null;
  initialTargets?: TPicked[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const options = useQuery(recordFormOptionsQueryOptions);
  const save = useSaveRecord();
  const [draft, setDraft] = useState<TDraft>(() => draftOf(record, initialTargets));
  const [errors, setErrors] = useState<TFieldErrors>({});
  const set = (patch: Partial<TDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    // a field the user has just changed no longer shows the old message
    const paths = Object.keys(patch).map((k) =>
      k === 'targets' ? 'targetIds' : k === 'reporters' ? 'reporterIds' : k,
    );
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !paths.includes(k))));
  };
  const categories = options.data?.categories ?? [];
  const category = categories.find((c) => c.id === draft.categoryId);
  const shown = (isValid: boolean, id: string, current: string | null) => isValid || id === current;

  const submit = async () => {
    const body = bodyOf(draft);
    const checked = validate(ZRecordInput, body);
    if (checked.errors) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    try {
      await save.mutateAsync({ id: record?.id ?? null, body });
      notifications.show({ color: 'teal', message: t(record ? 'records.updated' : 'records.saved') });
      onClose();
    } catch (e) {
      setErrors(fieldErrorsOf(e));
    }
  };

  return (
    <Modal opened onClose={onClose} title={t(record ? 'records.editTitle' : 'records.newTitle')} size="xl">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <EmployeePicker
            label={t('records.targets')}
            value={draft.targets}
            onChange={(targets) => set({ targets })}
            error={errorText(errors.targetIds)}
            isRequired
          />
          <EmployeePicker
            label={t('records.reporters')}
            description={t('records.reportersHint')}
            value={draft.reporters}
            onChange={(reporters) => set({ reporters })}
            error={errorText(errors.reporterIds)}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('records.category')}
              data={categories
                .filter((c) => shown(c.isValid, c.id, record?.category.id ?? null))
                .map((c) => ({ value: c.id, label: c.name }))}
              value={draft.categoryId}
              onChange={(v) => set({ categoryId: v, subcategoryId: null })}
              error={errorText(errors.categoryId)}
              withAsterisk
              allowDeselect={false}
            />
            <Select
              label={t('records.subcategory')}
              data={(category?.subcategories ?? [])
                .filter((s) => shown(s.isValid, s.id, record?.subcategory?.id ?? null))
                .map((s) => ({ value: s.id, label: s.name }))}
              value={draft.subcategoryId}
              onChange={(v) => set({ subcategoryId: v })}
              error={errorText(errors.subcategoryId)}
              disabled={!category || category.subcategories.length === 0}
              clearable
            />
          </SimpleGrid>
          <TextInput
            label={t('records.title')}
            value={draft.title}
            onChange={(e) => set({ title: e.currentTarget.value })}
            error={errorText(errors.title)}
            withAsterisk
            maxLength={200}
          />
          <Textarea
            label={t('records.body')}
            description={t('records.bodyCount', { count: draft.body.length.toLocaleString('ja-JP') })}
            value={draft.body}
            onChange={(e) => set({ body: e.currentTarget.value })}
            error={errorText(errors.body)}
            autosize
            minRows={5}
            maxRows={14}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="date"
              label={t('records.recordedOn')}
              value={draft.recordedOn}
              onChange={(e) => set({ recordedOn: e.currentTarget.value })}
              error={errorText(errors.recordedOn)}
              withAsterisk
            />
            <TextInput
              type="date"
              label={t('records.dueOn')}
              description={t('records.dueOnHint')}
              value={draft.dueOn}
              onChange={(e) => set({ dueOn: e.currentTarget.value })}
              error={errorText(errors.dueOn)}
            />
          </SimpleGrid>
          <Checkbox
            label={t('records.isCompleted')}
            description={t('records.isCompletedHint')}
            checked={draft.isCompleted}
            onChange={(e) => set({ isCompleted: e.currentTarget.checked })}
          />
          <Select
            label={t('records.assignee')}
            description={t('records.assigneeHint')}
            data={(options.data?.assignees ?? []).map((a) => ({ value: a.userId, label: a.displayName }))}
            value={draft.assigneeUserId}
            onChange={(v) => set({ assigneeUserId: v })}
            error={errorText(errors.assigneeUserId)}
            clearable
          />
          {save.error && !Object.keys(errors).length && <Alert color="red">{save.error.message}</Alert>}
          {options.error && <Alert color="red">{options.error.message}</Alert>}
          {Object.keys(errors).length > 0 && (
            <Text size="sm" c="red" role="alert">
              {Object.values(errors)[0]?.[0]}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('records.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t(record ? 'records.update' : 'records.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
