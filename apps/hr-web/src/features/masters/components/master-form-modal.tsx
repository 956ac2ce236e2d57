import { MASTER_KIND_INFO, type TMasterItem, type TMasterKind, ZMasterInput } from '@jinji/contracts/hr/masters';
import { fieldErrorsOf, isApiError } from '@jinji/web-kit/api-client';
import { errorText, type TFieldErrors, validate } from '@jinji/web-kit/validation';
import { Alert, Button, Checkbox, Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allMastersQueryOptions, useSaveMaster } from '../api/masters';
import { subtreeIds } from '../lib/tree';

type TForm = {
  code: string;
  name: string;
  sortOrder: number | string;
  isValid: boolean;
  companyId: string | null;
  parentId: string | null;
};

const toForm = (item: TMasterItem | null, nextSortOrder: number): TForm =>
  item
    ? {
        code: item.code,
        name: item.name,
        sortOrder: item.sortOrder,
        isValid: item.isValid,
        companyId: item.companyId,
        parentId: item.parentId,
      }
    : { code: '', name: '', sortOrder: nextSortOrder, isValid: true, companyId: null, parentId: null };

/** Options: valid rows, plus the current value even when it has become invalid (old data stays visible). */
function optionsOf(rows: TMasterItem[], current: string | null, invalidSuffix: string) {
  return rows
    .filter((r) => r.isValid || r.id === current)
    .map((r) => ({ value: r.id, label: `${r.code} ${r.name}${r.isValid ? '' : invalidSuffix}` }));
}

/** 【新規登録】 and 編集 of one master row (item null = new). */
export function MasterFormModal({
  kind,
  item,
  nextSortOrder,
  onClose,
}: {
  kind: TMasterKind;
  item: TMasterItem | null;
  nextSortOrder: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const info = MASTER_KIND_INFO[kind];
  const save = useSaveMaster(kind);
  const [form, setForm] = useState<TForm>(() => toForm(item, nextSortOrder));
  const [errors, setErrors] = useState<TFieldErrors>({});
  const companies = useQuery({ ...allMastersQueryOptions('company'), enabled: info.hasCompany });
  const parents = useQuery({
    ...allMastersQueryOptions(info.parentKind ?? kind),
    enabled: info.parentKind !== null,
  });
  const invalidSuffix = t('masters.invalidSuffix');

  const patch = (p: Partial<TForm>) => {
    setForm((f) => ({ ...f, ...p }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !(k in p))));
  };

  // never itself or one of its own descendants (the server refuses that cycle too)
  const ownSubtree = item ? subtreeIds(parents.data ?? [], item.id) : new Set<string>();
  const parentRows = (parents.data ?? []).filter(
    (r) => !ownSubtree.has(r.id) && (kind !== 'department' || r.companyId === form.companyId), // 上位部署 of the same company
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = validate(ZMasterInput, {
      ...form,
      sortOrder: form.sortOrder === '' ? Number.NaN : Number(form.sortOrder),
    });
    const next: TFieldErrors = { ...(result.errors ?? {}) };
    if (info.hasCompany && !form.companyId) next.companyId = [t('masters.companyRequired')];
    if (info.parentRequired && !form.parentId)
      next.parentId = [t('masters.parentRequired', { label: info.parentLabel })];
    setErrors(next);
    if (!result.data || Object.keys(next).length > 0) return;
    save.mutate(
      { id: item?.id ?? null, body: result.data },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: item ? t('common.updated') : t('masters.created') });
          onClose();
        },
        onError: (err) => setErrors(fieldErrorsOf(err)),
      },
    );
  };

  // Field errors show under their input; the Alert only for what has no input (e.g. NOT_FOUND).
  const showAlert = save.error && !(isApiError(save.error) && save.error.fields.length > 0);

  return (
    <Modal
      opened
      onClose={onClose}
      title={t(item ? 'masters.editTitle' : 'masters.newTitle', { label: t(`masters.kinds.${kind}`) })}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {showAlert && (
            <Alert color="red" role="alert" title={t('kit.error')}>
              {save.error?.message}
            </Alert>
          )}
          {info.hasCompany && (
            <Select
              label={t('masters.company')}
              data={optionsOf(companies.data ?? [], form.companyId, invalidSuffix)}
              value={form.companyId}
              onChange={(v) => patch(kind === 'department' ? { companyId: v, parentId: null } : { companyId: v })}
              error={errorText(errors.companyId)}
              searchable
              required
              nothingFoundMessage={t('masters.noOptions')}
            />
          )}
          <TextInput
            label={t('masters.code')}
            description={t('masters.codeHint')}
            value={form.code}
            onChange={(e) => patch({ code: e.currentTarget.value })}
            error={errorText(errors.code)}
            required
            maw={280}
          />
          <TextInput
            label={t('masters.name')}
            value={form.name}
            onChange={(e) => patch({ name: e.currentTarget.value })}
            error={errorText(errors.name)}
            required
          />
          {info.parentKind && (
            <Select
              label={t(kind === 'department' ? 'masters.parentDepartment' : 'masters.parentCategory')}
              data={optionsOf(parentRows, form.parentId, invalidSuffix)}
              value={form.parentId}
              onChange={(v) => patch({ parentId: v })}
              error={errorText(errors.parentId)}
              searchable
              clearable={!info.parentRequired}
              required={info.parentRequired}
              disabled={kind === 'department' && !form.companyId}
              placeholder={kind === 'department' ? t('masters.parentNone') : undefined}
              nothingFoundMessage={t('masters.noOptions')}
            />
          )}
          <NumberInput
            label={t('masters.sortOrder')}
            value={form.sortOrder}
            onChange={(v) => patch({ sortOrder: v })}
            error={errorText(errors.sortOrder)}
            min={0}
            max={999_999}
            allowDecimal={false}
            allowNegative={false}
            maw={200}
          />
          <Checkbox
            label={t('masters.valid')}
            checked={form.isValid}
            onChange={(e) => patch({ isValid: e.currentTarget.checked })}
            description={t('masters.validHint')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {item ? t('common.update') : t('masters.register')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
