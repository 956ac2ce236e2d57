import { type TPasswordPolicy, ZPasswordPolicy } from '@jinji/contracts/common/password-policy';
import { formatDateTime } from '@jinji/ja/text';
import { useFormEditor } from '@jinji/web-kit/form-editor';
import { errorText } from '@jinji/web-kit/validation';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../lib/session';
import { passwordPolicyQueryOptions, useUpdatePasswordPolicy } from '../api/password';

const COUNT_FIELDS = ['minLength', 'minUppercase', 'minLowercase', 'minDigits', 'minSymbols'] as const;

type TForm = Record<(typeof COUNT_FIELDS)[number], number | string> & {
  forbidLoginId: boolean;
  hasExpiry: boolean;
  expiryDays: number | string;
  hasReuseLimit: boolean;
  reuseCount: number | string;
};

const toForm = (p: TPasswordPolicy): TForm => ({
  ...p,
  hasExpiry: p.expiryDays !== null,
  expiryDays: p.expiryDays ?? '',
  hasReuseLimit: p.reuseCount !== null,
  reuseCount: p.reuseCount ?? '',
});

// NumberInput gives '' for an empty box; send it as NaN so the schema reports 半角数字で入力.
const num = (v: number | string) => (v === '' ? Number.NaN : Number(v));

const toPolicy = (f: TForm) => ({
  minLength: num(f.minLength),
  minUppercase: num(f.minUppercase),
  minLowercase: num(f.minLowercase),
  minDigits: num(f.minDigits),
  minSymbols: num(f.minSymbols),
  forbidLoginId: f.forbidLoginId,
  expiryDays: f.hasExpiry ? num(f.expiryDays) : null,
  reuseCount: f.hasReuseLimit ? num(f.reuseCount) : null,
});

export function PasswordPolicyPage() {
  const { t } = useTranslation();
  const me = useMe();
  const policyQuery = useQuery(passwordPolicyQueryOptions);
  const update = useUpdatePasswordPolicy();
  const {
    form,
    setForm,
    errors,
    submit,
    close: cancel,
  } = useFormEditor({
    write: update,
    schema: ZPasswordPolicy,
    bodyOf: (f: TForm) => toPolicy(f),
  });
  const canEdit = me?.permissions.includes('system.password_policy') ?? false;

  if (!policyQuery.data) {
    return (
      <Stack>
        <Title order={2}>{t('policy.title')}</Title>
        {policyQuery.error ? <Alert color="red">{policyQuery.error.message}</Alert> : <Skeleton h={320} />}
      </Stack>
    );
  }
  const { policy, isDefault, updatedAt } = policyQuery.data;

  const patch = (p: Partial<TForm>) => setForm((f) => (f ? { ...f, ...p } : f));

  const rows: [string, string][] = [
    [t('policy.minLength'), t('policy.chars', { n: policy.minLength })],
    [t('policy.minUppercase'), t('policy.chars', { n: policy.minUppercase })],
    [t('policy.minLowercase'), t('policy.chars', { n: policy.minLowercase })],
    [t('policy.minDigits'), t('policy.chars', { n: policy.minDigits })],
    [t('policy.minSymbols'), t('policy.chars', { n: policy.minSymbols })],
    [t('policy.forbidLoginId'), policy.forbidLoginId ? t('policy.forbid') : t('policy.allow')],
    [
      t('policy.expiry'),
      policy.expiryDays === null ? t('policy.expiryOff') : t('policy.everyNDays', { n: policy.expiryDays }),
    ],
    [
      t('policy.reuse'),
      policy.reuseCount === null ? t('policy.reuseUnlimited') : t('policy.lastNGenerations', { n: policy.reuseCount }),
    ],
  ];

  return (
    <Stack maw={720}>
      <Title order={2}>{t('policy.title')}</Title>
      <Text c="dimmed">{t('policy.lead')}</Text>
      {isDefault && <Alert color="blue">{t('policy.isDefault')}</Alert>}
      {!canEdit && <Alert color="gray">{t('policy.forbidden')}</Alert>}

      {form === null ? (
        <Paper withBorder radius="md">
          <Table striped withColumnBorders>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="50%">{t('policy.item')}</Table.Th>
                <Table.Th>{t('policy.value')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Td>{label}</Table.Td>
                  <Table.Td>{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ) : (
        <Paper
          withBorder
          radius="md"
          p="lg"
          component="form"
          noValidate
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            submit();
          }}
        >
          <Stack>
            {update.error && (
              <Alert color="red" role="alert" title={t('kit.error')}>
                {update.error.message}
              </Alert>
            )}
            {COUNT_FIELDS.map((key) => (
              <NumberInput
                key={key}
                label={t(`policy.${key}`)}
                value={form[key]}
                onChange={(v) => patch({ [key]: v })}
                error={errorText(errors[key])}
                min={0}
                max={key === 'minLength' ? 64 : 20}
                allowDecimal={false}
                allowNegative={false}
                maw={240}
              />
            ))}
            <Checkbox.Group
              label={t('policy.forbidLoginId')}
              value={form.forbidLoginId ? ['forbid'] : []}
              onChange={(v) => patch({ forbidLoginId: v.includes('forbid') })}
              error={errorText(errors.forbidLoginId)}
            >
              <Checkbox mt={4} value="forbid" label={t('policy.forbid')} />
            </Checkbox.Group>
            <Group align="flex-start">
              <Select
                label={t('policy.expiry')}
                data={[
                  { value: 'off', label: t('policy.expiryOff') },
                  { value: 'on', label: t('policy.expiryOn') },
                ]}
                value={form.hasExpiry ? 'on' : 'off'}
                onChange={(v) => patch({ hasExpiry: v === 'on' })}
                allowDeselect={false}
                w={240}
              />
              <NumberInput
                label={t('policy.expiryDays')}
                value={form.expiryDays}
                onChange={(v) => patch({ expiryDays: v })}
                disabled={!form.hasExpiry}
                error={errorText(errors.expiryDays)}
                min={1}
                max={3650}
                allowDecimal={false}
                allowNegative={false}
                w={160}
              />
            </Group>
            <Group align="flex-start">
              <Select
                label={t('policy.reuse')}
                data={[
                  { value: 'off', label: t('policy.reuseUnlimited') },
                  { value: 'on', label: t('policy.reuseLimited') },
                ]}
                value={form.hasReuseLimit ? 'on' : 'off'}
                onChange={(v) => patch({ hasReuseLimit: v === 'on' })}
                allowDeselect={false}
                w={240}
              />
              <NumberInput
                label={t('policy.reuseCount')}
                value={form.reuseCount}
                onChange={(v) => patch({ reuseCount: v })}
                disabled={!form.hasReuseLimit}
                error={errorText(errors.reuseCount)}
                min={1}
                max={24}
                allowDecimal={false}
                allowNegative={false}
                w={160}
              />
            </Group>
            <Group>
              <Button type="submit" loading={update.isPending}>
                {t('common.update')}
              </Button>
              <Button variant="default" onClick={cancel}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}

      {form === null && canEdit && (
        <Group>
          <Button onClick={() => setForm(toForm(policy))}>{t('common.edit')}</Button>
        </Group>
      )}
      {updatedAt && (
        <Text size="sm" c="dimmed">
          {t('policy.updatedAt', { date: formatDateTime(updatedAt) })}
        </Text>
      )}
    </Stack>
  );
}
